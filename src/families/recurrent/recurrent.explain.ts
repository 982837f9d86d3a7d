// lstm, gru and rnn: the features become directions × hiddenSize (or projSize); PyTorch's weights per
// layer and direction: W_ih (gates·h × in), W_hh (gates·h × h or proj), b_ih and b_hh (gates·h), W_hr (proj × h).
import { count, type Explainer } from "../../explain/kinds/support.ts";
import type { RecurrentConfig } from "./recurrent.nn.ts";

/** PyTorch's parameter count of an LSTM (4 gates), GRU (3 gates) or RNN (1). */
export function recurrentParams(
  gates: number,
  inputSize: number,
  hiddenSize: number,
  numLayers: number,
  directions: number,
  bias: boolean,
  projSize: number,
): number {
  const outSize = projSize === 0 ? hiddenSize : projSize;
  let total = 0;
  for (let index = 0; index < numLayers; index += 1) {
    const layerInput = index === 0 ? inputSize : outSize * directions;
    const perDirection =
      gates * hiddenSize * layerInput +
      gates * hiddenSize * outSize +
      (bias ? 2 * gates * hiddenSize : 0) +
      (projSize === 0 ? 0 : projSize * hiddenSize);
    total += perDirection * directions;
  }
  return total;
}

function explainRecurrent(gates: number, layer: RecurrentConfig): ReturnType<Explainer> {
  const [inputSize, hiddenSize, numLayers] = [count(layer.inputSize), count(layer.hiddenSize), count(layer.numLayers)];
  const projSize = count(layer.projSize ?? 0);
  const directions = layer.bidirectional ? 2 : 1;
  const features = projSize === 0 ? hiddenSize : projSize;
  return {
    arithmetic: [directions === 2 ? `→ 2·${features} = ${2 * features}` : `→ ${features}`],
    params: recurrentParams(gates, inputSize, hiddenSize, numLayers, directions, layer.bias, projSize),
  };
}

export const lstm: Explainer<RecurrentConfig> = (layer) => explainRecurrent(4, layer);
export const gru: Explainer<RecurrentConfig> = (layer) => explainRecurrent(3, layer);
export const rnn: Explainer<RecurrentConfig> = (layer) => explainRecurrent(1, layer);
