// The public `ops` namespace (`import { ops } from "shapecheck"`): each operation's type rule, runtime
// twin and messages live in src/ops/ (one file per group).
export * from "../ops/index.ts";
