// `shapecheck>MultiheadAttention`: PyTorch's nn.MultiheadAttention (batch first) in tf ops (gradients
// by autodiff), as self-attention (one input: query = key = value = x) or called on its named inputs
// (`inputs`: query, key, value, then keyPaddingMask and attnMask when given):
//   q = query W_qᵀ + b_q, k = key W_kᵀ + b_k, v = value W_vᵀ + b_v
//   per head: softmax(q kᵀ / √headDim, masked) v;  output = concat(heads) W_outᵀ + b_out
// Masks are PyTorch's boolean masks: a value > 0.5 (true) is not attended (−∞ before the softmax).
// Weights in PyTorch's layout: in_proj_weight [3E, E] (or q/k/v_proj_weight [E, E], [E, kdim],
// [E, vdim] when kdim or vdim differ from E), in_proj_bias [3E], out_proj_weight [E, E] (PyTorch's
// out_proj.weight), out_proj_bias [E]; no biases with bias: false. Outputs: the output, and the
// attention weights (averaged over heads unless averageAttnWeights is false) when needWeights.
import * as tf from "@tensorflow/tfjs-core";
import * as tfl from "@tensorflow/tfjs-layers";

type Shape = (number | null)[];

export interface MultiheadAttentionArgs {
  embedDim: number;
  numHeads: number;
  dropout: number;
  useBias: boolean;
  /** Default embedDim. */
  kdim?: number;
  vdim?: number;
  /** The inputs' names, in order; default: one input, self-attention. */
  inputs?: string[];
  needWeights?: boolean;
  averageAttnWeights?: boolean;
  name?: string;
  trainable?: boolean;
}

/** x @ wᵀ (+ b) on the last axis of a rank-3 x. */
const affine = (x: tf.Tensor, w: tf.Tensor, b?: tf.Tensor): tf.Tensor => {
  const [batch, steps, features] = x.shape as [number, number, number];
  const flat = tf.matMul(tf.reshape(x, [batch * steps, features]) as tf.Tensor2D, w as tf.Tensor2D, false, true);
  const y = tf.reshape(flat, [batch, steps, w.shape[0]!]);
  return b ? tf.add(y, b) : y;
};

/**
 * Attention of (already projected) q [B, L, E], k and v [B, S, E] with H heads: the merged heads
 * [B, L, E] and the weights [B, H, L, S]. `masked`: [B or 1, H or 1, L or 1, S], true where not attended.
 */
export function attend(
  q: tf.Tensor,
  k: tf.Tensor,
  v: tf.Tensor,
  heads: number,
  masked: tf.Tensor | undefined,
  dropout: number,
): [tf.Tensor, tf.Tensor] {
  const [batch, l, e] = q.shape as [number, number, number];
  const s = k.shape[1]!;
  const headDim = e / heads;
  const split = (t: tf.Tensor, n: number) => tf.transpose(tf.reshape(t, [batch, n, heads, headDim]), [0, 2, 1, 3]);
  let scores = tf.matMul(split(tf.mul(q, 1 / Math.sqrt(headDim)), l), split(k, s), false, true);
  if (masked) scores = tf.where(tf.broadcastTo(masked, scores.shape), tf.fill(scores.shape, -Infinity), scores);
  const weights = tf.softmax(scores);
  const used = dropout > 0 ? tf.dropout(weights, dropout) : weights;
  const merged = tf.reshape(tf.transpose(tf.matMul(used, split(v, s)), [0, 2, 1, 3]), [batch, l, e]);
  return [merged, weights];
}

export class MultiheadAttention extends tfl.layers.Layer {
  static className = "shapecheck>MultiheadAttention";
  readonly settings: MultiheadAttentionArgs;
  private inWeight?: tfl.LayerVariable;
  private qWeight?: tfl.LayerVariable;
  private kWeight?: tfl.LayerVariable;
  private vWeight?: tfl.LayerVariable;
  private inBias?: tfl.LayerVariable;
  private outWeight?: tfl.LayerVariable;
  private outBias?: tfl.LayerVariable;

  constructor(args: MultiheadAttentionArgs) {
    super({ name: args.name, trainable: args.trainable });
    this.settings = args;
  }

  private get packed(): boolean {
    const { embedDim: e, kdim, vdim } = this.settings;
    return (kdim ?? e) === e && (vdim ?? e) === e;
  }

