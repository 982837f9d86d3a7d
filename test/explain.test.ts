// `shapecheck explain`: the table for the SPEC network, every format, every error case, PyTorch's
// parameter counts, and the shapes it prints against the runtime trace and the compiler's ShapeTrace
// for every model in examples/ (and the fixtures in test/fixtures/explain/).
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { test } from "node:test";
import ts from "typescript";
import * as tf from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-backend-cpu";
import * as tfl from "@tensorflow/tfjs-layers";
import { main } from "../src/cli.ts";
import {
  explainFile,
  explainGraph,
  explainSequential,
  render,
  type ExplainedFile,
  type ExplainedLayer,
  type ExplainedModel,
} from "../src/explain/index.ts";
import { graph, input, nn, ops } from "../src/index.ts";
import type { RuntimeShape } from "../src/shape/dims.ts";

const root = resolve(import.meta.dirname, "..");
const fixture = (name: string) => `test/fixtures/explain/${name}`;
const SPEC = fixture("spec-net.ts");
const BAD = fixture("bad-net.ts");

// Each file is loaded once (loading re-evaluates the library).
const loaded = new Map<string, Promise<ExplainedFile>>();
const explained = (file: string): Promise<ExplainedFile> => {
  if (!loaded.has(file)) loaded.set(file, explainFile(file, { cwd: root }));
  return loaded.get(file)!;
};
const lines = (text: string) => text.split("\n");
const lineStarting = (text: string, start: string) => lines(text).find((line) => line.startsWith(start));

/** Runs the CLI in-process: exit code, stdout, stderr. */
async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const cwd = process.cwd();
  process.chdir(root);
  try {
    const code = await main(
      argv,
      (text) => {
        out += text;
      },
      (text) => {
        err += text;
      },
    );
    return { code, out, err };
  } finally {
    process.chdir(cwd);
  }
}

// ---- the SPEC network

test("the SPEC network's table: 26, 64 × 12 × 12 = 9216, and PyTorch's 1,199,882 parameters", async () => {
  const text = render(await explained(SPEC), "text");
  assert.equal(
    lineStarting(text, " 0  "),
    " 0  conv2d(1, 32, 3)   [number, 32, 26, 26]  C → 32                                                 320",
  );
  assert.equal(
    lines(text)[lines(text).indexOf(lineStarting(text, " 0  ")!) + 1]!.trim(),
    "H, W: ⌊(28 + 2·0 − 1·(3 − 1) − 1) / 1⌋ + 1 = 26",
  );
  assert.equal(
    lineStarting(text, " 4  "),
    " 4  maxPool2d(2)       [number, 64, 12, 12]  H, W: ⌊(24 + 2·0 − 1·(2 − 1) − 1) / 2⌋ + 1 = 12          0",
  );
  assert.equal(
    lineStarting(text, " 6  "),
    " 6  flatten()          [number, 9216]        64 × 12 × 12 = 9216                                      0",
  );
  assert.equal(
    lineStarting(text, " 7  "),
    " 7  linear(9216, 128)  [number, 128]         → 128                                            1,179,776",
  );
  assert.equal(
    lineStarting(text, "    total"),
    "    total params                                                                              1,199,882",
  );
  assert.equal(lineStarting(text, "    input"), "    input              [number, 1, 28, 28]");
  assert.equal(lines(text)[0], SPEC);
  assert.equal(lines(text)[2], "net (sequential)");
});

test("the SPEC network's counts are PyTorch's: conv1 320, conv2 18,496, fc1 1,179,776, fc2 1,290", async () => {
  const [net] = (await explained(SPEC)).models;
  assert.deepEqual(
    net!.layers.map((row) => row.params),
    [320, 0, 18_496, 0, 0, 0, 0, 1_179_776, 0, 0, 1_290, 0],
  );
  assert.equal(320 + 18_496 + 1_179_776 + 1_290, 1_199_882);
  assert.deepEqual(net!.params, { total: 1_199_882, complete: true });
});

