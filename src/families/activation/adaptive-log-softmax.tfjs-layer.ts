// `shapecheck>AdaptiveLogSoftmaxWithLoss`: PyTorch's nn.AdaptiveLogSoftmaxWithLoss in tf ops (gradients by
// autodiff) on its inputs x [n, inFeatures] and target [n] (class indices as numbers):
//   head = log_softmax(x headᵀ (+ bias)) over the shortlist (classes < cutoffs[0]) and one entry per cluster
//   output[r] = head[r, t]                                     when t < cutoffs[0]
//             = head[r, shortlist + i] + log_softmax(x W₀ᵀ W₁ᵀ)[r, t − low]   when t is in cluster i [low, high)
//   loss = mean(−output)
// Every cluster is computed on every row and masked (simple, same result). A target outside [0, nClasses), or
// not an integer, is a DataError, as PyTorch raises (its one-hot would be all zeros: a silent loss of 0).
// Weights in PyTorch's layout: head_weight [shortlist + clusters, in], head_bias, and per cluster
// tail_i_0 [hidden, in], tail_i_1 [size, hidden].
import * as tf from "@tensorflow/tfjs-core";
import * as tfl from "@tensorflow/tfjs-layers";
import { DataError } from "../../runtime/errors.ts";

type Shape = (number | null)[];

export interface AdaptiveLogSoftmaxArgs {
  inFeatures: number;
  nClasses: number;
  cutoffs: number[];
  /** Each cluster's hidden size. */
  hidden: number[];
  headBias: boolean;
  name?: string;
  trainable?: boolean;
}

export class AdaptiveLogSoftmaxWithLoss extends tfl.layers.Layer {
  static className = "shapecheck>AdaptiveLogSoftmaxWithLoss";
  readonly settings: AdaptiveLogSoftmaxArgs;
  private head?: tfl.LayerVariable;
  private headBias?: tfl.LayerVariable;
  private tail: [tfl.LayerVariable, tfl.LayerVariable][] = [];

  constructor(args: AdaptiveLogSoftmaxArgs) {
    super({ name: args.name, trainable: args.trainable });
    this.settings = args;
  }

  /** The class bounds: [0, cutoffs…, nClasses]. */
  private get bounds(): number[] {
    return [0, ...this.settings.cutoffs, this.settings.nClasses];
  }

  override build(): void {
    const { inFeatures: inSize, cutoffs, hidden, headBias } = this.settings;
    // PyTorch: Linear's U(−1/√fanIn, 1/√fanIn).
    const uniform = (fanIn: number) => {
      const bound = fanIn > 0 ? 1 / Math.sqrt(fanIn) : 0;
      return tfl.initializers.randomUniform({ minval: -bound, maxval: bound });
    };
    const headSize = cutoffs[0]! + cutoffs.length;
    this.head = this.addWeight("head_weight", [headSize, inSize], "float32", uniform(inSize));
    if (headBias) this.headBias = this.addWeight("head_bias", [headSize], "float32", uniform(inSize));
    const bounds = this.bounds;
    this.tail = hidden.map((h, i) => [
      this.addWeight(`tail_${i}_0`, [h, inSize], "float32", uniform(inSize)),
      this.addWeight(`tail_${i}_1`, [bounds[i + 2]! - bounds[i + 1]!, h], "float32", uniform(h)),
    ]);
    this.built = true;
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape[] {
    const [x] = inputShape as Shape[];
    return [[x![0]!], []];
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor[] {
    const [x, target] = inputs as [tf.Tensor2D, tf.Tensor];
    const shortlist = this.settings.cutoffs[0]!;
    const headSize = shortlist + this.tail.length;
    const bounds = this.bounds;
    // PyTorch raises on a target outside [0, nClasses); a one-hot of it would be all zeros: a silent loss of 0.
    const { nClasses } = this.settings;
    const values = target.dataSync();
    const bad = values.findIndex((v) => !(Number.isInteger(v) && v >= 0 && v < nClasses));
    if (bad !== -1)
      throw new DataError(
        `adaptiveLogSoftmaxWithLoss: target[${bad}] is ${values[bad]}: targets are class indices in [0, ${nClasses - 1}]`,
        [bad],
      );
    return tf.tidy(() => {
      const t = tf.cast(target, "int32");
      let head = tf.matMul(x, this.head!.read() as tf.Tensor2D, false, true);
      if (this.headBias) head = tf.add(head, this.headBias.read());
      const headLogp = tf.logSoftmax(head);
      // the head's column: the target itself in the shortlist, else its cluster's entry
      let column: tf.Tensor = t;
      let output: tf.Tensor = tf.zeros([x.shape[0]]);
      this.tail.forEach(([w0, w1], i) => {
        const [low, high] = [bounds[i + 1]!, bounds[i + 2]!];
        const inCluster = tf.logicalAnd(tf.greaterEqual(t, low), tf.less(t, high));
        // a hidden size 0 (inFeatures < divValue^(i+1)): PyTorch's empty projections give zero logits
        const logits =
          w0.shape[0] === 0
            ? tf.zeros([x.shape[0], high - low])
            : tf.matMul(tf.matMul(x, w0.read() as tf.Tensor2D, false, true), w1.read() as tf.Tensor2D, false, true);
        const relative = tf.clipByValue(tf.sub(t, low), 0, high - low - 1);
        const local = tf.sum(
          tf.mul(tf.logSoftmax(logits), tf.oneHot(tf.cast(relative, "int32") as tf.Tensor1D, high - low)),
          1,
        );
        output = tf.add(output, tf.where(inCluster, local, tf.zerosLike(local)));
        column = tf.where(inCluster, tf.fill(t.shape, shortlist + i, "int32"), column);
      });
      const fromHead = tf.sum(tf.mul(headLogp, tf.oneHot(column as tf.Tensor1D, headSize)), 1);
      output = tf.add(output, fromHead);
      return [output, tf.mean(tf.neg(output))];
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    const { name: _name, trainable: _trainable, ...args } = this.settings;
    return { ...super.getConfig(), ...(args as unknown as tf.serialization.ConfigDict) };
  }
}
tf.serialization.registerClass(AdaptiveLogSoftmaxWithLoss);
