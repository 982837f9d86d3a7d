// Distributed training of the emitted module: toPyTorch writes the MNIST network, trainScript its
// train.py; two processes under torchrun (gloo on this CPU, rendezvous on 127.0.0.1: test/torchrun.ts)
// train it with DistributedDataParallel and a DistributedSampler for one epoch on a few hundred
// digits of the `mnist` package, starting from shapecheck's initial weights. The loss falls, and the
// safetensors weights rank 0 writes load into shapecheck, whose NLL on the same digits is PyTorch's.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import * as tf from "@tensorflow/tfjs-core";
import { toPyTorch, trainScript } from "../src/pytorch.ts";
import { encodeSafetensors, loadSafetensors, saveSafetensors } from "../src/runtime/safetensors.ts";
import { mnist } from "../examples/mnist.ts";
import { build, ready } from "../src/tfjs.ts";
import { runTorchrun } from "./torchrun.ts";

const digits = 320;
const dir = mkdtempSync(join(tmpdir(), "shapecheck-ddp-"));
after(() => rmSync(dir, { recursive: true, force: true }));

test(
  "torchrun, 2 processes, DistributedDataParallel on gloo: the loss falls and the weights come back to shapecheck",
  { timeout: 600_000 },
  async () => {
    await ready();
    const { training } = (
      createRequire(import.meta.url)("mnist") as {
        set(train: number, test: number): { training: { input: number[]; output: number[] }[] };
      }
    ).set(digits, 0);
    const x = Float32Array.from(training.flatMap((d) => d.input));
    const y = BigInt64Array.from(training, (d) => BigInt(d.output.indexOf(1)));
    writeFileSync(
      join(dir, "data.safetensors"),
      encodeSafetensors({
        x: { dtype: "F32", shape: [digits, 1, 28, 28], data: x },
        y: { dtype: "I64", shape: [digits], data: y },
      }),
    );
    writeFileSync(join(dir, "mnist.py"), toPyTorch(mnist, { name: "mnist" }));
    writeFileSync(join(dir, "train.py"), trainScript(mnist, { module: "mnist" }));
    const start = build(mnist); // prototype in tfjs, then train on the cluster from its weights
    await saveSafetensors(start, join(dir, "init.safetensors"));

    // Rendezvous on 127.0.0.1 (test/torchrun.ts), not --standalone: --standalone hands the workers this machine's
    // host name as the master's address, and where that name does not resolve (seen on a CI machine) the workers
    // retry it forever. GLOO_SOCKET_IFNAME=lo keeps gloo off the host name too.
    const output = await runTorchrun(
      "train.py",
      [
        ...["--data", "data.safetensors", "--init", "init.safetensors", "--epochs", "1", "--batch-size", "8"],
        ...["--out", "trained.safetensors"],
      ],
      { cwd: dir, expected: "trained.safetensors" },
    );
    const lines = output
      .split("\n")
      .filter((line) => line.includes(":{"))
      .map((line) => JSON.parse(line.slice(line.indexOf(":{") + 1)) as Record<string, number | string>);
    const summary = lines.at(-1)!;
    console.log(JSON.stringify(lines));
    assert.equal(summary.processes, 2);
    assert.equal(summary.backend, "gloo");
    assert.ok(
      (summary.loss_after as number) < (summary.loss_before as number) - 0.2,
      `the loss falls: ${summary.loss_before} → ${summary.loss_after}`,
    );

    const trained = build(mnist);
    await loadSafetensors(trained, join(dir, "trained.safetensors"));
    const images = tf.tensor(x, [digits, 1, 28, 28]);
    const logProbabilities = trained.predict(images as never) as tf.Tensor;
    const labels = tf.tensor1d(Int32Array.from(y, Number), "int32");
    const nll = -tf.mean(tf.sum(tf.mul(logProbabilities, tf.oneHot(labels, 10)), 1)).dataSync()[0]!;
    assert.ok(
      Math.abs(nll - (summary.loss_after as number)) < 1e-4,
      `shapecheck's NLL ${nll}, PyTorch's ${summary.loss_after}`,
    );
    const before = start.predict(images as never) as tf.Tensor;
    const nllBefore = -tf.mean(tf.sum(tf.mul(before, tf.oneHot(labels, 10)), 1)).dataSync()[0]!;
    assert.ok(
      Math.abs(nllBefore - (summary.loss_before as number)) < 1e-4,
      `shapecheck's initial NLL ${nllBefore}, PyTorch's ${summary.loss_before}`,
    );
  },
);
