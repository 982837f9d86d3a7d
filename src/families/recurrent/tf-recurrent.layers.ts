// layers.simpleRNN / lstm / gru / rnn, the cells (simpleRNNCell, lstmCell, gruCell, stackedRNNCells) and
// layers.convLstm2d: tfjs-layers' recurrent layers, tfjs's argument objects (rules: tf-recurrent.ts).
import type * as tfl from "../../../types/shape/tf-layer-args.ts"; // tfjs-layers' argument types
import type { ShapeRule } from "../../../types/model/layer.ts";
import type { Checked, PerDim } from "../../../types/shape/args.ts";
import type { Shape } from "../../../types/shape/dims.ts";
import { callLayer, type CallableLayer, type CallInputs, type CallResult } from "../../model/call.ts";
import type { Symbolic } from "../../model/symbolic.ts";
import type {
  At,
  CheckedLooseOptions,
  DataFormat,
  FirstOptionProblem,
  Fitting,
  InputShapeChecked,
  KnownOptions,
  OptionOf,
  PlainOptions,
  RequiredOptions,
  SizeOptionProblem,
  UnknownOptionProblem,
  WrittenLayer,
} from "../../../types/shape/tf-options.ts";
import type { writeCausalMessage, writeStridesDilationMessage } from "../conv/tf-conv.types.ts";
import type { TfLayerOf } from "../activation/tf-activation.layers.ts";
import type { TfjsConfig } from "../layer-config.ts";
import type {
  CellStateSizes,
  NoReturnState,
  TfConvLstmRule,
  TfRecurrentRule,
  writeCellMessage,
} from "./tf-recurrent.types.ts";
import { ShapeError } from "../../errors.ts";
import type { RuntimeShape } from "../../shape/dims.ts";
import {
  checkKnownOptions,
  checkSizeOption,
  checkedInputShape,
  dataFormatOf,
  tfOptions,
  requiredOptions,
  checkedWrittenLayer,
  weightOptions,
} from "../../shape/tf-options.ts";
import { checkActivation } from "../activation/tf-dropout-activation.layers.ts";
import { writeStridesDilationMessage as stridesDilationMessage } from "../conv/tf-conv.ts";
import { checkWindow } from "../conv/tf-conv.layers.ts";
import {
  stackedStateSizes,
  tfConvLstmRule,
  tfRecurrentRule,
  writeCellMessage as cellMessage,
  writeReturnStateMessage,
} from "./tf-recurrent.ts";

type TfArgs<Builder extends (...args: never[]) => unknown> = NonNullable<Parameters<Builder>[0]>;

// ---- argument objects

/** tfjs-layers' `SimpleRNNLayerArgs` (its `cell` is ignored by tfjs: not an option here). */
export type SimpleRNNArgs = Omit<TfArgs<typeof tfl.layers.simpleRNN>, "cell">;
/** tfjs-layers' `LSTMLayerArgs` (its `cell` is ignored by tfjs: not an option here). */
export type LSTMArgs = Omit<TfArgs<typeof tfl.layers.lstm>, "cell">;
/** tfjs-layers' `GRULayerArgs` (its `cell` is ignored by tfjs: not an option here). */
export type GRUArgs = Omit<TfArgs<typeof tfl.layers.gru>, "cell">;
/** tfjs-layers' `SimpleRNNCellLayerArgs`. */
export type SimpleRNNCellArgs = TfArgs<typeof tfl.layers.simpleRNNCell>;
/** tfjs-layers' `LSTMCellLayerArgs`. */
export type LSTMCellArgs = TfArgs<typeof tfl.layers.lstmCell>;
/** tfjs-layers' `GRUCellLayerArgs`. */
export type GRUCellArgs = TfArgs<typeof tfl.layers.gruCell>;

/** The kinds of tfjs's cells. */
export type TfCellKind = "SimpleRNNCell" | "LSTMCell" | "GRUCell" | "StackedRNNCells";
/**
 * A cell of the `layers` vocabulary (what `layers.rnn({ cell })` takes): its kind and its output size. (A
 * convLstm2dCell is one too, which rnn refuses with its message: tfjs's RNN takes [batch, time, features] only.)
 */
export interface TfCell {
  readonly kind: TfCellKind | "ConvLSTM2DCell";
  readonly units: number;
}
/** tfjs-layers' `RNNLayerArgs`: `cell` is a cell of `layers` or an array of them (stacked). */
export interface RNNArgs extends Omit<TfArgs<typeof tfl.layers.rnn>, "cell"> {
  readonly cell: TfCell | readonly TfCell[];
}
/** tfjs-layers' `StackedRNNCellsArgs`: the cells of `layers`, first to last. */
export interface StackedRNNCellsArgs extends Omit<TfArgs<typeof tfl.layers.stackedRNNCells>, "cells"> {
  readonly cells: readonly TfCell[];
}
/** A size per spatial dimension: one number for both, or a pair. */
type SizeArg = number | readonly number[];
/** tfjs-layers' `ConvLSTM2DArgs` (the options that change shapes as convolutions write them). */
export interface ConvLSTM2DArgs extends Omit<
  TfArgs<typeof tfl.layers.convLstm2d>,
  "cell" | "filters" | "kernelSize" | "strides" | "padding" | "dilationRate" | "dataFormat"
> {
  readonly filters: number;
  readonly kernelSize: SizeArg;
  /** Default 1. Cannot be above 1 together with `dilationRate` (TensorFlow.js). */
  readonly strides?: SizeArg;
  /** Default "valid" ("causal" is not implemented by TensorFlow.js). */
  readonly padding?: "valid" | "same" | "causal";
  readonly dilationRate?: SizeArg;
  readonly dataFormat?: DataFormat;
}

