// `shapecheck>Transformer`: PyTorch 1.13's TransformerEncoderLayer / TransformerEncoder /
// TransformerDecoderLayer / TransformerDecoder / Transformer (batch first) in tf ops, gradients by
// autodiff. Its weights are PyTorch's state_dict entries under their own keys (transformerParams:
// `layers.0.self_attn.in_proj_weight`, …), so conversion maps each key to the weight of that name.
//   encoder layer: x = norm1(x + sa(x)); x = norm2(x + ff(x))   (normFirst: x + sa(norm1(x)), …)
//   decoder layer: x = norm1(x + sa(x)); x = norm2(x + mha(x, memory)); x = norm3(x + ff(x))
//   ff(x) = linear2(dropout(activation(linear1(x)))), each sublayer's output through dropout.
// Inputs by name (`inputs`): src / tgt / memory and the masks (PyTorch's boolean masks: > 0.5 is true).
import * as tf from "@tensorflow/tfjs-core";
import * as tfl from "@tensorflow/tfjs-layers";
import { attend } from "../attention/attention.tfjs-layer.ts";
import { transformerParams, type TransformerModule } from "./transformer.ts";

type Shape = (number | null)[];

/** The module (role "encoder": src → src's shape; "decoder": tgt, memory → tgt's; "transformer": src, tgt → tgt's). */
export interface TransformerArgs extends TransformerModule {
  /** The input names, in order; default ["src"]. */
  readonly inputs?: readonly string[];
  readonly name?: string;
  readonly trainable?: boolean;
}

const linear = (x: tf.Tensor, w: tf.Tensor, b: tf.Tensor): tf.Tensor => {
  const [batch, steps, features] = x.shape as [number, number, number];
  const y = tf.matMul(tf.reshape(x, [batch * steps, features]) as tf.Tensor2D, w as tf.Tensor2D, false, true);
  return tf.add(tf.reshape(y, [batch, steps, w.shape[0]!]), b);
};
const layerNorm = (x: tf.Tensor, gamma: tf.Tensor, beta: tf.Tensor, eps: number): tf.Tensor => {
  const { mean, variance } = tf.moments(x, -1, true);
  return tf.add(tf.mul(tf.div(tf.sub(x, mean), tf.sqrt(tf.add(variance, eps))), gamma), beta);
};
const gelu = (x: tf.Tensor): tf.Tensor => tf.mul(tf.mul(x, 0.5), tf.add(1, tf.erf(tf.mul(x, Math.SQRT1_2))));

export class Transformer extends tfl.layers.Layer {
  static className = "shapecheck>Transformer";
  readonly settings: TransformerArgs;
  private params = new Map<string, tfl.LayerVariable>();

  constructor(args: TransformerArgs) {
    super({ name: args.name, trainable: args.trainable });
    this.settings = args;
  }

