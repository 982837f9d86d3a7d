// instanceNorm1d/2d/3d, lazyInstanceNorm1d/2d/3d → shapecheck's InstanceNorm layer on a channels-first tensor;
// PyTorch's state_dict: weight, bias (affine), running_mean, running_var, num_batches_tracked (trackRunningStats;
// PyTorch's instance norm never counts batches: kept as given).
import * as tf from "@tensorflow/tfjs-core";
import type * as tfl from "@tensorflow/tfjs-layers";
import { notConvertible, type Converter, type ParamSpec } from "../../runtime/convert/context.ts";
import type { InstanceNormConfig } from "./instance-norm.nn.ts";
import { TorchInstanceNorm } from "./instance-norm.tfjs-layer.ts";

export const instanceNorm: Converter<InstanceNormConfig> = {
  layout: () => "first",
  convert(layer, ctx) {
    const name = ctx.name();
    // lazy: dimension 1 (as PyTorch's, also of an unbatched input); without weights numFeatures is not used
    const numFeatures = layer.numFeatures ?? ctx.input[1];
    if (typeof numFeatures !== "number") throw notConvertible(layer, "the input's dimension 1 is unknown");
    const { spatial, eps, momentum, affine, trackRunningStats } = layer;
    const y = new TorchInstanceNorm({ numFeatures, spatial, eps, momentum, affine, trackRunningStats, name }).apply(
      ctx.x,
    ) as tfl.SymbolicTensor;
    const param = (key: string, weight = key): ParamSpec => ({
      key: `${ctx.path}.${key}`,
      layer: name,
      weight,
      shape: [numFeatures],
      toTfjs: (w: tf.Tensor) => tf.clone(w),
      fromTfjs: (w: tf.Tensor) => tf.clone(w),
    });
    let batchesTracked = 0;
    const params: ParamSpec[] = [
      ...(affine ? [param("weight"), param("bias")] : []),
      ...(trackRunningStats
        ? [
            param("running_mean"),
            param("running_var"),
            {
              ...param("num_batches_tracked", "running_mean"),
              shape: [],
              constant: () => tf.scalar(batchesTracked, "int32"),
              restore: (value: tf.Tensor) => {
                batchesTracked = Math.round(value.dataSync()[0]!);
              },
            },
          ]
        : []),
    ];
    return { y, layout: "first", params };
  },
};