/** The options messages show: a recurrent layer's, rnn's, a cell's, convLstm2dCell's and convLstm2d's. */
const shown = ["units", "returnSequences", "returnState"] as const;
const rnnShown = ["cell", "returnSequences", "returnState"] as const;
const cellShown = ["units"] as const;
const convCellShown = ["filters", "kernelSize", "strides", "padding", "dilationRate", "dataFormat"] as const;
const convShown = [...convCellShown, "returnSequences", "returnState"] as const;
/** The options of every cell but its size (`units`; a ConvLSTM2D's `filters`). */
const cellKeys =
  `activation useBias ${weightOptions("kernel")} ${weightOptions("recurrent")} ${weightOptions("bias")} dropout recurrentDropout dropoutFunc` as const;
/** The options of every recurrent layer but those messages show. */
const rnnKeys = "goBackwards stateful unroll inputDim inputLength" as const;
/** The options an LSTM (layer or cell, convolutional too) adds; a GRU takes the first and the last. */
const lstmKeys = "recurrentActivation unitForgetBias implementation" as const;
const gruKeys = "recurrentActivation implementation" as const;
export const simpleRNNOptions = tfOptions<SimpleRNNArgs>()(shown, `${rnnKeys} ${cellKeys}`);
export const lstmOptions = tfOptions<LSTMArgs>()(shown, `${rnnKeys} ${cellKeys} ${lstmKeys}`);
export const gruOptions = tfOptions<GRUArgs>()(shown, `${rnnKeys} ${cellKeys} ${gruKeys}`);
export const simpleRNNCellOptions = tfOptions<SimpleRNNCellArgs>()(cellShown, cellKeys);
export const lstmCellOptions = tfOptions<LSTMCellArgs>()(cellShown, `${cellKeys} ${lstmKeys}`);
export const gruCellOptions = tfOptions<GRUCellArgs>()(cellShown, `${cellKeys} ${gruKeys} resetAfter`);
export const rnnOptions = tfOptions<RNNArgs>()(rnnShown, rnnKeys);
export const stackedRNNCellsOptions = tfOptions<StackedRNNCellsArgs>()([], "cells");
export const convLstm2dOptions = tfOptions<ConvLSTM2DArgs>()(convShown, `${rnnKeys} ${cellKeys} ${lstmKeys}`);

// ---- messages of the argument objects

/** `stateful: true`: tfjs needs a batch size fixed in the model, which shapecheck's inputs do not have. */
export type writeStatefulMessage<Layer extends string> =
  `${Layer}: stateful is not supported: TensorFlow.js needs the batch size fixed in the model for it`;
export const writeStatefulMessage = (layer: string): string =>
  `${layer}: stateful is not supported: TensorFlow.js needs the batch size fixed in the model for it`;
/** `unroll: true` on a convolutional RNN: tfjs refuses it. */
export type writeUnrollMessage<Layer extends string> =
  `${Layer}: unroll is not possible with convolutional RNNs (TensorFlow.js)`;
export const writeUnrollMessage = (layer: string): string =>
  `${layer}: unroll is not possible with convolutional RNNs (TensorFlow.js)`;
/** gruCell's `resetAfter: true`: tfjs refuses it. */
export type writeResetAfterMessage<Layer extends string> =
  `${Layer}: resetAfter true is not supported by TensorFlow.js's GRUCell`;
export const writeResetAfterMessage = (layer: string): string =>
  `${layer}: resetAfter true is not supported by TensorFlow.js's GRUCell`;
/** An empty array of cells. */
export type writeNoCellMessage<
  Layer extends string,
  Key extends string,
> = `${Layer}: ${Key} must hold at least one cell`;
export const writeNoCellMessage = (layer: string, key: string): string =>
  `${layer}: ${key} must hold at least one cell`;
/** A convLstm2dCell given to rnn or stackedRNNCells: tfjs's RNN takes [batch, time, features] inputs only. */
export type writeConvCellMessage<
  Layer extends string,
  Key extends string,
> = `${Layer}: ${Key} cannot hold a convLstm2dCell: TensorFlow.js's RNN takes [batch, time, features] inputs (use layers.convLstm2d)`;
export const writeConvCellMessage = (layer: string, key: string): string =>
  `${layer}: ${key} cannot hold a convLstm2dCell: TensorFlow.js's RNN takes [batch, time, features] inputs (use layers.convLstm2d)`;
/** Something that is not a cell of `layers` where a cell is expected (JavaScript only: the types say it). */
export const writeNotACellMessage = (layer: string, key: string): string =>
  `${layer}: ${key} must be a cell of layers (simpleRNNCell, lstmCell, gruCell or stackedRNNCells)`;

// ---- the recurrent layers (SimpleRNN, LSTM, GRU, RNN)

/** The recurrent kinds of `layers` (RNN: a cell of `layers.rnn`). */
export type TfRecurrentKind = "SimpleRNN" | "LSTM" | "GRU" | "RNN";

/** The shape rule of SimpleRNN, LSTM, GRU and RNN (the output size `Units`: the last cell's). */
export interface TfRecurrentShapeRule<Name extends string, Layer extends string, Args, Units> extends ShapeRule {
  readonly "~output": InputShapeChecked<
    Name,
    Args,
    this["~input"],
    NoReturnState<
      Layer,
      OptionOf<Args, "returnState", false>,
      TfRecurrentRule<Layer, Units, OptionOf<Args, "returnSequences", false>, this["~input"]>
    >
  >;
}
interface TfRecurrentLayer<Args> extends TfLayerOf<Args> {
  readonly returnSequences: OptionOf<Args, "returnSequences", false>;
}

/**
 * The outputs of a call in the functional API (tfjs's `apply` on a symbolic tensor): `[output, ...states]` with
 * `returnState: true`, `[output]` without; unknown (`Symbolic<Shape>[]`) when returnState or the number of states
 * is not known to the compiler. `States`: each state's shape after the batch.
 */
export type TfCallOutputs<Out, States extends readonly unknown[], ReturnState> = [ReturnState] extends [false]
  ? [CallResult<Out>]
  : [ReturnState] extends [true]
    ? number extends States["length"]
      ? [CallResult<Out>, ...Symbolic<Shape>[]]
      : [
          CallResult<Out>,
          ...{
            [K in keyof States]: CallResult<
              Out extends readonly [infer Batch, ...unknown[]]
                ? States[K] extends readonly unknown[]
                  ? [Batch, ...States[K]]
                  : never
                : Out
            >;
          },
        ]
    : Symbolic<Shape>[];
