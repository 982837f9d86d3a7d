// nn.embedding: PyTorch's Embedding (a lookup table of numEmbeddings vectors of embeddingDim).
import type { Compare, Sub } from "../../../types/arith/index.ts";
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
import type { FirstProblem } from "../../../types/shape/problems.ts";
import type { ArgProblems } from "../../../types/shape/plain.ts";
import type { EmbeddingRule } from "./embedding.types.ts";
import { fail } from "../../ops/fail.ts";
import type { RuntimeLayer } from "../../model/layer.ts";
import type { KindConfig } from "../layer-config.ts";
import { checkArguments, checkOptionTypes, checkSizes, expected, positionalOptions } from "../../shape/args.ts";
import type { RuntimeShape } from "../../shape/dims.ts";
import { embeddingRule } from "./embedding.ts";

/** PyTorch's keyword arguments of Embedding, with PyTorch's defaults (they do not change shapes). */
export interface EmbeddingOptions<PaddingIdx extends number = number> {
  /** Default none: the index whose vector stays zero; -numEmbeddings ≤ paddingIdx < numEmbeddings. */
  readonly paddingIdx?: PaddingIdx;
  /** Default none: vectors longer than this are renormalized. */
  readonly maxNorm?: number;
}
/** PyTorch's keywords of Embedding in camelCase. */
export const embeddingKeys = ["paddingIdx", "maxNorm"] as const satisfies readonly (keyof EmbeddingOptions)[];
interface OptionTypes {
  paddingIdx: number;
  maxNorm: number;
}
interface Expected {
  paddingIdx: "a number";
  maxNorm: "a number";
}
const optionTypes = { paddingIdx: expected.number, maxNorm: expected.number } as const;

/**
 * `nn.embedding(numEmbeddings, embeddingDim)`: [...indices] → [...indices, embeddingDim].
 *
 * @example
 * type T = Embedding<10000, 300>; // [n, 12] → [n, 12, 300]
 */
export interface Embedding<NumEmbeddings, EmbeddingDim> extends Layer, RuntimeLayer {
  readonly kind: "embedding";
  readonly numEmbeddings: NumEmbeddings;
  readonly embeddingDim: EmbeddingDim;
  readonly "~rule": EmbeddingShapeRule<EmbeddingDim>;
}
/** The shape rule of Embedding. */
export interface EmbeddingShapeRule<EmbeddingDim> extends ShapeRule {
  readonly "~output": EmbeddingRule<EmbeddingDim, this["~input"]>;
}

type WrittenEmbedding<NumEmbeddings, EmbeddingDim> = `embedding(${NumEmbeddings & number}, ${EmbeddingDim & number})`;

/** The message when paddingIdx is not an index of the table. */
export type writePaddingIdxMessage<
  Layer extends string,
  PaddingIdx,
  NumEmbeddings,
> = `${Layer}: paddingIdx (${PaddingIdx & number}) must be an index of the table, from -${NumEmbeddings & number} to ${Sub<NumEmbeddings, 1> & number}`;
export const writePaddingIdxMessage = (layer: string, paddingIdx: number, numEmbeddings: number): string =>
  `${layer}: paddingIdx (${paddingIdx}) must be an index of the table, from -${numEmbeddings} to ${numEmbeddings - 1}`;
export type PaddingIdxProblem<Layer extends string, NumEmbeddings, Options> = Options extends {
  readonly paddingIdx: infer Index extends number;
}
  ? number extends Index | NumEmbeddings
    ? false
    : `${Index}` extends `${string}.${string}`
      ? writePaddingIdxMessage<Layer, Index, NumEmbeddings>
      : `${Index}` extends `-${infer Back extends number}`
        ? Compare<Back, NumEmbeddings> extends "gt"
          ? writePaddingIdxMessage<Layer, Index, NumEmbeddings>
          : false
        : Compare<Index, NumEmbeddings> extends "lt"
          ? false
          : writePaddingIdxMessage<Layer, Index, NumEmbeddings>
  : false;

type Trailing<W extends string, N, O> =
  TrailingOptionsProblem<W, "nn.embedding", O, keyof EmbeddingOptions, OptionTypes, Expected> extends infer P extends
    string
    ? P
    : PaddingIdxProblem<W, N, O>;
