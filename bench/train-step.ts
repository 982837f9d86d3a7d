// Training and prediction speed of the SPEC MNIST network (plain tfjs-layers,
// channels-last [28, 28, 1], batch 64) on the default backend, next to the
// same network in PyTorch (bench/train_step_torch.py, when torch imports).
//
//   node --import tsx bench/train-step.ts [--steps 20] [--warmup 5] [--rounds 1] [--backend wasm|cpu|tensorflow]
//     [--separate-activations] [--torch-threads N] [--no-torch]
// With --rounds R, tfjs and PyTorch take turns R times (fairer on a shared
// machine) and the medians are over all rounds. PyTorch runs under the first
// of $PYTHON, python3, /usr/bin/python3 that imports torch.
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { parseArgs, promisify } from "node:util";
import * as tf from "@tensorflow/tfjs-core";
import * as tfl from "@tensorflow/tfjs-layers";
import { ready, type BackendName } from "../src/tfjs.ts";

const { values: opts } = parseArgs({
  options: {
    steps: { type: "string", default: "20" },
    warmup: { type: "string", default: "5" },
    batch: { type: "string", default: "64" },
    backend: { type: "string" },
    "separate-activations": { type: "boolean", default: false },
    rounds: { type: "string", default: "1" },
    "torch-threads": { type: "string", default: "0" },
    "no-torch": { type: "boolean", default: false },
  },
});
const steps = Number(opts.steps),
  warmup = Number(opts.warmup),
  batch = Number(opts.batch),
  rounds = Number(opts.rounds);

/** conv2d 1→32 k3, relu, conv2d 32→64 k3, relu, maxpool 2, dropout .25, flatten,
 * dense 9216→128, relu, dropout .5, dense 128→10, log-softmax. By default the
 * activations are the layers' `activation` option, as Keras users write it;
 * --separate-activations uses activation layers, layer for layer as in SPEC.md. */
function mnistNet(separate: boolean): tfl.Sequential {
  const L = tfl.layers;
  const act = (name: "relu" | "logSoftmax") => (separate ? [L.activation({ activation: name as "relu" })] : []);
  const fused = (name: "relu" | "logSoftmax") => (separate ? undefined : (name as "relu"));
  return tfl.sequential({
    layers: [
      L.conv2d({ inputShape: [28, 28, 1], filters: 32, kernelSize: 3, activation: fused("relu") }),
      ...act("relu"),
      L.conv2d({ filters: 64, kernelSize: 3, activation: fused("relu") }),
      ...act("relu"),
      L.maxPooling2d({ poolSize: 2 }),
      L.dropout({ rate: 0.25 }),
      L.flatten(),
      L.dense({ units: 128, activation: fused("relu") }),
      ...act("relu"),
      L.dropout({ rate: 0.5 }),
      L.dense({ units: 10, activation: fused("logSoftmax") }),
      ...act("logSoftmax"),
    ],
  });
}

