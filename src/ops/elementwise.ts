// Elementwise operations: add, sub, mul, div, pow, maximum, minimum with PyTorch's broadcasting
// (between tensors, and with numbers), and the common unary functions (shape kept).
import type { Dim, Shape, ShowDim, ShowShape } from "../../types/shape/dims.ts";
import type { Checked } from "../../types/shape/args.ts";
import { fail, fromEnd } from "./fail.ts";
import type { Symbolic } from "../model/symbolic.ts";
import { showDim, showShape, type RuntimeDim, type RuntimeShape } from "../shape/dims.ts";
import { onTensor, operation, type IsUnknownShape, type Problem, type Result, type ShapeOf } from "./common.ts";

/** The message when two shapes do not broadcast: names the dimension (from the end) and both sizes. */
export type writeBroadcastMessage<
  Op extends string,
  A extends Shape,
  B extends Shape,
  FromEnd extends number,
  DA,
  DB,
> = `${Op}: ${ShowShape<A>} and ${ShowShape<B>} do not broadcast: dimension -${FromEnd} is ${ShowDim<DA>} in the first and ${ShowDim<DB>} in the second (sizes must be equal, or one of them 1)`;

/**
 * Two dimensions broadcast: the same size or name; 1 and anything; an unknown (`number`) and anything
 * (the known one, checked at build); otherwise (two names, a name and a size other than 1) `Otherwise`,
 * `never` unless told.
 */
export type BroadcastDim<A, B, Otherwise = never> = [A] extends [B]
  ? [B] extends [A]
    ? A
    : Unequal<A, B, Otherwise>
  : Unequal<A, B, Otherwise>;
type Unequal<A, B, Otherwise> = A extends 1
  ? B
  : B extends 1
    ? A
    : number extends A
      ? B
      : number extends B
        ? A
        : Otherwise;
export function broadcastDim(a: RuntimeDim, b: RuntimeDim): RuntimeDim | undefined {
  if (a === b || b === 1) return a;
  if (a === 1 || a === null) return b;
  if (b === null) return a;
  return undefined;
}

/**
 * PyTorch's broadcasting of two shapes, aligned at the end; the message when they do not broadcast.
 * The same shape twice (a residual, `x · x`) is the answer at once. Shapes of the same rank broadcast
 * dimension by dimension in one mapped type; the walk from the end, which writes the message, runs
 * when they do not fit or their ranks differ.
 */
export type BroadcastRule<Op extends string, A extends Shape, B extends Shape> =
  IsUnknownShape<A> extends true
    ? Shape
    : IsUnknownShape<B> extends true
      ? Shape
      : [A] extends [B]
        ? [B] extends [A]
          ? [...A] // the same shape (a residual, x · x): no per-dimension walk
          : SameRankOrFromEnd<Op, A, B>
        : SameRankOrFromEnd<Op, A, B>;
type SameRankOrFromEnd<Op extends string, A extends Shape, B extends Shape> = B["length"] extends A["length"]
  ? SameRank<A, B> extends infer Out
    ? Mismatch extends Out[keyof Out & number]
      ? BroadcastFromEnd<Op, A, B, A, B, []>
      : Out
    : never
  : BroadcastFromEnd<Op, A, B, A, B, []>;
/** Two dimensions that do not broadcast, in `SameRank` (a mapped tuple keeps `never` as an element). */
interface Mismatch {
  readonly "~mismatch": true;
}
type SameRank<A extends Shape, B extends Shape> = {
  -readonly [K in keyof A]: BroadcastDim<A[K], B[K & keyof B], Mismatch>;
};
type BroadcastFromEnd<
  Op extends string,
  A extends Shape,
  B extends Shape,
  RestA extends Shape,
  RestB extends Shape,
  Out extends Dim[],
