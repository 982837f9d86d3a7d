// torch.matmul with broadcasting batch dimensions and 1-d operands, and torch.bmm.
import type { Dim, Shape, ShowDim, ShowShape } from "../../types/shape/dims.ts";
import type { DimsAgree } from "../../types/shape/join.ts";
import type { Checked } from "../../types/shape/args.ts";
import { fail } from "./fail.ts";
import type { Symbolic } from "../model/symbolic.ts";
import { showDim, showShape, type RuntimeDim, type RuntimeShape } from "../shape/dims.ts";
import { dimsAgree } from "../shape/join.ts";
import { operation, type IsUnknownShape, type Problem, type Result } from "./common.ts";
import { broadcastShapes, type BroadcastRule } from "./elementwise.ts";

/** The message when the inner dimensions differ: names both. */
export type writeMatmulMessage<
  Op extends string,
  A extends Shape,
  B extends Shape,
  K,
  K2,
> = `${Op}: ${ShowShape<A>} × ${ShowShape<B>}: the first's last dimension ${ShowDim<K>} must equal the second's ${B["length"] extends 1 ? "only" : "next-to-last"} dimension ${ShowDim<K2>}`;
export const writeMatmulMessage = (
  op: string,
  a: RuntimeShape,
  b: RuntimeShape,
  k: RuntimeDim,
  k2: RuntimeDim,
): string =>
  `${op}: ${showShape(a)} × ${showShape(b)}: the first's last dimension ${showDim(k)} must equal the second's ${b.length === 1 ? "only" : "next-to-last"} dimension ${showDim(k2)}`;
/** The message for an operand of the wrong rank. */
export type writeMatmulRankMessage<
  Op extends string,
  A extends Shape,
  B extends Shape,
  Ranks extends string,
> = `${Op}: ${ShowShape<A>} × ${ShowShape<B>}: the operands must have ${Ranks}`;
export const writeMatmulRankMessage = (op: string, a: RuntimeShape, b: RuntimeShape, ranks: string): string =>
  `${op}: ${showShape(a)} × ${showShape(b)}: the operands must have ${ranks}`;

/**
 * torch.matmul: [..., n, k] × [..., k, m] → [broadcast(...), n, m]; a 1-d first operand [k] is a row
 * (its dimension removed after), a 1-d second [k] a column.
 */
export type MatmulRule<A extends Shape, B extends Shape> =
  IsUnknownShape<A> extends true
    ? Shape
    : IsUnknownShape<B> extends true
      ? Shape
      : A extends readonly [...infer BatchA extends Shape, infer N, infer K]
        ? B extends readonly [...infer BatchB extends Shape, infer K2, infer M]
          ? MatrixRule<A, B, BatchA, N, K, BatchB, K2, M> // both at least 2-d: the common case, in one step
          : VectorRule<A, B>
        : VectorRule<A, B>;
/** Both operands at least 2-d: [...batchA, n, k] × [...batchB, k, m] → [broadcast(batchA, batchB), n, m]. */
type MatrixRule<A extends Shape, B extends Shape, BatchA extends Shape, N, K, BatchB extends Shape, K2, M> =
  DimsAgree<K, K2> extends false
    ? writeMatmulMessage<"matmul", A, B, K, K2>
    : BroadcastRule<"matmul's batch dimensions", BatchA, BatchB> extends infer Batch
      ? Batch extends readonly Dim[]
        ? [...Batch, N, M]
        : Batch
      : never;
/** An operand of rank 0 or 1: a 1-d first operand [k] is a row (removed after), a 1-d second [k] a column. */
type VectorRule<A extends Shape, B extends Shape> = A extends readonly []
  ? writeMatmulRankMessage<"matmul", A, B, "at least 1 dimension each">
  : B extends readonly []
    ? writeMatmulRankMessage<"matmul", A, B, "at least 1 dimension each">
    : A extends readonly [...infer LeadA extends Shape, infer K]
      ? B extends readonly [infer K2]
        ? DimsAgree<K, K2> extends false
          ? writeMatmulMessage<"matmul", A, B, K, K2>
          : [...LeadA] // [..., n, k] × [k] → [..., n]; [k] × [k] → []
        : B extends readonly [...infer LeadB extends Shape, infer K2, infer M] // A is [k] here
          ? DimsAgree<K, K2> extends false
            ? writeMatmulMessage<"matmul", A, B, K, K2>
            : [...LeadB, M]
          : never
      : never;

