// layers.embedding: tfjs-layers' Embedding.
import type * as tfl from "../../../types/shape/tf-layer-args.ts"; // tfjs-layers' argument types
import type { Layer, ShapeRule } from "../../../types/model/layer.ts";
import type { TfEmbeddingRule } from "./tf-embedding.types.ts";
import type {
  FirstOptionProblem,
  OptionOf,
  PlainOptions,
  SizeOptionProblem,
  UnknownOptionProblem,
  WrittenLayer,
  InputShapeChecked,
  CheckedLooseOptions,
  Fitting,
  RequiredOptions,
} from "../../../types/shape/tf-options.ts";
import type { RuntimeLayer } from "../../model/layer.ts";
import type { TfjsConfig } from "../layer-config.ts";
import { tfEmbeddingRule } from "./tf-embedding.ts";
import { requiredOptions, checkSizeOption, tfOptions, tfLayer, weightOptions } from "../../shape/tf-options.ts";

/** tfjs-layers' `EmbeddingLayerArgs`. */
export interface EmbeddingArgs extends Omit<
  NonNullable<Parameters<typeof tfl.layers.embedding>[0]>,
  "inputDim" | "outputDim" | "inputLength"
> {
  /** The vocabulary size: indices are 0…inputDim − 1. */
  readonly inputDim: number;
  /** The size of each embedding vector. */
  readonly outputDim: number;
  /** Optional: the input's size after the batch (a number, or one size per dimension), checked and taken. */
  readonly inputLength?: number | readonly number[];
}
const shownOptions = ["inputDim", "outputDim", "inputLength"] as const;
export const embeddingOptions = tfOptions<EmbeddingArgs>()(
  shownOptions,
  `${weightOptions("embeddings")} activityRegularizer maskZero`,
);

/** `layers.embedding({ inputDim, outputDim, inputLength? })`: [batch, ...indices] → [batch, ...indices, outputDim]. */
export interface Embedding<Args extends EmbeddingArgs = EmbeddingArgs> extends Layer, RuntimeLayer {
  readonly kind: "Embedding";
  readonly args: Args;
  readonly inputDim: Args["inputDim"];
  readonly outputDim: Args["outputDim"];
  readonly inputLength: OptionOf<Args, "inputLength", undefined>;
  readonly "~rule": EmbeddingShapeRule<Args>;
}
/** The shape rule of Embedding. */
export interface EmbeddingShapeRule<Args extends EmbeddingArgs> extends ShapeRule {
  readonly "~output": InputShapeChecked<
    "embedding",
    Args,
    this["~input"],
    TfEmbeddingRule<
      WrittenLayer<"embedding", Args, typeof shownOptions>,
      Args["outputDim"],
      OptionOf<Args, "inputLength", undefined>,
      this["~input"]
    >
  >;
}
type EmbeddingProblem<
  Args,
  Layer extends string = WrittenLayer<"embedding", Args, typeof shownOptions>,
> = FirstOptionProblem<
  [
    UnknownOptionProblem<Layer, "embedding", Args, keyof EmbeddingArgs>,
    SizeOptionProblem<Layer, Args, "inputDim">,
    SizeOptionProblem<Layer, Args, "outputDim">,
    SizeOptionProblem<Layer, Args, "inputLength">,
  ]
>;

/** The config of layers.embedding (its runtime object). */
export interface TfEmbeddingConfig extends TfjsConfig<"Embedding", EmbeddingArgs> {
  readonly inputDim: number;
  readonly outputDim: number;
  readonly inputLength: EmbeddingArgs["inputLength"];
}

/**
 * tfjs's `tf.layers.embedding({ inputDim, outputDim, inputLength? })`: each index becomes a vector of `outputDim`.
 *
 * @example
 * layers.embedding({ inputDim: 10000, outputDim: 64 }); // [n, 100] → [n, 100, 64]
 */
export const embedding: <
  const Args extends RequiredOptions<EmbeddingArgs>,
  Problem = PlainOptions<Args, keyof EmbeddingArgs, "inputDim" | "outputDim" | "inputLength"> extends true
    ? false
    : EmbeddingProblem<Args>,
>(
  args: CheckedLooseOptions<Args, Problem, EmbeddingArgs>,
) => Embedding<Fitting<Args, EmbeddingArgs>> = tfLayer(
  "Embedding",
  "embedding",
  embeddingOptions,
  shownOptions,
  requiredOptions<EmbeddingArgs>()("inputDim", "outputDim"),
  (layer, options: EmbeddingArgs) => {
    checkSizeOption(layer, options, "inputDim");
    checkSizeOption(layer, options, "outputDim");
    checkSizeOption(layer, options, "inputLength");
    const inputLength = options.inputLength ?? null;
    return {
      inputDim: options.inputDim,
      outputDim: options.outputDim,
      inputLength: options.inputLength,
      outputShape: (input) => tfEmbeddingRule(layer, options.outputDim, inputLength, input),
    };
  },
);
