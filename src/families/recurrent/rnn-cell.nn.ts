// nn.rnnCell / nn.lstmCell / nn.gruCell: PyTorch's RNNCell, LSTMCell and GRUCell, one step of the
// recurrence: [batch, inputSize] → [batch, hiddenSize] (h'; an LSTM cell's c' has the same shape).
// Arguments in PyTorch's order or as a last options object: `rnnCell(10, 20, true, "relu")`,
// `lstmCell(10, 20, { bias: false })`.
import type { Layer, ShapeRule } from "../../../types/model/layer.ts";
import type { Arg, Checked, FirstSizeProblem, writeOptionTypeMessage } from "../../../types/shape/args.ts";
import type { ArgProblems } from "../../../types/shape/plain.ts";
import type { RuntimeLayer } from "../../model/layer.ts";
import type { KindConfig } from "../layer-config.ts";
import { checkSizes, expected } from "../../shape/args.ts";
import type { ParamsProblems } from "../activation/extra-activations.types.ts";
import { readParams } from "../activation/torch-options.ts";
import type { CellRule } from "./rnn-cell.types.ts";
import { cellRule } from "./rnn-cell.ts";
import type { Shape } from "../../../types/shape/dims.ts";
import type { FirstProblem } from "../../../types/shape/problems.ts";
import { callLayer, type CallableLayer } from "../../model/call.ts";
import type { Symbolic } from "../../model/symbolic.ts";
import type {
  After,
  CellCallResult,
  CellInputProblem,
  CellStateProblem,
  LSTMCellCallResult,
  LSTMCellStateProblem,
  StatePair,
} from "./recurrent-call.types.ts";
import { cellCallShapes, stateInputs } from "./recurrent-call.ts";

type CellKind = "rnnCell" | "lstmCell" | "gruCell";

/** A recurrent cell: `kind` is `"rnnCell"`, `"lstmCell"` or `"gruCell"`. */
export interface RecurrentCell<Kind extends CellKind, InputSize, HiddenSize> extends Layer, RuntimeLayer {
  readonly kind: Kind;
  readonly inputSize: InputSize;
  readonly hiddenSize: HiddenSize;
  readonly "~rule": CellShapeRule<Kind, InputSize, HiddenSize>;
  /** PyTorch's forward on symbolic tensors: `h' = cell(input, hx)`; an LSTM cell's `h', c' = cell(input, (hx, cx))`. */
  readonly call: Kind extends "lstmCell"
    ? LSTMCellCall<InputSize, HiddenSize>
    : HiddenCellCall<Kind, InputSize, HiddenSize>;
}
type WrittenCell<Kind extends string, I, H> = `${Kind}(${I & number}, ${H & number})`;
/**
 * `rnnCell(…).call(input, hx?)` and `gruCell(…).call(input, hx?)`: input [batch, inputSize], hx optional
 * (zeros) [batch, hiddenSize] → h' [batch, hiddenSize].
 */
