// `shapecheck>LpPool`: PyTorch's LP pooling (1 or 2 spatial dimensions, channels-last), as PyTorch
// computes it: the average pooling of x^p (a ceilMode window past the input averages its elements
// inside it), times the kernel's size, to the power 1/p.
import * as tf from "@tensorflow/tfjs-core";
import { CeilAvgPool, countedAvgPool, type CeilAvgPoolArgs } from "./ceil-avg-pool.tfjs-layer.ts";

export interface LpPoolArgs extends CeilAvgPoolArgs {
  normType: number;
}

export class LpPool extends CeilAvgPool {
  static override className = "shapecheck>LpPool";
  declare readonly settings: LpPoolArgs;

  constructor(args: LpPoolArgs) {
    super(args);
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    const x = Array.isArray(inputs) ? inputs[0]! : inputs;
    const { normType, poolSize } = this.settings;
    return tf.tidy(() => {
      const mean = countedAvgPool(tf.pow(x, normType), this.settings);
      return tf.pow(
        tf.mul(
          mean,
          poolSize.reduce((a, b) => a * b, 1),
        ),
        1 / normType,
      );
    });
  }
}
tf.serialization.registerClass(LpPool);