/** The message of a call's input (its rule's, before returnState), or `false`. */
type CallProblem<Out> = Out extends string ? Out : false;
/** The states' shapes after the batch: an LSTM's two, a SimpleRNN's or GRU's one, an RNN's cells' (in tfjs's order). */
type StatesOf<Kind extends TfRecurrentKind, Args, Units> = Kind extends "LSTM"
  ? [[Units], [Units]]
  : Kind extends "RNN"
    ? Args extends { readonly cell: infer Cell }
      ? StateShapes<CellStateSizes<Cell>>
      : number[]
    : [[Units]];
/** What a recurrent layer's output is on X, returnState aside (the rule of `call`). */
type TfRecurrentOut<Name extends string, Layer extends string, Args, Units, X> = InputShapeChecked<
  Name,
  Args,
  X,
  TfRecurrentRule<Layer, Units, OptionOf<Args, "returnSequences", false>, X>
>;
/** `layer.call(x)`: the functional API's call of a recurrent layer, with its states when `returnState: true`. */
// (The states are computed in the return type: only when `call` is used.)
interface TfRecurrentCallable<Name extends string, Layer extends string, Args, Units, Kind extends TfRecurrentKind> {
  /**
   * The layer on a symbolic tensor, as tfjs's `apply`: `[output, ...states]` with `returnState: true` (each state
   * `[batch, size]`), `[output]` without.
   */
  call<X extends Shape>(
    input: Checked<Symbolic<X>, CallProblem<TfRecurrentOut<Name, Layer, Args, Units, X>>>,
  ): TfCallOutputs<
    TfRecurrentOut<Name, Layer, Args, Units, X>,
    StatesOf<Kind, Args, Units>,
    OptionOf<Args, "returnState", false>
  >;
}
/** A cell's (or cells') state sizes as state shapes after the batch. */
type StateShapes<Sizes> = Sizes extends readonly unknown[] ? { [K in keyof Sizes]: [Sizes[K]] } : number[];
/** `layers.simpleRNN({ units })`: [batch, time, features] → [batch, units] (returnSequences: [batch, time, units]). */
export interface SimpleRNN<Args extends SimpleRNNArgs = SimpleRNNArgs>
  extends
    TfRecurrentLayer<Args>,
    TfRecurrentCallable<"simpleRNN", WrittenLayer<"simpleRNN", Args, typeof shown>, Args, Args["units"], "SimpleRNN"> {
  readonly kind: "SimpleRNN";
  readonly units: Args["units"];
  readonly "~rule": TfRecurrentShapeRule<
    "simpleRNN",
    WrittenLayer<"simpleRNN", Args, typeof shown>,
    Args,
    Args["units"]
  >;
}
/** `layers.lstm({ units })`: [batch, time, features] → [batch, units] (returnSequences: [batch, time, units]). */
export interface LSTM<Args extends LSTMArgs = LSTMArgs>
  extends
    TfRecurrentLayer<Args>,
    TfRecurrentCallable<"lstm", WrittenLayer<"lstm", Args, typeof shown>, Args, Args["units"], "LSTM"> {
  readonly kind: "LSTM";
  readonly units: Args["units"];
  readonly "~rule": TfRecurrentShapeRule<"lstm", WrittenLayer<"lstm", Args, typeof shown>, Args, Args["units"]>;
}
/** `layers.gru({ units })`: [batch, time, features] → [batch, units] (returnSequences: [batch, time, units]). */
export interface GRU<Args extends GRUArgs = GRUArgs>
  extends
    TfRecurrentLayer<Args>,
    TfRecurrentCallable<"gru", WrittenLayer<"gru", Args, typeof shown>, Args, Args["units"], "GRU"> {
  readonly kind: "GRU";
  readonly units: Args["units"];
  readonly "~rule": TfRecurrentShapeRule<"gru", WrittenLayer<"gru", Args, typeof shown>, Args, Args["units"]>;
}
/** The output size of a cell or of cells (the last one's); `number` for an array that is not a tuple. */
export type CellUnits<Cell> = Cell extends readonly [...unknown[], infer Last]
  ? CellUnits<Last>
  : Cell extends { readonly units: infer Units }
    ? Units
    : number;
/** `layers.rnn({ cell })`: the cell (or stacked cells) run over time: [batch, time, features] → [batch, units]. */
export interface RNN<Args extends RNNArgs = RNNArgs>
  extends
    TfRecurrentLayer<Args>,
    TfRecurrentCallable<"rnn", WrittenLayer<"rnn", Args, typeof rnnShown>, Args, CellUnits<Args["cell"]>, "RNN"> {
  readonly kind: "RNN";
  readonly units: CellUnits<Args["cell"]>;
  readonly "~rule": TfRecurrentShapeRule<
    "rnn",
    WrittenLayer<"rnn", Args, typeof rnnShown>,
    Args,
    CellUnits<Args["cell"]>
  >;
}

/** The config of layers.simpleRNN / lstm / gru / rnn (its runtime object). */
export interface TfRecurrentConfig extends TfjsConfig<TfRecurrentKind, SimpleRNNArgs | LSTMArgs | GRUArgs | RNNArgs> {
  /** The functional API's call (`layer.call(x)`): `[output, ...states]` with returnState. */
  readonly callShapes: CallableLayer["callShapes"];
  /** The output size (rnn: its last cell's). */
  readonly units: number;
  readonly returnSequences: boolean;
  readonly useBias: boolean;
  /** The cells of `layers.rnn`, first to last (empty for the others). */
  readonly cells: readonly TfCellConfig[];
}

type StatefulProblem<Layer extends string, Args> = At<
  "stateful",
  [OptionOf<Args, "stateful", false>] extends [true] ? writeStatefulMessage<Layer> : false
