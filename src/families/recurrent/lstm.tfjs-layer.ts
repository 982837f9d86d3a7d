// `shapecheck>LSTM`: one layer of PyTorch's LSTM with projections (projSize), which tfjs's LSTM lacks,
// batch first, the whole output sequence, one or both directions, in tf ops (gradients by autodiff):
//   i, f, g, o = σ, σ, tanh, σ of (W_ih x + b_ih + W_hh h + b_hh)      (gates in this order)
//   c' = f ⊙ c + i ⊙ g      h' = W_hr (o ⊙ tanh(c'))                   (h has projSize features)
// Weights are PyTorch's, in PyTorch's layout and names: weight_ih [4H, in], weight_hh [4H, P],
// bias_ih, bias_hh [4H], weight_hr [P, H], and the same with `_reverse` for the backward direction.
import * as tf from "@tensorflow/tfjs-core";
import { affine, RecurrentLayer, type DirectionWeights, type RecurrentArgs } from "./recurrent.tfjs-layer.ts";

export interface LSTMArgs extends RecurrentArgs {
  projSize: number;
}

export class ProjectedLSTM extends RecurrentLayer<LSTMArgs> {
  static className = "shapecheck>LSTM";

  protected gates(): number {
    return 4;
  }

  protected stateSize(): number {
    return this.settings.projSize;
  }

  protected override extraWeights(): [string, number[]][] {
    return [["weight_hr", [this.settings.projSize, this.settings.hiddenSize]]];
  }

  protected runCell(perStep: tf.Tensor[], weights: DirectionWeights, batch: number, reverse: boolean): tf.Tensor {
    const steps = perStep.length;
    const outputs: tf.Tensor[] = new Array(steps);
    let h: tf.Tensor = tf.zeros([batch, this.settings.projSize]);
    let c: tf.Tensor = tf.zeros([batch, this.settings.hiddenSize]);
    for (let k = 0; k < steps; k++) {
      const t = reverse ? steps - 1 - k : k;
      const [i, f, g, o] = tf.split(tf.add(perStep[t]!, affine(h, weights.weightHh, weights.biasHh)), 4, 1);
      c = tf.add(tf.mul(tf.sigmoid(f!), c), tf.mul(tf.sigmoid(i!), tf.tanh(g!)));
      h = affine(tf.mul(tf.sigmoid(o!), tf.tanh(c)), weights.extra.weight_hr!);
      outputs[t] = h;
    }
    return tf.stack(outputs, 1);
  }
}
tf.serialization.registerClass(ProjectedLSTM);
