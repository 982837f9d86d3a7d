// toOnnx against ONNX Runtime (onnxruntime-web's wasm backend, in Node): for every layer family that
// ONNX has, the blocks, graphs and the example models, the .onnx file with shapecheck's weights
// predicts what shapecheck's TensorFlow.js model does, within 1e-4; inputs and outputs are named and
// carry the model's shapes, the batch and named dimensions as symbolic dims (read back with the
// Python `onnx` package, whose checker accepts every file).
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import * as tf from "@tensorflow/tfjs-core";
import * as ort from "onnxruntime-web";
import { graph, input, nn, ops, sequential } from "../src/index.ts";
import { build, ready } from "../src/tfjs.ts";
import { ExportError, toOnnx } from "../src/onnx.ts";
import { mnist } from "../examples/mnist.ts";
import { lenet5 } from "../examples/lenet5.ts";
import { resnet18 } from "../examples/resnet18.ts";
import { unet } from "../examples/unet.ts";
import { transformerEncoderLayer } from "../examples/transformer.ts";
import { kerasMnist } from "../examples/keras-mnist.ts";

const python = process.env.SHAPECHECK_PYTHON ?? "/usr/bin/python3";
const tolerance = 1e-4;
ort.env.logLevel = "error";

const x3 = input([6, 8, 8]);
const a = x3.pipe(nn.conv2d(6, 6, 3, 1, 1), nn.relu());
const b = x3.pipe(nn.conv2d(6, 6, 1));
const q = input([4, 6]);
const k = input([6, 3]);