export interface HiddenCellCall<Kind extends string, InputSize, HiddenSize> {
  <X extends Shape, H extends Shape = never>(
    input: Checked<Symbolic<X>, CellInputProblem<WrittenCell<Kind, InputSize, HiddenSize>, InputSize, X>>,
    hx?: Checked<
      Symbolic<H>,
      After<
        CellInputProblem<WrittenCell<Kind, InputSize, HiddenSize>, InputSize, X>,
        CellStateProblem<WrittenCell<Kind, InputSize, HiddenSize>, "hx", HiddenSize, X, H>
      >
    >,
  ): CellCallResult<
    FirstProblem<
      [
        CellInputProblem<WrittenCell<Kind, InputSize, HiddenSize>, InputSize, X>,
        CellStateProblem<WrittenCell<Kind, InputSize, HiddenSize>, "hx", HiddenSize, X, H>,
      ]
    >,
    X,
    H,
    HiddenSize
  >;
}
/** `lstmCell(…).call(input, [hx, cx]?)`: input [batch, inputSize], hx, cx optional (zeros) [batch, hiddenSize] → `[h', c']`. */
export interface LSTMCellCall<InputSize, HiddenSize> {
  <X extends Shape, const State extends StatePair = undefined>(
    input: Checked<Symbolic<X>, CellInputProblem<WrittenCell<"lstmCell", InputSize, HiddenSize>, InputSize, X>>,
    state?: Checked<
      State,
      After<
        CellInputProblem<WrittenCell<"lstmCell", InputSize, HiddenSize>, InputSize, X>,
        LSTMCellStateProblem<WrittenCell<"lstmCell", InputSize, HiddenSize>, HiddenSize, X, State>
      >
    >,
  ): LSTMCellCallResult<
    FirstProblem<
      [
        CellInputProblem<WrittenCell<"lstmCell", InputSize, HiddenSize>, InputSize, X>,
        LSTMCellStateProblem<WrittenCell<"lstmCell", InputSize, HiddenSize>, HiddenSize, X, State>,
      ]
    >,
    X,
    State,
    HiddenSize
  >;
}
/** The shape rule of a cell. */
export interface CellShapeRule<Kind extends CellKind, InputSize, HiddenSize> extends ShapeRule {
  readonly "~output": CellRule<
    `${Kind}(${InputSize & number}, ${HiddenSize & number})`,
    InputSize,
    HiddenSize,
    this["~input"]
  >;
}
/**
 * `nn.rnnCell(inputSize, hiddenSize, bias?, nonlinearity?)`: [batch, inputSize] → [batch, hiddenSize].
 *
 * @example
 * type T = RNNCell<10, 20>; // [n, 10] → [n, 20]
 */
export type RNNCell<InputSize, HiddenSize> = RecurrentCell<"rnnCell", InputSize, HiddenSize>;
/**
 * `nn.lstmCell(inputSize, hiddenSize, bias?)`: [batch, inputSize] → [batch, hiddenSize].
 *
 * @example
 * type T = LSTMCell<10, 20>; // [n, 10] → [n, 20]
 */
export type LSTMCell<InputSize, HiddenSize> = RecurrentCell<"lstmCell", InputSize, HiddenSize>;
/**
 * `nn.gruCell(inputSize, hiddenSize, bias?)`: [batch, inputSize] → [batch, hiddenSize].
 *
 * @example
 * type T = GRUCell<10, 20>; // [n, 10] → [n, 20]
 */
export type GRUCell<InputSize, HiddenSize> = RecurrentCell<"gruCell", InputSize, HiddenSize>;

/** The config of a cell (its runtime object), PyTorch's defaults filled in; nonlinearity is rnnCell's only. */
export interface RecurrentCellConfig extends KindConfig<CellKind> {
  readonly callShapes: CallableLayer["callShapes"];
  readonly inputSize: number;
  readonly hiddenSize: number;
  readonly bias: boolean;
  readonly nonlinearity?: "tanh" | "relu";
}

interface Types {
  bias: boolean;
}
interface Expected {
  bias: "true or false";
}
type Written<Kind extends string, I, H> = `${Kind}(${I & number}, ${H & number})`;
type SizesProblem<Kind extends string, I, H> = [
  FirstSizeProblem<Written<Kind, I, H>, ["inputSize"], [I]>,
  FirstSizeProblem<Written<Kind, I, H>, ["hiddenSize"], [H]>,
];
/** RNNCell's non-linearity, given as the fourth argument or as an option (undefined when not given). */
type NonlinearityOf<A, B> = [B] extends [string]
  ? B
  : [A] extends [{ readonly nonlinearity: infer V }]
    ? V
    : [B] extends [{ readonly nonlinearity: infer V }]
      ? V
      : undefined;
/** `["nonlinearity", message]` when the non-linearity is not "tanh" or "relu" (ParamsProblems puts it on its argument). */
type NonlinearityCheck<Layer extends string, A, B> = [NonlinearityOf<A, B>] extends [undefined | "tanh" | "relu"]
  ? false
  : ["nonlinearity", writeOptionTypeMessage<Layer, "nonlinearity", "'tanh' or 'relu'">];

/**
 * PyTorch's `nn.RNNCell(input_size, hidden_size, bias=True, nonlinearity='tanh')`:
 * h' = act(W_ih x + b_ih + W_hh h + b_hh) for one step, [batch, inputSize] → [batch, hiddenSize].
 *
 * @example
 * nn.rnnCell(10, 20, { nonlinearity: "relu" }); // [n, 10] → [n, 20]
 */