export function matmulShape(a: RuntimeShape, b: RuntimeShape): RuntimeShape {
  if (a.length === 0 || b.length === 0) fail(writeMatmulRankMessage("matmul", a, b, "at least 1 dimension each"));
  const k2 = b.length === 1 ? b[0]! : b.at(-2)!;
  if (!dimsAgree(a.at(-1)!, k2)) fail(writeMatmulMessage("matmul", a, b, a.at(-1)!, k2));
  if (a.length === 1) return b.length === 1 ? [] : [...b.slice(0, -2), b.at(-1)!];
  if (b.length === 1) return a.slice(0, -1);
  return [...broadcastShapes("matmul's batch dimensions", a.slice(0, -2), b.slice(0, -2)), a.at(-2)!, b.at(-1)!];
}

/**
 * torch.matmul(a, b), broadcasting the batch dimensions as PyTorch.
 *
 * @example
 * const q = input([8, "seq", 64], { batch: "b" }), kT = input([8, 64, "seq"], { batch: "b" });
 * ops.matmul(q, kT); // Symbolic<["b", 8, "seq", "seq"]>
 */
export function matmul<A extends Shape, B extends Shape, Out = MatmulRule<A, B>>(
  a: Symbolic<A>,
  b: Checked<Symbolic<B>, Problem<Out, A, B>>,
): Symbolic<Result<Out>> {
  return operation("matmul", [], [a, b]) as never;
}

/** The message when bmm's batch dimensions differ. */
export type writeBmmBatchMessage<
  A extends Shape,
  B extends Shape,
> = `bmm: ${ShowShape<A>} × ${ShowShape<B>}: the batch dimensions ${ShowDim<A[0]>} and ${ShowDim<B[0]>} must be equal`;

export type BmmRule<A extends Shape, B extends Shape> =
  IsUnknownShape<A> extends true
    ? Shape
    : IsUnknownShape<B> extends true
      ? Shape
      : [A, B] extends [readonly [infer BA, infer N, infer K], readonly [infer BB, infer K2, infer M]]
        ? DimsAgree<BA, BB> extends false
          ? writeBmmBatchMessage<A, B>
          : DimsAgree<K, K2> extends false
            ? writeMatmulMessage<"bmm", A, B, K, K2>
            : [number extends BA ? BB : BA, N, M]
        : writeMatmulRankMessage<"bmm", A, B, "3 dimensions each">;

export function bmmShape(a: RuntimeShape, b: RuntimeShape): RuntimeShape {
  if (a.length !== 3 || b.length !== 3) fail(writeMatmulRankMessage("bmm", a, b, "3 dimensions each"));
  if (!dimsAgree(a[0]!, b[0]!))
    fail(
      `bmm: ${showShape(a)} × ${showShape(b)}: the batch dimensions ${showDim(a[0]!)} and ${showDim(b[0]!)} must be equal`,
    );
  if (!dimsAgree(a[2]!, b[1]!)) fail(writeMatmulMessage("bmm", a, b, a[2]!, b[1]!));
  return [a[0] === null ? b[0]! : a[0]!, a[1]!, b[2]!];
}

/** torch.bmm(a, b): [batch, n, k] × [batch, k, m] → [batch, n, m], no broadcasting. */
export function bmm<A extends Shape, B extends Shape, Out = BmmRule<A, B>>(
  a: Symbolic<A>,
  b: Checked<Symbolic<B>, Problem<Out, A, B>>,
): Symbolic<Result<Out>> {
  return operation("bmm", [], [a, b]) as never;
}
