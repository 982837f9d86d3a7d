// Silent wrong answers of the TensorFlow.js runtime that the PyTorch export tests found, each checked
// against values computed here by hand (PyTorch's and einops' definitions), not against the runtime:
// - a batch norm whose channels are not the last physical axis (on the model's input, after a linear
//   on 3+ dimensions, in a block, in a graph's pipe; the `layers` vocabulary's batchNormalization with
//   an axis other than -1): tfjs's kernel read the per-channel statistics along the last axis;
// - num_batches_tracked kept as loaded (PyTorch's state_dict round trip);
// - loadStateDict's missing and unexpected keys: a ShapeError naming them;
// - einops with a literal length in a group, "(h 2)": h outer, 2 inner, as einops splits it.
import assert from "node:assert/strict";
import { before, describe, test } from "node:test";
import * as tf from "@tensorflow/tfjs-core";
import { einops, graph, input, layers, nn, ops, sequential, ShapeError } from "../src/index.ts";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build, load, ready } from "../src/tfjs.ts";

before(async () => {
  await ready();
});

/** Deterministic values in [-2, 2] (a small LCG). */
function values(n: number, seed: number): number[] {
  let state = seed;
  return Array.from({ length: n }, () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return Math.round(((state / 2147483648) * 4 - 2) * 1000) / 1000;
  });
}

const close = (actual: ArrayLike<number>, expected: readonly number[], what: string): void => {
  assert.equal(actual.length, expected.length, `${what}: length`);
  for (let i = 0; i < expected.length; i++) {
    assert.ok(
      Math.abs(actual[i]! - expected[i]!) <= 1e-4 * Math.max(1, Math.abs(expected[i]!)),
      `${what}: element ${i} is ${actual[i]}, expected ${expected[i]}`,
    );
  }
};

/** Batch norm in inference, PyTorch's formula, on a flat [N, C, ...rest] array: channel c of element i is ⌊i / rest⌋ mod C. */
function batchNormOf(
  x: readonly number[],
  channels: number,
  rest: number,
  p: { mean: number[]; var: number[]; weight?: number[]; bias?: number[]; eps: number },
): number[] {
  return x.map((v, i) => {
    const c = Math.floor(i / rest) % channels;
    return ((v - p.mean[c]!) / Math.sqrt(p.var[c]! + p.eps)) * (p.weight?.[c] ?? 1) + (p.bias?.[c] ?? 0);
  });
}

const stats = {
  mean: [0.5, -1, 2, 0.25],
  var: [0.5, 2, 1.5, 0.1],
  weight: [1.5, -0.5, 2, 1],
  bias: [0.1, 0.2, -0.3, 0.4],
  eps: 1e-5,
};
const bnDict = (prefix: string, s: typeof stats = stats) => ({
  [`${prefix}.weight`]: s.weight,
  [`${prefix}.bias`]: s.bias,
  [`${prefix}.running_mean`]: s.mean,
  [`${prefix}.running_var`]: s.var,
  [`${prefix}.num_batches_tracked`]: 3,
});

