// A 300-layer sequential, every layer a different shape, type-checks under both compilers with no
// depth error and no crash; a wrong last layer gives exactly one error, on its line.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { longModel } from "../scripts/gen-long-model.mjs";

const root = join(import.meta.dirname, "..");
const compilers = {
  "TypeScript 5.9": join(root, "node_modules/typescript/bin/tsc"),
  "TypeScript 7": join(root, "node_modules/typescript-7/bin/tsc"),
};
const flags = [
  "--noEmit",
  "--strict",
  "--allowImportingTsExtensions",
  "--module",
  "nodenext",
  "--skipLibCheck",
  "--pretty",
  "false",
];

function compile(tsc: string, file: string): string {
  const ignoreConfig = tsc.includes("typescript-7") ? ["--ignoreConfig"] : [];
  try {
    execFileSync(tsc, [...flags, ...ignoreConfig, file], { cwd: root, encoding: "utf8", maxBuffer: 1 << 26 });
    return "";
  } catch (error) {
    return String((error as { stdout?: string }).stdout ?? error);
  }
}

mkdirSync(join(root, ".tmp"), { recursive: true });
const good = longModel(300, "../src/index.ts");
const goodFile = join(root, ".tmp/scale-300.ts");
writeFileSync(goodFile, good.source);
const badFile = join(root, ".tmp/scale-300-wrong.ts");
// (without the output assertion, which a failed model cannot satisfy)
writeFileSync(
  badFile,
  good.source
    .replace(`nn.linear(${good.features}, 10)`, `nn.linear(${good.features + 1}, 10)`)
    .replace(/^export const output.*$/m, ""),
);
const badLine = good.source.split("\n").findIndex((line) => line.includes(`nn.linear(${good.features}, 10)`)) + 1;

for (const [name, tsc] of Object.entries(compilers)) {
  test(`${name}: a 300-layer sequential type-checks`, () => {
    assert.equal(compile(tsc, goodFile), "");
  });
  test(`${name}: a wrong last layer of 300 gives one error, on its line`, () => {
    const errors = compile(tsc, badFile)
      .split("\n")
      .filter((line) => line.includes("error TS"));
    assert.equal(errors.length, 1, errors.join("\n"));
    assert.match(errors[0]!, new RegExp(`scale-300-wrong\\.ts\\(${badLine},`));
    assert.match(errors[0]!, new RegExp(`inFeatures must equal the last input dimension ${good.features}`));
  });
}
