// Issue 13, items 2, 3 and 6 at run time: PyTorch's call styles give PyTorch's shapes (as test-d/nn/options.test-d.ts
// gives them at compile time), and the mistakes pinned in test-d/errors/layers/options.ts throw the same text
// (those of test-d/errors/nn/options.ts are evaluated by test/nn-errors.test.ts).
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, test } from "node:test";
import { input, layers, nn, sequential, ShapeError } from "../src/index.ts";

const shapeOf = (build: () => unknown) => (build() as { outputShape: unknown }).outputShape;

describe("PyTorch's call styles: positionals, then an options object", () => {
  test("DCGAN: conv2d(3, 64, 4, 2, 1, { bias: false }) keeps stride and padding, and the bias option", () => {
    assert.deepEqual(
      shapeOf(() =>
        sequential(
          input([3, 64, 64]),
          nn.conv2d(3, 64, 4, 2, 1, { bias: false }),
          nn.leakyRelu(0.2, true),
          nn.conv2d(64, 128, 4, 2, { padding: 1, bias: false }),
        ),
      ),
      [null, 128, 16, 16],
    );
    const conv = nn.conv2d(3, 64, 4, 2, 1, { bias: false }) as unknown as Record<string, unknown>;
    assert.deepEqual([conv.stride, conv.padding, conv.bias, conv.written], [2, 1, false, "conv2d(3, 64, 4, 2, 1)"]);
  });
  test("convTranspose2d: positionals then options (no more [object Object])", () => {
    assert.deepEqual(
      shapeOf(() =>
        sequential(
          input([64, 8, 8]),
          nn.convTranspose2d(64, 32, 4, 2, 1, { bias: false }),
          nn.convTranspose2d(32, 16, 3, 2, 1, 1, { bias: false }),
          nn.convTranspose2d(16, 8, 3, { stride: 2, padding: 1, outputPadding: 1 }),
        ),
      ),
      [null, 8, 64, 64],
    );
    const layer = nn.convTranspose2d(64, 32, 4, 2, 1, { bias: false }) as unknown as Record<string, unknown>;
    assert.deepEqual([layer.written, layer.bias], ["convTranspose2d(64, 32, 4, 2, 1)", false]);
  });
  test("pools: ceilMode as PyTorch's, after positionals or in the options", () => {
    assert.deepEqual(
      shapeOf(() => sequential(input([8, 32, 32]), nn.maxPool2d(3, { stride: 2, padding: 1, ceilMode: true }))),
      [null, 8, 17, 17],
    );
    assert.deepEqual(
      shapeOf(() =>
        sequential(
          input([8, 32, 32]),
          nn.maxPool2d(3, 2, 1, { ceilMode: true }),
          nn.maxPool2d(3, 2, { padding: 1 }),
          nn.avgPool2d(2, 2, 0, { ceilMode: true }),
        ),
      ),
      [null, 8, 5, 5],
    );
  });
  test("recurrent layers and attention: numLayers positionally, batchFirst: true accepted", () => {
    assert.deepEqual(
      shapeOf(() =>
        sequential(
          input([12, 10]),
          nn.lstm(10, 20, 2, { batchFirst: true }),
          nn.gru(20, 8, { bidirectional: true, batchFirst: true }),
          nn.multiheadAttention(16, 4, { batchFirst: true }),
        ),
      ),
      [null, 12, 16],
    );
    assert.equal((nn.lstm(10, 20, 2) as unknown as { numLayers: number }).numLayers, 2);
  });
  test("inplace accepted; dropout's p positionally or as an option; linear's bias true", () => {
    assert.deepEqual(
      shapeOf(() =>
        sequential(
          input([10]),
          nn.relu(true),
          nn.relu({ inplace: true }),
          nn.leakyRelu({ negativeSlope: 0.1 }),
          nn.dropout(0.2, true),
          nn.dropout({ p: 0.3 }),
          nn.linear(10, 5, true),
          nn.linear(5, 3, { bias: true }),
        ),
      ),
      [null, 3],
    );
    assert.equal((nn.dropout({ p: 0.3 }) as unknown as { p: number }).p, 0.3);
    assert.equal((nn.leakyRelu({ negativeSlope: 0.1 }) as unknown as { negativeSlope: number }).negativeSlope, 0.1);
  });
});

describe("layers: the runtime message equals the compile-time message (test-d/errors/layers/options.ts)", () => {
  const lines = readFileSync(new URL("../test-d/errors/layers/options.ts", import.meta.url), "utf8").split("\n");
  for (const line of lines) {
    const match = line.match(/^export const (\w+) = (.*); \/\/ error: (.*)$/);
    if (!match) continue;
    const [, name, expression, message] = match as unknown as [string, string, string, string];
    test(name, () => {
      assert.throws(
        () => new Function("layers", "input", "sequential", `return ${expression};`)(layers, input, sequential),
        (error: unknown) => error instanceof ShapeError && error.message === message,
      );
    });
  }
  test("an inputShape that agrees is accepted", () => {
    assert.deepEqual(
      shapeOf(() =>
        sequential(
          input([28, 28, 1]),
          layers.conv2d({ filters: 8, kernelSize: 3, inputShape: [28, 28, 1] }),
          layers.flatten(),
          layers.dense({ units: 10, inputShape: [5408] }),
        ),
      ),
      [null, 10],
    );
  });
});
