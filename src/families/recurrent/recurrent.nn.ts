// nn.lstm / nn.gru / nn.rnn: PyTorch's LSTM, GRU and RNN (Elman, tanh or relu), batch first ([batch, seq, features]).
import type { Compare, Mul } from "../../../types/arith/index.ts";
import type { Layer, ShapeRule } from "../../../types/model/layer.ts";
import type {
  Arg,
  Checked,
  FirstSizeProblem,
  GivenTwiceProblem,
  IsOptions,
  OptionTypesFit,
  KnownKeys,
  OptionTypeProblem,
  UnknownKeyProblem,
  writeAfterOptionsMessage,
} from "../../../types/shape/args.ts";
import type { FirstProblem } from "../../../types/shape/problems.ts";
import type { ArgProblems, IsPlainSize } from "../../../types/shape/plain.ts";
import type { RecurrentRule } from "./recurrent.types.ts";
import { fail } from "../../errors.ts";
import type { RuntimeLayer } from "../../model/layer.ts";
import type { KindConfig } from "../layer-config.ts";
import { checkOptionTypes, checkSizes, expected, isOptions, splitOptions } from "../../shape/args.ts";
import type { RuntimeShape } from "../../shape/dims.ts";
import { recurrentRule } from "./recurrent.ts";
import { nonlinearityType } from "../activation/torch-options.ts";
import type { Shape } from "../../../types/shape/dims.ts";
import { callLayer, type CallableLayer } from "../../model/call.ts";
import type { Symbolic } from "../../model/symbolic.ts";
import type {
  After,
  HiddenCallResult,
  LSTMCallResult,
  LSTMStateProblem,
  SequenceInputProblem,
  SequenceStateProblem,
  StatePair,
  StateRows,
} from "./recurrent-call.types.ts";
import { sequenceCallShapes, stateInputs } from "./recurrent-call.ts";

/** PyTorch's keyword arguments of GRU, with PyTorch's defaults (`batch_first` is always true here). */
export interface GRUOptions {
  /** Default 1: recurrent layers stacked. */
  readonly numLayers?: number;
  /** Default false: true doubles the output features (both directions, concatenated). */
  readonly bidirectional?: boolean;
  /** Default true. */
  readonly bias?: boolean;
  /** Default 0: dropout probability on the outputs of every layer but the last. */
  readonly dropout?: number;
  /** true, the only layout here: [batch, seq, features] (PyTorch's default is false, [seq, batch, features]). */
  readonly batchFirst?: true;
}
/** PyTorch's keyword arguments of RNN, with PyTorch's defaults (`batch_first` is always true here). */
export interface RNNOptions extends GRUOptions {
  /** Default "tanh": the non-linearity of h' = act(W_ih x + b_ih + W_hh h + b_hh). */
  readonly nonlinearity?: "tanh" | "relu";
}
/** PyTorch's keyword arguments of LSTM, with PyTorch's defaults (`batch_first` is always true here). */
export interface LSTMOptions extends GRUOptions {
  /** Default 0 (none): the hidden state is projected to projSize features (0 < projSize < hiddenSize). */
  readonly projSize?: number;
}

type Option<Options, Key extends keyof LSTMOptions | keyof RNNOptions, Default> = Options extends {
  readonly [K in Key]: infer Value;
}
  ? Value
  : Default;
/** The options object: the third argument when it is one, else the fourth. */
type OptionsOf<Third, Fourth> = IsOptions<Third> extends true ? Third : Fourth;
type NumLayersOf<Third, Fourth = {}> =
  IsOptions<Third> extends true
    ? Option<Third, "numLayers", 1>
    : [Third] extends [undefined]
      ? Option<Fourth, "numLayers", 1>
      : Third;
type BidirectionalOf<Third, Fourth = {}> = Option<OptionsOf<Third, Fourth>, "bidirectional", false>;
type ProjSizeOf<Third, Fourth = {}> = Option<OptionsOf<Third, Fourth>, "projSize", 0>;
type Key<Kind extends string> = keyof (Kind extends "lstm"
  ? LSTMOptions
  : Kind extends "rnn"
    ? RNNOptions
    : GRUOptions) &
  string;
