// tfjs-layers' recurrent layers (the `layers` vocabulary): RNN.computeOutputShape and ConvRNN2D's, and the wrappers
// TimeDistributed and Bidirectional, which apply the rule of the layer they wrap. Twin: tf-recurrent.ts.
//   simpleRNN / lstm / gru / rnn:  [batch, time, features] → [batch, units] (returnSequences: [batch, time, units])
//   convLstm2d:                     [batch, time, h, w, c] → [batch, h′, w′, filters] (returnSequences: with time)
//   timeDistributed:                [batch, time, ...rest] → [batch, time, ...inner([batch, ...rest]) without batch]
//   bidirectional:                  the inner layer's output, its last dimension doubled by mergeMode 'concat'
// returnState (several outputs) is refused where a layer has one output (sequential, pipe); `layer.call(x)` gives
// [output, ...states] in the functional API (CellStateSizes below; the call's types in tf-recurrent.layers.ts).
import type { Mul } from "../../../types/arith/index.ts";
import type { Invalid } from "../../../types/arith/invalid.ts";
import type { Apply, Layer, UnknownShape } from "../../../types/model/layer.ts";
import type { Dim, Shape, ShowShape } from "../../../types/shape/dims.ts";
import type { DataFormat } from "../../../types/shape/tf-options.ts";
import type { writeRankMessage } from "../conv/conv.types.ts";
import type { TfConvLengths } from "../conv/tf-conv.types.ts";

/** How messages name the input of tfjs's recurrent layers. */
export type TfRecurrentRankText = "[batch, time, features] (rank 3)";

/** The message for `returnState: true`: the layer would give the output and its states. */
export type writeReturnStateMessage<Layer extends string> =
  `${Layer}: returnState gives several outputs (the output and the states): call the layer on a symbolic tensor, layer.call(x), in the functional API`;

/** The message when the input's feature dimension is known only by name: tfjs sizes the kernel from it. */
export type writeFeaturesUnknownMessage<
  Layer extends string,
  Axis extends number,
> = `${Layer}: the feature dimension (axis ${Axis}) must be known: TensorFlow.js sizes the kernel from it`;

/** The message for a cell used as a layer. */
export type writeCellMessage<Layer extends string> =
  `${Layer}: a cell is not a layer: give it to layers.rnn({ cell }) or layers.stackedRNNCells({ cells })`;

/**
 * tfjs's RNN rule (SimpleRNN, LSTM, GRU, RNN of a cell): the output is the last step's (`[batch, units]`) or every
 * step's (`returnSequences: true`). `ReturnSequences` not known as `true` or `false` (a `boolean`): unknown shape.
 *
 * @example
 * type R = TfRecurrentRule<"lstm({ units: 8 })", 8, false, [number, 10, 4]>; //=> [number, 8]
 * type S = TfRecurrentRule<"lstm({ units: 8 })", 8, true, [number, 10, 4]>; //=> [number, 10, 8]
 */
export type TfRecurrentRule<Layer extends string, Units, ReturnSequences, Input> = Input extends readonly [
  infer Batch,
  infer Time,
  infer Features,
]
  ? Features extends string
    ? writeFeaturesUnknownMessage<Layer, 2>
    : [ReturnSequences] extends [false]
      ? [Batch, Units]
      : [ReturnSequences] extends [true]
        ? [Batch, Time, Units]
        : UnknownShape
  : writeRankMessage<Layer, TfRecurrentRankText, Input extends Shape ? Input["length"] : 0>;

/** `Output`, or the returnState message when `ReturnState` is `true` (a `boolean` is checked at run time). */
export type NoReturnState<Layer extends string, ReturnState, Output> = [ReturnState] extends [true]
  ? writeReturnStateMessage<Layer>
  : Output;

/** How messages name ConvLSTM2D's input. */
export type TfConvLstmRankText<Format extends DataFormat> = Format extends "channelsFirst"
  ? "[batch, time, channels, height, width] (rank 5)"
  : "[batch, time, height, width, channels] (rank 5)";

/**
 * tfjs's ConvLSTM2D rule: the convolution of every step (tfjs's convOutputLength per spatial dimension), with the
 * time dimension when `returnSequences` is true. Axes in messages count the input's (batch 0, time 1).
 *
 * @example
 * type R = TfConvLstmRule<"convLstm2d(…)", 4, [3, 3], [1, 1], "valid", [1, 1], "channelsLast", false, [number, 5, 10, 10, 2]>;
 * //=> [number, 8, 8, 4]
 */
export type TfConvLstmRule<
  Layer extends string,
  Filters,
  Kernels extends readonly unknown[],
  Strides extends readonly unknown[],
  Padding,
  Dilations extends readonly unknown[],
  Format extends DataFormat,
  ReturnSequences,
  Input,
> = Input extends readonly [infer Batch, infer Time, infer A extends Dim, infer B extends Dim, infer C extends Dim]
  ? (Format extends "channelsFirst" ? A : C) extends infer Channels
    ? Channels extends string
      ? writeFeaturesUnknownMessage<Layer, Format extends "channelsFirst" ? 2 : 4>
      : TfConvLengths<
            Layer,
            Format extends "channelsFirst" ? [B, C] : [A, B],
            Kernels,
            Strides,
            Padding,
            Dilations,
            Format extends "channelsFirst" ? [0, 0, 0] : [0, 0]
          > extends infer Sizes
        ? Sizes extends readonly [infer H, infer W]
          ? (Format extends "channelsFirst" ? [Filters, H, W] : [H, W, Filters]) extends infer Image extends
              readonly unknown[]
            ? [ReturnSequences] extends [false]
              ? [Batch, ...Image]
              : [ReturnSequences] extends [true]
                ? [Batch, Time, ...Image]
                : UnknownShape
            : never
          : Sizes
        : never
    : never
  : writeRankMessage<Layer, TfConvLstmRankText<Format>, Input extends Shape ? Input["length"] : 0>;

