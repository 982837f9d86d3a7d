// Symbolic tensors: the functional API for graphs that are not a chain (several inputs and outputs,
// skip connections, shared layers). `input(...)` gives one; `.pipe(...layers)` applies layers
// with the same per-layer checks as `sequential`; `ops` computes with them (src/ops/). After a
// mistake a tensor's shape is unknown (`Shape`): later lines accept it without new errors.
import type { PipedLayers } from "../../types/model/walk.ts";
import type { DimIndex } from "../../types/shape/dim-index.ts";
import type { Shape } from "../../types/shape/dims.ts";
import { checkedDimIndex } from "../shape/dim-index.ts";
import type { RuntimeShape } from "../shape/dims.ts";
import type { CallableLayer } from "./call.ts";
import type { RuntimeLayer } from "./layer.ts";
import type { OutputOf } from "./sequential.ts";
import { outputOf } from "./walk.ts";

/** How a symbolic tensor was made: the graph's edges, read by the runtime when it builds the model. */
export type GraphNode =
  | { readonly op: "input" }
  | { readonly op: "layers"; readonly from: SymbolicTensor; readonly layers: readonly RuntimeLayer[] }
  | { readonly op: "add"; readonly from: readonly SymbolicTensor[] }
  | { readonly op: "cat"; readonly dim: number; readonly from: readonly SymbolicTensor[] }
  | { readonly op: "matmul"; readonly from: readonly SymbolicTensor[] }
  /** An operation of `ops` (src/ops/rules.ts names them): its arguments, plain data, and its tensor operands. */
  | {
      readonly op: "fn";
      readonly fn: string;
      readonly args: readonly unknown[];
      readonly from: readonly SymbolicTensor[];
    }
  /**
   * A layer called on several symbolic tensors (src/model/call.ts): its arguments' names and tensors
   * (absent optional ones left out), its plain-data options, and all its output shapes; this tensor
   * is the first output.
   */
  | {
      readonly op: "call";
      readonly layer: CallableLayer;
      readonly names: readonly string[];
      readonly from: readonly SymbolicTensor[];
      readonly options: Readonly<Record<string, unknown>>;
      readonly shapes: readonly RuntimeShape[];
    }
  /** Output `index` (≥ 1) of a call: `from` is the call's tensor. */
  | { readonly op: "output"; readonly index: number; readonly from: readonly [SymbolicTensor] };

/** Shapes the compiler knows the rank of; `Shape` itself (after a mistake) is not one. */
type KnownRank = readonly [] | readonly [unknown, ...unknown[]];

/**
 * A tensor of a graph being built: its shape, known to the compiler (`S`) and at run time; `Node`, how
 * it was made (an input's is `{ op: "input" }`: `Input<S>`). (`out S`, `out Node`: declared covariant,
 * which the compiler would otherwise measure again in every new checker, that is after every edit in
 * an editor: ~5 ms.)
 */
export interface Symbolic<out S extends Shape, out Node extends GraphNode = GraphNode> {
  /** The shape at run time, batch first (`null` where unknown). */
  readonly shape: RuntimeShape;
  readonly node: Node;
  /** Phantom: the shape as a type. */
  readonly "~shape": S;
  /**
   * Applies layers in order; a layer that does not fit is a compile error on that layer, as in `sequential`.
   * After a mistake (an unknown shape, `Shape`) the walk accepts the layers: one mistake, one error.
   * (The shape is read from `this`, `In`: with `S` in the parameters, the conditional types of the
   * walk would not let the compiler see that `Symbolic` is covariant, as its annotation says.)
   *
   * @example
   * const x = input([3, 64, 64]);
   * const features = x.pipe(nn.conv2d(3, 16, 3, 1, 1), nn.relu()); // Symbolic<[number, 16, 64, 64]>
   */
  pipe<const Layers extends readonly unknown[], In extends Shape = S>(
    this: Symbolic<In>,
    ...layers: PipedLayers<In, Layers>
  ): Symbolic<OutputOf<In, Layers>>;
  /**
   * One dimension (negative from the end), as `x.size(0)`: a size, `null` (unknown) or a name at run
   * time; as a reshape size it keeps the input's dimension: `ops.view(x, [x.size(0), -1])`.
   */
  size<const D extends number>(
    dim: D,
  ): S extends KnownRank ? (DimIndex<D, S["length"]> extends infer Axis extends number ? S[Axis] : never) : number;
}

let created = 0;

/** The runtime class behind `Symbolic`. */
export class SymbolicTensor {
  /** Creation order: a graph numbers its `pipe` calls in this order (their state_dict keys). */
  readonly order = created++;

  constructor(
    readonly shape: RuntimeShape,
    readonly node: GraphNode,
  ) {}

  pipe(...layers: readonly RuntimeLayer[]): SymbolicTensor {
    return new SymbolicTensor(outputOf(this.shape, layers), { op: "layers", from: this, layers });
  }

  size(dim: number): number | null | string {
    return this.shape[checkedDimIndex(`size(${dim})`, "dim", dim, this.shape.length)]!;
  }
}

/** Twin of `ShapesOf`: the runtime shapes of symbolic tensors. */
export const shapesOf = (tensors: readonly SymbolicTensor[]): RuntimeShape[] => tensors.map((tensor) => tensor.shape);

/** The shapes of a tuple of symbolic tensors. */
export type ShapesOf<Tensors extends readonly unknown[]> = Tensors extends readonly [Symbolic<infer S>, ...infer Rest]
  ? [S, ...ShapesOf<Rest>]
  : [];
