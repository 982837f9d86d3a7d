// One Python constructor per layer kind: the torch.nn module with the layer's configuration, so its
// state_dict keys and shapes are the ones the TensorFlow.js model's stateDict() uses. Blocks hold
// nn.Sequential chains (`3.layers.0.weight`, `4.branches.1.0.weight`). A kind missing here but named
// as a torch.nn module (SPEC: `ReLU6` → `relu6`) is written as that module with its config fields as
// keywords; anything else (the `layers` vocabulary, defineLayer's layers) is an ExportError.
import { ExportError, writeNoFormMessage } from "../errors.ts";
import { showDims, traceOf, type LayerLike, type RuntimeShape } from "../model-parts.ts";
import { call, py, snake } from "./python.ts";

/** Writes one layer; `chain` writes a nested chain of layers (for blocks) at the given indent. */
type Emitter = (
  layer: LayerLike,
  input: RuntimeShape,
  chain: (layers: readonly LayerLike[], input: RuntimeShape) => string,
) => string;

/** The helper classes of the preamble a layer needs (`LSTM`, `Residual`, …). */
export const helpersOf: Readonly<Record<string, string>> = {
  lstm: "LSTM",
  gru: "GRU",
  multiheadAttention: "SelfAttention",
  residual: "Residual",
  concat: "Concat",
  embedding: "Embedding",
  rnn: "RNN",
  lstmCell: "LSTMCell",
  gruCell: "GRUCell",
  rnnCell: "RNNCell",
  embeddingBag: "EmbeddingBag",
  channelShuffle: "ChannelShuffle",
  adaptiveLogSoftmaxWithLoss: "AdaptiveLogSoftmaxWithLoss",
};

const f = (layer: LayerLike, name: string): unknown => layer[name];

/** The keywords of a Transformer layer (batch first, as here). */
const transformerKeywords = (l: LayerLike): Record<string, [unknown, unknown]> => ({
  dim_feedforward: [f(l, "dimFeedforward"), 2048],
  dropout: [f(l, "dropout"), 0.1],
  activation: [f(l, "activation"), "relu"],
  layer_norm_eps: [f(l, "layerNormEps"), 1e-5],
  batch_first: [true, null],
  norm_first: [f(l, "normFirst"), false],
});
const transformerLayer = (module: string, l: LayerLike): string =>
  call(module, [f(l, "dModel"), f(l, "nhead")], transformerKeywords(l));
/** TransformerEncoder / TransformerDecoder: the layer, numLayers, the final norm (nested tensors off: train mode's results in eval). */
const transformerStack = (module: string, layerModule: string, l: LayerLike): string => {
  const inner = f(l, "layer") as LayerLike;
  const norm = f(l, "norm") as LayerLike | null;
  const args = [transformerLayer(layerModule, inner), String(f(l, "numLayers"))];
  if (norm)
    args.push(
      `norm=${call("nn.LayerNorm", [f(inner, "dModel")], {
        eps: [f(norm, "eps"), 1e-5],
        elementwise_affine: [f(norm, "elementwiseAffine"), true],
      })}`,
    );
  if (module.endsWith("Encoder")) args.push("enable_nested_tensor=False");
  return `${module}(${args.join(", ")})`;
};

/** A dimension the walk knows (lazy layers: the input's channels), else the export error naming the layer. */
const knownDim = (l: LayerLike, input: RuntimeShape, axis: number, what: string): number => {
  const dim = input[axis < 0 ? input.length + axis : axis];
  if (typeof dim !== "number")
    throw new ExportError(
      writeNoFormMessage(
        "toPyTorch",
        l.written ?? l.kind,
        `its input's ${what} is not known (${showDims(input)}): give input() that size`,
      ),
    );
  return dim;
};

