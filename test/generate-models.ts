// Writes random models for test/generated-models.test.ts: random layer sequences with valid and
// invalid configurations, tuple and array spreads, blocks. Each model is built at run time here
// (the runtime walk is the reference), and written as TypeScript with what the compiler must say:
// the runtime's output shape as `OutputShape` (or `Shape` after an array spread), or the runtime's
// ShapeError text on the line of the layer that does not fit. (Issue 13: a search for silent wrong answers.)
import { input, nn, sequential, ShapeError } from "../src/index.ts";
import type { RuntimeShape } from "../src/shape/dims.ts";

/** A small deterministic PRNG (mulberry32), so that a failing case can be written again from its seed. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One generated model: its source lines, and what the runtime said. */
export interface GeneratedModel {
  readonly name: string;
  readonly lines: readonly { readonly code: string; readonly layers: readonly number[] }[];
  /** The output shape at run time, or the ShapeError (message and the index of the layer, or of the builder line). */
  readonly runtime: { readonly output: RuntimeShape } | { readonly message: string; readonly line: number };
  /** Whether the compiler may not know some shape (an unknown input dimension, an array spread). */
  readonly unknown: boolean;
  /** Index of the first layer spread from an array (the compiler's shape is `Shape` from there), or -1. */
  readonly arrayFrom: number;
}

const evaluate = (code: string): unknown => new Function("nn", `return ${code};`)(nn);

/** The runtime shape as the type the compiler must give: `null` is `number`. */
export const shapeType = (shape: RuntimeShape): string =>
  `[${shape.map((dim) => (dim === null ? "number" : typeof dim === "string" ? JSON.stringify(dim) : String(dim))).join(", ")}]`;

