// nn.residual and nn.concat: blocks holding layers of their own, so ResNet, Inception and
// DenseNet blocks fit in a sequential.
import type { ConcatRule, ResidualRule } from "./blocks.types.ts";
import type { Layer, ShapeRule } from "../../../types/model/layer.ts";
import { fail, ShapeError } from "../../errors.ts";
import type { RuntimeShape } from "../../shape/dims.ts";
import { concatShapes, equalShapes } from "../../shape/join.ts";
import { isObject } from "../../shape/args.ts";
import type { AnyLayer, RuntimeLayer } from "../../model/layer.ts";
import { asLayers, type AnyModel } from "../../model/model-as-layer.ts";

/** What a block holds: layers, and models used as layers (`sequential(input(...), ...)`, src/model/model-as-layer.ts). */
export type BlockItem = AnyLayer | AnyModel;
import type { KindConfig, LayerConfig } from "../layer-config.ts";
import { walk } from "../../model/walk.ts";

/** `nn.residual(...layers)`: x + block(x); the block's output must equal its input, or the projection's output. */
export interface Residual<Layers extends readonly BlockItem[], Projection extends readonly BlockItem[] = []>
  extends Layer, RuntimeLayer {
  readonly kind: "residual";
  readonly layers: Layers;
  readonly projection: Projection;
  readonly "~rule": ResidualShapeRule<Layers, Projection>;
}
/** The shape rule of Residual. */
export interface ResidualShapeRule<
  Layers extends readonly BlockItem[],
  Projection extends readonly BlockItem[],
> extends ShapeRule {
  readonly "~output": ResidualRule<`residual(${CountOf<Layers>} layers)`, Layers, Projection, this["~input"]>;
}

/** `nn.concat(dim, ...branches)`: each branch on the same input, outputs joined along dim. */
export interface Concat<D extends number, Branches extends readonly (readonly BlockItem[])[]>
  extends Layer, RuntimeLayer {
  readonly kind: "concat";
  readonly dim: D;
  readonly branches: Branches;
  readonly "~rule": ConcatShapeRule<D, Branches>;
}
/** The shape rule of Concat. */
export interface ConcatShapeRule<
  D extends number,
  Branches extends readonly (readonly BlockItem[])[],
> extends ShapeRule {
  readonly "~output": ConcatRule<`concat(${D}, ${CountOf<Branches>} branches)`, D, Branches, this["~input"]>;
}

/**
 * How many layers (or branches) a block's name says: the count, or `n` for an array that is not a
 * tuple (the compiler does not know its length; the runtime's message says it). Never `${number}`:
 * a message with a hole in it is a template literal type, which TypeScript 5.9 prints with its
 * non-ASCII characters escaped (`\u00B7`).
 */
type CountOf<Items extends readonly unknown[]> = number extends Items["length"] ? "n" : Items["length"];

export const writeInnerMessage = (block: string, index: number, message: string): string =>
  `${block}, layer ${index}: ${message}`;

/** Runs layers inside a block; a ShapeError names the block and the layer's index in it. */
export function run(block: string, input: RuntimeShape, layers: readonly RuntimeLayer[]): RuntimeShape {
  try {
    return walk(input, layers).at(-1) ?? input;
  } catch (error) {
    if (error instanceof ShapeError && error.layerIndex !== undefined)
      fail(writeInnerMessage(block, error.layerIndex, error.message));
    throw error;
  }
}

/** Options of a residual block. */
export interface ResidualOptions<Projection extends readonly BlockItem[]> {
  /** Layers applied to the shortcut (e.g. a 1×1 strided conv) when the block changes the shape. Default: none (identity). */
  readonly projection: Projection;
}

/** The config of residual (its runtime object): its layers and the projection of the shortcut (none: identity). */
export interface ResidualConfig extends KindConfig<"residual"> {
  readonly layers: readonly LayerConfig[];
  readonly projection: readonly LayerConfig[];
}
/** The config of nn.sequential nested in a model (its runtime object, sequential.nn.ts). */
export interface NestedSequentialConfig extends KindConfig<"nestedSequential"> {
  readonly layers: readonly LayerConfig[];
}
/** The config of concat (its runtime object). */
export interface ConcatConfig extends KindConfig<"concat"> {
  readonly dim: number;
  readonly branches: readonly (readonly LayerConfig[])[];
}

