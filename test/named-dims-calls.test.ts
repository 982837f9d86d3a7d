// Issue 13's audit, items 4 and 5 on the builders called on several tensors (bilinear, multiheadAttention, the
// transformer modules, recurrent layers and cells with states, adaptiveLogSoftmaxWithLoss, tfjs's merges):
// - named dimensions are distinct: two different names, or a name and a size, where a rule needs equal sizes are
//   refused at run time and by both compilers with the same text; the same name is equal;
// - one mistake, one error: the lines that use a failed call's result give no new error.
import assert from "node:assert/strict";
import { join } from "node:path";
import { test } from "node:test";
import { input, layers, nn, ShapeError } from "../src/index.ts";
import { compile, compilers, root, writeProject } from "./compile-blocks.ts";

const mha = "nn.multiheadAttention(16, 4)";
const transformer = "nn.transformer({ dModel: 16, nhead: 4, numEncoderLayers: 1, numDecoderLayers: 1 })";
/** Calls where two sizes must be equal and are not (two names, or a name and a size). */
const refused: readonly string[] = [
  'nn.bilinear(4, 5, 3).call(input(["src", 4]), input(["tgt", 5]))',
  'nn.bilinear(4, 5, 3).call(input([7, 4]), input(["src", 5]))',
  'nn.bilinear(4, 5, 3).call(input([4], { batch: "b" }), input([5], { batch: "c" }))',
  `${mha}.call(input(["q", 16]), input(["k", 16]), input(["v", 16]))`,
  `${mha}.call(input(["q", 16]), input(["k", 16]), input([12, 16]))`,
  `${mha}.call(input(["q", 16], { batch: "b" }), input(["k", 16], { batch: "c" }), input(["k", 16], { batch: "c" }))`,
  `${mha}.call(input(["q", 16]), input(["k", 16]), input(["k", 16]), { keyPaddingMask: input(["j"]) })`,
  `${mha}.call(input(["q", 16]), input(["k", 16]), input(["k", 16]), { attnMask: input(["q"], { batch: "q" }) })`,
  `${transformer}.call(input(["src", 16], { batch: "b" }), input(["tgt", 16], { batch: "c" }))`,
  `${transformer}.call(input(["src", 16]), input(["tgt", 16]), { srcKeyPaddingMask: input(["tgt"]) })`,
  `${transformer}.call(input(["src", 16]), input(["tgt", 16]), { tgtMask: input(["src"], { batch: "src" }) })`,
  'nn.transformerDecoderLayer(16, 4).call(input(["tgt", 16], { batch: "b" }), input(["src", 16], { batch: "c" }))',
  'nn.transformerEncoderLayer(16, 4).call(input(["src", 16]), { srcMask: input(["tgt"], { batch: "src" }) })',
  'nn.lstm(4, 8).call(input([5, 4], { batch: "b" }), [input(["c", 8], { batch: 1 }), input(["c", 8], { batch: 1 })])',
  'nn.lstm(4, 8).call(input([5, 4], { batch: 3 }), [input(["b", 8], { batch: 1 }), input([3, 8], { batch: 1 })])',
  'nn.gru(4, 8).call(input([5, 4], { batch: "b" }), input(["c", 8], { batch: 1 }))',
  'nn.gruCell(4, 8).call(input([4], { batch: "b" }), input([8], { batch: "c" }))',
  'nn.lstmCell(4, 8).call(input([4], { batch: "b" }), [input([8], { batch: "b" }), input([8], { batch: "c" })])',
  'nn.rnnCell(4, 8).call(input([4], { batch: "b" }), input([8], { batch: 2 }))',
  'nn.adaptiveLogSoftmaxWithLoss(8, 10, [4]).call(input([8], { batch: "b" }), input([], { batch: "c" }))',
  'layers.add().apply([input(["src", 4]), input(["tgt", 4])])',
  'layers.add().apply([input([3, 4]), input(["tgt", 4])])',
  'layers.multiply().apply([input([3, "a"]), input([3, 4])])',
  'layers.average().apply([input([3, "a"]), input([3, "b"])])',
  'layers.minimum().apply([input(["x"], { batch: "b" }), input(["x"], { batch: "c" })])',
  'layers.concatenate().apply([input(["src", 4]), input(["tgt", 4])])',
  'layers.concatenate().apply([input([4], { batch: "b" }), input([4], { batch: "c" })])',
  'layers.dot({ axes: 1 }).apply([input(["a"]), input(["b"])])',
  'layers.dot({ axes: [1, 2] }).apply([input(["a", 3]), input([3, "b"])])',
  'layers.dot({ axes: 1 }).apply([input([4], { batch: "b" }), input([4], { batch: "c" })])',
];
/** The same name is equal; an unknown size agrees with a name; a layer's own size against a name is checked at build. */
const accepted: readonly string[] = [
  'nn.bilinear(4, 5, 3).call(input(["src", 4]), input(["src", 5]))',
  `${mha}.call(input(["q", 16]), input(["k", 16]), input(["k", 16]))`,
  `${mha}.call(input(["q", 16]), input(["k", 16]), input(["k", 16]), { attnMask: input(["k"], { batch: "q" }) })`,
  `${transformer}.call(input(["src", 16], { batch: "b" }), input(["tgt", 16], { batch: "b" }))`,
  'nn.lstm(4, 8).call(input([5, 4], { batch: "b" }), [input(["b", 8], { batch: 1 }), input(["b", 8], { batch: 1 })])',
  'nn.gruCell(4, 8).call(input([4], { batch: "b" }), input([8], { batch: "b" }))',
  'layers.maximum().apply([input([3, "a"]), input([3, "a"])])',
  'layers.add().apply([input(["s", 4]), input([1, 4])])',
  'layers.concatenate().apply([input([null, 4]), input(["s", 4])])',
  'layers.concatenate({ axis: 1 }).apply([input(["src", 4]), input(["tgt", 4])])',
  'layers.dot({ axes: 2 }).apply([input(["q", 4], { batch: "b" }), input(["k", 4], { batch: "b" })])',
  'input(["seq", "d"]).pipe(nn.linear(16, 4))',
];
/** A failed call, then lines that use its result (`$`): no new error on them. */
const cascades: readonly (readonly [string, ...string[]])[] = [
  ["nn.bilinear(4, 5, 3).call(input([7, 4]), input([8, 5]))", "$.pipe(nn.linear(3, 2))"],
  ["nn.lstm(4, 8).call(input([5, 3]))", "$[0].pipe(nn.linear(8, 2))", "$[1][0].pipe(nn.flatten())"],
  [
    `${mha}.call(input([5, 16]), input([6, 16]), input([7, 16]))`,
    "$[0].pipe(nn.linear(16, 2))",
    "$[1].pipe(nn.flatten())",
  ],
  ["nn.transformerDecoderLayer(16, 4).call(input([5, 16]), input([5, 8]))", "$.pipe(nn.linear(16, 2))"],
  [`${transformer}.call(input([5, 16]), input([6, 8]))`, "$.pipe(nn.relu())"],
  ["nn.gruCell(4, 8).call(input([3]))", "$.pipe(nn.linear(8, 2))"],
  [
    "nn.adaptiveLogSoftmaxWithLoss(8, 10, [4]).call(input([7]), input([]))",
    "$[0].pipe(nn.relu())",
    "$[1].pipe(nn.relu())",
  ],
  ["layers.add().apply([input([3, 4]), input([3, 5])])", "$.pipe(layers.dense({ units: 2 }))"],
  ["layers.dot({ axes: 1 }).apply([input([4]), input([5])])", "layers.concatenate().apply([$, input([3])])"],
];