/** An argument after the options object (left out: `{}`). */
type AfterOptions<W extends string, X> = {} extends X ? false : writeAfterOptionsMessage<W>;
/** PyTorch's paddingIdx and maxNorm positionally (`nn.embedding(10000, 300, 0)`), then an options object. */
type EmbeddingArgsProblems<W extends string, N, Third, Fourth, Options> =
  IsOptions<Third> extends true
    ? [Trailing<W, N, Third>, AfterOptions<W, Fourth>, AfterOptions<W, Options>]
    : [
        PaddingIdxProblem<W, N, { readonly paddingIdx: Third }>,
        IsOptions<Fourth> extends true
          ? FirstProblem<[Trailing<W, N, Fourth>, GivenTwiceProblem<W, Fourth, "paddingIdx">]>
          : false,
        IsOptions<Fourth> extends true
          ? AfterOptions<W, Options>
          : FirstProblem<[Trailing<W, N, Options>, GivenTwiceProblem<W, Options, "paddingIdx" | "maxNorm">]>,
      ];

/** The config of embedding (its runtime object); `null` for an option not given. */
export interface EmbeddingConfig extends KindConfig<"embedding"> {
  readonly numEmbeddings: number;
  readonly embeddingDim: number;
  readonly paddingIdx: number | null;
  readonly maxNorm: number | null;
}

/**
 * PyTorch's `nn.Embedding(num_embeddings, embedding_dim, padding_idx=None, max_norm=None)`: looks up a vector
 * of `embeddingDim` for every index (0 ≤ index < numEmbeddings) of the input, whatever its shape.
 *
 * @example
 * nn.embedding(10000, 300); // [n, 12] → [n, 12, 300]
 */
export function embedding<
  const NumEmbeddings extends number,
  const EmbeddingDim extends number,
  const Third extends number | object = {},
  const Fourth extends number | object = {},
  const Options extends object = {},
  Problems extends ArgProblems = EmbeddingArgsProblems<
    WrittenEmbedding<NumEmbeddings, EmbeddingDim>,
    NumEmbeddings,
    Third,
    Fourth,
    Options
  >,
>(
  numEmbeddings: Arg<
    NumEmbeddings,
    FirstSizeProblem<WrittenEmbedding<NumEmbeddings, EmbeddingDim>, ["numEmbeddings"], [NumEmbeddings]>
  >,
  embeddingDim: Arg<
    EmbeddingDim,
    FirstSizeProblem<WrittenEmbedding<NumEmbeddings, EmbeddingDim>, ["embeddingDim"], [EmbeddingDim]>
  >,
  paddingIdx?: Checked<Third, Problems[0]>,
  maxNorm?: Checked<Fourth, Problems[1]>,
  options?: Checked<Options, Problems[2]>,
): Embedding<NumEmbeddings, EmbeddingDim> {
  const [layer, given] = embeddingArgs<EmbeddingOptions>("embedding", arguments, embeddingKeys, optionTypes);
  const runtime: EmbeddingConfig = {
    kind: "embedding",
    written: layer,
    numEmbeddings: numEmbeddings as number,
    embeddingDim: embeddingDim as number,
    paddingIdx: given.paddingIdx ?? null,
    maxNorm: given.maxNorm ?? null,
    outputShape: (input: RuntimeShape) => embeddingRule(embeddingDim as number, input),
  };
  return runtime as never;
}

/**
 * The arguments of embedding and embeddingBag (`args`: the builder's, numEmbeddings and embeddingDim first), checked:
 * the layer's name and its options (PyTorch's optional arguments positionally, in the order of `keys`, then an options
 * object; paddingIdx an index of the table).
 */
export function embeddingArgs<Options extends { readonly paddingIdx?: number }>(
  kind: string,
  args: IArguments,
  keys: readonly string[],
  types: Parameters<typeof checkOptionTypes>[2],
  names: readonly string[] = keys,
): [string, Options] {
  const [count, dim, ...rest] = Array.from(args) as [number, number, ...unknown[]];
  const layer = `${kind}(${count}, ${dim})`;
  checkSizes(layer, { numEmbeddings: count, embeddingDim: dim });
  checkArguments(layer, args, ["numEmbeddings", "embeddingDim", ...names, "options"]);
  const given = positionalOptions(layer, `nn.${kind}`, names, rest, keys) as Options;
  checkOptionTypes(layer, given, types); // its keys: positionalOptions's check
  const index = given.paddingIdx;
  if (index !== undefined && !(Number.isInteger(index) && index >= -count && index < count))
    fail(writePaddingIdxMessage(layer, index, count));
  return [layer, given];
}
