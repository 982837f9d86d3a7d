// shapecheck's own layer builders, bundled into the plugin: the plugin rebuilds a layer from the
// literal values of its call's arguments to run the layer's runtime shape rule and explain it.
// Only the public entry is imported, so the plugin does not depend on where a family lives in src/.
import { layers, nn, type RuntimeShape } from "../index.ts";

/** A layer as shapecheck's builders return it at run time. */
export interface BuiltLayer {
  readonly kind: string;
  readonly written: string;
  outputShape(input: RuntimeShape): RuntimeShape;
  readonly [field: string]: unknown;
}

export type Builder = (...args: unknown[]) => BuiltLayer;

const namespaces: Readonly<Record<string, Readonly<Record<string, unknown>>>> = { nn, layers };

/** The builder `namespace.name` (`nn.conv2d`), if shapecheck has one. */
export function builderFor(namespace: string, name: string): Builder | undefined {
  const table = Object.hasOwn(namespaces, namespace) ? namespaces[namespace] : undefined;
  const build = table && Object.hasOwn(table, name) ? table[name] : undefined;
  return typeof build === "function" ? (build as Builder) : undefined;
}
