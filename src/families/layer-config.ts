// Every layer's config, as one union keyed by `kind`: what a builder puts in its runtime object and
// what conversion (src/runtime/convert/index.ts) and explain (src/explain/kinds/index.ts) read. Each
// family declares its config type next to its builder (`ConvConfig` in conv.nn.ts, …) and adds it
// here; both registries are typed `{ [K in LayerKind]: …<ConfigOf<K>> }`, so a kind without a
// converter or an explainer does not compile.
import type { RuntimeLayer } from "../model/layer.ts";
import type { TfActivationConfig, TfDropoutConfig } from "./activation/tf-dropout-activation.layers.ts";
import type { TfDenseConfig } from "./linear/tf-dense.layers.ts";
import type { TfFlattenConfig } from "./reshape/tf-flatten.layers.ts";
import type { TfPermuteConfig, TfReshapeConfig } from "./reshape/tf-reshape.layers.ts";
import type { ActivationConfig } from "./activation/activation.nn.ts";
import type { ExtraActivationConfig, PReLUConfig } from "./activation/extra-activations.nn.ts";
import type { ShuffleConfig } from "./shuffle/shuffle.nn.ts";
import type { PadConfig } from "./padding/torch-pad.nn.ts";
import type { ExtraDropoutConfig } from "./activation/extra-dropout.nn.ts";
import type { GroupNormConfig } from "./normalization/group-norm.nn.ts";
import type { InstanceNormConfig } from "./normalization/instance-norm.nn.ts";
import type { UpsampleConfig } from "./upsample/upsample.nn.ts";
import type { RReLUConfig } from "./activation/rrelu.nn.ts";
import type { EmbeddingBagConfig } from "./embedding/embedding-bag.nn.ts";
import type { LocalResponseNormConfig } from "./normalization/local-response-norm.nn.ts";
import type { MultiheadAttentionConfig } from "./attention/attention.nn.ts";
import type { BilinearConfig } from "./linear/bilinear.nn.ts";
import type { AdaptiveLogSoftmaxWithLossConfig } from "./activation/adaptive-log-softmax.nn.ts";
import type * as transformer from "./transformer/transformer.nn.ts";
import type { ConcatConfig, NestedSequentialConfig, ResidualConfig } from "./blocks/blocks.nn.ts";
import type { ConvTransposeConfig, LazyConvTransposeConfig } from "./conv/conv-transpose.nn.ts";
import type { ConvConfig, LazyConvConfig } from "./conv/conv.nn.ts";
import type { TfConvConfig } from "./conv/tf-conv.layers.ts";
import type { UnfoldConfig } from "./conv/unfold.nn.ts";
import type { FoldConfig } from "./conv/fold.nn.ts";
import type { TfConvTransposeConfig } from "./conv/tf-conv-transpose.layers.ts";
import type { TfDepthwiseConvConfig } from "./conv/tf-depthwise-conv.layers.ts";
import type { EmbeddingConfig } from "./embedding/embedding.nn.ts";
import type { TfEmbeddingConfig } from "./embedding/tf-embedding.layers.ts";
import type { LazyLinearConfig, LinearConfig } from "./linear/linear.nn.ts";
import type { BatchNormConfig } from "./normalization/batch-norm.nn.ts";
import type { LayerNormConfig } from "./normalization/layer-norm.nn.ts";
import type { TfBatchNormalizationConfig } from "./normalization/tf-normalization.layers.ts";
import type { TfUpSamplingConfig, TfZeroPaddingConfig } from "./padding/tf-padding.layers.ts";
import type { AdaptivePoolConfig } from "./pool/adaptive-pool.nn.ts";
import type { PoolConfig } from "./pool/pool.nn.ts";
import type { LpPoolConfig } from "./pool/lp-pool.nn.ts";
import type { TfGlobalPoolConfig, TfPoolConfig } from "./pool/tf-pool.layers.ts";
import type { RecurrentConfig } from "./recurrent/recurrent.nn.ts";
import type { RecurrentCellConfig } from "./recurrent/rnn-cell.nn.ts";
import type { FlattenConfig } from "./reshape/flatten.nn.ts";
import type { UnflattenConfig } from "./reshape/unflatten.nn.ts";
import type {
  TfELUConfig,
  TfLeakyReLUConfig,
  TfPReLUConfig,
  TfReLUConfig,
  TfSoftmaxConfig,
  TfThresholdedReLUConfig,
} from "./activation/tf-activation.layers.ts";
import type {
  TfAlphaDropoutConfig,
  TfGaussianDropoutConfig,
  TfGaussianNoiseConfig,
  TfSpatialDropout1DConfig,
} from "./noise/tf-noise.layers.ts";
import type { TfMaskingConfig } from "./masking/tf-masking.layers.ts";
import type { TfRescalingConfig } from "./preprocessing/tf-rescaling.layers.ts";
import type { TfLayerNormalizationConfig } from "./normalization/tf-layer-norm.layers.ts";
import type { TfPool3DConfig } from "./pool/tf-pool3d.layers.ts";
import type { TfCroppingConfig } from "./padding/tf-cropping.layers.ts";
import type { TfRepeatVectorConfig } from "./reshape/tf-repeat-vector.layers.ts";
import type {
  TfCategoryEncodingConfig,
  TfCenterCropConfig,
  TfRandomWidthConfig,
  TfResizingConfig,
} from "./preprocessing/tf-preprocessing.layers.ts";
import type { TfConvLstmConfig, TfRecurrentConfig } from "./recurrent/tf-recurrent.layers.ts";
import type { TfWrapperConfig } from "./recurrent/tf-wrappers.layers.ts";
import type { ModelLayerConfig } from "../model/model-as-layer.ts";
import type { CustomConfig } from "./custom/define-layer.ts";

