// embedding → tfjs embedding: [..., ] integer indices → [..., embeddingDim]; the table is
// [numEmbeddings, embeddingDim] in both. PyTorch's initial table is N(0, 1).
import * as tf from "@tensorflow/tfjs-core";
import * as tfl from "@tensorflow/tfjs-layers";
import { notConvertible, type Converter, type ConvertContext, type LayerConfig } from "./context.ts";

export const embedding: Converter = {
  layout: () => "first",
  convert(layer: LayerConfig, ctx: ConvertContext) {
    if (layer.paddingIdx !== null && layer.paddingIdx !== undefined) throw notConvertible(layer, "TensorFlow.js does not keep a padding row at zero while training");
    if (layer.maxNorm !== null && layer.maxNorm !== undefined) throw notConvertible(layer, "TensorFlow.js embeddings have no maxNorm");
    const numEmbeddings = layer.numEmbeddings as number;
    const embeddingDim = layer.embeddingDim as number;
    const name = ctx.name();
    const y = tfl.layers.embedding({
      inputDim: numEmbeddings, outputDim: embeddingDim, name,
      embeddingsInitializer: tfl.initializers.randomNormal({ mean: 0, stddev: 1 }),
    }).apply(ctx.x) as tfl.SymbolicTensor;
    return {
      y, layout: "first",
      params: [{
        key: `${ctx.path}.weight`, layer: name, weight: "embeddings", shape: [numEmbeddings, embeddingDim],
        toTfjs: (w: tf.Tensor) => tf.clone(w), fromTfjs: (w: tf.Tensor) => tf.clone(w),
      }],
    };
  },
};
