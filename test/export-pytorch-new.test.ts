// toPyTorch on the options and layers added in session 6, against PyTorch 1.13 (Debian's python3-torch), as
// test/export-pytorch.test.ts does: the emitted module with shapecheck's weights computes what shapecheck's
// TensorFlow.js model predicts (1e-4), and PyTorch's trained state_dict loads back into shapecheck and predicts
// the same. Average pooling's countIncludePad / divisorOverride (once dropped: silent wrong values), lazy layers
// as their concrete modules, the 3-d family, LP pooling, fold/unfold, instance norm, upsampling, rrelu,
// embeddingBag, rnn, the cells, and recurrent `.call(x, state)` in graphs (PyTorch's `out, (h, c) = lstm(x, (h0, c0))`).
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import * as tf from "@tensorflow/tfjs-core";
import { graph, input, nn, sequential } from "../src/index.ts";
import { build, ready } from "../src/tfjs.ts";
import { ExportError, toPyTorch } from "../src/pytorch.ts";
import {
  decodeSafetensors,
  encodeSafetensors,
  type SafeTensor,
  loadSafetensors,
  saveSafetensors,
} from "../src/runtime/safetensors.ts";

const python = process.env.SHAPECHECK_PYTHON ?? "/usr/bin/python3";
const tolerance = 1e-4;
const n: any = nn; // builders called with runtime values here; their types are tested elsewhere

interface Case {
  readonly net: unknown;
  /** Integer inputs in [0, n) (embedding indices). */
  readonly indices?: number;
  /** Lines the emitted Python must hold. */
  readonly emits?: readonly RegExp[];
}

// Recurrent calls in graphs: inputs with their batch given (states are [layers·directions, batch, hidden]).
const seq = input([5, 3], { batch: 2 });
const h0 = input([2, 4], { batch: 2 }); // [2, 2, 4]: 2 layers
const c0 = input([2, 4], { batch: 2 });
const lstmCall = n.lstm(3, 4, { numLayers: 2 }).call(seq, [h0, c0]);
const gh = input([2, 4], { batch: 2 }); // [2, 2, 4]: bidirectional, one layer
const gruCall = n.gru(3, 4, { bidirectional: true }).call(seq, gh);
const rnnCall = n.rnn(3, 4, { nonlinearity: "relu" }).call(seq);
const step = input([3], { batch: 2 });
const ch = input([4], { batch: 2 });
const cc = input([4], { batch: 2 });
const lstmCellCall = n.lstmCell(3, 4).call(step, [ch, cc]);
const gruCellOut = n.gruCell(3, 4).call(step, ch);
const rnnCellOut = n.rnnCell(3, 4, { nonlinearity: "relu" }).call(step);

const left = input([3]);
const right = input([4]);