>;
type RecurrentProblem<Name extends string, Args, Known> =
  WrittenLayer<Name, Args, typeof shown> extends infer Layer extends string
    ? FirstOptionProblem<
        [
          UnknownOptionProblem<Layer, Name, Args, Known>,
          SizeOptionProblem<Layer, Args, "units">,
          SizeOptionProblem<Layer, Args, "inputDim">,
          SizeOptionProblem<Layer, Args, "inputLength">,
          StatefulProblem<Layer, Args>,
        ]
      >
    : never;
// Options that need no further check: known, plain sizes, not stateful.
type Plain<Args, Known> =
  PlainOptions<Args, Known, "units" | "inputDim" | "inputLength"> extends true
    ? [OptionOf<Args, "stateful", false>] extends [true]
      ? false
      : true
    : false;

/**
 * tfjs's `tf.layers.simpleRNN({ units, returnSequences = false })`: a fully connected RNN over the time axis.
 *
 * @example
 * layers.simpleRNN({ units: 8 });                         // [n, 10, 4] → [n, 8]
 * layers.simpleRNN({ units: 8, returnSequences: true }); // [n, 10, 4] → [n, 10, 8]
 */
export const simpleRNN: <
  const Args extends RequiredOptions<SimpleRNNArgs>,
  Problem = Plain<Args, keyof SimpleRNNArgs> extends true
    ? false
    : RecurrentProblem<"simpleRNN", Args, keyof SimpleRNNArgs>,
>(
  args: CheckedLooseOptions<Args, Problem, SimpleRNNArgs>,
) => SimpleRNN<Fitting<Args, SimpleRNNArgs>> = recurrent("SimpleRNN", "simpleRNN", simpleRNNOptions);

/**
 * tfjs's `tf.layers.lstm({ units, returnSequences = false })`: a long short-term memory layer.
 *
 * @example
 * layers.lstm({ units: 32 });                         // [n, 20, 16] → [n, 32]
 * layers.lstm({ units: 32, returnSequences: true }); // [n, 20, 16] → [n, 20, 32]
 */
export const lstm: <
  const Args extends RequiredOptions<LSTMArgs>,
  Problem = Plain<Args, keyof LSTMArgs> extends true ? false : RecurrentProblem<"lstm", Args, keyof LSTMArgs>,
>(
  args: CheckedLooseOptions<Args, Problem, LSTMArgs>,
) => LSTM<Fitting<Args, LSTMArgs>> = recurrent("LSTM", "lstm", lstmOptions);

/**
 * tfjs's `tf.layers.gru({ units, returnSequences = false })`: a gated recurrent unit layer.
 *
 * @example
 * layers.gru({ units: 12 }); // [n, 7, 3] → [n, 12]
 */
export const gru: <
  const Args extends RequiredOptions<GRUArgs>,
  Problem = Plain<Args, keyof GRUArgs> extends true ? false : RecurrentProblem<"gru", Args, keyof GRUArgs>,
>(
  args: CheckedLooseOptions<Args, Problem, GRUArgs>,
) => GRU<Fitting<Args, GRUArgs>> = recurrent("GRU", "gru", gruOptions);

/** The required option of the recurrent layers and cells but rnn, stackedRNNCells and the convolutional ones. */
const unitsRequired = requiredOptions<SimpleRNNArgs>()("units");

/** The checks every recurrent layer's arguments share (units is checked by the caller when it has one). */
function checkRecurrentArgs(layer: string, args: SimpleRNNArgs | RNNArgs | ConvLSTM2DArgs): void {
  checkSizeOption(layer, args, "inputDim");
  checkSizeOption(layer, args, "inputLength");
  if (args.stateful === true) throw new ShapeError(writeStatefulMessage(layer));
}

/** The activations of a recurrent layer or cell (tfjs's identifiers). */
function checkActivations(layer: string, args: LSTMCellArgs | ConvLSTM2DCellArgs): void {
  checkActivation(layer, args.activation);
  checkActivation(layer, args.recurrentActivation);
}

/** The builder of SimpleRNN, LSTM and GRU. */
function recurrent(kind: Exclude<TfRecurrentKind, "RNN">, name: string, known: ReadonlySet<string>) {
  return (given: unknown): never => {
    const args = given as LSTMArgs;
    const layer = checkedWrittenLayer(name, args, known, shown, unitsRequired);
    checkSizeOption(layer, args, "units");
    checkRecurrentArgs(layer, args);
    checkActivations(layer, args);
    const states = kind === "LSTM" ? [args.units, args.units] : [args.units];
    return recurrentConfig(kind, name, layer, args, args.units, [], states) as never;
  };
}

/** The config of SimpleRNN, LSTM, GRU and RNN (output size `units`, state sizes `states`), its arguments checked. */
function recurrentConfig(
  kind: TfRecurrentKind,
  name: string,
  layer: string,
  args: SimpleRNNArgs | RNNArgs,
  units: number,
  cells: TfCellConfig[],
  states: number[],
): TfRecurrentConfig {
  const returnSequences = args.returnSequences === true;
  return callable<TfRecurrentConfig>(
    // (rnn takes no useBias: true, as its config has always said)
    { kind, written: layer, args, units, returnSequences, useBias: (args as SimpleRNNArgs).useBias !== false, cells },
    name,
    (input) => tfRecurrentRule(layer, units, returnSequences, input),
    (out) => states.map((size) => [out[0]!, size]),
  );
}

/**
 * The config with its shape rule, checked against inputShape / batchInputShape, and its call in the functional API
 * (`layer.call(x)`, tfjs's `apply` on a symbolic tensor): `[output, ...states(output)]` with returnState, `[output]`
 * without. Twin of `TfRecurrentCallable`.
 */
