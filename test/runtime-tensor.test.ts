// Data entering untyped is checked against the shape expected, with the compiler's message, before
// TensorFlow.js sees it.
import assert from "node:assert/strict";
import { before, test } from "node:test";
import * as tf from "@tensorflow/tfjs-core";
import { ShapeError } from "../src/index.ts";
import { ready, tensor, writeTensorShapeMessage } from "../src/tfjs.ts";
import { checkShape, fits } from "../src/runtime/tensor.ts";

before(async () => {
  await ready();
});

test("the message type and function write the same text", () => {
  const text: writeTensorShapeMessage<"predict", "[number, 1, 28, 28]", "[2, 784]"> =
    "predict: expected a tensor of shape [number, 1, 28, 28], got [2, 784]";
  assert.equal(writeTensorShapeMessage("predict", "[number, 1, 28, 28]", "[2, 784]"), text);
});

test("unknown and named dimensions fit any size; known ones and the rank must match", () => {
  assert.ok(fits([null, 1, 28, 28], [64, 1, 28, 28]));
  assert.ok(fits(["batch", 512], [3, 512]));
  assert.ok(!fits([null, 1, 28, 28], [64, 28, 28, 1]));
  assert.ok(!fits([null, 10], [64, 10, 1]));
  assert.throws(() => checkShape("predict", [null, 1, 28, 28], [64, 784]), {
    name: "ShapeError",
    message: "predict: expected a tensor of shape [number, 1, 28, 28], got [64, 784]",
  });
});

test("tensor() keeps a tfjs tensor of the right shape and refuses another", () => {
  const x = tf.zeros([2, 1, 28, 28]);
  assert.equal(tensor(x, [null, 1, 28, 28]), x);
  assert.throws(
    () => tensor(tf.zeros([2, 784]), [null, 1, 28, 28]),
    (error: unknown) =>
      error instanceof ShapeError &&
      error.message === "tensor: expected a tensor of shape [number, 1, 28, 28], got [2, 784]",
  );
});

test("tensor() shapes a flat array, inferring one unknown dimension", () => {
  const x = tensor(new Float32Array(3 * 784), [null, 1, 28, 28]);
  assert.deepEqual(x.shape, [3, 1, 28, 28]);
  assert.deepEqual(tensor([1, 2, 3, 4, 5, 6], [2, 3]).arraySync(), [
    [1, 2, 3],
    [4, 5, 6],
  ]);
  assert.equal(tensor(new Int32Array([1, 2]), [null], "int32").dtype, "int32");
  assert.throws(() => tensor(new Float32Array(785), [null, 1, 28, 28]), {
    message: "tensor: expected a tensor of shape [number, 1, 28, 28], got a flat array of 785 numbers",
  });
  assert.throws(() => tensor([1, 2, 3], [2, 2]), {
    message: "tensor: expected a tensor of shape [2, 2], got a flat array of 3 numbers",
  });
});

test("tensor() takes nested arrays as they are shaped", () => {
  assert.deepEqual(
    tensor(
      [
        [1, 2],
        [3, 4],
      ],
      [null, 2],
    ).shape,
    [2, 2],
  );
  assert.throws(() => tensor([[1, 2, 3]], [null, 2]), {
    message: "tensor: expected a tensor of shape [number, 2], got [1, 3]",
  });
  assert.throws(
    () => tensor([[1, 2], [3]], [null, 2]),
    (error: unknown) =>
      error instanceof ShapeError && error.message.startsWith("tensor: the array is not a tensor of shape [number, 2]"),
  );
});
