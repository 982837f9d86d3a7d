// layers.dense: tfjs-layers' Dense, a matrix product on the last dimension (rule: tf-dense.ts).
import type * as tfl from "../../../types/shape/tf-layer-args.ts"; // tfjs-layers' argument types
import type { Layer, ShapeRule } from "../../../types/model/layer.ts";
import type { TfDenseRule } from "./tf-dense.types.ts";
import type {
  CheckedLooseOptions,
  Fitting,
  RequiredOptions,
  PlainOptions,
  FirstOptionProblem,
  OptionOf,
  SizeOptionProblem,
  UnknownOptionProblem,
  WrittenLayer,
  InputShapeChecked,
} from "../../../types/shape/tf-options.ts";
import type { RuntimeLayer } from "../../model/layer.ts";
import type { TfjsConfig } from "../layer-config.ts";
import { tfDenseRule } from "./tf-dense.ts";
import {
  requiredOptions,
  tfOptions,
  checkSizeOption,
  tfLayer,
  activationBiasOptions,
  weightOptions,
} from "../../shape/tf-options.ts";
import { checkActivation } from "../activation/tf-dropout-activation.layers.ts";

/** The config of layers.dense (its runtime object). */
export interface TfDenseConfig extends TfjsConfig<"Dense", DenseArgs> {
  readonly units: number;
  readonly inputDim: number | undefined;
  readonly activation: DenseArgs["activation"];
}

type TfArgs<Builder extends (...args: never[]) => unknown> = NonNullable<Parameters<Builder>[0]>;

/** tfjs-layers' `DenseLayerArgs`. */
export interface DenseArgs extends Omit<TfArgs<typeof tfl.layers.dense>, "units" | "inputDim"> {
  /** The size of the output's last dimension. */
  readonly units: number;
  /** Optional: the size the last input dimension must have. */
  readonly inputDim?: number;
}
const denseShown = ["units", "inputDim"] as const;
export const denseOptions = tfOptions<DenseArgs>()(denseShown, `${activationBiasOptions} ${weightOptions("kernel")}`);

/** `layers.dense({ units, inputDim? })`: [batch, ..., features] → [batch, ..., units]. */
export interface Dense<Args extends DenseArgs = DenseArgs> extends Layer, RuntimeLayer {
  readonly kind: "Dense";
  readonly args: Args;
  readonly units: Args["units"];
  readonly inputDim: OptionOf<Args, "inputDim", undefined>;
  readonly "~rule": DenseShapeRule<Args>;
}
/** The shape rule of Dense. */
export interface DenseShapeRule<Args extends DenseArgs> extends ShapeRule {
  readonly "~output": InputShapeChecked<
    "dense",
    Args,
    this["~input"],
    TfDenseRule<
      WrittenLayer<"dense", Args, typeof denseShown>,
      Args["units"],
      OptionOf<Args, "inputDim", undefined>,
      this["~input"]
    >
  >;
}
type DenseProblem<Args, Layer extends string = WrittenLayer<"dense", Args, typeof denseShown>> = FirstOptionProblem<
  [
    UnknownOptionProblem<Layer, "dense", Args, keyof DenseArgs>,
    SizeOptionProblem<Layer, Args, "units">,
    SizeOptionProblem<Layer, Args, "inputDim">,
  ]
>;

/**
 * tfjs's `tf.layers.dense({ units, inputDim?, activation? })`: a fully connected layer on the last axis of an input
 * of rank 2 or more. `inputDim`, when given, must equal the last input dimension.
 *
 * @example
 * layers.dense({ units: 10, activation: "softmax" }); // [n, 1600] → [n, 10]
 */
export const dense: <
  const Args extends RequiredOptions<DenseArgs>,
  Problem = PlainOptions<Args, keyof DenseArgs, "units" | "inputDim"> extends true ? false : DenseProblem<Args>,
>(
  args: CheckedLooseOptions<Args, Problem, DenseArgs>,
) => Dense<Fitting<Args, DenseArgs>> = tfLayer(
  "Dense",
  "dense",
  denseOptions,
  denseShown,
  requiredOptions<DenseArgs>()("units"),
  (layer, options: DenseArgs) => {
    checkSizeOption(layer, options, "units");
    checkSizeOption(layer, options, "inputDim");
    checkActivation(layer, options.activation);
    const inputDim = options.inputDim ?? null;
    return {
      units: options.units,
      inputDim: options.inputDim,
      activation: options.activation,
      outputShape: (input) => tfDenseRule(layer, options.units, inputDim, input),
    };
  },
);
