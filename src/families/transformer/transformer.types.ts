// PyTorch 1.13's Transformer modules, batch first: the encoder layer and encoder keep [batch, S,
// dModel] (in `pipe`, or `call(src, { srcMask, srcKeyPaddingMask })`); the decoder layer and decoder
// are called on the target and the encoder's memory (`call(tgt, memory, { … })`) and give the
// target's shape; `transformer` is called on (src, tgt). Each argument is checked on its own
// (types/model/call.ts). Twin: src/families/transformer/transformer.ts.
import type { Mul } from "../../../types/arith/index.ts";
import type { ArgProblem, FirstArgProblem, IsUnknownArg } from "../../../types/model/call.ts";
import type { writeRankMessage } from "../conv/conv.types.ts";
import type { Dim, IsUnknown, Shape } from "../../../types/shape/dims.ts";
import type { Symbolic } from "../../model/symbolic.ts";

/** The message when nhead does not divide dModel (PyTorch: "embed_dim must be divisible by num_heads"). */
export type writeNheadMessage<
  Layer extends string,
  DModel,
  Nhead,
> = `${Layer}: dModel ${DModel & number} must be divisible by nhead ${Nhead & number}`;
/** The message when the input's last dimension differs from dModel. */
export type writeDModelMessage<
  Layer extends string,
  Features,
> = `${Layer}: dModel must equal the last input dimension ${Features & number}`;
/** The message when a layer that needs the encoder's memory is used in `pipe`. */
export type writeNeedsMemoryMessage<Layer extends string> =
  `${Layer}: needs the encoder's memory: call it as layer.call(tgt, memory)`;

/** The message when the transformer is used in `pipe`. */
export type writeNeedsSourceAndTargetMessage<Layer extends string> =
  `${Layer}: needs the source and the target: call it as layer.call(src, tgt)`;

/** The rule in `pipe` (the encoder layer and encoder): [batch, S, dModel] → the same shape. */
export type TransformerRule<Layer extends string, DModel, Input> = Input extends readonly [
  infer Batch,
  infer Seq,
  infer Features extends Dim,
]
  ? Features extends string
    ? Input
    : IsUnknown<Features> extends true
      ? [Batch, Seq, DModel]
      : Features extends DModel
        ? Input
        : writeDModelMessage<Layer, Features>
  : writeRankMessage<Layer, "[batch, seq, dModel] (rank 3)", Input extends Shape ? Input["length"] : 0>;

type Dim0<S> = S extends readonly [infer D, ...unknown[]] ? D : unknown;
type Dim1<S> = S extends readonly [unknown, infer D, ...unknown[]] ? D : unknown;
type ShapeIn<T> = T extends Symbolic<infer S> ? S : never;

/** A sequence argument [batch, seq, dModel] (`Batch`: the batch it must share, `unknown` for the first). */
export type SequenceProblem<
  Layer extends string,
  Name extends string,
  DModel,
  S,
  Batch = unknown,
  BatchOf = "",
> = ArgProblem<
  Layer,
  Name,
  S,
  "[batch, seq, dModel]",
  [
    ["batch", Batch, BatchOf & string, "same"],
    ["seq", unknown, "", "same"],
    ["last dimension", DModel, "dModel", "size"],
  ]
>;
/** A key padding mask [batch, seq] of the sequence `Seq` names. */
export type PaddingMaskProblem<
  Layer extends string,
  Name extends string,
  M,
  Batch,
  Len,
  LenOf extends string,
> = ArgProblem<Layer, Name, M, "[batch, seq]", [["batch", Batch, "the batch", "same"], ["seq", Len, LenOf, "same"]]>;
type BatchHeads<Batch, Nhead> = Batch extends number ? (number extends Batch ? unknown : Mul<Batch, Nhead>) : unknown;
/** An attention mask [L, S] or [batch·nhead, L, S]. */
export type AttentionMaskProblem<
  Layer extends string,
  Name extends string,
  M,
  Batch,
  Nhead,
  L,
  LOf extends string,
  S,
  SOf extends string,
> = M extends readonly [unknown, unknown, unknown]
  ? ArgProblem<
      Layer,
      Name,
      M,
      "[L, S] or [batch·nhead, L, S]",
      [
        ["first dimension", BatchHeads<Batch, Nhead>, "batch·nhead", "same"],
        ["L", L, LOf, "same"],
        ["S", S, SOf, "same"],
      ]
    >
  : ArgProblem<Layer, Name, M, "[L, S] or [batch·nhead, L, S]", [["L", L, LOf, "same"], ["S", S, SOf, "same"]]>;

