// nn.embeddingBag: PyTorch's EmbeddingBag(num_embeddings, embedding_dim, mode='mean', padding_idx=None) on
// [bags, n] indices (the 2-d form: bags of equal size; the 1-d form with offsets is a second input, refused).
import type { Layer, ShapeRule } from "../../../types/model/layer.ts";
import type { Arg, Checked, FirstSizeProblem, TrailingOptionsProblem } from "../../../types/shape/args.ts";
import { ShapeError } from "../../errors.ts";
import type { RuntimeLayer } from "../../model/layer.ts";
import { checkOptionsObject, checkOptions, checkSizes, expected } from "../../shape/args.ts";
import type { RuntimeShape } from "../../shape/dims.ts";
import type { KindConfig } from "../layer-config.ts";
import type { EmbeddingBagRule } from "./embedding-bag.types.ts";
import { embeddingBagRule } from "./embedding-bag.ts";
import { writePaddingIdxMessage, type PaddingIdxProblem } from "./embedding.nn.ts";

export interface EmbeddingBagOptions {
  /** Default "mean": how each bag's vectors are reduced. */
  readonly mode?: "sum" | "mean" | "max";
  /** Default none: entries of this index are left out of their bag (a bag of them only gives zeros). */
  readonly paddingIdx?: number;
}
const embeddingBagKeys = ["mode", "paddingIdx"] as const satisfies readonly (keyof EmbeddingBagOptions)[];
interface OptionTypes {
  mode: "sum" | "mean" | "max";
  paddingIdx: number;
}
interface Expected {
  mode: "'sum', 'mean' or 'max'";
  paddingIdx: "a number";
}
const optionTypes = {
  mode: ["'sum', 'mean' or 'max'", (value: unknown) => value === "sum" || value === "mean" || value === "max"],
  paddingIdx: expected.number,
} as const;

/**
 * `nn.embeddingBag(numEmbeddings, embeddingDim)`: [bags, n] → [bags, embeddingDim].
 *
 * @example
 * type T = EmbeddingBag<1000, 64>; // [n, 20] → [n, 64]
 */
export interface EmbeddingBag<NumEmbeddings, EmbeddingDim> extends Layer, RuntimeLayer {
  readonly kind: "embeddingBag";
  readonly numEmbeddings: NumEmbeddings;
  readonly embeddingDim: EmbeddingDim;
  readonly "~rule": EmbeddingBagShapeRule<NumEmbeddings, EmbeddingDim>;
}
/** The shape rule of EmbeddingBag. */
export interface EmbeddingBagShapeRule<NumEmbeddings, EmbeddingDim> extends ShapeRule {
  readonly "~output": EmbeddingBagRule<Written<NumEmbeddings, EmbeddingDim>, EmbeddingDim, this["~input"]>;
}
type Written<N, D> = `embeddingBag(${N & number}, ${D & number})`;

/** The config of embeddingBag (its runtime object). */
export interface EmbeddingBagConfig extends KindConfig<"embeddingBag"> {
  readonly numEmbeddings: number;
  readonly embeddingDim: number;
  readonly mode: "sum" | "mean" | "max";
  /** Non-negative (a negative paddingIdx counts from the end), or null. */
  readonly paddingIdx: number | null;
}

/**
 * PyTorch's `nn.EmbeddingBag(num_embeddings, embedding_dim, mode='mean', padding_idx=None)` on [bags, n]: each row's
 * n vectors summed, averaged or maxed into one of embeddingDim.
 *
 * @example
 * nn.embeddingBag(1000, 64); // [n, 20] → [n, 64]
 * nn.embeddingBag(1000, 64, { mode: "sum" }); // [n, 5] → [n, 64]
 */
export function embeddingBag<
  const NumEmbeddings extends number,
  const EmbeddingDim extends number,
  const Options extends object = {},
>(
  numEmbeddings: Arg<
    NumEmbeddings,
    FirstSizeProblem<Written<NumEmbeddings, EmbeddingDim>, ["numEmbeddings"], [NumEmbeddings]>
  >,
  embeddingDim: Arg<
    EmbeddingDim,
    FirstSizeProblem<Written<NumEmbeddings, EmbeddingDim>, ["embeddingDim"], [EmbeddingDim]>
  >,
  options?: Checked<
    Options,
    TrailingOptionsProblem<
      Written<NumEmbeddings, EmbeddingDim>,
      "nn.embeddingBag",
      Options,
      keyof EmbeddingBagOptions,
      OptionTypes,
      Expected
    > extends infer P extends string
      ? P
      : PaddingIdxProblem<Written<NumEmbeddings, EmbeddingDim>, NumEmbeddings, Options>
  >,
): EmbeddingBag<NumEmbeddings, EmbeddingDim> {
  const layer = `embeddingBag(${numEmbeddings}, ${embeddingDim})`;
  checkSizes(layer, { numEmbeddings, embeddingDim });
  checkOptionsObject(layer, options, embeddingBagKeys);
  checkOptions(layer, "nn.embeddingBag", options ?? {}, embeddingBagKeys, optionTypes);
  const count = numEmbeddings as number;
  const given = (options ?? {}) as EmbeddingBagOptions;
  const paddingIdx = given.paddingIdx;
  if (paddingIdx !== undefined && !(Number.isInteger(paddingIdx) && paddingIdx >= -count && paddingIdx < count))
    throw new ShapeError(writePaddingIdxMessage(layer, paddingIdx, count));
  const dim = embeddingDim as number;
  const runtime: EmbeddingBagConfig = {
    kind: "embeddingBag",
    written: layer,
    numEmbeddings: count,
    embeddingDim: dim,
    mode: given.mode ?? "mean",
    paddingIdx: paddingIdx === undefined ? null : paddingIdx < 0 ? paddingIdx + count : paddingIdx,
    outputShape: (input: RuntimeShape) => embeddingBagRule(layer, dim, input),
  };
  return runtime as never;
}
