// nn.multiheadAttention: PyTorch's MultiheadAttention, batch first: as self-attention in `pipe`, or
// called on query, key and value (`mha.call(q, k, v, options)`, cross-attention, masks, weights).
import type { Mod } from "../../../types/arith/index.ts";
import type { Layer, ShapeRule } from "../../../types/model/layer.ts";
import type {
  Arg,
  Checked,
  FirstSizeProblem,
  GivenTwiceProblem,
  IsOptions,
  TrailingOptionsProblem,
  writeAfterOptionsMessage,
} from "../../../types/shape/args.ts";
import type { ArgProblems } from "../../../types/shape/plain.ts";
import type { AttentionRule } from "./attention.types.ts";
import type { FirstProblem } from "../../../types/shape/problems.ts";
import { fail } from "../../errors.ts";
import type { RuntimeLayer } from "../../model/layer.ts";
import type { KindConfig } from "../layer-config.ts";
import { checkOptions, checkSizes } from "../../shape/args.ts";
import { optionTypes, readOptions } from "../activation/torch-options.ts";
import { attentionRule } from "./attention.ts";
import type { RuntimeShape } from "../../shape/dims.ts";
import { callLayer, type CallableLayer } from "../../model/call.ts";
import type { Symbolic } from "../../model/symbolic.ts";
import type { Shape } from "../../../types/shape/dims.ts";
import type {
  AttentionCallOptions,
  AttentionCallResult,
  AttentionCallRule,
  AttentionOptionsProblem,
  KeyProblem,
  QueryProblem,
  ValueProblem,
} from "./cross-attention.types.ts";
import { attentionCallShapes } from "./cross-attention.ts";

/** PyTorch's keyword arguments of MultiheadAttention, with PyTorch's defaults (`batch_first` is always true here). */
export interface MultiheadAttentionOptions {
  /** Default 0: dropout probability on the attention weights. */
  readonly dropout?: number;
  /** Default true. */
  readonly bias?: boolean;
  /** true, the only layout here: [batch, seq, embedDim] (PyTorch's default is false, [seq, batch, embedDim]). */
  readonly batchFirst?: true;
  /** Default embedDim: the key's features (cross-attention). */
  readonly kdim?: number;
  /** Default embedDim: the value's features (cross-attention). */
  readonly vdim?: number;
}
/** PyTorch's keywords of MultiheadAttention (those that apply to self-attention) in camelCase. */
export const attentionKeys = [
  "dropout",
  "bias",
  "batchFirst",
  "kdim",
  "vdim",
] as const satisfies readonly (keyof MultiheadAttentionOptions)[];
interface OptionTypes {
  dropout: number;
  bias: boolean;
  batchFirst: true;
  kdim: number;
  vdim: number;
}
interface Expected {
  dropout: "a number";
  bias: "true or false";
  batchFirst: "true: [batch, seq, features] is the only layout here";
  kdim: "a number";
  vdim: "a number";
}
/** The types of a call's flags (its masks are checked as tensors). */
interface CallFlagTypes {
  needWeights: boolean;
  averageAttnWeights: boolean;
}
interface CallFlagExpected {
  needWeights: "true or false";
  averageAttnWeights: "true or false";
}
/** kdim, vdim as given, else embedDim. */
type KDimOf<EmbedDim, Options> = Options extends { readonly kdim: infer K extends number }
  ? SizeOrUnknown<K>
  : EmbedDim;
type VDimOf<EmbedDim, Options> = Options extends { readonly vdim: infer V extends number }
  ? SizeOrUnknown<V>
  : EmbedDim;
/** An option as given, or its default. */
type Given<Options, Key extends string, Default> = Options extends { readonly [K in Key]: infer V } ? V : Default;
/** A size, or `number` for one that is not a positive integer (its error is on the option, not on the calls). */
type SizeOrUnknown<N extends number> = `${N}` extends "0" | `-${string}` | `${string}.${string}` | `${string}e${string}`
  ? number
  : N;
/** A problem of an earlier argument hides this one's (one mistake, one error). */
type After<Earlier, Problem> = Earlier extends string ? false : Problem;

/**
 * `nn.multiheadAttention(embedDim, numHeads)`: self-attention in `pipe`, [batch, seq, embedDim] → [batch, seq,
 * embedDim]; `call(query, key, value, options)` for cross-attention.
 *
 * @example
 * type T = MultiheadAttention<512, 8>; // [n, 10, 512] → [n, 10, 512]
 */