  override build(): void {
    const { embedDim: e, useBias } = this.settings;
    const kdim = this.settings.kdim ?? e;
    const vdim = this.settings.vdim ?? e;
    // PyTorch: in_proj_weight (or each of q/k/v_proj_weight) Xavier-uniform, out_proj.weight Linear's
    // U(−1/√E, 1/√E), biases 0.
    const uniform = (bound: number) => tfl.initializers.randomUniform({ minval: -bound, maxval: bound });
    const xavier = (fanOut: number, fanIn: number) => uniform(Math.sqrt(6 / (fanIn + fanOut)));
    if (this.packed) this.inWeight = this.addWeight("in_proj_weight", [3 * e, e], "float32", xavier(3 * e, e));
    else {
      this.qWeight = this.addWeight("q_proj_weight", [e, e], "float32", xavier(e, e));
      this.kWeight = this.addWeight("k_proj_weight", [e, kdim], "float32", xavier(e, kdim));
      this.vWeight = this.addWeight("v_proj_weight", [e, vdim], "float32", xavier(e, vdim));
    }
    if (useBias) this.inBias = this.addWeight("in_proj_bias", [3 * e], "float32", tfl.initializers.zeros());
    this.outWeight = this.addWeight("out_proj_weight", [e, e], "float32", uniform(1 / Math.sqrt(e)));
    if (useBias) this.outBias = this.addWeight("out_proj_bias", [e], "float32", tfl.initializers.zeros());
    this.built = true;
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape | Shape[] {
    const shapes = (Array.isArray(inputShape[0]) ? inputShape : [inputShape]) as Shape[];
    const names = this.settings.inputs ?? ["query"];
    const query = shapes[names.indexOf("query")]!;
    const key = shapes[names.indexOf("key")] ?? query;
    const out: Shape = [query[0]!, query[1]!, this.settings.embedDim];
    if (this.settings.inputs === undefined || this.settings.needWeights === false) return out;
    const weights: Shape =
      this.settings.averageAttnWeights === false
        ? [query[0]!, this.settings.numHeads, query[1]!, key[1]!]
        : [query[0]!, query[1]!, key[1]!];
    return [out, weights];
  }

  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: { training?: boolean }): tf.Tensor | tf.Tensor[] {
    const xs = Array.isArray(inputs) ? inputs : [inputs];
    const { embedDim: e, numHeads: heads, dropout } = this.settings;
    const names = this.settings.inputs ?? ["query"];
    const get = (name: string) => (names.includes(name) ? xs[names.indexOf(name)]! : undefined);
    return tf.tidy(() => {
      const query = get("query")!;
      const key = get("key") ?? query;
      const value = get("value") ?? query;
      const [batch, l] = query.shape as [number, number];
      const s = key.shape[1]!;
      const weightOf = (part: number, own?: tfl.LayerVariable) =>
        own ? own.read() : tf.slice(this.inWeight!.read(), [part * e, 0], [e, e]);
      const biasOf = (part: number) => (this.inBias ? tf.slice(this.inBias.read(), [part * e], [e]) : undefined);
      const q = affine(query, weightOf(0, this.qWeight), biasOf(0));
      const k = affine(key, weightOf(1, this.kWeight), biasOf(1));
      const v = affine(value, weightOf(2, this.vWeight), biasOf(2));
      // masks as [B or 1, H or 1, L or 1, S] booleans
      const padding = get("keyPaddingMask");
      const attnMask = get("attnMask");
      const parts: tf.Tensor[] = [];
      if (padding) parts.push(tf.reshape(tf.greater(padding, 0.5), [batch, 1, 1, s]));
      if (attnMask)
        parts.push(tf.reshape(tf.greater(attnMask, 0.5), attnMask.rank === 2 ? [1, 1, l, s] : [batch, heads, l, s]));
      const masked = parts.length === 0 ? undefined : parts.reduce((a, b) => tf.logicalOr(a, b));
      const [merged, weights] = attend(q, k, v, heads, masked, kwargs?.training ? dropout : 0);
      const out = affine(merged, this.outWeight!.read(), this.outBias?.read());
      if (this.settings.inputs === undefined || this.settings.needWeights === false) return out;
      return [out, this.settings.averageAttnWeights === false ? weights : tf.mean(weights, 1)];
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    const { name: _name, trainable: _trainable, ...args } = this.settings;
    return { ...super.getConfig(), ...(args as unknown as tf.serialization.ConfigDict) };
  }
}
tf.serialization.registerClass(MultiheadAttention);
