// Bundles the example page with esbuild: examples/web/main.ts → <out>/main.js, with index.html, digits.json and
// the WebAssembly backend's .wasm files beside it (tfjs looks for them next to the page).
// Run: node examples/web/build.mjs [outDir] (default examples/web/dist). In this repository "shapecheck"
// resolves to the sources (tsconfig.json's paths); in a project that installed the package, to its dist/.
import { copyFileSync, mkdirSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import * as esbuild from "esbuild";

const here = import.meta.dirname;

/**
 * Bundles the page into `out`. `entry`: the page's script (default: main.ts here); `from`: the project
 * whose node_modules provide shapecheck and tfjs (default: this repository).
 */
export async function buildPage({ out = join(here, "dist"), entry = join(here, "main.ts"), from = here } = {}) {
  mkdirSync(out, { recursive: true });
  const result = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    platform: "browser",
    format: "esm",
    target: "es2022",
    minify: true,
    sourcemap: true,
    outfile: join(out, "main.js"),
    absWorkingDir: from,
    nodePaths: [join(from, "node_modules")],
    metafile: true,
    logLevel: "warning",
  });
  for (const file of ["index.html", "digits.json"]) copyFileSync(join(dirname(entry), file), join(out, file));
  const wasm = dirname(createRequire(join(from, "package.json")).resolve("@tensorflow/tfjs-backend-wasm"));
  for (const file of readdirSync(wasm).filter((name) => name.endsWith(".wasm")))
    copyFileSync(join(wasm, file), join(out, file));
  return result;
}

if (process.argv[1] && resolve(process.argv[1]) === import.meta.filename) {
  const out = resolve(process.argv[2] ?? join(here, "dist"));
  const { metafile } = await buildPage({ out });
  const bytes = Object.values(metafile.outputs).find((o) => o.entryPoint)?.bytes ?? 0;
  console.log(`examples/web → ${out} (main.js ${(bytes / 1024).toFixed(0)} KB)`);
}
