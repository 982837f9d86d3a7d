// Where the root entry's bundle goes (issue 15's budget: < 100 KB minified): esbuild bundles src/index.ts
// as bench/package.ts bundles the packed package (minified, browser, ESM, TensorFlow.js external) and
// lists the minified bytes of each source file, largest first, and per folder.
//   node --import tsx bench/bundle-files.ts [path-prefix ...]     (only the files under these prefixes)
import * as esbuild from "esbuild";

const result = await esbuild.build({
  entryPoints: ["src/index.ts"],
  bundle: true,
  minify: true,
  platform: "browser",
  format: "esm",
  write: false,
  external: ["@tensorflow/*"],
  metafile: true,
  logLevel: "silent",
});
const output = Object.values(result.metafile.outputs)[0]!;
const prefixes = process.argv.slice(2);
const files = Object.entries(output.inputs)
  .map(([file, { bytesInOutput }]) => [file, bytesInOutput] as const)
  .filter(([file]) => prefixes.length === 0 || prefixes.some((p) => file.startsWith(p)))
  .sort((a, b) => b[1] - a[1]);
const folders = new Map<string, number>();
for (const [file, bytes] of files) {
  const folder = file.split("/").slice(0, -1).join("/");
  folders.set(folder, (folders.get(folder) ?? 0) + bytes);
}
const kb = (bytes: number) => (bytes / 1024).toFixed(2).padStart(7);
console.log(`root bundle: ${kb(result.outputFiles[0]!.contents.length)} KB`);
console.log(`selected files: ${kb(files.reduce((sum, [, bytes]) => sum + bytes, 0))} KB\n`);
for (const [folder, bytes] of [...folders].sort((a, b) => b[1] - a[1])) console.log(`${kb(bytes)}  ${folder}/`);
console.log("");
for (const [file, bytes] of files) console.log(`${kb(bytes)}  ${file}`);