/** The masks of an encoder call (`srcMask` — the encoder's `mask` —, `srcKeyPaddingMask`). */
export interface EncoderCallOptions {
  /** [S, S] or [batch·nhead, S, S]: 1 (true) where position i may not attend to j. */
  readonly srcMask?: Symbolic<Shape>;
  /** [batch, S]: 1 (true) where a position is padding. */
  readonly srcKeyPaddingMask?: Symbolic<Shape>;
}
/** The masks of a decoder call. */
export interface DecoderCallOptions {
  readonly tgtMask?: Symbolic<Shape>;
  readonly memoryMask?: Symbolic<Shape>;
  readonly tgtKeyPaddingMask?: Symbolic<Shape>;
  readonly memoryKeyPaddingMask?: Symbolic<Shape>;
}
/** The masks of a transformer call. */
export interface TransformerCallOptions extends EncoderCallOptions, DecoderCallOptions {}

type MaskOf<O, K extends string> = O extends { readonly [P in K]: infer M } ? ShapeIn<M> : never;
type IfGiven<O, K extends string, P> = O extends { readonly [Q in K]: unknown } ? P : false;

/** The encoder masks' problem: on the sequence `Src`. */
export type EncoderMasksProblem<Layer extends string, Nhead, Src, O> = FirstArgProblem<
  [
    IfGiven<
      O,
      "srcMask",
      AttentionMaskProblem<
        Layer,
        "srcMask",
        MaskOf<O, "srcMask">,
        Dim0<Src>,
        Nhead,
        Dim1<Src>,
        "src's seq",
        Dim1<Src>,
        "src's seq"
      >
    >,
    IfGiven<
      O,
      "srcKeyPaddingMask",
      PaddingMaskProblem<Layer, "srcKeyPaddingMask", MaskOf<O, "srcKeyPaddingMask">, Dim0<Src>, Dim1<Src>, "src's seq">
    >,
  ]
>;
/** The decoder masks' problem: on the target `Tgt` and memory `Memory`. */
export type DecoderMasksProblem<Layer extends string, Nhead, Tgt, Memory, O> = FirstArgProblem<
  [
    IfGiven<
      O,
      "tgtMask",
      AttentionMaskProblem<
        Layer,
        "tgtMask",
        MaskOf<O, "tgtMask">,
        Dim0<Tgt>,
        Nhead,
        Dim1<Tgt>,
        "tgt's seq",
        Dim1<Tgt>,
        "tgt's seq"
      >
    >,
    IfGiven<
      O,
      "memoryMask",
      AttentionMaskProblem<
        Layer,
        "memoryMask",
        MaskOf<O, "memoryMask">,
        Dim0<Tgt>,
        Nhead,
        Dim1<Tgt>,
        "tgt's seq",
        Dim1<Memory>,
        "memory's seq"
      >
    >,
    IfGiven<
      O,
      "tgtKeyPaddingMask",
      PaddingMaskProblem<Layer, "tgtKeyPaddingMask", MaskOf<O, "tgtKeyPaddingMask">, Dim0<Tgt>, Dim1<Tgt>, "tgt's seq">
    >,
    IfGiven<
      O,
      "memoryKeyPaddingMask",
      PaddingMaskProblem<
        Layer,
        "memoryKeyPaddingMask",
        MaskOf<O, "memoryKeyPaddingMask">,
        Dim0<Tgt>,
        Dim1<Memory>,
        "memory's seq"
      >
    >,
  ]
>;

/** The output of a call: the target's (or source's) [batch, seq, dModel], or unknown after a mistake. */
export type SequenceOut<DModel, S, Problem> = Problem extends string
  ? Shape
  : IsUnknownArg<S> extends true
    ? Shape
    : S extends readonly [infer Batch, infer Seq, unknown]
      ? [Batch, Seq, DModel]
      : Shape;
/** A decoder's output batch: the target's, or the memory's when the target's is unknown. */
export type DecoderOut<DModel, Tgt, Memory, Problem> = Problem extends string
  ? Shape
  : IsUnknownArg<Tgt> extends true
    ? Shape
    : IsUnknownArg<Memory> extends true
      ? Shape
      : Tgt extends readonly [infer Batch, infer Seq, unknown]
        ? [number extends Batch ? Dim0<Memory> : Batch, Seq, DModel]
        : Shape;
