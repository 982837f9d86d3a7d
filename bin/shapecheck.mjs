#!/usr/bin/env node
// The `shapecheck` command. In the installed package it runs the built dist/src/cli.js; in a checkout
// of the repository (src/cli.ts present) it runs the sources through tsx.
import { existsSync } from "node:fs";

const sources = new URL("../src/cli.ts", import.meta.url);
const { main } = existsSync(sources)
  ? await (await import("tsx/esm/api")).tsImport(sources.href, import.meta.url)
  : await import("../dist/src/cli.js");
process.exitCode = await main(process.argv.slice(2));