function callable<Config extends TfRecurrentConfig | TfConvLstmConfig>(
  config: Omit<Config, "callShapes" | "outputShape">,
  name: string,
  rule: (input: RuntimeShape) => RuntimeShape,
  states: (out: RuntimeShape) => RuntimeShape[],
): Config {
  const { written: layer, args } = config;
  const returnState = (args as SimpleRNNArgs).returnState === true;
  const checked = checkedInputShape(name, args, rule);
  const runtime = {
    ...config,
    // a layer of a model has one output: returnState only in the functional API
    outputShape: checkedInputShape(name, args, (input) => {
      if (returnState) throw new ShapeError(writeReturnStateMessage(layer)); // twin of NoReturnState
      return rule(input);
    }),
    callShapes: (inputs: CallInputs) => {
      const out = checked(inputs["input"]!);
      return [out, ...(returnState ? states(out) : [])];
    },
    call: (input: unknown) => callLayer(runtime as unknown as Config, { input }),
  };
  return runtime as unknown as Config;
}

// rnn's and stackedRNNCells' options that need no further check: known ones, cells that fit, no inputDim,
// inputLength or stateful.
type PlainCells<Args, Known, Key extends string> =
  PlainOptions<Args, Known, "inputDim" | "inputLength"> extends true
    ? [OptionOf<Args, "stateful", false>] extends [false]
      ? NoCellProblem<"", Args, Key> extends false
        ? true
        : false
      : false
    : false;
type NoCellProblem<Layer extends string, Args, Key extends string> = At<
  Key,
  Args extends { readonly [K in Key]: infer Value }
    ? Value extends readonly []
      ? writeNoCellMessage<Layer, Key>
      : [Extract<Value extends readonly (infer One)[] ? One : Value, { readonly kind: "ConvLSTM2DCell" }>] extends [
            never,
          ]
        ? false
        : writeConvCellMessage<Layer, Key>
    : false
>;

/**
 * tfjs's `tf.layers.rnn({ cell, returnSequences = false })`: a cell of `layers` (or an array of cells, stacked) run
 * over the time axis; the output size is the (last) cell's units.
 *
 * @example
 * layers.rnn({ cell: layers.lstmCell({ units: 8 }) });                                       // [n, 10, 4] → [n, 8]
 * layers.rnn({ cell: [layers.gruCell({ units: 8 }), layers.gruCell({ units: 6 })], returnSequences: true }); // [n, 10, 4] → [n, 10, 6]
 */
export function rnn<
  const Args extends RequiredOptions<RNNArgs>,
  Problem = PlainCells<Args, keyof RNNArgs, "cell"> extends true
    ? false
    : WrittenLayer<"rnn", Args, typeof rnnShown> extends infer Layer extends string
      ? FirstOptionProblem<
          [
            UnknownOptionProblem<Layer, "rnn", Args, keyof RNNArgs>,
            NoCellProblem<Layer, Args, "cell">,
            SizeOptionProblem<Layer, Args, "inputDim">,
            SizeOptionProblem<Layer, Args, "inputLength">,
            StatefulProblem<Layer, Args>,
          ]
        >
      : never,
>(args: CheckedLooseOptions<Args, Problem, RNNArgs>): RNN<Fitting<Args, RNNArgs>> {
  const options = args as RNNArgs;
  const layer = checkedWrittenLayer("rnn", options, rnnOptions, rnnShown, requiredOptions<RNNArgs>()("cell"));
  checkRecurrentArgs(layer, options);
  const cells = cellsOf(layer, "cell", options.cell);
  // one cell or several: the states of the cells stacked
  return recurrentConfig("RNN", "rnn", layer, options, cells.at(-1)!.units, cells, stackedStateSizes(cells)) as never;
}

/** The cells given as `key` (one, or a non-empty array), each checked to be a cell of `layers`. */
function cellsOf(layer: string, key: string, given: unknown): TfCellConfig[] {
  const cells = Array.isArray(given) ? given : [given];
  if (cells.length === 0) throw new ShapeError(writeNoCellMessage(layer, key));
  for (const cell of cells) {
    const kind = (cell as { kind?: unknown } | null)?.kind;
    if (kind === "ConvLSTM2DCell") throw new ShapeError(writeConvCellMessage(layer, key));
    if (!["SimpleRNNCell", "LSTMCell", "GRUCell", "StackedRNNCells"].includes(kind as string))
      throw new ShapeError(writeNotACellMessage(layer, key));
  }
  return cells as TfCellConfig[];
}

// ---- the cells

/** The shape rule of a cell: not a layer (it goes into layers.rnn or layers.stackedRNNCells). */
export interface TfCellShapeRule<Layer extends string> extends ShapeRule {
  readonly "~output": writeCellMessage<Layer>;
}
/** `layers.simpleRNNCell({ units })`: a cell for layers.rnn. */
export interface SimpleRNNCell<Args extends SimpleRNNCellArgs = SimpleRNNCellArgs> extends TfLayerOf<Args> {
  readonly kind: "SimpleRNNCell";
  readonly units: Args["units"];
  readonly "~rule": TfCellShapeRule<WrittenLayer<"simpleRNNCell", Args, typeof cellShown>>;
}
/** `layers.lstmCell({ units })`: a cell for layers.rnn. */
export interface LSTMCell<Args extends LSTMCellArgs = LSTMCellArgs> extends TfLayerOf<Args> {
  readonly kind: "LSTMCell";
  readonly units: Args["units"];
  readonly "~rule": TfCellShapeRule<WrittenLayer<"lstmCell", Args, typeof cellShown>>;
}
/** `layers.gruCell({ units })`: a cell for layers.rnn. */
export interface GRUCell<Args extends GRUCellArgs = GRUCellArgs> extends TfLayerOf<Args> {
  readonly kind: "GRUCell";
  readonly units: Args["units"];
  readonly "~rule": TfCellShapeRule<WrittenLayer<"gruCell", Args, typeof cellShown>>;
}
/** `layers.stackedRNNCells({ cells })`: cells run one after the other at each step; a cell for layers.rnn. */
export interface StackedRNNCells<Args extends StackedRNNCellsArgs = StackedRNNCellsArgs> extends TfLayerOf<Args> {
  readonly kind: "StackedRNNCells";
  readonly units: CellUnits<Args["cells"]>;
  readonly "~rule": TfCellShapeRule<"stackedRNNCells({ cells: … })">;
}

