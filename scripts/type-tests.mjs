// The type tests, under both compilers. Exits non-zero if any step fails.
//  1. The whole project (src, types, test-d, test, examples, bench) compiles with no error
//     under TypeScript 5.9 and TypeScript 7; test-d/ holds exact-type assertions (ts-expect).
//  2. tsd runs the same test-d/**/*.test-d.ts files (its expectType is strict identity).
//  3. The error fixtures in test-d/errors/ compile with exactly the annotated errors:
//     a line ending in `// error: <text>` must get an error whose message contains <text>,
//     under both compilers, and no other line may get one.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";

const root = resolve(import.meta.dirname, "..");
const compilers = {
  "TypeScript 5.9": join(root, "node_modules/typescript/bin/tsc"),
  "TypeScript 7": join(root, "node_modules/typescript-7/bin/tsc"),
};
let failed = false;
const fail = (text) => {
  failed = true;
  console.error(`✖ ${text}`);
};

/** Runs a compiler on a project; returns its diagnostics as { file, line, text }. */
export function diagnostics(compiler, project) {
  let output = "";
  try {
    execFileSync(compiler, ["-p", project, "--pretty", "false"], { cwd: root, encoding: "utf8", maxBuffer: 1 << 28 });
  } catch (error) {
    output = `${error.stdout ?? ""}${error.stderr ?? ""}`;
    if (!/error TS\d+/.test(output)) throw error;
  }
  const found = [];
  for (const line of output.split("\n")) {
    const head = line.match(/^(.+?)\((\d+),(\d+)\): error (TS\d+): (.*)$/);
    if (head) found.push({ file: resolve(root, head[1]), line: Number(head[2]), text: `${head[4]}: ${head[5]}` });
    else if (/^error TS/.test(line)) found.push({ file: "", line: 0, text: line });
    else if (line.startsWith(" ") && found.length > 0) found.at(-1).text += `\n${line.trim()}`;
  }
  return found;
}

const filesUnder = (dir) =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });

// 1. the whole project, both compilers
for (const [name, tsc] of Object.entries(compilers)) {
  const found = diagnostics(tsc, "tsconfig.json");
  for (const d of found) fail(`${name}: ${relative(root, d.file)}:${d.line}: ${d.text}`);
  if (found.length === 0) console.log(`✔ ${name}: the project type-checks (test-d assertions hold)`);
}

// 2. tsd
try {
  // tsd insists that its typings file is one the package ships (package.json "files"): the built
  // declarations; the test files still import the sources ("shapecheck" maps to src/ in tsconfig.json).
  if (!existsSync(join(root, "dist/src/index.d.ts")))
    execFileSync("npm", ["run", "build"], { cwd: root, stdio: "inherit" });
  execFileSync(
    join(root, "node_modules/.bin/tsd"),
    ["--typings", "dist/src/index.d.ts", "--files", "test-d/**/*.test-d.ts"],
    {
      cwd: root,
      stdio: "inherit",
    },
  );
  console.log("✔ tsd: test-d/**/*.test-d.ts");
} catch {
  fail("tsd failed");
}

// 3. error fixtures
const fixtures = filesUnder(join(root, "test-d/errors")).filter((f) => f.endsWith(".ts"));
const expected = fixtures.flatMap((file) =>
  readFileSync(file, "utf8")
    .split("\n")
    .flatMap((text, index) => {
      const match = text.match(/\/\/ error: (.*)$/);
      return match ? [{ file, line: index + 1, text: match[1].trim() }] : [];
    }),
);
for (const [name, tsc] of Object.entries(compilers)) {
  const found = diagnostics(tsc, "test-d/errors/tsconfig.json");
  for (const want of expected) {
    const here = found.filter((d) => d.file === want.file && d.line === want.line);
    if (!here.some((d) => d.text.includes(want.text))) {
      fail(
        `${name}: ${relative(root, want.file)}:${want.line}: expected an error containing\n    ${want.text}\n  got ${here.length ? here.map((d) => d.text).join("\n  and ") : "no error on that line"}`,
      );
    }
  }
  for (const d of found) {
    if (!expected.some((want) => want.file === d.file && want.line === d.line)) {
      fail(`${name}: ${relative(root, d.file)}:${d.line}: unexpected error ${d.text}`);
    }
  }
  console.log(
    `${failed ? "…" : "✔"} ${name}: ${expected.length} expected errors in ${fixtures.length} files of test-d/errors`,
  );
}
process.exit(failed ? 1 : 0);