/**
 * A residual block, `x + block(x)` (He et al.; torchvision's BasicBlock). The block's output shape
 * must equal its input's, or the projection's output when one is given.
 *
 * @example
 * nn.residual(nn.conv2d(64, 64, 3, 1, 1), nn.batchNorm2d(64), nn.relu(), nn.conv2d(64, 64, 3, 1, 1), nn.batchNorm2d(64));
 * nn.residual({ projection: [nn.conv2d(64, 128, 1, 2)] }, nn.conv2d(64, 128, 3, 2, 1), nn.relu(), nn.conv2d(128, 128, 3, 1, 1));
 */
export function residual<const Layers extends readonly BlockItem[]>(...layers: Layers): Residual<Layers>;
export function residual<const Projection extends readonly BlockItem[], const Layers extends readonly BlockItem[]>(
  options: ResidualOptions<Projection>,
  ...layers: Layers
): Residual<Layers, Projection>;
export function residual(...args: readonly unknown[]): RuntimeLayer {
  // An options object first, or layers only (a value that is neither: the walk says it is not a layer).
  const first = args[0];
  const [options, layers] =
    isObject(first) && !isLayer(first) && !Array.isArray(first)
      ? [first as Partial<ResidualOptions<readonly BlockItem[]>>, args.slice(1)]
      : [{ projection: [] }, args];
  if (!Array.isArray(options.projection)) fail(writeProjectionMessage);
  const main = layers as readonly RuntimeLayer[];
  const projection = options.projection as readonly RuntimeLayer[];
  asLayers(main); // a model among the layers: its layer form
  asLayers(projection);
  const block = `residual(${main.length} layers)`;
  const runtime: ResidualConfig = {
    kind: "residual",
    written: block,
    layers: main as readonly LayerConfig[],
    projection: projection as readonly LayerConfig[],
    outputShape: (input: RuntimeShape) => {
      const output = run(block, input, main);
      // the sum's other term: the input, or the projection's output
      const [other, shortcut] =
        projection.length === 0
          ? ["its input", input]
          : ["the projection's output", run(`${block} projection`, input, projection)];
      return equalShapes(block, "the block's output", output, other, shortcut);
    },
  };
  return runtime;
}

const isLayer = (value: unknown): boolean => isObject(value) && "kind" in value;
/** The ShapeError for an options object without an array of layers as `projection`. */
export const writeProjectionMessage =
  "residual: the options object's projection must be an array of layers, as in nn.residual({ projection: [nn.conv2d(64, 128, 1, 2)] }, ...layers)";

export const writeBranchMessage = (block: string, index: number): string =>
  `${block}: branch ${index} must be an array of layers, as in nn.concat(1, [nn.conv2d(64, 32, 1)], [nn.conv2d(64, 32, 3, 1, 1)])`;

/**
 * Branches applied to the same input, joined along `dim` (Inception's and DenseNet's blocks); their
 * outputs must agree on every other dimension.
 *
 * @example
 * nn.concat(1, [nn.conv2d(64, 32, 1)], [nn.conv2d(64, 32, 3, 1, 1)]); // [n, 64, 28, 28] → [n, 64, 28, 28]
 */
export function concat<const D extends number, const Branches extends readonly (readonly BlockItem[])[]>(
  dim: D,
  ...branches: Branches
): Concat<D, Branches> {
  const block = `concat(${dim}, ${branches.length} branches)`;
  branches.forEach((branch, i) => {
    if (!Array.isArray(branch)) fail(writeBranchMessage(block, i));
  });
  branches.forEach(asLayers); // a model among a branch's layers: its layer form
  const runtime: ConcatConfig = {
    kind: "concat",
    written: block,
    dim,
    branches: branches as readonly (readonly LayerConfig[])[],
    outputShape: (input: RuntimeShape) =>
      concatShapes(
        block,
        dim,
        branches.map((branch, i) => run(`${block} branch ${i}`, input, branch as readonly RuntimeLayer[])),
      ),
  };
  return runtime as never;
}
