// Every ```ts block of README.md and of every docs/*.md page compiles under both compilers. Each block
// is its own module, after a prelude that imports the package's names and declares the data the
// examples talk about. A block that shows a compile error on purpose says so with `// error:` on the
// offending line; it must get that error (the same convention as test-d/errors). Shared with the
// doc-comment examples: test/compile-blocks.ts. Also: README.md stays a front page (size, every docs/
// page linked), and every relative link of README.md and docs/ leads to a file and heading that exist.
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { test } from "node:test";
import { check, compilers, root, writeProject, type Block } from "./compile-blocks.ts";

const dir = join(root, ".tmp/readme");
// Data the examples talk about, declared; with the package's names unless the block imports its own.
// A block's own declarations (inside its function) shadow these.
const declarations = `declare const pixels: Float32Array, digits: Int32Array, cifar: Float32Array;
declare const testImages: import("shapecheck/tfjs").Tensor<[number, 1, 28, 28]>, testLabels: import("shapecheck/tfjs").Tensor<[number]>;
declare const images: import("shapecheck/tfjs").Tensor<[number, 1, 28, 28]>;
declare const mnist: import("shapecheck").Sequential<[number, 1, 28, 28], [number, 10]>;
declare const model: import("shapecheck/tfjs").TrainableModel<[number, 1, 28, 28], [number, 10], [number], "accuracy">;
export {};
`;
const packageImports = `import * as tf from "@tensorflow/tfjs-core";
import { graph, input, layers, nn, ops, sequential, ShapeError } from "shapecheck";
import type { Add, Sub, Mul, FloorDiv, CeilDiv, Mod, Compare, Max, Min, Product, Invalid, OutputShape, ShapeTrace, Model,
  Conv2d, Linear, MaxPool2d, ReLU, Flatten, Dropout, LogSoftmax, Symbolic, Graph } from "shapecheck";
import { build, fileSystem, load, ready, tensor, toTfjs } from "shapecheck/tfjs";
import type { Tensor } from "shapecheck/tfjs";
`;

/** The pages: README.md, then docs/*.md (paths relative to the root). */
const pages = [
  "README.md",
  ...readdirSync(join(root, "docs"))
    .filter((name) => name.endsWith(".md"))
    .sort()
    .map((name) => `docs/${name}`),
];
const texts = Object.fromEntries(pages.map((page) => [page, readFileSync(join(root, page), "utf8")]));

/** A page's ```ts blocks, each with the line of the page its first line is on. */
function tsBlocks(text: string): { first: number; lines: string[] }[] {
  const found: { first: number; lines: string[] }[] = [];
  let current: { first: number; lines: string[] } | undefined;
  text.split("\n").forEach((line, index) => {
    if (current) {
      if (line === "```") {
        found.push(current);
        current = undefined;
      } else current.lines.push(line);
    } else if (line === "```ts") current = { first: index + 2, lines: [] };
  });
  return found;
}

// Import lines stay at the top; the rest goes in an async function (top-level await, names reused across blocks).
const blocks: Block[] = pages.flatMap((page) =>
  tsBlocks(texts[page]!).map(({ first, lines }, b) => {
    const imports = lines.filter((line) => line.startsWith("import "));
    const head =
      `${imports.length ? "" : packageImports}${declarations}${imports.join("\n")}\nasync function block() {`.split(
        "\n",
      );
    const body = lines.map((line, l) => ({
      code: line.startsWith("import ") ? "" : line.replace(/^export /, ""),
      origin: `${page}:${first + l} (block ${b})`,
    }));
    const stem = page.replace(/^docs\//, "").replace(/\.md$/, "");
    return {
      name: `${stem}-${String(b).padStart(2, "0")}.ts`,
      lines: [...head.map((code) => ({ code })), ...body, { code: "}" }, { code: "void block;" }],
    };
  }),
);
writeProject(dir, blocks);

// Both compilers run at once; each test waits for its own.
for (const [name, tsc] of Object.entries(compilers)) {
  const problems = check(tsc, dir, blocks);
  problems.catch(() => {}); // reported by its test
  test(`${name}: the ${blocks.length} TypeScript blocks of README.md and docs/*.md compile (and their // error: lines fail as shown)`, async () => {
    assert.equal((await problems).join("\n"), "");
  });
}

/** The relative links of a page, outside code blocks and inline code: [target, the file it names (relative to the root)]. */
function links(page: string): [string, string][] {
  const prose = texts[page]!.replace(/^```[\s\S]*?^```$/gm, "").replace(/`[^`\n]*`/g, "");
  return [...prose.matchAll(/\]\(([^)\s]+)\)/g)]
    .map((m) => m[1]!)
    .filter((target) => !/^[a-z]+:/.test(target)) // https:, mailto:
    .map((target) => [target, relative(root, join(root, dirname(page), target.split("#")[0]!))]);
}

test("README.md is a front page: at most 25 KB, no SPEC.md, and every page of docs/ is reachable from it", () => {
  const readme = texts["README.md"]!;
  assert.ok(readme.length <= 25_000, `README.md is ${readme.length} characters`);
  assert.doesNotMatch(readme, /SPEC\.md/, "README.md names SPEC.md, which is not in the repository");
  // Pages linked from the README, or from a page linked from it, and so on.
  const reached = new Set(["README.md"]);
  const queue = ["README.md"];
  for (let page = queue.shift(); page !== undefined; page = queue.shift())
    for (const [, file] of links(page))
      if (texts[file] !== undefined && !reached.has(file)) (reached.add(file), queue.push(file));
  assert.deepEqual(
    pages.filter((page) => !reached.has(page)),
    [],
    "docs pages no link leads to from README.md (add them to its contents)",
  );
});

/** GitHub's anchor for a heading: lowercased, punctuation dropped, spaces to hyphens. */
const anchor = (heading: string): string =>
  heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, "")
    .replace(/\s/g, "-");
/** The anchors of a markdown page's headings (outside code blocks), numbered as GitHub does for repeats. */
function anchors(text: string): Set<string> {
  const seen = new Map<string, number>();
  let code = false;
  for (const line of text.split("\n")) {
    if (line.startsWith("```")) code = !code;
    const heading = !code && line.match(/^#{1,6} (.*)$/);
    if (!heading) continue;
    const base = anchor(heading[1]!);
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    if (count > 0) seen.set(`${base}-${count}`, 1);
  }
  return new Set(seen.keys());
}

test("every relative link of README.md and docs/*.md leads to a file (and heading) that exists", () => {
  const broken: string[] = [];
  for (const page of pages) {
    for (const [target, file] of links(page)) {
      const hash = target.split("#")[1];
      if (!existsSync(join(root, file))) broken.push(`${page}: ${target} (no file ${file})`);
      else if (hash && file.endsWith(".md") && !anchors(readFileSync(join(root, file), "utf8")).has(hash))
        broken.push(`${page}: ${target} (no such heading in ${file})`);
    }
  }
  assert.deepEqual(broken, []);
});
