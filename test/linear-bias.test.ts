// nn.linear(in, out, { bias: false }) and nn.linear(in, out, false): PyTorch's Linear(bias=False) —
// no bias parameter in the TensorFlow.js model (stateDict has no `N.bias`), y = x·Wᵀ exactly, the
// exports write bias=False; anything but a boolean is refused with the compile-time text.
import assert from "node:assert/strict";
import { test } from "node:test";
import * as tf from "@tensorflow/tfjs-core";
import { input, nn, sequential, ShapeError } from "../src/index.ts";
import { build, ready } from "../src/tfjs.ts";
import { toPyTorch } from "../src/pytorch.ts";

const net = () =>
  sequential(input([3, 4]), nn.linear(4, 6, { bias: false }), nn.relu(), nn.linear(6, 5, false), nn.linear(5, 2));

test("bias: false builds a linear without bias: stateDict keys and shapes, output shape", async () => {
  await ready();
  const model = build(net());
  const shapes = Object.fromEntries(Object.entries(model.stateDict()).map(([key, value]) => [key, value.shape]));
  assert.deepEqual(shapes, { "0.weight": [6, 4], "2.weight": [5, 6], "3.weight": [2, 5], "3.bias": [2] });
  assert.deepEqual((model.predict(tf.ones([2, 3, 4])) as tf.Tensor).shape, [2, 3, 2]);
  model.dispose();
});

test("a linear without bias computes x·Wᵀ (zero in, zero out; the weights loaded as PyTorch's)", async () => {
  await ready();
  const model = build(sequential(input([3]), nn.linear(3, 2, false)));
  assert.deepEqual([...(model.predict(tf.zeros([1, 3])) as tf.Tensor).dataSync()], [0, 0]);
  model.loadStateDict({
    "0.weight": tf.tensor([
      [1, 2, 3],
      [4, 5, 6],
    ]),
  });
  assert.deepEqual([...(model.predict(tf.tensor([[1, 1, 2]])) as tf.Tensor).dataSync()], [9, 21]);
  assert.throws(() => model.loadStateDict({ "0.weight": tf.zeros([2, 3]), "0.bias": tf.zeros([2]) }), {
    message: /unexpected keys "0.bias"/,
  });
  model.dispose();
});

test("the config keeps bias; the PyTorch export writes bias=False only where it is false", () => {
  const written = toPyTorch(net(), { name: "Net" });
  assert.match(written, /nn\.Linear\(4, 6, bias=False\)/);
  assert.match(written, /nn\.Linear\(6, 5, bias=False\)/);
  assert.match(written, /nn\.Linear\(5, 2\)/);
  assert.equal((nn.linear(4, 6) as unknown as { bias: boolean }).bias, true);
  assert.equal((nn.linear(4, 6, true) as unknown as { bias: boolean }).bias, true);
  assert.equal((nn.linear(4, 6, { bias: false }) as unknown as { bias: boolean }).bias, false);
});

test("a bias that is not a boolean is refused with the compile-time text", () => {
  const refuse = (make: () => unknown, message: string) =>
    assert.throws(make, (error: unknown) => error instanceof ShapeError && error.message === message);
  // @ts-expect-error bias must be a boolean
  refuse(() => nn.linear(10, 5, { bias: 1 }), "linear(10, 5): bias must be true or false");
  // @ts-expect-error bias must be a boolean
  refuse(() => nn.linear(10, 5, "no"), "linear(10, 5): bias must be true or false");
  const unknownKey = "linear(10, 5): use_bias is not an option of nn.linear; did you mean `bias`?";
  // @ts-expect-error use_bias is not an option
  refuse(() => nn.linear(10, 5, { use_bias: false }), unknownKey);
});
