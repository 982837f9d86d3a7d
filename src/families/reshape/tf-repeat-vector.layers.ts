// layers.repeatVector: tfjs-layers' RepeatVector, [batch, features] → [batch, n, features] (rank 2 inputs only).
import type * as tfl from "../../../types/shape/tf-layer-args.ts"; // tfjs-layers' argument types
import type { ShapeRule } from "../../../types/model/layer.ts";
import type { Shape } from "../../../types/shape/dims.ts";
import type {
  CheckedLooseOptions,
  Fitting,
  RequiredOptions,
  FirstOptionProblem,
  InputShapeChecked,
  PlainOptions,
  SizeOptionProblem,
  UnknownOptionProblem,
  WrittenLayer,
} from "../../../types/shape/tf-options.ts";
import type { writeRankMessage } from "../conv/conv.types.ts";
import type { TfjsConfig } from "../layer-config.ts";
import type { TfLayerOf } from "../activation/tf-activation.layers.ts";
import { fail } from "../../ops/fail.ts";
import type { RuntimeShape } from "../../shape/dims.ts";
import { writeRankMessage as rankMessage } from "../conv/conv.ts";
import { requiredOptions, checkSizeOption, tfOptions, tfLayer } from "../../shape/tf-options.ts";

/** tfjs-layers' `RepeatVectorLayerArgs`. */
export type RepeatVectorArgs = NonNullable<Parameters<typeof tfl.layers.repeatVector>[0]>;
const shown = ["n"] as const;
export const repeatVectorOptions = tfOptions<RepeatVectorArgs>()(shown);

/**
 * tfjs's RepeatVector rule: [batch, features] → [batch, n, features].
 *
 * @example
 * type R = TfRepeatVectorRule<"repeatVector({ n: 3 })", 3, [number, 32]>; //=> [number, 3, 32]
 */
export type TfRepeatVectorRule<Layer extends string, N, Input> = Input extends readonly [infer Batch, infer Features]
  ? [Batch, N, Features]
  : writeRankMessage<Layer, "[batch, features] (rank 2)", Input extends Shape ? Input["length"] : 0>;

/** `layers.repeatVector({ n })`: [batch, features] → [batch, n, features]. */
export interface RepeatVector<Args extends RepeatVectorArgs = RepeatVectorArgs> extends TfLayerOf<Args> {
  readonly kind: "RepeatVector";
  readonly "~rule": RepeatVectorShapeRule<Args>;
}
/** The shape rule of RepeatVector. */
export interface RepeatVectorShapeRule<Args extends RepeatVectorArgs> extends ShapeRule {
  readonly "~output": InputShapeChecked<
    "repeatVector",
    Args,
    this["~input"],
    TfRepeatVectorRule<WrittenLayer<"repeatVector", Args, typeof shown>, Args["n"], this["~input"]>
  >;
}
/** The config of layers.repeatVector (its runtime object). */
export interface TfRepeatVectorConfig extends TfjsConfig<"RepeatVector", RepeatVectorArgs> {
  readonly n: number;
}

type RepeatVectorProblem<
  Args,
  Layer extends string = WrittenLayer<"repeatVector", Args, typeof shown>,
> = FirstOptionProblem<
  [UnknownOptionProblem<Layer, "repeatVector", Args, keyof RepeatVectorArgs>, SizeOptionProblem<Layer, Args, "n">]
>;

/** Twin of `TfRepeatVectorRule`. */
export function tfRepeatVectorRule(layer: string, n: number, input: RuntimeShape): RuntimeShape {
  if (input.length !== 2) fail(rankMessage(layer, "[batch, features] (rank 2)", input.length));
  return [input[0]!, n, input[1]!];
}

/**
 * tfjs's `tf.layers.repeatVector({ n })`: repeats each example's feature vector n times (n a positive integer).
 *
 * @example
 * layers.repeatVector({ n: 3 }); // [n, 32] → [n, 3, 32]
 */
export const repeatVector: <
  const Args extends RequiredOptions<RepeatVectorArgs>,
  Problem = PlainOptions<Args, keyof RepeatVectorArgs, "n"> extends true ? false : RepeatVectorProblem<Args>,
>(
  args: CheckedLooseOptions<Args, Problem, RepeatVectorArgs>,
) => RepeatVector<Fitting<Args, RepeatVectorArgs>> = tfLayer(
  "RepeatVector",
  "repeatVector",
  repeatVectorOptions,
  shown,
  requiredOptions<RepeatVectorArgs>()("n"),
  (layer, options: RepeatVectorArgs) => {
    checkSizeOption(layer, options, "n");
    const n = options.n;
    return {
      n,
      outputShape: (input) => tfRepeatVectorRule(layer, n, input),
    };
  },
);
