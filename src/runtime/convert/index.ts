// toTfjs: an `nn` model (channels-first, PyTorch's semantics) → a tfjs-layers functional model that
// computes the same function. Input and output are in PyTorch's layout; inside, the tensor is
// permuted to channels-last before the first convolution or pooling and back before a layer that
// needs PyTorch's order (flatten, linear on 3+ dimensions), each only when the layout changes.
import { ShapeError } from "../../errors.ts";
import * as tfl from "@tensorflow/tfjs-layers";
import { showShape, type RuntimeShape } from "../../shape/dims.ts";
import * as activation from "../../families/activation/activation.tfjs.ts";
import { extraActivation, prelu } from "../../families/activation/extra-activations.tfjs.ts";
import { shuffle } from "../../families/shuffle/shuffle.tfjs.ts";
import { pad } from "../../families/padding/torch-pad.tfjs.ts";
import { extraDropout } from "../../families/activation/extra-dropout.tfjs.ts";
import { groupNorm } from "../../families/normalization/group-norm.tfjs.ts";
import { instanceNorm } from "../../families/normalization/instance-norm.tfjs.ts";
import { upsample } from "../../families/upsample/upsample.tfjs.ts";
import { rrelu } from "../../families/activation/rrelu.tfjs.ts";
import { embeddingBag } from "../../families/embedding/embedding-bag.tfjs.ts";
import { localResponseNorm } from "../../families/normalization/local-response-norm.tfjs.ts";
import { concat, model, nestedSequential, residual, setPreferredLayout } from "../../families/blocks/blocks.tfjs.ts";
import {
  configsOf,
  NotConvertibleError,
  notConvertible,
  type Converted,
  type Converter,
  type ConvertContext,
  type LayerConfig,
  type ParamSpec,
} from "./context.ts";
import type { ConfigOf, LayerKind } from "../../families/layer-config.ts";
import { conv, lazyConv } from "../../families/conv/conv.tfjs.ts";
import { fold, unfold } from "../../families/conv/unfold.tfjs.ts";
import { tfConv, tfOwnConv } from "../../families/conv/tf-conv.tfjs.ts";
import { tfBatchNormalization } from "../../families/normalization/tf-normalization.tfjs.ts";
import { adaptivePool } from "../../families/pool/adaptive-pool.tfjs.ts";
import { convTranspose, lazyConvTranspose } from "../../families/conv/conv-transpose.tfjs.ts";
import { embedding } from "../../families/embedding/embedding.tfjs.ts";
import { flatten, keepsFeatureOrder, unflatten } from "../../families/reshape/flatten.tfjs.ts";
import { batchNorm, layerNorm } from "../../families/normalization/normalization.tfjs.ts";
import { gru, lstm, rnn } from "../../families/recurrent/recurrent.tfjs.ts";
import { recurrentCell } from "../../families/recurrent/rnn-cell.tfjs.ts";
import { multiheadAttention } from "../../families/attention/attention.tfjs.ts";
import { transformerChain } from "../../families/transformer/transformer.tfjs.ts";
import { isTfjsKind, tfjsLayer } from "./tfjs-layers.ts";
import { toLayout, type Layout } from "./layout.ts";
import { reapply, renamed, repeatedLayers, sameOrder, type Applied } from "./shared.ts";
import { linear } from "../../families/linear/linear.tfjs.ts";
import { bilinear } from "../../families/linear/bilinear.tfjs.ts";
import { adaptiveLogSoftmaxWithLoss } from "../../families/activation/adaptive-log-softmax.tfjs.ts";
import { pool } from "../../families/pool/pool.tfjs.ts";
import { lpPool } from "../../families/pool/lp-pool.tfjs.ts";
import { tfPool3d } from "../../families/pool/tf-pool3d.tfjs.ts";
import { custom } from "../../families/custom/custom.tfjs.ts";
import { tfRecurrent } from "../../families/recurrent/tf-recurrent.tfjs.ts";
import {
  tfCategoryEncoding,
  tfCenterCrop,
  tfRandomWidth,
  tfResizing,
} from "../../families/preprocessing/tf-preprocessing.tfjs.ts";

export { NotConvertibleError, type ParamSpec } from "./context.ts";