/** PyTorch's keywords of LSTM (GRU: without projSize) in camelCase. */
const sharedKeys = ["numLayers", "bidirectional", "bias", "dropout", "batchFirst"] as const;
export const recurrentKeys = [...sharedKeys, "projSize"] as const satisfies readonly (keyof LSTMOptions)[];
export const rnnKeys = [...sharedKeys, "nonlinearity"] as const satisfies readonly (keyof RNNOptions)[];
interface OptionTypes {
  bias: boolean;
  bidirectional: boolean;
  batchFirst: true;
  nonlinearity: "tanh" | "relu";
}
interface Expected {
  bias: "true or false";
  bidirectional: "true or false";
  batchFirst: "true: [batch, seq, features] is the only layout here";
  nonlinearity: "'tanh' or 'relu'";
}
// (rnn/lstm/gru's dropout: a probability, checked with its own message; numLayers and projSize: sizes)
const optionTypes = {
  bias: expected.boolean,
  bidirectional: expected.boolean,
  batchFirst: expected.batchFirst,
  nonlinearity: nonlinearityType,
};

/** The output features: directions × (projSize or hiddenSize); unknown when `bidirectional` is only a `boolean`. */
export type RecurrentFeatures<HiddenSize, Bidirectional, ProjSize = 0> = (
  ProjSize extends 0 ? HiddenSize : ProjSize
) extends infer Features
  ? boolean extends Bidirectional
    ? number
    : Bidirectional extends true
      ? Mul<Features, 2>
      : Features
  : never;

/** How messages write a recurrent layer: `lstm(300, 128)`, `gru(300, 128, { numLayers: 2, bidirectional: true })`. */
export type WrittenRecurrent<
  Kind extends string,
  InputSize,
  HiddenSize,
  NumLayers,
  Bidirectional,
  ProjSize,
> = `${Kind}(${InputSize & number}, ${HiddenSize & number}${[NumLayers, Bidirectional, ProjSize] extends [1, false, 0]
  ? ""
  : `, { ${Join<
      [
        NumLayers extends 1 ? "" : `numLayers: ${NumLayers & number}`,
        Bidirectional extends false
          ? ""
          : `bidirectional: ${Bidirectional extends boolean | number | string ? Bidirectional : "…"}`,
        ProjSize extends 0 ? "" : `projSize: ${ProjSize & number}`,
      ]
    >} }`})`;
type Join<Parts extends readonly string[], Text extends string = ""> = Parts extends readonly [
  infer Part extends string,
  ...infer Rest extends string[],
]
  ? Join<Rest, Part extends "" ? Text : Text extends "" ? Part : `${Text}, ${Part}`>
  : Text;

/**
 * `nn.lstm(inputSize, hiddenSize, { numLayers, bidirectional, projSize })`: [batch, seq, inputSize] →
 * [batch, seq, directions × hiddenSize] (× projSize instead when given).
 *
 * @example
 * type T = LSTM<300, 128, 1, true>; // [n, 12, 300] → [n, 12, 256]
 */
