// `shapecheck>EmbeddingBag`: PyTorch's embedding_bag on [bags, n] indices, in tf ops: the rows gathered, entries of
// paddingIdx left out, then per bag their sum, mean (over the entries kept) or max; a bag with no entry gives zeros.
import * as tf from "@tensorflow/tfjs-core";
import * as tfl from "@tensorflow/tfjs-layers";

export interface EmbeddingBagArgs {
  numEmbeddings: number;
  embeddingDim: number;
  mode: "sum" | "mean" | "max";
  paddingIdx: number | null;
  name?: string;
  trainable?: boolean;
}

export class TorchEmbeddingBag extends tfl.layers.Layer {
  static className = "shapecheck>EmbeddingBag";
  readonly settings: EmbeddingBagArgs;
  private table?: tfl.LayerVariable;

  constructor(args: EmbeddingBagArgs) {
    super({ name: args.name, trainable: args.trainable });
    this.settings = args;
  }

  override build(): void {
    const { numEmbeddings, embeddingDim } = this.settings;
    const init = tfl.initializers.randomNormal({ mean: 0, stddev: 1 });
    this.table = this.addWeight("weight", [numEmbeddings, embeddingDim], "float32", init);
    this.built = true;
  }

  override computeOutputShape(inputShape: tfl.Shape | tfl.Shape[]): tfl.Shape {
    return [(inputShape as tfl.Shape)[0]!, this.settings.embeddingDim];
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    const x = Array.isArray(inputs) ? inputs[0]! : inputs;
    const { mode, paddingIdx, embeddingDim } = this.settings;
    return tf.tidy(() => {
      const indices = tf.cast(x, "int32");
      const [bags, n] = indices.shape as [number, number];
      const rows = tf.reshape(tf.gather(this.table!.read(), tf.reshape(indices, [-1])), [bags, n, embeddingDim]);
      const kept = paddingIdx === null ? tf.onesLike(indices) : tf.cast(tf.notEqual(indices, paddingIdx), "int32");
      const mask = tf.expandDims(tf.cast(kept, "float32"), 2);
      const count = tf.sum(mask, 1);
      if (mode === "max") {
        const best = tf.max(tf.add(tf.mul(rows, mask), tf.mul(tf.sub(mask, 1), 1e30)), 1);
        return tf.where(tf.greater(tf.tile(count, [1, embeddingDim]), 0), best, tf.zerosLike(best));
      }
      const sum = tf.sum(tf.mul(rows, mask), 1);
      return mode === "sum" ? sum : tf.div(sum, tf.maximum(count, 1));
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    const { name: _name, trainable: _trainable, ...args } = this.settings;
    return { ...super.getConfig(), ...args };
  }
}
tf.serialization.registerClass(TorchEmbeddingBag);
