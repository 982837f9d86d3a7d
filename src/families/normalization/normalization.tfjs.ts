// batchNorm1d/2d (and syncBatchNorm, lazyBatchNorm1d/2d, one process) → tfjs batchNormalization over the channel
// axis, last (channels-last on 3+ dimensions); batchNorm3d and any rank above 4: shapecheck's BatchNorm;
// layerNorm → tfjs layerNormalization over the last dimensions (PyTorch's order).
// PyTorch's momentum m (new = (1 − m)·old + m·batch) is tfjs's 1 − m. In training, tfjs updates the
// running variance with the biased batch variance, PyTorch with the unbiased one (a factor n/(n − 1)).
// trackRunningStats false (batch statistics always) and momentum null (the cumulative average) are
// shapecheck's BatchNorm layer (batch-norm.tfjs-layer.ts), whose num_batches_tracked is a weight.
import * as tf from "@tensorflow/tfjs-core";
import * as tfl from "@tensorflow/tfjs-layers";
import { TorchBatchNorm } from "./batch-norm.tfjs-layer.ts";
import { notConvertible, type Converter, type ConvertContext, type ParamSpec } from "../../runtime/convert/context.ts";
import { physicalAxis } from "../../runtime/convert/layout.ts";
import type { BatchNormConfig } from "./batch-norm.nn.ts";
import type { LayerNormConfig } from "./layer-norm.nn.ts";

const same = (ctx: ConvertContext, key: string, layer: string, weight: string, shape: number[]): ParamSpec => ({
  key: `${ctx.path}.${key}`,
  layer,
  weight,
  shape,
  toTfjs: (value) => tf.clone(value),
  fromTfjs: (value) => tf.clone(value),
});

/**
 * shapecheck's BatchNorm (batch-norm.tfjs-layer.ts): trackRunningStats false, momentum null, rank 5+, and the kinds
 * added with issue 16 (batchNorm3d, syncBatchNorm, the lazy ones), whose training updates running_var with the
 * unbiased variance as PyTorch's (tfjs's own layer, kept for batchNorm1d/2d, uses the biased one).
 */
const isTorchBatchNorm = (layer: BatchNormConfig, rank: number): boolean =>
  (layer.kind !== "batchNorm1d" && layer.kind !== "batchNorm2d") ||
  layer.trackRunningStats === false ||
  layer.momentum === null ||
  rank > 4;

export const batchNorm: Converter<BatchNormConfig> = {
  // tfjs's BatchNormalization is right only with the channels on the last axis: on another axis
  // (channels-first [N, C, L] or [N, C, H, W], e.g. a batch norm on the model's input) its kernel reads
  // the per-channel statistics, gamma and beta cyclically along the last axis (tf.batchNorm broadcasts
  // a [C] vector over the last axis only), so elements got other channels' statistics. On 3+
  // dimensions it runs channels-last; shapecheck's BatchNorm broadcasts on any axis.
  layout: (layer, input) => (input.length < 3 || isTorchBatchNorm(layer, input.length) ? "any" : "last"),
  convert(layer, ctx) {
    const { affine, momentum, trackRunningStats, eps } = layer;
    // lazy: the input's channels
    const numFeatures = layer.numFeatures ?? ctx.input[1];
    if (typeof numFeatures !== "number") throw notConvertible(layer, "the input's channels (dimension 1) are unknown");
    const axis = physicalAxis(1, ctx.input.length, ctx.layout);
    if (isTorchBatchNorm(layer, ctx.input.length)) {
      const name = ctx.name();
      const y = new TorchBatchNorm({ axis, eps, affine, trackRunningStats, momentum, name }).apply(
        ctx.x,
      ) as tfl.SymbolicTensor;
      const params: ParamSpec[] = [
        ...(affine
          ? [same(ctx, "weight", name, "gamma", [numFeatures]), same(ctx, "bias", name, "beta", [numFeatures])]
          : []),
        ...(trackRunningStats
          ? [
              same(ctx, "running_mean", name, "running_mean", [numFeatures]),
              same(ctx, "running_var", name, "running_var", [numFeatures]),
              {
                ...same(ctx, "num_batches_tracked", name, "num_batches_tracked", []),
                fromTfjs: (n: tf.Tensor) => tf.cast(n, "int32"),
              },
            ]
          : []),
      ];
      return { y, params };
    }
    if (axis !== ctx.input.length - 1)
      throw new Error(
        `toTfjs: ${layer.written}: TensorFlow.js's batch norm needs the channels last (axis ${axis} of ${ctx.input.length})`,
      );
    const name = ctx.name();
    // num_batches_tracked: tfjs's layer keeps no counter (it does not change the function when momentum
    // is a number). stateDict() gives back the value loadStateDict() was given, as PyTorch's state_dict
    // round trip does (0 before any); training does not count batches, and save/load does not keep it.
    let batchesTracked = 0;
    const y = tfl.layers
      .batchNormalization({
        axis,
        momentum: 1 - (momentum ?? 0.1),
        epsilon: eps,
        center: affine,
        scale: affine,
        name,
      })
      .apply(ctx.x) as tfl.SymbolicTensor;
    const params: ParamSpec[] = [
      ...(affine
        ? [same(ctx, "weight", name, "gamma", [numFeatures]), same(ctx, "bias", name, "beta", [numFeatures])]
        : []),
      same(ctx, "running_mean", name, "moving_mean", [numFeatures]),
      same(ctx, "running_var", name, "moving_variance", [numFeatures]),
      {
        ...same(ctx, "num_batches_tracked", name, "moving_mean", []),
        constant: () => tf.scalar(batchesTracked, "int32"),
        restore: (value: tf.Tensor) => {
          batchesTracked = Math.round(value.dataSync()[0]!);
        },
      },
    ];
    return { y, params };
  },
};

export const layerNorm: Converter<LayerNormConfig> = {
  layout: (_layer, input) => (input.length < 3 ? "any" : "first"),
  convert(layer, ctx) {
    const shape = layer.normalizedShape;
    const sizes = typeof shape === "number" ? [shape] : [...shape];
    const affine = layer.elementwiseAffine;
    const rank = ctx.input.length;
    const axis = sizes.map((_, i) => rank - sizes.length + i);
    const name = ctx.name();
    const y = tfl.layers
      .layerNormalization({
        axis,
        epsilon: layer.eps,
        center: affine,
        scale: affine,
        name,
      })
      .apply(ctx.x) as tfl.SymbolicTensor;
    const params = affine ? [same(ctx, "weight", name, "gamma", sizes), same(ctx, "bias", name, "beta", sizes)] : [];
    return { y, params };
  },
};