/** The runtime object of a cell (not a layer of a model: layers.rnn converts and explains it). */
export interface TfCellConfig extends TfjsConfig<TfCellKind, object> {
  readonly units: number;
  readonly useBias: boolean;
  /** stackedRNNCells: its cells, first to last. */
  readonly cells: readonly TfCellConfig[];
}

type CellProblem<Name extends string, Args, Known> =
  WrittenLayer<Name, Args, typeof cellShown> extends infer Layer extends string
    ? FirstOptionProblem<
        [
          UnknownOptionProblem<Layer, Name, Args, Known>,
          SizeOptionProblem<Layer, Args, "units">,
          At<
            "resetAfter",
            [OptionOf<Args, "resetAfter", false>] extends [true] ? writeResetAfterMessage<Layer> : false
          >,
        ]
      >
    : never;

/**
 * tfjs's `tf.layers.simpleRNNCell({ units })`: one step of a SimpleRNN, for `layers.rnn({ cell })`.
 *
 * @example
 * layers.rnn({ cell: layers.simpleRNNCell({ units: 5 }) }); // [n, 10, 4] → [n, 5]
 */
export const simpleRNNCell: <
  const Args extends RequiredOptions<SimpleRNNCellArgs>,
  Problem = PlainOptions<Args, keyof SimpleRNNCellArgs, "units"> extends true
    ? false
    : CellProblem<"simpleRNNCell", Args, keyof SimpleRNNCellArgs>,
>(
  args: CheckedLooseOptions<Args, Problem, SimpleRNNCellArgs>,
) => SimpleRNNCell<Fitting<Args, SimpleRNNCellArgs>> = cell("SimpleRNNCell", "simpleRNNCell", simpleRNNCellOptions);

/**
 * tfjs's `tf.layers.lstmCell({ units })`: one step of an LSTM, for `layers.rnn({ cell })`.
 *
 * @example
 * layers.rnn({ cell: layers.lstmCell({ units: 5 }) }); // [n, 10, 4] → [n, 5]
 */
export const lstmCell: <
  const Args extends RequiredOptions<LSTMCellArgs>,
  Problem = PlainOptions<Args, keyof LSTMCellArgs, "units"> extends true
    ? false
    : CellProblem<"lstmCell", Args, keyof LSTMCellArgs>,
>(
  args: CheckedLooseOptions<Args, Problem, LSTMCellArgs>,
) => LSTMCell<Fitting<Args, LSTMCellArgs>> = cell("LSTMCell", "lstmCell", lstmCellOptions);

/**
 * tfjs's `tf.layers.gruCell({ units })`: one step of a GRU, for `layers.rnn({ cell })` (`resetAfter` is not
 * supported by TensorFlow.js).
 *
 * @example
 * layers.rnn({ cell: layers.gruCell({ units: 5 }) }); // [n, 10, 4] → [n, 5]
 */
export const gruCell: <
  const Args extends RequiredOptions<GRUCellArgs>,
  Problem = PlainOptions<Args, keyof GRUCellArgs, "units"> extends true
    ? [OptionOf<Args, "resetAfter", false>] extends [true]
      ? CellProblem<"gruCell", Args, keyof GRUCellArgs>
      : false
    : CellProblem<"gruCell", Args, keyof GRUCellArgs>,
>(
  args: CheckedLooseOptions<Args, Problem, GRUCellArgs>,
) => GRUCell<Fitting<Args, GRUCellArgs>> = cell("GRUCell", "gruCell", gruCellOptions);

/** The builder of simpleRNNCell, lstmCell and gruCell. */
function cell(kind: Exclude<TfCellKind, "StackedRNNCells">, name: string, known: ReadonlySet<string>) {
  return (given: unknown): never => {
    const args = given as GRUCellArgs;
    const layer = checkedWrittenLayer(name, args, known, cellShown, unitsRequired);
    checkSizeOption(layer, args, "units");
    if (args.resetAfter === true) throw new ShapeError(writeResetAfterMessage(layer));
    checkActivations(layer, args);
    return cellConfig(kind, layer, args, args.units, []) as never;
  };
}

/**
 * The runtime object of a cell (`cells`: those of layers.rnn and layers.stackedRNNCells, not a convLstm2dCell's): not
 * a layer, its outputShape refuses with the cell message.
 */
function cellConfig(
  kind: TfCellKind | "ConvLSTM2DCell",
  layer: string,
  args: object,
  units: number,
  cells?: TfCellConfig[],
): TfCellConfig {
  return {
    kind: kind as TfCellKind,
    written: layer,
    args,
    units,
    ...(cells && { useBias: (args as SimpleRNNCellArgs).useBias !== false, cells }),
    outputShape: () => {
      throw new ShapeError(cellMessage(layer));
    },
  } as TfCellConfig;
}

/**
 * tfjs's `tf.layers.stackedRNNCells({ cells })`: cells run one after the other at each step, a cell for
 * `layers.rnn({ cell })` (as `layers.rnn({ cell: [...] })`).
 *
 * @example
 * layers.rnn({ cell: layers.stackedRNNCells({ cells: [layers.lstmCell({ units: 8 }), layers.lstmCell({ units: 4 })] }) }); // [n, 10, 3] → [n, 4]
 */
export function stackedRNNCells<
  const Args extends RequiredOptions<StackedRNNCellsArgs>,
  Problem = PlainCells<Args, keyof StackedRNNCellsArgs, "cells"> extends true
    ? false
    : FirstOptionProblem<
        [
          UnknownOptionProblem<"stackedRNNCells({ cells: … })", "stackedRNNCells", Args, keyof StackedRNNCellsArgs>,
          NoCellProblem<"stackedRNNCells({ cells: … })", Args, "cells">,
        ]
      >,