test("--format markdown: a table with the same cells", async () => {
  const markdown = render(await explained(SPEC), "markdown");
  assert.ok(
    markdown.startsWith(
      "### net (sequential)\n\n| # | layer | output shape | arithmetic | params |\n| --: | :-- | :-- | :-- | --: |\n",
    ),
  );
  assert.ok(
    markdown.includes(
      "| 0 | `conv2d(1, 32, 3)` | `[number, 32, 26, 26]` | C → 32<br>H, W: ⌊(28 + 2·0 − 1·(3 − 1) − 1) / 1⌋ + 1 = 26 | 320 |\n",
    ),
  );
  assert.ok(markdown.includes("| 6 | `flatten()` | `[number, 9216]` | 64 × 12 × 12 = 9216 | 0 |\n"));
  assert.ok(markdown.includes("|  | **total params** |  |  | **1,199,882** |\n"));
});

test("--format json: the explanation as data, unknown dimensions null", async () => {
  const data = JSON.parse(render(await explained(SPEC), "json")) as ExplainedFile;
  const net = data.models[0]!;
  assert.equal(net.name, "net");
  assert.deepEqual(net.inputs, [{ id: "in", shape: [null, 1, 28, 28] }]);
  assert.deepEqual(net.layers[0]!.output, [null, 32, 26, 26]);
  assert.deepEqual(net.layers[6]!.arithmetic, ["64 × 12 × 12 = 9216"]);
  assert.equal(net.params.total, 1_199_882);
  assert.deepEqual(net.outputs, ["L11"]);
});

test("--format mermaid and dot: a node per layer, the shape on every edge", async () => {
  const file = await explained(SPEC);
  const mermaid = render(file, "mermaid");
  assert.ok(mermaid.startsWith('flowchart TD\n  in(["input"])\n  L0["conv2d(1, 32, 3)<br/>320 params"]\n'));
  assert.ok(mermaid.includes('  in -->|"[number, 1, 28, 28]"| L0\n'));
  assert.ok(mermaid.includes('  L6 -->|"[number, 9216]"| L7\n'));
  assert.ok(mermaid.includes('  L11 -->|"[number, 10]"| out\n'));
  assert.equal(mermaid.match(/-->/g)?.length, 13);
  const dot = render(file, "dot");
  assert.ok(dot.startsWith('digraph "net" {\n'));
  assert.ok(dot.includes('  L7 [label="linear(9216, 128)\\n1,179,776 params"];\n'));
  assert.ok(dot.includes('  in -> L0 [label="[number, 1, 28, 28]"];\n'));
  assert.ok(dot.includes('  L11 -> out [label="[number, 10]"];\n'));
  assert.ok(dot.endsWith("}\n"));
  const graphviz = spawnSync("dot", ["-Tsvg"], { input: dot, encoding: "utf8" });
  if (graphviz.error === undefined) assert.equal(graphviz.status, 0, graphviz.stderr); // Graphviz, where installed, reads it
});

// ---- errors

test("a model with a shape error is explained up to the error, with the compiler's message", async () => {
  const file = await explained(BAD);
  const [net] = file.models;
  assert.equal(net!.name, "net");
  assert.equal(net!.location, `${BAD}:5`);
  assert.equal(net!.layers.length, 8);
  assert.deepEqual(net!.layers[6]!.output, [null, 9216]);
  assert.equal(net!.layers[7]!.output, null);
  const message =
    "linear(9000, 128): inFeatures must equal the last input dimension 9216 (input [number, 64·12·12 = 9216])";
  assert.deepEqual(net!.error, { id: "L7", layer: "linear(9000, 128)", message });
  assert.deepEqual(net!.params, { total: 18_816, complete: true });
  const text = render(file, "text");
  assert.ok(text.includes("\n7  linear(9000, 128)               ✗ does not fit\n"));
  assert.ok(text.includes("   total params (up to the error)"));
  assert.ok(text.endsWith(`\n\n✗ layer 7, linear(9000, 128), does not fit:\n  ${message}\n`));
  assert.ok(
    render(file, "markdown").includes(`**✗ layer 7, linear(9000, 128), does not fit:**\n\n\`\`\`\n${message}\n\`\`\``),
  );
  const mermaid = render(file, "mermaid");
  assert.ok(
    mermaid.includes(
      '  L7["linear(9000, 128)<br/>✗ inFeatures must equal the last input dimension 9216 (input [number, 64·12·12 = 9216])"]\n',
    ),
  );
  assert.ok(mermaid.includes("  class L7 error\n"));
  assert.ok(!mermaid.includes("output"));
  assert.ok(render(file, "dot").includes('L7 [label="linear(9000, 128)\\n✗ inFeatures must equal'));
});

