// The runtime twins compute what the types compute: every model of test-d/nn/*.test-d.ts asserted as
//   const name = sequential(...);
//   expectType<TypeEqual<OutputShape<typeof name>, [number, 64, "seq"]>>(true);
// has that output shape at run time (`number`, unknown, is `null`). Plus what only the runtime can check.
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { describe, test } from "node:test";
import { input, nn, sequential, ShapeError } from "../src/index.ts";

const dir = new URL("../test-d/nn/", import.meta.url);
const evaluate = (expression: string): { outputShape: unknown } =>
  new Function("nn", "input", "sequential", `return ${expression};`)(nn, input, sequential);
/** A type-level shape written as a tuple type, at run time: `[number, 64, "seq"]` → `[null, 64, "seq"]`. */
const runtimeShape = (tuple: string): unknown => JSON.parse(tuple.replace(/\bnumber\b/g, "null"));

describe("nn: runtime shapes equal the type tests' shapes", () => {
  for (const name of readdirSync(dir)
    .filter((file) => file.endsWith(".test-d.ts"))
    .sort()) {
    test(name, () => {
      // One statement a line, whatever line breaks the formatter put inside it.
      const source = readFileSync(new URL(name, dir), "utf8")
        .split(/;[ \t]*(?:\/\/[^\n]*)?\n/)
        .map(
          (statement) =>
            `${statement
              .replace(/\/\/[^\n]*\n/g, "")
              .replace(/\s*\n\s*/g, " ")
              .trim()};`,
        )
        .join("\n");
      const models = new Map<string, string>();
      for (const [, model, expression] of source.matchAll(/^const (\w+) = (sequential\(.*\));$/gm))
        models.set(model!, expression!);
      let checked = 0;
      for (const [, model, tuple] of source.matchAll(
        /^expectType<TypeEqual<OutputShape<typeof (\w+)>, (\[.*\])>>\(true\);$/gm,
      )) {
        const expression = models.get(model!);
        if (expression === undefined) continue;
        if (/\b(bidirectional)\b(?!:)/.test(expression)) continue; // a declared-only value (types alone)
        const actual = evaluate(expression).outputShape as unknown[];
        const expected = runtimeShape(tuple!) as unknown[];
        // A size the compiler leaves unknown (`number`) that the runtime knows: upsample by a decimal factor whose
        // double product may fall below an integer (the type says `number`; the runtime computes PyTorch's size).
        // Only past the batch, and only where the runtime gives a number.
        const known = expected.map((dim, i) =>
          dim === null && i > 0 && typeof actual[i] === "number" ? actual[i] : dim,
        );
        assert.deepEqual(actual, known, `${name}: ${model} = ${expression}`);
        checked += 1;
      }
      assert.ok(checked >= 3, `${name}: only ${checked} models checked`);
    });
  }
});

/** The message of the ShapeError `run` throws. */
function messageOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof ShapeError) return error.message;
    throw error;
  }
  throw new Error("no ShapeError");
}
// Values the compiler does not know (from JavaScript, from `any`, from data): checked when the model is built.
const unknown = <Value>(value: Value): any => value;
const js: any = { nn, input, sequential };