export interface LSTM<InputSize, HiddenSize, NumLayers = 1, Bidirectional = false, ProjSize = 0>
  extends Layer, RuntimeLayer {
  readonly kind: "lstm";
  readonly inputSize: InputSize;
  readonly hiddenSize: HiddenSize;
  readonly numLayers: NumLayers;
  readonly bidirectional: Bidirectional;
  readonly projSize: ProjSize;
  readonly "~rule": LSTMShapeRule<InputSize, HiddenSize, NumLayers, Bidirectional, ProjSize>;
  /**
   * PyTorch's `out, (h_n, c_n) = lstm(input, (hx, cx))` on symbolic tensors: input [batch, seq, inputSize],
   * the initial state `[hx, cx]` optional (zeros): hx [numLayers·directions, batch, projSize or hiddenSize],
   * cx [numLayers·directions, batch, hiddenSize]; gives `[output, [h_n, c_n]]`, h_n and c_n shaped as hx
   * and cx. Each argument that does not fit is an error on that argument.
   *
   * @example
   * const encoder = nn.lstm(16, 32, 2);
   * const [out, [h, c]] = encoder.call(input([10, 16]));
   * out; // Symbolic<[number, 10, 32]>
   * h; // Symbolic<[2, number, 32]>
   */
  call<X extends Shape, const State extends StatePair = undefined>(
    input: Checked<
      Symbolic<X>,
      SequenceInputProblem<
        WrittenRecurrent<"lstm", InputSize, HiddenSize, NumLayers, Bidirectional, ProjSize>,
        InputSize,
        X
      >
    >,
    state?: Checked<
      State,
      After<
        SequenceInputProblem<
          WrittenRecurrent<"lstm", InputSize, HiddenSize, NumLayers, Bidirectional, ProjSize>,
          InputSize,
          X
        >,
        LSTMStateProblem<
          WrittenRecurrent<"lstm", InputSize, HiddenSize, NumLayers, Bidirectional, ProjSize>,
          StateRows<NumLayers, Bidirectional>,
          HiddenSize,
          ProjSize,
          X,
          State
        >
      >
    >,
  ): LSTMCallResult<
    FirstProblem<
      [
        SequenceInputProblem<
          WrittenRecurrent<"lstm", InputSize, HiddenSize, NumLayers, Bidirectional, ProjSize>,
          InputSize,
          X
        >,
        LSTMStateProblem<
          WrittenRecurrent<"lstm", InputSize, HiddenSize, NumLayers, Bidirectional, ProjSize>,
          StateRows<NumLayers, Bidirectional>,
          HiddenSize,
          ProjSize,
          X,
          State
        >,
      ]
    >,
    X,
    State,
    RecurrentFeatures<HiddenSize, Bidirectional, ProjSize>,
    StateRows<NumLayers, Bidirectional>,
    HiddenSize,
    ProjSize
  >;
}
/**
 * `call` of gru and rnn: PyTorch's `out, h_n = gru(input, hx)` on symbolic tensors: input [batch, seq,
 * inputSize], hx optional (zeros) [numLayers·directions, batch, hiddenSize]; gives `[output, h_n]`, h_n shaped as hx.
 */
export interface HiddenStateCall<Kind extends string, InputSize, HiddenSize, NumLayers, Bidirectional> {
  /**
   * PyTorch's `out, h_n = gru(input, hx)` (or rnn's) on symbolic tensors: input [batch, seq, inputSize],
   * hx optional (zeros) [numLayers·directions, batch, hiddenSize]; gives `[output, h_n]`, h_n shaped as hx.
   *
   * @example
   * const gru = nn.gru(16, 32, { bidirectional: true });
   * const [out, h] = gru.call(input([10, 16], { batch: 4 }));
   * out; // Symbolic<[4, 10, 64]>
   * h; // Symbolic<[2, 4, 32]>
   */
  call<X extends Shape, H extends Shape = never>(
    input: Checked<
      Symbolic<X>,
      SequenceInputProblem<WrittenRecurrent<Kind, InputSize, HiddenSize, NumLayers, Bidirectional, 0>, InputSize, X>
    >,
    hx?: Checked<
      Symbolic<H>,
      After<
        SequenceInputProblem<WrittenRecurrent<Kind, InputSize, HiddenSize, NumLayers, Bidirectional, 0>, InputSize, X>,
        SequenceStateProblem<
          WrittenRecurrent<Kind, InputSize, HiddenSize, NumLayers, Bidirectional, 0>,
          "hx",
          StateRows<NumLayers, Bidirectional>,
          HiddenSize,
          "hiddenSize",
          X,
          H
        >
      >
    >,
  ): HiddenCallResult<
    FirstProblem<
      [
        SequenceInputProblem<WrittenRecurrent<Kind, InputSize, HiddenSize, NumLayers, Bidirectional, 0>, InputSize, X>,
        SequenceStateProblem<
          WrittenRecurrent<Kind, InputSize, HiddenSize, NumLayers, Bidirectional, 0>,
          "hx",
          StateRows<NumLayers, Bidirectional>,
          HiddenSize,
          "hiddenSize",
          X,
          H
        >,
      ]
    >,
    X,
    H,
    RecurrentFeatures<HiddenSize, Bidirectional>,
    StateRows<NumLayers, Bidirectional>,
    HiddenSize
  >;
}
/** The shape rule of LSTM. */
export interface LSTMShapeRule<InputSize, HiddenSize, NumLayers, Bidirectional, ProjSize> extends ShapeRule {
  readonly "~output": RecurrentRule<
    WrittenRecurrent<"lstm", InputSize, HiddenSize, NumLayers, Bidirectional, ProjSize>,
    InputSize,
    RecurrentFeatures<HiddenSize, Bidirectional, ProjSize>,
    this["~input"]
  >;
}
/**
 * `nn.gru(inputSize, hiddenSize, { numLayers, bidirectional })`: [batch, seq, inputSize] → [batch, seq, directions × hiddenSize].
 *
 * @example
 * type T = GRU<300, 128>; // [n, 12, 300] → [n, 12, 128]
 */