// Lazy convolutions: the concrete module with the in_channels the walk inferred (weights ready to load).
const conv =
  (module: string): Emitter =>
  (l, input) =>
    call(
      `nn.${module}`,
      [f(l, "inChannels") ?? knownDim(l, input, 1, "channels"), f(l, "outChannels"), f(l, "kernelSize")],
      {
        stride: [f(l, "stride"), 1],
        padding: [f(l, "padding"), 0],
        output_padding: [f(l, "outputPadding"), 0],
        dilation: [f(l, "dilation"), 1],
        groups: [f(l, "groups"), 1],
        bias: [f(l, "bias"), true],
      },
    );

const pool =
  (module: string, dilation: boolean): Emitter =>
  (l) => {
    if (!dilation && f(l, "dilation") !== undefined && JSON.stringify(f(l, "dilation")) !== "1") {
      throw new ExportError(
        writeNoFormMessage("toPyTorch", l.written ?? l.kind, "PyTorch's average pooling has no dilation"),
      );
    }
    return call(`nn.${module}`, [f(l, "kernelSize")], {
      stride: [f(l, "stride"), f(l, "kernelSize")],
      padding: [f(l, "padding"), 0],
      ...(dilation ? { dilation: [f(l, "dilation"), 1] } : {}),
      ceil_mode: [f(l, "ceilMode"), false],
      // average pooling's divisor: padded cells counted or not, or a fixed divisor (these change the values)
      ...(dilation
        ? {}
        : { count_include_pad: [f(l, "countIncludePad"), true], divisor_override: [f(l, "divisorOverride"), null] }),
    });
  };

const simple =
  (module: string, ...fields: string[]): Emitter =>
  (l) =>
    call(
      `nn.${module}`,
      fields.map((name) => f(l, name)),
    );

