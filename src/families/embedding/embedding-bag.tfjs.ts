// embeddingBag → shapecheck's EmbeddingBag layer; PyTorch's weight [numEmbeddings, embeddingDim] as it is.
import * as tf from "@tensorflow/tfjs-core";
import type * as tfl from "@tensorflow/tfjs-layers";
import type { Converter } from "../../runtime/convert/context.ts";
import type { EmbeddingBagConfig } from "./embedding-bag.nn.ts";
import { TorchEmbeddingBag } from "./embedding-bag.tfjs-layer.ts";

export const embeddingBag: Converter<EmbeddingBagConfig> = {
  layout: () => "first",
  convert(layer, ctx) {
    const { numEmbeddings, embeddingDim, mode, paddingIdx } = layer;
    const name = ctx.name();
    const y = new TorchEmbeddingBag({ numEmbeddings, embeddingDim, mode, paddingIdx, name }).apply(
      ctx.x,
    ) as tfl.SymbolicTensor;
    return {
      y,
      layout: "first",
      params: [
        {
          key: `${ctx.path}.weight`,
          layer: name,
          weight: "weight",
          shape: [numEmbeddings, embeddingDim],
          toTfjs: (w: tf.Tensor) => tf.clone(w),
          fromTfjs: (w: tf.Tensor) => tf.clone(w),
        },
      ],
    };
  },
};
