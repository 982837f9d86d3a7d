// Runtime twins of the model checks: the same shapes and the same messages as the compiler's
// (the texts below are the ones test-d/errors/model/*.ts pins for the compiler).
import assert from "node:assert/strict";
import { test } from "node:test";
import { graph, input, nn, ops, sequential, ShapeError } from "../src/index.ts";

const specLayers = () =>
  [
    nn.conv2d(1, 32, 3, 1),
    nn.relu(),
    nn.conv2d(32, 64, 3, 1),
    nn.relu(),
    nn.maxPool2d(2),
    nn.dropout(0.25),
    nn.flatten(),
    nn.linear(9216, 128),
    nn.relu(),
    nn.dropout(0.5),
    nn.linear(128, 10),
    nn.logSoftmax(1),
  ] as const;

/** Builds a sequential from JavaScript (no compile-time check) and returns its ShapeError. */
function shapeError(build: () => unknown): ShapeError {
  try {
    build();
  } catch (error) {
    assert.ok(error instanceof ShapeError, `expected a ShapeError, got ${error}`);
    return error;
  }
  assert.fail("expected a ShapeError");
}
const loose = sequential as (...args: unknown[]) => unknown;

test("the SPEC network's shapes at run time", () => {
  const net = sequential(input([1, 28, 28]), ...specLayers());
  assert.deepEqual(net.outputShape, [null, 10]);
  assert.deepEqual(net.inputShape, [null, 1, 28, 28]);
  assert.deepEqual(net.trace, [
    [null, 32, 26, 26],
    [null, 32, 26, 26],
    [null, 64, 24, 24],
    [null, 64, 24, 24],
    [null, 64, 12, 12],
    [null, 64, 12, 12],
    [null, 9216],
    [null, 128],
    [null, 128],
    [null, 128],
    [null, 10],
    [null, 10],
  ]);
});

test("a wrong layer from JavaScript throws the compiler's message, naming the layer's index", () => {
  const layers: unknown[] = [...specLayers()];
  layers[7] = nn.linear(9000, 128);
  const error = shapeError(() => loose(input([1, 28, 28]), ...layers));
  assert.equal(
    error.message,
    "linear(9000, 128): inFeatures must equal the last input dimension 9216 (input [number, 64·12·12 = 9216])",
  );
  assert.equal(error.layerIndex, 7);
});

test("a builder passed uncalled is not a layer, at run time as at compile time", () => {
  const error = shapeError(() => loose(input([10]), nn.linear(10, 5), nn.relu));
  assert.equal(error.message, "not a layer: a layer is what a builder returns, as in nn.relu()");
  assert.equal(error.layerIndex, 1);
  const piped = shapeError(() => (input([10]).pipe as (...layers: unknown[]) => unknown)(nn.linear(10, 5), nn.relu));
  assert.equal(piped.message, "not a layer: a layer is what a builder returns, as in nn.relu()");
});

test("runtime messages equal the compile-time ones", () => {
  const cases: [() => unknown, string][] = [
    [
      () => loose(input([1, 28, 28]), nn.conv2d(1, 32, 3, 1), nn.conv2d(16, 64, 3, 1)),
      "conv2d(16, 64, 3): inChannels must equal the input's channel dimension 32 (input [number, 32, 26, 26])",
    ],
    [
      () => loose(input([1, 28, 28]), nn.conv2d(1, 8, 5, 2), nn.conv2d(8, 8, 13)),
      "conv2d(8, 8, 13): the kernel (extent 13) is larger than the padded input (12) in input dimension 2 (input [number, 8, 12, 12])",
    ],
    [
      () => loose(input([784]), nn.conv2d(1, 8, 3)),
      "conv2d(1, 8, 3): expects an input [batch, channels, height, width] (rank 4), got rank 2 (input [number, 784])",
    ],
    [
      () => loose(input([10]), nn.softmax(2)),
      "softmax(2): dim 2 is out of range for an input of rank 2 (expected -2 to 1) (input [number, 10])",
    ],
    [() => input([1, 0, 28] as number[]), "input: dimension 0 must be a positive integer, null (unknown) or a name"],
    [() => nn.conv2d(1, 8, 0 as number), "conv2d(1, 8, 0): kernelSize must be a positive integer, not 0"],
    [() => nn.conv2d(1, -8 as number, 3), "conv2d(1, -8, 3): outChannels must be a positive integer, not -8"],
    [
      () => nn.conv2d(1, 8, [3, 3, 3] as number[]),
      "conv2d(1, 8, [3, 3, 3]): kernelSize must be a number or a tuple of 2, not a tuple of 3",
    ],
    [
      () => nn.conv2d(6, 8, 3, { groups: 4 as number }),
      "conv2d(6, 8, 3, { groups: 4 }): groups (4) must divide inChannels (6) and outChannels (8)",
    ],
    [
      () => nn.conv2d(3, 8, 3, { stride: 2 as number, padding: "same" }),
      "conv2d(3, 8, 3, 2, 'same'): padding 'same' is not supported for strided convolutions (PyTorch)",
    ],
    [() => nn.linear(1.5 as number, 10), "linear(1.5, 10): inFeatures must be a positive integer, not 1.5"],
  ];
  for (const [build, message] of cases) assert.equal(shapeError(build).message, message);
});