const emitters: Readonly<Record<string, Emitter>> = {
  conv1d: conv("Conv1d"),
  conv2d: conv("Conv2d"),
  conv3d: conv("Conv3d"),
  convTranspose1d: conv("ConvTranspose1d"),
  convTranspose2d: conv("ConvTranspose2d"),
  maxPool1d: pool("MaxPool1d", true),
  maxPool2d: pool("MaxPool2d", true),
  avgPool1d: pool("AvgPool1d", false),
  avgPool2d: pool("AvgPool2d", false),
  maxPool3d: pool("MaxPool3d", true),
  avgPool3d: pool("AvgPool3d", false),
  convTranspose3d: conv("ConvTranspose3d"),
  lazyConv1d: conv("Conv1d"),
  lazyConv2d: conv("Conv2d"),
  lazyConv3d: conv("Conv3d"),
  lazyConvTranspose1d: conv("ConvTranspose1d"),
  lazyConvTranspose2d: conv("ConvTranspose2d"),
  lazyConvTranspose3d: conv("ConvTranspose3d"),
  lpPool1d: (l) => call("nn.LPPool1d", [f(l, "normType"), f(l, "kernelSize")], lpKeywords(l)),
  lpPool2d: (l) => call("nn.LPPool2d", [f(l, "normType"), f(l, "kernelSize")], lpKeywords(l)),
  adaptiveAvgPool3d: simple("AdaptiveAvgPool3d", "outputSize"),
  adaptiveMaxPool1d: simple("AdaptiveMaxPool1d", "outputSize"),
  adaptiveMaxPool3d: simple("AdaptiveMaxPool3d", "outputSize"),
  unfold: (l) => call("nn.Unfold", [f(l, "kernelSize")], foldKeywords(l)),
  fold: (l) => call("nn.Fold", [f(l, "outputSize"), f(l, "kernelSize")], foldKeywords(l)),
  adaptiveAvgPool1d: simple("AdaptiveAvgPool1d", "outputSize"),
  adaptiveAvgPool2d: simple("AdaptiveAvgPool2d", "outputSize"),
  adaptiveMaxPool2d: simple("AdaptiveMaxPool2d", "outputSize"),
  flatten: (l) => call("nn.Flatten", [f(l, "startDim"), f(l, "endDim")]),
  unflatten: (l) => call("nn.Unflatten", [f(l, "dim"), f(l, "sizes")]),
  linear: (l) => call("nn.Linear", [f(l, "inFeatures"), f(l, "outFeatures")], { bias: [f(l, "bias"), true] }),
  // LazyLinear's in_features is known here (the walk inferred it): a plain Linear, weights ready to load.
  lazyLinear: (l, input) => {
    const inFeatures = input[input.length - 1];
    if (typeof inFeatures !== "number")
      throw new ExportError(
        writeNoFormMessage(
          "toPyTorch",
          l.written ?? l.kind,
          `its input's last dimension is not known (${showDims(input)}): give input() that size`,
        ),
      );
    return call("nn.Linear", [inFeatures, f(l, "outFeatures")], { bias: [f(l, "bias"), true] });
  },
  batchNorm1d: (l) => batchNorm("BatchNorm1d", l),
  batchNorm2d: (l) => batchNorm("BatchNorm2d", l),
  batchNorm3d: (l) => batchNorm("BatchNorm3d", l),
  // SyncBatchNorm is BatchNorm on one process (the same keys; DDP syncs nothing here): written as the BatchNorm of its input's rank.
  syncBatchNorm: (l, input) => batchNorm(`BatchNorm${Math.min(Math.max(input.length - 2, 1), 3)}d`, l),
  lazyBatchNorm1d: (l, input) => batchNorm("BatchNorm1d", l, knownDim(l, input, 1, "channels")),
  lazyBatchNorm2d: (l, input) => batchNorm("BatchNorm2d", l, knownDim(l, input, 1, "channels")),
  lazyBatchNorm3d: (l, input) => batchNorm("BatchNorm3d", l, knownDim(l, input, 1, "channels")),
  instanceNorm1d: (l, input) => instanceNorm("InstanceNorm1d", l, input),
  instanceNorm2d: (l, input) => instanceNorm("InstanceNorm2d", l, input),
  instanceNorm3d: (l, input) => instanceNorm("InstanceNorm3d", l, input),
  lazyInstanceNorm1d: (l, input) => instanceNorm("InstanceNorm1d", l, input),
  lazyInstanceNorm2d: (l, input) => instanceNorm("InstanceNorm2d", l, input),
  lazyInstanceNorm3d: (l, input) => instanceNorm("InstanceNorm3d", l, input),
  upsample: (l) =>
    call("nn.Upsample", [], {
      size: [f(l, "size"), null],
      scale_factor: [f(l, "scaleFactor"), null],
      mode: [f(l, "mode"), "nearest"],
      // PyTorch accepts align_corners only with the linear modes
      align_corners: [/linear|bicubic/.test(String(f(l, "mode"))) ? f(l, "alignCorners") : undefined, false],
    }),
  upsamplingNearest2d: (l) =>
    call("nn.UpsamplingNearest2d", [], { size: [f(l, "size"), null], scale_factor: [f(l, "scaleFactor"), null] }),
  upsamplingBilinear2d: (l) =>
    call("nn.UpsamplingBilinear2d", [], { size: [f(l, "size"), null], scale_factor: [f(l, "scaleFactor"), null] }),
  // padding: `pads` in PyTorch's order (last dimension first); zero padding as ConstantPad (1.13 has no ZeroPad1d/3d)
  ...Object.fromEntries(
    [1, 2, 3].flatMap((d) => [
      [`zeroPad${d}d`, (l: LayerLike) => call(`nn.ConstantPad${d}d`, [f(l, "pads"), 0])],
      [`constantPad${d}d`, (l: LayerLike) => call(`nn.ConstantPad${d}d`, [f(l, "pads"), f(l, "value")])],
      [`reflectionPad${d}d`, (l: LayerLike) => call(`nn.ReflectionPad${d}d`, [f(l, "pads")])],
      [`replicationPad${d}d`, (l: LayerLike) => call(`nn.ReplicationPad${d}d`, [f(l, "pads")])],
    ]),
  ),
  channelShuffle: (l) => call("ChannelShuffle", [f(l, "groups")]),
  rrelu: (l) => call("nn.RReLU", [f(l, "lower"), f(l, "upper")]),
  adaptiveLogSoftmaxWithLoss: (l) =>
    call("AdaptiveLogSoftmaxWithLoss", [f(l, "inFeatures"), f(l, "nClasses"), f(l, "cutoffs")], {
      div_value: [f(l, "divValue"), 4],
      head_bias: [f(l, "headBias"), false],
    }),
  embeddingBag: (l) =>
    call("EmbeddingBag", [f(l, "numEmbeddings"), f(l, "embeddingDim")], {
      mode: [f(l, "mode"), "mean"],
      padding_idx: [f(l, "paddingIdx"), null],
    }),
  rnn: (l) =>
    call("RNN", [f(l, "inputSize"), f(l, "hiddenSize")], {
      num_layers: [f(l, "numLayers"), 1],
      nonlinearity: [f(l, "nonlinearity"), "tanh"],
      bias: [f(l, "bias"), true],
      dropout: [f(l, "dropout"), 0],
      bidirectional: [f(l, "bidirectional"), false],
    }),
  rnnCell: (l) =>
    call("RNNCell", [f(l, "inputSize"), f(l, "hiddenSize")], {
      bias: [f(l, "bias"), true],
      nonlinearity: [f(l, "nonlinearity"), "tanh"],
    }),
  lstmCell: (l) => call("LSTMCell", [f(l, "inputSize"), f(l, "hiddenSize")], { bias: [f(l, "bias"), true] }),
  gruCell: (l) => call("GRUCell", [f(l, "inputSize"), f(l, "hiddenSize")], { bias: [f(l, "bias"), true] }),
  layerNorm: (l) =>
    call("nn.LayerNorm", [f(l, "normalizedShape")], {
      eps: [f(l, "eps"), 1e-5],
      elementwise_affine: [f(l, "elementwiseAffine"), true],
    }),
  embedding: (l) =>
    call("Embedding", [f(l, "numEmbeddings"), f(l, "embeddingDim")], {
      padding_idx: [f(l, "paddingIdx"), null],
      max_norm: [f(l, "maxNorm"), null],
    }),
  lstm: (l) =>
    call("LSTM", [f(l, "inputSize"), f(l, "hiddenSize")], {
      num_layers: [f(l, "numLayers"), 1],
      bias: [f(l, "bias"), true],
      dropout: [f(l, "dropout"), 0],
      bidirectional: [f(l, "bidirectional"), false],
      proj_size: [f(l, "projSize"), 0],
    }),
  gru: (l) =>
    call("GRU", [f(l, "inputSize"), f(l, "hiddenSize")], {
      num_layers: [f(l, "numLayers"), 1],
      bias: [f(l, "bias"), true],
      dropout: [f(l, "dropout"), 0],
      bidirectional: [f(l, "bidirectional"), false],
    }),
  multiheadAttention: (l) =>
    call("SelfAttention", [f(l, "embedDim"), f(l, "numHeads")], {
      dropout: [f(l, "dropout"), 0],
      bias: [f(l, "bias"), true],
      kdim: [f(l, "kdim") ?? f(l, "embedDim"), f(l, "embedDim")],
      vdim: [f(l, "vdim") ?? f(l, "embedDim"), f(l, "embedDim")],
    }),
  transformerEncoderLayer: (l) => transformerLayer("nn.TransformerEncoderLayer", l),
  transformerDecoderLayer: (l) => transformerLayer("nn.TransformerDecoderLayer", l),
  transformerEncoder: (l) => transformerStack("nn.TransformerEncoder", "nn.TransformerEncoderLayer", l),
  transformerDecoder: (l) => transformerStack("nn.TransformerDecoder", "nn.TransformerDecoderLayer", l),
  transformer: (l) =>
    call("nn.Transformer", [], {
      d_model: [f(l, "dModel"), null],
      nhead: [f(l, "nhead"), null],
      num_encoder_layers: [f(l, "numEncoderLayers"), null],
      num_decoder_layers: [f(l, "numDecoderLayers"), null],
      ...transformerKeywords(l),
    }),
  relu: () => "nn.ReLU()",
  gelu: () => "nn.GELU()",
  sigmoid: () => "nn.Sigmoid()",
  tanh: () => "nn.Tanh()",
  identity: () => "nn.Identity()",
  leakyRelu: (l) => call("nn.LeakyReLU", [f(l, "negativeSlope")]),
  dropout: (l) => call("nn.Dropout", [f(l, "p")]),
  dropout2d: (l) => call("nn.Dropout2d", [f(l, "p")]),
  softmax: (l) => call("nn.Softmax", [f(l, "dim")]),
  logSoftmax: (l) => call("nn.LogSoftmax", [f(l, "dim")]),
  // nn.sequential / nn.repeat: a nested nn.Sequential (keys `3.0.weight`, as stateDict()).
  nestedSequential: (l, input, chain) => chain(f(l, "layers") as readonly LayerLike[], input),
  residual: (l, input, chain) => {
    const layers = f(l, "layers") as readonly LayerLike[];
    const projection = (f(l, "projection") ?? []) as readonly LayerLike[];
    return projection.length === 0
      ? `Residual(${chain(layers, input)})`
      : `Residual(${chain(layers, input)}, projection=${chain(projection, input)})`;
  },
  concat: (l, input, chain) =>
    `Concat(${py(f(l, "dim"))}, ${(f(l, "branches") as readonly (readonly LayerLike[])[]).map((b) => chain(b, input)).join(", ")})`,
};