/**
 * The converter of every layer kind, typed by its config: a kind of `LayerConfig` without a converter
 * here does not compile. The `layers` vocabulary's kinds ("Conv2D", …) are tfjs's own layers (`tfjsLayer`).
 */
export const converters: { readonly [Kind in LayerKind]: Converter<ConfigOf<Kind>> } = {
  conv1d: conv,
  conv2d: conv,
  conv3d: conv,
  lazyConv1d: lazyConv,
  lazyConv2d: lazyConv,
  lazyConv3d: lazyConv,
  unfold,
  fold,
  maxPool1d: pool,
  maxPool2d: pool,
  avgPool1d: pool,
  avgPool2d: pool,
  maxPool3d: pool,
  avgPool3d: pool,
  flatten,
  linear,
  lazyLinear: linear,
  bilinear,
  adaptiveLogSoftmaxWithLoss,
  relu: activation.relu,
  leakyRelu: activation.leakyRelu,
  gelu: activation.gelu,
  sigmoid: activation.sigmoid,
  tanh: activation.tanh,
  identity: activation.identity,
  dropout: activation.dropout,
  dropout2d: activation.dropout2d,
  softmax: activation.softmax,
  logSoftmax: activation.logSoftmax,
  residual,
  concat,
  convTranspose1d: convTranspose,
  convTranspose2d: convTranspose,
  convTranspose3d: convTranspose,
  lazyConvTranspose1d: lazyConvTranspose,
  lazyConvTranspose2d: lazyConvTranspose,
  lazyConvTranspose3d: lazyConvTranspose,
  adaptiveAvgPool1d: adaptivePool,
  adaptiveAvgPool2d: adaptivePool,
  adaptiveMaxPool2d: adaptivePool,
  adaptiveMaxPool1d: adaptivePool,
  adaptiveAvgPool3d: adaptivePool,
  adaptiveMaxPool3d: adaptivePool,
  lpPool1d: lpPool,
  lpPool2d: lpPool,
  unflatten,
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
  rrelu,
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
  transformerEncoderLayer: transformerChain,
  transformerEncoder: transformerChain,
  transformerDecoderLayer: transformerChain,
  transformerDecoder: transformerChain,
  transformer: transformerChain,
  nestedSequential,
  model,
  relu6: extraActivation,
  hardswish: extraActivation,
  hardsigmoid: extraActivation,
  silu: extraActivation,
  mish: extraActivation,
  elu: extraActivation,
  selu: extraActivation,
  celu: extraActivation,
  softplus: extraActivation,
  softsign: extraActivation,
  hardtanh: extraActivation,
  logsigmoid: extraActivation,
  tanhshrink: extraActivation,
  softshrink: extraActivation,
  hardshrink: extraActivation,
  threshold: extraActivation,
  glu: extraActivation,
  softmax2d: extraActivation,
  softmin: extraActivation,
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
  dropout1d: extraDropout,
  dropout3d: extraDropout,
  alphaDropout: extraDropout,
  featureAlphaDropout: extraDropout,
  groupNorm,
  localResponseNorm,
  // layers (TensorFlow.js's vocabulary): tfjs's layer of the same name and arguments
  Conv1D: tfConv,
  Conv2D: tfConv,
  Conv3D: tfConv,
  Conv2DTranspose: tfOwnConv,
  Conv3DTranspose: tfOwnConv,
  DepthwiseConv2D: tfOwnConv,
  SeparableConv2D: tfOwnConv,
  MaxPooling1D: tfjsLayer,
  MaxPooling2D: tfjsLayer,
  AveragePooling1D: tfjsLayer,
  AveragePooling2D: tfjsLayer,
  GlobalAveragePooling1D: tfjsLayer,
  GlobalMaxPooling1D: tfjsLayer,
  GlobalAveragePooling2D: tfjsLayer,
  GlobalMaxPooling2D: tfjsLayer,
  Dense: tfjsLayer,
  Flatten: tfjsLayer,
  Reshape: tfjsLayer,
  Permute: tfjsLayer,
  Dropout: tfjsLayer,
  Activation: tfjsLayer,
  BatchNormalization: tfBatchNormalization,
  Embedding: tfjsLayer,
  ZeroPadding2D: tfjsLayer,
  UpSampling2D: tfjsLayer,
  ReLU: tfjsLayer,
  LeakyReLU: tfjsLayer,
  ELU: tfjsLayer,
  ThresholdedReLU: tfjsLayer,
  PReLU: tfjsLayer,
  Softmax: tfjsLayer,
  SpatialDropout1D: tfjsLayer,
  GaussianNoise: tfjsLayer,
  GaussianDropout: tfjsLayer,
  AlphaDropout: tfjsLayer,
  Masking: tfjsLayer,
  Rescaling: tfjsLayer,
  LayerNormalization: tfjsLayer,
  MaxPooling3D: tfPool3d,
  AveragePooling3D: tfPool3d,
  Cropping2D: tfjsLayer,
  RepeatVector: tfjsLayer,
  Resizing: tfResizing,
  CenterCrop: tfCenterCrop,
  RandomWidth: tfRandomWidth,
  CategoryEncoding: tfCategoryEncoding,
  SimpleRNN: tfRecurrent,
  LSTM: tfRecurrent,
  GRU: tfRecurrent,
  RNN: tfRecurrent,
  ConvLSTM2D: tfRecurrent,
  TimeDistributed: tfRecurrent,
  Bidirectional: tfRecurrent,
  // users' own layers (defineLayer)
  custom,
};

