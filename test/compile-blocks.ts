// Compiles generated TypeScript files (README blocks, doc-comment examples) under both compilers,
// one program per compiler, and checks their errors: a line ending in `// error: <text>` must get
// an error containing <text> (the convention of test-d/errors), and no other line may get one.
// Used by test/readme.test.ts and test/doc-examples.test.ts.
import { execFile } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";

export const root = join(import.meta.dirname, "..");

export const compilers = {
  "TypeScript 5.9": join(root, "node_modules/typescript/bin/tsc"),
  "TypeScript 7": join(root, "node_modules/typescript-7/bin/tsc"),
};

/** A line of a generated file: its code, and where it came from, for messages ("README block 3, line 2"). */
export interface Line {
  readonly code: string;
  readonly origin?: string;
}

/** A generated file: its name in the project's directory and its lines. */
export interface Block {
  readonly name: string;
  readonly lines: readonly Line[];
}

/** The error text a line must get (`// error: <text>` at its end), if any. */
export const expectedError = (code: string): string | undefined => code.match(/\/\/ error: (.*)$/)?.[1]?.trim();

/**
 * Empties `dir` and writes the blocks, any extra files, and a tsconfig extending the project's (unused
 * locals allowed). The project's tsconfig maps the package's names ("shapecheck", "shapecheck/tfjs", …)
 * to their sources (`paths`), so blocks that import them check against src/, not the built dist/.
 */
export function writeProject(
  dir: string,
  blocks: readonly Block[],
  extra: Readonly<Record<string, string>> = {},
): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const block of blocks)
    writeFileSync(join(dir, block.name), `${block.lines.map((line) => line.code).join("\n")}\n`);
  for (const [name, text] of Object.entries(extra)) writeFileSync(join(dir, name), text);
  const extendsPath = relative(dir, join(root, "tsconfig.json"));
  writeFileSync(
    join(dir, "tsconfig.json"),
    JSON.stringify({
      extends: extendsPath,
      include: ["*.ts"],
      exclude: [],
      compilerOptions: { noUnusedLocals: false },
    }),
  );
}

interface Diagnostic {
  file: string;
  line: number;
  text: string;
}

/** Runs a compiler on `dir`'s project; its diagnostics (a message's continuation lines joined to it). */
export async function compile(tsc: string, dir: string): Promise<Diagnostic[]> {
  const output = await new Promise<string>((done, fail) => {
    execFile(
      tsc,
      ["-p", join(dir, "tsconfig.json"), "--pretty", "false"],
      { cwd: root, encoding: "utf8", maxBuffer: 1 << 28 },
      (error, stdout, stderr) => {
        if (error && !/error TS\d+/.test(stdout))
          fail(new Error(`${tsc} failed: ${error.message}\n${stdout}${stderr}`));
        else done(stdout);
      },
    );
  });
  const found: Diagnostic[] = [];
  for (const line of output.split("\n")) {
    const head = line.match(/^(.+?)\((\d+),\d+\): error (TS\d+): (.*)$/);
    if (head) found.push({ file: resolve(root, head[1]!), line: Number(head[2]), text: `${head[3]}: ${head[4]}` });
    else if (/^error TS/.test(line)) found.push({ file: "", line: 0, text: line });
    else if (line.startsWith(" ") && found.length > 0) found.at(-1)!.text += `\n${line.trim()}`;
  }
  return found;
}

/**
 * Compiles the blocks written to `dir` and returns what is wrong: an expected error missing, or an
 * error on a line that does not expect one (named by its origin, or the generated file and line).
 * Errors in other files (the library's) are left to the type tests (scripts/type-tests.mjs).
 */
export async function check(tsc: string, dir: string, blocks: readonly Block[]): Promise<string[]> {
  const found = await compile(tsc, dir);
  const problems: string[] = [];
  const where = (block: Block, index: number) =>
    block.lines[index]!.origin ?? `${relative(root, join(dir, block.name))}:${index + 1} (generated)`;
  for (const block of blocks) {
    const file = resolve(dir, block.name);
    block.lines.forEach((line, index) => {
      const want = expectedError(line.code);
      if (want === undefined) return;
      const here = found.filter((d) => d.file === file && d.line === index + 1);
      if (!here.some((d) => d.text.includes(want))) {
        problems.push(
          `${where(block, index)}: expected an error containing ${want}\n    got ${here.length ? here.map((d) => d.text).join("\n    and ") : "no error on that line"}`,
        );
      }
    });
  }
  for (const d of found) {
    if (d.file === "") {
      problems.push(d.text);
      continue;
    }
    const block = blocks.find((b) => resolve(dir, b.name) === d.file);
    const line = block?.lines[d.line - 1];
    if (block && line && expectedError(line.code) === undefined)
      problems.push(`${where(block, d.line - 1)}: ${d.text}\n    ${line.code.trim()}`);
  }
  return problems;
}
