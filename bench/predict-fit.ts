// What shapecheck's typed model costs over plain tfjs-layers: the SPEC MNIST network trained one
// epoch (fit, batch 64) and predicting a batch of 64, side by side on the default backend:
//  - plain:     the network written in plain tfjs-layers, channels-last, as a tfjs user writes it;
//  - converted: toTfjs(net)'s model (channels-first input, permutes, PyTorch's nll), called directly;
//  - typed:     the same through shapecheck's typed model (checks, class indices → one-hot, progress off).
// typed vs converted is the wrapper's cost; converted vs plain the cost of PyTorch's layout.
//
//   node --import tsx bench/predict-fit.ts [--batches 20] [--rounds 3] [--backend wasm|cpu|tensorflow] [--cpu]
// Rounds alternate between the two (fairer on a shared machine); medians over rounds.
import { parseArgs } from "node:util";
import * as tf from "@tensorflow/tfjs-core";
import * as tfl from "@tensorflow/tfjs-layers";
import { build, ready, tensor, type BackendName } from "../src/tfjs.ts";
import { mnist as net } from "../examples/mnist.ts";

const { values: opts } = parseArgs({
  options: {
    batches: { type: "string", default: "20" },
    rounds: { type: "string", default: "3" },
    predictions: { type: "string", default: "20" },
    backend: { type: "string" },
    cpu: { type: "boolean", default: false },
  },
});
const batches = Number(opts.batches),
  rounds = Number(opts.rounds),
  predictions = Number(opts.predictions);
const backend = await ready({ backend: opts.backend as BackendName | undefined });

function plainNet(): tfl.LayersModel {
  const L = tfl.layers;
  const model = tfl.sequential({
    layers: [
      L.conv2d({ inputShape: [28, 28, 1], filters: 32, kernelSize: 3, activation: "relu" }),
      L.conv2d({ filters: 64, kernelSize: 3, activation: "relu" }),
      L.maxPooling2d({ poolSize: 2 }),
      L.dropout({ rate: 0.25 }),
      L.flatten(),
      L.dense({ units: 128, activation: "relu" }),
      L.dropout({ rate: 0.5 }),
      L.dense({ units: 10, activation: "softmax" }),
    ],
  });
  model.compile({ optimizer: "adam", loss: "categoricalCrossentropy" });
  return model;
}

const n = batches * 64;
const pixels = tf.randomUniform([n, 28, 28, 1]);
const labels = tf.randomUniform([n], 0, 10, "int32");
const plainX = pixels;
const plainY = tf.cast(tf.oneHot(labels, 10), "float32");
const oursX = tensor(tf.transpose(pixels, [0, 3, 1, 2]), [null, 1, 28, 28]);
const oursY = tensor(labels, [null]);

const plain = plainNet();
const ours = build(net).compile({ optimizer: "adam", loss: "nll" });
const batchPlain = tf.slice(plainX, 0, 64);
const batchOurs = tensor(tf.slice(oursX, 0, 64), [null, 1, 28, 28]);

/** Wall time, or with --cpu the process's CPU time (steadier on a busy machine; counts every thread). */
async function time(run: () => Promise<unknown> | unknown): Promise<number> {
  const [wall, cpu] = [performance.now(), process.cpuUsage()];
  await run();
  if (!opts.cpu) return performance.now() - wall;
  const used = process.cpuUsage(cpu);
  return (used.user + used.system) / 1000;
}
const oneHot = tf.cast(tf.oneHot(labels, 10), "float32");
const fitPlain = () => plain.fit(plainX, plainY, { epochs: 1, batchSize: 64, verbose: 0 });
const fitConverted = () => ours.tfjs.fit(oursX, oneHot, { epochs: 1, batchSize: 64, verbose: 0 });
const fitOurs = () => ours.fit(oursX, oursY, { epochs: 1, batchSize: 64, verbose: 0 });
const predictMany = async (predict: () => tf.Tensor) => {
  for (let i = 0; i < predictions; i++) {
    const out = predict();
    await out.data();
    out.dispose();
  }
};
const predictPlain = () => predictMany(() => plain.predict(batchPlain) as tf.Tensor);
const predictConverted = () => predictMany(() => ours.tfjs.predict(batchOurs) as tf.Tensor);
const predictOurs = () => predictMany(() => ours.predict(batchOurs));

// warm-up: kernels compiled, buffers allocated
await fitPlain();
await fitConverted();
await fitOurs();
await predictPlain();
await predictConverted();
await predictOurs();

type Arm = "plain" | "converted" | "typed";
const arms: Record<Arm, { fit: () => Promise<unknown>; predict: () => Promise<unknown> }> = {
  plain: { fit: fitPlain, predict: predictPlain },
  converted: { fit: fitConverted, predict: predictConverted },
  typed: { fit: fitOurs, predict: predictOurs },
};
const results = {
  fit: { plain: [], converted: [], typed: [] },
  predict: { plain: [], converted: [], typed: [] },
} as Record<"fit" | "predict", Record<Arm, number[]>>;
const names = Object.keys(arms) as Arm[];
for (let round = 0; round < rounds; round++) {
  const order = names.map((_, i) => names[(i + round) % names.length]!); // rotate who goes first
  for (const arm of order) {
    results.fit[arm].push((await time(arms[arm].fit)) / batches);
    results.predict[arm].push((await time(arms[arm].predict)) / predictions);
  }
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const pct = (a: number, b: number) => `${a >= b ? "+" : ""}${((a / b - 1) * 100).toFixed(1)}%`;
console.log(
  `backend ${backend}; SPEC MNIST network, batch 64; medians of ${rounds} rounds (${opts.cpu ? "CPU " : ""}ms per batch)`,
);
for (const what of ["fit", "predict"] as const) {
  const [p, c, t] = names.map((arm) => median(results[what][arm]));
  console.log(
    `${what === "fit" ? "training step" : "prediction   "}: plain ${p!.toFixed(1)}, converted ${c!.toFixed(1)} (${pct(c!, p!)} vs plain), typed ${t!.toFixed(1)} (wrapper ${pct(t!, c!)}, ${pct(t!, p!)} vs plain)`,
  );
}
