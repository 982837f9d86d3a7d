// Generated cases (issue 13, item 2): for every builder of both vocabularies and every option key it takes, the
// snake_case, plural/singular, other-case, other-vocabulary and unknown variants of the key. Each case must throw a
// ShapeError at run time that names the key (with "did you mean" the key when one is near), and the compiler must
// give exactly one error on its line, containing that same text, under TypeScript 5.9 and 7.
import assert from "node:assert/strict";
import { join } from "node:path";
import { test } from "node:test";
import { input, layers, nn, sequential, ShapeError } from "../src/index.ts";
import { compile, compilers, root, writeProject } from "./compile-blocks.ts";
import { suggestOption } from "../src/shape/args.ts";
import { convKeys } from "../src/families/conv/conv.nn.ts";
import { convTransposeKeys } from "../src/families/conv/conv-transpose.nn.ts";
import { unfoldKeys } from "../src/families/conv/unfold.nn.ts";
import { lpPoolKeys } from "../src/families/pool/lp-pool.nn.ts";
import { rnnKeys } from "../src/families/recurrent/recurrent.nn.ts";
import { avgPoolKeys } from "../src/families/pool/pool.nn.ts";
import { depthwiseOptions, separableOptions } from "../src/families/conv/tf-depthwise-conv.layers.ts";
import {
  eluOptions,
  leakyReLUOptions,
  preluOptions,
  reLUOptions,
  softmaxOptions,
  thresholdedReLUOptions,
} from "../src/families/activation/tf-activation.layers.ts";
import {
  alphaDropoutOptions,
  gaussianDropoutOptions,
  gaussianNoiseOptions,
  spatialDropout1dOptions,
} from "../src/families/noise/tf-noise.layers.ts";
import { maskingOptions } from "../src/families/masking/tf-masking.layers.ts";
import { rescalingOptions } from "../src/families/preprocessing/tf-rescaling.layers.ts";
import {
  categoryEncodingOptions,
  centerCropOptions,
  randomWidthOptions,
  resizingOptions,
} from "../src/families/preprocessing/tf-preprocessing.layers.ts";
import { layerNormalizationOptions } from "../src/families/normalization/tf-layer-norm.layers.ts";
import { pooling3dOptions } from "../src/families/pool/tf-pool3d.layers.ts";
import { cropping2DOptions } from "../src/families/padding/tf-cropping.layers.ts";
import { repeatVectorOptions } from "../src/families/reshape/tf-repeat-vector.layers.ts";
import { concatenateOptions, dotOptions, mergeOptions } from "../src/families/merge/tf-merge.layers.ts";
import {
  convLstm2dCellOptions,
  convLstm2dOptions,
  gruCellOptions,
  gruOptions,
  lstmCellOptions,
  lstmOptions,
  rnnOptions,
  simpleRNNCellOptions,
  simpleRNNOptions,
  stackedRNNCellsOptions,
} from "../src/families/recurrent/tf-recurrent.layers.ts";
import { bidirectionalOptions, timeDistributedOptions } from "../src/families/recurrent/tf-wrappers.layers.ts";
import { poolKeys } from "../src/families/pool/pool.nn.ts";
import { batchNormKeys } from "../src/families/normalization/batch-norm.nn.ts";
import { layerNormKeys } from "../src/families/normalization/layer-norm.nn.ts";
import { embeddingKeys } from "../src/families/embedding/embedding.nn.ts";
import { recurrentKeys } from "../src/families/recurrent/recurrent.nn.ts";
import { attentionKeys } from "../src/families/attention/attention.nn.ts";
import { convOptions } from "../src/families/conv/tf-conv.layers.ts";
import { activationOptions, dropoutOptions } from "../src/families/activation/tf-dropout-activation.layers.ts";
import { denseOptions } from "../src/families/linear/tf-dense.layers.ts";
import { flattenOptions } from "../src/families/reshape/tf-flatten.layers.ts";
import { permuteOptions, reshapeOptions } from "../src/families/reshape/tf-reshape.layers.ts";
import { embeddingOptions } from "../src/families/embedding/tf-embedding.layers.ts";
import { batchNormalizationOptions } from "../src/families/normalization/tf-normalization.layers.ts";
import { upSampling2dOptions, zeroPadding2dOptions } from "../src/families/padding/tf-padding.layers.ts";
import {
  globalPooling1dOptions,
  globalPooling2dOptions,
  pooling1dOptions,
  pooling2dOptions,
} from "../src/families/pool/tf-pool.layers.ts";

