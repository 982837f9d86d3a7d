// lstm and gru: the features become directions × hiddenSize (or projSize); PyTorch's weights per
// layer and direction: W_ih (gates·h × in), W_hh (gates·h × h or proj), b_ih and b_hh (gates·h), W_hr (proj × h).
import { flag, size, type Explainer, type LayerConfig } from "../../explain/kinds/support.ts";

/** PyTorch's parameter count of an LSTM (4 gates) or GRU (3 gates). */
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

function explainRecurrent(gates: number, layer: LayerConfig): ReturnType<Explainer> {
  const [inputSize, hiddenSize, numLayers] = [
    size(layer, "inputSize"),
    size(layer, "hiddenSize"),
    size(layer, "numLayers", 1),
  ];
  const projSize = size(layer, "projSize", 0);
  const directions = flag(layer, "bidirectional", false) ? 2 : 1;
  const features = projSize === 0 ? hiddenSize : projSize;
  return {
    arithmetic: [directions === 2 ? `→ 2·${features} = ${2 * features}` : `→ ${features}`],
    params: recurrentParams(gates, inputSize, hiddenSize, numLayers, directions, flag(layer, "bias", true), projSize),
  };
}

export const lstm: Explainer = (layer) => explainRecurrent(4, layer);
export const gru: Explainer = (layer) => explainRecurrent(3, layer);
