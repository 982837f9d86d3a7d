// layers.timeDistributed / layers.bidirectional: tfjs-layers' wrappers, which apply the rule of the `layers` layer
// they wrap (at each time step; forward and backward). Rules: tf-recurrent.types.ts, twins in tf-recurrent.ts.
import type * as tfl from "../../../types/shape/tf-layer-args.ts"; // tfjs-layers' argument types
import type { Layer, ShapeRule } from "../../../types/model/layer.ts";
import type {
  At,
  CheckedLooseOptions,
  FirstOptionProblem,
  Fitting,
  InputShapeChecked,
  KnownOptions,
  OptionOf,
  RequiredOptions,
  UnknownOptionProblem,
  WrittenLayer,
} from "../../../types/shape/tf-options.ts";
import type { TfLayerOf } from "../activation/tf-activation.layers.ts";
import type { LayerConfig, TfjsConfig } from "../layer-config.ts";
import type { MergeMode, TfBidirectionalRule, TfTimeDistributedRule } from "./tf-recurrent.types.ts";
import type { RuntimeLayer } from "../../model/layer.ts";
import { ShapeError } from "../../errors.ts";
import type { RuntimeShape } from "../../shape/dims.ts";
import { choiceOf, tfOptions, requiredOptions, tfLayer } from "../../shape/tf-options.ts";
import { tfBidirectionalRule, tfTimeDistributedRule } from "./tf-recurrent.ts";

type TfArgs<Builder extends (...args: never[]) => unknown> = NonNullable<Parameters<Builder>[0]>;

/** A layer of the `layers` vocabulary (its kind is tfjs's class name: "Dense", "LSTM", …). */
export interface TfWrappedLayer extends Layer, RuntimeLayer {
  readonly kind: Capitalize<string>;
}
/** tfjs-layers' `WrapperLayerArgs`: `layer` is a layer of `layers`. */
export interface TimeDistributedArgs extends Omit<TfArgs<typeof tfl.layers.timeDistributed>, "layer"> {
  readonly layer: TfWrappedLayer;
}
/**
 * The recurrent kinds Bidirectional takes (not RNN: tfjs copies the layer through its config, and RNN's config
 * holds its cell as an object tfjs cannot read back: "Improper config format").
 */
export type TfRnnKind = "SimpleRNN" | "LSTM" | "GRU" | "ConvLSTM2D";
/** tfjs-layers' `BidirectionalLayerArgs`: `layer` is a recurrent layer of `layers`. */
export interface BidirectionalArgs extends Omit<TfArgs<typeof tfl.layers.bidirectional>, "layer"> {
  readonly layer: TfWrappedLayer & { readonly kind: TfRnnKind };
  /** Default 'concat': the forward and backward outputs joined along the last dimension. */
  readonly mergeMode?: MergeMode;
}
const timeShown = ["layer"] as const;
const biShown = ["layer", "mergeMode"] as const;
export const timeDistributedOptions = tfOptions<TimeDistributedArgs>()(timeShown);
export const bidirectionalOptions = tfOptions<BidirectionalArgs>()(biShown);

/** The message when the wrapped object is not a layer of `layers` (JavaScript, or an `nn` layer). */
export type writeWrappedKindMessage<
  Layer extends string,
  Expected extends string,
> = `${Layer}: layer must be ${Expected}`;
export const writeWrappedKindMessage = (layer: string, expected: string): string =>
  `${layer}: layer must be ${expected}`;
const anyLayer = "a layer of layers (TensorFlow.js's vocabulary)";
/** A wrapped layer with `returnState: true` (several outputs): not supported inside a wrapper. */
export type writeWrappedStateMessage<Layer extends string> =
  `${Layer}: the wrapped layer's returnState is not supported (it gives several outputs)`;
export const writeWrappedStateMessage = (layer: string): string =>
  `${layer}: the wrapped layer's returnState is not supported (it gives several outputs)`;
type WrappedState<Args> = Args extends { readonly layer: { readonly args: { readonly returnState: true } } }
  ? true
  : false;
const recurrentLayer = "a recurrent layer of layers (simpleRNN, lstm, gru or convLstm2d)";

/** The shape rule of TimeDistributed. */
export interface TimeDistributedShapeRule<Args extends TimeDistributedArgs> extends ShapeRule {
  readonly "~output": InputShapeChecked<
    "timeDistributed",
    Args,
    this["~input"],
    TfTimeDistributedRule<WrittenLayer<"timeDistributed", Args, typeof timeShown>, Args["layer"], this["~input"]>
  >;
}
/** `layers.timeDistributed({ layer })`: the layer applied at every time step, [batch, time, ...] → [batch, time, ...]. */
export interface TimeDistributed<Args extends TimeDistributedArgs = TimeDistributedArgs> extends TfLayerOf<Args> {
  readonly kind: "TimeDistributed";
  readonly "~rule": TimeDistributedShapeRule<Args>;
}
/** The shape rule of Bidirectional. */
export interface BidirectionalShapeRule<Args extends BidirectionalArgs> extends ShapeRule {
  readonly "~output": InputShapeChecked<
    "bidirectional",
    Args,
    this["~input"],
    TfBidirectionalRule<
      WrittenLayer<"bidirectional", Args, typeof biShown>,
      Args["layer"],
      OptionOf<Args, "mergeMode", "concat">,
      this["~input"]
    >
  >;
}
/** `layers.bidirectional({ layer, mergeMode })`: a recurrent layer run forward and backward, the outputs merged. */
export interface Bidirectional<Args extends BidirectionalArgs = BidirectionalArgs> extends TfLayerOf<Args> {
  readonly kind: "Bidirectional";
  readonly "~rule": BidirectionalShapeRule<Args>;
}