>(args: CheckedLooseOptions<Args, Problem, StackedRNNCellsArgs>): StackedRNNCells<Fitting<Args, StackedRNNCellsArgs>> {
  const options = args as StackedRNNCellsArgs;
  const layer = "stackedRNNCells({ cells: … })"; // as its type writes it (not writtenLayer's)
  checkKnownOptions(
    layer,
    "stackedRNNCells",
    options,
    stackedRNNCellsOptions,
    requiredOptions<StackedRNNCellsArgs>()("cells"),
  );
  const cells = cellsOf(layer, "cells", options.cells);
  return cellConfig("StackedRNNCells", layer, options, cells.at(-1)!.units, cells) as never;
}

// ---- ConvLSTM2D

type ConvWritten<Args> = WrittenLayer<"convLstm2d", Args, typeof convShown>;

/** ConvLSTM2D's output on X, returnState aside (the rule of `call`). */
type ConvLstmOut<Args extends ConvLSTM2DArgs, X> = InputShapeChecked<
  "convLstm2d",
  Args,
  X,
  TfConvLstmRule<
    ConvWritten<Args>,
    Args["filters"],
    PerDim<Args["kernelSize"], 2>,
    PerDim<OptionOf<Args, "strides", 1>, 2>,
    OptionOf<Args, "padding", "valid">,
    PerDim<OptionOf<Args, "dilationRate", 1>, 2>,
    OptionOf<Args, "dataFormat", "channelsLast">,
    OptionOf<Args, "returnSequences", false>,
    X
  >
>;
/** The shape rule of ConvLSTM2D. */
export interface ConvLSTM2DShapeRule<Args extends ConvLSTM2DArgs> extends ShapeRule {
  readonly "~output": NoReturnState<
    ConvWritten<Args>,
    OptionOf<Args, "returnState", false>,
    ConvLstmOut<Args, this["~input"]>
  >;
}
/** ConvLSTM2D's states h and c after the batch: one step's image (the output's last three dimensions). */
type ImageStates<Out> = Out extends readonly [...unknown[], infer A, infer B, infer C]
  ? [[A, B, C], [A, B, C]]
  : [[], []];
/** `layers.convLstm2d({ filters, kernelSize })`: [batch, time, h, w, c] → [batch, h′, w′, filters]. */
export interface ConvLSTM2D<Args extends ConvLSTM2DArgs = ConvLSTM2DArgs> extends TfRecurrentLayer<Args> {
  readonly kind: "ConvLSTM2D";
  readonly filters: Args["filters"];
  readonly "~rule": ConvLSTM2DShapeRule<Args>;
  /** The layer on a symbolic tensor, as tfjs's `apply`: `[output, h, c]` with `returnState: true`, `[output]` without. */
  call<X extends Shape>(
    input: Checked<Symbolic<X>, CallProblem<ConvLstmOut<Args, X>>>,
  ): TfCallOutputs<ConvLstmOut<Args, X>, ImageStates<ConvLstmOut<Args, X>>, OptionOf<Args, "returnState", false>>;
}
/** The config of layers.convLstm2d (its runtime object), defaults filled in. */
export interface TfConvLstmConfig extends TfjsConfig<"ConvLSTM2D", ConvLSTM2DArgs> {
  /** The functional API's call (`layer.call(x)`): `[output, h, c]` with returnState. */
  readonly callShapes: CallableLayer["callShapes"];
  readonly filters: number;
  readonly kernelSize: SizeArg;
  readonly strides: SizeArg;
  readonly padding: "valid" | "same";
  readonly dilationRate: SizeArg;
  readonly dataFormat: DataFormat;
  readonly returnSequences: boolean;
  readonly useBias: boolean;
}

type Each<Value> = PerDim<Value, 2> extends readonly (infer One)[] ? One : never;
type AboveOne<Value> = Each<Value> extends 1 ? false : true;
type StridesDilationProblem<Layer extends string, Args> = number extends
  Each<OptionOf<Args, "strides", 1>> | Each<OptionOf<Args, "dilationRate", 1>>
  ? false
  : [AboveOne<OptionOf<Args, "strides", 1>>, AboveOne<OptionOf<Args, "dilationRate", 1>>] extends [true, true]
    ? writeStridesDilationMessage<Layer>
    : false;
// Options that need no further check: known options, plain sizes, no dilation, padding "valid" or "same", neither
// stateful nor unroll (anything else takes the full check).
type PlainConvLstm<Args> =
  PlainOptions<Args, keyof ConvLSTM2DArgs, "filters" | "kernelSize" | "strides", 2> extends true
    ? [
        OptionOf<Args, "dilationRate", 1>,
        OptionOf<Args, "padding", "valid">,
        OptionOf<Args, "stateful", false>,
        OptionOf<Args, "unroll", false>,
      ] extends [1, "valid" | "same", false, false]
      ? true
      : false
    : false;
type ConvLstmProblem<Args, Layer extends string = ConvWritten<Args>> = FirstOptionProblem<
  [
    UnknownOptionProblem<Layer, "convLstm2d", Args, keyof ConvLSTM2DArgs>,
    SizeOptionProblem<Layer, Args, "filters">,
    SizeOptionProblem<Layer, Args, "kernelSize", 2>,
    SizeOptionProblem<Layer, Args, "strides", 2>,
    At<"padding", OptionOf<Args, "padding", "valid"> extends "causal" ? writeCausalMessage<Layer> : false>,
    SizeOptionProblem<Layer, Args, "dilationRate", 2>,
    At<"dilationRate", StridesDilationProblem<Layer, Args>>,
    SizeOptionProblem<Layer, Args, "inputDim">,
    SizeOptionProblem<Layer, Args, "inputLength">,
    StatefulProblem<Layer, Args>,
    At<"unroll", [OptionOf<Args, "unroll", false>] extends [true] ? writeUnrollMessage<Layer> : false>,
  ]
>;

/**
 * tfjs's `tf.layers.convLstm2d({ filters, kernelSize, strides = 1, padding = "valid", dilationRate = 1,
 * dataFormat = "channelsLast", returnSequences = false })`: an LSTM whose products are convolutions, on
 * [batch, time, height, width, channels].
 *
 * @example
 * layers.convLstm2d({ filters: 4, kernelSize: 3 });                                              // [n, 5, 10, 10, 2] → [n, 8, 8, 4]
 * layers.convLstm2d({ filters: 4, kernelSize: 3, padding: "same", returnSequences: true }); // [n, 5, 10, 10, 2] → [n, 5, 10, 10, 4]
 */
