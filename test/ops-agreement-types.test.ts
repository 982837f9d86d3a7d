// The type-level rules of `ops` against PyTorch 1.13, under both compilers: test/pytorch/ops-cases.ts writes
// one file per op into .tmp/ops-types/ (an exact assertion on the type of each call PyTorch accepts, and
// a call that must not compile, with the runtime's message, per call it refuses); each compiler must
// report exactly the expected errors, each containing its message.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { join, relative, resolve } from "node:path";
import { describe, test } from "node:test";
import { generateOpTypes } from "./pytorch/ops-cases.ts";

const root = resolve(import.meta.dirname, "..");
const dir = join(root, ".tmp/ops-types");
const generated = generateOpTypes(dir, root);
const compilers = {
  "TypeScript 5.9": join(root, "node_modules/typescript/bin/tsc"),
  "TypeScript 7": join(root, "node_modules/typescript-7/bin/tsc"),
};

function diagnostics(compiler: string): { file: string; line: number; text: string }[] {
  let output = "";
  try {
    execFileSync(compiler, ["-p", dir, "--pretty", "false"], { cwd: root, encoding: "utf8", maxBuffer: 1 << 28 });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    output = `${stdout ?? ""}${stderr ?? ""}`;
    if (!/error TS\d+/.test(output)) throw error;
  }
  const found: { file: string; line: number; text: string }[] = [];
  for (const line of output.split("\n")) {
    const head = line.match(/^(.+?)\((\d+),(\d+)\): error (TS\d+): (.*)$/);
    if (head) found.push({ file: resolve(root, head[1]!), line: Number(head[2]), text: `${head[4]}: ${head[5]}` });
    else if (line.startsWith(" ") && found.length > 0) found.at(-1)!.text += `\n${line.trim()}`;
  }
  return found;
}

describe(`ops: type-level rules agree with PyTorch 1.13 (${generated.valid} accepted, ${generated.invalid} refused calls)`, () => {
  for (const [name, compiler] of Object.entries(compilers)) {
    test(name, { timeout: 600_000 }, () => {
      const found = diagnostics(compiler).filter((d) => d.file.startsWith(dir));
      const problems: string[] = [];
      for (const [file, lines] of generated.expected) {
        for (const [line, text] of lines) {
          const here = found.filter((d) => d.file === file && d.line === line);
          if (!here.some((d) => d.text.includes(text)))
            problems.push(
              `${relative(root, file)}:${line}: expected an error containing\n    ${text}\n  got ${here.map((d) => d.text.slice(0, 500)).join("\n  and ") || "no error"}`,
            );
        }
      }
      for (const d of found)
        if (!generated.expected.get(d.file)?.has(d.line))
          problems.push(`${relative(root, d.file)}:${d.line}: unexpected error ${d.text.slice(0, 600)}`);
      assert.deepEqual(problems, []);
    });
  }
});