/** A builder: how a call is written with one more option (`{}` → the options object's text), and the keys it knows. */
interface Builder {
  readonly call: (options: string) => string;
  readonly keys: readonly string[];
}
const nnBuilders: Readonly<Record<string, Builder>> = {
  conv1d: { call: (o) => `nn.conv1d(3, 8, 3, ${o})`, keys: convKeys },
  conv2d: { call: (o) => `nn.conv2d(3, 8, 3, ${o})`, keys: convKeys },
  "conv2d (after stride, padding)": { call: (o) => `nn.conv2d(3, 8, 3, 1, 1, ${o})`, keys: convKeys },
  conv3d: { call: (o) => `nn.conv3d(3, 8, 3, ${o})`, keys: convKeys },
  convTranspose1d: { call: (o) => `nn.convTranspose1d(8, 4, 3, ${o})`, keys: convTransposeKeys },
  convTranspose2d: { call: (o) => `nn.convTranspose2d(8, 4, 3, 2, ${o})`, keys: convTransposeKeys },
  maxPool1d: { call: (o) => `nn.maxPool1d(3, ${o})`, keys: poolKeys },
  maxPool2d: { call: (o) => `nn.maxPool2d(3, 2, 1, ${o})`, keys: poolKeys },
  avgPool1d: { call: (o) => `nn.avgPool1d(3, ${o})`, keys: poolKeys.filter((key) => key !== "dilation") },
  avgPool2d: { call: (o) => `nn.avgPool2d(3, 2, ${o})`, keys: poolKeys.filter((key) => key !== "dilation") },
  batchNorm1d: { call: (o) => `nn.batchNorm1d(16, ${o})`, keys: batchNormKeys },
  batchNorm2d: { call: (o) => `nn.batchNorm2d(16, ${o})`, keys: batchNormKeys },
  layerNorm: { call: (o) => `nn.layerNorm(16, ${o})`, keys: layerNormKeys },
  embedding: { call: (o) => `nn.embedding(100, 8, ${o})`, keys: embeddingKeys },
  lstm: { call: (o) => `nn.lstm(10, 20, ${o})`, keys: recurrentKeys },
  "lstm (after numLayers)": { call: (o) => `nn.lstm(10, 20, 2, ${o})`, keys: recurrentKeys },
  gru: { call: (o) => `nn.gru(10, 20, ${o})`, keys: recurrentKeys.filter((key) => key !== "projSize") },
  multiheadAttention: { call: (o) => `nn.multiheadAttention(16, 4, ${o})`, keys: attentionKeys },
  relu: { call: (o) => `nn.relu(${o})`, keys: ["inplace"] },
  leakyRelu: { call: (o) => `nn.leakyRelu(${o})`, keys: ["negativeSlope", "inplace"] },
  "leakyRelu (after negativeSlope)": { call: (o) => `nn.leakyRelu(0.2, ${o})`, keys: ["negativeSlope", "inplace"] },
  gelu: { call: (o) => `nn.gelu(${o})`, keys: [] },
  dropout: { call: (o) => `nn.dropout(${o})`, keys: ["p", "inplace"] },
  dropout2d: { call: (o) => `nn.dropout2d(0.2, ${o})`, keys: ["p", "inplace"] },
  linear: { call: (o) => `nn.linear(10, 5, ${o})`, keys: ["bias"] },
  // Builders added since (issue 13's audit: every builder of `nn` has an entry, see the test at the end).
  lazyConv1d: { call: (o) => `nn.lazyConv1d(8, 3, ${o})`, keys: convKeys },
  lazyConv2d: { call: (o) => `nn.lazyConv2d(8, 3, 2, 1, ${o})`, keys: convKeys },
  lazyConv3d: { call: (o) => `nn.lazyConv3d(8, 3, ${o})`, keys: convKeys },
  convTranspose3d: { call: (o) => `nn.convTranspose3d(8, 4, 3, ${o})`, keys: convTransposeKeys },
  lazyConvTranspose1d: { call: (o) => `nn.lazyConvTranspose1d(4, 3, ${o})`, keys: convTransposeKeys },
  lazyConvTranspose2d: { call: (o) => `nn.lazyConvTranspose2d(4, 3, 2, ${o})`, keys: convTransposeKeys },
  lazyConvTranspose3d: { call: (o) => `nn.lazyConvTranspose3d(4, 3, ${o})`, keys: convTransposeKeys },
  unfold: { call: (o) => `nn.unfold(3, ${o})`, keys: unfoldKeys },
  fold: { call: (o) => `nn.fold(8, 3, ${o})`, keys: unfoldKeys },
  maxPool3d: { call: (o) => `nn.maxPool3d(2, ${o})`, keys: poolKeys },
  avgPool3d: { call: (o) => `nn.avgPool3d(2, 2, ${o})`, keys: avgPoolKeys },
  lpPool1d: { call: (o) => `nn.lpPool1d(2, 3, ${o})`, keys: lpPoolKeys },
  lpPool2d: { call: (o) => `nn.lpPool2d(2, 3, ${o})`, keys: lpPoolKeys },
  batchNorm3d: { call: (o) => `nn.batchNorm3d(16, ${o})`, keys: batchNormKeys },
  syncBatchNorm: { call: (o) => `nn.syncBatchNorm(16, ${o})`, keys: batchNormKeys },
  lazyBatchNorm1d: { call: (o) => `nn.lazyBatchNorm1d(${o})`, keys: batchNormKeys },
  lazyBatchNorm2d: { call: (o) => `nn.lazyBatchNorm2d(${o})`, keys: batchNormKeys },
  lazyBatchNorm3d: { call: (o) => `nn.lazyBatchNorm3d(${o})`, keys: batchNormKeys },
  instanceNorm1d: { call: (o) => `nn.instanceNorm1d(16, ${o})`, keys: batchNormKeys },
  instanceNorm2d: { call: (o) => `nn.instanceNorm2d(16, ${o})`, keys: batchNormKeys },
  instanceNorm3d: { call: (o) => `nn.instanceNorm3d(16, ${o})`, keys: batchNormKeys },
  lazyInstanceNorm1d: { call: (o) => `nn.lazyInstanceNorm1d(${o})`, keys: batchNormKeys },
  lazyInstanceNorm2d: { call: (o) => `nn.lazyInstanceNorm2d(${o})`, keys: batchNormKeys },
  lazyInstanceNorm3d: { call: (o) => `nn.lazyInstanceNorm3d(${o})`, keys: batchNormKeys },
  groupNorm: { call: (o) => `nn.groupNorm(2, 4, ${o})`, keys: ["eps", "affine"] },
  localResponseNorm: { call: (o) => `nn.localResponseNorm(2, ${o})`, keys: ["alpha", "beta", "k"] },
  embeddingBag: {
    call: (o) => `nn.embeddingBag(10, 4, ${o})`,
    keys: ["maxNorm", "normType", "scaleGradByFreq", "mode", "paddingIdx"],
  },
  bilinear: { call: (o) => `nn.bilinear(3, 4, 5, ${o})`, keys: ["bias"] },
  adaptiveLogSoftmaxWithLoss: {
    call: (o) => `nn.adaptiveLogSoftmaxWithLoss(8, 10, [4], ${o})`,
    keys: ["divValue", "headBias"],
  },
  rnn: { call: (o) => `nn.rnn(10, 20, ${o})`, keys: rnnKeys },
  rnnCell: { call: (o) => `nn.rnnCell(10, 20, ${o})`, keys: ["bias", "nonlinearity"] },
  lstmCell: { call: (o) => `nn.lstmCell(10, 20, ${o})`, keys: ["bias"] },
  gruCell: { call: (o) => `nn.gruCell(10, 20, ${o})`, keys: ["bias"] },
  transformerEncoderLayer: {
    call: (o) => `nn.transformerEncoderLayer(16, 4, ${o})`,
    keys: ["dimFeedforward", "dropout", "activation", "layerNormEps", "batchFirst", "normFirst"],
  },
  transformerDecoderLayer: {
    call: (o) => `nn.transformerDecoderLayer(16, 4, ${o})`,
    keys: ["dimFeedforward", "dropout", "activation", "layerNormEps", "batchFirst", "normFirst"],
  },
  transformerEncoder: {
    call: (o) => `nn.transformerEncoder(nn.transformerEncoderLayer(16, 4), 2, ${o})`,
    keys: ["norm", "enableNestedTensor"],
  },
  transformerDecoder: {
    call: (o) => `nn.transformerDecoder(nn.transformerDecoderLayer(16, 4), 2, ${o})`,
    keys: ["norm"],
  },
  transformer: {
    call: (o) => `nn.transformer(${o})`,
    keys: [
      "dModel",
      "nhead",
      "numEncoderLayers",
      "numDecoderLayers",
      "dimFeedforward",
      "dropout",
      "activation",
      "layerNormEps",
      "batchFirst",
      "normFirst",
    ],
  },
  upsample: { call: (o) => `nn.upsample(${o})`, keys: ["size", "scaleFactor", "mode", "alignCorners"] },
  upsamplingNearest2d: { call: (o) => `nn.upsamplingNearest2d(${o})`, keys: ["size", "scaleFactor"] },
  upsamplingBilinear2d: { call: (o) => `nn.upsamplingBilinear2d(${o})`, keys: ["size", "scaleFactor"] },
  rrelu: { call: (o) => `nn.rrelu(${o})`, keys: ["lower", "upper", "inplace"] },
  dropout1d: { call: (o) => `nn.dropout1d(${o})`, keys: ["p", "inplace"] },
  dropout3d: { call: (o) => `nn.dropout3d(0.1, ${o})`, keys: ["p", "inplace"] },
  alphaDropout: { call: (o) => `nn.alphaDropout(${o})`, keys: ["p", "inplace"] },
  featureAlphaDropout: { call: (o) => `nn.featureAlphaDropout(0.1, ${o})`, keys: ["p", "inplace"] },
  relu6: { call: (o) => `nn.relu6(${o})`, keys: ["inplace"] },
  hardswish: { call: (o) => `nn.hardswish(${o})`, keys: ["inplace"] },
  hardsigmoid: { call: (o) => `nn.hardsigmoid(${o})`, keys: ["inplace"] },
  silu: { call: (o) => `nn.silu(${o})`, keys: ["inplace"] },
  mish: { call: (o) => `nn.mish(${o})`, keys: ["inplace"] },
  selu: { call: (o) => `nn.selu(${o})`, keys: ["inplace"] },
  elu: { call: (o) => `nn.elu(${o})`, keys: ["alpha", "inplace"] },
  "elu (after alpha)": { call: (o) => `nn.elu(0.5, ${o})`, keys: ["alpha", "inplace"] },
  celu: { call: (o) => `nn.celu(${o})`, keys: ["alpha", "inplace"] },
  softplus: { call: (o) => `nn.softplus(${o})`, keys: ["beta", "threshold"] },
  "softplus (after beta)": { call: (o) => `nn.softplus(2, ${o})`, keys: ["beta", "threshold"] },
  hardtanh: { call: (o) => `nn.hardtanh(${o})`, keys: ["minVal", "maxVal", "inplace"] },
  softshrink: { call: (o) => `nn.softshrink(${o})`, keys: ["lambd"] },
  hardshrink: { call: (o) => `nn.hardshrink(${o})`, keys: ["lambd"] },
  threshold: { call: (o) => `nn.threshold(0.1, 0, ${o})`, keys: ["threshold", "value", "inplace"] },
  prelu: { call: (o) => `nn.prelu(${o})`, keys: ["numParameters", "init"] },
};
/** tfjs builders: the required options, then the generated key (an added property: a required key renamed is the compiler's own excess-property error). */
const set = (options: ReadonlySet<string>) => [...options];
const layersBuilders: Readonly<Record<string, Builder>> = {
  conv1d: { call: (o) => `layers.conv1d({ filters: 8, kernelSize: 3, ${o} })`, keys: set(convOptions) },
  conv2d: { call: (o) => `layers.conv2d({ filters: 8, kernelSize: 3, ${o} })`, keys: set(convOptions) },
  dense: { call: (o) => `layers.dense({ units: 4, ${o} })`, keys: set(denseOptions) },
  flatten: { call: (o) => `layers.flatten({ ${o} })`, keys: set(flattenOptions) },
  reshape: { call: (o) => `layers.reshape({ targetShape: [4], ${o} })`, keys: set(reshapeOptions) },
  permute: { call: (o) => `layers.permute({ dims: [1], ${o} })`, keys: set(permuteOptions) },
  dropout: { call: (o) => `layers.dropout({ rate: 0.5, ${o} })`, keys: set(dropoutOptions) },
  activation: { call: (o) => `layers.activation({ activation: "relu", ${o} })`, keys: set(activationOptions) },
  embedding: { call: (o) => `layers.embedding({ inputDim: 10, outputDim: 4, ${o} })`, keys: set(embeddingOptions) },
  batchNormalization: { call: (o) => `layers.batchNormalization({ ${o} })`, keys: set(batchNormalizationOptions) },
  zeroPadding2d: { call: (o) => `layers.zeroPadding2d({ ${o} })`, keys: set(zeroPadding2dOptions) },
  upSampling2d: { call: (o) => `layers.upSampling2d({ ${o} })`, keys: set(upSampling2dOptions) },
  maxPooling1d: { call: (o) => `layers.maxPooling1d({ poolSize: 2, ${o} })`, keys: set(pooling1dOptions) },
  averagePooling2d: { call: (o) => `layers.averagePooling2d({ poolSize: 2, ${o} })`, keys: set(pooling2dOptions) },
  maxPooling2d: { call: (o) => `layers.maxPooling2d({ poolSize: 2, ${o} })`, keys: set(pooling2dOptions) },
  globalAveragePooling1d: { call: (o) => `layers.globalAveragePooling1d({ ${o} })`, keys: set(globalPooling1dOptions) },
  globalMaxPooling2d: { call: (o) => `layers.globalMaxPooling2d({ ${o} })`, keys: set(globalPooling2dOptions) },
  // Builders added since (issue 13's audit: every builder of `layers` has an entry, see the test at the end).
  conv3d: { call: (o) => `layers.conv3d({ filters: 8, kernelSize: 3, ${o} })`, keys: set(convOptions) },
  conv2dTranspose: {
    call: (o) => `layers.conv2dTranspose({ filters: 8, kernelSize: 3, ${o} })`,
    keys: set(convOptions),
  },
  conv3dTranspose: {
    call: (o) => `layers.conv3dTranspose({ filters: 8, kernelSize: 3, ${o} })`,
    keys: set(convOptions),
  },
  depthwiseConv2d: { call: (o) => `layers.depthwiseConv2d({ kernelSize: 3, ${o} })`, keys: set(depthwiseOptions) },
  separableConv2d: {
    call: (o) => `layers.separableConv2d({ filters: 8, kernelSize: 3, ${o} })`,
    keys: set(separableOptions),
  },
  averagePooling1d: { call: (o) => `layers.averagePooling1d({ poolSize: 2, ${o} })`, keys: set(pooling1dOptions) },
  globalMaxPooling1d: { call: (o) => `layers.globalMaxPooling1d({ ${o} })`, keys: set(globalPooling1dOptions) },
  globalAveragePooling2d: {
    call: (o) => `layers.globalAveragePooling2d({ ${o} })`,
    keys: set(globalPooling2dOptions),
  },
  maxPooling3d: { call: (o) => `layers.maxPooling3d({ poolSize: 2, ${o} })`, keys: set(pooling3dOptions) },
  averagePooling3d: { call: (o) => `layers.averagePooling3d({ poolSize: 2, ${o} })`, keys: set(pooling3dOptions) },
  reLU: { call: (o) => `layers.reLU({ ${o} })`, keys: set(reLUOptions) },
  leakyReLU: { call: (o) => `layers.leakyReLU({ ${o} })`, keys: set(leakyReLUOptions) },
  elu: { call: (o) => `layers.elu({ ${o} })`, keys: set(eluOptions) },
  prelu: { call: (o) => `layers.prelu({ ${o} })`, keys: set(preluOptions) },
  softmax: { call: (o) => `layers.softmax({ ${o} })`, keys: set(softmaxOptions) },
  thresholdedReLU: { call: (o) => `layers.thresholdedReLU({ ${o} })`, keys: set(thresholdedReLUOptions) },
  spatialDropout1d: { call: (o) => `layers.spatialDropout1d({ rate: 0.5, ${o} })`, keys: set(spatialDropout1dOptions) },
  gaussianNoise: { call: (o) => `layers.gaussianNoise({ stddev: 0.5, ${o} })`, keys: set(gaussianNoiseOptions) },
  gaussianDropout: { call: (o) => `layers.gaussianDropout({ rate: 0.5, ${o} })`, keys: set(gaussianDropoutOptions) },
  alphaDropout: { call: (o) => `layers.alphaDropout({ rate: 0.5, ${o} })`, keys: set(alphaDropoutOptions) },
  masking: { call: (o) => `layers.masking({ ${o} })`, keys: set(maskingOptions) },
  rescaling: { call: (o) => `layers.rescaling({ scale: 2, ${o} })`, keys: set(rescalingOptions) },
  layerNormalization: { call: (o) => `layers.layerNormalization({ ${o} })`, keys: set(layerNormalizationOptions) },
  cropping2D: { call: (o) => `layers.cropping2D({ cropping: 1, ${o} })`, keys: set(cropping2DOptions) },
  repeatVector: { call: (o) => `layers.repeatVector({ n: 3, ${o} })`, keys: set(repeatVectorOptions) },
  add: { call: (o) => `layers.add({ ${o} })`, keys: set(mergeOptions) },
  average: { call: (o) => `layers.average({ ${o} })`, keys: set(mergeOptions) },
  maximum: { call: (o) => `layers.maximum({ ${o} })`, keys: set(mergeOptions) },
  minimum: { call: (o) => `layers.minimum({ ${o} })`, keys: set(mergeOptions) },
  multiply: { call: (o) => `layers.multiply({ ${o} })`, keys: set(mergeOptions) },
  concatenate: { call: (o) => `layers.concatenate({ ${o} })`, keys: set(concatenateOptions) },
  dot: { call: (o) => `layers.dot({ axes: 1, ${o} })`, keys: set(dotOptions) },
  simpleRNN: { call: (o) => `layers.simpleRNN({ units: 4, ${o} })`, keys: set(simpleRNNOptions) },
  lstm: { call: (o) => `layers.lstm({ units: 4, ${o} })`, keys: set(lstmOptions) },
  gru: { call: (o) => `layers.gru({ units: 4, ${o} })`, keys: set(gruOptions) },
  simpleRNNCell: { call: (o) => `layers.simpleRNNCell({ units: 4, ${o} })`, keys: set(simpleRNNCellOptions) },
  lstmCell: { call: (o) => `layers.lstmCell({ units: 4, ${o} })`, keys: set(lstmCellOptions) },
  gruCell: { call: (o) => `layers.gruCell({ units: 4, ${o} })`, keys: set(gruCellOptions) },
  rnn: { call: (o) => `layers.rnn({ cell: layers.lstmCell({ units: 4 }), ${o} })`, keys: set(rnnOptions) },
  stackedRNNCells: {
    call: (o) => `layers.stackedRNNCells({ cells: [layers.lstmCell({ units: 4 })], ${o} })`,
    keys: set(stackedRNNCellsOptions),
  },
  convLstm2d: { call: (o) => `layers.convLstm2d({ filters: 4, kernelSize: 3, ${o} })`, keys: set(convLstm2dOptions) },
  convLstm2dCell: {
    call: (o) => `layers.convLstm2dCell({ filters: 4, kernelSize: 3, ${o} })`,
    keys: set(convLstm2dCellOptions),
  },
  timeDistributed: {
    call: (o) => `layers.timeDistributed({ layer: layers.dense({ units: 3 }), ${o} })`,
    keys: set(timeDistributedOptions),
  },
  bidirectional: {
    call: (o) => `layers.bidirectional({ layer: layers.lstm({ units: 3 }), ${o} })`,
    keys: set(bidirectionalOptions),
  },
  resizing: { call: (o) => `layers.resizing({ height: 4, width: 4, ${o} })`, keys: set(resizingOptions) },
  centerCrop: { call: (o) => `layers.centerCrop({ height: 4, width: 4, ${o} })`, keys: set(centerCropOptions) },
  randomWidth: { call: (o) => `layers.randomWidth({ factor: 0.2, ${o} })`, keys: set(randomWidthOptions) },
  categoryEncoding: {
    call: (o) => `layers.categoryEncoding({ numTokens: 4, ${o} })`,
    keys: set(categoryEncodingOptions),
  },
};
/**
 * tfjs builders' required options (and poolSize, given in the calls above): each renamed (snake_case,
 * plural/singular, upper case) must get the same message as an added key, not the compiler's own excess-property
 * error (a misspelt required key used to make the compiler infer the tfjs type and report that error instead).
 */
