// `shapecheck>GRU`: one layer of PyTorch's GRU (batch first, the whole output sequence, one or both
// directions), in tf ops (gradients by autodiff). tfjs's GRU applies the reset gate before the
// recurrent product (Keras' reset_after=False); PyTorch after it:
//   r = σ(W_ir x + b_ir + W_hr h + b_hr)      z = σ(W_iz x + b_iz + W_hz h + b_hz)
//   n = tanh(W_in x + b_in + r ⊙ (W_hn h + b_hn))      h' = (1 − z) ⊙ n + z ⊙ h
// Weights are PyTorch's, in PyTorch's layout and names: weight_ih [3H, in], weight_hh [3H, H],
// bias_ih, bias_hh [3H] (gates r, z, n), and the same with `_reverse` for the backward direction.
import * as tf from "@tensorflow/tfjs-core";
import * as tfl from "@tensorflow/tfjs-layers";

type Shape = (number | null)[];

export interface GRUArgs {
  inputSize: number;
  hiddenSize: number;
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
}

/** x @ wᵀ (+ b) over the last dimension of x (rank 2). */
const affine = (x: tf.Tensor, w: tfl.LayerVariable, b?: tfl.LayerVariable): tf.Tensor => {
  const y = tf.matMul(x as tf.Tensor2D, w.read() as tf.Tensor2D, false, true);
  return b ? tf.add(y, b.read()) : y;
};

/** One direction over [batch, seq, in] → [batch, seq, H]. */
function runDirection(x: tf.Tensor, weights: Direction, hidden: number, reverse: boolean): tf.Tensor {
  const [batch, steps, features] = x.shape as [number, number, number];
  const inputs = tf.reshape(affine(tf.reshape(x, [batch * steps, features]), weights.weightIh, weights.biasIh), [batch, steps, 3 * hidden]);
  const perStep = tf.unstack(inputs, 1);
  const outputs: tf.Tensor[] = new Array(steps);
  let h: tf.Tensor = tf.zeros([batch, hidden]);
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

export class GRU extends tfl.layers.Layer {
  static className = "shapecheck>GRU";
  readonly settings: GRUArgs;
  private directions: Direction[] = [];

  constructor(args: GRUArgs) {
    super({ name: args.name, trainable: args.trainable });
    this.settings = args;
  }

  override build(): void {
    const { inputSize, hiddenSize, bidirectional, useBias } = this.settings;
    const bound = 1 / Math.sqrt(hiddenSize); // PyTorch: every weight and bias U(−1/√H, 1/√H)
    const init = tfl.initializers.randomUniform({ minval: -bound, maxval: bound });
    const add = (name: string, shape: number[]) => this.addWeight(name, shape, "float32", init);
    this.directions = (bidirectional ? ["", "_reverse"] : [""]).map((suffix) => ({
      weightIh: add(`weight_ih${suffix}`, [3 * hiddenSize, inputSize]),
      weightHh: add(`weight_hh${suffix}`, [3 * hiddenSize, hiddenSize]),
      ...(useBias ? { biasIh: add(`bias_ih${suffix}`, [3 * hiddenSize]), biasHh: add(`bias_hh${suffix}`, [3 * hiddenSize]) } : {}),
    }));
    this.built = true;
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape {
    const [batch, steps] = inputShape as Shape;
    return [batch!, steps!, this.settings.hiddenSize * (this.settings.bidirectional ? 2 : 1)];
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    const x = Array.isArray(inputs) ? inputs[0]! : inputs;
    return tf.tidy(() => {
      const outputs = this.directions.map((weights, i) => runDirection(x, weights, this.settings.hiddenSize, i === 1));
      return outputs.length === 1 ? outputs[0]! : tf.concat(outputs, -1);
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    const { name: _name, trainable: _trainable, ...args } = this.settings;
    return { ...super.getConfig(), ...args };
  }
}
tf.serialization.registerClass(GRU);