const lpKeywords = (l: LayerLike): Record<string, [unknown, unknown]> => ({
  stride: [f(l, "stride"), f(l, "kernelSize")],
  ceil_mode: [f(l, "ceilMode"), false],
});
const foldKeywords = (l: LayerLike): Record<string, [unknown, unknown]> => ({
  dilation: [f(l, "dilation"), 1],
  padding: [f(l, "padding"), 0],
  stride: [f(l, "stride"), 1],
});

/** InstanceNorm: numFeatures (a lazy one's from the walk) matters only with affine or running statistics. */
function instanceNorm(module: string, l: LayerLike, input: RuntimeShape): string {
  const numFeatures = f(l, "numFeatures") ?? knownDim(l, input, 1, "channels");
  return call(`nn.${module}`, [numFeatures], {
    eps: [f(l, "eps"), 1e-5],
    momentum: [f(l, "momentum"), 0.1],
    affine: [f(l, "affine"), false],
    track_running_stats: [f(l, "trackRunningStats"), false],
  });
}

function batchNorm(module: string, l: LayerLike, numFeatures: unknown = f(l, "numFeatures")): string {
  return call(`nn.${module}`, [numFeatures], {
    eps: [f(l, "eps"), 1e-5],
    momentum: [f(l, "momentum"), 0.1],
    affine: [f(l, "affine"), true],
    track_running_stats: [f(l, "trackRunningStats"), true],
  });
}

