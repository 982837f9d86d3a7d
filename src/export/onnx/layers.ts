// One layer as ONNX nodes (opset 17). ONNX is channels-first as PyTorch, so the PyTorch-layout
// weights (`0.weight` [out, in, kh, kw]) go in as they are, named by their state_dict keys.
import { ExportError, writeNoFormMessage } from "../errors.ts";
import { firstModelKeys, modelOf, traceOf, type GraphLike, type LayerLike, type RuntimeShape } from "../model-parts.ts";
import { valuesOf, type OnnxGraph, type WeightLike } from "./builder.ts";
import { encoder, encoderLayer, multiHead } from "./calls.ts";
import { padNode } from "./pad.ts";
import { recurrent, recurrentCall } from "./recurrent.ts";

export interface Context {
  readonly g: OnnxGraph;
  readonly weights: Readonly<Record<string, WeightLike>>;
  /** Each model used as a layer: the state_dict prefix of its first use, where its weights are listed (`1.0.`). */
  readonly modelKeys: Map<LayerLike, string>;
  /** A graph's computation on the given values (model.ts's emitGraph), for a graph used as a layer. */
  readonly graph: (c: Context, graph: GraphLike, inputs: readonly string[], prefix: string) => string[];
}

const f = (layer: LayerLike, name: string): unknown => layer[name];
const perDim = (value: unknown, rank: number): number[] =>
  Array.isArray(value) ? value : Array.from({ length: rank }, () => value as number);
const noForm = (layer: LayerLike, why: string): ExportError =>
  new ExportError(writeNoFormMessage("toOnnx", `${layer.written ?? layer.kind} (kind "${layer.kind}")`, why));

/** A weight by its state_dict key, as an initializer of the same name. */
function weight(
  c: Context,
  key: string,
  layer: LayerLike,
  transform?: (values: ArrayLike<number>, shape: readonly number[]) => [number[], ArrayLike<number>],
): string {
  const w = c.weights[key];
  if (!w)
    throw new ExportError(
      `toOnnx: no weight "${key}" for ${layer.written ?? layer.kind}: give the model's weights (toOnnx(net, { weights: model.stateDict() }))`,
    );
  const [shape, values] = transform ? transform(valuesOf(w), w.shape) : [[...w.shape], valuesOf(w)];
  return c.g.floats(key, shape, values);
}

/** Conv's explicit pads [begin…, end…]; "same" pads as PyTorch (the extra one at the end). */
function pads(layer: LayerLike, rank: number): number[] {
  const padding = f(layer, "padding");
  if (padding === "valid") return new Array(2 * rank).fill(0);
  if (padding === "same") {
    const k = perDim(f(layer, "kernelSize"), rank),
      d = perDim(f(layer, "dilation") ?? 1, rank);
    const total = k.map((ki, i) => d[i]! * (ki - 1));
    return [...total.map((t) => Math.floor(t / 2)), ...total.map((t) => t - Math.floor(t / 2))];
  }
  const p = perDim(padding ?? 0, rank);
  return [...p, ...p];
}

function conv(c: Context, layer: LayerLike, x: string, input: RuntimeShape, key: string, transposed: boolean): string {
  const rank = input.length - 2;
  const inputs = [x, weight(c, `${key}weight`, layer)];
  if (f(layer, "bias") !== false) inputs.push(weight(c, `${key}bias`, layer));
  return c.g.node(
    transposed ? "ConvTranspose" : "Conv",
    inputs,
    {
      kernel_shape: perDim(f(layer, "kernelSize"), rank),
      strides: perDim(f(layer, "stride") ?? 1, rank),
      pads: pads(layer, rank),
      dilations: perDim(f(layer, "dilation") ?? 1, rank),
      group: (f(layer, "groups") as number) ?? 1,
      ...(transposed ? { output_padding: perDim(f(layer, "outputPadding") ?? 0, rank) } : {}),
    },
    `${key}${layer.kind}`,
  );
}

function pool(c: Context, layer: LayerLike, x: string, input: RuntimeShape, key: string, max: boolean): string {
  const rank = input.length - 2;
  const attributes = {
    kernel_shape: perDim(f(layer, "kernelSize"), rank),
    strides: perDim(f(layer, "stride"), rank),
    pads: pads(layer, rank),
    ceil_mode: f(layer, "ceilMode") ? 1 : 0,
  };
  return max
    ? c.g.node(
        "MaxPool",
        [x],
        { ...attributes, dilations: perDim(f(layer, "dilation") ?? 1, rank) },
        `${key}${layer.kind}`,
      )
    : averagePool(c, layer, x, input, key, attributes);
}

