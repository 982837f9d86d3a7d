// The `layers` vocabulary at run time: the runtime twins give the shapes the types give (test-d/layers/), and each
// mistake throws a ShapeError whose text is the compile-time message pinned in test-d/errors/layers/.
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { describe, test } from "node:test";
import { input, layers, sequential, ShapeError } from "../src/index.ts";

const errorsDir = new URL("../test-d/errors/layers/", import.meta.url);
const evaluate = (expression: string): unknown =>
  new Function("layers", "input", "sequential", `return ${expression};`)(layers, input, sequential);

/**
 * The statements of an error file that must not compile: `export const x = <expression>;` (on one line
 * or several) with `// error: <message>` on one of its lines; the expression without its comments.
 */
function errorStatements(source: string): { line: number; expression: string; message: string }[] {
  const found: { line: number; expression: string; message: string }[] = [];
  let statement: string[] = [];
  let start = 0;
  source.split("\n").forEach((text, index) => {
    if (statement.length === 0) {
      if (!/^export const \w+ = /.test(text)) return;
      start = index + 1;
    }
    statement.push(text);
    if (!/;\s*(\/\/.*)?$/.test(text) || /^\s/.test(text)) return;
    const lines = statement;
    statement = [];
    const comment = lines.map((one) => one.match(/\/\/ error: (.*)$/)).find((match) => match !== null);
    // TypeScript's own messages (`Type '"swishy"' is not assignable …`) have no runtime twin.
    if (!comment || /^(Type|Argument of type) /.test(comment[1]!)) return;
    const code = lines
      .map((one) => one.replace(/\s*\/\/.*$/, ""))
      .join("\n")
      .replace(/^export const \w+ = /, "")
      .replace(/;\s*$/, "");
    found.push({ line: start, expression: code, message: comment[1]!.replace(/^"(.*)"$/, "$1") });
  });
  return found;
}

/** Builds from JavaScript (no compile-time check): the runtime must catch what the types catch. */
const loose = layers as unknown as Record<string, (args?: unknown) => never>;
const model = (example: (number | null | string)[], ...chain: unknown[]) =>
  sequential(input(example as never), ...(chain as never[])) as unknown as {
    outputShape: unknown[];
    trace: unknown[][];
  };
const throws = (build: () => unknown, message: string) =>
  assert.throws(build, (error: unknown) => error instanceof ShapeError && error.message === message);

describe("shapes", () => {
  test("Keras's MNIST convnet: flatten 1600, output [null, 10]", () => {
    const net = sequential(
      input([28, 28, 1]),
      layers.conv2d({ filters: 32, kernelSize: 3, activation: "relu" }),
      layers.maxPooling2d({ poolSize: 2 }),
      layers.conv2d({ filters: 64, kernelSize: 3, activation: "relu" }),
      layers.maxPooling2d({ poolSize: 2 }),
      layers.flatten(),
      layers.dropout({ rate: 0.5 }),
      layers.dense({ units: 10, activation: "softmax" }),
    );
    assert.deepEqual(net.trace, [
      [null, 26, 26, 32],
      [null, 13, 13, 32],
      [null, 11, 11, 64],
      [null, 5, 5, 64],
      [null, 1600],
      [null, 1600],
      [null, 10],
    ]);
    assert.deepEqual(net.outputShape, [null, 10]);
    const [conv] = net.layers;
    assert.equal(conv.kind, "Conv2D");
    assert.equal(conv.written, "conv2d({ filters: 32, kernelSize: 3 })");
    assert.deepEqual(conv.args, { filters: 32, kernelSize: 3, activation: "relu" });
    assert.equal(conv.padding, "valid");
  });

  test("the same shapes as test-d/layers/", () => {
    const cases: [unknown[], unknown, unknown[]][] = [
      [[28, 27, 3], layers.conv2d({ filters: 8, kernelSize: 5, strides: 2, padding: "same" }), [null, 14, 14, 8]],
      [[32, 20, 3], layers.conv2d({ filters: 4, kernelSize: [5, 3], strides: [1, 3] }), [null, 28, 6, 4]],
      [[3, 32, 16], layers.conv2d({ filters: 6, kernelSize: 5, dataFormat: "channelsFirst" }), [null, 6, 28, 12]],
      [
        ["height", "width", 3],
        layers.conv2d({ filters: 4, kernelSize: 3, padding: "same" }),
        [null, "height", "width", 4],
      ],
      [[100, 8], layers.conv1d({ filters: 16, kernelSize: [7], padding: "same", dilationRate: 3 }), [null, 100, 16]],
      [[13, 10, 8], layers.averagePooling2d({ poolSize: [3, 2], strides: [2, 3], padding: "same" }), [null, 7, 4, 8]],
      [[null, 12, 3], layers.maxPooling2d({ poolSize: 4 }), [null, null, 3, 3]],
      [[10, 8], layers.maxPooling1d({ poolSize: 3 }), [null, 3, 8]],
      [[512, 7, 7], layers.globalMaxPooling2d({ dataFormat: "channelsFirst" }), [null, 512]],
      [["seq", 64], layers.dense({ units: 32 }), [null, "seq", 32]],
      [[7, 7, 64], layers.reshape({ targetShape: [-1, 64] }), [null, 49, 64]],
      [[null, 64], layers.reshape({ targetShape: [-1, 8, 8] }), [null, null, 8, 8]],
      [["h", 32, 3], layers.permute({ dims: [3, 1, 2] }), [null, 3, "h", 32]],
      [[4, 5], layers.embedding({ inputDim: 10, outputDim: 3 }), [null, 4, 5, 3]],
      [[4, "w"], layers.embedding({ inputDim: 10, outputDim: 3, inputLength: [4, 5] }), [null, 4, 5, 3]],
      [[32, "h", "w"], layers.batchNormalization({ axis: 1 }), [null, 32, "h", "w"]],
      [
        [4, 5, 2],
        layers.zeroPadding2d({
          padding: [
            [1, 2],
            [0, 3],
          ],
        }),
        [null, 7, 8, 2],
      ],
      [[3, null, 10], layers.zeroPadding2d({ padding: 3, dataFormat: "channelsFirst" }), [null, 3, null, 16]],
      [[4, 5, 2], layers.upSampling2d({ size: [2, 3] }), [null, 8, 15, 2]],
      [["seq", 16], layers.activation({ activation: "softmax" }), [null, "seq", 16]],
    ];
    for (const [example, layer, expected] of cases)
      assert.deepEqual(model(example as never, layer).outputShape, expected);
  });
});

