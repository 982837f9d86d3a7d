// The package's budgets as a user meets them (issue 15): `npm run bench:package`.
//  - Type-check cost of importing the root entry: a fresh project that installed the packed package
//    (test/consumer/run.mjs) checks a file that only imports `shapecheck`, and a file that imports
//    nothing; the difference in `tsc --extendedDiagnostics` check time and instantiations, with an
//    ordinary tsconfig (strict, moduleResolution bundler, skipLibCheck: true). Budget on TypeScript
//    5.9: ≤ 0.1 s and ≤ 2,000 instantiations. Also shown: TypeScript 7, and skipLibCheck: false (which
//    checks every declaration file the import reaches, TensorFlow.js's included).
//  - Bundle size: esbuild, minified, for the browser, TensorFlow.js external: `export * from "shapecheck"`
//    (budget < 100 KB), `shapecheck/tfjs` and an application building SPEC's MNIST network (reported), with
//    their gzip sizes. bench/bundle-files.ts says which source files the root bundle's bytes come from.
// Exits non-zero when a budget is exceeded. --keep keeps the project.
import { spawnSync } from "node:child_process";
import { rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { gzipSync } from "node:zlib";
import * as esbuild from "esbuild";
import { compilers, makeProject } from "../test/consumer/run.mjs";

const budgets = { checkSeconds: 0.1, instantiations: 2000, rootBundleKB: 100 };

interface Figures {
  files: number;
  instantiations: number;
  checkSeconds: number;
  totalSeconds: number;
}

function extendedDiagnostics(tsc: string, project: string, config: string): Figures {
  const run = spawnSync(process.execPath, [tsc, "-p", config, "--extendedDiagnostics", "--pretty", "false"], {
    cwd: project,
    encoding: "utf8",
    maxBuffer: 1 << 26,
  });
  const field = (name: string): number =>
    Number(run.stdout.match(new RegExp(`^${name}:\\s+([\\d.]+)`, "m"))?.[1] ?? NaN);
  return {
    files: field("Files"),
    instantiations: field("Instantiations"),
    checkSeconds: field("Check time"),
    totalSeconds: field("Total time"),
  };
}

const started = performance.now();
const project = makeProject();
console.log(`packed and installed in ${((performance.now() - started) / 1000).toFixed(0)} s: ${project}`);
writeFileSync(
  join(project, "only-import.ts"),
  'import { sequential } from "shapecheck";\nexport const use = sequential;\n',
);
writeFileSync(join(project, "no-import.ts"), "export const use = 1;\n");
for (const skipLibCheck of [true, false])
  for (const file of ["only-import", "no-import"])
    writeFileSync(
      join(project, `tsconfig.${file}.${skipLibCheck}.json`),
      JSON.stringify({
        compilerOptions: {
          target: "ES2022",
          module: "esnext",
          moduleResolution: "bundler",
          strict: true,
          skipLibCheck,
          noEmit: true,
          types: [],
        },
        files: [`${file}.ts`],
      }),
    );

let failed = false;
const over = (what: string) => {
  failed = true;
  console.log(`  ✖ over budget: ${what}`);
};
console.log("\nImporting the root entry (a file that only imports it, minus a file that imports nothing):");
for (const skipLibCheck of [true, false])
  for (const [name, tsc] of Object.entries(compilers)) {
    const only = extendedDiagnostics(tsc, project, `tsconfig.only-import.${skipLibCheck}.json`);
    const none = extendedDiagnostics(tsc, project, `tsconfig.no-import.${skipLibCheck}.json`);
    const check = only.checkSeconds - none.checkSeconds;
    const instantiations = only.instantiations - none.instantiations;
    console.log(
      `  ${name}, skipLibCheck: ${skipLibCheck}: check ${check.toFixed(2)} s, ${instantiations} instantiations, ` +
        `${only.files - none.files} more files, total time +${(only.totalSeconds - none.totalSeconds).toFixed(2)} s`,
    );
    if (skipLibCheck && name === "TypeScript 5.9") {
      if (check > budgets.checkSeconds) over(`check time ${check.toFixed(2)} s > ${budgets.checkSeconds} s`);
      if (instantiations > budgets.instantiations) over(`${instantiations} instantiations > ${budgets.instantiations}`);
    }
  }

// What an application that uses a few layers bundles (SPEC's MNIST network): reported, not budgeted.
const mnistApp = `import { sequential, input, nn } from "shapecheck";
export const net = sequential(input([1, 28, 28]), nn.conv2d(1, 32, 3, 1), nn.relu(), nn.conv2d(32, 64, 3, 1), nn.relu(),
  nn.maxPool2d(2), nn.dropout(0.25), nn.flatten(), nn.linear(9216, 128), nn.relu(), nn.dropout(0.5), nn.linear(128, 10),
  nn.logSoftmax(1));`;
console.log("\nBundles (esbuild, minified, browser, @tensorflow/* external):");
for (const [entry, contents] of [
  ["shapecheck", 'export * from "shapecheck";'],
  ["shapecheck/tfjs", 'export * from "shapecheck/tfjs";'],
  ["an application: SPEC's MNIST network (shapecheck)", mnistApp],
] as const) {
  const result = await esbuild.build({
    stdin: { contents, resolveDir: project, loader: "js" },
    bundle: true,
    minify: true,
    platform: "browser",
    format: "esm",
    write: false,
    external: ["@tensorflow/*"],
    logLevel: "silent",
  });
  const bytes = result.outputFiles[0]!.contents;
  const kb = bytes.length / 1024;
  console.log(`  ${entry}: ${kb.toFixed(1)} KB (gzip ${(gzipSync(bytes).length / 1024).toFixed(1)} KB)`);
  if (entry === "shapecheck" && kb >= budgets.rootBundleKB)
    over(`root bundle ${kb.toFixed(1)} KB ≥ ${budgets.rootBundleKB} KB`);
}

if (!process.argv.includes("--keep")) rmSync(dirname(project), { recursive: true, force: true });
console.log(failed ? "\n✖ a budget is exceeded" : "\n✔ within budgets");
process.exitCode = failed ? 1 : 0;