const requiredOptions: Readonly<
  Record<string, { readonly call: (options: string) => string; readonly required: Readonly<Record<string, string>> }>
> = {
  conv1d: { call: (o) => `layers.conv1d({ ${o} })`, required: { filters: "8", kernelSize: "3" } },
  conv2d: { call: (o) => `layers.conv2d({ ${o} })`, required: { filters: "8", kernelSize: "3" } },
  dense: { call: (o) => `layers.dense({ ${o} })`, required: { units: "4" } },
  reshape: { call: (o) => `layers.reshape({ ${o} })`, required: { targetShape: "[4]" } },
  permute: { call: (o) => `layers.permute({ ${o} })`, required: { dims: "[1]" } },
  dropout: { call: (o) => `layers.dropout({ ${o} })`, required: { rate: "0.5" } },
  activation: { call: (o) => `layers.activation({ ${o} })`, required: { activation: '"relu"' } },
  embedding: { call: (o) => `layers.embedding({ ${o} })`, required: { inputDim: "10", outputDim: "4" } },
  maxPooling1d: { call: (o) => `layers.maxPooling1d({ ${o} })`, required: { poolSize: "2" } },
  averagePooling2d: { call: (o) => `layers.averagePooling2d({ ${o} })`, required: { poolSize: "2" } },
  maxPooling2d: { call: (o) => `layers.maxPooling2d({ ${o} })`, required: { poolSize: "2" } },
  conv3d: { call: (o) => `layers.conv3d({ ${o} })`, required: { filters: "8", kernelSize: "3" } },
  conv2dTranspose: { call: (o) => `layers.conv2dTranspose({ ${o} })`, required: { filters: "8", kernelSize: "3" } },
  separableConv2d: { call: (o) => `layers.separableConv2d({ ${o} })`, required: { filters: "8", kernelSize: "3" } },
  depthwiseConv2d: { call: (o) => `layers.depthwiseConv2d({ ${o} })`, required: { kernelSize: "3" } },
  maxPooling3d: { call: (o) => `layers.maxPooling3d({ ${o} })`, required: { poolSize: "2" } },
  gaussianNoise: { call: (o) => `layers.gaussianNoise({ ${o} })`, required: { stddev: "0.5" } },
  repeatVector: { call: (o) => `layers.repeatVector({ ${o} })`, required: { n: "3" } },
  cropping2D: { call: (o) => `layers.cropping2D({ ${o} })`, required: { cropping: "1" } },
  lstm: { call: (o) => `layers.lstm({ ${o} })`, required: { units: "4" } },
  gruCell: { call: (o) => `layers.gruCell({ ${o} })`, required: { units: "4" } },
  convLstm2d: { call: (o) => `layers.convLstm2d({ ${o} })`, required: { filters: "4", kernelSize: "3" } },
  resizing: { call: (o) => `layers.resizing({ ${o} })`, required: { height: "4", width: "4" } },
  randomWidth: { call: (o) => `layers.randomWidth({ ${o} })`, required: { factor: "0.2" } },
  categoryEncoding: { call: (o) => `layers.categoryEncoding({ ${o} })`, required: { numTokens: "4" } },
  timeDistributed: {
    call: (o) => `layers.timeDistributed({ ${o} })`,
    required: { layer: "layers.dense({ units: 3 })" },
  },
};