export interface GRU<InputSize, HiddenSize, NumLayers = 1, Bidirectional = false>
  extends Layer, RuntimeLayer, HiddenStateCall<"gru", InputSize, HiddenSize, NumLayers, Bidirectional> {
  readonly kind: "gru";
  readonly inputSize: InputSize;
  readonly hiddenSize: HiddenSize;
  readonly numLayers: NumLayers;
  readonly bidirectional: Bidirectional;
  readonly "~rule": GRUShapeRule<InputSize, HiddenSize, NumLayers, Bidirectional>;
}
/** The shape rule of GRU. */
export interface GRUShapeRule<InputSize, HiddenSize, NumLayers, Bidirectional> extends ShapeRule {
  readonly "~output": RecurrentRule<
    WrittenRecurrent<"gru", InputSize, HiddenSize, NumLayers, Bidirectional, 0>,
    InputSize,
    RecurrentFeatures<HiddenSize, Bidirectional>,
    this["~input"]
  >;
}
/**
 * `nn.rnn(inputSize, hiddenSize, { numLayers, bidirectional, nonlinearity })`: [batch, seq, inputSize] →
 * [batch, seq, directions × hiddenSize].
 *
 * @example
 * type T = RNN<300, 128>; // [n, 12, 300] → [n, 12, 128]
 */
export interface RNN<InputSize, HiddenSize, NumLayers = 1, Bidirectional = false>
  extends Layer, RuntimeLayer, HiddenStateCall<"rnn", InputSize, HiddenSize, NumLayers, Bidirectional> {
  readonly kind: "rnn";
  readonly inputSize: InputSize;
  readonly hiddenSize: HiddenSize;
  readonly numLayers: NumLayers;
  readonly bidirectional: Bidirectional;
  readonly "~rule": RNNShapeRule<InputSize, HiddenSize, NumLayers, Bidirectional>;
}
/** The shape rule of RNN. */
export interface RNNShapeRule<InputSize, HiddenSize, NumLayers, Bidirectional> extends ShapeRule {
  readonly "~output": RecurrentRule<
    WrittenRecurrent<"rnn", InputSize, HiddenSize, NumLayers, Bidirectional, 0>,
    InputSize,
    RecurrentFeatures<HiddenSize, Bidirectional>,
    this["~input"]
  >;
}

/** The message when a probability is not in [0, 1]. */
export type writeDropoutMessage<
  Layer extends string,
  P,
> = `${Layer}: dropout must be a probability between 0 and 1, not ${P & number}`;
export const writeDropoutMessage = (layer: string, p: unknown): string =>
  `${layer}: dropout must be a probability between 0 and 1, not ${String(p)}`;
