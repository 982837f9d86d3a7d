// nn.embeddingBag: PyTorch's EmbeddingBag(num_embeddings, embedding_dim, mode='mean', padding_idx=None) on
// [bags, n] indices (the 2-d form: bags of equal size; the 1-d form with offsets is a second input, refused).
import type { Layer, ShapeRule } from "../../../types/model/layer.ts";
import type { Arg, Checked, FirstSizeProblem, IsOptions } from "../../../types/shape/args.ts";
import type { ArgProblems } from "../../../types/shape/plain.ts";
import type { PositionalProblems } from "../../../types/shape/positional.ts";
import type { RuntimeLayer } from "../../model/layer.ts";
import { expected } from "../../shape/args.ts";
import type { RuntimeShape } from "../../shape/dims.ts";
import type { KindConfig } from "../layer-config.ts";
import type { EmbeddingBagRule } from "./embedding-bag.types.ts";
import { embeddingBagRule } from "./embedding-bag.ts";
import { embeddingArgs, type PaddingIdxProblem } from "./embedding.nn.ts";

export interface EmbeddingBagOptions {
  /** PyTorch's None only: shapecheck's embeddingBag does not renormalize rows. */
  readonly maxNorm?: null;
  /** Default 2 (it acts only with maxNorm). */
  readonly normType?: number;
  /** false only: shapecheck's embeddingBag does not scale gradients by frequency. */
  readonly scaleGradByFreq?: false;
  /** Default "mean": how each bag's vectors are reduced. */
  readonly mode?: "sum" | "mean" | "max";
  /** Default none: entries of this index are left out of their bag (a bag of them only gives zeros). */
  readonly paddingIdx?: number;
}
/** PyTorch's order after embeddingDim (given positionally, then an options object). */
const positionalNames = ["maxNorm", "normType", "scaleGradByFreq", "mode"] as const;
const embeddingBagKeys = [...positionalNames, "paddingIdx"] as const satisfies readonly (keyof EmbeddingBagOptions)[];
type PositionalNames = ["maxNorm", "normType", "scaleGradByFreq", "mode"];
interface OptionTypes {
  maxNorm: null;
  normType: number;
  scaleGradByFreq: false;
  mode: "sum" | "mean" | "max";
  paddingIdx: number;
}
interface Expected {
  maxNorm: "null: shapecheck's embeddingBag does not renormalize rows (PyTorch's max_norm)";
  normType: "a number";
  scaleGradByFreq: "false: shapecheck's embeddingBag does not scale gradients by frequency";
  mode: "'sum', 'mean' or 'max'";
  paddingIdx: "a number";
}
const optionTypes = {
  maxNorm: [
    "null: shapecheck's embeddingBag does not renormalize rows (PyTorch's max_norm)",
    (value: unknown) => value === null,
  ],
  normType: expected.number,
  scaleGradByFreq: [
    "false: shapecheck's embeddingBag does not scale gradients by frequency",
    (value: unknown) => value === false,
  ],
  mode: ["'sum', 'mean' or 'max'", (value: unknown) => ["sum", "mean", "max"].includes(value as string)],
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

/** Each argument after embeddingDim: its value checked as its option, then the options object's paddingIdx. */
type EmbeddingBagProblems<W extends string, NumEmbeddings, Rest extends readonly unknown[]> = {} extends Rest[0] &
  Rest[1] &
  Rest[2] &
  Rest[3] &
  Rest[4]
  ? [false, false, false, false, false] // the fast path: nothing after embeddingDim
  : PositionalProblems<
        W,
        "nn.embeddingBag",
        PositionalNames,
        Rest,
        keyof EmbeddingBagOptions,
        OptionTypes,
        Expected
      > extends infer Each
    ? {
        [I in keyof Each]: Each[I] extends false
          ? I extends keyof Rest
            ? IsOptions<Rest[I]> extends true
              ? PaddingIdxProblem<W, NumEmbeddings, Rest[I]>
              : false
            : false
          : Each[I];
      }
    : never;

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
  const Third extends number | boolean | string | object | null = {},
  const Fourth extends number | boolean | string | object | null = {},
  const Fifth extends number | boolean | string | object | null = {},
  const Sixth extends number | boolean | string | object | null = {},
  const Options extends object = {},
  // PyTorch's maxNorm (None), normType, scaleGradByFreq (False) and mode positionally, then an options object
  Problems extends ArgProblems = EmbeddingBagProblems<
    Written<NumEmbeddings, EmbeddingDim>,
    NumEmbeddings,
    [Third, Fourth, Fifth, Sixth, Options]
  >,
>(
  numEmbeddings: Arg<
    NumEmbeddings,
    FirstSizeProblem<Written<NumEmbeddings, EmbeddingDim>, ["numEmbeddings"], [NumEmbeddings]>
  >,
  embeddingDim: Arg<
    EmbeddingDim,
    FirstSizeProblem<Written<NumEmbeddings, EmbeddingDim>, ["embeddingDim"], [EmbeddingDim]>
  >,
  maxNormOrOptions?: Checked<Third, Problems[0]>,
  normTypeOrOptions?: Checked<Fourth, Problems[1]>,
  scaleGradByFreqOrOptions?: Checked<Fifth, Problems[2]>,
  modeOrOptions?: Checked<Sixth, Problems[3]>,
  options?: Checked<Options, Problems[4]>,
): EmbeddingBag<NumEmbeddings, EmbeddingDim> {
  const [layer, given] = embeddingArgs<EmbeddingBagOptions>(
    "embeddingBag",
    arguments,
    embeddingBagKeys,
    optionTypes,
    positionalNames,
  );
  const count = numEmbeddings as number;
  const paddingIdx = given.paddingIdx;
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