export interface MultiheadAttention<EmbedDim, NumHeads, KDim = EmbedDim, VDim = EmbedDim> extends Layer, RuntimeLayer {
  readonly kind: "multiheadAttention";
  readonly embedDim: EmbedDim;
  readonly numHeads: NumHeads;
  readonly kdim: KDim;
  readonly vdim: VDim;
  readonly "~rule": MultiheadAttentionShapeRule<EmbedDim, NumHeads, KDim, VDim>;
  /**
   * PyTorch's `mha(query, key, value, key_padding_mask=…, need_weights=…, attn_mask=…)` on symbolic
   * tensors: query [batch, L, embedDim], key [batch, S, kdim], value [batch, S, vdim] → `[output
   * [batch, L, embedDim], weights [batch, L, S]]` (weights `null` with needWeights: false). Each
   * argument that does not fit is an error on that argument.
   *
   * @example
   * const mha = nn.multiheadAttention(64, 4);
   * const tgt = input([7, 64]), memory = input([10, 64]);
   * const [out, weights] = mha.call(tgt, memory, memory);
   * out; // Symbolic<[number, 7, 64]>
   * weights; // Symbolic<[number, 7, 10]>
   */
  call<Q extends Shape, K extends Shape, V extends Shape, const O extends object = {}>(
    query: Checked<Symbolic<Q>, QueryProblem<WrittenAttention<EmbedDim, NumHeads>, EmbedDim, Q>>,
    key: Checked<
      Symbolic<K>,
      After<
        QueryProblem<WrittenAttention<EmbedDim, NumHeads>, EmbedDim, Q>,
        KeyProblem<WrittenAttention<EmbedDim, NumHeads>, KDim, Q, K>
      >
    >,
    value: Checked<
      Symbolic<V>,
      After<
        QueryProblem<WrittenAttention<EmbedDim, NumHeads>, EmbedDim, Q>,
        After<
          KeyProblem<WrittenAttention<EmbedDim, NumHeads>, KDim, Q, K>,
          ValueProblem<WrittenAttention<EmbedDim, NumHeads>, VDim, Q, K, V>
        >
      >
    >,
    options?: Checked<
      O,
      AttentionCallRule<
        WrittenAttention<EmbedDim, NumHeads>,
        EmbedDim,
        NumHeads,
        KDim,
        VDim,
        Q,
        K,
        V,
        {}
      > extends string
        ? false
        : TrailingOptionsProblem<
              WrittenAttention<EmbedDim, NumHeads>,
              "call",
              O,
              keyof AttentionCallOptions,
              CallFlagTypes,
              CallFlagExpected
            > extends infer P extends string
          ? P
          : AttentionOptionsProblem<WrittenAttention<EmbedDim, NumHeads>, NumHeads, Q, K, O>
    >,
  ): AttentionCallResult<
    AttentionCallRule<WrittenAttention<EmbedDim, NumHeads>, EmbedDim, NumHeads, KDim, VDim, Q, K, V, O>,
    O
  >;
}

/** The shape rule of MultiheadAttention in `pipe` (self-attention: kdim and vdim must be embedDim). */
export interface MultiheadAttentionShapeRule<EmbedDim, NumHeads, KDim = EmbedDim, VDim = EmbedDim> extends ShapeRule {
  readonly "~output": [KDim, VDim] extends [EmbedDim, EmbedDim]
    ? AttentionRule<WrittenAttention<EmbedDim, NumHeads>, EmbedDim, this["~input"]>
    : writeSelfAttentionMessage<WrittenAttention<EmbedDim, NumHeads>>;
}
/** The message when a layer with kdim or vdim other than embedDim is used as self-attention. */
export type writeSelfAttentionMessage<Layer extends string> =
  `${Layer}: kdim and vdim differ from embedDim: call it on query, key and value (mha.call(q, k, v))`;
export const writeSelfAttentionMessage = (layer: string): string =>
  `${layer}: kdim and vdim differ from embedDim: call it on query, key and value (mha.call(q, k, v))`;
type WrittenAttention<EmbedDim, NumHeads> = `multiheadAttention(${EmbedDim & number}, ${NumHeads & number})`;

/** The message when numHeads does not divide embedDim (each head gets embedDim / numHeads features). */
export type writeNumHeadsMessage<
  Layer extends string,
  EmbedDim,
  NumHeads,
> = `${Layer}: numHeads (${NumHeads & number}) must divide embedDim (${EmbedDim & number})`;
export const writeNumHeadsMessage = (layer: string, embedDim: number, numHeads: number): string =>
  `${layer}: numHeads (${numHeads}) must divide embedDim (${embedDim})`;
type NumHeadsProblem<Layer extends string, EmbedDim, NumHeads> = FirstProblem<
  [
    FirstSizeProblem<Layer, ["numHeads"], [NumHeads]>,
    number extends EmbedDim | NumHeads
      ? false
      : FirstSizeProblem<Layer, ["embedDim"], [EmbedDim]> extends string
        ? false
        : Mod<EmbedDim, NumHeads> extends 0
          ? false
          : writeNumHeadsMessage<Layer, EmbedDim, NumHeads>,
  ]
>;

/** The problem of an options object of multiheadAttention. */
type OptionsProblem<W extends string, EmbedDim, Options> = FirstProblem<
  [
    TrailingOptionsProblem<W, "nn.multiheadAttention", Options, keyof MultiheadAttentionOptions, OptionTypes, Expected>,
    FirstSizeProblem<W, ["kdim", "vdim"], [Given<Options, "kdim", EmbedDim>, Given<Options, "vdim", EmbedDim>]>,
  ]