/** Names one vocabulary uses for the other's options. */
const otherVocabulary = [
  "strides",
  "stride",
  "dilationRate",
  "dilation",
  "useBias",
  "bias",
  "poolSize",
  "kernelSize",
  "kernel_size",
  "out_channels",
  "units",
  "filters",
  "group",
  "epsilon",
  "eps",
  "rate",
  "batch_first",
  "in_place",
  "ceil_mode",
];

const snake = (key: string) => key.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
/** The variants of `key` (none of them a known key), each with the key a message should suggest (or undefined). */
function variants(keys: readonly string[]): [variant: string, suggested: string | undefined][] {
  const out = new Map<string, string | undefined>();
  const add = (variant: string, suggested: string | undefined) => {
    if (!keys.includes(variant) && !out.has(variant) && /^[A-Za-z_]\w*$/.test(variant)) out.set(variant, suggested);
  };
  for (const key of keys) {
    add(snake(key), key);
    add(key.endsWith("s") ? key.slice(0, -1) : `${key}s`, key);
    add(key.toUpperCase(), keys.filter((k) => k.toLowerCase() === key.toLowerCase()).length === 1 ? key : undefined);
    add(`${key}Extra`, undefined);
  }
  for (const name of otherVocabulary) add(name, suggestOption(name, keys));
  add("unknownOption", undefined);
  return [...out];
}

