// adaptiveLogSoftmaxWithLoss: PyTorch's parameters: the head (shortlist + clusters) × in (+ its bias
// with headBias), and per cluster hidden × in + size × hidden.
import { type Explainer } from "../../explain/kinds/support.ts";
import { clusterHidden, type AdaptiveLogSoftmaxWithLossConfig } from "./adaptive-log-softmax.nn.ts";

export const adaptiveLogSoftmaxWithLoss: Explainer<AdaptiveLogSoftmaxWithLossConfig> = (layer) => {
  const { inFeatures, nClasses, cutoffs, divValue, headBias } = layer;
  const headSize = cutoffs[0]! + cutoffs.length;
  const bounds = [...cutoffs, nClasses];
  const tail = cutoffs
    .map((_, i) => clusterHidden(inFeatures, divValue, i) * (inFeatures + bounds[i + 1]! - bounds[i]!))
    .reduce((a, b) => a + b, 0);
  return { arithmetic: [], params: headSize * inFeatures + (headBias ? headSize : 0) + tail };
};