/** Wall-clock and CPU ms (all threads of the process) of each call after warm-up. */
async function timesMs(fn: () => Promise<unknown>): Promise<{ wall: number[]; cpu: number[] }> {
  for (let i = 0; i < warmup; i++) await fn();
  const wall: number[] = [],
    cpu: number[] = [];
  for (let i = 0; i < steps; i++) {
    const t = performance.now(),
      c = process.cpuUsage();
    await fn();
    const dc = process.cpuUsage(c);
    wall.push(performance.now() - t);
    cpu.push((dc.user + dc.system) / 1000);
  }
  return { wall, cpu };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

// Categorical cross-entropy on log-probabilities (= PyTorch's nll_loss).
const nll = (yTrue: tf.Tensor, logp: tf.Tensor) => tf.neg(tf.mean(tf.sum(tf.mul(yTrue, logp), -1)));
const backend = await ready(opts.backend ? { backend: opts.backend as BackendName } : undefined);
const model = mnistNet(opts["separate-activations"]!);
model.compile({ optimizer: tf.train.adam(1e-3), loss: nll });
const x = tf.randomNormal([batch, 28, 28, 1]);
const y = tf.oneHot(tf.randomUniform([batch], 0, 10, "int32") as tf.Tensor1D, 10);

async function tfjs(): Promise<{
  train: { wall: number[]; cpu: number[] };
  predict: { wall: number[]; cpu: number[] };
}> {
  const train = await timesMs(() => model.trainOnBatch(x, y));
  const predict = await timesMs(async () => {
    const p = model.predict(x, { batchSize: batch }) as tf.Tensor; // one batch, as PyTorch
    await p.data();
    p.dispose();
  });
  return { train, predict };
}

type Torch = {
  torch: string;
  threads: number;
  train_ms: number[];
  predict_ms: number[];
  train_cpu_ms: number[];
  predict_cpu_ms: number[];
};
const run = promisify(execFile);

async function findPython(): Promise<string | null> {
  for (const python of [process.env.PYTHON, "python3", "/usr/bin/python3"]) {
    if (!python) continue;
    try {
      await run(python, ["-c", "import torch"], { timeout: 120_000 });
      return python;
    } catch {
      // next
    }
  }
  return null;
}

async function torch(python: string): Promise<Torch> {
  const script = fileURLToPath(new URL("./train_step_torch.py", import.meta.url));
  const args = [
    script,
    "--steps",
    String(steps),
    "--warmup",
    String(warmup),
    "--batch",
    String(batch),
    "--threads",
    opts["torch-threads"]!,
  ];
  const { stdout } = await run(python, args, { timeout: 600_000 });
  return JSON.parse(stdout.trim().split("\n").pop()!) as Torch;
}

const python = opts["no-torch"] ? null : await findPython();
const ours = { train: [] as number[], predict: [] as number[], trainCpu: [] as number[], predictCpu: [] as number[] };
let theirs: Torch | string = opts["no-torch"] ? "skipped (--no-torch)" : "skipped (no python3 here imports torch)";
for (let r = 0; r < rounds; r++) {
  const o = await tfjs();
  ours.train.push(...o.train.wall);
  ours.predict.push(...o.predict.wall);
  ours.trainCpu.push(...o.train.cpu);
  ours.predictCpu.push(...o.predict.cpu);
  if (python) {
    const t = await torch(python);
    const p = (typeof theirs === "string" ? null : theirs) as Torch | null;
    theirs = !p
      ? t
      : {
          ...t,
          train_ms: [...p.train_ms, ...t.train_ms],
          predict_ms: [...p.predict_ms, ...t.predict_ms],
          train_cpu_ms: [...p.train_cpu_ms, ...t.train_cpu_ms],
          predict_cpu_ms: [...p.predict_cpu_ms, ...t.predict_cpu_ms],
        };
  }
}
const fmt = (ms: number[]) => `${median(ms).toFixed(1)} ms`;
const ratio = (a: number[], b: number[]) => `${(median(a) / median(b)).toFixed(2)}×`;
// The wasm build in use: SIMD (as it should be) or not, and its thread count.
const simd = backend === "wasm" && (await tf.env().getAsync("WASM_HAS_SIMD_SUPPORT")) ? " SIMD" : "";
const threads =
  backend === "wasm"
    ? `${simd} (${(tf.backend() as unknown as { wasm: { tfjs: { getThreadsCount(): number } } }).wasm.tfjs.getThreadsCount()} threads)`
    : "";
console.log(
  `SPEC MNIST network, batch ${batch}, median of ${rounds} × ${steps} after ${warmup} warm-up${opts["separate-activations"] ? ", separate activation layers" : ""}\n`,
);
const t = typeof theirs === "string" ? null : theirs;
const rows: string[][] = [
  ["", `tfjs ${backend}${threads}`, t ? `PyTorch ${t.torch} (${t.threads} threads)` : "PyTorch", "ratio", "goal"],
];
rows.push([
  "train step",
  fmt(ours.train),
  t ? fmt(t.train_ms) : "–",
  t ? ratio(ours.train, t.train_ms) : "–",
  "≤ 1.5×",
]);
rows.push([
  "prediction",
  fmt(ours.predict),
  t ? fmt(t.predict_ms) : "–",
  t ? ratio(ours.predict, t.predict_ms) : "–",
  "≤ 1×",
]);
rows.push([
  "train step, CPU time",
  fmt(ours.trainCpu),
  t ? fmt(t.train_cpu_ms) : "–",
  t ? ratio(ours.trainCpu, t.train_cpu_ms) : "–",
  "",
]);
rows.push([
  "prediction, CPU time",
  fmt(ours.predictCpu),
  t ? fmt(t.predict_cpu_ms) : "–",
  t ? ratio(ours.predictCpu, t.predict_cpu_ms) : "–",
  "",
]);
const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
for (const r of rows) console.log(r.map((c, i) => c.padEnd(widths[i])).join("  "));
if (typeof theirs === "string") console.log(`\nPyTorch: ${theirs}`);
console.log("\nCPU time: all threads of the process; with one thread each it barely depends on the machine's load.");