/** What every config holds: its kind (the discriminant), its written form and its runtime shape rule. */
export interface KindConfig<Kind extends string> extends RuntimeLayer {
  readonly kind: Kind;
}

/** A layer of the `layers` vocabulary (tfjs's own layers): its kind is tfjs's class name, `args` tfjs's arguments. */
export interface TfjsConfig<Kind extends string, Args extends object> extends KindConfig<Kind> {
  readonly args: Args;
}

/** Every layer kind's config. A new family adds its config here (and a converter and an explainer per kind). */
export type LayerConfig =
  // nn (PyTorch's vocabulary)
  | ConvConfig
  | LazyConvConfig
  | UnfoldConfig
  | FoldConfig
  | ConvTransposeConfig
  | LazyConvTransposeConfig
  | PoolConfig
  | AdaptivePoolConfig
  | LpPoolConfig
  | FlattenConfig
  | UnflattenConfig
  | LinearConfig
  | LazyLinearConfig
  | ActivationConfig
  | ExtraActivationConfig
  | PReLUConfig
  | InstanceNormConfig
  | UpsampleConfig
  | RReLUConfig
  | EmbeddingBagConfig
  | ShuffleConfig
  | PadConfig
  | ExtraDropoutConfig
  | GroupNormConfig
  | LocalResponseNormConfig
  | BatchNormConfig
  | LayerNormConfig
  | EmbeddingConfig
  | RecurrentConfig
  | RecurrentCellConfig
  | MultiheadAttentionConfig
  | BilinearConfig
  | AdaptiveLogSoftmaxWithLossConfig
  | transformer.TransformerEncoderLayerConfig
  | transformer.TransformerEncoderConfig
  | transformer.TransformerDecoderLayerConfig
  | transformer.TransformerDecoderConfig
  | transformer.TransformerConfig
  | ResidualConfig
  | ConcatConfig
  | NestedSequentialConfig
  | ModelLayerConfig // a model used as a layer (src/model/model-as-layer.ts)
  // layers (TensorFlow.js's vocabulary)
  | TfConvConfig
  | TfConvTransposeConfig
  | TfDepthwiseConvConfig
  | TfPoolConfig
  | TfGlobalPoolConfig
  | TfDenseConfig
  | TfFlattenConfig
  | TfReshapeConfig
  | TfPermuteConfig
  | TfDropoutConfig
  | TfActivationConfig
  | TfBatchNormalizationConfig
  | TfEmbeddingConfig
  | TfZeroPaddingConfig
  | TfUpSamplingConfig
  // layers, issue 16 group 1: activations, dropouts and noise, masking, rescaling, layerNormalization
  | TfReLUConfig
  | TfLeakyReLUConfig
  | TfELUConfig
  | TfThresholdedReLUConfig
  | TfPReLUConfig
  | TfSoftmaxConfig
  | TfSpatialDropout1DConfig
  | TfGaussianNoiseConfig
  | TfGaussianDropoutConfig
  | TfAlphaDropoutConfig
  | TfMaskingConfig
  | TfRescalingConfig
  | TfLayerNormalizationConfig
  | TfPool3DConfig
  | TfCroppingConfig
  | TfRepeatVectorConfig
  | TfResizingConfig
  | TfCenterCropConfig
  | TfRandomWidthConfig
  | TfCategoryEncodingConfig
  | TfRecurrentConfig
  | TfConvLstmConfig
  | TfWrapperConfig
  // users' own layers (defineLayer)
  | CustomConfig;

/** Every layer kind: `"conv2d"`, `"lstm"`, `"MaxPooling2D"`, …. */
export type LayerKind = LayerConfig["kind"];

/** The config of one kind (or of a union of kinds): the configs whose kinds include it. */
export type ConfigOf<Kind extends LayerKind> = LayerConfig extends infer Config
  ? Config extends LayerConfig
    ? [Extract<Config["kind"], Kind>] extends [never]
      ? never
      : Config
    : never
  : never;

/** The kinds that hold layers (explained by their branches, src/explain/explain.ts, not by an explainer). */
export type BlockKind = "residual" | "concat" | "nestedSequential" | "model";
