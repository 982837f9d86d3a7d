import type { Layer } from "../../types/model/layer.ts";
import type { RuntimeShape } from "../shape/dims.ts";

/** What every layer is at run time: its written form and the runtime twin of its shape rule. */
export interface RuntimeLayer {
  readonly kind: string;
  /** The layer as written, for messages and tables: `linear(9216, 128)`. */
  readonly written: string;
  /** The output shape for an input shape; throws a ShapeError with the rule's message. */
  outputShape(input: RuntimeShape): RuntimeShape;
  /** Where output dimensions come from (flatten: `64·12·12`), when the layer knows. */
  origins?(input: RuntimeShape): string[];
}

/** A layer as builders return it: its type-level rule and its runtime twin. */
export type AnyLayer = Layer & RuntimeLayer;

/** Gives a runtime layer object its public type (the phantom `~` properties exist only in types). */
export const typed = <Public extends AnyLayer>(layer: RuntimeLayer): Public => layer as Public;
