// The per-kind explainers, by the runtime layers' `kind`, typed by their configs: a kind of
// `LayerConfig` without an explainer does not compile. A layer of another kind is shown with "—".
import type { RuntimeShape } from "../../shape/dims.ts";
import { multiheadAttention } from "../../families/attention/attention.explain.ts";
import { transformer } from "../../families/transformer/transformer.explain.ts";
import { conv, convTranspose, fold, lazyConv, lazyConvTranspose, unfold } from "../../families/conv/conv.explain.ts";
import { keepsShape } from "../../families/activation/activation.explain.ts";
import { glu, prelu } from "../../families/activation/extra-activations.explain.ts";
import { shuffle } from "../../families/shuffle/shuffle.explain.ts";
import { pad } from "../../families/padding/torch-pad.explain.ts";
import { groupNorm } from "../../families/normalization/group-norm.explain.ts";
import { instanceNorm } from "../../families/normalization/instance-norm.explain.ts";
import { upsample } from "../../families/upsample/upsample.explain.ts";
import { embeddingBag } from "../../families/embedding/embedding-bag.explain.ts";
import { embedding } from "../../families/embedding/embedding.explain.ts";
import { lazyLinear, linear } from "../../families/linear/linear.explain.ts";
import { bilinear } from "../../families/linear/bilinear.explain.ts";
import { adaptiveLogSoftmaxWithLoss } from "../../families/activation/adaptive-log-softmax.explain.ts";
import { batchNorm, layerNorm } from "../../families/normalization/normalization.explain.ts";
import { adaptivePool, lpPool, pool } from "../../families/pool/pool.explain.ts";
import { gru, lstm, rnn } from "../../families/recurrent/recurrent.explain.ts";
import { recurrentCell } from "../../families/recurrent/rnn-cell.explain.ts";
import { flatten, unflatten } from "../../families/reshape/reshape.explain.ts";
import { tfKeepsShape, tfLayerNormalization, tfPReLU } from "../../families/activation/tf-activation.explain.ts";
import { tfPool3d } from "../../families/pool/tf-pool3d.explain.ts";
import { tfCropping } from "../../families/padding/tf-cropping.explain.ts";
import { tfRepeatVector } from "../../families/reshape/tf-repeat-vector.explain.ts";
import { tfCategoryEncoding, tfRandomWidth, tfResize } from "../../families/preprocessing/tf-preprocessing.explain.ts";
import { Unreadable, type Explainer } from "./support.ts";
import type { BlockKind, ConfigOf, LayerKind } from "../../families/layer-config.ts";
import type { RuntimeLayer } from "../../model/layer.ts";
import { tfConv, tfConvTranspose, tfDepthwiseConv } from "../../families/conv/tf-conv.explain.ts";
import { tfEmbedding } from "../../families/embedding/tf-embedding.explain.ts";
import { tfDense } from "../../families/linear/tf-dense.explain.ts";
import { tfBatchNormalization } from "../../families/normalization/tf-normalization.explain.ts";
import { tfUpSampling, tfZeroPadding } from "../../families/padding/tf-padding.explain.ts";
import { tfGlobalPool, tfPool } from "../../families/pool/tf-pool.explain.ts";
import { tfFlatten, tfPermute, tfReshape } from "../../families/reshape/tf-reshape.explain.ts";
import { custom } from "../../families/custom/custom.explain.ts";
import { tfConvLstm, tfRecurrent, tfWrapper } from "../../families/recurrent/tf-recurrent.explain.ts";

export type { Explainer, LayerConfig } from "./support.ts";
export { explainOp, writtenOp, type OpNodeLike } from "../../ops/ops.explain.ts";