describe("messages: every error of test-d/errors/layers/ is the runtime's ShapeError text", () => {
  // Each statement there with a `// error: <message>` comment (one line, or several: the comment on the
  // offending line) is evaluated from JavaScript (no compile-time check) and must throw that message.
  for (const name of readdirSync(errorsDir)
    .filter((file) => file.endsWith(".ts"))
    .sort()) {
    test(name, () => {
      const cases = errorStatements(readFileSync(new URL(name, errorsDir), "utf8"));
      assert.ok(cases.length > 0, `${name}: no error statements`);
      for (const { line, expression, message } of cases) {
        assert.throws(
          () => evaluate(expression),
          (error: unknown) => {
            assert.ok(error instanceof ShapeError, `${name}:${line}: ${expression} threw ${String(error)}`);
            // The pinned text is what the compiler's message must contain (scripts/type-tests.mjs), so the
            // runtime's starts with it: most pins are whole; some leave out the input the walker appends.
            assert.ok(
              error.message.startsWith(message),
              `${name}:${line}: ${expression}\n  runtime:  ${error.message}\n  compiler: ${message}`,
            );
            return true;
          },
          `${name}:${line}: ${expression} does not throw`,
        );
      }
    });
  }
});

describe("messages the compiler cannot give", () => {
  test("dimensions unknown to everyone are checked when the model is built", () => {
    // The compiler sees `number` (a value it does not know); here it is unknown at run time too.
    throws(
      () => model([8, 8, null], loose.conv2d!({ filters: 4, kernelSize: 3 })),
      "conv2d({ filters: 4, kernelSize: 3 }): the channel dimension (axis 3) must be known: TensorFlow.js sizes the kernel from it (input [number, 8, 8, number])",
    );
    throws(
      () => model([8, null], loose.dense!({ units: 4 })),
      "dense({ units: 4 }): the last input dimension must be known: TensorFlow.js sizes the kernel from it (input [number, 8, number])",
    );
    throws(
      () => model([null, 4], loose.flatten!()),
      "flatten(): dimension 1 must be known: TensorFlow.js flattens only fully known shapes (input [number, number, 4])",
    );
    throws(
      () => model([4, null], loose.batchNormalization!()),
      "batchNormalization(): dimension 2 (the axis) must be known: TensorFlow.js sizes gamma and beta from it (input [number, 4, number])",
    );
  });

  test("values JavaScript can pass and TypeScript cannot", () => {
    throws(
      () => loose.conv2d!({ filters: 8, kernelSize: 3, padding: "full" }),
      "conv2d({ filters: 8, kernelSize: 3, padding: 'full' }): padding must be 'valid' or 'same'",
    );
    throws(
      () => loose.maxPooling2d!({ dataFormat: "nhwc" }),
      "maxPooling2d({ dataFormat: 'nhwc' }): dataFormat must be 'channelsLast' or 'channelsFirst'",
    );
    throws(
      () => loose.zeroPadding2d!({ padding: [1, 2, 3] }),
      "zeroPadding2d({ padding: [1, 2, 3] }): padding must be a number, [rows, cols] or [[top, bottom], [left, right]]",
    );
    throws(
      () => loose.upSampling2d!({ interpolation: "cubic" }),
      "upSampling2d(): interpolation must be 'nearest' or 'bilinear'",
    );
    throws(
      () => loose.activation!({ activation: "swishy" }),
      "activation({ activation: 'swishy' }): TensorFlow.js has no activation 'swishy'",
    );
    throws(
      () => loose.dense!({ units: 4, activation: "swishy" }),
      "dense({ units: 4 }): TensorFlow.js has no activation 'swishy'",
    );
  });
});