export const rnnCell: <
  const I extends number,
  const H extends number,
  const A extends boolean | object | undefined = undefined,
  const B extends string | object | undefined = undefined,
  S extends ArgProblems = SizesProblem<"rnnCell", I, H>,
  P extends ArgProblems = ParamsProblems<
    Written<"rnnCell", I, H>,
    "rnnCell",
    ["bias", "nonlinearity"],
    [A, B],
    Types,
    Expected,
    NonlinearityCheck<Written<"rnnCell", I, H>, A, B>
  >,
>(
  inputSize: Arg<I, S[0]>,
  hiddenSize: Arg<H, S[1]>,
  bias?: Checked<A, P[0]>,
  nonlinearity?: Checked<B, P[1]>,
) => RNNCell<I, H> = (...args: unknown[]): never => cell("rnnCell", args);
/**
 * PyTorch's `nn.LSTMCell(input_size, hidden_size, bias=True)`: one step of an LSTM (gates i, f, g, o),
 * [batch, inputSize] → [batch, hiddenSize] (h'; c' has the same shape).
 *
 * @example
 * nn.lstmCell(10, 20); // [n, 10] → [n, 20]
 */
export const lstmCell: <
  const I extends number,
  const H extends number,
  const A extends boolean | object | undefined = undefined,
  S extends ArgProblems = SizesProblem<"lstmCell", I, H>,
  P extends ArgProblems = ParamsProblems<Written<"lstmCell", I, H>, "lstmCell", ["bias"], [A], Types, Expected>,
>(
  inputSize: Arg<I, S[0]>,
  hiddenSize: Arg<H, S[1]>,
  bias?: Checked<A, P[0]>,
) => LSTMCell<I, H> = (...args: unknown[]): never => cell("lstmCell", args);
/**
 * PyTorch's `nn.GRUCell(input_size, hidden_size, bias=True)`: one step of a GRU (gates r, z, n),
 * [batch, inputSize] → [batch, hiddenSize].
 *
 * @example
 * nn.gruCell(10, 20, { bias: false }); // [n, 10] → [n, 20]
 */
export const gruCell: <
  const I extends number,
  const H extends number,
  const A extends boolean | object | undefined = undefined,
  S extends ArgProblems = SizesProblem<"gruCell", I, H>,
  P extends ArgProblems = ParamsProblems<Written<"gruCell", I, H>, "gruCell", ["bias"], [A], Types, Expected>,
>(
  inputSize: Arg<I, S[0]>,
  hiddenSize: Arg<H, S[1]>,
  bias?: Checked<A, P[0]>,
) => GRUCell<I, H> = (...args: unknown[]): never => cell("gruCell", args);

// ---- runtime

/** A cell from its builder's arguments (`args`: inputSize, hiddenSize, then the options). */
function cell(kind: CellKind, args: ArrayLike<unknown>): never {
  const [inputSize, hiddenSize, ...rest] = Array.from(args) as [number, number, ...unknown[]];
  const layer = `${kind}(${inputSize}, ${hiddenSize})`;
  checkSizes(layer, { inputSize, hiddenSize });
  const lstm = kind === "lstmCell";
  const names = kind === "rnnCell" ? ["bias", "nonlinearity"] : ["bias"];
  const defaults = { bias: true, nonlinearity: "tanh" };
  const { values } = readParams(kind, names, rest, defaults, layer, ["inputSize", "hiddenSize"]);
  const runtime: RecurrentCellConfig & { call(input: unknown, state?: unknown): unknown } = {
    kind,
    written: layer,
    inputSize,
    hiddenSize,
    ...(values as { bias: boolean }), // bias, and rnnCell's nonlinearity: the values of `names`
    outputShape: (input) => cellRule(layer, inputSize, hiddenSize, input),
    callShapes: (inputs) => cellCallShapes(layer, lstm, { inputSize, hiddenSize }, inputs),
    // PyTorch's forward: lstmCell(input, (hx, cx)) → [h', c']; rnnCell / gruCell (input, hx) → h'
    call(input: unknown, state?: unknown) {
      const outputs = callLayer(runtime, stateInputs(lstm, input, state));
      return lstm ? outputs : outputs[0];
    },
  };
  return runtime as never;
}
