// Generated cases (issue 13, item 2): for every builder of both vocabularies and every option key it takes, the
// snake_case, plural/singular, other-case, other-vocabulary and unknown variants of the key. Each case must throw a
// ShapeError at run time that names the key (with "did you mean" the key when one is near), and the compiler must
// give exactly one error on its line, containing that same text, under TypeScript 5.9 and 7.
import assert from "node:assert/strict";
import { join } from "node:path";
import { test } from "node:test";
import { layers, nn, ShapeError } from "../src/index.ts";
import { compile, compilers, root, writeProject } from "./compile-blocks.ts";
import { suggestOption } from "../src/shape/args.ts";
import { convKeys } from "../src/families/conv/conv.nn.ts";
import { convTransposeKeys } from "../src/families/conv/conv-transpose.nn.ts";
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
      `${problems.length} of ${generated.length} cases:\n${problems.slice(0, 20).join("\n")}`,
    );
  }
  console.log(`# option-keys: ${generated.length} generated cases, each checked at run time and by 2 compilers`);
});
