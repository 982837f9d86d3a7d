// Explain text of layers.simpleRNN / lstm / gru / rnn / convLstm2d / bidirectional / timeDistributed, and the
// parameter count tfjs's countParams reports (kernel, recurrent kernel and bias per gate).
import { count, dim, known, product, sizes, Unreadable, type Explainer } from "../../explain/kinds/support.ts";
import { explainKind } from "../../explain/kinds/index.ts";
import type { RuntimeShape } from "../../shape/dims.ts";
import type { TfCellConfig, TfConvLstmConfig, TfRecurrentConfig } from "./tf-recurrent.layers.ts";
import type { TfWrapperConfig } from "./tf-wrappers.layers.ts";

/** Gates per kind: their kernels, recurrent kernels and biases are concatenated in tfjs's weights. */
const GATES: Readonly<Record<string, number>> = {
  SimpleRNN: 1,
  SimpleRNNCell: 1,
  GRU: 3,
  GRUCell: 3,
  LSTM: 4,
  LSTMCell: 4,
  ConvLSTM2D: 4,
};

/** One cell's parameters on `features` inputs: gates × (features·units + units·units + units). */
const cellParams = (gates: number, features: number, units: number, useBias: boolean): number =>
  gates * (features * units + units * units + (useBias ? units : 0));

/** The cells of a config, stacked cells flattened, first to last. */
const flatCells = (cells: readonly TfCellConfig[]): TfCellConfig[] =>
  cells.flatMap((cell) => (cell.kind === "StackedRNNCells" ? flatCells(cell.cells) : [cell]));

/** The parameters of a recurrent layer on `input` ([batch, time, features]); null when features are unknown. */
function recurrentParams(layer: TfRecurrentConfig, input: RuntimeShape): number | null {
  let features = known(input[2]);
  if (features === null) return null;
  if (layer.kind !== "RNN") return cellParams(GATES[layer.kind]!, features, count(layer.units), layer.useBias);
  let total = 0;
  for (const cell of flatCells(layer.cells)) {
    total += cellParams(GATES[cell.kind]!, features, count(cell.units), cell.useBias);
    features = cell.units;
  }
  return total;
}

/** ConvLSTM2D: 4 gates × (kh·kw·channels·filters + kh·kw·filters·filters + filters). */
function convLstmParams(layer: TfConvLstmConfig, input: RuntimeShape): number | null {
  const channels = known(layer.dataFormat === "channelsFirst" ? input[2] : input[4]);
  if (channels === null) return null;
  const window = product(sizes(layer.kernelSize, 2));
  const filters = count(layer.filters);
  return 4 * (window * channels * filters + window * filters * filters + (layer.useBias ? filters : 0));
}

const steps = (layer: { returnSequences: boolean }, input: RuntimeShape): string =>
  layer.returnSequences ? `every step of ${dim(input[1])}` : `the last of ${dim(input[1])} steps`;

export const tfRecurrent: Explainer<TfRecurrentConfig> = (layer, input) => ({
  arithmetic: [`${count(layer.units)} units, ${steps(layer, input)}`],
  params: recurrentParams(layer, input),
});

export const tfConvLstm: Explainer<TfConvLstmConfig> = (layer, input) => ({
  arithmetic: [`${count(layer.filters)} filters, ${steps(layer, input)}`],
  params: convLstmParams(layer, input),
});

/** Bidirectional: the layer twice (forward and backward); TimeDistributed: the layer's own count, on one step. */
export const tfWrapper: Explainer<TfWrapperConfig> = (layer, input, output) => {
  if (layer.kind === "Bidirectional") {
    const inner = layer.layer.outputShape(input);
    const { params } = explainKind(layer.layer, input, inner);
    const merged = layer.mergeMode === "concat" ? [`${dim(inner.at(-1))} · 2 = ${dim(output.at(-1))} (concat)`] : [];
    return {
      arithmetic: [`forward and backward, merged by '${layer.mergeMode}'`, ...merged],
      params: params === null ? null : 2 * params,
    };
  }
  if (input.length < 3) throw new Unreadable("timeDistributed input");
  const step = [input[0]!, ...input.slice(2)];
  const { arithmetic, params } = explainKind(layer.layer, step, layer.layer.outputShape(step));
  return {
    arithmetic: [`at each of ${dim(input[1])} steps: ${(arithmetic ?? []).join("; ") || layer.layer.written}`],
    params,
  };
};