/** What toTfjs needs of a model: its input shape and layers. */
export interface Convertible {
  readonly inputShape: RuntimeShape;
  readonly layers: readonly unknown[];
}

export interface Conversion {
  readonly model: tfl.LayersModel;
  /** Every PyTorch parameter of the model, in state_dict order, and where tfjs keeps it. */
  readonly params: readonly ParamSpec[];
}

/** The converter of a layer's kind (the registry is keyed by kind, so it takes this layer's config). */
function converterOf(layer: LayerConfig): Converter {
  const registered = Object.hasOwn(converters, layer.kind)
    ? (converters[layer.kind] as Converter<LayerConfig>)
    : undefined;
  const converter = registered ?? (isTfjsKind(layer.kind) ? tfjsLayer : undefined);
  if (!converter)
    throw new NotConvertibleError(
      `toTfjs: ${layer.written} cannot be converted to TensorFlow.js yet (no converter for "${layer.kind}" layers)`,
    );
  return converter;
}

/** The layout the first layer of `layers` that cares about layouts wants. */
function preferredLayout(layers: readonly LayerConfig[], input: readonly unknown[]): Layout | "any" {
  let shape = input as RuntimeShape;
  for (const [index, layer] of layers.entries()) {
    const wanted = converterOf(layer).layout(layer, shape, layers.slice(index + 1));
    if (wanted !== "any") return wanted;
    shape = layer.outputShape(shape);
  }
  return "any";
}
setPreferredLayout(preferredLayout);

/** The conversion under way: layers with weights already applied, and the layers used more than once. */
interface Sharing {
  readonly applied: Map<LayerConfig, Applied>;
  readonly repeated: Set<LayerConfig>;
}
let sharing: Sharing = { applied: new Map(), repeated: new Set() };

/** Runs a conversion of a model whose layer lists are `lists`: a layer object used twice shares its weights. */
export function withSharing<T>(lists: readonly (readonly LayerConfig[])[], build: () => T): T {
  const outer = sharing;
  sharing = { applied: new Map(), repeated: repeatedLayers(lists) };
  try {
    return build();
  } finally {
    sharing = outer;
  }
}

export const writeSharedRankMessage = (layer: LayerConfig, first: number, again: number): string =>
  `toTfjs: ${layer.written} is applied to a tensor of ${first} dimensions and again to one of ${again}: a shared layer must get the same number of dimensions (TensorFlow.js builds it once)`;