const cases: Record<string, { net: unknown; sizes?: number[][]; indices?: number }> = {
  conv: {
    net: sequential(
      input([4, 12]),
      nn.conv1d(4, 6, 3, { stride: 2, padding: 1 }),
      nn.conv1d(6, 6, 3, { groups: 3, dilation: 2, padding: "same" }),
      nn.unflatten(2, [2, 3]),
      nn.conv2d(6, 4, [2, 1], { bias: false }),
      nn.unflatten(3, [1, 3]),
      nn.conv3d(4, 2, 1),
    ),
  },
  convTranspose: {
    net: sequential(
      input([4, 5]),
      nn.convTranspose1d(4, 3, 3, { stride: 2, padding: 1, outputPadding: 1 }),
      nn.unflatten(2, [2, 5]),
      nn.convTranspose2d(3, 4, 3, { stride: 2, dilation: 2, groups: 1 }),
    ),
  },
  pool: {
    net: sequential(
      input([3, 17, 17]),
      nn.maxPool2d(3, { stride: 2, padding: 1, ceilMode: true }),
      nn.avgPool2d(2, { padding: 1 }),
      nn.maxPool2d(2, { dilation: 2 }),
      nn.flatten(2),
      nn.avgPool1d(3, 1, 1),
      nn.maxPool1d(2),
    ),
  },
  poolExcludingPad: {
    // count_include_pad=False: the padded positions left out of the divisor (was always counted: a silent difference)
    net: sequential(input([3, 9, 9]), nn.avgPool2d(3, { stride: 2, padding: 1, countIncludePad: false })),
  },
  adaptivePool: {
    net: sequential(
      input([3, 8, 6]),
      nn.adaptiveAvgPool2d([4, 3]),
      nn.adaptiveMaxPool2d([2, 1]),
      nn.adaptiveAvgPool2d(1),
      nn.flatten(2),
      nn.adaptiveAvgPool1d(1),
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
  linearNoBias: {
    net: sequential(input([3, 4]), nn.linear(4, 6, { bias: false }), nn.relu(), nn.linear(6, 2, false)),
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
      nn.lstm(8, 6, { bias: false }),
    ),
  },
  gru: {
    net: sequential(input([5, 3]), nn.gru(3, 4, { numLayers: 2, bidirectional: true }), nn.gru(8, 2, { bias: false })),
  },
  attention: {
    net: sequential(input([5, 8]), nn.multiheadAttention(8, 2), nn.multiheadAttention(8, 4, { bias: false })),
  },
  transformer: { net: transformerEncoderLayer, sizes: [[2, 6]] },
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
  graph: { net: graph({ inputs: [x3], outputs: [ops.cat([ops.add(a, b), a], 1), b] }) },
  graphTwoInputs: { net: graph({ inputs: [q, k], outputs: [ops.matmul(q.pipe(nn.linear(6, 6)), k)] }) },
  graphOps: {
    net: graph({
      inputs: [q],
      outputs: [ops.mul(ops.transpose(ops.softmax(ops.sub(q, 0.5), -1), 1, 2), 2), ops.tanh(q)],
    }),
  },
  namedDims: {
    net: sequential(input(["seq", 8], { batch: "batch" }), nn.linear(8, 4), nn.layerNorm(4)),
    sizes: [[2, 5]],
  },
  mnist: { net: mnist },
  lenet5: { net: lenet5 },
  resnet18: { net: resnet18, sizes: [[1]] },
  unet: { net: unet },
};

const concrete = (shape: readonly (number | null | string)[], sizes: readonly number[] = []): number[] => {
  let next = 0;
  return shape.map((d, i) => (typeof d === "number" ? d : (sizes[next++] ?? (i === 0 ? 2 : 5))));
};
function inputOf(shape: number[], seed: number, indices?: number): tf.Tensor {
  let state = seed * 7919 + 17;
  const n = shape.reduce((x, y) => x * y, 1);
  return tf.tensor(
    Float32Array.from({ length: n }, () => {
      state = (state * 1103515245 + 12345) % 2147483648;
      return indices === undefined ? (state / 2147483648) * 2 - 1 : Math.floor((state / 2147483648) * indices);
    }),
    shape,
  );
}

const dir = mkdtempSync(join(tmpdir(), "shapecheck-onnx-"));
after(() => rmSync(dir, { recursive: true, force: true }));
const differences: Record<string, number> = {};

describe("toOnnx: ONNX Runtime predicts what shapecheck does", () => {
  before(async () => {
    await ready();
  });
  for (const [name, c] of Object.entries(cases)) {
    test(name, async () => {
      const net = c.net as any;
      const isGraph = net.kind === "graph";
      const model = build(net);
      const bytes = toOnnx(net, { weights: model.stateDict(), name });
      writeFileSync(join(dir, `${name}.onnx`), bytes);
      const shapes: (number | null | string)[][] = isGraph ? net.inputShapes : [net.inputShape];
      const xs = shapes.map((shape, i) => inputOf(concrete(shape, c.sizes?.[i]), i + 1, c.indices));
      const predicted: tf.Tensor[] = [model.predict(isGraph && xs.length > 1 ? xs : xs[0])].flat();
      const session = await ort.InferenceSession.create(bytes);
      const inputNames = xs.length === 1 ? ["input"] : xs.map((_, i) => `input${i}`);
      assert.deepEqual(session.inputNames, inputNames);
      const feeds = Object.fromEntries(
        xs.map((x, i) => [inputNames[i]!, new ort.Tensor("float32", x.dataSync() as Float32Array, x.shape)]),
      );
      const results = await session.run(feeds);
      const outputNames = predicted.length === 1 ? ["output"] : predicted.map((_, i) => `output${i}`);
      assert.deepEqual(session.outputNames, outputNames);
      predicted.forEach((y, i) => {
        const got = results[outputNames[i]!]!;
        assert.deepEqual([...got.dims], y.shape);
        const want = y.dataSync();
        const data = got.data as Float32Array;
        let most = 0;
        for (let j = 0; j < want.length; j++) most = Math.max(most, Math.abs(want[j]! - data[j]!));
        differences[name] = Math.max(differences[name] ?? 0, most);
        assert.ok(most <= tolerance, `${name} output ${i}: max |difference| ${most}`);
      });
      await session.release();
      model.dispose();
    });
  }
  after(() => console.log(JSON.stringify(differences)));
});

describe("toOnnx: the files are valid ONNX, opset 17, with symbolic dims", () => {
  test("onnx.checker accepts every file; the inputs' dims are as the model says", () => {
    const script = `
import glob, json, os, sys, onnx
out = {}
for path in sorted(glob.glob(os.path.join(sys.argv[1], "*.onnx"))):
    m = onnx.load(path)
    onnx.checker.check_model(m, full_check=True)
    dims = lambda v: [d.dim_param or d.dim_value for d in v.type.tensor_type.shape.dim]
    out[os.path.basename(path)[:-5]] = {"opset": m.opset_import[0].version, "inputs": {v.name: dims(v) for v in m.graph.input}, "outputs": {v.name: dims(v) for v in m.graph.output}}
print(json.dumps(out))`;
    const read = JSON.parse(execFileSync(python, ["-c", script, dir], { encoding: "utf8" })) as Record<
      string,
      { opset: number; inputs: Record<string, unknown[]>; outputs: Record<string, unknown[]> }
    >;
    assert.ok(
      Object.keys(read).length >= Object.keys(cases).length - 1,
      `files checked: ${Object.keys(read).join(", ")}`,
    );
    for (const file of Object.values(read)) assert.equal(file.opset, 17);
    assert.deepEqual(read.mnist!.inputs, { input: ["batch", 1, 28, 28] });
    assert.deepEqual(read.mnist!.outputs, { output: ["batch", 10] });
    assert.deepEqual(read.namedDims!.inputs, { input: ["batch", "seq", 8] });
    assert.deepEqual(read.namedDims!.outputs, { output: ["batch", "seq", 4] });
    assert.deepEqual(read.graphTwoInputs!.inputs, { input0: ["batch", 4, 6], input1: ["batch", 6, 3] });
  });
});

describe("toOnnx: what has no ONNX form is an error naming it", () => {
  const weights = {};
  test("a layer of the tfjs vocabulary", () => {
    assert.throws(
      () => toOnnx(kerasMnist, { weights }),
      (error: Error) =>
        error instanceof ExportError && /^toOnnx: conv2d\(.*\) \(kind "Conv2D"\) has no ONNX form/.test(error.message),
    );
  });
  test("adaptive pooling to a size that does not divide the input", () => {
    assert.throws(() => toOnnx(sequential(input([3, 10, 9]), nn.adaptiveAvgPool2d([4, 3])), { weights }), {
      name: "ExportError",
      message: /adaptiveAvgPool2d\(\[4, 3\]\).*has no ONNX form: ONNX has no adaptive pooling/,
    });
  });
  test("avg pooling with a divisor override (ONNX's AveragePool has none)", () => {
    assert.throws(() => toOnnx(sequential(input([3, 8, 8]), nn.avgPool2d(2, { divisorOverride: 3 })), { weights }), {
      name: "ExportError",
      message: /avgPool2d\(.*\).*has no ONNX form: ONNX's AveragePool has no divisor override/,
    });
  });
  test("an LSTM with a projection names itself", () => {
    assert.throws(() => toOnnx(sequential(input([5, 3]), nn.lstm(3, 4, { projSize: 2 })), { weights }), {
      name: "ExportError",
      message:
        /^toOnnx: lstm\(3, 4, \{ projSize: 2 \}\) \(kind "lstm"\) has no ONNX form: ONNX's LSTM has no projection/,
    });
  });
  test("a missing weight names its key", () => {
    assert.throws(() => toOnnx(sequential(input([4]), nn.linear(4, 2)), { weights }), {
      name: "ExportError",
      message: /no weight "0\.weight"/,
    });
  });
});

describe("shapecheck onnx <file>", () => {
  test("writes <model>.onnx, which ONNX Runtime loads", async () => {
    const { main } = await import("../src/cli.ts");
    const out = mkdtempSync(join(tmpdir(), "shapecheck-cli-"));
    let printed = "";
    assert.equal(
      await main(["onnx", "examples/lenet5.ts", "--out", out], (t) => {
        printed += t;
      }),
      0,
    );
    assert.match(printed, /lenet5\.onnx/);
    const session = await ort.InferenceSession.create(join(out, "lenet5.onnx"));
    assert.deepEqual(session.inputNames, ["input"]);
    await session.release();
    rmSync(out, { recursive: true, force: true });
  });
});