interface Case {
  readonly code: string;
  readonly message: string;
  readonly variant: string;
  readonly suggested: string | undefined;
}
function cases(): Case[] {
  const all: Case[] = [];
  for (const [vocabulary, builders] of [
    ["nn", nnBuilders],
    ["layers", layersBuilders],
  ] as const) {
    for (const builder of Object.values(builders)) {
      for (const [variant, suggested] of variants(builder.keys)) {
        const code = builder.call(vocabulary === "nn" ? `{ ${variant}: 1 }` : `${variant}: 1`);
        let message = "";
        try {
          new Function("nn", "layers", `return ${code};`)(nn, layers);
        } catch (error) {
          assert.ok(error instanceof ShapeError, `${code} threw ${String(error)}`);
          message = error.message;
        }
        all.push({ code, message, variant, suggested });
      }
    }
  }
  for (const [name, { call, required }] of Object.entries(requiredOptions)) {
    const keys = layersBuilders[name]!.keys;
    for (const key of Object.keys(required)) {
      const renamed = new Set([snake(key), key.endsWith("s") ? key.slice(0, -1) : `${key}s`, key.toUpperCase()]);
      for (const variant of [...renamed].filter((one) => !keys.includes(one))) {
        const options = Object.entries(required).map(([k, value]) => `${k === key ? variant : k}: ${value}`);
        const code = call(options.join(", "));
        let message = "";
        try {
          new Function("nn", "layers", `return ${code};`)(nn, layers);
        } catch (error) {
          assert.ok(error instanceof ShapeError, `${code} threw ${String(error)}`);
          message = error.message;
        }
        all.push({ code, message, variant, suggested: key });
      }
    }
  }
  return all;
}

test("unknown option keys: the same refusal at compile time and at run time", async () => {
  const generated = cases();
  for (const one of generated) {
    assert.notEqual(one.message, "", `${one.code} does not throw`);
    assert.ok(one.message.includes(`: ${one.variant} is not an option of `), `${one.code}: ${one.message}`);
    if (one.suggested !== undefined)
      assert.ok(one.message.endsWith(`; did you mean \`${one.suggested}\`?`), `${one.code}: ${one.message}`);
    else assert.ok(!one.message.includes("did you mean"), `${one.code}: ${one.message}`);
  }
  const dir = join(root, ".tmp/option-keys");
  writeProject(dir, [
    {
      name: "cases.ts",
      lines: [
        { code: 'import { layers, nn } from "shapecheck";' },
        ...generated.map((one) => ({ code: `${one.code};` })),
      ],
    },
  ]);
  for (const [name, tsc] of Object.entries(compilers)) {
    const found = (await compile(tsc, dir)).filter((d) => d.file === join(dir, "cases.ts"));
    const problems: string[] = [];
    generated.forEach((one, index) => {
      const here = found.filter((d) => d.line === index + 2);
      if (here.length !== 1 || !here[0]!.text.includes(one.message))
        problems.push(
          `${one.code}\n    run time: ${one.message}\n    ${name}: ${here.map((d) => d.text).join(" | ") || "no error"}`,
        );
    });
    assert.deepEqual(
      problems,
      [],
      `${problems.length} of ${generated.length} cases:\n${problems.slice(0, 200).join("\n")}`,
    );
  }
  console.log(`# option-keys: ${generated.length} generated cases, each checked at run time and by 2 compilers`);
});

// ---- Every builder (issue 13's audit): arguments a builder does not take, given twice, positional then options.

