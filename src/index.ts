export type {
  Add,
  Sub,
  Mul,
  FloorDiv,
  CeilDiv,
  Mod,
  Compare,
  Max,
  Min,
  Product,
  Invalid,
} from "../types/arith/index.ts";
export type { Dim, Shape } from "../types/shape/dims.ts";
export type { Layer, ShapeRule, SameShape } from "../types/model/layer.ts";
export type { AnyLayer } from "./model/layer.ts";
export { ShapeError } from "./errors.ts";
export { input, type Input } from "./model/input.ts";
export { sequential, type Sequential, type OutputShape, type ShapeTrace, type Model } from "./model/sequential.ts";
export type { RuntimeShape, RuntimeDim } from "./shape/dims.ts";
export { nn } from "./nn/object.ts";
export type {
  Conv1d,
  Conv2d,
  Conv3d,
  ConvOptions,
  LazyConv1d,
  LazyConv2d,
  LazyConv3d,
} from "./families/conv/conv.nn.ts";
export type { Unfold, UnfoldOptions } from "./families/conv/unfold.nn.ts";
export type { Fold } from "./families/conv/fold.nn.ts";
export type {
  MaxPool1d,
  MaxPool2d,
  MaxPool3d,
  AvgPool1d,
  AvgPool2d,
  AvgPool3d,
  PoolOptions,
} from "./families/pool/pool.nn.ts";
export type { Flatten } from "./families/reshape/flatten.nn.ts";
export type { Linear, LazyLinear } from "./families/linear/linear.nn.ts";
export type { Bilinear, BilinearOptions } from "./families/linear/bilinear.nn.ts";
export type {
  AdaptiveLogSoftmaxWithLoss,
  AdaptiveLogSoftmaxWithLossOptions,
} from "./families/activation/adaptive-log-softmax.nn.ts";
export type {
  ReLU,
  LeakyReLU,
  GELU,
  Sigmoid,
  Tanh,
  Identity,
  Dropout,
  Dropout2d,
  Softmax,
  LogSoftmax,
} from "./families/activation/activation.nn.ts";
export type { Residual, Concat, ResidualOptions } from "./families/blocks/blocks.nn.ts";
export type { Repeat } from "./families/blocks/repeat.nn.ts";
export type { NestedSequential } from "./families/blocks/sequential.nn.ts";
export type {
  ReLU6,
  Hardswish,
  Hardsigmoid,
  SiLU,
  Mish,
  ELU,
  SELU,
  CELU,
  Softplus,
  Softsign,
  Hardtanh,
  LogSigmoid,
  Tanhshrink,
  Softshrink,
  Hardshrink,
  Threshold,
  PReLU,
  GLU,
  Softmax2d,
  Softmin,
} from "./families/activation/extra-activations.nn.ts";
export type { PixelShuffle, PixelUnshuffle, ChannelShuffle } from "./families/shuffle/shuffle.nn.ts";
export type {
  ZeroPad1d,
  ZeroPad2d,
  ZeroPad3d,
  ConstantPad1d,
  ConstantPad2d,
  ConstantPad3d,
  ReflectionPad1d,
  ReflectionPad2d,
  ReflectionPad3d,
  ReplicationPad1d,
  ReplicationPad2d,
  ReplicationPad3d,
} from "./families/padding/torch-pad.nn.ts";
export type {
  Dropout1d,
  Dropout3d,
  AlphaDropout,
  FeatureAlphaDropout,
} from "./families/activation/extra-dropout.nn.ts";
export type { GroupNorm } from "./families/normalization/group-norm.nn.ts";
export type { LocalResponseNorm } from "./families/normalization/local-response-norm.nn.ts";
export type { Symbolic, GraphNode } from "./model/symbolic.ts";
export { graph, type Graph } from "./model/graph.ts";
export { named, type Named } from "./model/model-as-layer.ts";
export * as ops from "./model/ops.ts";
export * as einops from "./ops/einops-namespace.ts";
export type {
  ConvTranspose1d,
  ConvTranspose2d,
  ConvTranspose3d,
  ConvTransposeOptions,
  LazyConvTranspose1d,
  LazyConvTranspose2d,
  LazyConvTranspose3d,
} from "./families/conv/conv-transpose.nn.ts";
export type {
  AdaptiveAvgPool1d,
  AdaptiveAvgPool2d,
  AdaptiveAvgPool3d,
  AdaptiveMaxPool1d,
  AdaptiveMaxPool2d,
  AdaptiveMaxPool3d,
} from "./families/pool/adaptive-pool.nn.ts";
export type { LpPool1d, LpPool2d, LpPoolOptions } from "./families/pool/lp-pool.nn.ts";
export type { Unflatten } from "./families/reshape/unflatten.nn.ts";
export type { BatchNorm1d, BatchNorm2d, BatchNormOptions } from "./families/normalization/batch-norm.nn.ts";
export type { InstanceNorm, InstanceNormKind, InstanceNormOptions } from "./families/normalization/instance-norm.nn.ts";
export type { Upsample, UpsampleKind, UpsampleOptions } from "./families/upsample/upsample.nn.ts";
export type { RReLU } from "./families/activation/rrelu.nn.ts";
export type { EmbeddingBag, EmbeddingBagOptions } from "./families/embedding/embedding-bag.nn.ts";
export type {
  BatchNorm3d,
  SyncBatchNorm,
  LazyBatchNorm,
  LazyBatchNormKind,
} from "./families/normalization/batch-norm.nn.ts";
export type { LayerNorm, LayerNormOptions } from "./families/normalization/layer-norm.nn.ts";
export type { Embedding, EmbeddingOptions } from "./families/embedding/embedding.nn.ts";
export type { LSTM, GRU, RNN, LSTMOptions, GRUOptions, RNNOptions } from "./families/recurrent/recurrent.nn.ts";
export type { RNNCell, LSTMCell, GRUCell } from "./families/recurrent/rnn-cell.nn.ts";
export type { MultiheadAttention, MultiheadAttentionOptions } from "./families/attention/attention.nn.ts";
export type {
  Transformer,
  TransformerDecoder,
  TransformerDecoderLayer,
  TransformerEncoder,
  TransformerEncoderLayer,
  TransformerLayerOptions,
  TransformerOptions,
} from "./families/transformer/transformer.nn.ts";
export * as layers from "./layers/index.ts";
export type {
  Conv1D,
  Conv2D,
  Conv3D,
  Conv2DTranspose,
  Conv3DTranspose,
  DepthwiseConv2D,
  SeparableConv2D,
  MaxPooling1D,
  AveragePooling1D,
  MaxPooling2D,
  AveragePooling2D,
  GlobalAveragePooling1D,
  GlobalMaxPooling1D,
  GlobalAveragePooling2D,
  GlobalMaxPooling2D,
  Dense,
  Reshape,
  Permute,
  Activation,
  BatchNormalization,
  ZeroPadding2D,
  UpSampling2D,
} from "./layers/index.ts";
// Users' own layers (docs/custom-layers.md).
export {
  defineLayer,
  type LayerDefinition,
  type LayerSpec,
  type CustomLayer,
  type UnknownOutputRule,
  type ParamShape,
  type ParamInit,
} from "./families/custom/define-layer.ts";
export type { DimFits, DimTimes, DimDivisible, DimQuotient } from "./families/custom/custom.types.ts";
export { dimFits, dimTimes, dimDivisible, dimQuotient } from "./families/custom/custom.ts";
// The TensorFlow.js runtime (ready, build, toTfjs, load, tensor) is its own entry, `shapecheck/tfjs` (src/tfjs.ts):
// nothing here imports TensorFlow.js.
