// Type level vs runtime twin vs TensorFlow.js, on random configurations (seeded).
//
// For each case: the shape TensorFlow.js really produces (the tfjs layer or op applied to zeros, batch 1), the
// runtime twin (`sequential(input(example), layer).outputShape`), and the type level: one generated `.ts` file per
// family under `.tmp/tfjs-agreement/`, one line per case, compiled by TypeScript 5.9 and 7. A case tfjs accepts
// asserts its exact output type there (`expectType<TypeEqual<OutputShape<typeof m17>, [number, 13, 13, 4]>>(true)`);
// a case tfjs rejects (it throws, or gives a dimension ≤ 0) must get a compile error on its line that contains the
// runtime twin's message. Used by test/tfjs-agreement.test.ts; `node --import tsx scripts/gen-tfjs-agreement.ts`
// writes the files alone.
import { execFile } from "node:child_process";
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import * as tf from "@tensorflow/tfjs-core";
import * as tfl from "@tensorflow/tfjs-layers";
import { input, layers, nn, sequential, ShapeError } from "../src/index.ts";

export const root = resolve(import.meta.dirname, "..");
export const outDir = join(root, ".tmp/tfjs-agreement");
const defaultOutDir = outDir;

// ---- random configurations

/** mulberry32: a small seeded generator. */
export function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (low: number, high: number) => low + Math.floor(next() * (high - low + 1));
  const pick = <T>(values: readonly T[]): T => values[Math.floor(next() * values.length)]!;
  const chance = (p: number) => next() < p;
  return { next, int, pick, chance };
}
export type Random = ReturnType<typeof random>;

/** One configuration: the example shape (no batch), the layer as code and as a builder call, and tfjs's computation. */
export interface Case {
  family: string;
  example: number[];
  vocabulary: "layers" | "nn";
  builder: string;
  args: unknown[];
  /** The output of TensorFlow.js on a batch of one. */
  tfjs: (x: tf.Tensor) => tf.Tensor;
  /** When set: tfjs accepts this configuration and shapecheck deliberately does not (the reason). */
  stricter?: string;
}

/** Options with `undefined` values dropped (as a user would not write them). */
export const defined = (options: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined));
const clone = <T>(value: T): T => structuredClone(value);
export const size = (r: Random, low: number, high: number, tuple: number) =>
  r.chance(0.5) ? r.int(low, high) : Array.from({ length: tuple }, () => r.int(low, high));
const perDim = (value: unknown, rank: number): number[] =>
  Array.isArray(value) ? value : Array.from({ length: rank }, () => value as number);
export const tfLayer = (name: string, options: object) => (x: tf.Tensor) => {
  const layer = (tfl.layers as unknown as Record<string, (args: object) => tfl.layers.Layer>)[name]!(clone(options));
  const y = layer.apply(x) as tf.Tensor;
  return y;
};
const activations = ["relu", "sigmoid", "tanh", "softmax", "linear", "elu", "selu", "softplus", "relu6"] as const;
/** The input rank is occasionally wrong, so that both sides must reject it. */
export const image = (r: Random, channelsFirst: boolean, spatial: number[], channels: number) =>
  r.chance(0.03) ? [...spatial, channels].slice(1) : channelsFirst ? [channels, ...spatial] : [...spatial, channels];

export type Generator = (r: Random) => Omit<Case, "family">;

