// PyTorch's MultiheadAttention called on query, key and value (`mha.call(q, k, v, options)`), batch
// first: query [batch, L, embedDim], key [batch, S, kdim], value [batch, S, vdim], keyPaddingMask
// [batch, S], attnMask [L, S] or [batch·numHeads, L, S] → output [batch, L, embedDim] and the
// attention weights [batch, L, S] (averaged over heads; [batch, numHeads, L, S] with
// averageAttnWeights: false). Each argument is checked on its own (types/model/call.ts).
// Twin: src/families/attention/cross-attention.ts.
import type { Mul } from "../../../types/arith/index.ts";
import type { ArgProblem, FirstArgProblem, KnownOf } from "../../../types/model/call.ts";
import type { Shape } from "../../../types/shape/dims.ts";
import type { Symbolic } from "../../model/symbolic.ts";

/** The tensors and flags of a call besides query, key and value (PyTorch's keywords in camelCase). */
export interface AttentionCallOptions {
  /** [batch, S]: 1 (true) where a key is padding, not attended (PyTorch's boolean mask). */
  readonly keyPaddingMask?: Symbolic<Shape>;
  /** [L, S] or [batch·numHeads, L, S]: 1 (true) where query i may not attend to key j. */
  readonly attnMask?: Symbolic<Shape>;
  /** Default true: the attention weights as second output (false: `null`, as PyTorch's None). */
  readonly needWeights?: boolean;
  /** Default true: the weights averaged over heads, [batch, L, S]; false: [batch, numHeads, L, S]. */
  readonly averageAttnWeights?: boolean;
}

type Dim0<S> = S extends readonly [infer D, ...unknown[]] ? D : unknown;
type Dim1<S> = S extends readonly [unknown, infer D, ...unknown[]] ? D : unknown;
type ShapeIn<T> = T extends Symbolic<infer S> ? S : never;

export type QueryProblem<Layer extends string, EmbedDim, Q> = ArgProblem<
  Layer,
  "query",
  Q,
  "[batch, L, embedDim]",
  [["batch", unknown, "", "same"], ["L", unknown, "", "same"], ["last dimension", EmbedDim, "embedDim", "size"]]
>;
export type KeyProblem<Layer extends string, KDim, Q, K> = ArgProblem<
  Layer,
  "key",
  K,
  "[batch, S, kdim]",
  [["batch", Dim0<Q>, "query's batch", "same"], ["S", unknown, "", "same"], ["last dimension", KDim, "kdim", "size"]]
>;
export type ValueProblem<Layer extends string, VDim, Q, K, V> = ArgProblem<
  Layer,
  "value",
  V,
  "[batch, S, vdim]",
  [
    ["batch", Dim0<Q>, "query's batch", "same"],
    ["S", Dim1<K>, "key's S", "same"],
    ["last dimension", VDim, "vdim", "size"],
  ]
>;
export type KeyPaddingMaskProblem<Layer extends string, Q, K, M> = ArgProblem<
  Layer,
  "keyPaddingMask",
  M,
  "[batch, S]",
  [["batch", Dim0<Q>, "query's batch", "same"], ["S", Dim1<K>, "key's S", "same"]]
>;
/** batch·numHeads when the batch is a known size, else unknown (checked at run time). */
type BatchHeads<Batch, NumHeads> = Batch extends number
  ? number extends Batch
    ? unknown
    : Mul<Batch, NumHeads>
  : unknown;
export type AttnMaskProblem<Layer extends string, NumHeads, Q, K, M> = M extends readonly [unknown, unknown, unknown]
  ? ArgProblem<
      Layer,
      "attnMask",
      M,
      "[L, S] or [batch·numHeads, L, S]",
      [
        ["first dimension", BatchHeads<Dim0<Q>, NumHeads>, "batch·numHeads", "same"],
        ["L", Dim1<Q>, "query's L", "same"],
        ["S", Dim1<K>, "key's S", "same"],
      ]
    >
  : ArgProblem<
      Layer,
      "attnMask",
      M,
      "[L, S] or [batch·numHeads, L, S]",
      [["L", Dim1<Q>, "query's L", "same"], ["S", Dim1<K>, "key's S", "same"]]
    >;

/** The problem of the options argument: its masks' shapes. */
export type AttentionOptionsProblem<Layer extends string, NumHeads, Q, K, O> = FirstArgProblem<
  [
    O extends { readonly keyPaddingMask: infer M } ? KeyPaddingMaskProblem<Layer, Q, K, ShapeIn<M>> : false,
    O extends { readonly attnMask: infer M } ? AttnMaskProblem<Layer, NumHeads, Q, K, ShapeIn<M>> : false,
  ]
>;

/**
 * The output shapes `[output, weights]`, or a message (the first argument's problem). An argument of
 * unknown shape (`Shape`) makes the outputs unknown.
 *
 * @example
 * type T = AttentionCallRule<"multiheadAttention(512, 8)", 512, 8, 512, 512, [number, 7, 512], [number, 10, 512], [number, 10, 512], {}>;
 * //=> [[number, 7, 512], [number, 7, 10]]
 */
export type AttentionCallRule<Layer extends string, EmbedDim, NumHeads, KDim, VDim, Q, K, V, O> =
  FirstArgProblem<
    [
      QueryProblem<Layer, EmbedDim, Q>,
      KeyProblem<Layer, KDim, Q, K>,
      ValueProblem<Layer, VDim, Q, K, V>,
      AttentionOptionsProblem<Layer, NumHeads, Q, K, O>,
    ]
  > extends infer P extends string
    ? P
    : [Q, K] extends [readonly [infer Batch, infer L, unknown], readonly [infer KBatch, infer S, unknown]]
      ? [
          [KnownOf<Batch, KBatch>, L, EmbedDim],
          O extends { readonly averageAttnWeights: false }
            ? [KnownOf<Batch, KBatch>, NumHeads, L, S]
            : [KnownOf<Batch, KBatch>, L, S],
        ]
      : [Shape, Shape];

/** The symbolic tensors a call gives: `[output, weights]` (`null` for the weights with needWeights: false). */
export type AttentionCallResult<Rule, O> = [
  Symbolic<Rule extends readonly [infer Out extends Shape, unknown] ? Out : Shape>,
  O extends { readonly needWeights: false }
    ? null
    : Symbolic<Rule extends readonly [unknown, infer W extends Shape] ? W : Shape>,
];