/** Builders without an options object: a call with an argument more than they take (refused at run time and by the compiler). */
const withoutOptions: Readonly<Record<string, string>> = {
  sigmoid: "nn.sigmoid({ unknownOption: 1 })",
  tanh: "nn.tanh({ inplace: true })",
  identity: "nn.identity({ unknownOption: 1 })",
  softsign: "nn.softsign({ unknownOption: 1 })",
  logsigmoid: "nn.logsigmoid(1)",
  tanhshrink: "nn.tanhshrink({ unknownOption: 1 })",
  softmax2d: "nn.softmax2d({ unknownOption: 1 })",
  softmax: "nn.softmax(1, { unknownOption: 1 })",
  logSoftmax: "nn.logSoftmax(1, { unknownOption: 1 })",
  softmin: "nn.softmin(1, { unknownOption: 1 })",
  glu: "nn.glu(1, { unknownOption: 1 })",
  pixelShuffle: "nn.pixelShuffle(2, { unknownOption: 1 })",
  pixelUnshuffle: "nn.pixelUnshuffle(2, { unknownOption: 1 })",
  channelShuffle: "nn.channelShuffle(2, { unknownOption: 1 })",
  ...Object.fromEntries(
    ["zero", "reflection", "replication"].flatMap((mode) =>
      [1, 2, 3].map((n) => [`${mode}Pad${n}d`, `nn.${mode}Pad${n}d(1, { unknownOption: 1 })`]),
    ),
  ),
  ...Object.fromEntries([1, 2, 3].map((n) => [`constantPad${n}d`, `nn.constantPad${n}d(1, 0, { unknownOption: 1 })`])),
  ...Object.fromEntries(
    ["Avg", "Max"].flatMap((kind) =>
      [1, 2, 3].map((n) => [`adaptive${kind}Pool${n}d`, `nn.adaptive${kind}Pool${n}d(1, { unknownOption: 1 })`]),
    ),
  ),
  adaptiveMaxPool2d: "nn.adaptiveMaxPool2d(1, false)",
  flatten: "nn.flatten(1, -1, { unknownOption: 1 })",
  unflatten: "nn.unflatten(1, [2, -1], { unknownOption: 1 })",
  lazyLinear: "nn.lazyLinear(3, { bias: false })",
  // blocks take layers: an options object is not one (refused when the model is built, on the same line)
  residual: "sequential(input([4]), nn.residual(nn.relu(), { unknownOption: 1 }))",
  concat: "sequential(input([4]), nn.concat(1, [nn.relu()], { unknownOption: 1 }))",
  repeat: "sequential(input([4]), nn.repeat(2, nn.relu(), { unknownOption: 1 }))",
  sequential: "sequential(input([4]), nn.sequential(nn.relu(), { unknownOption: 1 }))",
};
/** PyTorch's optional arguments given positionally where a builder takes them by name only (refused, not dropped). */
const byNameOnly: readonly string[] = [
  "nn.batchNorm2d(16, 1e-3, 0.1, {}, 1)",
  "nn.lazyBatchNorm1d(1e-3, 0.1, {}, 1)",
  "nn.instanceNorm2d(16, 1e-3, 0.1, {}, 1)",
  "nn.lazyInstanceNorm3d(1e-3, 0.1, {}, 1)",
  "nn.layerNorm(16, 1e-6, false, {}, 2)",
  "nn.embedding(10, 4, 0, 2, {}, 1)",
  'nn.embeddingBag(10, 4, null, 2, false, "sum", {}, 1)',
  "nn.multiheadAttention(16, 4, 0.1, false, {}, 1)",
  "nn.bilinear(3, 4, 5, false, {}, 1)",
  "nn.adaptiveLogSoftmaxWithLoss(8, 10, [4], 2, true, {}, 1)",
  'nn.upsample(null, 2, "bilinear", true, {}, 1)',
  "nn.unfold(3, 2, 1, 2, {}, 1)",
  "nn.fold(8, 3, 2, 1, 2, {}, 1)",
  'nn.transformerEncoderLayer(16, 4, 64, 0.1, "gelu")',
  'nn.transformerDecoderLayer(16, 4, 64, 0.1, "gelu")',
  "nn.transformerEncoder(nn.transformerEncoderLayer(16, 4), 2, 1)",
  "nn.transformerDecoder(nn.transformerDecoderLayer(16, 4), 2, 1)",
  "nn.transformer(16, 4)",
  // PyTorch's next positional argument after those taken here
  "nn.maxPool2d(3, 2, 1, 2, false, true, {}, 1)",
  "nn.avgPool1d(3, 2, 1, true, false, 1)",
  "nn.avgPool2d(3, 2, 1, true, false, 2, 1)",
  "nn.conv2d(3, 8, 3, 1, 1, 2)",
  "nn.conv2d(3, 8, 3, 1, 1, {}, 1)",
  "nn.lazyConv1d(8, 3, {}, 1)",
  "nn.convTranspose2d(8, 4, 3, 2, 1, 1, {}, 1)",
  "nn.lazyConv2d(8, 3, 1, 1, 2)",
  "nn.convTranspose2d(8, 4, 3, 2, 1, 1, 2)",
  "nn.lpPool2d(2, 3, 2, true, {}, 1)",
  "nn.lstm(10, 20, 2, false)",
  // required arguments given by name
  "nn.threshold({ threshold: 0.1, value: 0 })",
  "nn.threshold(0.1, { value: 0 })",
];
/**
 * Builders that take PyTorch's optional arguments positionally: the call up to them, their names and a value
 * each. Every prefix given positionally and the rest by name is accepted, with the same layer as all by name;
 * the first one given both ways is refused ("given twice").
 */
