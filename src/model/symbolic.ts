// Symbolic tensors: the functional API for graphs that are not a chain (several inputs and outputs,
// skip connections, shared layers). `input(...)` gives one; `.pipe(...layers)` applies layers
// with the same per-layer checks as `sequential`; `ops` joins them (add, cat, matmul).
import type { CheckedLayers } from "../../types/model/walk.ts";
import type { Shape } from "../../types/shape/dims.ts";
import type { RuntimeShape } from "../shape/dims.ts";
import type { RuntimeLayer } from "./layer.ts";
import type { OutputOf } from "./sequential.ts";
import { walk } from "./walk.ts";

/** How a symbolic tensor was made: the graph's edges, read by the runtime when it builds the model. */
export type GraphNode =
  | { readonly op: "input" }
  | { readonly op: "layers"; readonly from: SymbolicTensor; readonly layers: readonly RuntimeLayer[] }
  | { readonly op: "add"; readonly from: readonly SymbolicTensor[] }
  | { readonly op: "cat"; readonly dim: number; readonly from: readonly SymbolicTensor[] }
  | { readonly op: "matmul"; readonly from: readonly SymbolicTensor[] };

/**
 * A tensor of a graph being built: its shape, known to the compiler (`S`) and at run time.
 * (`out S`: declared covariant, which the compiler would otherwise measure again in every new
 * checker, that is after every edit in an editor: ~5 ms.)
 */
export interface Symbolic<out S extends Shape> {
  /** The shape at run time, batch first (`null` where unknown). */
  readonly shape: RuntimeShape;
  readonly node: GraphNode;
  /** Phantom: the shape as a type. */
  readonly "~shape": S;
  /**
   * Applies layers in order; a layer that does not fit is a compile error on that layer, as in `sequential`.
   *
   * @example
   * const x = input([3, 64, 64]);
   * const features = x.pipe(nn.conv2d(3, 16, 3, 1, 1), nn.relu()); // Symbolic<[number, 16, 64, 64]>
   */
  pipe<const Layers extends readonly unknown[]>(...layers: CheckedLayers<S, Layers>): Symbolic<OutputOf<S, Layers>>;
}

let created = 0;

/** The runtime class behind `Symbolic`. */
export class SymbolicTensor {
  /** Creation order: a graph numbers its `pipe` calls in this order (their state_dict keys). */
  readonly order = created++;

  constructor(readonly shape: RuntimeShape, readonly node: GraphNode) {}

  pipe(...layers: readonly RuntimeLayer[]): SymbolicTensor {
    const trace = walk(this.shape, layers);
    return new SymbolicTensor(trace.at(-1) ?? this.shape, { op: "layers", from: this, layers });
  }
}

/** The shapes of a tuple of symbolic tensors. */
export type ShapesOf<Tensors extends readonly unknown[]> = Tensors extends readonly [Symbolic<infer S>, ...infer Rest] ? [S, ...ShapesOf<Rest>] : [];
