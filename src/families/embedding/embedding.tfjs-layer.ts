// `shapecheck>Embedding`: PyTorch's embedding with the options tfjs's lacks, in tf ops.
// - paddingIdx: that row starts at zero and its gradient is zero (the table passes through a
//   customGrad that masks the row's gradient), so training leaves it as it is;
// - maxNorm: before each lookup, the rows the input uses whose L2 norm exceeds maxNorm are scaled in
//   the table to maxNorm / (norm + 1e-7), as PyTorch's embedding_renorm_ (no gradient through it).
import * as tf from "@tensorflow/tfjs-core";
import * as tfl from "@tensorflow/tfjs-layers";

type Shape = (number | null)[];

export interface EmbeddingArgs {
  numEmbeddings: number;
  embeddingDim: number;
  /** The row kept at zero (non-negative), or null. */
  paddingIdx: number | null;
  maxNorm: number | null;
  name?: string;
  trainable?: boolean;
}

export class TorchEmbedding extends tfl.layers.Layer {
  static className = "shapecheck>Embedding";
  readonly settings: EmbeddingArgs;
  private table?: tfl.LayerVariable;

  constructor(args: EmbeddingArgs) {
    super({ name: args.name, trainable: args.trainable });
    this.settings = args;
  }

  /** 1 for every row but paddingIdx's, [numEmbeddings, 1]. */
  private rowMask(): tf.Tensor {
    const { numEmbeddings, paddingIdx } = this.settings;
    return tf.reshape(tf.sub(1, tf.oneHot(tf.tensor1d([paddingIdx!], "int32"), numEmbeddings)), [numEmbeddings, 1]);
  }

  override build(): void {
    const { numEmbeddings, embeddingDim, paddingIdx } = this.settings;
    this.table = this.addWeight(
      "embeddings",
      [numEmbeddings, embeddingDim],
      "float32",
      tfl.initializers.randomNormal({ mean: 0, stddev: 1 }),
    );
    if (paddingIdx !== null) this.table.write(tf.tidy(() => tf.mul(this.table!.read(), this.rowMask())));
    this.built = true;
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape {
    return [...(inputShape as Shape), this.settings.embeddingDim];
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    const x = Array.isArray(inputs) ? inputs[0]! : inputs;
    const { paddingIdx, maxNorm } = this.settings;
    return tf.tidy(() => {
      const indices = tf.cast(x, "int32");
      if (maxNorm !== null) this.renormalize(indices, maxNorm);
      let table = this.table!.read();
      if (paddingIdx !== null) {
        const mask = this.rowMask();
        const maskedGradient = (t: tf.Tensor) => ({
          value: tf.clone(t),
          gradFunc: (dy: tf.Tensor) => tf.mul(dy, mask),
        });
        table = tf.customGrad(maskedGradient as never)(table);
      }
      return tf.reshape(tf.gather(table, tf.reshape(indices, [-1])), [...x.shape, this.settings.embeddingDim]);
    });
  }

  /** PyTorch's embedding_renorm_: the used rows longer than maxNorm, scaled to it in the table. */
  private renormalize(indices: tf.Tensor, maxNorm: number): void {
    tf.tidy(() => {
      const table = this.table!.read();
      const used = tf.greater(tf.sum(tf.oneHot(tf.reshape(indices, [-1]), this.settings.numEmbeddings), 0), 0);
      const norms = tf.norm(table, 2, 1);
      const scale = tf.where(
        tf.logicalAnd(used, tf.greater(norms, maxNorm)),
        tf.div(maxNorm, tf.add(norms, 1e-7)),
        tf.onesLike(norms),
      );
      this.table!.write(tf.mul(table, tf.expandDims(scale, 1)));
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    const { name: _name, trainable: _trainable, ...args } = this.settings;
    return { ...super.getConfig(), ...args };
  }
}
tf.serialization.registerClass(TorchEmbedding);