test("the CLI: exit 0 when every model fits, 1 with the table when one does not", async () => {
  const good = await cli("explain", SPEC);
  assert.equal(good.code, 0);
  assert.equal(good.out, render(await explained(SPEC), "text"));
  assert.equal(good.err, "");
  const bad = await cli("explain", BAD, "--format", "markdown");
  assert.equal(bad.code, 1);
  assert.ok(bad.out.includes("does not fit"));
});

test("a clear message, not a stack trace, for a missing file, a file that does not compile, a file without models", async () => {
  const temporary = mkdtempSync(join(tmpdir(), "shapecheck-explain-"));
  try {
    writeFileSync(join(temporary, "package.json"), '{ "type": "module" }');
    writeFileSync(join(temporary, "broken.ts"), 'import { nn } from "shapecheck";\nexport const net = nn.relu(;\n');
    writeFileSync(join(temporary, "throws.ts"), 'throw new RangeError("no data");\nexport {};\n');
    const cases: [string[], string][] = [
      [
        ["explain", "test/fixtures/explain/missing.ts"],
        "shapecheck explain: cannot find test/fixtures/explain/missing.ts\n",
      ],
      [["explain", "test/fixtures"], "shapecheck explain: test/fixtures is a directory: give the model file\n"],
      [
        ["explain", join(temporary, "broken.ts")],
        `shapecheck explain: ${join(temporary, "broken.ts")} does not compile:\n${join(temporary, "broken.ts")}:2:27: ERROR: Unexpected ";"\n`,
      ],
      [
        ["explain", join(temporary, "throws.ts")],
        `shapecheck explain: ${join(temporary, "throws.ts")}:1 does not load: RangeError: no data\n`,
      ],
      [
        ["explain", fixture("no-model.ts")],
        "shapecheck explain: test/fixtures/explain/no-model.ts exports no model: export a sequential(...) or graph(...), " +
          "e.g. `export const net = sequential(input([1, 28, 28]), ...)` (its exports: learningRate, schedule)\n",
      ],
      [
        ["explain", SPEC, "--model", "other"],
        `shapecheck explain: ${SPEC} exports no model named other (its models: net)\n`,
      ],
      [
        ["explain", SPEC, "--format", "svg"],
        "error: option '-f, --format <format>' argument 'svg' is invalid. use one of text, markdown, json, mermaid, dot.\n",
      ],
    ];
    for (const [argv, message] of cases) {
      const result = await cli(...argv);
      assert.equal(result.code, 1, argv.join(" "));
      assert.equal(result.out, "");
      assert.equal(result.err, message);
    }
  } finally {
    rmSync(temporary, { recursive: true, force: true });
  }
});

test("npx shapecheck: the package's bin runs the command", () => {
  const bin = JSON.parse(readFileSync(join(root, "package.json"), "utf8")).bin.shapecheck as string;
  const result = spawnSync(process.execPath, [join(root, bin), "explain", SPEC, "--format", "json"], {
    cwd: root,
    encoding: "utf8",
  });
  assert.equal(result.stderr, "");
  assert.equal(result.status, 0);
  assert.equal((JSON.parse(result.stdout) as ExplainedFile).models[0]!.params.total, 1_199_882);
});

// ---- each kind: PyTorch's counts, arithmetic that adds up

/** Explains layers on an input directly (no file). */
const chain = (input: RuntimeShape, ...layers: unknown[]): ExplainedModel => explainSequential("m", input, layers);
const only = (input: RuntimeShape, layer: unknown): ExplainedLayer => chain(input, layer).layers[0]!;