const positional: Readonly<Record<string, { base: string; names: readonly string[]; values: readonly string[] }>> = {
  conv1d: { base: "nn.conv1d(3, 8, 3", names: ["stride", "padding"], values: ["2", "1"] },
  conv2d: { base: "nn.conv2d(3, 8, 3", names: ["stride", "padding"], values: ["2", "1"] },
  conv3d: { base: "nn.conv3d(3, 8, 3", names: ["stride", "padding"], values: ["2", "1"] },
  lazyConv2d: { base: "nn.lazyConv2d(8, 3", names: ["stride", "padding"], values: ["2", "1"] },
  convTranspose2d: {
    base: "nn.convTranspose2d(8, 4, 3",
    names: ["stride", "padding", "outputPadding"],
    values: ["2", "1", "1"],
  },
  convTranspose3d: {
    base: "nn.convTranspose3d(8, 4, 3",
    names: ["stride", "padding", "outputPadding"],
    values: ["2", "1", "1"],
  },
  lazyConvTranspose1d: {
    base: "nn.lazyConvTranspose1d(4, 3",
    names: ["stride", "padding", "outputPadding"],
    values: ["2", "1", "1"],
  },
  maxPool1d: {
    base: "nn.maxPool1d(3",
    names: ["stride", "padding", "dilation", "returnIndices", "ceilMode"],
    values: ["2", "1", "2", "false", "true"],
  },
  maxPool2d: {
    base: "nn.maxPool2d(3",
    names: ["stride", "padding", "dilation", "returnIndices", "ceilMode"],
    values: ["2", "1", "2", "false", "true"],
  },
  maxPool3d: {
    base: "nn.maxPool3d(3",
    names: ["stride", "padding", "dilation", "returnIndices", "ceilMode"],
    values: ["2", "1", "2", "false", "true"],
  },
  avgPool1d: {
    base: "nn.avgPool1d(3",
    names: ["stride", "padding", "ceilMode", "countIncludePad"],
    values: ["2", "1", "true", "false"],
  },
  avgPool2d: {
    base: "nn.avgPool2d(3",
    names: ["stride", "padding", "ceilMode", "countIncludePad", "divisorOverride"],
    values: ["2", "1", "true", "false", "2"],
  },
  avgPool3d: {
    base: "nn.avgPool3d(3",
    names: ["stride", "padding", "ceilMode", "countIncludePad", "divisorOverride"],
    values: ["2", "1", "true", "false", "2"],
  },
  unfold: { base: "nn.unfold(3", names: ["dilation", "padding", "stride"], values: ["2", "1", "2"] },
  fold: { base: "nn.fold(8, 3", names: ["dilation", "padding", "stride"], values: ["2", "1", "2"] },
  lpPool1d: { base: "nn.lpPool1d(2, 3", names: ["stride", "ceilMode"], values: ["2", "true"] },
  lpPool2d: { base: "nn.lpPool2d(2, 3", names: ["stride", "ceilMode"], values: ["2", "true"] },
  lstm: { base: "nn.lstm(10, 20", names: ["numLayers"], values: ["2"] },
  gru: { base: "nn.gru(10, 20", names: ["numLayers"], values: ["2"] },
  rnn: { base: "nn.rnn(10, 20", names: ["numLayers"], values: ["2"] },
  linear: { base: "nn.linear(10, 5", names: ["bias"], values: ["false"] },
  relu: { base: "nn.relu(", names: ["inplace"], values: ["true"] },
  leakyRelu: { base: "nn.leakyRelu(", names: ["negativeSlope", "inplace"], values: ["0.2", "true"] },
  dropout: { base: "nn.dropout(", names: ["p", "inplace"], values: ["0.2", "true"] },
  dropout2d: { base: "nn.dropout2d(", names: ["p", "inplace"], values: ["0.2", "true"] },
  dropout1d: { base: "nn.dropout1d(", names: ["p", "inplace"], values: ["0.2", "true"] },
  alphaDropout: { base: "nn.alphaDropout(", names: ["p", "inplace"], values: ["0.2", "true"] },
  relu6: { base: "nn.relu6(", names: ["inplace"], values: ["true"] },
  elu: { base: "nn.elu(", names: ["alpha", "inplace"], values: ["0.5", "true"] },
  celu: { base: "nn.celu(", names: ["alpha", "inplace"], values: ["0.5", "true"] },
  softplus: { base: "nn.softplus(", names: ["beta", "threshold"], values: ["2", "10"] },
  hardtanh: { base: "nn.hardtanh(", names: ["minVal", "maxVal", "inplace"], values: ["-2", "2", "true"] },
  softshrink: { base: "nn.softshrink(", names: ["lambd"], values: ["0.3"] },
  hardshrink: { base: "nn.hardshrink(", names: ["lambd"], values: ["0.3"] },
  threshold: { base: "nn.threshold(0.1, 0", names: ["inplace"], values: ["true"] },
  prelu: { base: "nn.prelu(", names: ["numParameters", "init"], values: ["3", "0.2"] },
  rrelu: { base: "nn.rrelu(", names: ["lower", "upper", "inplace"], values: ["0.1", "0.3", "true"] },
  groupNorm: { base: "nn.groupNorm(2, 4", names: ["eps", "affine"], values: ["0.001", "false"] },
  localResponseNorm: {
    base: "nn.localResponseNorm(2",
    names: ["alpha", "beta", "k"],
    values: ["0.001", "0.5", "2"],
  },
  rnnCell: { base: "nn.rnnCell(10, 20", names: ["bias", "nonlinearity"], values: ["false", '"relu"'] },
  lstmCell: { base: "nn.lstmCell(10, 20", names: ["bias"], values: ["false"] },
  gruCell: { base: "nn.gruCell(10, 20", names: ["bias"], values: ["false"] },
  batchNorm1d: { base: "nn.batchNorm1d(16", names: ["eps", "momentum"], values: ["0.001", "0.01"] },
  batchNorm2d: { base: "nn.batchNorm2d(16", names: ["eps", "momentum"], values: ["0.001", "null"] },
  batchNorm3d: { base: "nn.batchNorm3d(16", names: ["eps", "momentum"], values: ["0.001", "0.01"] },
  syncBatchNorm: { base: "nn.syncBatchNorm(16", names: ["eps", "momentum"], values: ["0.001", "0.01"] },
  instanceNorm1d: { base: "nn.instanceNorm1d(16", names: ["eps", "momentum"], values: ["0.001", "0.01"] },
  instanceNorm2d: { base: "nn.instanceNorm2d(16", names: ["eps", "momentum"], values: ["0.001", "0.01"] },
  instanceNorm3d: { base: "nn.instanceNorm3d(16", names: ["eps", "momentum"], values: ["0.001", "0.01"] },
  lazyBatchNorm1d: { base: "nn.lazyBatchNorm1d(", names: ["eps", "momentum"], values: ["0.001", "0.01"] },
  lazyBatchNorm2d: { base: "nn.lazyBatchNorm2d(", names: ["eps", "momentum"], values: ["0.001", "null"] },
  lazyBatchNorm3d: { base: "nn.lazyBatchNorm3d(", names: ["eps", "momentum"], values: ["0.001", "0.01"] },
  lazyInstanceNorm1d: { base: "nn.lazyInstanceNorm1d(", names: ["eps", "momentum"], values: ["0.001", "0.01"] },
  lazyInstanceNorm2d: { base: "nn.lazyInstanceNorm2d(", names: ["eps", "momentum"], values: ["0.001", "0.01"] },
  lazyInstanceNorm3d: { base: "nn.lazyInstanceNorm3d(", names: ["eps", "momentum"], values: ["0.001", "0.01"] },
  bilinear: { base: "nn.bilinear(3, 4, 5", names: ["bias"], values: ["false"] },
  adaptiveLogSoftmaxWithLoss: {
    base: "nn.adaptiveLogSoftmaxWithLoss(8, 10, [4]",
    names: ["divValue", "headBias"],
    values: ["2", "true"],
  },
  upsample: {
    base: "nn.upsample(null",
    names: ["scaleFactor", "mode", "alignCorners"],
    values: ["2", '"bilinear"', "true"],
  },
  upsamplingNearest2d: { base: "nn.upsamplingNearest2d(null", names: ["scaleFactor"], values: ["2"] },
  embeddingBag: {
    base: "nn.embeddingBag(10, 4",
    names: ["maxNorm", "normType", "scaleGradByFreq", "mode"],
    values: ["null", "2", "false", '"sum"'],
  },
  embedding: { base: "nn.embedding(10, 4", names: ["paddingIdx", "maxNorm"], values: ["0", "2"] },
  multiheadAttention: { base: "nn.multiheadAttention(16, 4", names: ["dropout", "bias"], values: ["0.1", "false"] },
  layerNorm: { base: "nn.layerNorm(16", names: ["eps", "elementwiseAffine"], values: ["0.000001", "false"] },
  transformerEncoderLayer: {
    base: "nn.transformerEncoderLayer(16, 4",
    names: ["dimFeedforward", "dropout"],
    values: ["64", "0.2"],
  },
  transformerDecoderLayer: {
    base: "nn.transformerDecoderLayer(16, 4",
    names: ["dimFeedforward", "dropout"],
    values: ["64", "0.2"],
  },
};

