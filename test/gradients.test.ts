// Gradients that tfjs 4.22 gets wrong or lacks, checked through our layers and ops.
// PyTorch's padding layers (nn.reflectionPad*, replicationPad*, constantPad*) converted to TensorFlow.js: the
// gradient of sum(w · pad(x)) with respect to x equals PyTorch 1.13's (Debian's python3-torch). The layer used
// tf.mirrorPad, whose gradient in tfjs 4.22 drops the reflected part (a silent wrong training), and tf.tile, which
// has no gradient at rank 5 (replicationPad3d could not train). ops.tile / expand / matmul's batch broadcasting
// train at rank 5 (tf.tile and tf.broadcastTo have no gradient there).
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { before, test } from "node:test";
import * as tf from "@tensorflow/tfjs-core";
import { graph, input, nn, ops, sequential } from "../src/index.ts";
import { ready, toTfjs } from "../src/tfjs.ts";

const python = process.env["SHAPECHECK_PYTHON"] ?? "/usr/bin/python3";
before(async () => {
  await ready();
});

interface Case {
  name: string;
  module: string;
  shape: number[];
  pads: number[];
  mode: "reflect" | "replicate" | "constant";
  layer: () => unknown;
}
const cases: Case[] = [
  {
    name: "reflectionPad1d(2)",
    module: "ReflectionPad1d(2)",
    shape: [2, 5],
    pads: [2, 2],
    mode: "reflect",
    layer: () => nn.reflectionPad1d(2),
  },
  {
    name: "reflectionPad1d([3, 1])",
    module: "ReflectionPad1d((3, 1))",
    shape: [3, 6],
    pads: [3, 1],
    mode: "reflect",
    layer: () => nn.reflectionPad1d([3, 1]),
  },
  {
    name: "reflectionPad2d([1, 2, 0, 3])",
    module: "ReflectionPad2d((1, 2, 0, 3))",
    shape: [2, 4, 5],
    pads: [1, 2, 0, 3],
    mode: "reflect",
    layer: () => nn.reflectionPad2d([1, 2, 0, 3]),
  },
  {
    name: "reflectionPad3d(1)",
    module: "ReflectionPad3d(1)",
    shape: [2, 3, 4, 3],
    pads: [1, 1, 1, 1, 1, 1],
    mode: "reflect",
    layer: () => nn.reflectionPad3d(1),
  },
  {
    name: "replicationPad1d([2, 0])",
    module: "ReplicationPad1d((2, 0))",
    shape: [2, 4],
    pads: [2, 0],
    mode: "replicate",
    layer: () => nn.replicationPad1d([2, 0]),
  },
  {
    name: "replicationPad2d(2)",
    module: "ReplicationPad2d(2)",
    shape: [2, 3, 4],
    pads: [2, 2, 2, 2],
    mode: "replicate",
    layer: () => nn.replicationPad2d(2),
  },
  {
    name: "replicationPad3d([1, 0, 2, 1, 0, 1])",
    module: "ReplicationPad3d((1, 0, 2, 1, 0, 1))",
    shape: [2, 2, 3, 3],
    pads: [1, 0, 2, 1, 0, 1],
    mode: "replicate",
    layer: () => nn.replicationPad3d([1, 0, 2, 1, 0, 1]),
  },
  {
    name: "constantPad2d(1, 0.5)",
    module: "ConstantPad2d(1, 0.5)",
    shape: [2, 3, 3],
    pads: [1, 1, 1, 1],
    mode: "constant",
    layer: () => nn.constantPad2d(1, 0.5),
  },
];

/** A deterministic sequence of values in [-1, 1). */
const values = (n: number, seed: number): number[] =>
  Array.from({ length: n }, (_, i) => Math.sin(seed * 12.9898 + i * 78.233) * 0.999);

