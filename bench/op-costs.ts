// What each operation of `ops` costs the type checker (issue 18): instantiations of a model file
// checked alone (TypeScript 5.9, bench/types-models.ts's Alone59, the package in dist/), for the
// first call of an operation in a file and for a second call on other shapes. Each case is a file
// with four tensors of rank 3 and 4 ("seq" and "tok" named, as a transformer's), minus the same file
// without the calls. Counts are deterministic; run `npm run build` first.
//
//   node --import tsx bench/op-costs.ts [--only REGEX]
import { join } from "node:path";
import { Alone59, root } from "./types-models.ts";

const head = `import { einops, input, ops } from "shapecheck";
const a3 = ops.relu(input(["seq", 64], { batch: "batch" }));
const a4 = ops.relu(input(["seq", 4, 16], { batch: "batch" }));
const b3 = ops.relu(input(["tok", 32], { batch: "n" }));
const b4 = ops.relu(input(["tok", 2, 16], { batch: "n" }));
export const used = [a3, a4, b3, b4, einops];
`;

/** Each operation: its first call, and a second call on other shapes. */
const calls: Record<string, readonly [string, string]> = {
  view: [`ops.view(a3, ["batch", "seq", 4, 16])`, `ops.view(b3, ["n", "tok", 2, 16])`],
  reshape: [`ops.reshape(a4, ["batch", "seq", 64])`, `ops.reshape(b4, ["n", "tok", 32])`],
  transpose: [`ops.transpose(a4, 1, 2)`, `ops.transpose(b4, -2, -1)`],
  permute: [`ops.permute(a4, [0, 2, 1, 3])`, `ops.permute(b4, [0, 2, 1, 3])`],
  flatten: [`ops.flatten(a4, 2)`, `ops.flatten(b4, 2)`],
  unsqueeze: [`ops.unsqueeze(a3, 1)`, `ops.unsqueeze(b3, 1)`],
  "add (two tensors)": [`ops.add(a3, a3)`, `ops.add(b3, b3)`],
  "mul (a number)": [`ops.mul(a3, 1.5)`, `ops.mul(b3, 1.5)`],
  "mul (broadcast [b, 1, 4, 16])": [
    `ops.mul(a4, ops.relu(input([1, 4, 16], { batch: "batch" })))`,
    `ops.mul(b4, ops.relu(input([1, 2, 16], { batch: "n" })))`,
  ],
  "matmul (4-d)": [
    `ops.matmul(a4, ops.relu(input(["seq", 16, 8], { batch: "batch" })))`,
    `ops.matmul(b4, ops.relu(input(["tok", 16, 8], { batch: "n" })))`,
  ],
  softmax: [`ops.softmax(a4, -1)`, `ops.softmax(b4, -1)`],
  "mean (keepdim)": [`ops.mean(a3, -1, { keepdim: true })`, `ops.mean(b3, -1, { keepdim: true })`],
  mean: [`ops.mean(a4, 1)`, `ops.mean(b4, 1)`],
  sigmoid: [`ops.sigmoid(a3)`, `ops.sigmoid(b3)`],
  cat: [`ops.cat([a3, a3], -1)`, `ops.cat([b3, b3], -1)`],
  einsum: [`ops.einsum("bhqd,bhkd->bhqk", a4, a4)`, `ops.einsum("bhqd,bhkd->bhqk", b4, b4)`],
  rearrange: [
    `einops.rearrange(a3, "b s (h d) -> b h s d", { h: 4 })`,
    `einops.rearrange(b3, "b s (h d) -> b h s d", { h: 2 })`,
  ],
};

const only = process.argv.includes("--only") ? new RegExp(process.argv[process.argv.indexOf("--only") + 1]!, "i") : /./;
const alone = new Alone59(join(root, ".tmp/bench-op-costs"));
const count = (name: string, source: string): number => {
  const run = alone.check({ name, source });
  if (run.errors.length) throw new Error(`${name}: ${run.errors.join("\n")}`);
  return run.instantiations;
};
const base = count("base", head);
console.log(`| operation | first call | a second call (other shapes) |\n| --- | --- | --- |`);
for (const [name, [first, second]] of Object.entries(calls)) {
  if (!only.test(name)) continue;
  const once = count(`${name} once`, `${head}export const y1 = ${first};\n`);
  const twice = count(`${name} twice`, `${head}export const y1 = ${first};\nexport const y2 = ${second};\n`);
  console.log(`| ${name} | ${(once - base).toLocaleString("en-US")} | ${(twice - once).toLocaleString("en-US")} |`);
}
console.log(`\n(instantiations above the same file without the calls: ${base.toLocaleString("en-US")})`);