/**
 * PyTorch's avg pooling: the padding counted in the divisor unless countIncludePad is false; no divisorOverride in
 * ONNX. In ceil mode a last window that runs past the padded input divides by its part inside it in PyTorch, by
 * another count in ONNX Runtime: there the input is padded with zeros explicitly (the end as far as the last window
 * reaches), pooled without padding (a sum over k), and each output scaled by k / PyTorch's divisor (a constant).
 */
function averagePool(
  c: Context,
  layer: LayerLike,
  x: string,
  input: RuntimeShape,
  key: string,
  attributes: { kernel_shape: number[]; strides: number[]; pads: number[]; ceil_mode: number },
): string {
  if (f(layer, "divisorOverride") != null)
    throw noForm(layer, "ONNX's AveragePool has no divisor override (divisorOverride)");
  const countIncludePad = f(layer, "countIncludePad") !== false;
  const g = c.g;
  const rank = attributes.kernel_shape.length;
  const output = layer.outputShape ? layer.outputShape(input) : input;
  if (attributes.ceil_mode === 1 && countIncludePad) {
    const spatial = input.slice(2);
    const outs = output.slice(2);
    if ([...spatial, ...outs].some((d) => typeof d !== "number"))
      throw noForm(layer, "in ceil mode its divisor needs the input's sizes, which are not known");
    const { kernel_shape: k, strides: st, pads: p } = attributes;
    const sizes = spatial as number[];
    const out = outs as number[];
    // the end padded so that every window lies inside: PyTorch's padding, then zeros to the last window's end
    const ends = sizes.map((d, i) => Math.max(p[i + rank]!, (out[i]! - 1) * st[i]! + k[i]! - d - p[i]!));
    const padded = g.node("Pad", [x, g.ints(g.fresh(`${key}pads`), [0, 0, ...p.slice(0, rank), 0, 0, ...ends])]);
    const mean = g.node("AveragePool", [padded], {
      kernel_shape: k,
      strides: st,
      pads: new Array<number>(2 * rank).fill(0),
    });
    // k / PyTorch's divisor: a window's part inside the padded input (start −p, end min(start + k, d + p))
    const factors = sizes.map((d, i) =>
      Array.from({ length: out[i]! }, (_, j) => {
        const start = j * st[i]! - p[i]!;
        return k[i]! / (Math.min(start + k[i]!, d + p[i + rank]!) - start);
      }),
    );
    let scale: number[] = [1];
    for (const axis of factors) scale = scale.flatMap((v) => axis.map((w) => v * w));
    return g.node("Mul", [mean, g.floats(g.fresh(`${key}divisor`), [1, 1, ...out], scale)], {}, `${key}${layer.kind}`);
  }
  return g.node(
    "AveragePool",
    [x],
    { ...attributes, count_include_pad: countIncludePad ? 1 : 0 },
    `${key}${layer.kind}`,
  );
}

/** Adaptive pooling whose windows are equal: a plain pool (ONNX has no adaptive pooling). */
function adaptive(c: Context, layer: LayerLike, x: string, input: RuntimeShape, key: string, max: boolean): string {
  const rank = input.length - 2;
  const out = perDim(f(layer, "outputSize"), rank).map((o, i) => o ?? input[2 + i]);
  const spatial = input.slice(2);
  if (out.every((o) => o === 1))
    return c.g.node(max ? "GlobalMaxPool" : "GlobalAveragePool", [x], {}, `${key}${layer.kind}`);
  if (!spatial.every((s, i) => typeof s === "number" && s % (out[i] as number) === 0)) {
    throw noForm(
      layer,
      `ONNX has no adaptive pooling, and the input ${JSON.stringify(spatial)} is not a multiple of the output size`,
    );
  }
  const kernel = spatial.map((s, i) => (s as number) / (out[i] as number));
  return c.g.node(
    max ? "MaxPool" : "AveragePool",
    [x],
    { kernel_shape: kernel, strides: kernel },
    `${key}${layer.kind}`,
  );
}

/** Reshape to a layer's output shape: the batch copied (0), one unknown size inferred (-1). */
function reshapeTo(c: Context, layer: LayerLike, x: string, output: RuntimeShape, key: string): string {
  const sizes = output.map((d, i) => (i === 0 ? 0 : typeof d === "number" ? d : -1));
  if (sizes.filter((d) => d === -1).length > 1) throw noForm(layer, "more than one unknown size after it");
  return c.g.node("Reshape", [x, c.g.ints(c.g.fresh(`${key}shape`), sizes)], {}, `${key}${layer.kind}`);
}