export const cases: Record<string, Case> = {
  // nn.bilinear called on two tensors: nn.Bilinear(in1_features=…)(input1=…, input2=…), written by SPEC's naming rule.
  bilinearCall: { net: graph({ inputs: [left, right], outputs: [n.bilinear(3, 4, 5).call(left, right)] }) },
  avgPoolCountIncludePad: {
    net: sequential(
      input([3, 9, 9]),
      n.avgPool2d(3, { stride: 2, padding: 1, countIncludePad: false }),
      n.flatten(2),
      n.avgPool1d(3, { stride: 2, padding: 1, countIncludePad: false }),
    ),
    emits: [/nn\.AvgPool2d\(3, stride=2, padding=1, count_include_pad=False\)/],
  },
  avgPoolDivisorOverride: {
    net: sequential(
      input([3, 8, 8]),
      n.avgPool2d(2, { divisorOverride: 3 }),
      n.avgPool2d(3, 1, 1, { divisorOverride: 5 }),
    ),
    emits: [/nn\.AvgPool2d\(2, divisor_override=3\)/],
  },
  avgPool3dOptions: {
    net: sequential(
      input([2, 5, 6, 6]),
      n.avgPool3d(3, { stride: 2, padding: 1, countIncludePad: false }),
      n.avgPool3d(2, { divisorOverride: 7, ceilMode: true }),
    ),
  },
  lazyConv: {
    net: sequential(
      input([3, 9, 9]),
      n.lazyConv2d(4, 3, { stride: 2, padding: 1 }),
      n.lazyConvTranspose2d(2, 3, { stride: 2, padding: 1 }),
      n.flatten(2),
      n.lazyConv1d(3, 2),
      n.lazyConvTranspose1d(2, 3, { groups: 1 }),
    ),
    emits: [/nn\.Conv2d\(3, 4, 3, stride=2, padding=1\)/],
  },
  threeD: {
    net: sequential(
      input([2, 5, 6, 6]),
      n.lazyConv3d(3, 2),
      n.convTranspose3d(3, 2, 2, { stride: 2 }),
      n.maxPool3d(2, { padding: 1 }),
      n.batchNorm3d(2),
      n.lazyBatchNorm3d(),
      n.instanceNorm3d(2, { affine: true }),
      n.lazyConvTranspose3d(2, 1),
      n.adaptiveAvgPool3d([2, 3, 2]),
      n.adaptiveMaxPool3d(1),
    ),
  },
  lpPoolAdaptiveMax: {
    net: sequential(
      input([3, 10, 9]),
      n.lpPool2d(2, 3, { ceilMode: true }),
      n.lpPool2d(1.5, [2, 1], 1),
      n.flatten(2),
      n.lpPool1d(3, 2),
      n.adaptiveMaxPool1d(4),
    ),
  },
  foldUnfold: {
    net: sequential(
      input([3, 6, 6]),
      n.unfold(2, { stride: 2 }),
      n.fold([6, 6], 2, { stride: 2 }),
      n.unfold([3, 2], { padding: 1, dilation: [1, 2] }),
    ),
  },
  instanceNorm: {
    net: sequential(
      input([3, 6, 5]),
      n.instanceNorm2d(3),
      n.instanceNorm2d(3, { affine: true, trackRunningStats: true }),
      n.lazyInstanceNorm2d({ eps: 1e-3 }),
      n.flatten(2),
      n.instanceNorm1d(3, { affine: true }),
      n.lazyInstanceNorm1d(),
    ),
  },
  lazyBatchNorm: {
    net: sequential(
      input([3, 5, 4]),
      n.lazyBatchNorm2d(),
      n.syncBatchNorm(3, { eps: 1e-3 }),
      n.flatten(2),
      n.lazyBatchNorm1d({ momentum: 0.3 }),
      n.syncBatchNorm(3),
    ),
  },
  upsample: {
    net: sequential(
      input([2, 4, 3]),
      n.upsample({ scaleFactor: 2, mode: "bilinear", alignCorners: true }),
      n.upsample({ size: [9, 7], mode: "bilinear" }),
      n.upsample({ scaleFactor: 2 }),
      n.upsamplingNearest2d({ size: [5, 5] }),
      n.upsamplingBilinear2d({ scaleFactor: 2 }),
    ),
  },
  rrelu: { net: sequential(input([12]), n.linear(12, 12), n.rrelu(0.1, 0.3), n.linear(12, 3)) },
  embeddingBag: {
    net: sequential(input([6]), n.embeddingBag(10, 4, { mode: "sum", paddingIdx: 0 }), n.linear(4, 3)),
    indices: 10,
  },
  embeddingBagMax: { net: sequential(input([6]), n.embeddingBag(10, 4, { mode: "max" })), indices: 10 },
  rnn: {
    net: sequential(
      input([5, 3]),
      n.rnn(3, 4, { numLayers: 2, bidirectional: true }),
      n.rnn(8, 3, { nonlinearity: "relu", bias: false }),
    ),
  },
  cells: { net: sequential(input([3]), n.lstmCell(3, 4), n.gruCell(4, 5), n.rnnCell(5, 2, { nonlinearity: "relu" })) },
  recurrentCalls: {
    net: graph({
      inputs: [seq, h0, c0, gh],
      outputs: [lstmCall[0], lstmCall[1][0], lstmCall[1][1], gruCall[0], gruCall[1], rnnCall[0], rnnCall[1]],
    }),
    emits: [/_out, \(h\d+_h, h\d+_c\) = nn\.LSTM\.forward\(self\[\d+\]\[0\], x0, \(x1, x2\)\)/],
  },
  cellCalls: {
    net: graph({ inputs: [step, ch, cc], outputs: [lstmCellCall[0], lstmCellCall[1], gruCellOut, rnnCellOut] }),
  },
  // Kinds written by SPEC's naming rule (config fields as keywords): values checked, not only that PyTorch builds them.
  namedByRule: {
    net: sequential(
      input([4, 6, 6]),
      n.conv2d(4, 4, 1),
      n.relu6(),
      n.hardswish(),
      n.elu(0.5),
      n.celu(1.5),
      n.softplus(2, 10),
      n.hardtanh(-0.5, 0.5),
      n.prelu(4),
      n.groupNorm(2, 4),
      n.pixelShuffle(2),
      n.reflectionPad2d(1),
      n.glu(-1),
    ),
  },
  // Padding written as ConstantPad/ReflectionPad/ReplicationPad with `pads` (was: the config's fields as keywords, rejected by PyTorch).
  padding: {
    net: sequential(
      input([2, 4, 5]),
      n.reflectionPad2d([1, 2, 0, 1]),
      n.replicationPad2d([2, 0, 1, 3]),
      n.zeroPad2d([0, 1, 2, 1]),
      n.constantPad2d([1, 0, 0, 2], 0.5),
      n.flatten(2),
      n.reflectionPad1d([2, 1]),
      n.replicationPad1d([0, 3]),
      n.zeroPad1d([1, 2]),
      n.constantPad1d([3, 0], -1),
      n.unflatten(2, [6, 30]),
      n.unflatten(1, [1, 2]),
      n.replicationPad3d([1, 0, 0, 1, 2, 0]),
      n.zeroPad3d(1),
      n.constantPad3d([0, 1, 1, 0, 0, 1], 2),
      n.reflectionPad3d(1),
    ),
  },
  // nn.sequential and nn.repeat: nested nn.Sequential modules (keys `1.0.weight`, `2.1.0.weight`).
  nested: {
    net: sequential(
      input([4, 6, 6]),
      n.sequential(n.conv2d(4, 4, 3, 1, 1), n.batchNorm2d(4), n.relu()),
      n.repeat(2, n.conv2d(4, 4, 1), n.tanh()),
      n.repeat(2, n.conv2d(4, 4, 1)),
    ),
  },
  moreByRule: {
    net: sequential(
      input([4, 6, 6]),
      n.conv2d(4, 8, 1),
      n.selu(),
      n.softshrink(0.3),
      n.hardshrink(0.1),
      n.threshold(0.1, 2),
      n.logsigmoid(),
      n.tanhshrink(),
      n.softsign(),
      n.silu(),
      n.mish(),
      n.hardsigmoid(),
      n.localResponseNorm(3, { alpha: 0.01 }),
      n.channelShuffle(2),
      n.pixelUnshuffle(2),
      n.softmax2d(),
      n.softmin(1),
    ),
  },
};