/** The config of layers.timeDistributed / bidirectional (its runtime object): the wrapped layer's config. */
export interface TfWrapperConfig extends TfjsConfig<"TimeDistributed" | "Bidirectional", TimeDistributedArgs> {
  readonly layer: LayerConfig;
  readonly mergeMode: MergeMode | undefined;
}

// A wrapped layer whose kind is not capitalized is an `nn` layer (PyTorch's vocabulary): not tfjs's.
type KindProblem<Layer extends string, Args, Expected extends string, Kinds extends string> = At<
  "layer",
  Args extends { readonly layer: { readonly kind: infer Kind } }
    ? Kind extends Kinds
      ? false
      : writeWrappedKindMessage<Layer, Expected>
    : false
>;

// Options that need no further check: known ones, and a wrapped layer of the expected kinds.
type Plain<Args, Known, Kinds extends string> =
  KnownOptions<Args, Known> extends true
    ? Args extends { readonly layer: { readonly kind: Kinds } }
      ? WrappedState<Args> extends true
        ? false
        : true
      : false
    : false;

/**
 * tfjs's `tf.layers.timeDistributed({ layer })`: applies a layer of `layers` to every time step of
 * [batch, time, ...]; the layer's rule applies to [batch, ...] and its message names that input.
 *
 * @example
 * layers.timeDistributed({ layer: layers.dense({ units: 3 }) }); // [n, 10, 8] → [n, 10, 3]
 */
export const timeDistributed: <
  const Args extends RequiredOptions<TimeDistributedArgs>,
  Problem = Plain<Args, keyof TimeDistributedArgs, Capitalize<string>> extends true
    ? false
    : WrittenLayer<"timeDistributed", Args, typeof timeShown> extends infer Layer extends string
      ? FirstOptionProblem<
          [
            UnknownOptionProblem<Layer, "timeDistributed", Args, keyof TimeDistributedArgs>,
            KindProblem<Layer, Args, typeof anyLayer, Capitalize<string>>,
            At<"layer", WrappedState<Args> extends true ? writeWrappedStateMessage<Layer> : false>,
          ]
        >
      : never,
>(
  args: CheckedLooseOptions<Args, Problem, TimeDistributedArgs>,
) => TimeDistributed<Fitting<Args, TimeDistributedArgs>> = wrapper(
  "TimeDistributed",
  "timeDistributed",
  timeDistributedOptions,
  timeShown,
  [anyLayer, (kind) => /^[A-Z]/.test(kind)],
  (layer, inner, _, input) => tfTimeDistributedRule(layer, inner, input),
);

export const bidirectional: <
  const Args extends RequiredOptions<BidirectionalArgs>,
  Problem = Plain<Args, keyof BidirectionalArgs, TfRnnKind> extends true
    ? false
    : WrittenLayer<"bidirectional", Args, typeof biShown> extends infer Layer extends string
      ? FirstOptionProblem<
          [
            UnknownOptionProblem<Layer, "bidirectional", Args, keyof BidirectionalArgs>,
            KindProblem<Layer, Args, typeof recurrentLayer, TfRnnKind>,
            At<"layer", WrappedState<Args> extends true ? writeWrappedStateMessage<Layer> : false>,
          ]
        >
      : never,
>(
  args: CheckedLooseOptions<Args, Problem, BidirectionalArgs>,
) => Bidirectional<Fitting<Args, BidirectionalArgs>> = wrapper(
  "Bidirectional",
  "bidirectional",
  bidirectionalOptions,
  biShown,
  [recurrentLayer, (kind) => ["SimpleRNN", "LSTM", "GRU", "ConvLSTM2D"].includes(kind)],
  tfBidirectionalRule,
);

/**
 * TimeDistributed's and Bidirectional's runtime object: the options checked, then the layer they wrap (one whose kind
 * `fits`, else a message that it must be `expected`, and without returnState), then mergeMode (Bidirectional's).
 */
function wrapper(
  kind: TfWrapperConfig["kind"],
  name: string,
  known: ReadonlySet<string>,
  shown: readonly string[],
  [expected, fits]: [string, (kind: string) => boolean],
  rule: (layer: string, inner: LayerConfig, mergeMode: MergeMode, input: RuntimeShape) => RuntimeShape,
) {
  const required = requiredOptions<TimeDistributedArgs>()("layer");
  return tfLayer(kind, name, known, shown, required, (layer, options: TimeDistributedArgs) => {
    const inner = options.layer as Partial<LayerConfig> | null | undefined;
    if (typeof inner?.kind !== "string" || typeof inner.outputShape !== "function" || !fits(inner.kind))
      throw new ShapeError(writeWrappedKindMessage(layer, expected));
    if ((inner as { args?: { returnState?: unknown } }).args?.returnState === true)
      throw new ShapeError(writeWrappedStateMessage(layer));
    const mergeMode =
      kind === "Bidirectional"
        ? choiceOf<MergeMode>(layer, options, "mergeMode", ["concat", "sum", "mul", "ave"])
        : undefined;
    return {
      layer: inner as LayerConfig,
      mergeMode,
      outputShape: (input) => rule(layer, inner as LayerConfig, mergeMode!, input),
    };
  });
}