> = RestA extends readonly [...infer LeadA extends Shape, infer DA]
  ? RestB extends readonly [...infer LeadB extends Shape, infer DB]
    ? [BroadcastDim<DA, DB>] extends [never]
      ? writeBroadcastMessage<Op, A, B, [...Out, 0]["length"], DA, DB>
      : BroadcastFromEnd<Op, A, B, LeadA, LeadB, [BroadcastDim<DA, DB> & Dim, ...Out]>
    : [...RestA, ...Out]
  : [...RestB, ...Out];

export function broadcastShapes(op: string, a: RuntimeShape, b: RuntimeShape): RuntimeShape {
  const out = fromEnd(a, b, broadcastDim);
  if (typeof out === "number")
    fail(
      `${op}: ${showShape(a)} and ${showShape(b)} do not broadcast: dimension -${out} is ${showDim(a.at(-out)!)} in the first and ${showDim(b.at(-out)!)} in the second (sizes must be equal, or one of them 1)`,
    );
  return out;
}

/** The binary elementwise operations. */
export type BinaryName = "add" | "sub" | "mul" | "div" | "pow" | "maximum" | "minimum";
type Operand = Symbolic<Shape> | number;
/** Broadcasting of the operands' shapes; with a number (a scalar, `ops.div(scores, 8)`) the tensor's shape, directly. */
type BinaryRule<Op extends BinaryName, A, B> = B extends number
  ? WithScalar<ShapeOf<A>>
  : A extends number
    ? WithScalar<ShapeOf<B>>
    : BroadcastRule<Op, ShapeOf<A>, ShapeOf<B>>;
/** What `BroadcastRule` gives for a shape and `[]`: the shape (unknown: `Shape`). */
type WithScalar<S> = S extends readonly Dim[] ? (number extends S["length"] ? Shape : [...S]) : Shape;

/** The runtime twin for a node: operands that are numbers are kept in `args` (`null` where a tensor is). */
export function binaryShape(op: BinaryName, shapes: readonly RuntimeShape[], args: readonly unknown[]): RuntimeShape {
  let next = 0;
  const [a, b] = [0, 1].map((i) => (typeof args[i] === "number" ? [] : shapes[next++]!));
  return broadcastShapes(op, a!, b!);
}
/** The message when an operation that takes tensors only (torch.maximum, torch.minimum) is given a number. */
export type writeTensorsOnlyMessage<Op extends string> =
  `${Op}: both operands must be tensors (torch.${Op} takes no number)`;
type TensorsOnly<Op extends "maximum" | "minimum", A, B, Out> = A extends number
  ? writeTensorsOnlyMessage<Op>
  : B extends number
    ? writeTensorsOnlyMessage<Op>
    : Problem<Out, ShapeOf<A>, ShapeOf<B>>;
/**
 * The runtime of a binary operation: numbers are kept in the node's `args` (`null` where a tensor is). (Each
 * operation's type is written out on its const: through a generic alias, `BinaryOp<"add">`, a first call cost the
 * checker ~85 more instantiations.)
 */
const binary =
  (op: BinaryName) =>
  (a: unknown, b: unknown): never => {
    // the node's arguments: each operand that is a number (null: a tensor, one of the node's operands)
    const numbers = [a, b].map((x) => (typeof x === "number" ? x : null));
    if ((op === "maximum" || op === "minimum") && numbers.some((n) => n !== null))
      fail(`${op}: both operands must be tensors (torch.${op} takes no number)`);
    return operation(
      op,
      numbers,
      [a, b].filter((_, i) => numbers[i] === null),
    ) as never;
  };

/**
 * torch.add(a, b): elementwise sum with broadcasting; `b` may be a number.
 *
 * @example
 * const x = input([16, 64, 64]);
 * ops.add(x, x.pipe(nn.conv2d(16, 16, 3, 1, 1))); // Symbolic<[number, 16, 64, 64]>
 */