test("an unknown size flows through and is checked once data gives it a value", () => {
  const net = sequential(input([3, null, null]), nn.conv2d(3, 16, 3, 1, 1), nn.maxPool2d(2), nn.conv2d(16, 4, 1));
  assert.deepEqual(net.outputShape, [null, 4, null, null]);
  const flattened = sequential(input([3, null, null]), nn.conv2d(3, 16, 3), nn.flatten(), nn.linear(100, 10));
  assert.deepEqual(flattened.outputShape, [null, 10]);
  const error = shapeError(() =>
    sequential(input([3, 12, 12]), nn.conv2d(3, 16, 3), nn.flatten(), nn.linear(100 as number, 10)),
  );
  assert.equal(
    error.message,
    "linear(100, 10): inFeatures must equal the last input dimension 1600 (input [number, 16·10·10 = 1600])",
  );
});

test("named dimensions flow through", () => {
  const net = sequential(input(["seq", 512], { batch: "batch" }), nn.linear(512, 64), nn.softmax(-1));
  assert.deepEqual(net.outputShape, ["batch", "seq", 64]);
});

test("residual with arguments the compiler refuses: a ShapeError, never a crash", () => {
  const residual = nn.residual as unknown as (...args: unknown[]) => unknown;
  const projection =
    "residual: the options object's projection must be an array of layers, as in nn.residual({ projection: [nn.conv2d(64, 128, 1, 2)] }, ...layers)";
  assert.equal(shapeError(() => residual({}, nn.relu())).message, projection);
  assert.equal(shapeError(() => residual({ projection: 3 }, nn.relu())).message, projection);
  for (const args of [[1, 2], ["x"], [null], [[nn.relu()], 3], [nn.relu, nn.relu()]])
    assert.match(
      shapeError(() => loose(input([4]), residual(...args))).message,
      /^residual\(\d layers\), layer 0: not a layer: a layer is what a builder returns, as in nn\.relu\(\)/,
    );
});

test("residual and concat blocks", () => {
  const net = sequential(
    input([64, 56, 56]),
    nn.residual(nn.conv2d(64, 64, 3, 1, 1), nn.relu(), nn.conv2d(64, 64, 3, 1, 1)),
    nn.residual(
      { projection: [nn.conv2d(64, 128, 1, 2)] },
      nn.conv2d(64, 128, 3, 2, 1),
      nn.relu(),
      nn.conv2d(128, 128, 3, 1, 1),
    ),
    nn.concat(1, [nn.conv2d(128, 32, 1)], [nn.conv2d(128, 64, 3, 1, 1)], [nn.maxPool2d(3, 1, 1)]),
  );
  assert.deepEqual(net.outputShape, [null, 224, 28, 28]);
  assert.equal(
    shapeError(() =>
      loose(input([64, 56, 56]), nn.residual(nn.conv2d(64, 64, 3, 1, 1), nn.relu(), nn.conv2d(64, 64, 3, 2, 1))),
    ).message,
    "residual(3 layers): the block's output [number, 64, 28, 28] must equal its input [number, 64, 56, 56] (input [number, 64, 56, 56])",
  );
  assert.equal(
    shapeError(() =>
      loose(input([64, 56, 56]), nn.residual(nn.conv2d(64, 64, 3, 1, 1), nn.relu(), nn.conv2d(32, 64, 3, 1, 1))),
    ).message,
    "residual(3 layers), layer 2: conv2d(32, 64, 3, 1, 1): inChannels must equal the input's channel dimension 64 (input [number, 64, 56, 56])",
  );
  assert.equal(
    shapeError(() => loose(input([64, 56, 56]), nn.concat(1, [nn.conv2d(64, 32, 1)], [nn.conv2d(64, 64, 3)]))).message,
    "concat(1, 2 branches): [number, 32, 56, 56] and [number, 64, 54, 54] can only be joined along dimension 1 if every other dimension is equal: dimension 2 is 56 and 54 (input [number, 64, 56, 56])",
  );
});

test("the functional API: pipe, joins, shared layers, graph", () => {
  const x = input([3, 64, 64]);
  const down = x.pipe(nn.conv2d(3, 16, 3, 1, 1), nn.relu());
  const deeper = down.pipe(nn.maxPool2d(2), nn.conv2d(16, 32, 3, 1, 1));
  assert.deepEqual(ops.add(down, down.pipe(nn.conv2d(16, 16, 3, 1, 1))).shape, [null, 16, 64, 64]);
  assert.deepEqual(ops.cat([down, down.pipe(nn.conv2d(16, 8, 1))], 1).shape, [null, 24, 64, 64]);
  const looseAdd = ops.add as (a: unknown, b: unknown) => unknown;
  assert.equal(
    shapeError(() => looseAdd(down, deeper)).message,
    "add: [number, 16, 64, 64] and [number, 32, 32, 32] do not broadcast: dimension -1 is 64 in the first and 32 in the second (sizes must be equal, or one of them 1)",
  );
  const q = input(["seq", 64], { batch: "batch" });
  const k = input([64, "seq"], { batch: "batch" });
  assert.deepEqual(ops.matmul(q, k).shape, ["batch", "seq", "seq"]);
  const shared = nn.linear(64, 64);
  assert.deepEqual(q.pipe(shared).pipe(shared).shape, ["batch", "seq", 64]);
  const model = graph({ inputs: [x], outputs: [deeper, down] });
  assert.deepEqual(model.outputShapes, [
    [null, 32, 32, 32],
    [null, 16, 64, 64],
  ]);
  assert.equal(
    shapeError(() => graph({ inputs: [q], outputs: [deeper] })).message,
    "graph: output 0 depends on an input that is not in inputs",
  );
});