// torch.nn modules of the SPEC's sections, for kinds written by the naming rule but not listed above.
const torchModules = [
  "ReflectionPad1d",
  "ReflectionPad2d",
  "ReflectionPad3d",
  "ReplicationPad1d",
  "ReplicationPad2d",
  "ReplicationPad3d",
  "ZeroPad2d",
  "ConstantPad1d",
  "ConstantPad2d",
  "ConstantPad3d",
  "ELU",
  "Hardshrink",
  "Hardsigmoid",
  "Hardtanh",
  "Hardswish",
  "LogSigmoid",
  "PReLU",
  "ReLU6",
  "RReLU",
  "SELU",
  "CELU",
  "SiLU",
  "Mish",
  "Softplus",
  "Softshrink",
  "Softsign",
  "Tanhshrink",
  "Threshold",
  "GLU",
  "Softmin",
  "Softmax2d",
  "GroupNorm",
  "InstanceNorm1d",
  "InstanceNorm2d",
  "InstanceNorm3d",
  "LocalResponseNorm",
  "BatchNorm3d",
  "AlphaDropout",
  "Dropout1d",
  "Dropout3d",
  "FeatureAlphaDropout",
  "PixelShuffle",
  "PixelUnshuffle",
  "Upsample",
  "UpsamplingNearest2d",
  "UpsamplingBilinear2d",
  "ChannelShuffle",
  "MaxPool3d",
  "AvgPool3d",
  "LPPool1d",
  "LPPool2d",
  "AdaptiveMaxPool1d",
  "AdaptiveMaxPool3d",
  "AdaptiveAvgPool3d",
  "FractionalMaxPool2d",
  "ConvTranspose3d",
  "Bilinear",
  "Fold",
  "Unfold",
  "CosineSimilarity",
  "PairwiseDistance",
];
// SPEC's naming rule (`ReLU6` → `relu6`, `ZeroPad2d` → `zeroPad2d`) read backwards: the names compared in lower case.
const byLowerName = new Map(torchModules.map((m) => [m.toLowerCase(), m]));

