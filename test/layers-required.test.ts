// A required option of a tfjs-vocabulary layer that is missing (from JavaScript or `any`; the compiler refuses it
// itself) is a ShapeError naming it, not a layer with unknown sizes or a TypeError inside the builder.
import assert from "node:assert/strict";
import { test } from "node:test";
import { input, layers, sequential, ShapeError } from "../src/index.ts";

const untyped = layers as unknown as Record<string, (args?: object) => never>;
const cases: [string, object, readonly number[], string][] = [
  ["conv2d", { filters: 8 }, [28, 28, 1], "conv2d({ filters: 8 }): kernelSize is required by TensorFlow.js's conv2d"],
  ["conv1d", { kernelSize: 3 }, [28, 1], "conv1d({ kernelSize: 3 }): filters is required by TensorFlow.js's conv1d"],
  ["dense", {}, [28], "dense(): units is required by TensorFlow.js's dense"],
  [
    "embedding",
    { inputDim: 5 },
    [28],
    "embedding({ inputDim: 5 }): outputDim is required by TensorFlow.js's embedding",
  ],
  ["reshape", {}, [28], "reshape(): targetShape is required by TensorFlow.js's reshape"],
  ["permute", {}, [28, 3], "permute(): dims is required by TensorFlow.js's permute"],
];

for (const [name, args, shape, message] of cases) {
  test(`layers.${name} without a required option: ${message}`, () => {
    assert.throws(
      () => sequential(input(shape as number[]), untyped[name]!(args)),
      (error: unknown) => error instanceof ShapeError && error.message === message,
    );
  });
}
