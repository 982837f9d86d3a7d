// trainScript for a graph (two inputs, one output): torchrun, two processes, DistributedDataParallel on gloo, the
// inputs x0 and x1 of the data file given to the emitted module's forward(x0, x1). The loss falls, and the weights
// rank 0 writes load into shapecheck, whose NLL on the same data is PyTorch's (as test/export-ddp.test.ts for MNIST).
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import * as tf from "@tensorflow/tfjs-core";
import { graph, input, nn, ops } from "../src/index.ts";
import { toPyTorch, trainScript } from "../src/pytorch.ts";
import { encodeSafetensors, loadSafetensors, saveSafetensors } from "../src/runtime/safetensors.ts";
import { build, ready } from "../src/tfjs.ts";
import { runTorchrun } from "./torchrun.ts";

const count = 256;
const dir = mkdtempSync(join(tmpdir(), "shapecheck-ddp-graph-"));
after(() => rmSync(dir, { recursive: true, force: true }));

const a = input([6]);
const b = input([6]);
const joined = ops.cat([a.pipe(nn.linear(6, 8), nn.relu()), b.pipe(nn.linear(6, 8), nn.relu())], 1);
export const twoInputs = graph({ inputs: [a, b], outputs: [joined.pipe(nn.linear(16, 3), nn.logSoftmax(1))] });

test(
  "trainScript for a graph of two inputs: torchrun, 2 processes, the loss falls, the weights come back",
  { timeout: 600_000 },
  async () => {
    await ready();
    // a learnable task: the class is the argmax of (x0 + x1)'s first three features
    let state = 7;
    const random = () => ((state = (state * 1103515245 + 12345) % 2147483648) / 2147483648) * 2 - 1;
    const x0 = Float32Array.from({ length: count * 6 }, random);
    const x1 = Float32Array.from({ length: count * 6 }, random);
    const y = BigInt64Array.from({ length: count }, (_, i) => {
      const s = [0, 1, 2].map((j) => x0[i * 6 + j]! + x1[i * 6 + j]!);
      return BigInt(s.indexOf(Math.max(...s)));
    });
    writeFileSync(
      join(dir, "data.safetensors"),
      encodeSafetensors({
        x0: { dtype: "F32", shape: [count, 6], data: x0 },
        x1: { dtype: "F32", shape: [count, 6], data: x1 },
        y: { dtype: "I64", shape: [count], data: y },
      }),
    );
    writeFileSync(join(dir, "two_inputs.py"), toPyTorch(twoInputs, { name: "two_inputs" }));
    const script = trainScript(twoInputs, { module: "two_inputs" });
    assert.match(script, /INPUTS = \["x0","x1"\]/);
    assert.match(script, /default="nll"/);
    writeFileSync(join(dir, "train.py"), script);
    const start = build(twoInputs);
    await saveSafetensors(start, join(dir, "init.safetensors"));
    const output = await runTorchrun(
      "train.py",
      [
        ...["--data", "data.safetensors", "--init", "init.safetensors", "--epochs", "5", "--batch-size", "16"],
        ...["--lr", "0.01", "--out", "trained.safetensors"],
      ],
      { cwd: dir, expected: "trained.safetensors" },
    );
    const lines = output
      .split("\n")
      .filter((line) => line.includes(":{"))
      .map((line) => JSON.parse(line.slice(line.indexOf(":{") + 1)) as Record<string, number | string>);
    const summary = lines.at(-1)!;
    console.log(JSON.stringify(summary));
    assert.equal(summary.processes, 2);
    assert.ok(
      (summary.loss_after as number) < (summary.loss_before as number) - 0.2,
      `the loss falls: ${summary.loss_before} → ${summary.loss_after}`,
    );
    const trained = build(twoInputs);
    await loadSafetensors(trained, join(dir, "trained.safetensors"));
    const logProbabilities = trained.predict([
      tf.tensor(x0, [count, 6]),
      tf.tensor(x1, [count, 6]),
    ] as never) as tf.Tensor;
    const labels = tf.tensor1d(Int32Array.from(y, Number), "int32");
    const nll = -tf.mean(tf.sum(tf.mul(logProbabilities, tf.oneHot(labels, 3)), 1)).dataSync()[0]!;
    assert.ok(
      Math.abs(nll - (summary.loss_after as number)) < 1e-4,
      `shapecheck's NLL ${nll}, PyTorch's ${summary.loss_after}`,
    );
  },
);