describe("nn: what only the runtime checks", () => {
  test("shapes the compiler does not see (JavaScript, `any`, data) get the compile-time message when the model is built", () => {
    assert.equal(
      messageOf(() => js.sequential(js.input([8, 6]), js.nn.batchNorm1d(12))),
      "batchNorm1d(12): numFeatures must equal the input's channel dimension 8 (input [number, 8, 6])",
    );
    assert.equal(
      messageOf(() => js.sequential(js.input([10, 256]), js.nn.multiheadAttention(512, 8))),
      "multiheadAttention(512, 8): embedDim must equal the last input dimension 256 (input [number, 10, 256])",
    );
    assert.equal(
      messageOf(() => js.sequential(js.input([12, 30]), js.nn.gru(300, 8))),
      "gru(300, 8): inputSize must equal the last input dimension 30 (input [number, 12, 30])",
    );
    assert.equal(
      messageOf(() => js.sequential(js.input([10, 7]), js.nn.unflatten(1, [3, -1]))),
      "unflatten(1, [3, -1]): the size 10 of input dimension 1 is not divisible by 3, the product of the sizes other than -1 (input [number, 10, 7])",
    );
    assert.equal(
      messageOf(() => js.sequential(js.input([10, 7]), js.nn.layerNorm(8))),
      "layerNorm(8): normalizedShape must equal the last input dimension 7 (input [number, 10, 7])",
    );
    assert.equal(
      messageOf(() => js.sequential(js.input([3, 1, 1]), js.nn.convTranspose2d(3, 1, 1, 1, 1))),
      "convTranspose2d(3, 1, 1, 1, 1): the output size in input dimension 2 would be -1; (L − 1)·stride − 2·padding + dilation·(kernel − 1) + outputPadding + 1 must be at least 1 (input [number, 3, 1, 1])",
    );
  });

  test("arguments the compiler does not know are checked when the layer is built", () => {
    assert.equal(
      messageOf(() => nn.multiheadAttention(unknown(20), unknown(6))),
      "multiheadAttention(20, 6): numHeads (6) must divide embedDim (20)",
    );
    assert.equal(
      messageOf(() => nn.convTranspose2d(4, 4, 3, unknown({ stride: 2, outputPadding: 2 }))),
      "convTranspose2d(4, 4, 3, 2, 0, 2): outputPadding (2) must be smaller than either stride (2) or dilation (1)",
    );
    assert.equal(
      messageOf(() => nn.unflatten(1, unknown([-1, 2, -1]))),
      "unflatten(1, [-1, 2, -1]): only one size can be -1 (inferred)",
    );
    assert.equal(
      messageOf(() => nn.lstm(8, 8, unknown({ projSize: 9 }))),
      "lstm(8, 8, { projSize: 9 }): projSize (9) must be smaller than hiddenSize (8)",
    );
    assert.equal(
      messageOf(() => nn.embedding(5, 2, unknown({ paddingIdx: 5 }))),
      "embedding(5, 2): paddingIdx (5) must be an index of the table, from -5 to 4",
    );
    assert.equal(
      messageOf(() => nn.adaptiveAvgPool2d(unknown([1, 2, 3]))),
      "adaptiveAvgPool2d([1, 2, 3]): outputSize must be a number or a tuple of 2, not a tuple of 3",
    );
    assert.equal(
      messageOf(() => nn.layerNorm(unknown([]))),
      "layerNorm([]): normalizedShape must hold at least one size",
    );
  });

  test("layers carry their configuration in PyTorch's camelCase, with PyTorch's defaults", () => {
    assert.deepEqual(
      (({
        kind,
        written,
        inChannels,
        outChannels,
        kernelSize,
        stride,
        padding,
        outputPadding,
        dilation,
        groups,
        bias,
      }) => ({
        kind,
        written,
        inChannels,
        outChannels,
        kernelSize,
        stride,
        padding,
        outputPadding,
        dilation,
        groups,
        bias,
      }))(nn.convTranspose2d(16, 8, 3, 2, 1, 1) as any),
      {
        kind: "convTranspose2d",
        written: "convTranspose2d(16, 8, 3, 2, 1, 1)",
        inChannels: 16,
        outChannels: 8,
        kernelSize: 3,
        stride: 2,
        padding: 1,
        outputPadding: 1,
        dilation: 1,
        groups: 1,
        bias: true,
      },
    );
    const lstm = nn.lstm(300, 128, { bidirectional: true }) as any;
    assert.deepEqual(
      [lstm.numLayers, lstm.bidirectional, lstm.projSize, lstm.dropout, lstm.bias],
      [1, true, 0, 0, true],
    );
    const norm = nn.batchNorm2d(64) as any;
    assert.deepEqual([norm.eps, norm.momentum, norm.affine, norm.trackRunningStats], [1e-5, 0.1, true, true]);
    assert.equal((nn.layerNorm([10, 512]) as any).written, "layerNorm([10, 512])");
    assert.equal((nn.adaptiveAvgPool2d([null, 7]) as any).written, "adaptiveAvgPool2d([null, 7])");
    assert.equal(
      (nn.gru(3, 4, { numLayers: 2, bidirectional: true }) as any).written,
      "gru(3, 4, { numLayers: 2, bidirectional: true })",
    );
    assert.equal(
      (nn.convTranspose1d(3, 4, 2, { dilation: 2, groups: 1, padding: [1] }) as any).written,
      "convTranspose1d(3, 4, 2, { padding: [1], dilation: 2 })",
    );
  });
});
