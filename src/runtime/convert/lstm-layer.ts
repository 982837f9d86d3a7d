// `shapecheck>LSTM`: one layer of PyTorch's LSTM with projections (projSize), which tfjs's LSTM lacks,
// batch first, the whole output sequence, one or both directions, in tf ops (gradients by autodiff):
//   i, f, g, o = σ, σ, tanh, σ of (W_ih x + b_ih + W_hh h + b_hh)      (gates in this order)
//   c' = f ⊙ c + i ⊙ g      h' = W_hr (o ⊙ tanh(c'))                   (h has projSize features)
// Weights are PyTorch's, in PyTorch's layout and names: weight_ih [4H, in], weight_hh [4H, P],
// bias_ih, bias_hh [4H], weight_hr [P, H], and the same with `_reverse` for the backward direction.
import * as tf from "@tensorflow/tfjs-core";
import * as tfl from "@tensorflow/tfjs-layers";

type Shape = (number | null)[];

export interface LSTMArgs {
  inputSize: number;
  hiddenSize: number;
  projSize: number;
  bidirectional: boolean;
  useBias: boolean;
  name?: string;
  trainable?: boolean;
}

interface Direction {
  weightIh: tfl.LayerVariable;
  weightHh: tfl.LayerVariable;
  biasIh?: tfl.LayerVariable;
  biasHh?: tfl.LayerVariable;
  weightHr: tfl.LayerVariable;
}

/** x @ wᵀ (+ b) over the last dimension of x (rank 2). */
const affine = (x: tf.Tensor, w: tfl.LayerVariable, b?: tfl.LayerVariable): tf.Tensor => {
  const y = tf.matMul(x as tf.Tensor2D, w.read() as tf.Tensor2D, false, true);
  return b ? tf.add(y, b.read()) : y;
};

/** One direction over [batch, seq, in] → [batch, seq, P]. */
function runDirection(x: tf.Tensor, weights: Direction, hidden: number, proj: number, reverse: boolean): tf.Tensor {
  const [batch, steps, features] = x.shape as [number, number, number];
  const inputs = tf.reshape(affine(tf.reshape(x, [batch * steps, features]), weights.weightIh, weights.biasIh), [batch, steps, 4 * hidden]);
  const perStep = tf.unstack(inputs, 1);
  const outputs: tf.Tensor[] = new Array(steps);
  let h: tf.Tensor = tf.zeros([batch, proj]);
  let c: tf.Tensor = tf.zeros([batch, hidden]);
  for (let k = 0; k < steps; k++) {
    const t = reverse ? steps - 1 - k : k;
    const [i, f, g, o] = tf.split(tf.add(perStep[t]!, affine(h, weights.weightHh, weights.biasHh)), 4, 1);
    c = tf.add(tf.mul(tf.sigmoid(f!), c), tf.mul(tf.sigmoid(i!), tf.tanh(g!)));
    h = affine(tf.mul(tf.sigmoid(o!), tf.tanh(c)), weights.weightHr);
    outputs[t] = h;
  }
  return tf.stack(outputs, 1);
}

export class ProjectedLSTM extends tfl.layers.Layer {
  static className = "shapecheck>LSTM";
  readonly settings: LSTMArgs;
  private directions: Direction[] = [];

  constructor(args: LSTMArgs) {
    super({ name: args.name, trainable: args.trainable });
    this.settings = args;
  }

  override build(): void {
    const { inputSize, hiddenSize, projSize, bidirectional, useBias } = this.settings;
    const bound = 1 / Math.sqrt(hiddenSize); // PyTorch: every weight and bias U(−1/√H, 1/√H)
    const init = tfl.initializers.randomUniform({ minval: -bound, maxval: bound });
    const add = (name: string, shape: number[]) => this.addWeight(name, shape, "float32", init);
    this.directions = (bidirectional ? ["", "_reverse"] : [""]).map((suffix) => ({
      weightIh: add(`weight_ih${suffix}`, [4 * hiddenSize, inputSize]),
      weightHh: add(`weight_hh${suffix}`, [4 * hiddenSize, projSize]),
      ...(useBias ? { biasIh: add(`bias_ih${suffix}`, [4 * hiddenSize]), biasHh: add(`bias_hh${suffix}`, [4 * hiddenSize]) } : {}),
      weightHr: add(`weight_hr${suffix}`, [projSize, hiddenSize]),
    }));
    this.built = true;
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape {
    const [batch, steps] = inputShape as Shape;
    return [batch!, steps!, this.settings.projSize * (this.settings.bidirectional ? 2 : 1)];
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    const x = Array.isArray(inputs) ? inputs[0]! : inputs;
    const { hiddenSize, projSize } = this.settings;
    return tf.tidy(() => {
      const outputs = this.directions.map((weights, i) => runDirection(x, weights, hiddenSize, projSize, i === 1));
      return outputs.length === 1 ? outputs[0]! : tf.concat(outputs, -1);
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    const { name: _name, trainable: _trainable, ...args } = this.settings;
    return { ...super.getConfig(), ...args };
  }
}
tf.serialization.registerClass(ProjectedLSTM);
