// embedding → tfjs embedding: [..., ] integer indices → [..., embeddingDim]; the table is
// [numEmbeddings, embeddingDim] in both. PyTorch's initial table is N(0, 1). paddingIdx and maxNorm
// are shapecheck's Embedding layer (embedding.tfjs-layer.ts), with the same weight.
import * as tf from "@tensorflow/tfjs-core";
import * as tfl from "@tensorflow/tfjs-layers";
import { TorchEmbedding } from "./embedding.tfjs-layer.ts";
import type { Converter } from "../../runtime/convert/context.ts";
import type { EmbeddingConfig } from "./embedding.nn.ts";

export const embedding: Converter<EmbeddingConfig> = {
  layout: () => "first",
  convert(layer, ctx) {
    const { numEmbeddings, embeddingDim, paddingIdx: padding, maxNorm } = layer;
    const name = ctx.name();
    const y = (
      padding !== null || maxNorm !== null
        ? new TorchEmbedding({
            numEmbeddings,
            embeddingDim,
            paddingIdx: padding === null || padding >= 0 ? padding : padding + numEmbeddings,
            maxNorm,
            name,
          })
        : tfl.layers.embedding({
            inputDim: numEmbeddings,
            outputDim: embeddingDim,
            name,
            embeddingsInitializer: tfl.initializers.randomNormal({ mean: 0, stddev: 1 }),
          })
    ).apply(ctx.x) as tfl.SymbolicTensor;
    return {
      y,
      layout: "first",
      params: [
        {
          key: `${ctx.path}.weight`,
          layer: name,
          weight: "embeddings",
          shape: [numEmbeddings, embeddingDim],
          toTfjs: (w: tf.Tensor) => tf.clone(w),
          fromTfjs: (w: tf.Tensor) => tf.clone(w),
        },
      ],
    };
  },
};