/** The layers after `x` (logical shape `input`, in `layout`); blocks and graphs call it for their layers. */
export function chain(
  layers: readonly LayerConfig[],
  x: tfl.SymbolicTensor,
  input: RuntimeShape,
  layout: Layout,
  prefix: string,
): Converted & { shape: RuntimeShape } {
  let shape = input;
  const params: ParamSpec[] = [];
  let featureOrder: readonly number[] | undefined;
  for (let index = 0; index < layers.length; index++) {
    const layer = layers[index]!;
    const path = prefix === "" ? `${index}` : `${prefix}.${index}`;
    const converter = converterOf(layer);
    let output = layer.outputShape(shape);
    const earlier = sharing.applied.get(layer);
    if (earlier) {
      // a shared layer: its tfjs layers again, on this input
      if (earlier.rank !== shape.length)
        throw new NotConvertibleError(writeSharedRankMessage(layer, earlier.rank, shape.length));
      if (!sameOrder(earlier.featureOrder, featureOrder))
        throw notConvertible(layer, "a shared layer after a flatten is applied to features in two orders");
      x = reapply(earlier, toLayout(x, shape.length, layout, earlier.input, path));
      layout = earlier.output;
      // a model used again lists its parameters once (PyTorch's state_dict of a module called twice)
      if (layer.kind !== "model") params.push(...renamed(earlier, path));
      shape = output;
      featureOrder = undefined;
      continue;
    }
    const fused = converter.fusesRelu && layers[index + 1]?.kind === "relu" && !sharing.repeated.has(layer);
    if (fused) output = layers[index + 1]!.outputShape(output);
    const wanted = converter.layout(layer, shape, layers.slice(index + 1));
    if (wanted !== "any" && wanted !== layout) {
      x = toLayout(x, shape.length, layout, wanted, path);
      layout = wanted;
    }
    const ctx: ConvertContext = {
      x,
      layout,
      input: shape,
      output,
      path,
      next: layers.slice(index + (fused ? 2 : 1)),
      ...(fused ? { activation: "relu" as const } : {}),
      ...(featureOrder ? { featureOrder } : {}),
      name: (suffix?: string) => `${path}.${layer.kind}${suffix ? `.${suffix}` : ""}`,
      chain,
      toLayout,
    };
    const result = converter.convert(layer, ctx);
    const layerParams = result.params ?? [];
    if (sharing.repeated.has(layer) && layerParams.length > 0) {
      sharing.applied.set(layer, {
        x,
        y: result.y,
        input: layout,
        output: result.layout ?? layout,
        rank: shape.length,
        path,
        params: layerParams,
        ...(featureOrder ? { featureOrder } : {}),
      });
    }
    x = result.y;
    layout = result.layout ?? layout;
    params.push(...layerParams);
    featureOrder = result.featureOrder ?? (keepsFeatureOrder(layer) ? featureOrder : undefined);
    shape = output;
    if (fused) index++; // the relu is applied
  }
  return { y: x, layout, params, shape };
}

/**
 * Builds the tfjs-layers model of a checked `nn` model, with PyTorch's initial weights. Throws a
 * NotConvertibleError naming the layer when a layer (or one of its options) has no TensorFlow.js
 * equivalent yet.
 */
export function convert(net: Convertible): Conversion {
  const batchShape = net.inputShape.map((dim) => (typeof dim === "number" ? dim : null));
  const x = tfl.input({ batchShape, name: "input" });
  const layers = configsOf(net.layers);
  const result = withKnownSizes(showShape(net.inputShape), () =>
    withSharing([layers], () => chain(layers, x, net.inputShape, "first", "")),
  );
  let y = toLayout(result.y, result.shape.length, result.layout ?? "first", "first", "output");
  if (y === x)
    y = tfl.layers.activation({ activation: "linear", name: "output.identity" }).apply(x) as tfl.SymbolicTensor;
  return { model: tfl.model({ inputs: x, outputs: y }), params: result.params ?? [] };
}

export const writeUnknownSizeMessage = (input: string): string =>
  `toTfjs: a layer needs a size that is unknown until data arrives (input ${input}); give input() that size (TensorFlow.js builds every layer before it sees data)`;

/** tfjs refuses to build a layer whose input size is unknown (a dense after flattening `null`s): say why, in shapecheck's words. */
export function withKnownSizes<T>(inputs: string, build: () => T): T {
  try {
    return build();
  } catch (error) {
    if (
      error instanceof Error &&
      /not fully defined|must be defined|should be defined|defined dimension/.test(error.message)
    ) {
      throw new ShapeError(writeUnknownSizeMessage(inputs));
    }
    throw error;
  }
}