function run(code: string): string | undefined {
  try {
    new Function("nn", "layers", "input", `return ${code};`)(nn, layers, input);
    return undefined;
  } catch (error) {
    assert.ok(error instanceof ShapeError, `${code} threw ${String(error)}`);
    return error.message;
  }
}

test("named dimensions are distinct in the rules of calls and merges; a failed call gives no cascade", async () => {
  const lines: { code: string; message?: string }[] = [];
  const problems: string[] = [];
  for (const code of refused) {
    const message = run(code);
    if (message === undefined) problems.push(`${code}: accepted at run time`);
    lines.push({ code: `export const r${lines.length} = ${code};`, ...(message === undefined ? {} : { message }) });
  }
  for (const code of accepted) {
    const message = run(code);
    if (message !== undefined) problems.push(`${code}: refused at run time: ${message}`);
    lines.push({ code: `export const a${lines.length} = ${code};` });
  }
  for (const [failing, ...after] of cascades) {
    const message = run(failing);
    if (message === undefined) problems.push(`${failing}: accepted at run time`);
    const name = `c${lines.length}`;
    lines.push({ code: `const ${name} = ${failing};`, ...(message === undefined ? {} : { message }) });
    for (const use of after) lines.push({ code: `export const u${lines.length} = ${use.replaceAll("$", name)};` });
  }
  assert.deepEqual([...problems], []); // (a copy: the assertion would narrow `problems` to never[])
  const dir = join(root, ".tmp/named-dims-calls");
  writeProject(dir, [
    {
      name: "cases.ts",
      lines: [{ code: 'import { input, layers, nn } from "shapecheck";' }, ...lines.map(({ code }) => ({ code }))],
    },
  ]);
  for (const [compiler, tsc] of Object.entries(compilers)) {
    const found = (await compile(tsc, dir)).filter((d) => d.file === join(dir, "cases.ts"));
    lines.forEach((line, index) => {
      const here = found.filter((d) => d.line === index + 2);
      const fits =
        line.message === undefined ? here.length === 0 : here.length === 1 && here[0]!.text.includes(line.message);
      if (!fits)
        problems.push(
          `${line.code}\n    run time: ${line.message ?? "accepted"}\n    ${compiler}: ${here.map((d) => d.text).join(" | ") || "no error"}`,
        );
    });
  }
  assert.deepEqual(problems, [], problems.join("\n"));
});