const configFields = (layer: LayerLike): [string, unknown][] =>
  Object.entries(layer).filter(
    ([name, value]) => name !== "kind" && name !== "written" && typeof value !== "function" && !name.startsWith("~"),
  );

/** The Python expression that builds this layer as a torch.nn module. */
export function emitLayer(
  layer: LayerLike,
  input: RuntimeShape,
  chain: (layers: readonly LayerLike[], input: RuntimeShape) => string,
): string {
  const emitter = emitters[layer.kind];
  if (emitter) return emitter(layer, input, chain);
  if (layer.kind === "model")
    throw new ExportError(`toPyTorch: ${layer.written ?? "a model"} used as a layer here cannot be exported yet`);
  const module = byLowerName.get(layer.kind.toLowerCase());
  if (module)
    return `nn.${module}(${configFields(layer)
      .map(([name, value]) => `${snake(name)}=${py(value)}`)
      .join(", ")})`;
  throw new ExportError(
    writeNoFormMessage(
      "toPyTorch",
      `${layer.written ?? layer.kind} (kind "${layer.kind}")`,
      /^[A-Z]/.test(layer.kind) || layer.kind.includes(">")
        ? "it is a TensorFlow.js layer (the `layers` vocabulary or a custom layer); write it with `nn`"
        : "no torch.nn module is known for this kind",
    ),
  );
}

/** A chain as the lines of an nn.Sequential, each with its output shape: `nn.ReLU(),  # [N, 32, 26, 26]`. A layer in `shared` is its variable. */
export function chainLines(
  layers: readonly LayerLike[],
  input: RuntimeShape,
  indent: string,
  shared: { readonly get: (layer: LayerLike) => string | undefined } = new Map(),
): string[] {
  const shapes = traceOf(input, layers);
  const nested = (inner: readonly LayerLike[], from: RuntimeShape): string =>
    inner.length === 0
      ? "nn.Sequential()"
      : `nn.Sequential(\n${chainLines(inner, from, `${indent}    `, shared).join("\n")}\n${indent})`;
  return layers.map((layer, i) => {
    const from = i === 0 ? input : shapes[i - 1]!;
    return `${indent}${shared.get(layer) ?? emitLayer(layer, from, nested)},  # ${i}: ${layer.written ?? layer.kind} -> ${showDims(shapes[i]!)}`;
  });
}