describe("batch norm with the channels not last: each channel's own statistics", () => {
  test("batchNorm1d on the input [N, C, L]", () => {
    const model = build(sequential(input([4, 6]), nn.batchNorm1d(4, { eps: 1e-3 })));
    model.loadStateDict(bnDict("0"));
    const x = values(2 * 4 * 6, 1);
    close(
      model.predict(tf.tensor(x, [2, 4, 6])).dataSync(),
      batchNormOf(x, 4, 6, { ...stats, eps: 1e-3 }),
      "batchNorm1d",
    );
  });

  test("batchNorm2d on the input [N, C, H, W], then a conv", () => {
    const model = build(sequential(input([4, 3, 5]), nn.batchNorm2d(4), nn.conv2d(4, 4, 1, { bias: false })));
    // the conv is the identity: what comes out is the batch norm's output
    const identity = Array.from({ length: 16 }, (_, i) => (Math.floor(i / 4) === i % 4 ? 1 : 0));
    model.loadStateDict({ ...bnDict("0"), "1.weight": tf.tensor(identity, [4, 4, 1, 1]) });
    const x = values(2 * 4 * 15, 2);
    close(model.predict(tf.tensor(x, [2, 4, 3, 5])).dataSync(), batchNormOf(x, 4, 15, stats), "batchNorm2d");
  });

  test("batchNorm2d with one channel: a reshape into channels-last", () => {
    const model = build(sequential(input([1, 3, 5]), nn.batchNorm2d(1)));
    const one = { mean: [0.5], var: [2], weight: [3], bias: [-1], eps: 1e-5 };
    model.loadStateDict(bnDict("0", one));
    const x = values(2 * 15, 3);
    close(model.predict(tf.tensor(x, [2, 1, 3, 5])).dataSync(), batchNormOf(x, 1, 15, one), "one channel");
  });

  test("batchNorm1d without affine parameters, after a linear on [N, C, L]", () => {
    const model = build(sequential(input([4, 3]), nn.linear(3, 3), nn.batchNorm1d(4, { affine: false })));
    model.loadStateDict({
      "0.weight": tf.eye(3),
      "0.bias": [0, 0, 0],
      "1.running_mean": stats.mean,
      "1.running_var": stats.var,
      "1.num_batches_tracked": 0,
    });
    const x = values(2 * 4 * 3, 4);
    close(
      model.predict(tf.tensor(x, [2, 4, 3])).dataSync(),
      batchNormOf(x, 4, 3, { mean: stats.mean, var: stats.var, eps: 1e-5 }),
      "after linear",
    );
  });

  test("inside a residual on the input: x + bn(x)", () => {
    const model = build(sequential(input([4, 2, 3]), nn.residual(nn.batchNorm2d(4))));
    model.loadStateDict(bnDict("0.layers.0"));
    const x = values(2 * 4 * 6, 5);
    const bn = batchNormOf(x, 4, 6, stats);
    close(
      model.predict(tf.tensor(x, [2, 4, 2, 3])).dataSync(),
      x.map((v, i) => v + bn[i]!),
      "residual",
    );
  });

  test("in a graph: a pipe on the input, and after an op", () => {
    const x = input([4, 2, 3]);
    const model = build(
      graph({ inputs: [x], outputs: [x.pipe(nn.batchNorm2d(4)), ops.mul(x, 2).pipe(nn.batchNorm2d(4))] }),
    );
    model.loadStateDict({ ...bnDict("0.0"), ...bnDict("1.0") });
    const data = values(2 * 4 * 6, 6);
    const [a, b] = model.predict(tf.tensor(data, [2, 4, 2, 3]) as never) as unknown as tf.Tensor[];
    close(a!.dataSync(), batchNormOf(data, 4, 6, stats), "pipe");
    close(
      b!.dataSync(),
      batchNormOf(
        data.map((v) => 2 * v),
        4,
        6,
        stats,
      ),
      "after mul",
    );
  });

  test("training at the input updates each channel's running mean with its own batch mean (PyTorch's momentum)", async () => {
    const model = build(sequential(input([2, 3]), nn.batchNorm1d(2, { momentum: 0.5 }))).compile({
      optimizer: "sgd",
      loss: "meanSquaredError",
    });
    model.loadStateDict({ "0.running_mean": [1, -1] }, { strict: false });
    const x = [
      [
        [1, 2, 3],
        [10, 20, 30],
      ],
      [
        [3, 4, 5],
        [40, 50, 60],
      ],
    ]; // channel means 3 and 35
    await model.fit(tf.tensor(x), tf.zeros([2, 2, 3]), { epochs: 1, batchSize: 2, verbose: 0 });
    close(model.stateDict()["0.running_mean"]!.dataSync(), [0.5 * 1 + 0.5 * 3, 0.5 * -1 + 0.5 * 35], "running_mean");
  });

  test("the layers vocabulary's batchNormalization on axis 1 and 2 (channels-first data)", () => {
    const nets = {
      1: sequential(input([4, 3, 2]), layers.batchNormalization({ axis: 1, epsilon: 1e-3 })),
      2: sequential(input([4, 3, 2]), layers.batchNormalization({ axis: 2, epsilon: 1e-3 })),
    };
    for (const axis of [1, 2] as const) {
      const size = axis === 1 ? 4 : 3;
      const model = build(nets[axis]);
      const p = {
        mean: stats.mean.slice(0, size),
        var: stats.var.slice(0, size),
        weight: stats.weight.slice(0, size),
        bias: stats.bias.slice(0, size),
        eps: 1e-3,
      };
      model.loadStateDict({
        "0.gamma": p.weight,
        "0.beta": p.bias,
        "0.moving_mean": p.mean,
        "0.moving_variance": p.var,
      });
      const x = values(2 * 24, 7 + axis);
      const expected = axis === 1 ? batchNormOf(x, 4, 6, p) : batchNormOf(x, 3, 2, p);
      close(model.predict(tf.tensor(x, [2, 4, 3, 2])).dataSync(), expected, `axis ${axis}`);
    }
  });

  test("save and load keep them right (nn at the input, and the layers vocabulary on axis 1)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "shapecheck-fixes-"));
    try {
      const nnNet = sequential(input([4, 6]), nn.batchNorm1d(4));
      const model = build(nnNet);
      model.loadStateDict(bnDict("0"));
      await model.save(join(dir, "nn"));
      const x = values(2 * 4 * 6, 11);
      close(
        (await load(nnNet, join(dir, "nn"))).predict(tf.tensor(x, [2, 4, 6])).dataSync(),
        batchNormOf(x, 4, 6, stats),
        "nn loaded",
      );
      const tfNet = sequential(input([4, 6]), layers.batchNormalization({ axis: 1 }));
      const tfModel = build(tfNet);
      tfModel.loadStateDict({
        "0.gamma": stats.weight,
        "0.beta": stats.bias,
        "0.moving_mean": stats.mean,
        "0.moving_variance": stats.var,
      });
      await tfModel.save(join(dir, "layers"));
      close(
        (await load(tfNet, join(dir, "layers"))).predict(tf.tensor(x, [2, 4, 6])).dataSync(),
        batchNormOf(x, 4, 6, { ...stats, eps: 1e-3 }),
        "layers loaded",
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("num_batches_tracked", () => {
  test("keeps the loaded value: stateDict gives back what loadStateDict was given, as PyTorch's state_dict", () => {
    const model = build(sequential(input([4, 6]), nn.batchNorm1d(4)));
    assert.equal(model.stateDict()["0.num_batches_tracked"]!.dataSync()[0], 0);
    model.loadStateDict(bnDict("0"));
    const state = model.stateDict();
    assert.equal(state["0.num_batches_tracked"]!.dtype, "int32");
    assert.equal(state["0.num_batches_tracked"]!.dataSync()[0], 3);
    const again = build(sequential(input([4, 6]), nn.batchNorm1d(4)));
    again.loadStateDict(state);
    assert.equal(again.stateDict()["0.num_batches_tracked"]!.dataSync()[0], 3);
  });

  test("may be missing (PyTorch fills it in for a plain dict), and then stays as it was", () => {
    const model = build(sequential(input([4, 6]), nn.batchNorm1d(4)));
    model.loadStateDict(bnDict("0"));
    const { ["0.num_batches_tracked"]: _, ...rest } = bnDict("0");
    model.loadStateDict(rest);
    assert.equal(model.stateDict()["0.num_batches_tracked"]!.dataSync()[0], 3);
  });

  test("a wrong shape is a ShapeError, and nothing is written", () => {
    const model = build(sequential(input([4, 6]), nn.batchNorm1d(4)));
    assert.throws(
      () => model.loadStateDict({ ...bnDict("0"), "0.num_batches_tracked": tf.tensor([3, 4]) }),
      (error: unknown) =>
        error instanceof ShapeError &&
        error.message === "loadStateDict (0.num_batches_tracked): expected a tensor of shape [], got [2]",
    );
    assert.equal(model.stateDict()["0.num_batches_tracked"]!.dataSync()[0], 0);
    assert.deepEqual([...model.stateDict()["0.running_mean"]!.dataSync()], [0, 0, 0, 0]);
  });
});

describe("loadStateDict: missing and unexpected keys", () => {
  const net = sequential(input([4]), nn.linear(4, 3), nn.relu(), nn.linear(3, 2));
  test("are a ShapeError naming them", () => {
    const model = build(net);
    const { ["2.bias"]: _, ...rest } = model.stateDict();
    assert.throws(
      () => model.loadStateDict({ ...rest, "5.weight": tf.zeros([1]) }),
      (error: unknown) => {
        assert.ok(error instanceof ShapeError, `a ShapeError, got ${String(error)}`);
        assert.equal(
          error.message,
          'loadStateDict: missing keys "2.bias"; unexpected keys "5.weight" (expected "0.weight", "0.bias", "2.weight", "2.bias")',
        );
        return true;
      },
    );
  });
  test("a missing key alone, and an unexpected key alone", () => {
    const model = build(net);
    const { ["0.weight"]: _, ...rest } = model.stateDict();
    assert.throws(() => model.loadStateDict(rest), {
      name: "ShapeError",
      message: /^loadStateDict: missing keys "0\.weight" \(expected /,
    });
    assert.throws(() => model.loadStateDict({ ...model.stateDict(), extra: [1] }), {
      name: "ShapeError",
      message: /^loadStateDict: unexpected keys "extra" \(expected /,
    });
  });
});

describe("einops: a literal length in a group, in einops' order", () => {
  /** x[b, c, h, w] of a flat [B, C, H, W] array. */
  const at = (x: readonly number[], [, C, H, W]: readonly number[], b: number, c: number, h: number, w: number) =>
    x[((b * C! + c) * H! + h) * W! + w]!;

  test('reduce(x, "b c (h 2) w -> b h w c", "max"): out[b, h, w, c] = max(x[b, c, 2h, w], x[b, c, 2h + 1, w])', () => {
    const x = input([3, 4, 5]);
    const model = build(graph({ inputs: [x], outputs: [einops.reduce(x, "b c (h 2) w -> b h w c", "max")] }));
    const shape = [2, 3, 4, 5];
    const data = values(120, 9);
    const y = model.predict(tf.tensor(data, shape) as never) as unknown as tf.Tensor;
    assert.deepEqual(y.shape, [2, 2, 5, 3]);
    const expected: number[] = [];
    for (let b = 0; b < 2; b++)
      for (let h = 0; h < 2; h++)
        for (let w = 0; w < 5; w++)
          for (let c = 0; c < 3; c++) {
            expected.push(Math.max(at(data, shape, b, c, 2 * h, w), at(data, shape, b, c, 2 * h + 1, w)));
          }
    close(y.dataSync(), expected, "max");
  });

  test('reduce(x, "b (c 3) h (w 2) -> b c h w", "mean") and "(h 1)": c outer, 3 inner', () => {
    const x = input([6, 2, 4]);
    const model = build(graph({ inputs: [x], outputs: [einops.reduce(x, "b (c 3) (h 1) (w 2) -> b c h w", "mean")] }));
    const shape = [2, 6, 2, 4];
    const data = values(96, 10);
    const y = model.predict(tf.tensor(data, shape) as never) as unknown as tf.Tensor;
    assert.deepEqual(y.shape, [2, 2, 2, 2]);
    const expected: number[] = [];
    for (let b = 0; b < 2; b++)
      for (let c = 0; c < 2; c++)
        for (let h = 0; h < 2; h++)
          for (let w = 0; w < 2; w++) {
            let sum = 0;
            for (let i = 0; i < 3; i++) for (let j = 0; j < 2; j++) sum += at(data, shape, b, 3 * c + i, h, 2 * w + j);
            expected.push(sum / 6);
          }
    close(y.dataSync(), expected, "mean");
  });

  test("rearrange and repeat refuse a number other than 1 on the left, as einops (at run time and in the types)", () => {
    const x = input([4, 5]);
    // @ts-expect-error: a number other than 1 (2) on the left is only for reduce
    const rearranged = () => einops.rearrange(x, "b (h 2) w -> b h w");
    assert.throws(
      rearranged,
      (error: unknown) =>
        error instanceof ShapeError &&
        error.message === 'rearrange("b (h 2) w -> b h w"): a number other than 1 (2) on the left is only for reduce',
    );
    // @ts-expect-error: the same in repeat
    const repeated = () => einops.repeat(x, "b (h 2) w -> b h w n", { n: 3 });
    assert.throws(repeated, {
      name: "ShapeError",
      message: /a number other than 1 \(2\) on the left is only for reduce/,
    });
    // @ts-expect-error: and with the literal on both sides
    const both = () => einops.rearrange(x, "b (h 2) w -> b (h 2) w");
    assert.throws(both, { name: "ShapeError" });
    assert.deepEqual(einops.rearrange(x, "b (h 1) w -> b w h").shape, [null, 5, 4]);
  });
});