const conv =
  (rank: 1 | 2): Generator =>
  (r) => {
    const channelsFirst = rank === 2 && r.chance(0.3);
    const conv1dFirst = rank === 1 && r.chance(0.03);
    const strides = r.chance(0.35) ? undefined : size(r, 1, 4, rank);
    const dilationRate = r.chance(0.7) ? undefined : size(r, 1, 3, rank);
    const options = defined({
      filters: r.int(1, 4),
      kernelSize: size(r, 1, 7, rank),
      strides,
      padding: r.chance(0.04) ? "causal" : r.pick([undefined, "valid", "same"]),
      dilationRate,
      dataFormat: channelsFirst || conv1dFirst ? "channelsFirst" : r.chance(0.1) ? "channelsLast" : undefined,
      activation: r.chance(0.2) ? r.pick(activations) : undefined,
    });
    const spatial = Array.from({ length: rank }, () => r.int(1, 32));
    return {
      example: image(r, channelsFirst || conv1dFirst, spatial, r.int(1, 4)),
      vocabulary: "layers",
      builder: `conv${rank}d`,
      args: [options],
      tfjs: tfLayer(`conv${rank}d`, options),
      stricter: conv1dFirst
        ? "conv1d with dataFormat 'channelsFirst': tfjs returns its output channels last"
        : undefined,
    };
  };

const pool =
  (builder: string, rank: 1 | 2): Generator =>
  (r) => {
    const channelsFirst = rank === 2 && r.chance(0.3);
    const options = defined({
      poolSize: r.chance(0.2)
        ? undefined
        : rank === 1
          ? r.chance(0.5)
            ? r.int(1, 6)
            : [r.int(1, 6)]
          : size(r, 1, 6, 2),
      strides: r.chance(0.4)
        ? undefined
        : rank === 1
          ? r.chance(0.5)
            ? r.int(1, 4)
            : [r.int(1, 4)]
          : size(r, 1, 4, 2),
      padding: r.pick([undefined, "valid", "same"]),
      dataFormat: channelsFirst ? "channelsFirst" : rank === 2 && r.chance(0.1) ? "channelsLast" : undefined,
    });
    const spatial = Array.from({ length: rank }, () => r.int(1, 32));
    return {
      example: image(r, channelsFirst, spatial, r.int(1, 4)),
      vocabulary: "layers",
      builder,
      args: [options],
      tfjs: tfLayer(builder, options),
    };
  };

const globalPool: Generator = (r) => {
  const builder = r.pick([
    "globalAveragePooling1d",
    "globalMaxPooling1d",
    "globalAveragePooling2d",
    "globalMaxPooling2d",
  ]);
  const rank = builder.endsWith("1d") ? 1 : 2;
  const channelsFirst = rank === 2 && r.chance(0.3);
  const options =
    rank === 2 && (channelsFirst || r.chance(0.2))
      ? { dataFormat: channelsFirst ? "channelsFirst" : "channelsLast" }
      : {};
  const spatial = Array.from({ length: rank }, () => r.int(1, 32));
  return {
    example: image(r, channelsFirst, spatial, r.int(1, 4)),
    vocabulary: "layers",
    builder,
    args: [options],
    tfjs: tfLayer(builder, options),
  };
};

export const dims = (r: Random, count: number, high: number) => Array.from({ length: count }, () => r.int(1, high));

const denseCase: Generator = (r) => {
  const example = dims(r, r.int(0, 3), 16);
  const last = example.at(-1) ?? 1;
  const mismatch = example.length > 0 && r.chance(0.08);
  const inputDim = mismatch ? last + r.int(1, 5) : example.length > 0 && r.chance(0.3) ? last : undefined;
  const options = defined({
    units: r.int(1, 8),
    inputDim,
    activation: r.chance(0.3) ? r.pick(activations) : undefined,
  });
  return {
    example,
    vocabulary: "layers",
    builder: "dense",
    args: [options],
    tfjs: tfLayer("dense", options),
    stricter: mismatch
      ? "dense inputDim differing from the last input dimension: tfjs ignores inputDim after the first layer"
      : undefined,
  };
};

const flattenCase: Generator = (r) => {
  const options = r.chance(0.2) ? { dataFormat: r.pick(["channelsFirst", "channelsLast"]) } : {};
  return {
    example: dims(r, r.int(1, 4), 8),
    vocabulary: "layers",
    builder: "flatten",
    args: [options],
    tfjs: tfLayer("flatten", options),
  };
};