  override build(): void {
    const { dModel: e, structure, xavier } = this.settings;
    const uniform = (bound: number) => tfl.initializers.randomUniform({ minval: -bound, maxval: bound });
    for (const [key, shape] of transformerParams(this.settings, structure)) {
      // PyTorch's initialization: attention in_proj Xavier-uniform, biases of attention 0, Linear's
      // U(−1/√in, 1/√in) (weight and bias), LayerNorm 1 and 0; nn.Transformer: every matrix Xavier.
      const isNorm = /norm\d?\.(weight|bias)$/.test(key);
      const init = isNorm
        ? key.endsWith("weight")
          ? tfl.initializers.ones()
          : tfl.initializers.zeros()
        : shape.length === 2 && (xavier || key.endsWith("in_proj_weight"))
          ? uniform(Math.sqrt(6 / (shape[0]! + shape[1]!)))
          : /attn\.(in_proj_bias|out_proj\.bias)$/.test(key)
            ? tfl.initializers.zeros()
            : uniform(1 / Math.sqrt(key.includes("linear2") ? this.settings.dimFeedforward : e));
      this.params.set(key, this.addWeight(key, shape, "float32", init));
    }
    this.built = true;
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape {
    const shapes = (Array.isArray(inputShape[0]) ? inputShape : [inputShape]) as Shape[];
    const names = this.settings.inputs ?? ["src"];
    const main = shapes[names.indexOf(this.settings.role === "encoder" ? "src" : "tgt")]!;
    return [main[0]!, main[1]!, this.settings.dModel];
  }

  private p(key: string): tf.Tensor {
    return this.params.get(key)!.read();
  }

  private attention(prefix: string, q: tf.Tensor, kv: tf.Tensor, masked: tf.Tensor | undefined, drop: number) {
    const e = this.settings.dModel;
    const w = this.p(`${prefix}in_proj_weight`);
    const b = this.p(`${prefix}in_proj_bias`);
    const part = (i: number, x: tf.Tensor) => linear(x, tf.slice(w, [i * e, 0], [e, e]), tf.slice(b, [i * e], [e]));
    const [merged] = attend(part(0, q), part(1, kv), part(2, kv), this.settings.nhead, masked, drop);
    return linear(merged, this.p(`${prefix}out_proj.weight`), this.p(`${prefix}out_proj.bias`));
  }

  private feedforward(prefix: string, x: tf.Tensor, drop: (t: tf.Tensor) => tf.Tensor): tf.Tensor {
    const hidden = linear(x, this.p(`${prefix}linear1.weight`), this.p(`${prefix}linear1.bias`));
    const active = this.settings.activation === "gelu" ? gelu(hidden) : tf.relu(hidden);
    return linear(drop(active), this.p(`${prefix}linear2.weight`), this.p(`${prefix}linear2.bias`));
  }

  private norm(prefix: string, x: tf.Tensor, eps = this.settings.layerNormEps): tf.Tensor {
    return layerNorm(x, this.p(`${prefix}weight`), this.p(`${prefix}bias`), eps);
  }

  private encoderLayer(p: string, x: tf.Tensor, masked: tf.Tensor | undefined, training: boolean): tf.Tensor {
    const rate = training ? this.settings.dropout : 0;
    const drop = (t: tf.Tensor) => (rate > 0 ? tf.dropout(t, rate) : t);
    const sa = (t: tf.Tensor) => drop(this.attention(`${p}self_attn.`, t, t, masked, rate));
    const ff = (t: tf.Tensor) => drop(this.feedforward(p, t, drop));
    if (this.settings.normFirst) {
      x = tf.add(x, sa(this.norm(`${p}norm1.`, x)));
      return tf.add(x, ff(this.norm(`${p}norm2.`, x)));
    }
    x = this.norm(`${p}norm1.`, tf.add(x, sa(x)));
    return this.norm(`${p}norm2.`, tf.add(x, ff(x)));
  }

  private decoderLayer(
    p: string,
    x: tf.Tensor,
    memory: tf.Tensor,
    selfMasked: tf.Tensor | undefined,
    memoryMasked: tf.Tensor | undefined,
    training: boolean,
  ): tf.Tensor {
    const rate = training ? this.settings.dropout : 0;
    const drop = (t: tf.Tensor) => (rate > 0 ? tf.dropout(t, rate) : t);
    const sa = (t: tf.Tensor) => drop(this.attention(`${p}self_attn.`, t, t, selfMasked, rate));
    const mha = (t: tf.Tensor) => drop(this.attention(`${p}multihead_attn.`, t, memory, memoryMasked, rate));
    const ff = (t: tf.Tensor) => drop(this.feedforward(p, t, drop));
    if (this.settings.normFirst) {
      x = tf.add(x, sa(this.norm(`${p}norm1.`, x)));
      x = tf.add(x, mha(this.norm(`${p}norm2.`, x)));
      return tf.add(x, ff(this.norm(`${p}norm3.`, x)));
    }
    x = this.norm(`${p}norm1.`, tf.add(x, sa(x)));
    x = this.norm(`${p}norm2.`, tf.add(x, mha(x)));
    return this.norm(`${p}norm3.`, tf.add(x, ff(x)));
  }

  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: { training?: boolean }): tf.Tensor {
    const xs = Array.isArray(inputs) ? inputs : [inputs];
    const names = this.settings.inputs ?? ["src"];
    const get = (name: string) => (names.includes(name) ? xs[names.indexOf(name)]! : undefined);
    const training = Boolean(kwargs?.training);
    const { nhead, structure } = this.settings;
    return tf.tidy(() => {
      /** The attention mask and key padding mask as booleans [B or 1, H or 1, L, S]. */
      const maskOf = (attn: string, padding: string, l: number, s: number, batch: number) => {
        const parts: tf.Tensor[] = [];
        const a = get(attn);
        const k = get(padding);
        if (k) parts.push(tf.reshape(tf.greater(k, 0.5), [batch, 1, 1, s]));
        if (a) parts.push(tf.reshape(tf.greater(a, 0.5), a.rank === 2 ? [1, 1, l, s] : [batch, nhead, l, s]));
        return parts.length === 0 ? undefined : parts.reduce((x, y) => tf.logicalOr(x, y));
      };
      let memory = get("memory");
      const src = get("src");
      if (src) {
        const [batch, s] = src.shape as [number, number];
        const masked = maskOf("srcMask", "srcKeyPaddingMask", s, s, batch);
        let x = src;
        for (const p of structure.encoderLayers) x = this.encoderLayer(p, x, masked, training);
        if (structure.encoderNorm !== undefined)
          x = this.norm(structure.encoderNorm, x, this.settings.encoderNormEps ?? this.settings.layerNormEps);
        if (this.settings.role === "encoder") return x;
        memory = x;
      }
      const tgt = get("tgt")!;
      const [batch, t] = tgt.shape as [number, number];
      const s = memory!.shape[1]!;
      const selfMasked = maskOf("tgtMask", "tgtKeyPaddingMask", t, t, batch);
      const memoryMasked = maskOf("memoryMask", "memoryKeyPaddingMask", t, s, batch);
      let x = tgt;
      for (const p of structure.decoderLayers) x = this.decoderLayer(p, x, memory!, selfMasked, memoryMasked, training);
      if (structure.decoderNorm !== undefined)
        x = this.norm(structure.decoderNorm, x, this.settings.decoderNormEps ?? this.settings.layerNormEps);
      return x;
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    const { name: _name, trainable: _trainable, ...args } = this.settings;
    return { ...super.getConfig(), ...(args as unknown as tf.serialization.ConfigDict) };
  }
}
tf.serialization.registerClass(Transformer);