function linear(c: Context, layer: LayerLike, x: string, key: string): string {
  // MatMul with Wᵀ ([in, out]) then Add: any rank, as PyTorch's linear on the last dimension.
  const w = weight(c, `${key}weight`, layer, (values, [out, inF]) => {
    const t = new Float32Array(values.length);
    for (let o = 0; o < out!; o++) for (let i = 0; i < inF!; i++) t[i * out! + o] = values[o * inF! + i]!;
    return [[inF!, out!], t];
  });
  const y = c.g.node("MatMul", [x, w], {}, `${key}${layer.kind}`);
  return c.weights[`${key}bias`] ? c.g.node("Add", [y, weight(c, `${key}bias`, layer)], {}, `${key}bias`) : y;
}

function ones(c: Context, key: string, n: number, value: number): string {
  return c.g.floats(c.g.fresh(key), [n], new Array(n).fill(value));
}

/** The channels (dimension 1) a layer needs known, else the ExportError naming it. */
function channels(layer: LayerLike, input: RuntimeShape): number {
  const n = f(layer, "numFeatures") ?? f(layer, "numChannels") ?? input[1];
  if (typeof n !== "number")
    throw noForm(layer, "its input's channels (dimension 1) are not known: give input() that size");
  return n;
}

/**
 * InstanceNorm: with running statistics (trackRunningStats) PyTorch's eval mode normalizes with them, a
 * BatchNormalization; else each sample's own, ONNX's InstanceNormalization (scale 1 and bias 0 unless affine).
 */
function instanceNorm(c: Context, layer: LayerLike, x: string, input: RuntimeShape, key: string): string {
  const g = c.g;
  const n = channels(layer, input);
  const affine = f(layer, "affine") === true;
  const scale = affine ? weight(c, `${key}weight`, layer) : ones(c, `${key}weight`, n, 1);
  const bias = affine ? weight(c, `${key}bias`, layer) : ones(c, `${key}bias`, n, 0);
  const epsilon = { float: f(layer, "eps") as number };
  if (f(layer, "trackRunningStats") === true)
    return g.node(
      "BatchNormalization",
      [x, scale, bias, weight(c, `${key}running_mean`, layer), weight(c, `${key}running_var`, layer)],
      { epsilon },
      `${key}${layer.kind}`,
    );
  return g.node("InstanceNormalization", [x, scale, bias], { epsilon }, `${key}${layer.kind}`);
}

/** GroupNorm (ONNX's GroupNormalization is opset 18): each sample's groups normalized, then the per-channel affine. */
function groupNorm(c: Context, layer: LayerLike, x: string, input: RuntimeShape, key: string): string {
  const g = c.g;
  const groups = f(layer, "numGroups") as number;
  const n = channels(layer, input);
  const grouped = g.node("Reshape", [x, g.ints(g.fresh(`${key}groups`), [0, groups, -1])]); // [N, G, C/G·…]
  const centered = g.node("Sub", [grouped, g.node("ReduceMean", [grouped], { axes: [2], keepdims: 1 })]);
  const variance = g.node("ReduceMean", [g.node("Mul", [centered, centered])], { axes: [2], keepdims: 1 });
  const normed = g.node("Div", [
    centered,
    g.node("Sqrt", [g.node("Add", [variance, g.scalar(f(layer, "eps") as number)])]),
  ]);
  const back = g.node("Reshape", [normed, g.node("Shape", [x])], {}, `${key}groupNorm`);
  if (f(layer, "affine") === false) return back;
  const perChannel = [n, ...new Array<number>(input.length - 2).fill(1)];
  const scale = weight(c, `${key}weight`, layer, (values) => [perChannel, values]);
  const bias = weight(c, `${key}bias`, layer, (values) => [perChannel, values]);
  return g.node("Add", [g.node("Mul", [back, scale]), bias]);
}

/** pixelUnshuffle and channelShuffle as Reshape → Transpose → Reshape (the batch read from the input: 0). */
function shuffle(
  c: Context,
  layer: LayerLike,
  x: string,
  input: RuntimeShape,
  output: RuntimeShape,
  key: string,
): string {
  const g = c.g;
  const known = (shape: RuntimeShape): number[] => {
    if (shape.slice(1).some((d) => typeof d !== "number"))
      throw noForm(layer, `its sizes must be known after the batch (${JSON.stringify(shape)})`);
    return [0, ...(shape.slice(1) as number[])];
  };
  const [, ch, ...spatial] = known(input);
  let split: number[], perm: number[];
  if (layer.kind === "channelShuffle") {
    const groups = f(layer, "groups") as number;
    split = [0, groups, ch! / groups, ...spatial]; // [N, g, C/g, …] → [N, C/g, g, …]
    perm = [0, 2, 1, ...spatial.map((_, i) => 3 + i)];
  } else {
    if (input.length !== 4) throw noForm(layer, "written for [batch, channels, height, width] only");
    const r = f(layer, "downscaleFactor") as number;
    const [h, w] = spatial as [number, number];
    split = [0, ch!, h / r, r, w / r, r]; // [N, C, H/r, r, W/r, r] → [N, C, r, r, H/r, W/r]
    perm = [0, 1, 3, 5, 2, 4];
  }
  const reshaped = g.node("Reshape", [x, g.ints(g.fresh(`${key}split`), split)]);
  const moved = g.node("Transpose", [reshaped], { perm });
  return g.node("Reshape", [moved, g.ints(g.fresh(`${key}merge`), known(output))], {}, `${key}${layer.kind}`);
}

