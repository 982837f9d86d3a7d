// Every ```ts block of README.md compiles under both compilers. Each block is its own module, after
// a prelude that imports the package's names and declares the data the examples talk about. A block
// that shows a compile error on purpose says so with `// error:` on the offending line; it must get
// that error (the same convention as test-d/errors). Shared with the doc-comment examples: test/compile-blocks.ts.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { check, compilers, root, writeProject, type Block } from "./compile-blocks.ts";

const dir = join(root, ".tmp/readme");
// Data the examples talk about, declared; with the package's names unless the block imports its own.
const declarations = `declare const pixels: Float32Array, digits: Int32Array, cifar: Float32Array;
declare const testImages: import("shapecheck/tfjs").Tensor<[number, 1, 28, 28]>, testLabels: import("shapecheck/tfjs").Tensor<[number]>;
export {};
`;
const packageImports = `import * as tf from "@tensorflow/tfjs-core";
import { graph, input, layers, nn, ops, sequential, ShapeError } from "shapecheck";
import type { Add, Sub, Mul, FloorDiv, CeilDiv, Mod, Compare, Max, Min, Product, Invalid, OutputShape, ShapeTrace, Model,
  Conv2d, Linear, MaxPool2d, ReLU, Flatten, Dropout, LogSoftmax, Symbolic, Graph } from "shapecheck";
import { build, fileSystem, load, ready, tensor, toTfjs } from "shapecheck/tfjs";
import type { Tensor } from "shapecheck/tfjs";
`;

const texts = [...readFileSync(join(root, "README.md"), "utf8").matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map(
  (m) => m[1]!,
);
// Import lines stay at the top; the rest goes in an async function (top-level await, names reused across blocks).
const blocks: Block[] = texts.map((text, b) => {
  const lines = text.replace(/\n$/, "").split("\n");
  const imports = lines.filter((line) => line.startsWith("import "));
  const head =
    `${imports.length ? "" : packageImports}${declarations}${imports.join("\n")}\nasync function block() {`.split("\n");
  const body = lines.map((line, l) => ({
    code: line.startsWith("import ") ? "" : line.replace(/^export /, ""),
    origin: `README block ${b}, line ${l + 1}`,
  }));
  return {
    name: `block-${String(b).padStart(2, "0")}.ts`,
    lines: [...head.map((code) => ({ code })), ...body, { code: "}" }, { code: "void block;" }],
  };
});
writeProject(dir, blocks);

// Both compilers run at once; each test waits for its own.
for (const [name, tsc] of Object.entries(compilers)) {
  const problems = check(tsc, dir, blocks);
  problems.catch(() => {}); // reported by its test
  test(`${name}: the README's ${blocks.length} TypeScript blocks compile (and their // error: lines fail as shown)`, async () => {
    assert.equal((await problems).join("\n"), "");
  });
}
