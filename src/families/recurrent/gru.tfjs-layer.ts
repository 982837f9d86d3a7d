// `shapecheck>GRU`: one layer of PyTorch's GRU (batch first, the whole output sequence, one or both
// directions), in tf ops (gradients by autodiff). tfjs's GRU applies the reset gate before the
// recurrent product (Keras' reset_after=False); PyTorch after it:
//   r = σ(W_ir x + b_ir + W_hr h + b_hr)      z = σ(W_iz x + b_iz + W_hz h + b_hz)
//   n = tanh(W_in x + b_in + r ⊙ (W_hn h + b_hn))      h' = (1 − z) ⊙ n + z ⊙ h
// Weights are PyTorch's, in PyTorch's layout and names: weight_ih [3H, in], weight_hh [3H, H],
// bias_ih, bias_hh [3H] (gates r, z, n), and the same with `_reverse` for the backward direction.
import * as tf from "@tensorflow/tfjs-core";
import { affine, RecurrentLayer, type DirectionWeights, type RecurrentArgs } from "./recurrent.tfjs-layer.ts";

export type GRUArgs = RecurrentArgs;

export class GRU extends RecurrentLayer<GRUArgs> {
  static className = "shapecheck>GRU";

  protected gates(): number {
    return 3;
  }

  protected stateSize(): number {
    return this.settings.hiddenSize;
  }

  protected runCell(perStep: tf.Tensor[], weights: DirectionWeights, batch: number, reverse: boolean): tf.Tensor {
    const steps = perStep.length;
    const outputs: tf.Tensor[] = new Array(steps);
    let h: tf.Tensor = tf.zeros([batch, this.settings.hiddenSize]);
    for (let i = 0; i < steps; i++) {
      const t = reverse ? steps - 1 - i : i;
      const [xr, xz, xn] = tf.split(perStep[t]!, 3, 1);
      const [hr, hz, hn] = tf.split(affine(h, weights.weightHh, weights.biasHh), 3, 1);
      const r = tf.sigmoid(tf.add(xr!, hr!));
      const z = tf.sigmoid(tf.add(xz!, hz!));
      const n = tf.tanh(tf.add(xn!, tf.mul(r, hn!)));
      h = tf.add(n, tf.mul(z, tf.sub(h, n))); // (1 − z)·n + z·h
      outputs[t] = h;
    }
    return tf.stack(outputs, 1);
  }
}
tf.serialization.registerClass(GRU);