test("parameter counts are PyTorch's for every nn family", () => {
  const cases: [RuntimeShape, unknown, number][] = [
    [[null, 1, 28, 28], nn.conv2d(1, 32, 3, { bias: false }), 288],
    [[null, 4, 9, 9], nn.conv2d(4, 8, 3, { groups: 2 }), 8 * 2 * 9 + 8],
    [[null, 16, 5, 5], nn.convTranspose2d(16, 33, 3, { stride: 2 }), 4_785],
    [[null, 2, 8], nn.conv1d(2, 4, 3), 28],
    [[null, 9216], nn.linear(9216, 128), 1_179_776],
    [[null, 9216], nn.linear(9216, 128, { bias: false }), 1_179_648],
    [[null, 9216], nn.linear(9216, 128, false), 1_179_648],
    [[null, 64, 8, 8], nn.batchNorm2d(64), 128],
    [[null, 64, 8, 8], nn.batchNorm2d(64, { affine: false }), 0],
    [[null, 10, 512], nn.layerNorm([10, 512]), 10_240],
    [[null, 7], nn.embedding(10_000, 300), 3_000_000],
    [[null, 5, 10], nn.lstm(10, 20, { numLayers: 2 }), 5_920],
    [[null, 5, 10], nn.lstm(10, 20, { bidirectional: true }), 5_120],
    [[null, 5, 10], nn.lstm(10, 20, { projSize: 5 }), 1_460],
    [[null, 5, 10], nn.gru(10, 20), 1_920],
    [[null, 5, 512], nn.multiheadAttention(512, 8), 1_050_624],
    [[null, 5, 512], nn.multiheadAttention(512, 8, { bias: false }), 1_048_576],
    [[null, 3, 8, 8], nn.maxPool2d(2), 0],
    [[null, 3, 8, 8], nn.dropout2d(0.1), 0],
  ];
  for (const [input, layer, params] of cases)
    assert.equal(only(input, layer).params, params, (layer as { written: string }).written);
});

test("a block counts its layers; a lazyLinear after an unknown dimension has an unknown count", () => {
  const block = only([null, 8, 4, 4], nn.residual(nn.conv2d(8, 8, 3, 1, 1), nn.relu()));
  assert.equal(block.params, 584);
  assert.deepEqual(
    block.branches?.map((branch) => branch.layers.map((row) => row.index)),
    [["0.0", "0.1"]],
  );
  const lazy = chain([null, 3, null], nn.flatten(), nn.lazyLinear(10));
  assert.equal(lazy.layers[1]!.params, null);
  assert.deepEqual(lazy.params, { total: 0, complete: false });
  assert.ok(render({ file: "f.ts", models: [lazy] }, "text").endsWith("≥ 0\n"));
});

test("ceil mode's last-window rule, transposed convolutions, unflatten's −1 and tuples per dimension", () => {
  assert.deepEqual(only([null, 1, 5, 6], nn.maxPool2d(2, { stride: 2, padding: 1, ceilMode: true })).arithmetic, [
    "H: ⌈(5 + 2·1 − 1·(2 − 1) − 1) / 2⌉ + 1 − 1 = 3 (the last window must start inside the input)",
    "W: ⌈(6 + 2·1 − 1·(2 − 1) − 1) / 2⌉ + 1 = 4",
  ]);
  assert.deepEqual(only([null, 1, 7, 7], nn.avgPool2d(3, { stride: 2, ceilMode: true })).arithmetic, [
    "H, W: ⌈(7 + 2·0 − 3) / 2⌉ + 1 = 3",
  ]);
  assert.deepEqual(only([null, 32, 7, 7], nn.convTranspose2d(32, 16, 4, 2, 1)).arithmetic, [
    "C → 16",
    "H, W: (7 − 1)·2 − 2·1 + 1·(4 − 1) + 0 + 1 = 14",
  ]);
  assert.deepEqual(only([null, 10, 6], nn.unflatten(-1, [2, -1])).arithmetic, ["6 = 2 × 3 (−1 = 6 / 2 = 3)"]);
  assert.deepEqual(only([null, 3, 28, 30], nn.conv2d(3, 8, [3, 5], { stride: [1, 2], dilation: [2, 1] })).arithmetic, [
    "C → 8",
    "H: ⌊(28 + 2·0 − 2·(3 − 1) − 1) / 1⌋ + 1 = 24",
    "W: ⌊(30 + 2·0 − 1·(5 − 1) − 1) / 2⌋ + 1 = 13",
  ]);
  assert.deepEqual(only([null, 3, null, 28], nn.conv2d(3, 8, 3)).arithmetic, [
    "C → 8",
    "H: ⌊(number + 2·0 − 1·(3 − 1) − 1) / 1⌋ + 1 = number",
    "W: ⌊(28 + 2·0 − 1·(3 − 1) − 1) / 1⌋ + 1 = 26",
  ]);
  assert.deepEqual(only([null, 8, 4, 4], nn.concat(1, [nn.conv2d(8, 2, 1)], [])).arithmetic, ["dim 1: 2 + 8 = 10"]);
});