const concrete = (shape: readonly (number | null | string)[]): number[] =>
  shape.map((d, i) => (typeof d === "number" ? d : i === 0 ? 2 : 5));

/** Deterministic inputs (a small LCG), in [-1, 1], or integers below `indices`. */
function inputOf(shape: number[], seed: number, indices?: number): tf.Tensor {
  let state = seed * 7919 + 17;
  const count = shape.reduce((a, b) => a * b, 1);
  const values = Float32Array.from({ length: count }, () => {
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

const dir = mkdtempSync(join(tmpdir(), "shapecheck-pytorch-new-"));
const prepared = new Map<string, { xs: tf.Tensor[]; predicted: tf.Tensor[]; isGraph: boolean; source: string }>();
const failures = new Map<string, unknown>();
const differences: Record<string, number> = {};

describe("toPyTorch (session 6 layers and options): the emitted module computes what shapecheck does", () => {
  before(async () => {
    await ready();
    for (const [name, c] of Object.entries(cases)) {
      try {
        const net = c.net as any;
        const isGraph = net.kind === "graph";
        const caseDir = join(dir, name);
        mkdirSync(caseDir);
        const source = toPyTorch(net, { name });
        writeFileSync(join(caseDir, "model.py"), source);
        const model = build(net);
        const xs = inputShapesOf(net).map((shape, i) => inputOf(concrete(shape), i + 1, c.indices));
        await saveSafetensors(model, join(caseDir, "weights.safetensors"));
        const inputs = Object.fromEntries(
          xs.map((x, i) => [
            xs.length === 1 ? "x" : `x${i}`,
            { dtype: "F32" as const, shape: x.shape, data: x.dataSync() as Float32Array },
          ]),
        );
        writeFileSync(join(caseDir, "input.safetensors"), encodeSafetensors(inputs));
        prepared.set(name, { xs, predicted: predictOn(model, xs, isGraph), isGraph, source });
        model.dispose();
      } catch (error) {
        failures.set(name, error);
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
    test(`${name}: shapecheck's weights in PyTorch, and PyTorch's trained weights in shapecheck`, async () => {
      if (failures.has(name)) throw failures.get(name);
      const { xs, predicted, isGraph, source } = prepared.get(name)!;
      for (const line of cases[name]!.emits ?? []) assert.match(source, line);
      const failed = join(dir, name, "error.txt");
      if (existsSync(failed)) assert.fail(`PyTorch failed on the emitted module:\n${readFileSync(failed, "utf8")}`);
      const torchOut = decodeSafetensors(readFileSync(join(dir, name, "output.safetensors")));
      predicted.forEach((y, i) => {
        const diff = maxDiff(y, torchOut[`y${i}`]!);
        differences[name] = Math.max(differences[name] ?? 0, diff);
        assert.ok(diff <= tolerance, `${name} output ${i}: max |difference| ${diff}`);
      });
      const fresh = build(cases[name]!.net as any);
      await loadSafetensors(fresh, join(dir, name, "trained.safetensors"));
      const trainedOut = decodeSafetensors(readFileSync(join(dir, name, "trained_output.safetensors")));
      predictOn(fresh, xs, isGraph).forEach((y, i) => {
        const diff = maxDiff(y, trainedOut[`y${i}`]!);
        differences[`${name} (trained)`] = Math.max(differences[`${name} (trained)`] ?? 0, diff);
        assert.ok(diff <= tolerance, `${name} trained output ${i}: max |difference| ${diff}`);
      });
      fresh.dispose();
    });
  }

  after(() => console.log(JSON.stringify(differences, null, 1)));
});

describe("toPyTorch: a lazy layer whose input size is unknown is an error naming it", () => {
  test("lazyConv2d after an input of unknown channels", () => {
    assert.throws(
      () => toPyTorch(sequential(input([null, 8, 8]), n.lazyConv2d(4, 3))),
      (error: Error) => {
        assert.ok(error instanceof ExportError);
        assert.match(
          error.message,
          /^toPyTorch: lazyConv2d\(4, 3\) has no PyTorch form: its input's channels is not known/,
        );
        return true;
      },
    );
  });
});
