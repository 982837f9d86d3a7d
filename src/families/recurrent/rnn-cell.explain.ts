// rnnCell, lstmCell, gruCell: the features become hiddenSize; PyTorch's weights W_ih (G·h × in), W_hh (G·h × h),
// b_ih and b_hh (G·h), G = 1, 4 or 3 gates.
import { count, type Explainer } from "../../explain/kinds/support.ts";
import type { RecurrentCellConfig } from "./rnn-cell.nn.ts";

const gates = { rnnCell: 1, lstmCell: 4, gruCell: 3 } as const;

/** PyTorch's parameter count of a cell with `gates` gates. */
export const cellParams = (gates: number, inputSize: number, hiddenSize: number, bias: boolean): number =>
  gates * hiddenSize * (inputSize + hiddenSize) + (bias ? 2 * gates * hiddenSize : 0);

export const recurrentCell: Explainer<RecurrentCellConfig> = (layer) => ({
  arithmetic: [`→ ${count(layer.hiddenSize)}`],
  params: cellParams(gates[layer.kind], count(layer.inputSize), count(layer.hiddenSize), layer.bias),
});