/** The message when projSize is not smaller than hiddenSize (PyTorch's rule). */
export type writeProjSizeMessage<
  Layer extends string,
  ProjSize,
  HiddenSize,
> = `${Layer}: projSize (${ProjSize & number}) must be smaller than hiddenSize (${HiddenSize & number})`;
export const writeProjSizeMessage = (layer: string, projSize: number, hiddenSize: number): string =>
  `${layer}: projSize (${projSize}) must be smaller than hiddenSize (${hiddenSize})`;

type DropoutProblem<Layer extends string, Options> = Options extends { readonly dropout: infer P extends number }
  ? number extends P
    ? false
    : `${P}` extends `-${string}`
      ? writeDropoutMessage<Layer, P>
      : P extends 0 | 1
        ? false
        : `${P}` extends `0.${string}`
          ? false
          : writeDropoutMessage<Layer, P>
  : false;
type ProjSizeProblem<Layer extends string, HiddenSize, ProjSize> = ProjSize extends 0
  ? false
  : FirstSizeProblem<Layer, ["projSize"], [ProjSize], 0> extends infer P extends string
    ? P
    : number extends ProjSize | HiddenSize
      ? false
      : Compare<ProjSize, HiddenSize> extends "lt"
        ? false
        : writeProjSizeMessage<Layer, ProjSize, HiddenSize>;
type OptionsProblem<
  Layer extends string,
  Kind extends string,
  HiddenSize,
  Third,
  Fourth,
  Options = OptionsOf<Third, Fourth>,
> = FirstProblem<
  [
    UnknownKeyProblem<Layer, `nn.${Kind}`, Options, Key<Kind>>,
    IsOptions<Third> extends true ? ({} extends Fourth ? false : writeAfterOptionsMessage<Layer>) : false,
    GivenTwiceProblem<
      Layer,
      Options,
      [Third] extends [undefined] ? never : IsOptions<Third> extends true ? never : "numLayers"
    >,
    OptionTypeProblem<Layer, Options, OptionTypes, Expected>,
    FirstSizeProblem<Layer, ["numLayers"], [NumLayersOf<Third, Fourth>]>,
    DropoutProblem<Layer, Options>,
    ProjSizeProblem<Layer, HiddenSize, ProjSizeOf<Third, Fourth>>,
  ]
>;

/** Each argument's message or `false`; plain sizes and options (known keys, no dropout, no projection) skip the checks. */
type RecurrentProblems<Kind extends string, InputSize, HiddenSize, Third, Fourth> = [
  IsPlainSize<InputSize>,
  IsPlainSize<HiddenSize>,
  IsPlainSize<NumLayersOf<Third, Fourth>>,
  PlainOptions<Kind, Third, Fourth>,
] extends [true, true, true, true]
  ? [false, false, false, false]
  : FullProblems<
      Kind,
      InputSize,
      HiddenSize,
      Third,
      Fourth,
      WrittenRecurrent<
        Kind,
        InputSize,
        HiddenSize,
        NumLayersOf<Third, Fourth>,
        BidirectionalOf<Third, Fourth>,
        ProjSizeOf<Third, Fourth>
      >
    >;
type PlainOptions<Kind extends string, Third, Fourth> =
  IsOptions<Third> extends true ? ({} extends Fourth ? PlainObject<Kind, Third> : false) : PlainObject<Kind, Fourth>;
type PlainObject<Kind extends string, Options> =
  KnownKeys<Options, Key<Kind>> extends true
    ? Options extends { readonly dropout: number } | { readonly projSize: number } | { readonly numLayers: unknown }
      ? false
      : OptionTypesFit<Options, OptionTypes>
    : false;