const reshapeCase: Generator = (r) => {
  const example = dims(r, r.int(1, 3), 8);
  let total = example.reduce((a, b) => a * b, 1);
  const target: number[] = [];
  const parts = r.int(1, 3);
  for (let i = 0; i < parts - 1; i++) {
    const divisors = Array.from({ length: total }, (_, d) => d + 1).filter((d) => total % d === 0);
    const d = r.pick(divisors);
    target.push(d);
    total /= d;
  }
  target.push(total);
  if (r.chance(0.5)) target[r.int(0, target.length - 1)] = -1;
  if (r.chance(0.2)) target[r.int(0, target.length - 1)] = r.int(1, 9);
  if (r.chance(0.04)) target.push(-1);
  const options = { targetShape: target };
  return { example, vocabulary: "layers", builder: "reshape", args: [options], tfjs: tfLayer("reshape", options) };
};

const permuteCase: Generator = (r) => {
  const example = dims(r, r.int(1, 4), 6);
  const n = r.chance(0.1) ? r.int(1, 4) : example.length;
  const order = Array.from({ length: n }, (_, i) => i + 1);
  for (let i = n - 1; i > 0; i--) {
    const j = r.int(0, i);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  if (n > 1 && r.chance(0.05)) order[0] = order[1]!;
  const options = { dims: order };
  return { example, vocabulary: "layers", builder: "permute", args: [options], tfjs: tfLayer("permute", options) };
};

const embeddingCase: Generator = (r) => {
  const example = dims(r, r.int(1, 3), 8);
  const lengths = r.chance(0.15)
    ? example
        .map((d) => (r.chance(0.5) ? d + 1 : d))
        .slice(0, r.chance(0.5) ? example.length : Math.max(1, example.length - 1))
    : example;
  const inputLength = r.chance(0.4) ? undefined : lengths.length === 1 && r.chance(0.5) ? lengths[0] : lengths;
  const options = defined({ inputDim: r.int(1, 20), outputDim: r.int(1, 8), inputLength });
  return { example, vocabulary: "layers", builder: "embedding", args: [options], tfjs: tfLayer("embedding", options) };
};

const batchNormCase: Generator = (r) => {
  const example = dims(r, r.int(0, 4), 6);
  const rank = example.length + 1;
  // axis 0 (the batch) is left out: tfjs accepts it on a tensor of batch 1, but not in a model (unknown batch).
  const axis = r.chance(0.3)
    ? undefined
    : r.pick([...Array.from({ length: 2 * rank + 2 }, (_, i) => i - rank - 1)].filter((a) => a !== 0 && a !== -rank));
  const options = defined({ axis });
  return {
    example,
    vocabulary: "layers",
    builder: "batchNormalization",
    args: [options],
    tfjs: tfLayer("batchNormalization", options),
  };
};

const dropoutCase: Generator = (r) => {
  const outside = r.chance(0.05);
  const rate = outside ? r.pick([1.5, 2, 1.01]) : r.pick([0, 1, Math.round(r.next() * 100) / 100]);
  const options = { rate };
  return {
    example: dims(r, r.int(0, 3), 8),
    vocabulary: "layers",
    builder: "dropout",
    args: [options],
    tfjs: tfLayer("dropout", options),
    stricter: outside ? "dropout rate above 1: tfjs clamps it to 1" : undefined,
  };
};

const activationCase: Generator = (r) => {
  const options = { activation: r.pick(activations) };
  return {
    example: dims(r, r.int(0, 3), 8),
    vocabulary: "layers",
    builder: "activation",
    args: [options],
    tfjs: tfLayer("activation", options),
  };
};

const zeroPaddingCase: Generator = (r) => {
  const channelsFirst = r.chance(0.3);
  const padding = r.pick([
    undefined,
    r.int(0, 3),
    [r.int(0, 3), r.int(0, 3)],
    [
      [r.int(0, 3), r.int(0, 3)],
      [r.int(0, 3), r.int(0, 3)],
    ],
  ]);
  const options = defined({
    padding,
    dataFormat: channelsFirst ? "channelsFirst" : r.chance(0.1) ? "channelsLast" : undefined,
  });
  return {
    example: image(r, channelsFirst, [r.int(1, 16), r.int(1, 16)], r.int(1, 3)),
    vocabulary: "layers",
    builder: "zeroPadding2d",
    args: [options],
    tfjs: tfLayer("zeroPadding2d", options),
  };
};

const upSamplingCase: Generator = (r) => {
  const channelsFirst = r.chance(0.3);
  const options = defined({
    size: r.chance(0.3) ? undefined : [r.int(1, 3), r.int(1, 3)],
    interpolation: r.pick([undefined, "nearest", "bilinear"]),
    dataFormat: channelsFirst ? "channelsFirst" : r.chance(0.1) ? "channelsLast" : undefined,
  });
  return {
    example: image(r, channelsFirst, [r.int(1, 16), r.int(1, 16)], r.int(1, 3)),
    vocabulary: "layers",
    builder: "upSampling2d",
    args: [options],
    tfjs: tfLayer("upSampling2d", options),
  };
};

// nn (PyTorch's vocabulary, channels first) against the tfjs ops that compute the same thing.

const nnConv =
  (rank: 1 | 2): Generator =>
  (r) => {
    const channels = r.int(1, 4);
    const out = r.int(1, 4);
    const spatial = Array.from({ length: rank }, () => r.int(1, 32));
    const kernel = size(r, 1, 7, rank);
    const stride = r.chance(0.4) ? 1 : size(r, 1, 4, rank);
    const strided = perDim(stride, rank).some((s) => s !== 1);
    // tfjs refuses strides and dilations above 1 together (PyTorch allows it): such cases are not drawn.
    const dilation = strided || r.chance(0.7) ? 1 : size(r, 1, 3, rank);
    const padding = r.chance(0.2)
      ? strided
        ? "valid"
        : r.pick(["valid", "same"] as const)
      : r.chance(0.3)
        ? 0
        : size(r, 0, 3, rank);
    const positional = dilation === 1 && r.chance(0.5);
    const args = positional
      ? padding === 0
        ? stride === 1
          ? [channels, out, kernel]
          : [channels, out, kernel, stride]
        : [channels, out, kernel, stride, padding]
      : [
          channels,
          out,
          kernel,
          defined({
            stride: stride === 1 ? undefined : stride,
            padding: padding === 0 ? undefined : padding,
            dilation: dilation === 1 ? undefined : dilation,
          }),
        ];
    const strides = perDim(stride, rank);
    const dilations = perDim(dilation, rank);
    const pads = typeof padding === "string" ? padding : perDim(padding, rank);
    const tfjs = (x: tf.Tensor) => {
      if (rank === 1) {
        let nwc = tf.transpose(x, [0, 2, 1]) as tf.Tensor3D;
        if (typeof pads !== "string")
          nwc = tf.pad(nwc, [
            [0, 0],
            [pads[0]!, pads[0]!],
            [0, 0],
          ]);
        const y = tf.conv1d(
          nwc,
          tf.zeros([perDim(kernel, 1)[0]!, channels, out]),
          strides[0]!,
          typeof pads === "string" ? pads : "valid",
          "NWC",
          dilations[0]!,
        );
        return tf.transpose(y, [0, 2, 1]);
      }
      const nhwc = tf.transpose(x, [0, 2, 3, 1]) as tf.Tensor4D;
      const [kh, kw] = perDim(kernel, 2);
      const pad =
        typeof pads === "string"
          ? pads
          : ([
              [0, 0],
              [pads[0]!, pads[0]!],
              [pads[1]!, pads[1]!],
              [0, 0],
            ] as [[number, number], [number, number], [number, number], [number, number]]);
      const y = tf.conv2d(
        nhwc,
        tf.zeros([kh!, kw!, channels, out]) as tf.Tensor4D,
        strides as [number, number],
        pad,
        "NHWC",
        dilations as [number, number],
      );
      return tf.transpose(y, [0, 3, 1, 2]);
    };
    return { example: [channels, ...spatial], vocabulary: "nn", builder: `conv${rank}d`, args, tfjs };
  };

const nnPool =
  (builder: "maxPool2d" | "avgPool2d"): Generator =>
  (r) => {
    const channels = r.int(1, 3);
    const spatial = [r.int(1, 32), r.int(1, 32)];
    const kernel = size(r, 1, 6, 2);
    const kernels = perDim(kernel, 2);
    const stride = r.chance(0.4) ? undefined : size(r, 1, 4, 2);
    // PyTorch's rule: padding at most half the kernel (other paddings are refused by shapecheck, not drawn here).
    const padding = r.chance(0.5)
      ? 0
      : Array.isArray(kernel) || r.chance(0.5)
        ? kernels.map((k) => r.int(0, Math.floor(k / 2)))
        : r.int(0, Math.floor((kernel as number) / 2));
    const args = r.chance(0.5)
      ? padding === 0
        ? stride === undefined
          ? [kernel]
          : [kernel, stride]
        : [kernel, stride ?? kernel, padding]
      : [kernel, defined({ stride, padding: padding === 0 ? undefined : padding })];
    const strides = perDim(stride ?? kernel, 2) as [number, number];
    const pads = perDim(padding, 2);
    const tfjs = (x: tf.Tensor) => {
      const nhwc = tf.transpose(x, [0, 2, 3, 1]) as tf.Tensor4D;
      const pad = [
        [0, 0],
        [pads[0]!, pads[0]!],
        [pads[1]!, pads[1]!],
        [0, 0],
      ] as [[number, number], [number, number], [number, number], [number, number]];
      const y =
        builder === "maxPool2d"
          ? tf.maxPool(nhwc, kernels as [number, number], strides, pad, "floor")
          : tf.avgPool(nhwc, kernels as [number, number], strides, pad, "floor");
      return tf.transpose(y, [0, 3, 1, 2]);
    };
    return { example: [channels, ...spatial], vocabulary: "nn", builder, args, tfjs };
  };

const nnFlatten: Generator = (r) => {
  const example = dims(r, r.int(1, 4), 8);
  const rank = example.length + 1;
  const start = r.int(0, rank - 1);
  const end = r.int(start, rank - 1);
  const startDim = r.chance(0.3) ? start - rank : start;
  const endDim = r.chance(0.3) ? end - rank : end;
  const args = startDim === 1 && endDim === -1 && r.chance(0.5) ? [] : [startDim, endDim];
  const tfjs = (x: tf.Tensor) => tf.reshape(x, [...x.shape.slice(0, start), -1, ...x.shape.slice(end + 1)]);
  return { example, vocabulary: "nn", builder: "flatten", args, tfjs };
};

const nnLinear: Generator = (r) => {
  const example = dims(r, r.int(1, 3), 16);
  const last = example.at(-1)!;
  const inFeatures = r.chance(0.15) ? last + r.int(1, 4) : last;
  const outFeatures = r.int(1, 8);
  const tfjs = (x: tf.Tensor) =>
    tf.reshape(tf.matMul(tf.reshape(x, [-1, last]), tf.zeros([inFeatures, outFeatures])), [
      ...x.shape.slice(0, -1),
      outFeatures,
    ]);
  return { example, vocabulary: "nn", builder: "linear", args: [inFeatures, outFeatures], tfjs };
};

/** Every family and how its configurations are drawn. */
export const families: Record<string, Generator> = {
  "layers.conv1d": conv(1),
  "layers.conv2d": conv(2),
  "layers.maxPooling1d": pool("maxPooling1d", 1),
  "layers.averagePooling1d": pool("averagePooling1d", 1),
  "layers.maxPooling2d": pool("maxPooling2d", 2),
  "layers.averagePooling2d": pool("averagePooling2d", 2),
  "layers.globalPooling": globalPool,
  "layers.dense": denseCase,
  "layers.flatten": flattenCase,
  "layers.reshape": reshapeCase,
  "layers.permute": permuteCase,
  "layers.embedding": embeddingCase,
  "layers.batchNormalization": batchNormCase,
  "layers.dropout": dropoutCase,
  "layers.activation": activationCase,
  "layers.zeroPadding2d": zeroPaddingCase,
  "layers.upSampling2d": upSamplingCase,
  "nn.conv1d": nnConv(1),
  "nn.conv2d": nnConv(2),
  "nn.maxPool2d": nnPool("maxPool2d"),
  "nn.avgPool2d": nnPool("avgPool2d"),
  "nn.flatten": nnFlatten,
  "nn.linear": nnLinear,
};

export function drawCases(count: number, seed = 20260401, drawn: Record<string, Generator> = families): Case[] {
  return Object.entries(drawn).flatMap(([family, generate], index) => {
    const r = random(seed + index * 7919);
    return Array.from({ length: count }, () => ({ family, ...generate(r) }));
  });
}

// ---- the three answers

/** A shape, or the rejection (tfjs's error, or its degenerate shape). */
export type Outcome = { shape: (number | null)[] } | { rejected: string };

/** What TensorFlow.js produces for a batch of one (a dimension ≤ 0 or NaN counts as a rejection). */
export function runTfjs(c: Case): Outcome {
  try {
    const shape = tf.tidy(() => c.tfjs(tf.zeros([1, ...c.example])).shape);
    if (shape.some((d) => !(d > 0))) return { rejected: `degenerate shape [${shape.join(", ")}]` };
    return { shape: [null, ...shape.slice(1)] };
  } catch (error) {
    return { rejected: (error as Error).message.split("\n")[0]! };
  } finally {
    tf.disposeVariables();
  }
}

/** What the runtime twin answers: `sequential(input(example), layer).outputShape`, or its ShapeError. */
export function runTwin(c: Case): Outcome {
  try {
    const vocabulary = (c.vocabulary === "layers" ? layers : nn) as unknown as Record<
      string,
      (...args: unknown[]) => never
    >;
    const layer = vocabulary[c.builder]!(...clone(c.args));
    const model = sequential(input(c.example as never), layer as never) as unknown as {
      outputShape: (number | null)[];
    };
    return { shape: [...model.outputShape] };
  } catch (error) {
    if (error instanceof ShapeError) return { rejected: error.message };
    throw error;
  }
}

// ---- the type level

/** The layer as code: `layers.conv2d({"filters":3,"kernelSize":[3,2]})`. */
export const code = (c: Case): string =>
  `${c.vocabulary}.${c.builder}(${c.args.map((arg) => JSON.stringify(arg)).join(", ")})`;

/** One line per case: an exact type assertion where tfjs gives a shape, the bare model where it rejects. */
export function typeLine(c: Case, index: number, expected: Outcome): string {
  const model = `sequential(input(${JSON.stringify(c.example)}), ${code(c)})`;
  if ("rejected" in expected) return `${model};`;
  const shape = `[${expected.shape.map((d) => (d === null ? "number" : String(d))).join(", ")}]`;
  return `const m${index} = ${model}; expectType<TypeEqual<OutputShape<typeof m${index}>, ${shape}>>(true);`;
}

const header = [
  `// Generated by scripts/tfjs-agreement.ts: one line per configuration.`,
  `import { expectType, type TypeEqual } from "ts-expect";`,
  `import { input } from "../../src/model/input.ts";`,
  `import { sequential, type OutputShape } from "../../src/model/sequential.ts";`,
  `import * as layers from "../../src/layers/index.ts";`,
  `import * as nn from "../../src/nn/index.ts";`,
  `void layers; void nn;`,
];

/** Where a case's line is in the generated files. */
export interface Location {
  file: string;
  line: number;
}

/** Writes one file per family (and a tsconfig); returns where each case's line is. */
export function writeTypeFiles(
  cases: readonly Case[],
  expected: readonly Outcome[],
  outDir = defaultOutDir,
): Location[] {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  writeFileSync(
    join(outDir, "tsconfig.json"),
    JSON.stringify(
      {
        extends: "../../tsconfig.json",
        compilerOptions: { noErrorTruncation: true },
        include: ["*.ts"],
        exclude: [],
      },
      null,
      2,
    ),
  );
  const lines = new Map<string, string[]>();
  const locations = cases.map((c, index) => {
    const file = join(outDir, `${c.family.replace(".", "-")}.ts`);
    if (!lines.has(file)) lines.set(file, [...header]);
    const text = lines.get(file)!;
    text.push(typeLine(c, index, expected[index]!));
    return { file, line: text.length };
  });
  for (const [file, text] of lines) writeFileSync(file, [...text, ""].join("\n"));
  return locations;
}

export interface Diagnostic {
  file: string;
  line: number;
  text: string;
}

/** Compiles the generated files with one compiler; returns the diagnostics in them. */
export async function compile(compiler: string, outDir = defaultOutDir): Promise<Diagnostic[]> {
  let output = "";
  try {
    await promisify(execFile)(compiler, ["-p", join(outDir, "tsconfig.json"), "--pretty", "false"], {
      cwd: root,
      encoding: "utf8",
      maxBuffer: 1 << 28,
    });
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string };
    output = `${failed.stdout ?? ""}${failed.stderr ?? ""}`;
    if (!/error TS\d+/.test(output)) throw error;
  }
  const found: Diagnostic[] = [];
  for (const line of output.split("\n")) {
    const head = line.match(/^(.+?)\((\d+),(\d+)\): error (TS\d+): (.*)$/);
    if (head) found.push({ file: resolve(root, head[1]!), line: Number(head[2]), text: `${head[4]}: ${head[5]}` });
    else if (line.startsWith(" ") && found.length > 0) found.at(-1)!.text += `\n${line.trim()}`;
  }
  const generated = new Set(readdirSync(outDir).map((name) => join(outDir, name)));
  return found.filter((d) => generated.has(d.file));
}