export function convLstm2d<
  const Args extends RequiredOptions<ConvLSTM2DArgs>,
  Problem = PlainConvLstm<Args> extends true ? false : ConvLstmProblem<Args>,
>(args: CheckedLooseOptions<Args, Problem, ConvLSTM2DArgs>): ConvLSTM2D<Fitting<Args, ConvLSTM2DArgs>> {
  const options = args as ConvLSTM2DArgs;
  const layer = checkedWrittenLayer("convLstm2d", options, convLstm2dOptions, convShown, convRequired);
  const { padding, kernels, strides, dilations } = checkConvArgs(layer, options);
  checkRecurrentArgs(layer, options);
  if (options.unroll === true) throw new ShapeError(writeUnrollMessage(layer));
  const dataFormat = dataFormatOf(layer, options);
  checkActivations(layer, options);
  const returnSequences = options.returnSequences === true;
  const runtime = callable<TfConvLstmConfig>(
    {
      kind: "ConvLSTM2D",
      written: layer,
      args: options,
      filters: options.filters,
      kernelSize: options.kernelSize,
      strides: options.strides ?? 1,
      padding,
      dilationRate: options.dilationRate ?? 1,
      dataFormat,
      returnSequences,
      useBias: options.useBias !== false,
    },
    "convLstm2d",
    (input) =>
      tfConvLstmRule(
        layer,
        { filters: options.filters, kernels, strides, padding, dilations, dataFormat, returnSequences },
        input,
      ),
    // ConvLSTM2D's states h and c: one step's output ([batch, ...image], without time)
    (out) => [0, 1].map(() => [out[0]!, ...out.slice(-3)]),
  );
  return runtime as never;
}

/** The options convLstm2d and convLstm2dCell require (the same). */
const convRequired = requiredOptions<ConvLSTM2DArgs & ConvLSTM2DCellArgs>()("filters", "kernelSize");
/**
 * The checks convLstm2d and convLstm2dCell share after their options', in their types' order: a convolution's
 * (filters, kernelSize, strides, padding, dilationRate), which cannot both stride and dilate.
 */
function checkConvArgs(layer: string, options: ConvLSTM2DCellArgs) {
  const window = checkWindow(layer, 2, options);
  if (window.strides.some((s) => s !== 1) && window.dilations.some((d) => d !== 1))
    throw new ShapeError(stridesDilationMessage(layer));
  return window;
}

// ---- ConvLSTM2DCell

/** tfjs-layers' `ConvLSTM2DCellArgs` (the options that change shapes as convolutions write them). */
export interface ConvLSTM2DCellArgs extends Omit<
  TfArgs<typeof tfl.layers.convLstm2dCell>,
  "filters" | "kernelSize" | "strides" | "padding" | "dilationRate" | "dataFormat"
> {
  readonly filters: number;
  readonly kernelSize: SizeArg;
  readonly strides?: SizeArg;
  readonly padding?: "valid" | "same" | "causal";
  readonly dilationRate?: SizeArg;
  readonly dataFormat?: DataFormat;
}
export const convLstm2dCellOptions = tfOptions<ConvLSTM2DCellArgs>()(convCellShown, `${cellKeys} ${lstmKeys}`);
/**
 * `layers.convLstm2dCell({ filters, kernelSize })`: one step of a ConvLSTM2D. TensorFlow.js exports it, but its RNN
 * takes [batch, time, features] only: neither a layer nor a cell for layers.rnn (layers.convLstm2d makes its own).
 */
export interface ConvLSTM2DCell<Args extends ConvLSTM2DCellArgs = ConvLSTM2DCellArgs> extends TfLayerOf<Args> {
  readonly kind: "ConvLSTM2DCell";
  readonly units: Args["filters"];
  readonly "~rule": TfCellShapeRule<WrittenLayer<"convLstm2dCell", Args, typeof convCellShown>>;
}
type ConvCellProblem<
  Args,
  Layer extends string = WrittenLayer<"convLstm2dCell", Args, typeof convCellShown>,
> = FirstOptionProblem<
  [
    UnknownOptionProblem<Layer, "convLstm2dCell", Args, keyof ConvLSTM2DCellArgs>,
    SizeOptionProblem<Layer, Args, "filters">,
    SizeOptionProblem<Layer, Args, "kernelSize", 2>,
    SizeOptionProblem<Layer, Args, "strides", 2>,
    At<"padding", OptionOf<Args, "padding", "valid"> extends "causal" ? writeCausalMessage<Layer> : false>,
    SizeOptionProblem<Layer, Args, "dilationRate", 2>,
    At<"dilationRate", StridesDilationProblem<Layer, Args>>,
  ]
>;

/**
 * tfjs's `tf.layers.convLstm2dCell({ filters, kernelSize })`, checked as tfjs checks it; tfjs's RNN cannot run it
 * (it takes [batch, time, features]), so rnn and stackedRNNCells refuse it: use `layers.convLstm2d`.
 *
 * @example
 * const cell = layers.convLstm2dCell({ filters: 4, kernelSize: 3 });
 */
export function convLstm2dCell<const Args extends RequiredOptions<ConvLSTM2DCellArgs>, Problem = ConvCellProblem<Args>>(
  args: CheckedLooseOptions<Args, Problem, ConvLSTM2DCellArgs>,
): ConvLSTM2DCell<Fitting<Args, ConvLSTM2DCellArgs>> {
  const options = args as ConvLSTM2DCellArgs;
  const layer = checkedWrittenLayer("convLstm2dCell", options, convLstm2dCellOptions, convCellShown, convRequired);
  checkConvArgs(layer, options);
  dataFormatOf(layer, options);
  checkActivations(layer, options);
  return cellConfig("ConvLSTM2DCell", layer, options, options.filters) as never;
}
