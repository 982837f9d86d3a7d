#!/usr/bin/env node
// The `shapecheck` command: loads the TypeScript sources through tsx, then runs src/cli.ts.
import { tsImport } from "tsx/esm/api";

const { main } = await tsImport("../src/cli.ts", import.meta.url);
process.exitCode = await main(process.argv.slice(2));
