// toPyTorch against PyTorch 1.13 (Debian's python3-torch): for every nn layer family, blocks, graphs
// and the example models, the emitted module with shapecheck's weights (saveSafetensors) computes
// what shapecheck's TensorFlow.js model predicts, within 1e-4; and the state_dict PyTorch trains
// from there, saved as safetensors by the emitted file, loads into shapecheck (loadSafetensors) and
// predicts what PyTorch does. One python3 run for all cases (test/pytorch/run_exported.py).
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import * as tf from "@tensorflow/tfjs-core";
import { einops, graph, input, layers, nn, ops, sequential, ShapeError } from "../src/index.ts";
import { build, ready } from "../src/tfjs.ts";
import { ExportError, toPyTorch } from "../src/pytorch.ts";
import {
  decodeSafetensors,
  encodeSafetensors,
  type SafeTensor,
  loadSafetensors,
  saveSafetensors,
  safetensorsOf,
} from "../src/runtime/safetensors.ts";
import { mnist } from "../examples/mnist.ts";
import { lenet5 } from "../examples/lenet5.ts";
import { resnet18 } from "../examples/resnet18.ts";
import { transformerEncoderLayer } from "../examples/transformer.ts";
import { unet } from "../examples/unet.ts";
import { kerasMnist } from "../examples/keras-mnist.ts";

export const python = process.env.SHAPECHECK_PYTHON ?? "/usr/bin/python3";
const tolerance = 1e-4;

interface Case {
  readonly net: unknown;
  /** Sizes for the unknown and named dimensions (batch included); default 2 for the batch, 5 for others. */
  readonly sizes?: readonly number[][];
  /** A known bug elsewhere: the case runs and reports, without failing the suite. */
  readonly todo?: string;
  /** Integer inputs in [0, n) (embedding indices). */
  readonly indices?: number;
}

const x3 = input([6, 8, 8]);
const sharedA = x3.pipe(nn.conv2d(6, 6, 3, 1, 1), nn.relu());
const sharedB = x3.pipe(nn.conv2d(6, 6, 1));
const q = input([4, 6]);
const k = input([6, 3]);
const k2 = input([4, 6]);
const sharedLinear = nn.linear(6, 6);
const sharedConv = nn.conv2d(4, 4, 3, 1, 1);
const tokens = input(["seq", 6], { batch: "b" });
const rows = input([null, 6]);