test("a graph's ops: each row is the op's written call and its shape arithmetic (not ops.add for all)", () => {
  const x = input([6, 8]);
  const y = x.pipe(nn.linear(8, 8));
  const net = graph({
    inputs: [x],
    outputs: [ops.view(ops.transpose(ops.add(x, y), 1, 2), [x.size(0), -1]), ops.matmul(x, ops.transpose(y, 1, 2))],
  });
  const model = explainGraph("net", net as never);
  assert.deepEqual(
    model.layers.map((row) => [row.index, row.kind, row.layer, row.arithmetic]),
    [
      ["0", "linear", "linear(8, 8)", ["→ 8"]],
      ["1", "add", "ops.add(…)", ["[number, 6, 8] and [number, 6, 8] → [number, 6, 8]"]],
      ["2", "transpose", "ops.transpose(…, 1, 2)", ["[number, 6, 8] → [number, 8, 6]"]],
      ["3", "view", "ops.view(…, [null, -1])", ["[number, 8, 6] → [number, 48]", "8·6 = 48 elements per example"]],
      ["4", "transpose", "ops.transpose(…, 1, 2)", ["[number, 6, 8] → [number, 8, 6]"]],
      ["5", "matmul", "ops.matmul(…)", ["[number, 6, 8] and [number, 8, 6] → [number, 6, 6]"]],
    ],
  );
  const text = render({ file: "net.ts", models: [model] }, "text");
  assert.match(text, /\n2 +ops\.transpose\(…, 1, 2\) +1 +\[number, 8, 6\] +\[number, 6, 8\] → \[number, 8, 6\] +0\n/);
  assert.match(
    text,
    /\n3 +ops\.view\(…, \[null, -1\]\) +2 +\[number, 48\] +\[number, 8, 6\] → \[number, 48\] +0\n +8·6 = 48 elements per example\n/,
  );
  // ops.add is still drawn as a join, the others as boxes with their call
  const mermaid = render({ file: "net.ts", models: [model] }, "mermaid");
  assert.match(mermaid, /"\+"/);
  assert.match(mermaid, /ops\.transpose\(…, 1, 2\)/);
});

test("an unknown kind, or a config explain cannot read, is shown with —", () => {
  const custom = { kind: "swish", written: "swish()", outputShape: (input: RuntimeShape) => input };
  const changed = { ...nn.conv2d(1, 8, 3), kernelSize: "three" };
  const model = chain([null, 1, 28, 28], custom, changed);
  assert.deepEqual(
    model.layers.map((row) => [row.arithmetic, row.params]),
    [
      [null, null],
      [null, null],
    ],
  );
  assert.deepEqual(model.layers[1]!.output, [null, 8, 26, 26]);
  const text = render({ file: "f.ts", models: [model] }, "text");
  assert.ok(text.includes("\n0  swish()          [number, 1, 28, 28]  —                —\n"), text);
  assert.ok(text.includes("\n1  conv2d(1, 8, 3)  [number, 8, 26, 26]  —                —\n"), text);
  assert.ok(text.includes("\n   total params                                         ≥ 0\n"), text);
});

