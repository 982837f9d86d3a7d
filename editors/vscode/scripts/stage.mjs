// Puts the plugin where VS Code's tsserver looks for it: VS Code starts tsserver with
// `--globalPlugins shapecheck/ts-plugin --pluginProbeLocations <this extension>`, and tsserver
// `require`s node_modules/shapecheck/ts-plugin from there. Builds the repository's plugin bundle
// (`npm run build:plugin`: one CommonJS file, no dependencies but TypeScript's own, which tsserver
// passes in) and copies it in. Run by `vsce package` (vscode:prepublish).
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";

const extension = resolve(import.meta.dirname, "..");
const repository = resolve(extension, "../..");
execFileSync("npm", ["run", "--silent", "build:plugin"], { cwd: repository, stdio: "inherit" });

const target = join(extension, "node_modules/shapecheck");
rmSync(target, { recursive: true, force: true });
mkdirSync(join(target, "ts-plugin"), { recursive: true });
copyFileSync(join(repository, "dist/ts-plugin/index.cjs"), join(target, "ts-plugin/index.cjs"));
// tsserver resolves `shapecheck/ts-plugin` as Node 10 did: the folder's package.json `main`.
writeFileSync(
  join(target, "package.json"),
  `${JSON.stringify({ name: "shapecheck", version: "0.1.0", private: true }, null, 2)}\n`,
);
writeFileSync(
  join(target, "ts-plugin/package.json"),
  `${JSON.stringify({ main: "index.cjs", type: "commonjs" }, null, 2)}\n`,
);
console.log(`staged ${join(target, "ts-plugin/index.cjs")}`);