export const cases: Record<string, Case> = {
  conv1d: {
    net: sequential(
      input([4, 12]),
      nn.conv1d(4, 6, 3, { stride: 2, padding: 1 }),
      nn.conv1d(6, 6, 3, { groups: 3, dilation: 2 }),
    ),
  },
  conv2d: {
    net: sequential(
      input([3, 11, 10]),
      nn.conv2d(3, 8, [3, 2], { stride: [2, 1], padding: [1, 0], bias: false }),
      nn.conv2d(8, 8, 3, { groups: 4, dilation: 2, padding: "same" }),
    ),
  },
  conv3d: { net: sequential(input([2, 6, 6, 6]), nn.conv3d(2, 4, 3, 1, 1), nn.conv3d(4, 2, 2, 2)) },
  convTranspose: {
    net: sequential(
      input([4, 5]),
      nn.convTranspose1d(4, 3, 3, { stride: 2, padding: 1, outputPadding: 1 }),
      nn.unflatten(2, [2, 5]),
      nn.convTranspose2d(3, 4, 3, { stride: 2, groups: 1, dilation: 2 }),
    ),
  },
  pool: {
    net: sequential(
      input([3, 17, 17]),
      nn.maxPool2d(3, { stride: 2, padding: 1, ceilMode: true }),
      nn.avgPool2d(2, { ceilMode: true, padding: 1 }),
      nn.maxPool2d(2, { dilation: 2 }),
      nn.flatten(2),
      nn.avgPool1d(3, 1, 1),
      nn.maxPool1d(2),
    ),
  },
  adaptivePool: {
    net: sequential(
      input([3, 10, 9]),
      nn.adaptiveAvgPool2d([4, 3]),
      nn.adaptiveMaxPool2d(3),
      nn.flatten(2),
      nn.adaptiveAvgPool1d(4),
    ),
  },
  linear: {
    net: sequential(
      input([3, 4]),
      nn.flatten(),
      nn.linear(12, 7),
      nn.lazyLinear(5),
      nn.unflatten(1, [5, 1]),
      nn.linear(1, 3),
    ),
  },
  // bias=False in both spellings: no `N.bias` in either state_dict; a fused relu after it.
  linearNoBias: {
    net: sequential(
      input([3, 4]),
      nn.linear(4, 6, { bias: false }),
      nn.relu(),
      nn.linear(6, 5, false),
      nn.linear(5, 2, { bias: true }),
    ),
  },
  batchNorm: {
    net: sequential(
      input([4, 6, 6]),
      nn.conv2d(4, 4, 1),
      nn.batchNorm2d(4),
      nn.flatten(2),
      nn.conv1d(4, 4, 1),
      nn.batchNorm1d(4, { eps: 1e-3 }),
      nn.flatten(),
      nn.batchNorm1d(144, { affine: false }),
    ),
  },
  // A batch norm on [N, C, L] or [N, C, H, W] that no conv precedes (it used to get other channels' trained
  // statistics: tfjs's batch norm is right only on the last axis; fresh weights hid it).
  batchNormAtInput: { net: sequential(input([4, 6]), nn.batchNorm1d(4, { eps: 1e-3 })) },
  batchNorm2dAtInput: { net: sequential(input([3, 5, 4]), nn.batchNorm2d(3), nn.conv2d(3, 2, 1)) },
  batchNormChannelsFirst: {
    net: sequential(
      input([4, 6]),
      nn.linear(6, 6),
      nn.batchNorm1d(4),
      nn.unflatten(2, [2, 3]),
      nn.residual(nn.batchNorm2d(4)),
      nn.concat(1, [nn.batchNorm2d(4)], [nn.identity()]),
    ),
  },
  batchNormNoAffine: { net: sequential(input([8]), nn.batchNorm1d(8, { affine: false })) },
  batchNormCumulative: { net: sequential(input([4, 6]), nn.batchNorm1d(4, { momentum: null })) },
  batchNormBatchStats: { net: sequential(input([4, 6]), nn.batchNorm1d(4, { trackRunningStats: false })) },
  layerNorm: {
    net: sequential(input([5, 6]), nn.layerNorm([5, 6]), nn.layerNorm(6, { eps: 1e-3, elementwiseAffine: false })),
  },
  embedding: {
    net: sequential(input([7]), nn.embedding(10, 4, { paddingIdx: 0 }), nn.flatten(), nn.linear(28, 3)),
    indices: 10,
  },
  lstm: {
    net: sequential(
      input([5, 3]),
      nn.lstm(3, 4, { numLayers: 2, bidirectional: true }),
      nn.lstm(8, 6, { projSize: 3 }),
    ),
  },
  gru: {
    net: sequential(input([5, 3]), nn.gru(3, 4, { numLayers: 2, bidirectional: true }), nn.gru(8, 2, { bias: false })),
  },
  attention: {
    net: sequential(input([5, 8]), nn.multiheadAttention(8, 2), nn.multiheadAttention(8, 4, { bias: false })),
  },
  activations: {
    net: sequential(
      input([12]),
      nn.linear(12, 12),
      nn.relu(),
      nn.linear(12, 12),
      nn.leakyRelu(0.2),
      nn.gelu(),
      nn.sigmoid(),
      nn.tanh(),
      nn.identity(),
      nn.dropout(0.3),
      nn.softmax(1),
      nn.logSoftmax(-1),
    ),
  },
  dropout2d: { net: sequential(input([3, 4, 4]), nn.conv2d(3, 3, 1), nn.dropout2d(0.5), nn.softmax(1)) },
  residual: {
    net: sequential(
      input([4, 8, 8]),
      nn.residual(nn.conv2d(4, 4, 3, 1, 1), nn.relu()),
      nn.residual({ projection: [nn.conv2d(4, 6, 1, 2)] }, nn.conv2d(4, 6, 3, 2, 1), nn.batchNorm2d(6)),
    ),
  },
  concat: {
    net: sequential(
      input([4, 8, 8]),
      nn.concat(1, [nn.conv2d(4, 2, 1)], [nn.conv2d(4, 3, 3, 1, 1), nn.relu()], [nn.maxPool2d(3, 1, 1)]),
    ),
  },
  graph: { net: graph({ inputs: [x3], outputs: [ops.cat([ops.add(sharedA, sharedB), sharedA], 1), sharedB] }) },
  graphThreeInputs: {
    net: graph({
      inputs: [x3, q, k],
      outputs: [ops.cat([ops.add(sharedA, sharedB), sharedA], 1), ops.matmul(q.pipe(nn.linear(6, 6)), k)],
    }),
  },
  graphTwoInputs: { net: graph({ inputs: [q, k], outputs: [ops.matmul(q.pipe(nn.linear(6, 6)), k)] }) },
  graphOps: {
    net: graph({
      inputs: [q],
      outputs: [
        ops.sum(ops.mul(ops.transpose(ops.softmax(ops.sub(q, 0.5), -1), 1, 2), 2), 1, { keepdim: true }),
        ops.reshape(ops.unsqueeze(ops.tanh(q), 1), [-1, 24]),
      ],
    }),
  },
  // Leading sizes that keep unknown or named dimensions are x.size(i) in PyTorch (were -1, -1: rejected).
  viewNamedLeading: {
    net: graph({
      inputs: [tokens],
      outputs: [ops.view(ops.view(tokens, [tokens.size(0), tokens.size(1), 2, 3]), [tokens.size(0), -1])],
    }),
    sizes: [[2, 4]],
  },
  reshapeUnknownLeading: {
    net: graph({ inputs: [rows], outputs: [ops.reshape(rows, [rows.size(0), rows.size(1), 3, -1])] }),
    sizes: [[2, 3]],
  },
  einops: {
    net: graph({
      inputs: [x3],
      outputs: [
        einops.rearrange(x3, "b c (h p1) (w p2) -> b (h w) (p1 p2 c)", { p1: 2, p2: 4 }),
        einops.reduce(x3, "b c h w -> b c", "mean"),
        einops.reduce(x3, "b c (h h2) w -> b h w c", "max", { h2: 2 }),
        einops.repeat(einops.reduce(x3, "b c h w -> b c", "sum"), "b c -> b n c", { n: 3 }),
      ],
    }),
  },
  // A literal length in a group, "(h 2)" (toTfjs used to drop it from the reshape).
  einopsLiteral: {
    net: graph({
      inputs: [x3],
      outputs: [
        einops.reduce(x3, "b c (h 2) w -> b h w c", "max"),
        einops.reduce(x3, "b (c 3) h (w 2) -> b c h w", "mean"),
      ],
    }),
  },
  sharedInGraph: {
    net: graph({ inputs: [q, k2], outputs: [ops.add(q.pipe(sharedLinear), k2.pipe(sharedLinear, nn.relu()))] }),
  },
  sharedInSequential: {
    net: sequential(input([4, 8, 8]), sharedConv, nn.relu(), sharedConv, nn.residual(sharedConv, nn.tanh())),
  },
  einsum: { net: graph({ inputs: [q, k], outputs: [ops.einsum("bij,bjk->bik", q, k), ops.einsum("bij->bj", q)] }) },
  mnist: { net: mnist },
  lenet5: { net: lenet5 },
  resnet18: { net: resnet18, sizes: [[1]] },
  transformer: { net: transformerEncoderLayer, sizes: [[2, 6]] },
  unet: { net: unet },
};

