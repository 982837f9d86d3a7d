// The type-level rules against PyTorch 1.13, under both compilers: test/pytorch/type-assertions.ts writes one file
// per family into .tmp/pytorch-types/ (an exact assertion on the output type of `sequential(input(...), nn.layer(...))`
// per record PyTorch accepts, and a line that must not compile, with the runtime's message, per record it rejects);
// each compiler must report exactly the annotated errors, each containing its message.
// PYTORCH_TYPES_PER_FAMILY=all (or a number; default 200) sets how many accepted records per family are compiled.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { join, relative, resolve } from "node:path";
import { describe, test } from "node:test";
import { generate } from "./pytorch/type-assertions.ts";

const root = resolve(import.meta.dirname, "..");
const setting = process.env["PYTORCH_TYPES_PER_FAMILY"] ?? "200";
const generated = generate(join(root, ".tmp/pytorch-types"), setting === "all" ? Infinity : Number(setting), root);
const compilers = {
  "TypeScript 5.9": join(root, "node_modules/typescript/bin/tsc"),
  "TypeScript 7": join(root, "node_modules/typescript-7/bin/tsc"),
};

interface Diagnostic {
  file: string;
  line: number;
  text: string;
}

/** Runs a compiler on the generated project; returns its diagnostics. */
function diagnostics(compiler: string): Diagnostic[] {
  let output = "";
  try {
    execFileSync(compiler, ["-p", generated.dir, "--pretty", "false"], {
      cwd: root,
      encoding: "utf8",
      maxBuffer: 1 << 28,
    });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    output = `${stdout ?? ""}${stderr ?? ""}`;
    if (!/error TS\d+/.test(output)) throw error;
  }
  const found: Diagnostic[] = [];
  for (const line of output.split("\n")) {
    const head = line.match(/^(.+?)\((\d+),(\d+)\): error (TS\d+): (.*)$/);
    if (head) found.push({ file: resolve(root, head[1]!), line: Number(head[2]), text: `${head[4]}: ${head[5]}` });
    else if (/^error TS/.test(line)) found.push({ file: "", line: 0, text: line });
    else if (line.startsWith(" ") && found.length > 0) found.at(-1)!.text += `\n${line.trim()}`;
  }
  return found;
}

describe("type-level rules agree with PyTorch 1.13", () => {
  for (const [name, compiler] of Object.entries(compilers)) {
    test(name, { timeout: 600_000 }, () => {
      const started = performance.now();
      const found = diagnostics(compiler);
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      const problems: string[] = [];
      for (const [file, lines] of generated.expected) {
        for (const [line, text] of lines) {
          const here = found.filter((d) => d.file === file && d.line === line);
          if (!here.some((d) => d.text.includes(text))) {
            problems.push(
              `${relative(root, file)}:${line}: expected an error containing\n    ${text}\n  got ${here.length ? here.map((d) => d.text).join("\n  and ") : "no error"}`,
            );
          }
        }
      }
      for (const d of found) {
        if (!generated.expected.get(d.file)?.has(d.line))
          problems.push(`${relative(root, d.file)}:${d.line}: unexpected error ${d.text}`);
      }
      const counts = Object.entries(generated.families);
      console.log(
        `${name}: ${seconds} s for ${counts.reduce((n, [, c]) => n + c.valid + c.invalid, 0)} records\n${counts
          .map(
            ([family, c]) =>
              `  ${family}: ${c.valid} accepted records asserted, ${c.invalid} rejected records fail to compile`,
          )
          .join("\n")}`,
      );
      assert.deepEqual(problems, [], `${problems.length} disagreements:\n${problems.slice(0, 20).join("\n")}`);
    });
  }
});
