// Every ```ts block of README.md compiles under both compilers. Each block is its own module, after
// a prelude that imports the package's names and declares the data the examples talk about. A block
// that shows a compile error on purpose says so with `// error:` on the offending line; it must get
// that error (the same convention as test-d/errors).
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";

const root = join(import.meta.dirname, "..");
const dir = join(root, ".tmp/readme");
// Data the examples talk about, declared; with the package's names unless the block imports its own.
const declarations = `declare const pixels: Float32Array, digits: Int32Array, cifar: Float32Array;
declare const testImages: import("shapecheck").Tensor<[number, 1, 28, 28]>, testLabels: import("shapecheck").Tensor<[number]>;
export {};
`;
const packageImports = `import * as tf from "@tensorflow/tfjs-core";
import { graph, input, layers, nn, ops, ready, sequential, tensor, ShapeError, fileSystem } from "shapecheck";
import type { Add, Sub, Mul, FloorDiv, CeilDiv, Mod, Compare, Max, Min, Product, Invalid, OutputShape, ShapeTrace, Model,
  Conv2d, Linear, MaxPool2d, ReLU, Flatten, Dropout, LogSoftmax, Symbolic, Graph, Tensor } from "shapecheck";
`;

const blocks = [...readFileSync(join(root, "README.md"), "utf8").matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map((m) => m[1]!);
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
/** Where each block's first line lands in its file. */
const firstLine: number[] = [];
// Import lines stay at the top; the rest goes in an async function (top-level await, names reused across blocks).
blocks.forEach((block, i) => {
  const lines = block.split("\n");
  const imports = lines.map((line) => (line.startsWith("import ") ? line : ""));
  const body = lines.map((line) => (line.startsWith("import ") ? "" : line.replace(/^export /, "")));
  const head = `${imports.some(Boolean) ? "" : packageImports}${declarations}${imports.join("\n")}\n`;
  firstLine[i] = head.split("\n").length + 1;
  writeFileSync(join(dir, `block-${String(i).padStart(2, "0")}.ts`), `${head}async function block() {\n${body.join("\n")}}\nvoid block;\n`);
});
writeFileSync(join(dir, "tsconfig.json"), JSON.stringify({ extends: "../../tsconfig.json", include: ["*.ts"], exclude: [], compilerOptions: { noUnusedLocals: false } }));

const compilers = {
  "TypeScript 5.9": join(root, "node_modules/typescript/bin/tsc"),
  "TypeScript 7": join(root, "node_modules/typescript-7/bin/tsc"),
};
for (const [name, tsc] of Object.entries(compilers)) {
  test(`${name}: the README's ${blocks.length} TypeScript blocks compile (and their // error: lines fail as shown)`, () => {
    let output = "";
    try {
      execFileSync(tsc, ["-p", join(dir, "tsconfig.json"), "--pretty", "false"], { cwd: root, encoding: "utf8" });
    } catch (error) {
      output = String((error as { stdout?: string }).stdout ?? error);
    }
    const problems: string[] = [];
    const errors = [...output.matchAll(/block-(\d+)\.ts\((\d+),\d+\): error (TS\d+: .*)/g)].map((m) => ({ block: Number(m[1]), line: Number(m[2]) - firstLine[Number(m[1])]! + 1, text: m[3]! }));
    blocks.forEach((block, b) => block.split("\n").forEach((line, l) => {
      const want = line.match(/\/\/ error: (.*)$/);
      if (want && !errors.some((e) => e.block === b && e.line === l + 1 && e.text.includes(want[1]!.trim()))) problems.push(`block ${b}, line ${l + 1}: expected an error containing ${want[1]}`);
    }));
    for (const e of errors) {
      const line = blocks[e.block]!.split("\n")[e.line - 1] ?? "";
      if (!/\/\/ error: /.test(line)) problems.push(`block ${e.block}, line ${e.line}: ${e.text}\n    ${line.trim()}`);
    }
    assert.deepEqual(problems, []);
  });
}
