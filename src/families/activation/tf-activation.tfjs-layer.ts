// tfjs's ThresholdedReLU computes x · cast(x > theta): tfjs-core registers no gradient for Greater, so a model
// holding it cannot train on any backend ("gradient function not found for Greater"). The comparison is piecewise
// constant: its gradient is zero for both inputs (the gradient flows through the multiplication by x).
import * as tf from "@tensorflow/tfjs-core";

if (tf.getGradient(tf.Greater) === undefined) {
  tf.registerGradient({
    kernelName: tf.Greater,
    inputsToSave: ["a", "b"],
    gradFunc: (_dy, saved) => {
      const [a, b] = saved as [tf.Tensor, tf.Tensor];
      return { a: () => tf.zerosLike(a), b: () => tf.zerosLike(b) };
    },
  });
}