test("tfjs's layers vocabulary: tfjs-layers' counts (countParams) and convOutputLength", async () => {
  const [convnet, sequenceNet] = (await explained(fixture("tfjs-net.ts"))).models;
  await tf.setBackend("cpu");
  const reference = [
    tfl.sequential({
      layers: [
        tfl.layers.conv2d({ inputShape: [28, 28, 1], filters: 8, kernelSize: 5, activation: "relu" }),
        tfl.layers.maxPooling2d({ poolSize: 2, strides: 2 }),
        tfl.layers.conv2d({ filters: 16, kernelSize: 3, strides: 2, padding: "same", useBias: false }),
        tfl.layers.batchNormalization(),
        tfl.layers.zeroPadding2d({ padding: 1 }),
        tfl.layers.upSampling2d({ size: [2, 2] }),
        tfl.layers.averagePooling2d({ poolSize: 3 }),
        tfl.layers.flatten(),
        tfl.layers.dropout({ rate: 0.25 }),
        tfl.layers.dense({ units: 10, activation: "softmax" }),
      ],
    }),
    tfl.sequential({
      layers: [
        tfl.layers.embedding({ inputShape: [50], inputDim: 1000, outputDim: 16 }),
        tfl.layers.reshape({ targetShape: [25, 32] }),
        tfl.layers.permute({ dims: [2, 1] }),
        tfl.layers.conv1d({ filters: 4, kernelSize: 3 }),
        tfl.layers.maxPooling1d({ poolSize: 2 }),
        tfl.layers.globalAveragePooling1d(),
        tfl.layers.dense({ units: 1, activation: "sigmoid" }),
      ],
    }),
  ];
  [convnet!, sequenceNet!].forEach((model, i) => {
    const tfModel = reference[i]!;
    assert.deepEqual(
      model.layers.map((row) => row.params),
      tfModel.layers.map((layer) => layer.countParams()),
      model.name,
    );
    assert.deepEqual(
      model.layers.map((row) => row.output),
      tfModel.layers.map((layer) => layer.outputShape),
      model.name,
    );
    assert.equal(model.params.total, tfModel.countParams());
    tfModel.dispose();
  });
  assert.deepEqual(convnet!.layers[2]!.arithmetic, ["C → 16", "H, W: ⌈12 / 2⌉ = 6"]);
});

// ---- every model in examples/ and the fixtures: the printed shapes are the runtime's and the compiler's

/** Model files: examples/*.ts that export something (demo.ts is a script: importing it would train), and the fixtures. */
function modelFiles(): string[] {
  const examples = readdirSync(join(root, "examples"))
    .filter((name) => name.endsWith(".ts"))
    .map((name) => `examples/${name}`)
    .filter((file) => /^export\s/m.test(readFileSync(join(root, file), "utf8")));
  return [...examples, SPEC, fixture("zoo.ts"), fixture("tfjs-net.ts")];
}

/** A shape as the compiler prints it: `["batch", 8, number, number]`. */
const typeText = (shape: RuntimeShape | null): string =>
  shape === null
    ? "never"
    : `[${shape.map((dim) => (dim === null ? "number" : typeof dim === "string" ? JSON.stringify(dim) : String(dim))).join(", ")}]`;

/** `ShapeTrace<typeof model>` for each model, as the TypeScript 5.9 checker prints it. */
function shapeTraces(models: readonly { file: string; name: string }[]): string[] {
  const virtual = join(root, "test", "__explain_shape_traces__.ts");
  const source = [
    'import type { ShapeTrace } from "shapecheck";',
    ...models.map(
      ({ file, name }, i) =>
        `import { ${name} as model${i} } from ${JSON.stringify(`../${file}`)};\nexport type Trace${i} = ShapeTrace<typeof model${i}>;`,
    ),
  ].join("\n");
  const config = ts.getParsedCommandLineOfConfigFile(
    join(root, "tsconfig.json"),
    {},
    { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} },
  )!;
  const host = ts.createCompilerHost(config.options);
  const { getSourceFile, fileExists } = host;
  host.getSourceFile = (name, language, ...rest) =>
    name === virtual ? ts.createSourceFile(name, source, language) : getSourceFile.call(host, name, language, ...rest);
  host.fileExists = (name) => name === virtual || fileExists.call(host, name);
  const program = ts.createProgram([virtual], config.options, host);
  const file = program.getSourceFile(virtual)!;
  assert.deepEqual(
    ts.getPreEmitDiagnostics(program, file).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n")),
    [],
  );
  const checker = program.getTypeChecker();
  return file.statements
    .filter(ts.isTypeAliasDeclaration)
    .map((alias) =>
      checker.typeToString(
        checker.getTypeAtLocation(alias.name),
        undefined,
        ts.TypeFormatFlags.NoTruncation | ts.TypeFormatFlags.InTypeAlias,
      ),
    );
}