>;
/** An argument after the options object (left out: `{}`). */
type AfterOptions<W extends string, X> = {} extends X ? false : writeAfterOptionsMessage<W>;
/** PyTorch's dropout and bias positionally (`nn.multiheadAttention(512, 8, 0.1)`), then an options object. */
type AttentionArgsProblems<W extends string, EmbedDim, Third, Fourth, Options> =
  IsOptions<Third> extends true
    ? [OptionsProblem<W, EmbedDim, Third>, AfterOptions<W, Fourth>, AfterOptions<W, Options>]
    : [
        false,
        IsOptions<Fourth> extends true
          ? FirstProblem<[OptionsProblem<W, EmbedDim, Fourth>, GivenTwiceProblem<W, Fourth, "dropout">]>
          : false,
        IsOptions<Fourth> extends true
          ? AfterOptions<W, Options>
          : FirstProblem<[OptionsProblem<W, EmbedDim, Options>, GivenTwiceProblem<W, Options, "dropout" | "bias">]>,
      ];
/** The options object among the arguments after numHeads. */
type OptionsOf<Third, Fourth, Options> =
  IsOptions<Third> extends true ? Third : IsOptions<Fourth> extends true ? Fourth : Options;

/** The config of multiheadAttention (its runtime object), PyTorch's defaults filled in. */
export interface MultiheadAttentionConfig extends KindConfig<"multiheadAttention"> {
  readonly callShapes: CallableLayer["callShapes"];
  readonly embedDim: number;
  readonly numHeads: number;
  readonly kdim: number;
  readonly vdim: number;
  readonly dropout: number;
  readonly bias: boolean;
}

/**
 * PyTorch's `nn.MultiheadAttention(embed_dim, num_heads, dropout=0, bias=True, batch_first=True)` applied as
 * self-attention (query = key = value = the input): [batch, seq, embedDim] → [batch, seq, embedDim].
 * `numHeads` must divide `embedDim`.
 *
 * @example
 * nn.multiheadAttention(512, 8); // [n, 10, 512] → [n, 10, 512]
 */
export function multiheadAttention<
  const EmbedDim extends number,
  const NumHeads extends number,
  const Third extends number | object = {},
  const Fourth extends boolean | object = {},
  const Options extends object = {},
  Problems extends ArgProblems = AttentionArgsProblems<
    WrittenAttention<EmbedDim, NumHeads>,
    EmbedDim,
    Third,
    Fourth,
    Options
  >,
>(
  embedDim: Arg<EmbedDim, FirstSizeProblem<WrittenAttention<EmbedDim, NumHeads>, ["embedDim"], [EmbedDim]>>,
  numHeads: Arg<NumHeads, NumHeadsProblem<WrittenAttention<EmbedDim, NumHeads>, EmbedDim, NumHeads>>,
  dropout?: Checked<Third, Problems[0]>,
  bias?: Checked<Fourth, Problems[1]>,
  options?: Checked<Options, Problems[2]>,
): Mod<EmbedDim, NumHeads> extends 0 // else an error on the arguments (or unknown sizes): none on the calls
  ? MultiheadAttention<
      EmbedDim,
      NumHeads,
      KDimOf<EmbedDim, OptionsOf<Third, Fourth, Options>>,
      VDimOf<EmbedDim, OptionsOf<Third, Fourth, Options>>
    >
  : MultiheadAttention<number, number, number, number> {
  const embed = embedDim as number;
  const heads = numHeads as number;
  const layer = `multiheadAttention(${embed}, ${heads})`;
  checkSizes(layer, { embedDim: embed, numHeads: heads });
  if (embed % heads !== 0) fail(writeNumHeadsMessage(layer, embed, heads));
  // PyTorch's dropout and bias positionally, then an options object
  const given: MultiheadAttentionOptions = readOptions(
    layer,
    "multiheadAttention",
    arguments,
    ["embedDim", "numHeads"],
    ["dropout", "bias"],
    attentionKeys,
  );
  const { kdim = embed, vdim = embed } = given; // (null is refused above: not a number)
  checkSizes(layer, { kdim, vdim });
  const sizes = { embedDim: embed, numHeads: heads, kdim, vdim };
  const runtime: MultiheadAttentionConfig & { call(...args: unknown[]): unknown } = {
    kind: "multiheadAttention",
    written: layer,
    ...sizes,
    dropout: given.dropout ?? 0,
    bias: given.bias ?? true,
    outputShape: (input: RuntimeShape) => {
      if (kdim !== embed || vdim !== embed) fail(writeSelfAttentionMessage(layer));
      return attentionRule(layer, embed, input);
    },
    callShapes: (inputs, callOptions) => attentionCallShapes(layer, sizes, inputs, callOptions),
    call(query: unknown, key: unknown, value: unknown, callOptions: AttentionCallOptions = {}) {
      checkOptions(
        layer,
        "call",
        callOptions,
        ["keyPaddingMask", "attnMask", "needWeights", "averageAttnWeights"],
        optionTypes,
      );
      const { keyPaddingMask, attnMask, ...flags } = callOptions;
      const [out, weights] = callLayer(runtime, { query, key, value, keyPaddingMask, attnMask }, flags);
      return [out, flags.needWeights === false ? null : weights];
    },
  };
  return runtime as never;
}