/** An input's concrete shape: unknown and named dimensions get the case's sizes. */
const concrete = (shape: readonly (number | null | string)[], sizes: readonly number[] = []): number[] => {
  let next = 0;
  return shape.map((d, i) => (typeof d === "number" ? d : (sizes[next++] ?? (i === 0 ? 2 : 5))));
};

/** Deterministic inputs (a small LCG), in [-1, 1], or integers below `indices`. */
function inputOf(shape: number[], seed: number, indices?: number): tf.Tensor {
  let state = seed * 7919 + 17;
  const n = shape.reduce((a, b) => a * b, 1);
  const values = Float32Array.from({ length: n }, () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return indices === undefined ? (state / 2147483648) * 2 - 1 : Math.floor((state / 2147483648) * indices);
  });
  return tf.tensor(values, shape);
}

const inputShapesOf = (net: any): (number | null | string)[][] =>
  net.kind === "graph" ? net.inputShapes : [net.inputShape];
const asList = (y: tf.Tensor | tf.Tensor[]): tf.Tensor[] => (Array.isArray(y) ? y : [y]);
const predictOn = (model: any, xs: tf.Tensor[], isGraph: boolean): tf.Tensor[] =>
  asList(model.predict(isGraph && xs.length > 1 ? xs : xs[0]!));