/** torchvision's (and the classic papers') parameter counts, for the examples that build those networks. */
const knownCounts: Record<string, number> = {
  mnist: 1_199_882,
  lenet5: 61_706,
  alexnet: 61_100_840,
  vgg16: 138_357_544,
  resnet18: 11_689_512,
  resnet50: 25_557_032, // torchvision's counts
  mobilenetV2: 3_504_872,
};

test("every model in examples/: the shapes are the runtime trace's and ShapeTrace's, the arithmetic adds up", async (t) => {
  const sequentials: { file: string; name: string; rows: readonly ExplainedLayer[] }[] = [];
  for (const file of modelFiles()) {
    const { models } = await explained(file);
    const module = (await import(join(root, file))) as Record<
      string,
      { trace?: RuntimeShape[]; outputShapes?: RuntimeShape[] }
    >;
    for (const model of models) {
      assert.equal(model.error, undefined, `${file} ${model.name}: ${model.error?.message}`);
      const value = module[model.name]!;
      if (model.kind === "sequential") {
        assert.deepEqual(
          model.layers.map((row) => row.output),
          value.trace,
          `${file} ${model.name}: runtime trace`,
        );
        sequentials.push({ file, name: model.name, rows: model.layers });
      } else {
        const shapes = new Map([
          ...model.inputs.map((input) => [input.id, input.shape] as const),
          ...model.layers.map((row) => [row.id, row.output] as const),
        ]);
        assert.deepEqual(
          model.outputs.map((id) => shapes.get(id)),
          value.outputShapes,
          `${file} ${model.name}: graph outputs`,
        );
      }
      if (model.name in knownCounts)
        assert.equal(model.params.total, knownCounts[model.name], `${file} ${model.name}: parameters`);
      checkArithmetic(model);
      t.diagnostic(
        `${file} ${model.name}: ${model.layers.length} layers, ${model.params.total.toLocaleString("en-US")} parameters`,
      );
    }
  }
  const traces = shapeTraces(sequentials);
  assert.equal(traces.length, sequentials.length);
  sequentials.forEach(({ file, name, rows }, i) => {
    assert.equal(`[${rows.map((row) => typeText(row.output)).join(", ")}]`, traces[i], `${file} ${name}: ShapeTrace`);
  });
});

/**
 * Every arithmetic line with an `=` evaluates to what it says: `⌊(28 + 2·0 − 1·(3 − 1) − 1) / 1⌋ + 1 = 26`
 * is computed as written (⌊⌋ floor, ⌈⌉ ceil, · and × times, − minus), and each side of the `=` agrees.
 */
function checkArithmetic(model: ExplainedModel): void {
  const rows = (layers: readonly ExplainedLayer[]): ExplainedLayer[] =>
    layers.flatMap((row) => [row, ...(row.branches ?? []).flatMap((branch) => rows(branch.layers))]);
  for (const row of rows(model.layers)) {
    for (const line of row.arithmetic ?? []) {
      const formula = line
        .replace(/^[^:]*: /, "")
        .replace(/^→ /, "")
        .replace(/ \(.*\)$/, "");
      if (!formula.includes(" = ") || /number|[a-z]/i.test(formula)) continue;
      const values = formula
        .split(" = ")
        .map(
          (side) =>
            Function(
              `return ${side.replaceAll("⌊", "Math.floor(").replaceAll("⌈", "Math.ceil(").replace(/[⌋⌉]/g, ")").replace(/[·×]/g, "*").replaceAll("−", "-")}`,
            )() as number,
        );
      assert.ok(
        values.every((value) => value === values[0]),
        `${model.name} ${row.layer}: ${line} (${values.join(" ≠ ")})`,
      );
    }
  }
}

test("explain(net): a model object explained as shapecheck explain does for it in a file; anything else refused", async () => {
  const { explain } = await import("../src/explain/index.ts");
  const { mnist } = await import("../examples/mnist.ts");
  const fromFile = (await explainFile("examples/mnist.ts")).models.find((m) => m.name === "mnist")!;
  assert.deepEqual(explain(mnist, "mnist"), fromFile);
  assert.equal(explain(mnist).params.total, 1199882);
  assert.throws(() => explain({ kind: "linear" }), /explain: not a model/);
});
