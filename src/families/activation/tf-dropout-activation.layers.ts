// layers.dropout / activation: tfjs-layers' Dropout and Activation (by name); the shape is kept.
import type * as tfl from "../../../types/shape/tf-layer-args.ts"; // tfjs-layers' argument types
import type { Layer, ShapeRule } from "../../../types/model/layer.ts";
import type {
  At,
  KnownOptions,
  FirstOptionProblem,
  OptionOf,
  UnknownOptionProblem,
  WrittenLayer,
  InputShapeChecked,
  CheckedLooseOptions,
  Fitting,
  RequiredOptions,
} from "../../../types/shape/tf-options.ts";
import { ShapeError } from "../../errors.ts";
import type { RuntimeLayer } from "../../model/layer.ts";
import type { TfjsConfig } from "../layer-config.ts";
import { requiredOptions, tfLayer, tfOptions } from "../../shape/tf-options.ts";
import { checkRate } from "./tf-activation.ts";

/** The config of layers.dropout (its runtime object). */
export interface TfDropoutConfig extends TfjsConfig<"Dropout", DropoutArgs> {
  readonly rate: number;
}

/** The config of layers.activation (its runtime object). */
export interface TfActivationConfig extends TfjsConfig<"Activation", ActivationArgs> {
  readonly activation: ActivationIdentifier;
}

type TfArgs<Builder extends (...args: never[]) => unknown> = NonNullable<Parameters<Builder>[0]>;

/** tfjs-layers' `DropoutLayerArgs`. */
export interface DropoutArgs extends Omit<TfArgs<typeof tfl.layers.dropout>, "rate"> {
  /** The fraction of inputs zeroed while training, between 0 and 1. */
  readonly rate: number;
}
/** A rule that keeps the shape, after the check of the layer's inputShape. */
export interface SameShapeChecked<Name extends string, Args> extends ShapeRule {
  readonly "~output": InputShapeChecked<Name, Args, this["~input"], this["~input"]>;
}
const dropoutShown = ["rate"] as const;
const activationShown = ["activation"] as const;
export const dropoutOptions = tfOptions<DropoutArgs>()(dropoutShown, "noiseShape seed");

/** `layers.dropout({ rate })`: the shape is kept. */
export interface Dropout<Args extends DropoutArgs = DropoutArgs> extends Layer, RuntimeLayer {
  readonly kind: "Dropout";
  readonly args: Args;
  readonly rate: Args["rate"];
  readonly "~rule": SameShapeChecked<"dropout", Args>;
}

/** The message for a rate outside [0, 1] (tfjs would silently clamp it). */
export type writeRateMessage<Layer extends string> = `${Layer}: rate must be between 0 and 1`;
type RateProblem<Layer extends string, Rate> = number extends Rate
  ? false
  : `${Rate & number}` extends `-${string}`
    ? writeRateMessage<Layer>
    : Rate extends 0 | 1
      ? false
      : `${Rate & number}` extends `0.${string}`
        ? false
        : writeRateMessage<Layer>;
// Options that need no further check: known options and a rate in [0, 1] (its check does not need the layer's name).
type PlainDropout<Args> =
  KnownOptions<Args, keyof DropoutArgs> extends true
    ? [RateProblem<"", OptionOf<Args, "rate", 0>>] extends [false]
      ? true
      : false
    : false;
type DropoutProblem<
  Args,
  Layer extends string = WrittenLayer<"dropout", Args, typeof dropoutShown>,
> = FirstOptionProblem<
  [
    UnknownOptionProblem<Layer, "dropout", Args, keyof DropoutArgs>,
    At<"rate", RateProblem<Layer, OptionOf<Args, "rate", 0>>>,
  ]
>;

/**
 * tfjs's `tf.layers.dropout({ rate })`: zeroes a fraction `rate` of the inputs while training. (tfjs clamps a rate
 * outside [0, 1]; here it is a mistake.)
 *
 * @example
 * layers.dropout({ rate: 0.5 }); // [n, 128] → [n, 128]
 */
export const dropout: <
  const Args extends RequiredOptions<DropoutArgs>,
  Problem = PlainDropout<Args> extends true ? false : DropoutProblem<Args>,
>(
  args: CheckedLooseOptions<Args, Problem, DropoutArgs>,
) => Dropout<Fitting<Args, DropoutArgs>> = tfLayer(
  "Dropout",
  "dropout",
  dropoutOptions,
  dropoutShown,
  requiredOptions<DropoutArgs>()("rate"),
  (layer, options: DropoutArgs) => {
    checkRate(layer, options.rate); // the message is writeRateMessage's
    return { rate: options.rate };
  },
);

/** tfjs-layers' activation names. */
export type ActivationIdentifier = NonNullable<TfArgs<typeof tfl.layers.activation>["activation"]>;
/** Every activation tfjs-layers knows. */
export const activationIdentifiers: ReadonlySet<string> = new Set<ActivationIdentifier>([
  "elu",
  "hardSigmoid",
  "linear",
  "relu",
  "relu6",
  "selu",
  "sigmoid",
  "softmax",
  "softplus",
  "softsign",
  "tanh",
  "swish",
  "mish",
  "gelu",
  "gelu_new",
]);
/** tfjs-layers' `ActivationLayerArgs`. */
export interface ActivationArgs extends TfArgs<typeof tfl.layers.activation> {
  readonly activation: ActivationIdentifier;
}
export const activationOptions = tfOptions<ActivationArgs>()(activationShown);

/** `layers.activation({ activation })`: the shape is kept. */
export interface Activation<Args extends ActivationArgs = ActivationArgs> extends Layer, RuntimeLayer {
  readonly kind: "Activation";
  readonly args: Args;
  readonly activation: Args["activation"];
  readonly "~rule": SameShapeChecked<"activation", Args>;
}

/** The message for an activation tfjs does not know. */
export type writeActivationMessage<
  Layer extends string,
  Name extends string,
> = `${Layer}: TensorFlow.js has no activation '${Name}'`;
export const writeActivationMessage = (layer: string, name: string): string =>
  `${layer}: TensorFlow.js has no activation '${name}'`;

/** Throws for an activation (of any layer) that tfjs does not know. */
export function checkActivation(layer: string, name: unknown): void {
  if (name !== undefined && !activationIdentifiers.has(name as string))
    throw new ShapeError(writeActivationMessage(layer, String(name)));
}

/**
 * tfjs's `tf.layers.activation({ activation })`: applies an activation function; the shape is kept.
 *
 * @example
 * layers.activation({ activation: "relu" }); // [n, 128] → [n, 128]
 */
export const activation: <
  const Args extends RequiredOptions<ActivationArgs>,
  Problem = KnownOptions<Args, keyof ActivationArgs> extends true
    ? false
    : UnknownOptionProblem<
        WrittenLayer<"activation", Args, typeof activationShown>,
        "activation",
        Args,
        keyof ActivationArgs
      >,
>(
  args: CheckedLooseOptions<Args, Problem, ActivationArgs>,
) => Activation<Fitting<Args, ActivationArgs>> = tfLayer(
  "Activation",
  "activation",
  activationOptions,
  activationShown,
  requiredOptions<ActivationArgs>()("activation"),
  (layer, options: ActivationArgs) => {
    checkActivation(layer, options.activation);
    return { activation: options.activation };
  },
);