export const compilers = {
  "TypeScript 5.9": join(root, "node_modules/typescript/bin/tsc"),
  "TypeScript 7": join(root, "node_modules/typescript-7/bin/tsc"),
};

// ---- the whole comparison

/** Per family: how many cases, what tfjs did, and how many answers agree with it. */
export interface FamilyReport {
  cases: number;
  tfjsAccepted: number;
  tfjsRejected: number;
  /** tfjs accepts, shapecheck deliberately rejects (counted as agreeing when both our answers reject). */
  stricter: number;
  runtime: number;
  typeLevel: Record<string, number>;
}

export interface Disagreement {
  family: string;
  code: string;
  example: number[];
  tfjs: Outcome;
  runtime: Outcome;
  typeLevel: Record<string, string>;
}

export interface Report {
  families: Record<string, FamilyReport>;
  disagreements: Disagreement[];
  /** Diagnostics on lines that hold no case (they fail the comparison too). */
  stray: Diagnostic[];
  seconds: { tfjs: number; runtime: number; typeLevel: Record<string, number> };
  /** The reasons of the deliberate differences, with their counts. */
  stricterReasons: Record<string, number>;
}

const sameShape = (a: Outcome, b: Outcome) =>
  "shape" in a && "shape" in b && a.shape.length === b.shape.length && a.shape.every((d, i) => d === b.shape[i]);

