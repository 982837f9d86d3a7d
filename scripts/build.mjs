// `npm run build` (and `prepare`, so `npm pack` and `npm install` from git build too): the package in dist/.
// `node scripts/build.mjs [--allow-type-errors]`.
//  1. tsc (TypeScript 5.9, tsconfig.build.json) emits JavaScript and declarations of src/ and types/ to
//     dist/src and dist/types, relative `.ts` imports rewritten to `.js` in the JavaScript
//     (rewriteRelativeImportExtensions).
//  2. The generated declaration files that tsc does not copy (types/arith/tables.d.ts, the digit
//     tables; types/model/successor.d.ts, the successor table;
//     types/shape/tf-layer-args.d.ts, tfjs-layers' argument types) go to the same place in dist/types.
//  3. Declarations: relative `.ts` specifiers become `.js` (the usual form, which every resolution
//     mode maps to the `.d.ts` beside it). JavaScript: `#platform` (package.json "imports", the
//     sources' Node/browser switch) becomes `#dist-platform`, the same switch over dist/.
//  4. The editor plugin's CommonJS bundle, dist/ts-plugin/index.cjs (`npm run build:plugin`).
import { execFileSync, execSync } from "node:child_process";
import { copyFileSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";

const root = join(import.meta.dirname, "..");
const dist = join(root, "dist");
const started = performance.now();

// dist/ts-plugin stays: tests that run meanwhile may be loading it (build:plugin rewrites it in place).
for (const dir of ["src", "types"]) rmSync(join(dist, dir), { recursive: true, force: true });
// tsc emits everything even when the sources have a type error. `npm run build` fails then; `prepare`
// (--allow-type-errors) says so and goes on, so that `npm install` / `npm ci` of a work in progress
// still installs (the type tests report the error).
try {
  execFileSync(process.execPath, [join(root, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.build.json"], {
    cwd: root,
    stdio: "inherit",
  });
} catch (error) {
  if (!process.argv.includes("--allow-type-errors")) throw error;
  console.warn("build: the sources have type errors (above); dist/ was emitted anyway");
}

for (const file of ["types/arith/tables.d.ts", "types/model/successor.d.ts", "types/shape/tf-layer-args.d.ts"])
  copyFileSync(join(root, file), join(dist, file));

const filesUnder = (dir) =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });

// `from "./x.ts"`, `import("../y.ts")`, `import "./z.ts"` with a relative specifier
const relativeTs = /((?:from|import)\s*\(?\s*)(["'])(\.{1,2}\/[^"'\n]*?)\.ts\2/g;
let rewritten = 0;
for (const file of filesUnder(dist)) {
  const text = readFileSync(file, "utf8");
  let next = text;
  if (file.endsWith(".d.ts"))
    next = text.replace(relativeTs, (_, head, quote, path) => `${head}${quote}${path}.js${quote}`);
  else if (file.endsWith(".js"))
    next = text.replace(/(from\s*|import\s*\(\s*)(["'])#platform\2/g, "$1$2#dist-platform$2");
  if (next !== text) {
    writeFileSync(file, next);
    rewritten++;
  }
}

// Nothing may still point at a source file.
const left = filesUnder(dist).filter(
  (file) =>
    /\.(d\.ts|js)$/.test(file) &&
    /(?:from|import)\s*\(?\s*["'](?:\.{1,2}\/[^"'\n]*\.ts|#platform)["']/.test(readFileSync(file, "utf8")),
);
if (left.length > 0) throw new Error(`dist still imports sources: ${left.map((f) => relative(root, f)).join(", ")}`);

execSync("npm run --silent build:plugin", { cwd: root, stdio: "inherit" });
console.log(
  `built dist/ (${rewritten} files' imports rewritten) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);
