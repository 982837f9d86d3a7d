// `shapecheck>MultiheadAttention`: PyTorch's nn.MultiheadAttention applied as self-attention
// (query = key = value = x, batch first, no mask), in tf ops (gradients by autodiff):
//   q, k, v = split(x W_inᵀ + b_in)          per head: softmax(q kᵀ / √headDim) v
//   output = concat(heads) W_outᵀ + b_out     (dropout on the attention weights when training)
// Weights in PyTorch's layout: in_proj_weight [3E, E], in_proj_bias [3E], out_proj_weight [E, E]
// (PyTorch's out_proj.weight), out_proj_bias [E]; no biases with bias: false.
import * as tf from "@tensorflow/tfjs-core";
import * as tfl from "@tensorflow/tfjs-layers";

type Shape = (number | null)[];

export interface MultiheadAttentionArgs {
  embedDim: number;
  numHeads: number;
  dropout: number;
  useBias: boolean;
  name?: string;
  trainable?: boolean;
}

/** x @ wᵀ (+ b), x of rank 2. */
const affine = (x: tf.Tensor, w: tfl.LayerVariable, b?: tfl.LayerVariable): tf.Tensor => {
  const y = tf.matMul(x as tf.Tensor2D, w.read() as tf.Tensor2D, false, true);
  return b ? tf.add(y, b.read()) : y;
};

export class MultiheadAttention extends tfl.layers.Layer {
  static className = "shapecheck>MultiheadAttention";
  readonly settings: MultiheadAttentionArgs;
  private inWeight?: tfl.LayerVariable;
  private inBias?: tfl.LayerVariable;
  private outWeight?: tfl.LayerVariable;
  private outBias?: tfl.LayerVariable;

  constructor(args: MultiheadAttentionArgs) {
    super({ name: args.name, trainable: args.trainable });
    this.settings = args;
  }

  override build(): void {
    const { embedDim: e, useBias } = this.settings;
    // PyTorch: in_proj_weight Xavier-uniform, out_proj.weight Linear's U(−1/√E, 1/√E), biases 0.
    const xavier = Math.sqrt(6 / (e + 3 * e));
    const linear = 1 / Math.sqrt(e);
    const uniform = (bound: number) => tfl.initializers.randomUniform({ minval: -bound, maxval: bound });
    this.inWeight = this.addWeight("in_proj_weight", [3 * e, e], "float32", uniform(xavier));
    this.outWeight = this.addWeight("out_proj_weight", [e, e], "float32", uniform(linear));
    if (useBias) {
      this.inBias = this.addWeight("in_proj_bias", [3 * e], "float32", tfl.initializers.zeros());
      this.outBias = this.addWeight("out_proj_bias", [e], "float32", tfl.initializers.zeros());
    }
    this.built = true;
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape {
    return [...(inputShape as Shape)];
  }

  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: { training?: boolean }): tf.Tensor {
    const x = Array.isArray(inputs) ? inputs[0]! : inputs;
    const { embedDim: e, numHeads: heads, dropout } = this.settings;
    const [batch, steps] = x.shape as [number, number, number];
    const headDim = e / heads;
    return tf.tidy(() => {
      const [q, k, v] = tf.split(affine(tf.reshape(x, [batch * steps, e]), this.inWeight!, this.inBias), 3, 1);
      // [batch·seq, E] → [batch, heads, seq, headDim]
      const split = (t: tf.Tensor) => tf.transpose(tf.reshape(t, [batch, steps, heads, headDim]), [0, 2, 1, 3]);
      const scores = tf.matMul(split(tf.mul(q!, 1 / Math.sqrt(headDim))), split(k!), false, true);
      let weights = tf.softmax(scores);
      if (kwargs?.training && dropout > 0) weights = tf.dropout(weights, dropout);
      const merged = tf.reshape(tf.transpose(tf.matMul(weights, split(v!)), [0, 2, 1, 3]), [batch * steps, e]);
      return tf.reshape(affine(merged, this.outWeight!, this.outBias), [batch, steps, e]);
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    const { name: _name, trainable: _trainable, ...args } = this.settings;
    return { ...super.getConfig(), ...args };
  }
}
tf.serialization.registerClass(MultiheadAttention);
