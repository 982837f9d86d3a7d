// Writes the type-level PyTorch agreement files into .tmp/pytorch-types/ (gitignored) for a look or a manual
// compile; test/pytorch-agreement-types.test.ts writes and compiles the same files under both compilers.
//   node --import tsx scripts/gen-pytorch-type-assertions.ts [validPerFamily]     (default 200; "all" for every record)
//   node_modules/typescript/bin/tsc -p .tmp/pytorch-types
import { generate } from "../test/pytorch/type-assertions.ts";

const arg = process.argv[2] ?? "200";
const root = new URL("..", import.meta.url).pathname;
const { dir, families } = generate(`${root}.tmp/pytorch-types`, arg === "all" ? Infinity : Number(arg), root);
for (const [family, { valid, invalid }] of Object.entries(families))
  console.log(`${family.padEnd(20)} ${valid} valid, ${invalid} invalid`);
console.log(`wrote ${dir}`);
