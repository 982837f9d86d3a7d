// ops.pad's type-level rule against PyTorch 1.13 (test/fixtures/ops-pad-torch.json), under TypeScript 5.9 and 7:
// each call PyTorch accepts has exactly PyTorch's shape as its type; each it refuses (and each whose values
// PyTorch reads from memory it never wrote) does not compile, with the runtime's message on that line.
import assert from "node:assert/strict";
import { join } from "node:path";
import { describe, test } from "node:test";
import { check, compilers, root, writeProject, type Line } from "./compile-blocks.ts";
import { padCases, padOptions } from "./pytorch/pad-cases.ts";
import { input, ops } from "../src/index.ts";

const dir = join(root, ".tmp/ops-pad-types");
const cases = padCases();

/** The runtime's message for a refused case (the compiler's shows its quotes escaped). */
function refusal(shape: readonly number[], pad: readonly number[], options: unknown): string {
  try {
    (ops.pad as unknown as (...args: unknown[]) => unknown)(input(shape.slice(1), { batch: shape[0]! }), pad, options);
  } catch (error) {
    return (error as Error).message.replaceAll('"', '\\"');
  }
  throw new Error(`ops.pad: no refusal for ${JSON.stringify([shape, pad, options])}`);
}

const lines: Line[] = [
  { code: `import { expectType, type TypeEqual } from "ts-expect";` },
  { code: `import { input, ops, type Symbolic } from "../../../src/index.ts";` },
];
cases.forEach((c, i) => {
  const shape = c.inputs[0]!;
  const options = padOptions(c, i);
  const call = `ops.pad(x${i}, ${JSON.stringify(c.pad)}${options === undefined ? "" : `, ${JSON.stringify(options)}`})`;
  const x = `const x${i} = input(${JSON.stringify(shape.slice(1))}, { batch: ${shape[0]} });`;
  lines.push({ code: x, origin: `case ${i}` });
  if (c.error !== undefined || c.undefined)
    lines.push({
      code: `export const r${i} = ${call}; // error: ${refusal(shape, c.pad, options)}`,
      origin: `case ${i}`,
    });
  else
    lines.push({
      code: `const r${i} = ${call}; expectType<TypeEqual<typeof r${i}, Symbolic<${JSON.stringify(c.output)}>>>(true);`,
      origin: `case ${i}`,
    });
});
const blocks = [{ name: "pad.ts", lines }];
const refused = cases.filter((c) => c.error !== undefined || c.undefined).length;

describe(`ops.pad: types agree with PyTorch 1.13 (${cases.length - refused} accepted, ${refused} refused calls)`, () => {
  for (const [name, tsc] of Object.entries(compilers)) {
    test(name, { timeout: 600_000 }, async () => {
      writeProject(join(dir, name.replace(/\W+/g, "-")), blocks);
      assert.deepEqual(await check(tsc, join(dir, name.replace(/\W+/g, "-")), blocks), []);
    });
  }
});