type FullProblems<Kind extends string, InputSize, HiddenSize, Third, Fourth, Layer extends string> = [
  FirstSizeProblem<Layer, ["inputSize"], [InputSize]>,
  FirstSizeProblem<Layer, ["hiddenSize"], [HiddenSize]>,
  IsOptions<Third> extends true
    ? OptionsProblem<Layer, Kind, HiddenSize, Third, {}>
    : FirstSizeProblem<Layer, ["numLayers"], [NumLayersOf<Third, Fourth>]>,
  IsOptions<Third> extends true
    ? {} extends Fourth
      ? false
      : writeAfterOptionsMessage<Layer>
    : OptionsProblem<Layer, Kind, HiddenSize, Third, Fourth>,
];
/**
 * PyTorch's `nn.LSTM(input_size, hidden_size, num_layers=1, bias=True, batch_first=True, dropout=0,
 * bidirectional=False, proj_size=0)` on [batch, seq, inputSize]; its output sequence is
 * [batch, seq, directions × hiddenSize] (directions × projSize with a projection).
 *
 * @example
 * nn.lstm(300, 128);                          // [n, 12, 300] → [n, 12, 128]
 * nn.lstm(300, 128, { bidirectional: true }); // [n, 12, 300] → [n, 12, 256]
 */
export const lstm: <
  const InputSize extends number,
  const HiddenSize extends number,
  const Third extends number | object | undefined = undefined,
  const Fourth extends object = {},
  Problems extends ArgProblems = RecurrentProblems<"lstm", InputSize, HiddenSize, Third, Fourth>,
>(
  inputSize: Arg<InputSize, Problems[0]>,
  hiddenSize: Arg<HiddenSize, Problems[1]>,
  numLayersOrOptions?: Checked<Third, Problems[2]>,
  options?: Checked<Fourth, Problems[3]>,
) => LSTM<
  InputSize,
  HiddenSize,
  NumLayersOf<Third, Fourth>,
  BidirectionalOf<Third, Fourth>,
  ProjSizeOf<Third, Fourth>
> = (...args: unknown[]): never => recurrent("lstm", args);
/**
 * PyTorch's `nn.GRU(input_size, hidden_size, num_layers=1, bias=True, batch_first=True, dropout=0,
 * bidirectional=False)` on [batch, seq, inputSize]; its output sequence is [batch, seq, directions × hiddenSize].
 *
 * @example
 * nn.gru(300, 128, { numLayers: 2 }); // [n, 12, 300] → [n, 12, 128]
 */
export const gru: <
  const InputSize extends number,
  const HiddenSize extends number,
  const Third extends number | object | undefined = undefined,
  const Fourth extends object = {},
  Problems extends ArgProblems = RecurrentProblems<"gru", InputSize, HiddenSize, Third, Fourth>,
>(
  inputSize: Arg<InputSize, Problems[0]>,
  hiddenSize: Arg<HiddenSize, Problems[1]>,
  numLayersOrOptions?: Checked<Third, Problems[2]>,
  options?: Checked<Fourth, Problems[3]>,
) => GRU<InputSize, HiddenSize, NumLayersOf<Third, Fourth>, BidirectionalOf<Third, Fourth>> = (
  ...args: unknown[]
): never => recurrent("gru", args);

/**
 * PyTorch's `nn.RNN(input_size, hidden_size, num_layers=1, nonlinearity='tanh', bias=True, batch_first=True,
 * dropout=0, bidirectional=False)` on [batch, seq, inputSize]; its output sequence is
 * [batch, seq, directions × hiddenSize].
 *
 * @example
 * nn.rnn(300, 128, { nonlinearity: "relu", bidirectional: true }); // [n, 12, 300] → [n, 12, 256]
 */
export const rnn: <
  const InputSize extends number,
  const HiddenSize extends number,
  const Third extends number | object | undefined = undefined,
  const Fourth extends object = {},
  Problems extends ArgProblems = RecurrentProblems<"rnn", InputSize, HiddenSize, Third, Fourth>,
>(
  inputSize: Arg<InputSize, Problems[0]>,
  hiddenSize: Arg<HiddenSize, Problems[1]>,
  numLayersOrOptions?: Checked<Third, Problems[2]>,
  options?: Checked<Fourth, Problems[3]>,
) => RNN<InputSize, HiddenSize, NumLayersOf<Third, Fourth>, BidirectionalOf<Third, Fourth>> = (
  ...args: unknown[]
): never => recurrent("rnn", args);

