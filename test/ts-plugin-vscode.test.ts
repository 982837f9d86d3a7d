// The VS Code extension (editors/vscode/): `vsce package` (no upload, no network) builds a .vsix
// holding the manifest that contributes shapecheck/ts-plugin through `typescriptServerPlugins` and
// the plugin itself; and a tsserver started as VS Code starts it (`--globalPlugins`, the extension
// as `--pluginProbeLocations`) gives the hints on a project whose tsconfig.json lists no plugin.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { makeProject, OpenFile, root, TsServer } from "./ts-plugin-server.ts";

const extension = join(root, "editors/vscode");

test("vsce packages the extension: the manifest contributes the plugin, and the plugin is inside", () => {
  const manifest = JSON.parse(readFileSync(join(extension, "package.json"), "utf8"));
  assert.deepEqual(manifest.contributes.typescriptServerPlugins, [
    { name: "shapecheck/ts-plugin", enableForWorkspaceTypeScriptVersions: true },
  ]);
  const vsix = join(root, ".tmp/shapecheck-vscode.vsix");
  rmSync(vsix, { force: true });
  execFileSync(join(root, "node_modules/.bin/vsce"), ["package", "--out", vsix], {
    cwd: extension,
    stdio: "pipe",
    timeout: 120_000,
  });
  const listing = execFileSync("unzip", ["-l", vsix], { encoding: "utf8" });
  for (const file of [
    "extension/package.json",
    "extension/node_modules/shapecheck/ts-plugin/index.cjs",
    "extension/node_modules/shapecheck/ts-plugin/package.json",
  ]) {
    assert.ok(listing.includes(file), `${file} not in the package:\n${listing}`);
  }
});

test("a tsserver started as VS Code starts it loads the extension's plugin (no plugin in tsconfig.json)", async () => {
  const dir = makeProject("ts-plugin-vscode", null); // the first test staged the plugin in the extension
  const server = new TsServer(extension, ["--globalPlugins", "shapecheck/ts-plugin"]);
  try {
    const file = await OpenFile.open(
      server,
      join(dir, "mnist.ts"),
      readFileSync(join(root, "examples/mnist.ts"), "utf8"),
    );
    const hints = (await file.hints()).map((hint) => hint.text);
    assert.equal(hints.length, 12);
    assert.equal(hints.at(-1), "→ [n, 10]");
  } finally {
    server.close();
  }
});
