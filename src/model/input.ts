import type { Checked, IsUnion, Waiting } from "../../types/shape/args.ts";
import type { Dim, Shape } from "../../types/shape/dims.ts";
import { fail } from "../errors.ts";
import { SymbolicTensor, type Symbolic } from "./symbolic.ts";

/**
 * A model's input: a symbolic tensor whose shape is one example's with the batch dimension in front.
 * (`Symbolic` itself with an input's node, not an interface extending it: the compiler relates and
 * infers between two references to `Symbolic` by their type arguments; an interface of its own (or an
 * intersection) it compares with `Symbolic<In>` — `.pipe`'s `this`, every `ops` parameter — member by
 * member, `pipe` and `size` with their conditional types: ~300 instantiations in every model file.)
 */
export type Input<S extends Shape> = Symbolic<S, InputNode>;
/** The node of an input: what tells it from the other symbolic tensors (`sequential` takes only an input). */
export interface InputNode {
  readonly op: "input";
}
/** What `sequential` reads of its first argument: an input, and its shape (two members, related one by one). */
export interface InputLike<S extends Shape> {
  readonly node: InputNode;
  readonly "~shape": S;
}

/** A dimension of `input(...)`: a size, `null` (unknown) or a name. */
type InputDim = number | null | string;

/** The message for a dimension that is not a positive integer, `null` or a name. */
export type writeInputDimMessage<Written extends string> =
  `input: dimension ${Written} must be a positive integer, null (unknown) or a name`;
export const writeInputDimMessage = (written: string): writeInputDimMessage<string> =>
  `input: dimension ${written} must be a positive integer, null (unknown) or a name`;

/** The message for a dimension given as a union (only the compiler sees one). */
export type writeInputUnionMessage =
  "input: a dimension is a union; each must be one positive integer, null (unknown) or a name";
type BadDim<D> = [D] extends [number]
  ? number extends D
    ? false
    : `${D}` extends `-${string}` | `${string}.${string}` | "0" | `${string}e${string}`
      ? true
      : false
  : false;
/** The message for the first dimension that is not valid, or `false`. */
type CheckedDims<Dims extends readonly InputDim[]> = Dims extends readonly [infer D, ...infer Rest extends InputDim[]]
  ? Waiting<D, DimProblem<D>> extends infer P extends string
    ? P
    : CheckedDims<Rest>
  : false;
// A size generic in the function being checked (`<C extends number>(c: C) => input([c, 8])`) waits: see `Waiting`.
type DimProblem<D> =
  IsUnion<D> extends true
    ? writeInputUnionMessage
    : BadDim<D> extends true
      ? writeInputDimMessage<`${D & number}`>
      : false;
type ShapeOf<Dims extends readonly InputDim[]> = {
  -readonly [K in keyof Dims]: Dims[K] extends null ? number : Dims[K] & Dim;
};

/**
 * The input of a model: one example's shape (`null` unknown, a string a named dimension, as in
 * tfjs's `inputShape`), and the batch dimension (`number` unless given).
 *
 * @example
 * input([1, 28, 28]);                              // [number, 1, 28, 28]
 * input(["seq", 512], { batch: "batch" });         // ["batch", "seq", 512]
 */
export function input<const Dims extends readonly InputDim[], const Batch extends number | string = number>(
  shape: Checked<Dims, CheckedDims<Dims>>,
  options?: { batch?: Batch },
): Input<[NoInfer<Batch>, ...ShapeOf<Dims>]> {
  // NoInfer: inside a call (`ops.cat([input(…), …])`) the batch is not inferred from the call's parameter
  const dims = shape as readonly InputDim[];
  const batch = options?.batch;
  // the dimensions, then the batch: the first that is not a positive integer, null or a name
  for (const dim of [...dims, batch]) {
    if (typeof dim === "number" && !(Number.isInteger(dim) && dim > 0)) fail(writeInputDimMessage(String(dim)));
  }
  return new SymbolicTensor([batch ?? null, ...dims], { op: "input" }) as unknown as Input<
    [NoInfer<Batch>, ...ShapeOf<Dims>]
  >;
}
