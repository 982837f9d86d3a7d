// Assembles README.md from the sections in docs/ (each written next to the code it documents).
// Run: node scripts/build-readme.mjs
import { existsSync, readFileSync, writeFileSync } from "node:fs";

const docs = new URL("../docs/", import.meta.url);
const read = (name) => (existsSync(new URL(name, docs)) ? readFileSync(new URL(name, docs), "utf8").trim() : "");
/** Moves every heading `levels` deeper (outside code blocks). */
const demote = (text, levels) => {
  let code = false;
  return text
    .split("\n")
    .map((line) => {
      if (line.startsWith("```")) code = !code;
      return !code && /^#{1,5} /.test(line) ? "#".repeat(levels) + line : line;
    })
    .join("\n");
};
const sections = [
  read("intro.md"),
  read("core.md"),
  read("nn-core.md"),
  read("nn.md").replace(/^## `nn` layers: [^\n]*\n/, ""),
  read("layers.md"),
  read("runtime.md"),
  demote(read("explain.md"), 1),
  read("arith.md").replace(/^## Arithmetic on dimensions/, "## Type-level arithmetic"),
  read("bench.md") &&
    demote(read("bench.md"), read("bench.md").startsWith("# ") ? 1 : 0).replace(/^## [^\n]*/, "## Type-checking cost"),
  read("limits.md"),
];
writeFileSync(new URL("../README.md", import.meta.url), `${sections.filter(Boolean).join("\n\n")}\n`);
console.log("wrote README.md");
