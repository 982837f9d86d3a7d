// `nn`: PyTorch's vocabulary, channels-first, PyTorch's semantics.
export { conv1d, conv2d, conv3d, lazyConv1d, lazyConv2d, lazyConv3d } from "../families/conv/conv.nn.ts";
export { unfold } from "../families/conv/unfold.nn.ts";
export { fold } from "../families/conv/fold.nn.ts";
export { maxPool1d, maxPool2d, maxPool3d, avgPool1d, avgPool2d, avgPool3d } from "../families/pool/pool.nn.ts";
export { flatten } from "../families/reshape/flatten.nn.ts";
export { linear, lazyLinear } from "../families/linear/linear.nn.ts";
export { bilinear } from "../families/linear/bilinear.nn.ts";
export { adaptiveLogSoftmaxWithLoss } from "../families/activation/adaptive-log-softmax.nn.ts";
export {
  relu,
  leakyRelu,
  gelu,
  sigmoid,
  tanh,
  identity,
  dropout,
  dropout2d,
  softmax,
  logSoftmax,
} from "../families/activation/activation.nn.ts";
export { residual, concat } from "../families/blocks/blocks.nn.ts";
export { repeat } from "../families/blocks/repeat.nn.ts";
export { sequential } from "../families/blocks/sequential.nn.ts";
export {
  relu6,
  hardswish,
  hardsigmoid,
  silu,
  mish,
  elu,
  selu,
  celu,
  softplus,
  softsign,
  hardtanh,
  logsigmoid,
  tanhshrink,
  softshrink,
  hardshrink,
  threshold,
  prelu,
  glu,
  softmax2d,
  softmin,
} from "../families/activation/extra-activations.nn.ts";
export { pixelShuffle, pixelUnshuffle, channelShuffle } from "../families/shuffle/shuffle.nn.ts";
export {
  zeroPad1d,
  zeroPad2d,
  zeroPad3d,
  constantPad1d,
  constantPad2d,
  constantPad3d,
  reflectionPad1d,
  reflectionPad2d,
  reflectionPad3d,
  replicationPad1d,
  replicationPad2d,
  replicationPad3d,
} from "../families/padding/torch-pad.nn.ts";
export { dropout1d, dropout3d, alphaDropout, featureAlphaDropout } from "../families/activation/extra-dropout.nn.ts";
export { groupNorm } from "../families/normalization/group-norm.nn.ts";
export {
  instanceNorm1d,
  instanceNorm2d,
  instanceNorm3d,
  lazyInstanceNorm1d,
  lazyInstanceNorm2d,
  lazyInstanceNorm3d,
} from "../families/normalization/instance-norm.nn.ts";
export { upsample, upsamplingNearest2d, upsamplingBilinear2d } from "../families/upsample/upsample.nn.ts";
export { rrelu } from "../families/activation/rrelu.nn.ts";
export { embeddingBag } from "../families/embedding/embedding-bag.nn.ts";
export { localResponseNorm } from "../families/normalization/local-response-norm.nn.ts";
export {
  convTranspose1d,
  convTranspose2d,
  convTranspose3d,
  lazyConvTranspose1d,
  lazyConvTranspose2d,
  lazyConvTranspose3d,
} from "../families/conv/conv-transpose.nn.ts";
export {
  adaptiveAvgPool1d,
  adaptiveAvgPool2d,
  adaptiveAvgPool3d,
  adaptiveMaxPool1d,
  adaptiveMaxPool2d,
  adaptiveMaxPool3d,
} from "../families/pool/adaptive-pool.nn.ts";
export { lpPool1d, lpPool2d } from "../families/pool/lp-pool.nn.ts";
export { unflatten } from "../families/reshape/unflatten.nn.ts";
export { batchNorm1d, batchNorm2d } from "../families/normalization/batch-norm.nn.ts";
export {
  batchNorm3d,
  syncBatchNorm,
  lazyBatchNorm1d,
  lazyBatchNorm2d,
  lazyBatchNorm3d,
} from "../families/normalization/batch-norm.nn.ts";
export { layerNorm } from "../families/normalization/layer-norm.nn.ts";
export { embedding } from "../families/embedding/embedding.nn.ts";
export { lstm, gru, rnn } from "../families/recurrent/recurrent.nn.ts";
export { rnnCell, lstmCell, gruCell } from "../families/recurrent/rnn-cell.nn.ts";
export { multiheadAttention } from "../families/attention/attention.nn.ts";
export {
  transformer,
  transformerDecoder,
  transformerDecoderLayer,
  transformerEncoder,
  transformerEncoderLayer,
} from "../families/transformer/transformer.nn.ts";