/** Writes one model: `count` layer lines after a random input. */
export function generateModel(name: string, rand: () => number): GeneratedModel {
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const chance = (p: number) => rand() < p;
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
  /** A size the layer expects: usually the input's, sometimes another (an invalid configuration). */
  const size = (dim: RuntimeShape[number] | undefined, wrong = 0.12) =>
    typeof dim === "number" && !chance(wrong) ? dim : pick([1, 2, 3, 4, 8, 16, typeof dim === "number" ? dim + 1 : 5]);

  const rank = pick([1, 2, 2, 3, 3, 3, 3, 4]);
  const dims: (number | null | string)[] = Array.from({ length: rank }, (_, i) =>
    chance(0.06)
      ? null
      : chance(0.04)
        ? pick(["seq", "h"])
        : i === 0 && rank >= 3
          ? pick([1, 3, 4, 8])
          : pick([4, 6, 7, 8, 12, 16, 28, 32]),
  );
  const batch = chance(0.1) ? pick([4, 64]) : undefined;
  const inputCode = `input(${JSON.stringify(dims)}${batch === undefined ? "" : `, { batch: ${batch} }`})`;
  let shape: RuntimeShape = [batch ?? null, ...dims];
  const unknownInput = dims.some((dim) => typeof dim !== "number");

  const layerFor = (s: RuntimeShape): string => {
    const r = s.length;
    const options: (() => string)[] = [
      () =>
        pick([
          "nn.relu()",
          "nn.dropout(0.5)",
          "nn.identity()",
          "nn.gelu()",
          "nn.tanh()",
          "nn.sigmoid()",
          "nn.leakyRelu(0.1)",
          "nn.dropout2d(0.2)",
        ]),
      () => `nn.${pick(["softmax", "logSoftmax"])}(${int(-r - 1, r)})`,
      // builders added since the first search (issue 13's audit): activations and dropouts of any rank
      () =>
        pick([
          "nn.rrelu()",
          "nn.rrelu(0.1, 0.3)",
          "nn.hardtanh(-2, 2)",
          "nn.relu6()",
          "nn.hardswish()",
          "nn.silu({ inplace: true })",
          "nn.mish()",
          "nn.elu(0.5)",
          "nn.celu({ alpha: 2 })",
          "nn.softplus(2, 10)",
          "nn.softsign()",
          "nn.logsigmoid()",
          "nn.tanhshrink()",
          "nn.softshrink(0.3)",
          "nn.hardshrink()",
          "nn.threshold(0.1, 0)",
          "nn.selu()",
          "nn.hardsigmoid()",
          "nn.alphaDropout(0.2)",
          "nn.featureAlphaDropout(0.2)",
          "nn.hardtanh({ min_val: -1 })",
        ]),
      () => `nn.softmin(${int(-r - 1, r)})`,
      () => `nn.glu(${int(-r, r - 1)})`,
      () => `nn.prelu(${pick([1, 1, 3, 4, 8])})`,
    ];
    if (r >= 2) {
      options.push(
        () => (chance(0.6) ? "nn.flatten()" : `nn.flatten(${int(0, r - 1)}, ${pick([-1, r - 1, int(0, r)])})`),
        () => `nn.linear(${size(s[r - 1])}, ${pick([4, 10, 16, 32])})`,
        () => `nn.linear(${size(s[r - 1])}, ${pick([4, 10, 16, 32])})`,
        () => `nn.lazyLinear(${pick([5, 10])})`,
        () => `nn.layerNorm(${size(s[r - 1])})`,
      );
    }
    if (r === 2) {
      options.push(() => `nn.embedding(${pick([10, 100])}, ${pick([8, 16])})`);
    }
    if (r === 3) {
      const f = () => size(s[2]);
      options.push(
        () =>
          `nn.${pick(["lstm", "gru"])}(${f()}, ${pick([8, 16])}${chance(0.4) ? `, { numLayers: ${int(1, 2)}, bidirectional: ${chance(0.5)} }` : ""})`,
        () => {
          const e = f();
          return `nn.multiheadAttention(${e}, ${pick([1, 2, 3, 4])})`;
        },
        () =>
          `nn.convTranspose1d(${size(s[1])}, 4, ${int(1, 4)}, { stride: ${int(1, 3)}, padding: ${int(0, 1)}, outputPadding: ${int(0, 1)} })`,
        () => `nn.avgPool1d(${int(1, 3)}, ${int(1, 2)}, ${int(0, 1)})`,
        () => `nn.adaptiveAvgPool1d(${int(1, 4)})`,
        () =>
          `nn.conv1d(${size(s[1])}, ${pick([2, 4, 8])}, ${int(1, 5)}${chance(0.5) ? `, ${int(1, 2)}, ${int(0, 2)}` : ""})`,
        () => `nn.maxPool1d(${int(1, 3)})`,
        () => `nn.batchNorm1d(${size(s[1])})`,
        () => `nn.unflatten(${int(1, 2)}, [${pick([1, 2, 4])}, -1])`,
        // builders added since the first search (issue 13's audit)
        () => `nn.${pick(["instanceNorm1d", "batchNorm1d"])}(${size(s[1])}${chance(0.3) ? ", { affine: true }" : ""})`,
        () => `nn.${pick(["lazyInstanceNorm1d", "lazyBatchNorm1d"])}()`,
        () => `nn.groupNorm(${pick([1, 2, 4])}, ${size(s[1])})`,
        () => `nn.localResponseNorm(${int(1, 3)})`,
        () => `nn.rnn(${size(s[2])}, ${pick([4, 8])}${chance(0.5) ? `, ${int(1, 2)}` : ""})`,
        () => `nn.transformerEncoderLayer(${size(s[2])}, ${pick([1, 2, 4])}, { dimFeedforward: 16 })`,
        () => `nn.lpPool1d(2, ${int(1, 3)}${chance(0.5) ? `, ${int(1, 2)}` : ""})`,
        () => `nn.adaptiveMaxPool1d(${int(1, 4)})`,
        () => `nn.dropout1d(0.2)`,
        () => `nn.${pick(["reflectionPad1d", "replicationPad1d", "zeroPad1d"])}(${pick(["1", "2", "[0, 2]"])})`,
        () => `nn.constantPad1d(${pick(["1", "[2, 0]"])}, 0.5)`,
        () => `nn.lazyConv1d(4, ${int(1, 3)}${chance(0.5) ? `, ${int(1, 2)}, ${int(0, 1)}` : ""})`,
        () => `nn.lazyConvTranspose1d(4, ${int(1, 3)}, ${int(1, 2)})`,
        () =>
          pick([`nn.upsample({ scaleFactor: ${int(1, 3)} })`, `nn.upsample({ size: ${int(2, 9)}, mode: "linear" })`]),
        () => `nn.maxPool1d(${int(1, 3)}, ${int(1, 2)}, 0, { dilation: ${int(1, 2)} })`,
      );
    }
    if (r === 4) {
      const c = () => size(s[1]);
      options.push(
        () => `nn.conv2d(${c()}, ${pick([2, 4, 8])}, ${int(1, 5)}${chance(0.5) ? `, ${int(1, 2)}, ${int(0, 2)}` : ""})`,
        () =>
          `nn.conv2d(${c()}, ${pick([2, 4, 8])}, ${int(1, 3)}, { stride: ${int(1, 2)}, padding: ${int(0, 1)}, dilation: ${int(1, 2)} })`,
        () => `nn.conv2d(${c()}, ${pick([4, 8])}, 3, { padding: "same" })`,
        () => `nn.maxPool2d(${int(1, 3)}${chance(0.4) ? `, ${int(1, 3)}` : ""})`,
        () => `nn.maxPool2d(3, { stride: 2, padding: 1, ceilMode: ${chance(0.5)} })`,
        () => `nn.avgPool2d(${int(1, 3)})`,
        () => `nn.avgPool2d(${int(2, 4)}, { stride: ${int(1, 3)}, padding: ${int(0, 2)}, ceilMode: ${chance(0.5)} })`,
        () =>
          `nn.maxPool2d(${int(2, 3)}, { stride: ${int(1, 2)}, padding: ${int(0, 1)}, dilation: ${int(1, 2)}, ceilMode: ${chance(0.5)} })`,
        () => {
          const k = c();
          const g = pick([1, 2, 4]);
          return `nn.conv2d(${k}, ${pick([4, 8])}, ${int(1, 3)}, { groups: ${g}, padding: ${int(0, 1)} })`;
        },
        () =>
          `nn.convTranspose2d(${c()}, 4, ${int(2, 4)}, { stride: ${int(1, 3)}, padding: ${int(0, 1)}, outputPadding: ${int(0, 2)}, dilation: ${int(1, 2)} })`,
        () => `nn.adaptiveMaxPool2d(${int(1, 3)})`,
        // PyTorch's call styles and keys (issue 13, items 2 and 3): positional arguments then options, a snake_case key.
        () => `nn.conv2d(${c()}, 8, 3, ${int(1, 2)}, 1, { bias: false })`,
        () => `nn.maxPool2d(3, { stride: 2, padding: 1, ${pick(["ceil_mode", "ceilMode"])}: true })`,
        () => `nn.unflatten(1, [${pick([1, 2, 4])}, -1])`,
        () => `nn.flatten(2)`,
        () => `nn.batchNorm2d(${c()})`,
        () => `nn.adaptiveAvgPool2d(${pick(["1", "2", "[2, 3]"])})`,
        () => `nn.convTranspose2d(${c()}, 4, ${int(2, 3)}, { stride: ${int(1, 2)}, padding: ${int(0, 1)} })`,
        () => {
          const k = c();
          return `nn.residual(nn.conv2d(${k}, ${k}, 3, ${chance(0.15) ? 2 : 1}, 1), nn.relu())`;
        },
        () => {
          const k = c();
          return `nn.residual({ projection: [nn.conv2d(${k}, 8, 1, 2)] }, nn.conv2d(${k}, 8, 3, 2, ${chance(0.85) ? 1 : 0}))`;
        },
        () => {
          const k = c();
          return `nn.concat(1, [nn.conv2d(${k}, 4, 1)], [nn.conv2d(${k}, 2, 3, 1, ${chance(0.85) ? 1 : 0})])`;
        },
        // builders added since the first search (issue 13's audit)
        () => `nn.instanceNorm2d(${c()}${chance(0.2) ? ", { track_running_stats: true }" : ""})`,
        () => `nn.${pick(["lazyInstanceNorm2d", "lazyBatchNorm2d"])}()`,
        () => `nn.groupNorm(${pick([1, 2, 4])}, ${c()}, 1e-5)`,
        () => `nn.${pick(["pixelShuffle", "pixelUnshuffle", "channelShuffle"])}(${pick([2, 2, 3])})`,
        () => `nn.${pick(["reflectionPad2d", "replicationPad2d", "zeroPad2d"])}(${pick(["1", "2", "[1, 2, 0, 1]"])})`,
        () => `nn.constantPad2d(${pick(["1", "[0, 1, 2, 3]"])}, 0)`,
        () => `nn.lpPool2d(2, ${int(1, 3)}${chance(0.5) ? `, ${int(1, 2)}` : ""})`,
        () =>
          pick([
            `nn.upsample({ scaleFactor: 2, mode: "bilinear" })`,
            `nn.upsample({ size: [${int(2, 9)}, ${int(2, 9)}] })`,
            `nn.upsamplingNearest2d({ scaleFactor: ${int(1, 3)} })`,
            `nn.upsamplingBilinear2d({ size: ${int(2, 9)} })`,
          ]),
        () => `nn.unfold(${int(1, 3)}${chance(0.5) ? `, { stride: ${int(1, 2)}, padding: ${int(0, 1)} }` : ""})`,
        () => `nn.localResponseNorm(${int(1, 3)})`,
        () => `nn.softmax2d()`,
        () => `nn.lazyConv2d(8, 3, 1, 1${chance(0.3) ? ", { group: 2 }" : ""})`,
        () => `nn.lazyConvTranspose2d(4, ${int(2, 3)}, ${int(1, 2)})`,
        () => `nn.adaptiveAvgPool2d([null, ${int(1, 3)}])`,
        () => `nn.avgPool2d(${int(2, 3)}, ${int(1, 2)}, ${int(0, 1)}, { count_include_pad: false })`,
      );
    }
    if (r === 5) {
      options.push(
        () =>
          `nn.conv3d(${size(s[1])}, ${pick([2, 4])}, ${int(1, 3)}${chance(0.5) ? `, ${int(1, 2)}, ${int(0, 1)}` : ""})`,
        () => "nn.flatten(2)",
        // builders added since the first search (issue 13's audit)
        () => `nn.convTranspose3d(${size(s[1])}, 4, ${int(1, 2)}, ${int(1, 2)})`,
        () => `nn.${pick(["maxPool3d", "avgPool3d"])}(${int(1, 2)}${chance(0.4) ? `, { ceilMode: true }` : ""})`,
        () => `nn.${pick(["adaptiveAvgPool3d", "adaptiveMaxPool3d"])}(${pick(["1", "2", "[1, null, 2]"])})`,
        () => `nn.${pick(["instanceNorm3d", "batchNorm3d"])}(${size(s[1])})`,
        () => `nn.${pick(["lazyInstanceNorm3d", "lazyBatchNorm3d"])}()`,
        () => `nn.dropout3d(0.2)`,
        () => `nn.${pick(["reflectionPad3d", "replicationPad3d", "zeroPad3d"])}(1)`,
        () => `nn.constantPad3d(1, 0)`,
        () => `nn.upsample({ scaleFactor: 2, mode: "trilinear" })`,
        () => `nn.lazyConv3d(4, ${int(1, 2)})`,
        () => `nn.lazyConvTranspose3d(4, 2, 2)`,
      );
    }
    return pick(options)();
  };

  const lines: { code: string; layers: number[] }[] = [];
  const layers: unknown[] = [];
  let runtime: GeneratedModel["runtime"] | undefined;
  let arrayFrom = -1;
  const count = int(1, 7);
  for (let i = 0; i < count && runtime === undefined; i++) {
    const spread = chance(0.15) ? pick(["tuple", "array"] as const) : undefined;
    const codes: string[] = [];
    const objects: unknown[] = [];
    let s = shape;
    for (let k = 0; k < (spread ? 2 : 1); k++) {
      const code = layerFor(s);
      let object: unknown;
      try {
        object = evaluate(code);
      } catch (error) {
        if (!(error instanceof ShapeError)) throw error;
        runtime = { message: error.message, line: lines.length };
        codes.push(code);
        break;
      }
      codes.push(code);
      objects.push(object);
      try {
        s = (object as { outputShape(input: RuntimeShape): RuntimeShape }).outputShape(s);
      } catch {
        break; // the walk below reports it, with the input
      }
    }
    const indices = objects.map((_, k) => layers.length + k);
    if (spread === "array" && arrayFrom === -1) arrayFrom = layers.length;
    lines.push({
      code:
        spread === "tuple"
          ? `...([${codes.join(", ")}] as const),`
          : spread === "array"
            ? `...([${codes.join(", ")}] as AnyLayer[]),`
            : `${codes.join(", ")},`,
      layers: indices,
    });
    layers.push(...objects);
    if (runtime !== undefined) break;
    try {
      const net = (sequential as (...args: unknown[]) => { outputShape: RuntimeShape })(
        input(dims as never, batch === undefined ? undefined : { batch }),
        ...layers,
      );
      shape = net.outputShape;
    } catch (error) {
      if (!(error instanceof ShapeError)) throw error;
      const line = lines.findIndex((l) => l.layers.includes(error.layerIndex ?? -1));
      runtime = { message: error.message, line: line === -1 ? lines.length - 1 : line };
    }
  }
  runtime ??= { output: shape };
  return {
    name,
    lines: [{ code: `${inputCode},`, layers: [] }, ...lines.map((l) => ({ ...l, code: `  ${l.code}` }))].map((l, i) =>
      i === 0 ? { ...l, code: `  ${l.code}` } : l,
    ),
    runtime: "message" in runtime ? { ...runtime, line: runtime.line + 1 } : runtime,
    unknown: unknownInput || arrayFrom !== -1,
    arrayFrom,
  };
}