/** The message of the wrapped layer, prefixed with the wrapper (and, when given, the input the layer got). */
export type writeWrappedMessage<
  Wrapper extends string,
  Message extends string,
  StepInput extends string = "",
> = StepInput extends "" ? `${Wrapper}: ${Message}` : `${Wrapper}: ${Message} (input ${StepInput})`;

/** A layer's output on `Input` as a shape, a message (a string), or `UnknownShape`. */
type Inner<L extends Layer, Input> =
  Apply<L, Input> extends infer Out ? (Out extends Invalid<infer Message> ? `${L["kind"]}: ${Message}` : Out) : never;

/** The message when a wrapper gets an input of too small a rank. */
export type writeTimeRankMessage<
  Layer extends string,
  Got extends number,
> = `${Layer}: expects an input [batch, time, ...] (rank 3 or more), got rank ${Got}`;

/**
 * tfjs's TimeDistributed rule: the inner layer's rule on one step ([batch, ...rest]), with the time dimension put
 * back after the batch. The inner layer's message names the step's input.
 *
 * @example
 * type R = TfTimeDistributedRule<"timeDistributed({ layer: … })", layers.Dense<{ units: 3 }>, [number, 10, 8]>;
 * //=> [number, 10, 3]
 */
export type TfTimeDistributedRule<Wrapper extends string, L extends Layer, Input> = Input extends readonly [
  infer Batch,
  infer Time,
  ...infer Rest extends Shape,
]
  ? Rest extends readonly []
    ? writeTimeRankMessage<Wrapper, 2>
    : Inner<L, [Batch, ...Rest]> extends infer Out
      ? Out extends readonly [infer OutBatch, ...infer OutRest]
        ? [OutBatch, Time, ...OutRest]
        : Out extends string
          ? Out extends `${string} (input [${string}`
            ? writeWrappedMessage<Wrapper, Out>
            : writeWrappedMessage<
                Wrapper,
                Out,
                [Batch, ...Rest] extends infer Step extends Shape ? ShowShape<Step> : ""
              >
          : UnknownShape
      : never
  : writeTimeRankMessage<Wrapper, Input extends Shape ? Input["length"] : 0>;

/** tfjs's merge modes of Bidirectional ('concat' by default). */
export type MergeMode = "concat" | "sum" | "mul" | "ave";

/**
 * tfjs's Bidirectional rule: the inner recurrent layer's output; 'concat' joins the forward and backward outputs
 * along the last dimension (tfjs doubles the last dimension, whatever the data format), the others keep the shape.
 *
 * @example
 * type R = TfBidirectionalRule<"bidirectional({ layer: … })", layers.LSTM<{ units: 8 }>, "concat", [number, 10, 4]>;
 * //=> [number, 16]
 */
export type TfBidirectionalRule<Wrapper extends string, L extends Layer, Mode, Input> =
  Inner<L, Input> extends infer Out
    ? Out extends readonly [...infer Init, infer Last]
      ? [Mode] extends ["concat"]
        ? [...Init, Last extends number ? Mul<Last, 2> : number]
        : "concat" extends Mode
          ? UnknownShape // a mode the compiler does not know: checked when built
          : Out
      : Out extends string
        ? writeWrappedMessage<Wrapper, Out>
        : UnknownShape
    : never;

// ---- returnState: the states tfjs's apply gives after the output (`layer.call(x)` in the functional API)

/**
 * The sizes of a cell's states in tfjs's order (its `stateSize`): an LSTM cell has two (h and c), the others one;
 * stacked cells (stackedRNNCells, or an array of cells) list the last cell's first. `number[]` when the cells are an
 * array that is not a tuple.
 *
 * @example
 * type S = CellStateSizes<[layers.GRUCell<{ units: 4 }>, layers.LSTMCell<{ units: 3 }>]>; //=> [3, 3, 4]
 */
export type CellStateSizes<Cell> = Cell extends readonly unknown[]
  ? StackedStateSizes<Cell>
  : Cell extends { readonly kind: "LSTMCell"; readonly units: infer Units }
    ? [Units, Units]
    : Cell extends { readonly kind: "StackedRNNCells"; readonly args: { readonly cells: infer Cells } }
      ? StackedStateSizes<Cells>
      : Cell extends { readonly units: infer Units }
        ? [Units]
        : number[];
type StackedStateSizes<Cells, Sizes extends unknown[] = []> = Cells extends readonly [infer First, ...infer Rest]
  ? CellStateSizes<First> extends infer Own extends unknown[]
    ? number[] extends Own
      ? number[]
      : StackedStateSizes<Rest, [...Own, ...Sizes]>
    : never
  : Cells extends readonly []
    ? Sizes
    : number[];

/** The states' shapes: `[batch, size]` per state size. */
export type TfStateShapes<Batch, Sizes extends readonly unknown[]> = { [K in keyof Sizes]: [Batch, Sizes[K]] };