/** Layer objects applied in more than one place (a shared layer: one module, its weights under every key, as the runtime's stateDict). */
export function sharedLayers(lists: readonly (readonly LayerLike[])[]): LayerLike[] {
  const count = new Map<LayerLike, number>();
  const visit = (layers: readonly LayerLike[]): void =>
    layers.forEach((layer) => {
      count.set(layer, (count.get(layer) ?? 0) + 1);
      if (layer.kind === "residual")
        [f(layer, "layers"), f(layer, "projection") ?? []].forEach((l) => visit(l as readonly LayerLike[]));
      if (layer.kind === "concat") (f(layer, "branches") as readonly (readonly LayerLike[])[]).forEach(visit);
      if (layer.kind === "nestedSequential") visit(f(layer, "layers") as readonly LayerLike[]);
    });
  lists.forEach(visit);
  return [...count]
    .filter(
      ([layer, n]) =>
        n > 1 &&
        layer.kind !== "model" && // a model used twice: one instance, registered once (module.ts)
        !/^(relu|gelu|sigmoid|tanh|identity|dropout|dropout2d|softmax|logSoftmax|leakyRelu|flatten|unflatten)$/.test(
          layer.kind,
        ),
    )
    .map(([layer]) => layer);
}

/** The lines that build the shared layers before the container (`shared0 = nn.Linear(6, 6)`), and their names. */
export function sharedDefinitions(
  lists: readonly (readonly LayerLike[])[],
  inputs: readonly RuntimeShape[],
  indent: string,
): { lines: string[]; names: Map<LayerLike, string> } {
  const names = new Map<LayerLike, string>();
  const lines: string[] = [];
  const firstInput = new Map<LayerLike, RuntimeShape>();
  const visit = (layers: readonly LayerLike[], input: RuntimeShape): void => {
    const shapes = traceOf(input, layers);
    layers.forEach((layer, i) => {
      const from = i === 0 ? input : shapes[i - 1]!;
      if (!firstInput.has(layer)) firstInput.set(layer, from);
      if (layer.kind === "residual")
        [f(layer, "layers"), f(layer, "projection") ?? []].forEach((l) => visit(l as readonly LayerLike[], from));
      if (layer.kind === "concat")
        (f(layer, "branches") as readonly (readonly LayerLike[])[]).forEach((b) => visit(b, from));
      if (layer.kind === "nestedSequential") visit(f(layer, "layers") as readonly LayerLike[], from);
    });
  };
  lists.forEach((layers, i) => visit(layers, inputs[i]!));
  sharedLayers(lists).forEach((layer, i) => {
    const name = `shared${i}`;
    const nested = (inner: readonly LayerLike[], from: RuntimeShape): string =>
      `nn.Sequential(\n${chainLines(inner, from, `${indent}    `, names).join("\n")}\n${indent})`;
    lines.push(
      `${indent}${name} = ${emitLayer(layer, firstInput.get(layer)!, nested)}  # ${layer.written ?? layer.kind}, applied in several places: one module, the same weights`,
    );
    names.set(layer, name);
  });
  return { lines, names };
}

/** The helper classes a chain uses (nested chains included). */
export function helpersUsed(layers: readonly LayerLike[], into = new Set<string>()): Set<string> {
  for (const layer of layers) {
    const helper = helpersOf[layer.kind];
    if (helper) into.add(helper);
    if (layer.kind === "residual") {
      helpersUsed(f(layer, "layers") as readonly LayerLike[], into);
      helpersUsed((f(layer, "projection") ?? []) as readonly LayerLike[], into);
    }
    if (layer.kind === "concat")
      (f(layer, "branches") as readonly (readonly LayerLike[])[]).forEach((b) => helpersUsed(b, into));
    if (layer.kind === "nestedSequential") helpersUsed(f(layer, "layers") as readonly LayerLike[], into);
  }
  return into;
}
