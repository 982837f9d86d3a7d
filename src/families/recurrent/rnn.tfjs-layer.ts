// `shapecheck>RNN`: one layer of PyTorch's RNN (Elman: h' = act(W_ih x + b_ih + W_hh h + b_hh), act tanh or
// relu), batch first, the whole output sequence, one or both directions, in tf ops (gradients by autodiff).
// Weights are PyTorch's, in PyTorch's layout and names: weight_ih [H, in], weight_hh [H, H], bias_ih,
// bias_hh [H], and the same with `_reverse` for the backward direction.
import * as tf from "@tensorflow/tfjs-core";
import { affine, RecurrentLayer, type DirectionWeights, type RecurrentArgs } from "./recurrent.tfjs-layer.ts";

export interface RNNArgs extends RecurrentArgs {
  nonlinearity: "tanh" | "relu";
}

/** act(x) for RNN's non-linearity. */
export const rnnActivation = (nonlinearity: "tanh" | "relu", x: tf.Tensor): tf.Tensor =>
  nonlinearity === "relu" ? tf.relu(x) : tf.tanh(x);

export class RNN extends RecurrentLayer<RNNArgs> {
  static className = "shapecheck>RNN";

  protected gates(): number {
    return 1;
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
      h = rnnActivation(this.settings.nonlinearity, tf.add(perStep[t]!, affine(h, weights.weightHh, weights.biasHh)));
      outputs[t] = h;
    }
    return tf.stack(outputs, 1);
  }
}
tf.serialization.registerClass(RNN);