/** Runs a builder's call; the ShapeError's message, or the layer. */
function run(code: string): { message: string } | { layer: Record<string, unknown> } {
  try {
    return {
      layer: new Function("nn", "layers", "input", "sequential", `return ${code};`)(nn, layers, input, sequential),
    };
  } catch (error) {
    assert.ok(error instanceof ShapeError, `${code} threw ${String(error)}`);
    return { message: error.message };
  }
}
/** A layer's settings as data (its written name and functions aside): two calls give the same layer. */
const settings = (layer: Record<string, unknown>): string =>
  JSON.stringify(layer, (key, value: unknown) =>
    key === "written" || typeof value === "function" ? undefined : value,
  );
const argsOf = (base: string, args: readonly string[]) =>
  `${base}${base.endsWith("(") || args.length === 0 ? "" : ", "}${args.join(", ")})`;

test("every builder of both vocabularies: its options, arguments it does not take, given twice, positional then options", async () => {
  // every builder the index exports has an entry here (a new builder without one fails this test)
  const covered = new Set([
    ...Object.keys(nnBuilders).map((name) => `nn.${name.split(" ")[0]}`),
    ...Object.keys(withoutOptions).map((name) => `nn.${name}`),
    ...Object.keys(layersBuilders).map((name) => `layers.${name}`),
  ]);
  const missing: string[] = [];
  for (const [vocabulary, builders] of [
    ["nn", nn],
    ["layers", layers],
  ] as const) {
    const functions = Object.entries(builders as Record<string, unknown>).filter(([, f]) => typeof f === "function");
    for (const [name, f] of functions) {
      // an alias (layers.maxPool2d) is covered by its builder's entry
      const same = functions.filter(([, g]) => g === f).map(([other]) => `${vocabulary}.${other}`);
      if (!same.some((one) => covered.has(one))) missing.push(`${vocabulary}.${name}`);
    }
  }
  assert.deepEqual(missing, [], "builders without an entry in test/option-keys.test.ts");

  interface Line {
    readonly code: string;
    /** The runtime's message (the compiler gives one error on the line containing it, or any one error when `any`). */
    readonly message?: string;
    readonly any?: boolean;
  }
  const lines: Line[] = [];
  const problems: string[] = [];
  for (const code of [...Object.values(withoutOptions), ...byNameOnly]) {
    const result = run(code);
    if ("layer" in result) problems.push(`${code}: accepted at run time`);
    else lines.push({ code, message: result.message, any: true });
  }
  for (const [name, { base, names, values }] of Object.entries(positional)) {
    const byName = argsOf(base, [`{ ${names.map((key, i) => `${key}: ${values[i]}`).join(", ")} }`]);
    const reference = run(byName);
    if (!("layer" in reference)) {
      problems.push(`${name}: ${byName} refused: ${reference.message}`);
      continue;
    }
    lines.push({ code: byName });
    for (let k = 1; k <= names.length; k++) {
      const rest = names.slice(k).map((key, i) => `${key}: ${values[k + i]}`);
      const code = argsOf(base, [...values.slice(0, k), ...(rest.length > 0 ? [`{ ${rest.join(", ")} }`] : [])]);
      const result = run(code);
      if (!("layer" in result)) problems.push(`${code} refused: ${result.message}`);
      else if (settings(result.layer) !== settings(reference.layer))
        problems.push(`${code} is another layer than ${byName}: ${settings(result.layer)}`);
      else lines.push({ code });
    }
    // given twice; after the last positional argument an options object is an argument more (the compiler's own
    // "Expected … arguments" then, and "takes at most …" at run time)
    const twice = argsOf(base, [values[0]!, `{ ${names[0]}: ${values[0]} }`]);
    const result = run(twice);
    const twiceMessage = `${names[0]} is given twice`;
    if ("layer" in result) problems.push(`${twice}: accepted (given twice)`);
    else if (!result.message.includes(twiceMessage) && !result.message.includes(": takes at most "))
      problems.push(`${twice}: ${result.message}`);
    else lines.push({ code: twice, message: result.message, any: !result.message.includes(twiceMessage) });
  }
  assert.deepEqual([...problems], []); // (a copy: the assertion would narrow `problems` to never[])

  const dir = join(root, ".tmp/option-keys-calls");
  writeProject(dir, [
    {
      name: "cases.ts",
      lines: [
        { code: 'import { input, layers, nn, sequential } from "shapecheck";' },
        ...lines.map((one) => ({ code: `${one.code};` })),
      ],
    },
  ]);
  for (const [compiler, tsc] of Object.entries(compilers)) {
    const found = (await compile(tsc, dir)).filter((d) => d.file === join(dir, "cases.ts"));
    lines.forEach((one, index) => {
      const here = found.filter((d) => d.line === index + 2);
      const fits =
        one.message === undefined
          ? here.length === 0
          : here.length === 1 && (one.any === true || here[0]!.text.includes(one.message));
      if (!fits)
        problems.push(
          `${one.code}\n    run time: ${one.message ?? "accepted"}\n    ${compiler}: ${here.map((d) => d.text).join(" | ") || "no error"}`,
        );
    });
  }
  assert.deepEqual(problems, [], `${problems.length} of ${lines.length} lines:\n${problems.join("\n")}`);
  console.log(
    `# builders: ${covered.size} entries; ${lines.length} calls (arguments not taken, positional then options, given twice) checked at run time and by 2 compilers`,
  );
});
