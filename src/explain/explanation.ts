// What `shapecheck explain` computes for a model, before it is printed in any format.
import type { RuntimeShape } from "../shape/dims.ts";

/** One layer (or graph operation) of a model, explained. */
export interface ExplainedLayer {
  /** Unique within its model: `L0`, `L3_b1_0` (a layer inside a block), `op2` (a graph operation). */
  readonly id: string;
  /** Position as printed: `0`, `3.1` (the second layer in block 3). */
  readonly index: string;
  /** The layer as written: `conv2d(1, 32, 3, 1)`. */
  readonly layer: string;
  readonly kind: string;
  /** Ids of the rows (or inputs) this one reads: the previous layer in a chain, both operands of `ops.add`. */
  readonly from: readonly string[];
  readonly input: RuntimeShape;
  /** The output shape, or `null` for the layer that does not fit. */
  readonly output: RuntimeShape | null;
  /**
   * How each changed dimension was computed (`H, W: ⌊(28 + 2·0 − 1·(3 − 1) − 1) / 1⌋ + 1 = 26`);
   * `[]` when no dimension changes, `null` for a kind explain does not know.
   */
  readonly arithmetic: readonly string[] | null;
  /** PyTorch's parameter count (tfjs's for the `layers` vocabulary); `null` when unknown. */
  readonly params: number | null;
  /** The ShapeError's message, on the layer that does not fit. */
  readonly error?: string;
  /** The layers inside a block (`residual`, `concat`), per branch. */
  readonly branches?: readonly ExplainedBranch[];
}

/** The layers of one branch of a block: `layers`, `projection`, `branch 0`. */
export interface ExplainedBranch {
  readonly label: string;
  readonly layers: readonly ExplainedLayer[];
}

/** A model input: `in` for a sequential, `in0`, `in1`… for a graph. */
export interface ExplainedInput {
  readonly id: string;
  readonly shape: RuntimeShape;
}

/** A whole model explained: its rows in order (a graph's in topological order) and the totals. */
export interface ExplainedModel {
  /** The export's name (`net`, `default`), or where the failing model was built. */
  readonly name: string;
  /** `file:line` where the model was built, when it threw while the file loaded. */
  readonly location?: string;
  readonly kind: "sequential" | "graph";
  readonly inputs: readonly ExplainedInput[];
  readonly layers: readonly ExplainedLayer[];
  /** Ids of the rows (or inputs) that are the model's outputs; `[]` when a layer does not fit. */
  readonly outputs: readonly string[];
  /** The sum of the known counts (a layer used twice counts once); `complete` is false when a count is unknown. */
  readonly params: { readonly total: number; readonly complete: boolean };
  /** The shape mistake, when the model stops at a layer that does not fit. */
  readonly error?: { readonly id: string; readonly layer: string; readonly message: string };
}

/** The result for one file. */
export interface ExplainedFile {
  readonly file: string;
  readonly models: readonly ExplainedModel[];
}