test("padding layers: the gradient with respect to the input equals PyTorch's (8 layers, ranks 3–5)", () => {
  const rows = cases.map((c, k) => {
    const net = sequential(input(c.shape as never), c.layer() as never);
    const model = toTfjs(net as never) as unknown as { apply(x: tf.Tensor): tf.Tensor };
    const x = tf.tensor(
      [
        values(
          c.shape.reduce((a, b) => a * b, 1),
          k + 1,
        ),
      ],
      [1, ...c.shape],
    );
    const out = tf.tidy(() => model.apply(x));
    const w = tf.tensor(values(out.size, k + 101), out.shape);
    const grad = tf.grad((t: tf.Tensor) => tf.sum(tf.mul(model.apply(t), w)))(x);
    const row = {
      module: c.module,
      x: Array.from(x.dataSync()),
      shape: [1, ...c.shape],
      w: Array.from(w.dataSync()),
      outShape: out.shape,
      out: Array.from(out.dataSync()),
      grad: Array.from(grad.dataSync()),
    };
    tf.dispose([x, out, w, grad]);
    return row;
  });
  const script = `
import json, sys, torch
rows = json.load(sys.stdin)
result = []
for r in rows:
    m = eval("torch.nn." + r["module"])
    x = torch.tensor(r["x"], dtype=torch.float64).reshape(r["shape"]).requires_grad_()
    y = m(x)
    w = torch.tensor(r["w"], dtype=torch.float64).reshape(list(y.shape))
    (y * w).sum().backward()
    result.append({"outShape": list(y.shape), "out": y.detach().flatten().tolist(), "grad": x.grad.flatten().tolist()})
print(json.dumps(result))
`;
  const torch = JSON.parse(execFileSync(python, ["-c", script], { input: JSON.stringify(rows), encoding: "utf8" })) as {
    outShape: number[];
    out: number[];
    grad: number[];
  }[];
  rows.forEach((row, i) => {
    const expected = torch[i]!;
    assert.deepEqual(row.outShape, expected.outShape, row.module);
    const maxDiff = (a: number[], b: number[]) => Math.max(...a.map((v, j) => Math.abs(v - b[j]!)));
    assert.ok(
      maxDiff(row.out, expected.out) < 1e-5,
      `${row.module}: values differ by ${maxDiff(row.out, expected.out)}`,
    );
    assert.ok(
      maxDiff(row.grad, expected.grad) < 1e-4,
      `${row.module}: gradients differ by ${maxDiff(row.grad, expected.grad)}`,
    );
  });
});

test("ops.tile trains at rank 5 (tf.tile has no gradient there): d sum(tile(x)) / dx is the number of copies", () => {
  const x = input([2, 3, 1, 2]);
  const net = graph({ inputs: [x], outputs: [ops.tile(x, [2, 1, 3, 1, 2])] });
  const model = toTfjs(net) as unknown as { apply(x: tf.Tensor): tf.Tensor };
  const xt = tf.tensor(values(24, 7), [2, 2, 3, 1, 2]);
  const grad = tf.grad((t: tf.Tensor) => tf.sum(model.apply(t)))(xt);
  assert.deepEqual(model.apply(xt).shape, [4, 2, 9, 1, 4]);
  assert.deepEqual([...new Set(grad.dataSync())], [12]);
  tf.dispose([xt, grad]);
});

test("ops.expand, ops.matmul with batch broadcasting and einops.repeat train at rank 5 (tf.broadcastTo has no gradient there)", () => {
  const x = input([3, 1, 2, 2]);
  const w = input([2, 5]);
  const expanded = ops.expand(x, [2, 3, 4, 2, 2]);
  const product = ops.matmul(expanded, w);
  const net = graph({ inputs: [x, w], outputs: [product] });
  const model = toTfjs(net) as unknown as { apply(x: tf.Tensor[]): tf.Tensor };
  const xt = tf.tensor(values(12, 3), [1, 3, 1, 2, 2]);
  const wt = tf.tensor(values(10, 4), [1, 2, 5]);
  // d sum(expand(x) @ w) / dx: each x[i, j] meets row j of w in 4 copies along the expanded axis, and batch 2
  const [gx] = tf.grads((a: tf.Tensor, b: tf.Tensor) => tf.sum(model.apply([a, b])))([xt, wt]);
  const rowSums = tf.sum(wt, -1).dataSync();
  const expected = Array.from({ length: 12 }, (_, i) => 2 * 4 * rowSums[i % 2]!);
  gx!.dataSync().forEach((g, i) => assert.ok(Math.abs(g - expected[i]!) < 1e-4, `${g} vs ${expected[i]}`));
  tf.dispose([xt, wt, gx!]);
});
