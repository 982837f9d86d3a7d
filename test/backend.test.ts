// Backend selection: best first (tfjs-node, wasm, cpu), explicit choice by
// option or SHAPECHECK_BACKEND, clear errors, idempotence, kernels registered.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import os from "node:os";
import { promisify } from "node:util";
import * as tf from "@tensorflow/tfjs-core";
import { MathBackendCPU } from "@tensorflow/tfjs-backend-cpu";
import { defaultLoaders, ready, selectBackend, type BackendName, type Loader } from "../src/runtime/backend.ts";

const backendModule = fileURLToPath(new URL("../src/runtime/backend.ts", import.meta.url));

/** Loaders where tfjs-node is simulated: "present" registers a stand-in backend named "tensorflow". */
function loaders(tfjsNode: "present" | "absent", log: string[] = []): Partial<Record<BackendName, Loader>> {
  return {
    async tensorflow() {
      log.push("tensorflow");
      if (tfjsNode === "absent") return "@tensorflow/tfjs-node cannot be imported (simulated)";
      if (!tf.findBackendFactory("tensorflow")) tf.registerBackend("tensorflow", () => new MathBackendCPU(), 0);
      return null;
    },
    async wasm() {
      log.push("wasm");
      return defaultLoaders.wasm();
    },
    async cpu() {
      log.push("cpu");
      return defaultLoaders.cpu();
    },
  };
}

test("tfjs-node comes first when it can be imported", async () => {
  assert.equal(await selectBackend(undefined, loaders("present")), "tensorflow");
  assert.equal(tf.getBackend(), "tensorflow");
});

test("without tfjs-node, WebAssembly is next", async () => {
  const log: string[] = [];
  assert.equal(await selectBackend(undefined, loaders("absent", log)), "wasm");
  assert.deepEqual(log, ["tensorflow", "wasm"]);
  assert.equal(tf.getBackend(), "wasm");
});

test("without tfjs-node and wasm, plain JavaScript", async () => {
  const l = { ...loaders("absent"), wasm: async () => "no SIMD (simulated)" };
  assert.equal(await selectBackend(undefined, l), "cpu");
});

test("an explicit request loads only that backend", async () => {
  const log: string[] = [];
  assert.equal(await selectBackend("cpu", loaders("present", log)), "cpu");
  assert.deepEqual(log, ["cpu"]);
});

test("asking for an unavailable backend is a clear error", async () => {
  await assert.rejects(
    selectBackend("tensorflow", loaders("absent")),
    /The "tensorflow" backend is not available: tensorflow: @tensorflow\/tfjs-node cannot be imported/,
  );
  const none = { tensorflow: async () => "a", wasm: async () => "b", cpu: async () => "c" };
  await assert.rejects(
    selectBackend(undefined, none),
    /No TensorFlow.js backend is available: tensorflow: a; wasm: b; cpu: c/,
  );
});

test("ready(): the real tfjs-node is not installed here, so wasm is the default", async () => {
  delete process.env.SHAPECHECK_BACKEND;
  assert.equal(await ready(), "wasm");
  assert.equal(tf.getBackend(), "wasm");
  await assert.rejects(ready({ backend: "tensorflow" }), /The "tensorflow" backend is not available/);
});

test("ready(): SHAPECHECK_BACKEND chooses, the option wins over it, bad names are errors", async () => {
  process.env.SHAPECHECK_BACKEND = "cpu";
  try {
    assert.equal(await ready(), "cpu");
    assert.equal(tf.getBackend(), "cpu");
    assert.equal(await ready({ backend: "wasm" }), "wasm");
    process.env.SHAPECHECK_BACKEND = "gpu";
    await assert.rejects(
      ready(),
      /unknown backend "gpu" in SHAPECHECK_BACKEND; expected one of "tensorflow", "wasm", "cpu"/,
    );
    await assert.rejects(
      ready({ backend: "webgl" as BackendName }),
      /unknown backend "webgl" in ready\(\{ backend \}\)/,
    );
  } finally {
    delete process.env.SHAPECHECK_BACKEND;
  }
});

test("ready() is idempotent and cheap the second time", async () => {
  assert.equal(await ready(), "wasm");
  const t = performance.now();
  for (let i = 0; i < 100; i++) assert.equal(await ready(), "wasm");
  assert.ok((performance.now() - t) / 100 < 5, "ready() should return at once when already done");
});

test("ready() registers the gradient kernels wasm lacks, and tensor methods", async () => {
  await ready();
  for (const name of [
    "Conv2DBackpropFilter",
    "DepthwiseConv2dNativeBackpropFilter",
    "DepthwiseConv2dNativeBackpropInput",
    "UnsortedSegmentSum",
  ]) {
    assert.ok(tf.getKernel(name, "wasm"), `${name} on wasm`);
  }
  // A conv net trains: the filter gradient exists and is finite.
  const x = tf.randomNormal([2, 6, 6, 3]) as tf.Tensor4D,
    w = tf.variable(tf.randomNormal([3, 3, 3, 4]) as tf.Tensor4D);
  const { grads } = tf.variableGrads(
    () => tf.sum(tf.square(tf.conv2d(x, w as tf.Tensor4D, 1, "same"))) as tf.Scalar,
    [w],
  );
  assert.ok(Number.isFinite((await tf.sum(grads[w.name]).data())[0]));
  assert.equal(typeof (tf.zeros([2, 2]) as unknown as { flatten: unknown }).flatten, "function");
});

test("wasm loads from any working directory, and the process exits", async () => {
  const script = `const { ready } = await import(${JSON.stringify(backendModule)}); console.log(await ready());`;
  for (const threads of ["1", ""]) {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ["--import", import.meta.resolve("tsx"), "--input-type=module", "-e", script],
      {
        cwd: os.tmpdir(),
        env: { ...process.env, SHAPECHECK_WASM_THREADS: threads },
        timeout: 60_000,
      },
    );
    assert.equal(stdout.trim(), "wasm");
  }
});
