// Matrix product of the last two dimensions: [..., n, k] × [..., k, m] → [..., n, m]; the leading
// dimensions must agree. Twin: src/shape/matmul.ts.
import type { Disagreement, DimsAgree } from "./join.ts";
import type { Dim, Shape, ShowShape } from "./dims.ts";

/** The message when two shapes cannot be multiplied. */
export type writeMatmulMessage<A extends Shape, B extends Shape> =
  `matmul: ${ShowShape<A>} × ${ShowShape<B>}: the first's last dimension must equal the second's next-to-last, and the leading dimensions must agree`;

export type MatmulRule<A extends Shape, B extends Shape> =
  A extends readonly [...infer LeadA extends Shape, infer N extends Dim, infer K]
    ? B extends readonly [...infer LeadB extends Shape, infer K2, infer M extends Dim]
      ? DimsAgree<K, K2> extends true
        ? Disagreement<LeadA, LeadB> extends false ? [...LeadA, N, M] : writeMatmulMessage<A, B>
        : writeMatmulMessage<A, B>
      : writeMatmulMessage<A, B>
    : writeMatmulMessage<A, B>;