// ---- runtime

/** The options messages write when not at these defaults (twin of `WrittenRecurrent`). */
const shownDefaults = { numLayers: 1, bidirectional: false, projSize: 0 };
export function writtenRecurrent(
  kind: string,
  inputSize: number,
  hiddenSize: number,
  settings: Record<string, unknown>,
): string {
  const parts = Object.entries(shownDefaults)
    .filter(([name, value]) => settings[name] !== value)
    .map(([name]) => `${name}: ${String(settings[name])}`);
  return `${kind}(${inputSize}, ${hiddenSize}${parts.length === 0 ? "" : `, { ${parts.join(", ")} }`})`;
}

/** The config of lstm / gru / rnn (its runtime object), PyTorch's defaults filled in; projSize is lstm's only, nonlinearity rnn's. */
export interface RecurrentConfig extends KindConfig<"lstm" | "gru" | "rnn"> {
  readonly callShapes: CallableLayer["callShapes"];
  readonly inputSize: number;
  readonly hiddenSize: number;
  readonly numLayers: number;
  readonly bidirectional: boolean;
  readonly bias: boolean;
  readonly dropout: number;
  readonly projSize?: number;
  readonly nonlinearity?: "tanh" | "relu";
}

function recurrent(kind: "lstm" | "gru" | "rnn", args: ArrayLike<unknown>): never {
  // (an argument past the options object is refused by the compiler, and dropped here)
  const [inputSize, hiddenSize, ...rest] = Array.from(args).slice(0, 4) as [number, number, ...unknown[]];
  const lstm = kind === "lstm";
  const at = rest.findIndex(isOptions);
  const options = (at === -1 ? {} : rest[at]) as LSTMOptions;
  const numLayers = (at === 0 ? undefined : (rest[0] as number | undefined)) ?? options.numLayers ?? 1;
  const bidirectional = options.bidirectional ?? false;
  const projSize = options.projSize ?? 0;
  const dropout = options.dropout ?? 0;
  const layer = writtenRecurrent(kind, inputSize, hiddenSize, { numLayers, bidirectional, projSize });
  checkSizes(layer, { inputSize, hiddenSize });
  splitOptions(layer, `nn.${kind}`, ["numLayers"], rest, lstm ? recurrentKeys : kind === "rnn" ? rnnKeys : sharedKeys);
  checkOptionTypes(layer, options, optionTypes);
  checkSizes(layer, { numLayers });
  if (!(typeof dropout === "number" && dropout >= 0 && dropout <= 1)) fail(writeDropoutMessage(layer, dropout));
  if (projSize !== 0) {
    checkSizes(layer, { projSize }, 0);
    if (projSize >= hiddenSize) fail(writeProjSizeMessage(layer, projSize, hiddenSize));
  }
  const directions = bidirectional ? 2 : 1;
  const outFeatures = (projSize === 0 ? hiddenSize : projSize) * directions;
  const sizes = { inputSize, hiddenSize, projSize, numLayers, directions };
  const runtime: RecurrentConfig & { call(input: unknown, state?: unknown): unknown } = {
    kind,
    written: layer,
    inputSize,
    hiddenSize,
    numLayers,
    bidirectional,
    bias: options.bias ?? true,
    dropout,
    ...(lstm ? { projSize } : {}),
    ...(kind === "rnn" ? { nonlinearity: (options as RNNOptions).nonlinearity ?? "tanh" } : {}),
    outputShape: (input: RuntimeShape) => recurrentRule(layer, inputSize, outFeatures, input),
    callShapes: (inputs) => sequenceCallShapes(layer, lstm, sizes, inputs),
    // PyTorch's forward: lstm(input, (hx, cx)) → [out, [h_n, c_n]]; gru / rnn (input, hx) → [out, h_n]
    call(input: unknown, state?: unknown) {
      const [out, ...states] = callLayer(runtime, stateInputs(lstm, input, state));
      return [out, lstm ? states : states[0]];
    },
  };
  return runtime as never;
}