/** Every kind explain knows, PyTorch's (`nn`) and TensorFlow.js's (`layers`); blocks are explained by their branches. */
export const explainers: { readonly [Kind in Exclude<LayerKind, BlockKind>]: Explainer<ConfigOf<Kind>> } = {
  conv1d: conv,
  conv2d: conv,
  conv3d: conv,
  lazyConv1d: lazyConv,
  lazyConv2d: lazyConv,
  lazyConv3d: lazyConv,
  unfold,
  fold,
  convTranspose1d: convTranspose,
  convTranspose2d: convTranspose,
  convTranspose3d: convTranspose,
  lazyConvTranspose1d: lazyConvTranspose,
  lazyConvTranspose2d: lazyConvTranspose,
  lazyConvTranspose3d: lazyConvTranspose,
  maxPool1d: pool,
  maxPool2d: pool,
  avgPool1d: pool,
  avgPool2d: pool,
  maxPool3d: pool,
  avgPool3d: pool,
  adaptiveAvgPool1d: adaptivePool,
  adaptiveAvgPool2d: adaptivePool,
  adaptiveMaxPool2d: adaptivePool,
  adaptiveMaxPool1d: adaptivePool,
  adaptiveAvgPool3d: adaptivePool,
  adaptiveMaxPool3d: adaptivePool,
  lpPool1d: lpPool,
  lpPool2d: lpPool,
  flatten,
  unflatten,
  linear,
  lazyLinear,
  bilinear,
  adaptiveLogSoftmaxWithLoss,
  batchNorm1d: batchNorm,
  batchNorm2d: batchNorm,
  batchNorm3d: batchNorm,
  syncBatchNorm: batchNorm,
  lazyBatchNorm1d: batchNorm,
  lazyBatchNorm2d: batchNorm,
  lazyBatchNorm3d: batchNorm,
  instanceNorm1d: instanceNorm,
  instanceNorm2d: instanceNorm,
  instanceNorm3d: instanceNorm,
  lazyInstanceNorm1d: instanceNorm,
  lazyInstanceNorm2d: instanceNorm,
  lazyInstanceNorm3d: instanceNorm,
  upsample: upsample,
  upsamplingNearest2d: upsample,
  upsamplingBilinear2d: upsample,
  rrelu: keepsShape,
  embeddingBag,
  layerNorm,
  embedding,
  lstm,
  gru,
  rnn,
  rnnCell: recurrentCell,
  lstmCell: recurrentCell,
  gruCell: recurrentCell,
  multiheadAttention,
  transformerEncoderLayer: transformer,
  transformerEncoder: transformer,
  transformerDecoderLayer: transformer,
  transformerDecoder: transformer,
  transformer,
  relu: keepsShape,
  leakyRelu: keepsShape,
  gelu: keepsShape,
  sigmoid: keepsShape,
  tanh: keepsShape,
  identity: keepsShape,
  dropout: keepsShape,
  dropout2d: keepsShape,
  softmax: keepsShape,
  logSoftmax: keepsShape,
  relu6: keepsShape,
  hardswish: keepsShape,
  hardsigmoid: keepsShape,
  silu: keepsShape,
  mish: keepsShape,
  elu: keepsShape,
  selu: keepsShape,
  celu: keepsShape,
  softplus: keepsShape,
  softsign: keepsShape,
  hardtanh: keepsShape,
  logsigmoid: keepsShape,
  tanhshrink: keepsShape,
  softshrink: keepsShape,
  hardshrink: keepsShape,
  threshold: keepsShape,
  softmax2d: keepsShape,
  softmin: keepsShape,
  glu,
  prelu,
  pixelShuffle: shuffle,
  pixelUnshuffle: shuffle,
  channelShuffle: shuffle,
  zeroPad1d: pad,
  zeroPad2d: pad,
  zeroPad3d: pad,
  constantPad1d: pad,
  constantPad2d: pad,
  constantPad3d: pad,
  reflectionPad1d: pad,
  reflectionPad2d: pad,
  reflectionPad3d: pad,
  replicationPad1d: pad,
  replicationPad2d: pad,
  replicationPad3d: pad,
  dropout1d: keepsShape,
  dropout3d: keepsShape,
  alphaDropout: keepsShape,
  featureAlphaDropout: keepsShape,
  groupNorm,
  localResponseNorm: keepsShape,
  // tfjs's `layers`
  Conv1D: tfConv,
  Conv2D: tfConv,
  Conv3D: tfConv,
  Conv2DTranspose: tfConvTranspose,
  Conv3DTranspose: tfConvTranspose,
  DepthwiseConv2D: tfDepthwiseConv,
  SeparableConv2D: tfDepthwiseConv,
  MaxPooling1D: tfPool,
  MaxPooling2D: tfPool,
  AveragePooling1D: tfPool,
  AveragePooling2D: tfPool,
  GlobalAveragePooling1D: tfGlobalPool,
  GlobalMaxPooling1D: tfGlobalPool,
  GlobalAveragePooling2D: tfGlobalPool,
  GlobalMaxPooling2D: tfGlobalPool,
  Dense: tfDense,
  Flatten: tfFlatten,
  Reshape: tfReshape,
  Permute: tfPermute,
  Dropout: keepsShape,
  Activation: keepsShape,
  BatchNormalization: tfBatchNormalization,
  Embedding: tfEmbedding,
  ZeroPadding2D: tfZeroPadding,
  UpSampling2D: tfUpSampling,
  ReLU: tfKeepsShape,
  LeakyReLU: tfKeepsShape,
  ELU: tfKeepsShape,
  ThresholdedReLU: tfKeepsShape,
  PReLU: tfPReLU,
  Softmax: tfKeepsShape,
  SpatialDropout1D: tfKeepsShape,
  GaussianNoise: tfKeepsShape,
  GaussianDropout: tfKeepsShape,
  AlphaDropout: tfKeepsShape,
  Masking: tfKeepsShape,
  Rescaling: tfKeepsShape,
  LayerNormalization: tfLayerNormalization,
  MaxPooling3D: tfPool3d,
  AveragePooling3D: tfPool3d,
  Cropping2D: tfCropping,
  RepeatVector: tfRepeatVector,
  Resizing: tfResize,
  CenterCrop: tfResize,
  RandomWidth: tfRandomWidth,
  CategoryEncoding: tfCategoryEncoding,
  SimpleRNN: tfRecurrent,
  LSTM: tfRecurrent,
  GRU: tfRecurrent,
  RNN: tfRecurrent,
  ConvLSTM2D: tfConvLstm,
  TimeDistributed: tfWrapper,
  Bidirectional: tfWrapper,
  // users' own layers (defineLayer)
  custom,
};

/** A layer's arithmetic and parameter count; `null` for what is unknown (a kind missing above, shapes it cannot read). */
export function explainKind(
  layer: RuntimeLayer,
  input: RuntimeShape,
  output: RuntimeShape,
): { arithmetic: readonly string[] | null; params: number | null } {
  // The registry is keyed by kind: the explainer of `layer.kind` takes this layer's config.
  const explainer = Object.hasOwn(explainers, layer.kind)
    ? (explainers[layer.kind as Exclude<LayerKind, BlockKind>] as Explainer<RuntimeLayer>)
    : undefined;
  if (explainer === undefined) return { arithmetic: null, params: null };
  try {
    const { arithmetic, params } = explainer(layer, input, output);
    return { arithmetic, params: params !== null && Number.isSafeInteger(params) ? params : null };
  } catch (error) {
    if (error instanceof Unreadable || error instanceof TypeError) return { arithmetic: null, params: null };
    throw error;
  }
}