/** Draws `count` cases per family and compares tfjs, the runtime twin and the type level under both compilers. */
export async function compare(
  count: number,
  seed?: number,
  drawn: Record<string, Generator> = families,
  dir = outDir,
): Promise<Report> {
  const cases = drawCases(count, seed, drawn);
  let start = performance.now();
  const tfjsOutcomes = cases.map(runTfjs);
  const tfjsSeconds = (performance.now() - start) / 1000;
  start = performance.now();
  const twinOutcomes = cases.map(runTwin);
  const runtimeSeconds = (performance.now() - start) / 1000;
  const locations = writeTypeFiles(cases, tfjsOutcomes, dir);
  const typeSeconds: Record<string, number> = {};
  const diagnostics = Object.fromEntries(
    await Promise.all(
      Object.entries(compilers).map(async ([name, compiler]) => {
        const begin = performance.now();
        const found = await compile(compiler, dir);
        typeSeconds[name] = (performance.now() - begin) / 1000;
        return [name, found] as const;
      }),
    ),
  );
  const families: Record<string, FamilyReport> = {};
  const disagreements: Disagreement[] = [];
  const stricterReasons: Record<string, number> = {};
  const used = new Set<string>();
  cases.forEach((c, index) => {
    const report = (families[c.family] ??= {
      cases: 0,
      tfjsAccepted: 0,
      tfjsRejected: 0,
      stricter: 0,
      runtime: 0,
      typeLevel: Object.fromEntries(Object.keys(compilers).map((name) => [name, 0])),
    });
    const tfjs = tfjsOutcomes[index]!;
    const twin = twinOutcomes[index]!;
    report.cases++;
    if ("shape" in tfjs) report.tfjsAccepted++;
    else report.tfjsRejected++;
    if (c.stricter !== undefined) {
      report.stricter++;
      stricterReasons[c.stricter] = (stricterReasons[c.stricter] ?? 0) + 1;
    }
    const shouldReject = "rejected" in tfjs || c.stricter !== undefined;
    const runtimeAgrees = shouldReject ? "rejected" in twin : sameShape(tfjs, twin);
    if (runtimeAgrees) report.runtime++;
    const { file, line } = locations[index]!;
    used.add(`${file}:${line}`);
    const typeLevel: Record<string, string> = {};
    for (const name of Object.keys(compilers)) {
      const here = diagnostics[name]!.filter((d) => d.file === file && d.line === line);
      const agrees = shouldReject
        ? here.some((d) => ("rejected" in twin ? d.text.includes(twin.rejected) : true))
        : here.length === 0;
      if (agrees) report.typeLevel[name]!++;
      else typeLevel[name] = here.length === 0 ? "no error" : here.map((d) => d.text).join(" | ");
    }
    if (!runtimeAgrees || Object.keys(typeLevel).length > 0) {
      disagreements.push({ family: c.family, code: code(c), example: c.example, tfjs, runtime: twin, typeLevel });
    }
  });
  const stray = Object.values(diagnostics)
    .flat()
    .filter((d) => !used.has(`${d.file}:${d.line}`));
  return {
    families,
    disagreements,
    stray,
    seconds: { tfjs: tfjsSeconds, runtime: runtimeSeconds, typeLevel: typeSeconds },
    stricterReasons,
  };
}

/** The report as a table. */
export function formatReport(report: Report): string {
  const names = Object.keys(compilers);
  const rows = [
    [
      "family",
      "cases",
      "tfjs accepts",
      "tfjs rejects",
      "stricter",
      "runtime agrees",
      ...names.map((n) => `${n} agrees`),
    ],
  ];
  for (const [family, r] of Object.entries(report.families)) {
    rows.push([
      family,
      String(r.cases),
      String(r.tfjsAccepted),
      String(r.tfjsRejected),
      String(r.stricter),
      String(r.runtime),
      ...names.map((n) => String(r.typeLevel[n])),
    ]);
  }
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  const table = rows
    .map((row) => row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join("  "))
    .join("\n");
  const times = `tfjs ${report.seconds.tfjs.toFixed(1)} s, runtime twin ${report.seconds.runtime.toFixed(1)} s, ${names.map((n) => `${n} ${report.seconds.typeLevel[n]!.toFixed(1)} s`).join(", ")}`;
  const reasons = Object.entries(report.stricterReasons)
    .map(([reason, n]) => `  stricter (${n}): ${reason}`)
    .join("\n");
  return `${table}\n${times}${reasons ? `\n${reasons}` : ""}`;
}