function maxDiff(a: tf.Tensor, b: SafeTensor): number {
  assert.deepEqual(a.shape, [...b.shape]);
  const values = a.dataSync();
  let most = 0;
  for (let i = 0; i < values.length; i++) most = Math.max(most, Math.abs(values[i]! - Number(b.data[i])));
  return most;
}

const dir = mkdtempSync(join(tmpdir(), "shapecheck-pytorch-"));
const prepared = new Map<string, { xs: tf.Tensor[]; predicted: tf.Tensor[]; isGraph: boolean }>();
const failures = new Map<string, unknown>();
export const differences: Record<string, number> = {};

describe("toPyTorch: the emitted module computes what shapecheck does", () => {
  before(async () => {
    await ready();
    for (const [name, c] of Object.entries(cases)) {
      try {
        const net = c.net as any;
        const isGraph = net.kind === "graph";
        const caseDir = join(dir, name);
        mkdirSync(caseDir);
        writeFileSync(join(caseDir, "model.py"), toPyTorch(net, { name }));
        const model = build(net);
        const xs = inputShapesOf(net).map((shape, i) => inputOf(concrete(shape, c.sizes?.[i]), i + 1, c.indices));
        await saveSafetensors(model, join(caseDir, "weights.safetensors"));
        const inputs = Object.fromEntries(
          xs.map((x, i) => [
            xs.length === 1 ? "x" : `x${i}`,
            { dtype: "F32" as const, shape: x.shape, data: x.dataSync() as Float32Array },
          ]),
        );
        writeFileSync(join(caseDir, "input.safetensors"), encodeSafetensors(inputs));
        prepared.set(name, { xs, predicted: predictOn(model, xs, isGraph), isGraph });
        model.dispose();
      } catch (error) {
        failures.set(name, error); // that case's test reports it; the others still run
      }
    }
    execFileSync(
      python,
      [
        new URL("./pytorch/run_exported.py", import.meta.url).pathname,
        ...[...prepared.keys()].map((name) => join(dir, name)),
      ],
      { stdio: ["ignore", "ignore", "inherit"] },
    );
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  for (const name of Object.keys(cases)) {
    test(
      `${name}: shapecheck's weights in PyTorch, and PyTorch's trained weights in shapecheck`,
      { todo: cases[name]!.todo },
      async () => {
        if (failures.has(name)) throw failures.get(name);
        const { xs, predicted, isGraph } = prepared.get(name)!;
        const failed = join(dir, name, "error.txt");
        if (existsSync(failed)) assert.fail(`PyTorch failed on the emitted module:\n${readFileSync(failed, "utf8")}`);
        const torchOut = decodeSafetensors(readFileSync(join(dir, name, "output.safetensors")));
        predicted.forEach((y, i) => {
          const diff = maxDiff(y, torchOut[`y${i}`]!);
          differences[`${name} (shapecheck → PyTorch)`] = Math.max(
            differences[`${name} (shapecheck → PyTorch)`] ?? 0,
            diff,
          );
          assert.ok(diff <= tolerance, `${name} output ${i}: max |difference| ${diff}`);
        });
        const fresh = build(cases[name]!.net as any);
        await loadSafetensors(fresh, join(dir, name, "trained.safetensors"));
        const trainedOut = decodeSafetensors(readFileSync(join(dir, name, "trained_output.safetensors")));
        predictOn(fresh, xs, isGraph).forEach((y, i) => {
          const diff = maxDiff(y, trainedOut[`y${i}`]!);
          differences[`${name} (PyTorch → shapecheck)`] = Math.max(
            differences[`${name} (PyTorch → shapecheck)`] ?? 0,
            diff,
          );
          assert.ok(diff <= tolerance, `${name} trained output ${i}: max |difference| ${diff}`);
        });
        fresh.dispose();
      },
    );
  }

  after(() => console.log(JSON.stringify(differences, null, 1)));
});

describe("safetensors: checked against the model's parameters", () => {
  const net = sequential(input([4]), nn.linear(4, 3), nn.relu(), nn.linear(3, 2));
  const tensors = () => decodeSafetensors(safetensorsOf(build(net)));

  test("a missing tensor is a ShapeError naming it", async () => {
    const { ["2.bias"]: _, ...rest } = tensors();
    await assert.rejects(loadSafetensors(build(net), encodeSafetensors(rest)), {
      name: "ShapeError",
      message: /"2\.bias"/,
    });
  });
  test("an extra tensor is a ShapeError naming it", async () => {
    const extra = { ...tensors(), "5.weight": { dtype: "F32" as const, shape: [1], data: new Float32Array(1) } };
    await assert.rejects(loadSafetensors(build(net), encodeSafetensors(extra)), {
      name: "ShapeError",
      message: /"5\.weight"/,
    });
  });
  test("a mis-shaped tensor is a ShapeError naming it and both shapes", async () => {
    const wrong = { ...tensors(), "0.weight": { dtype: "F32" as const, shape: [4, 3], data: new Float32Array(12) } };
    await assert.rejects(loadSafetensors(build(net), encodeSafetensors(wrong)), (error: Error) => {
      assert.ok(error instanceof ShapeError);
      assert.equal(error.message, "loadSafetensors (0.weight): expected a tensor of shape [3, 4], got [4, 3]");
      return true;
    });
  });
  test("round trip: the same weights, bit for bit", () => {
    const model = build(net);
    const bytes = safetensorsOf(model);
    const again = build(net);
    void loadSafetensors(again, bytes);
    assert.deepEqual(decodeSafetensors(safetensorsOf(again)), decodeSafetensors(bytes));
  });
});

describe("toPyTorch: what has no PyTorch form is an error naming it", () => {
  test("a layer of the tfjs vocabulary", () => {
    assert.throws(
      () => toPyTorch(kerasMnist),
      (error: Error) => {
        assert.ok(error instanceof ExportError);
        assert.match(
          error.message,
          /^toPyTorch: conv2d\(.*\) \(kind "Conv2D"\) has no PyTorch form: it is a TensorFlow.js layer/,
        );
        return true;
      },
    );
  });
  test("a layer mixed into an nn model names that layer", () => {
    assert.throws(() => toPyTorch(sequential(input([4]), nn.linear(4, 4), layers.dense({ units: 2 }))), {
      name: "ExportError",
      message: /kind "Dense"/,
    });
  });
  test("a reshape with two unknown sizes after the dimensions it keeps (torch could infer only one)", () => {
    const x = input([null, 6]);
    assert.throws(() => toPyTorch(graph({ inputs: [x], outputs: [ops.reshape(x, [-1, x.size(1), 6])] })), {
      name: "ExportError",
      message:
        "toPyTorch: ops.reshape(…, [-1, ?, 6]) has no PyTorch form: more than one size is unknown after the leading dimensions it keeps (only one can be -1): give the others as numbers",
    });
  });
  test("kept leading sizes are written as x.size(i)", () => {
    const x = input(["seq", 6], { batch: "b" });
    const source = toPyTorch(graph({ inputs: [x], outputs: [ops.view(x, [x.size(0), -1])] }));
    assert.match(source, /h1 = x\.view\(\(x\.size\(0\), -1\)\)/);
  });
});

describe("shapecheck pytorch <file>", () => {
  const run = async (...args: string[]) => {
    const { main } = await import("../src/cli.ts");
    let out = "",
      err = "";
    const code = await main(
      args,
      (t) => {
        out += t;
      },
      (t) => {
        err += t;
      },
    );
    return { code, out, err };
  };
  test("prints the module of each model the file exports", async () => {
    const { code, out } = await run("pytorch", "examples/mnist.ts");
    assert.equal(code, 0);
    assert.match(out, /class Mnist\(nn\.Sequential\):/);
    assert.match(out, /nn\.Linear\(9216, 128\),  # 7: linear\(9216, 128\) -> \[N, 128\]/);
  });
  test("--out writes <model>.py and train_<model>.py", async () => {
    const out = mkdtempSync(join(tmpdir(), "shapecheck-cli-"));
    const result = await run("pytorch", "examples/lenet5.ts", "--out", out);
    assert.equal(result.code, 0);
    assert.match(readFileSync(join(out, "lenet5.py"), "utf8"), /class Lenet5\(nn\.Sequential\)/);
    assert.match(readFileSync(join(out, "train_lenet5.py"), "utf8"), /DistributedDataParallel/);
    rmSync(out, { recursive: true, force: true });
  });
  test("a model with no PyTorch form: one line naming the layer, exit code 1", async () => {
    const { code, err } = await run("pytorch", "examples/keras-mnist.ts");
    assert.equal(code, 1);
    assert.match(
      err,
      /^shapecheck pytorch: toPyTorch: conv2d\(\{ filters: 32, kernelSize: 3 \}\) \(kind "Conv2D"\) has no PyTorch form/,
    );
  });
});

describe("toPyTorch: a kind named by SPEC's rule is its torch.nn module", () => {
  // Layers of kinds the emitter does not list (the rule `ReLU6` → `relu6`): their config fields become keywords.
  const same = (input: readonly (number | null | string)[]) => input;
  const layer = (kind: string, config: Record<string, unknown> = {}) => ({
    kind,
    written: `${kind}()`,
    ...config,
    outputShape: same,
  });
  test("the module, its config as snake_case keywords, and PyTorch builds it", () => {
    const net = {
      kind: "sequential",
      inputShape: [null, 3, 4, 4],
      layers: [
        layer("relu6"),
        layer("hardtanh", { minVal: -2, maxVal: 2 }),
        layer("silu"),
        layer("groupNorm", { numGroups: 1, numChannels: 3 }),
      ],
    };
    const source = toPyTorch(net);
    assert.match(source, /nn\.ReLU6\(\),/);
    assert.match(source, /nn\.Hardtanh\(min_val=-2, max_val=2\),/);
    assert.match(source, /nn\.SiLU\(\),/);
    assert.match(source, /nn\.GroupNorm\(num_groups=1, num_channels=3\),/);
    const file = join(mkdtempSync(join(tmpdir(), "shapecheck-rule-")), "model.py");
    writeFileSync(file, source);
    const out = execFileSync(
      python,
      [
        "-c",
        `import importlib.util, torch\nspec = importlib.util.spec_from_file_location("m", ${JSON.stringify(file)})\nm = importlib.util.module_from_spec(spec)\nspec.loader.exec_module(m)\nprint(list(m.MODEL()(torch.zeros(2, 3, 4, 4)).shape))`,
      ],
      { encoding: "utf8" },
    );
    assert.equal(out.trim(), "[2, 3, 4, 4]");
  });
});