/**
 * nn.upsample as ONNX's Resize: nearest as PyTorch (asymmetric, floor), (bi/tri)linear with PyTorch's half-pixel
 * rule or aligned corners; the scale factor as Resize's scales (PyTorch maps coordinates by it too), a size as its
 * sizes (the batch and channels read from the input).
 */
function upsample(
  c: Context,
  layer: LayerLike,
  x: string,
  input: RuntimeShape,
  output: RuntimeShape,
  key: string,
): string {
  const g = c.g;
  const mode = f(layer, "mode") as string;
  if (!["nearest", "linear", "bilinear", "trilinear"].includes(mode))
    throw noForm(layer, `mode "${mode}" is not written to ONNX`);
  const nearest = mode === "nearest";
  const rank = input.length - 2;
  const attributes = {
    mode: nearest ? "nearest" : "linear",
    coordinate_transformation_mode: nearest
      ? "asymmetric"
      : f(layer, "alignCorners") === true
        ? "align_corners"
        : "pytorch_half_pixel",
    ...(nearest ? { nearest_mode: "floor" } : {}),
  };
  const factor = f(layer, "scaleFactor");
  if (factor !== null && factor !== undefined)
    return g.node(
      "Resize",
      [x, "", g.floats(g.fresh(`${key}scales`), [rank + 2], [1, 1, ...perDim(factor, rank)])],
      attributes,
      `${key}${layer.kind}`,
    );
  const spatial = output.slice(2);
  if (spatial.some((d) => typeof d !== "number")) throw noForm(layer, "its output size is not known");
  const lead = g.node("Slice", [
    g.node("Shape", [x]),
    g.ints(g.fresh("start"), [0]),
    g.ints(g.fresh("end"), [2]),
    g.ints(g.fresh("axis"), [0]),
  ]);
  const sizes = g.node("Concat", [lead, g.ints(g.fresh(`${key}size`), spatial as number[])], { axis: 0 });
  return g.node("Resize", [x, "", "", sizes], attributes, `${key}${layer.kind}`);
}

/**
 * nn.embeddingBag on [bags, n] indices: the rows gathered ([bags, n, dim]), then summed, averaged or maxed over each
 * bag; an index equal to paddingIdx is left out (a mean divides by the others' count; a bag of padding only is 0).
 */
function embeddingBag(c: Context, layer: LayerLike, x: string, key: string): string {
  const g = c.g;
  const indices = g.node("Cast", [x], { to: 7 }, `${key}indices`);
  const rows = g.node("Gather", [weight(c, `${key}weight`, layer), indices], { axis: 0 }); // [B, n, D]
  const mode = f(layer, "mode") as string;
  const padding = f(layer, "paddingIdx") as number | null;
  const axes = g.ints(g.fresh("axes"), [1]);
  if (padding === null) {
    if (mode === "sum") return g.node("ReduceSum", [rows, axes], { keepdims: 0 }, `${key}embeddingBag`);
    return g.node(
      mode === "max" ? "ReduceMax" : "ReduceMean",
      [rows],
      { axes: [1], keepdims: 0 },
      `${key}embeddingBag`,
    );
  }
  // kept: 1 where the index is not paddingIdx, [B, n, 1]
  const kept = g.node("Unsqueeze", [
    g.node("Cast", [g.node("Not", [g.node("Equal", [indices, g.ints(g.fresh("padding"), [padding], true)])])], {
      to: 1,
    }),
    g.ints(g.fresh("axes"), [2]),
  ]);
  const count = g.node("ReduceSum", [kept, axes], { keepdims: 0 }); // [B, 1]
  if (mode === "max") {
    const masked = g.node("Where", [g.node("Greater", [kept, g.scalar(0.5)]), rows, g.scalar(-Infinity)]);
    const most = g.node("ReduceMax", [masked], { axes: [1], keepdims: 0 });
    return g.node("Where", [g.node("Greater", [count, g.scalar(0.5)]), most, g.scalar(0)], {}, `${key}embeddingBag`);
  }
  const sum = g.node("ReduceSum", [g.node("Mul", [rows, kept]), axes], { keepdims: 0 });
  if (mode === "sum") return sum;
  return g.node("Div", [sum, g.node("Max", [count, g.scalar(1)])], {}, `${key}embeddingBag`);
}

