// nn.multiheadAttention: PyTorch's MultiheadAttention as self-attention, batch first.
import type { Mod } from "../../../types/arith/index.ts";
import type { Layer, ShapeRule } from "../../../types/model/layer.ts";
import type { Arg, Checked, FirstSizeProblem, TrailingOptionsProblem } from "../../../types/shape/args.ts";
import type { AttentionRule } from "./attention.types.ts";
import type { FirstProblem } from "../../../types/shape/problems.ts";
import { ShapeError } from "../../errors.ts";
import type { RuntimeLayer } from "../../model/layer.ts";
import type { KindConfig } from "../layer-config.ts";
import { checkOptions, checkSizes, expected } from "../../shape/args.ts";
import { attentionRule } from "./attention.ts";
import type { RuntimeShape } from "../../shape/dims.ts";

/** PyTorch's keyword arguments of MultiheadAttention, with PyTorch's defaults (`batch_first` is always true here). */
export interface MultiheadAttentionOptions {
  /** Default 0: dropout probability on the attention weights. */
  readonly dropout?: number;
  /** Default true. */
  readonly bias?: boolean;
  /** true, the only layout here: [batch, seq, embedDim] (PyTorch's default is false, [seq, batch, embedDim]). */
  readonly batchFirst?: true;
}
/** PyTorch's keywords of MultiheadAttention (those that apply to self-attention) in camelCase. */
export const attentionKeys = [
  "dropout",
  "bias",
  "batchFirst",
] as const satisfies readonly (keyof MultiheadAttentionOptions)[];
interface OptionTypes {
  dropout: number;
  bias: boolean;
  batchFirst: true;
}
interface Expected {
  dropout: "a number";
  bias: "true or false";
  batchFirst: "true: [batch, seq, features] is the only layout here";
}
const optionTypes = { dropout: expected.number, bias: expected.boolean, batchFirst: expected.batchFirst } as const;

/**
 * `nn.multiheadAttention(embedDim, numHeads)`: self-attention, [batch, seq, embedDim] → [batch, seq, embedDim].
 *
 * @example
 * type T = MultiheadAttention<512, 8>; // [n, 10, 512] → [n, 10, 512]
 */
export interface MultiheadAttention<EmbedDim, NumHeads> extends Layer, RuntimeLayer {
  readonly kind: "multiheadAttention";
  readonly embedDim: EmbedDim;
  readonly numHeads: NumHeads;
  readonly "~rule": MultiheadAttentionShapeRule<EmbedDim, NumHeads>;
}
/** The shape rule of MultiheadAttention. */
export interface MultiheadAttentionShapeRule<EmbedDim, NumHeads> extends ShapeRule {
  readonly "~output": AttentionRule<WrittenAttention<EmbedDim, NumHeads>, EmbedDim, this["~input"]>;
}
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

/** The config of multiheadAttention (its runtime object), PyTorch's defaults filled in. */
export interface MultiheadAttentionConfig extends KindConfig<"multiheadAttention"> {
  readonly embedDim: number;
  readonly numHeads: number;
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
  const Options extends object = {},
>(
  embedDim: Arg<EmbedDim, FirstSizeProblem<WrittenAttention<EmbedDim, NumHeads>, ["embedDim"], [EmbedDim]>>,
  numHeads: Arg<NumHeads, NumHeadsProblem<WrittenAttention<EmbedDim, NumHeads>, EmbedDim, NumHeads>>,
  options?: Checked<
    Options,
    TrailingOptionsProblem<
      WrittenAttention<EmbedDim, NumHeads>,
      "nn.multiheadAttention",
      Options,
      keyof MultiheadAttentionOptions,
      OptionTypes,
      Expected
    >
  >,
): MultiheadAttention<EmbedDim, NumHeads> {
  const embed = embedDim as number;
  const heads = numHeads as number;
  const layer = `multiheadAttention(${embed}, ${heads})`;
  checkSizes(layer, { embedDim: embed, numHeads: heads });
  if (embed % heads !== 0) throw new ShapeError(writeNumHeadsMessage(layer, embed, heads));
  checkOptions(layer, "nn.multiheadAttention", options, attentionKeys, optionTypes);
  const given = (options ?? {}) as MultiheadAttentionOptions;
  const runtime: MultiheadAttentionConfig = {
    kind: "multiheadAttention",
    written: layer,
    embedDim: embed,
    numHeads: heads,
    dropout: given.dropout ?? 0,
    bias: given.bias ?? true,
    outputShape: (input: RuntimeShape) => attentionRule(layer, embed, input),
  };
  return runtime as never;
}