export const add: <A extends Operand, B extends Operand, Out = BinaryRule<"add", A, B>>(
  a: A,
  b: Checked<B, Problem<Out, ShapeOf<A>, ShapeOf<B>>>,
) => Symbolic<Result<Out>> = binary("add");
/** torch.sub(a, b): elementwise difference with broadcasting. */
export const sub: <A extends Operand, B extends Operand, Out = BinaryRule<"sub", A, B>>(
  a: A,
  b: Checked<B, Problem<Out, ShapeOf<A>, ShapeOf<B>>>,
) => Symbolic<Result<Out>> = binary("sub");
/**
 * torch.mul(a, b): elementwise product with broadcasting (a squeeze-and-excitation gate).
 *
 * @example
 * const features = input([64, 8, 8]), gate = input([64, 1, 1]);
 * ops.mul(features, gate); // Symbolic<[number, 64, 8, 8]>
 */
export const mul: <A extends Operand, B extends Operand, Out = BinaryRule<"mul", A, B>>(
  a: A,
  b: Checked<B, Problem<Out, ShapeOf<A>, ShapeOf<B>>>,
) => Symbolic<Result<Out>> = binary("mul");
/** torch.div(a, b): elementwise quotient with broadcasting (`ops.div(scores, 8)`). */
export const div: <A extends Operand, B extends Operand, Out = BinaryRule<"div", A, B>>(
  a: A,
  b: Checked<B, Problem<Out, ShapeOf<A>, ShapeOf<B>>>,
) => Symbolic<Result<Out>> = binary("div");
/** torch.pow(a, b): elementwise power with broadcasting. */
export const pow: <A extends Operand, B extends Operand, Out = BinaryRule<"pow", A, B>>(
  a: A,
  b: Checked<B, Problem<Out, ShapeOf<A>, ShapeOf<B>>>,
) => Symbolic<Result<Out>> = binary("pow");
/** torch.maximum(a, b): elementwise maximum of two tensors with broadcasting (as torch, no number). */
export const maximum: <A extends Operand, B extends Operand, Out = BinaryRule<"maximum", A, B>>(
  a: A,
  b: Checked<B, TensorsOnly<"maximum", A, B, Out>>,
) => Symbolic<Result<Out>> = binary("maximum");
/** torch.minimum(a, b): elementwise minimum of two tensors with broadcasting (as torch, no number). */
export const minimum: <A extends Operand, B extends Operand, Out = BinaryRule<"minimum", A, B>>(
  a: A,
  b: Checked<B, TensorsOnly<"minimum", A, B, Out>>,
) => Symbolic<Result<Out>> = binary("minimum");

/** The unary elementwise functions (torch's names). */
export const unaryNames = [
  "relu",
  "sigmoid",
  "tanh",
  "exp",
  "log",
  "sqrt",
  "rsqrt",
  "abs",
  "neg",
  "sin",
  "cos",
  "reciprocal",
  "square",
  "gelu",
  "silu",
] as const;
export type UnaryName = (typeof unaryNames)[number];
/** A unary function: the shape is kept. */
type Unary = <S extends Shape>(x: Symbolic<S>) => Symbolic<S>;

/**
 * torch.relu(x): the shape is kept (so for every unary function below).
 *
 * @example
 * const x = input([64, 8, 8]);
 * ops.relu(x); // Symbolic<[number, 64, 8, 8]>
 */
export const relu: Unary = onTensor("relu");
export const sigmoid: Unary = onTensor("sigmoid");
export const tanh: Unary = onTensor("tanh");
export const exp: Unary = onTensor("exp");
export const log: Unary = onTensor("log");
export const sqrt: Unary = onTensor("sqrt");
export const rsqrt: Unary = onTensor("rsqrt");
export const abs: Unary = onTensor("abs");
export const neg: Unary = onTensor("neg");
export const sin: Unary = onTensor("sin");
export const cos: Unary = onTensor("cos");
export const reciprocal: Unary = onTensor("reciprocal");
export const square: Unary = onTensor("square");
export const gelu: Unary = onTensor("gelu");
export const silu: Unary = onTensor("silu");
