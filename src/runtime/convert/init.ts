// PyTorch's initial weights, written as tfjs initializers (so a saved model.json stays standard):
// Linear and Conv weights use kaiming_uniform(a=√5), i.e. U(−1/√fanIn, 1/√fanIn), and so do their
// biases. fanIn is inChannels/groups × kernel volume (conv) or inFeatures (linear).
import * as tfl from "@tensorflow/tfjs-layers";

/** U(−1/√fanIn, 1/√fanIn), PyTorch's default for Linear and Conv weights and biases. */
export const torchUniform = (fanIn: number): ReturnType<typeof tfl.initializers.randomUniform> => {
  const bound = 1 / Math.sqrt(fanIn);
  return tfl.initializers.randomUniform({ minval: -bound, maxval: bound });
};