/**
 * nn.unfold (im2col) as a Conv whose kernel picks each window's values one by one (weight 1 at [c·K + i, c, i]),
 * then [N, C·K, L1, L2] → [N, C·K, L]; nn.fold (col2im) as the ConvTranspose of the same kernel, which sums the
 * overlapping windows as fold does (output_padding for the rows and columns no window reaches).
 */
function foldOrUnfold(c: Context, layer: LayerLike, x: string, input: RuntimeShape, key: string): string {
  const g = c.g;
  const [k, d, p, st] = ["kernelSize", "dilation", "padding", "stride"].map((name) => perDim(f(layer, name), 2));
  const K = k[0]! * k[1]!;
  const unfold = layer.kind === "unfold";
  const columns = input[1];
  if (typeof columns !== "number") throw noForm(layer, "its input's channels (dimension 1) are not known");
  const channels = unfold ? columns : columns / K;
  const eye = new Float32Array(channels * K * channels * K);
  for (let ch = 0; ch < channels; ch++) for (let i = 0; i < K; i++) eye[(ch * K + i) * channels * K + ch * K + i] = 1;
  const kernel = g.floats(g.fresh(`${key}${layer.kind}_kernel`), [channels * K, channels, k[0]!, k[1]!], eye);
  const attributes = { kernel_shape: k, strides: st, pads: [...p, ...p], dilations: d };
  if (unfold) {
    const windows = g.node("Conv", [x, kernel], attributes); // [N, C·K, L1, L2]
    return g.node("Reshape", [windows, g.ints(g.fresh(`${key}shape`), [0, channels * K, -1])], {}, `${key}unfold`);
  }
  const out = perDim(f(layer, "outputSize"), 2);
  const blocks = out.map((o, i) => Math.floor((o + 2 * p[i]! - d[i]! * (k[i]! - 1) - 1) / st[i]!) + 1);
  const reach = blocks.map((b, i) => (b - 1) * st[i]! - 2 * p[i]! + d[i]! * (k[i]! - 1) + 1);
  const grid = g.node("Reshape", [x, g.ints(g.fresh(`${key}shape`), [0, columns, ...blocks])]);
  return g.node(
    "ConvTranspose",
    [grid, kernel],
    { ...attributes, output_padding: out.map((o, i) => o - reach[i]!) },
    `${key}fold`,
  );
}

