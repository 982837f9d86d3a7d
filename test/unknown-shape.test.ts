// Issue 13, item 1: layers spread from an array that is not a tuple. The compiler cannot know the
// shapes from the array on (test-d/model/unknown-shape.test-d.ts); the model checks them when it is
// built, with the compiler's messages. Item 6: the runtime twins of the message fixes.
import assert from "node:assert/strict";
import { test } from "node:test";
import { graph, input, nn, sequential, ShapeError, type AnyLayer, type Layer } from "../src/index.ts";
import { explainSequential } from "../src/explain/index.ts";

function shapeError(build: () => unknown): ShapeError {
  try {
    build();
  } catch (error) {
    assert.ok(error instanceof ShapeError, `expected a ShapeError, got ${error}`);
    return error;
  }
  assert.fail("expected a ShapeError");
}

const loop = (n: number): AnyLayer[] => {
  const blocks: AnyLayer[] = [];
  for (let i = 0; i < n; i++) blocks.push(nn.conv2d(8, 8, 3, 1, 1), nn.relu());
  return blocks;
};

test("layers after an array are checked when the model is built", () => {
  const net = sequential(input([3, 32, 32]), nn.conv2d(3, 8, 3, 1, 1), ...loop(2), nn.flatten(), nn.linear(8192, 10));
  assert.deepEqual(net.outputShape, [null, 10]);
  const error = shapeError(() =>
    sequential(input([3, 32, 32]), nn.conv2d(3, 8, 3, 1, 1), ...loop(2), nn.flatten(), nn.linear(8000, 10)),
  );
  assert.equal(
    error.message,
    "linear(8000, 10): inFeatures must equal the last input dimension 8192 (input [number, 8·32·32 = 8192])",
  );
  assert.equal(error.layerIndex, 6);
  // VGG's make_layers(cfg) returning Layer[].
  const makeLayers = (cfg: readonly (number | "M")[]): Layer[] => {
    let channels = 3;
    return cfg.flatMap((c): Layer[] =>
      c === "M" ? [nn.maxPool2d(2)] : [nn.conv2d(channels, (channels = c), 3, 1, 1), nn.relu()],
    );
  };
  const vgg = sequential(input([3, 32, 32]), ...makeLayers([16, "M", 32, "M"]), nn.flatten(), nn.linear(2048, 10));
  assert.deepEqual(vgg.outputShape, [null, 10]);
  assert.equal(
    shapeError(() =>
      sequential(input([3, 32, 32]), ...makeLayers([16, "M", 32, "M"]), nn.flatten(), nn.linear(512, 10)),
    ).message,
    "linear(512, 10): inFeatures must equal the last input dimension 2048 (input [number, 32·8·8 = 2048])",
  );
});

test("residual, concat, pipe and graph over an array", () => {
  assert.equal(
    shapeError(() => sequential(input([8, 16, 16]), nn.residual(...loop(1), nn.conv2d(8, 4, 1)))).message,
    "residual(3 layers): the block's output [number, 4, 16, 16] must equal its input [number, 8, 16, 16] (input [number, 8, 16, 16])",
  );
  assert.equal(
    shapeError(() => sequential(input([8, 16, 16]), nn.residual(...loop(1), nn.conv2d(4, 8, 1)))).message,
    "residual(3 layers), layer 2: conv2d(4, 8, 1): inChannels must equal the input's channel dimension 8 (input [number, 8, 16, 16])",
  );
  const joined = sequential(input([8, 16, 16]), nn.concat(1, loop(1), [nn.relu()]), nn.flatten());
  assert.deepEqual(joined.outputShape, [null, 4096]);
  assert.equal(
    shapeError(() => sequential(input([8, 16, 16]), nn.concat(1, loop(1), [nn.relu()]), nn.flatten(), nn.linear(10, 2)))
      .message,
    "linear(10, 2): inFeatures must equal the last input dimension 4096 (input [number, 16·16·16 = 4096])",
  );
  const x = input([3, 32, 32]);
  assert.equal(
    shapeError(() => x.pipe(nn.conv2d(3, 8, 3, 1, 1), ...loop(1), nn.conv2d(3, 8, 3))).message,
    "conv2d(3, 8, 3): inChannels must equal the input's channel dimension 8 (input [number, 8, 32, 32])",
  );
  const y = x.pipe(nn.conv2d(3, 8, 3, 1, 1), ...loop(1), nn.flatten());
  assert.deepEqual(graph({ inputs: [x], outputs: [y] }).outputShapes, [[null, 8192]]);
});

test("a layer inside a block: its input is printed once", () => {
  const loose = sequential as (...args: unknown[]) => unknown;
  const error = shapeError(() =>
    loose(input([64, 56, 56]), nn.residual(nn.conv2d(64, 64, 3, 1, 1), nn.conv2d(32, 64, 3, 1, 1))),
  );
  assert.equal(
    error.message,
    "residual(2 layers), layer 1: conv2d(32, 64, 3, 1, 1): inChannels must equal the input's channel dimension 64 (input [number, 64, 56, 56])",
  );
  const nested = shapeError(() => loose(input([4, 8, 8]), nn.residual(nn.residual(nn.conv2d(3, 4, 1)))));
  assert.equal(
    nested.message,
    "residual(1 layers), layer 0: residual(1 layers), layer 0: conv2d(3, 4, 1): inChannels must equal the input's channel dimension 4 (input [number, 4, 8, 8])",
  );
});

test("sequential without input(...) says so, as a ShapeError", () => {
  const loose = sequential as (...args: unknown[]) => unknown;
  for (const first of [nn.linear(784, 10), [1, 28, 28], undefined, input([3]).pipe(nn.relu())]) {
    assert.equal(
      shapeError(() => loose(first, nn.relu())).message,
      "sequential's first argument is input(shape), as in sequential(input([1, 28, 28]), nn.conv2d(1, 32, 3))",
    );
  }
});

test("explain: a model with layers from an array", () => {
  const net = sequential(input([3, 32, 32]), nn.conv2d(3, 8, 3, 1, 1), ...loop(1), nn.flatten());
  const model = explainSequential("net", net.inputShape, net.layers);
  assert.deepEqual(model.layers.at(-1)!.output, [null, 8192]);
});

test("pipe after a tensor whose shape the compiler does not know: checked when built", () => {
  const x = input([3, 8, 8]);
  const y = x.pipe(...loop(0), nn.conv2d(3, 8, 3, 1, 1));
  assert.deepEqual(y.pipe(nn.adaptiveAvgPool2d(1), nn.flatten(), nn.linear(8, 3)).shape, [null, 3]);
  assert.equal(
    shapeError(() => y.pipe(nn.adaptiveAvgPool2d(1), nn.flatten(), nn.linear(10, 3))).message,
    "linear(10, 3): inFeatures must equal the last input dimension 8 (input [number, 8·1·1 = 8])",
  );
});

test("a block over an array: the runtime names the count the compiler writes as n", () => {
  const loose = sequential as (...args: unknown[]) => unknown;
  assert.equal(
    shapeError(() => loose(input([3, 8, 8]), nn.residual(nn.flatten(), nn.linear(190, 10), ...loop(1)))).message,
    "residual(4 layers), layer 1: linear(190, 10): inFeatures must equal the last input dimension 192 (input [number, 3·8·8 = 192])",
  );
});