/** The ONNX nodes of one layer on `x` (shape `input`); returns the output's name. `key`: its state_dict prefix (`3.`). */
export function emitLayer(c: Context, layer: LayerLike, x: string, input: RuntimeShape, key: string): string {
  const output = layer.outputShape ? layer.outputShape(input) : input;
  const g = c.g;
  switch (layer.kind) {
    case "conv1d":
    case "conv2d":
    case "conv3d":
    case "lazyConv1d":
    case "lazyConv2d":
    case "lazyConv3d":
      return conv(c, layer, x, input, key, false);
    case "convTranspose1d":
    case "convTranspose2d":
    case "convTranspose3d":
    case "lazyConvTranspose1d":
    case "lazyConvTranspose2d":
    case "lazyConvTranspose3d":
      return conv(c, layer, x, input, key, true);
    case "maxPool1d":
    case "maxPool2d":
    case "maxPool3d":
      return pool(c, layer, x, input, key, true);
    case "avgPool1d":
    case "avgPool2d":
    case "avgPool3d":
      return pool(c, layer, x, input, key, false);
    case "adaptiveAvgPool1d":
    case "adaptiveAvgPool2d":
    case "adaptiveAvgPool3d":
      return adaptive(c, layer, x, input, key, false);
    case "adaptiveMaxPool1d":
    case "adaptiveMaxPool2d":
    case "adaptiveMaxPool3d":
      return adaptive(c, layer, x, input, key, true);
    case "flatten":
    case "unflatten":
      return reshapeTo(c, layer, x, output, key);
    case "linear":
    case "lazyLinear":
      return linear(c, layer, x, key);
    case "batchNorm1d":
    case "batchNorm2d":
    case "batchNorm3d":
    case "syncBatchNorm": // one process: a batch norm
    case "lazyBatchNorm1d":
    case "lazyBatchNorm2d":
    case "lazyBatchNorm3d": {
      if (f(layer, "trackRunningStats") === false)
        throw noForm(layer, "it normalizes with the batch's statistics in inference too (trackRunningStats: false)");
      const n = (f(layer, "numFeatures") ?? input[1]) as number;
      const affine = f(layer, "affine") !== false;
      const scale = affine ? weight(c, `${key}weight`, layer) : ones(c, `${key}weight`, n, 1);
      const bias = affine ? weight(c, `${key}bias`, layer) : ones(c, `${key}bias`, n, 0);
      return g.node(
        "BatchNormalization",
        [x, scale, bias, weight(c, `${key}running_mean`, layer), weight(c, `${key}running_var`, layer)],
        { epsilon: { float: f(layer, "eps") as number } },
        `${key}${layer.kind}`,
      );
    }
    case "layerNorm": {
      const shape = perDim(f(layer, "normalizedShape"), 1);
      const n = shape.reduce((a, b) => a * b, 1);
      const affine = f(layer, "elementwiseAffine") !== false;
      const scale = affine
        ? weight(c, `${key}weight`, layer)
        : g.floats(g.fresh(`${key}weight`), shape, new Array(n).fill(1));
      const bias = affine
        ? weight(c, `${key}bias`, layer)
        : g.floats(g.fresh(`${key}bias`), shape, new Array(n).fill(0));
      return g.node(
        "LayerNormalization",
        [x, scale, bias],
        { axis: -shape.length, epsilon: { float: f(layer, "eps") as number } },
        `${key}layerNorm`,
      );
    }
    case "embedding": {
      if (f(layer, "maxNorm") !== null && f(layer, "maxNorm") !== undefined)
        throw noForm(layer, "maxNorm renormalizes the table as it runs");
      return g.node(
        "Gather",
        [weight(c, `${key}weight`, layer), g.node("Cast", [x], { to: 7 }, `${key}indices`)],
        { axis: 0 },
        `${key}embedding`,
      );
    }
    case "embeddingBag":
      return embeddingBag(c, layer, x, key);
    case "lpPool1d":
    case "lpPool2d": {
      // PyTorch's formula: S = avgpool(x^p) · K, then sign(S) · relu(|S|)^(1/p) (no |x|, unlike ONNX's LpPool)
      if (f(layer, "ceilMode") === true) throw noForm(layer, "in ceil mode PyTorch scales a partial window by K too");
      const rank = input.length - 2;
      const kernel = perDim(f(layer, "kernelSize"), rank);
      const p = f(layer, "normType") as number;
      const pooled = g.node("AveragePool", [g.node("Pow", [x, g.scalar(p)])], {
        kernel_shape: kernel,
        strides: perDim(f(layer, "stride"), rank),
      });
      const sum = g.node("Mul", [pooled, g.scalar(kernel.reduce((a, b) => a * b, 1))]);
      const root = g.node("Pow", [g.node("Relu", [g.node("Abs", [sum])]), g.scalar(1 / p)]);
      return g.node("Mul", [g.node("Sign", [sum]), root], {}, `${key}${layer.kind}`);
    }
    case "unfold":
    case "fold":
      return foldOrUnfold(c, layer, x, input, key);
    case "relu":
      return g.node("Relu", [x], {}, `${key}relu`);
    case "leakyRelu":
      return g.node("LeakyRelu", [x], { alpha: { float: f(layer, "negativeSlope") as number } }, `${key}leakyRelu`);
    case "sigmoid":
      return g.node("Sigmoid", [x], {}, `${key}sigmoid`);
    case "tanh":
      return g.node("Tanh", [x], {}, `${key}tanh`);
    case "gelu": {
      // opset 17 has no Gelu: x · ½ · (1 + erf(x / √2)), exact as PyTorch's default.
      const erf = g.node("Erf", [g.node("Div", [x, g.scalar(Math.SQRT2)])]);
      return g.node("Mul", [g.node("Mul", [x, g.scalar(0.5)]), g.node("Add", [erf, g.scalar(1)])], {}, `${key}gelu`);
    }
    case "elu":
    case "celu":
      return g.node(
        layer.kind === "elu" ? "Elu" : "Celu",
        [x],
        { alpha: { float: f(layer, "alpha") as number } },
        `${key}${layer.kind}`,
      );
    case "selu": // ONNX's default alpha and gamma are PyTorch's constants
      return g.node("Selu", [x], {}, `${key}selu`);
    case "relu6":
      return g.node("Clip", [x, g.scalar(0), g.scalar(6)], {}, `${key}relu6`);
    case "hardtanh":
      return g.node(
        "Clip",
        [x, g.scalar(f(layer, "minVal") as number), g.scalar(f(layer, "maxVal") as number)],
        {},
        `${key}hardtanh`,
      );
    case "hardsigmoid": // relu6(x + 3) / 6
      return g.node("HardSigmoid", [x], { alpha: { float: 1 / 6 }, beta: { float: 0.5 } }, `${key}hardsigmoid`);
    case "hardswish":
      return g.node("HardSwish", [x], {}, `${key}hardswish`);
    case "softplus": {
      // PyTorch: log(1 + exp(βx)) / β, and x itself where βx > threshold
      const [beta, threshold] = [f(layer, "beta") as number, f(layer, "threshold") as number];
      const scaled = g.node("Mul", [x, g.scalar(beta)]);
      const soft = g.node("Div", [g.node("Softplus", [scaled]), g.scalar(beta)]);
      return g.node("Where", [g.node("Greater", [scaled, g.scalar(threshold)]), x, soft], {}, `${key}softplus`);
    }
    case "softsign":
      return g.node("Softsign", [x], {}, `${key}softsign`);
    case "silu":
      return g.node("Mul", [x, g.node("Sigmoid", [x])], {}, `${key}silu`);
    case "mish":
      return g.node("Mul", [x, g.node("Tanh", [g.node("Softplus", [x])])], {}, `${key}mish`);
    case "logsigmoid":
      return g.node("Neg", [g.node("Softplus", [g.node("Neg", [x])])], {}, `${key}logsigmoid`);
    case "tanhshrink":
      return g.node("Sub", [x, g.node("Tanh", [x])], {}, `${key}tanhshrink`);
    case "softshrink":
    case "hardshrink": {
      const lambd = f(layer, "lambd") as number;
      const bias = layer.kind === "softshrink" ? lambd : 0;
      return g.node("Shrink", [x], { bias: { float: bias }, lambd: { float: lambd } }, `${key}${layer.kind}`);
    }
    case "threshold":
      return g.node(
        "Where",
        [g.node("Greater", [x, g.scalar(f(layer, "threshold") as number)]), x, g.scalar(f(layer, "value") as number)],
        {},
        `${key}threshold`,
      );
    case "prelu": {
      // the slope [n] broadcast on the channels (dimension 1)
      const n = f(layer, "numParameters") as number;
      const slope = weight(c, `${key}weight`, layer, (values) => [
        n === 1 ? [1] : [n, ...new Array<number>(Math.max(input.length - 2, 0)).fill(1)],
        values,
      ]);
      return g.node("PRelu", [x, slope], {}, `${key}prelu`);
    }
    case "glu": {
      const [a, b] = g.nodeOutputs("Split", [x], 2, { axis: f(layer, "dim") as number });
      return g.node("Mul", [a!, g.node("Sigmoid", [b!])], {}, `${key}glu`);
    }
    case "softmin":
      return g.node("Softmax", [g.node("Neg", [x])], { axis: f(layer, "dim") as number }, `${key}softmin`);
    case "softmax2d":
      return g.node("Softmax", [x], { axis: -3 }, `${key}softmax2d`);
    case "zeroPad1d":
    case "zeroPad2d":
    case "zeroPad3d":
    case "constantPad1d":
    case "constantPad2d":
    case "constantPad3d":
    case "reflectionPad1d":
    case "reflectionPad2d":
    case "reflectionPad3d":
    case "replicationPad1d":
    case "replicationPad2d":
    case "replicationPad3d": {
      // ops.pad's nodes (src/export/onnx/pad.ts) with the layer's pads, in PyTorch's order (last dimension first)
      const mode = layer.kind.startsWith("reflection")
        ? "reflect"
        : layer.kind.startsWith("replication")
          ? "replicate"
          : "constant";
      return padNode(g, x, input.length, [f(layer, "pads"), (f(layer, "value") as number | undefined) ?? 0, mode]);
    }
    case "rrelu": // eval mode: the mean slope
      return g.node(
        "LeakyRelu",
        [x],
        { alpha: { float: ((f(layer, "lower") as number) + (f(layer, "upper") as number)) / 2 } },
        `${key}rrelu`,
      );
    case "localResponseNorm": {
      // PyTorch's window over channels is size//2 before, (size-1)//2 after; ONNX's LRN the other way round when even
      const size = f(layer, "size") as number;
      if (size % 2 === 0) throw noForm(layer, "an even size centres its window otherwise in ONNX's LRN");
      const attributes = {
        size,
        alpha: { float: f(layer, "alpha") as number },
        beta: { float: f(layer, "beta") as number },
        bias: { float: f(layer, "k") as number },
      };
      if (input.length === 4) return g.node("LRN", [x], attributes, `${key}localResponseNorm`);
      // ONNX Runtime's LRN takes 4-d inputs: the positions after the channels as one axis, and back
      const flat = g.node("Reshape", [x, g.ints(g.fresh(`${key}flat`), [0, 0, -1, 1])]);
      return g.node(
        "Reshape",
        [g.node("LRN", [flat], attributes), g.node("Shape", [x])],
        {},
        `${key}localResponseNorm`,
      );
    }
    case "upsample":
    case "upsamplingNearest2d":
    case "upsamplingBilinear2d":
      return upsample(c, layer, x, input, output, key);
    case "nestedSequential": // nn.sequential / nn.repeat: its layers in place (keys `3.0.weight`)
      return emitChain(c, f(layer, "layers") as readonly LayerLike[], x, input, key);
    case "instanceNorm1d":
    case "instanceNorm2d":
    case "instanceNorm3d":
    case "lazyInstanceNorm1d":
    case "lazyInstanceNorm2d":
    case "lazyInstanceNorm3d":
      return instanceNorm(c, layer, x, input, key);
    case "groupNorm":
      return groupNorm(c, layer, x, input, key);
    case "pixelShuffle":
      if (input.length !== 4) throw noForm(layer, "ONNX's DepthToSpace takes [batch, channels, height, width] only");
      return g.node(
        "DepthToSpace",
        [x],
        { blocksize: f(layer, "upscaleFactor") as number, mode: "CRD" },
        `${key}pixelShuffle`,
      );
    case "pixelUnshuffle":
    case "channelShuffle":
      return shuffle(c, layer, x, input, output, key);
    case "identity":
    case "dropout":
    case "dropout1d":
    case "dropout2d":
    case "dropout3d":
    case "alphaDropout":
    case "featureAlphaDropout":
      return g.node("Identity", [x], {}, `${key}${layer.kind}`);
    case "softmax":
      return g.node("Softmax", [x], { axis: f(layer, "dim") as number }, `${key}softmax`);
    case "logSoftmax":
      return g.node("LogSoftmax", [x], { axis: f(layer, "dim") as number }, `${key}logSoftmax`);
    case "residual": {
      const main = emitChain(c, f(layer, "layers") as readonly LayerLike[], x, input, `${key}layers.`);
      const projection = (f(layer, "projection") ?? []) as readonly LayerLike[];
      const skip = projection.length === 0 ? x : emitChain(c, projection, x, input, `${key}projection.`);
      return g.node("Add", [main, skip], {}, `${key}residual`);
    }
    case "concat": {
      const branches = (f(layer, "branches") as readonly (readonly LayerLike[])[]).map((b, i) =>
        emitChain(c, b, x, input, `${key}branches.${i}.`),
      );
      return g.node("Concat", branches, { axis: f(layer, "dim") as number }, `${key}concat`);
    }
    case "lstm":
    case "gru":
    case "rnn":
      return recurrent(c, layer, x, key);
    case "lstmCell":
    case "gruCell":
    case "rnnCell":
      return recurrentCall(c, layer, x, key, {}, true).h; // h′ from a zero state, as the chain's cell

    case "multiheadAttention":
      return multiHead(c, layer, key, [x, x, x], {}).out; // self-attention (written out: no single op in opset 17)
    case "transformerEncoderLayer":
      return encoderLayer(c, layer, x, key, {});
    case "transformerEncoder":
      return encoder(c, layer, x, key, {});
    case "model": {
      // a model used as a layer: its layers (a graph: its computation) here, its weights' keys those of its first use
      const at = c.modelKeys.get(layer) ?? key;
      c.modelKeys.set(layer, at);
      const model = modelOf(layer);
      if (model.kind === "graph") return c.graph(c, model, [x], at)[0]!;
      for (const [inner, k] of firstModelKeys([[model.layers, at]]))
        if (!c.modelKeys.has(inner)) c.modelKeys.set(inner, k);
      return emitChain(c, model.layers, x, input, at);
    }
    default:
      throw noForm(
        layer,
        /^[A-Z]/.test(layer.kind)
          ? "it is a TensorFlow.js layer (the `layers` vocabulary); write it with `nn`"
          : "no ONNX form is known for this kind",
      );
  }
}

/** A chain of layers; returns the last output's name. */
export function emitChain(
  c: Context,
  layers: readonly LayerLike[],
  x: string,
  input: RuntimeShape,
  prefix: string,
): string {
  const shapes = traceOf(input, layers);
  let y = x;
  layers.forEach((layer, i) => {
    y = emitLayer(c, layer, y, i === 0 ? input : shapes[i - 1]!, `${prefix}${i}.`);
  });
  return y;
}
