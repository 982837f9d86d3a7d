// The check an editor redoes after each keystroke, measured with TypeScript 5.9's API: a new program that
// reuses the old one's files, a new checker, and the type of the model variable (what a hover needs).
// The first rounds warm V8 up; the median is over the later ones.
//
//   node bench/recheck.mjs examples/resnet18.ts [variable] [--rounds 12]
import ts from "typescript";
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { rounds: { type: "string", default: "12" } },
});
const [file, variable] = positionals;
if (!file) throw new Error("usage: node bench/recheck.mjs <model.ts> [variable] [--rounds N]");
const configPath = ts.findConfigFile(".", ts.sys.fileExists);
const { options } = ts.parseJsonConfigFileContent(ts.readConfigFile(configPath, ts.sys.readFile).config, ts.sys, ".");
const base = readFileSync(file, "utf8");
const host = ts.createCompilerHost(options);
const unchanged = new Map();
let text = base;
const getSourceFile = host.getSourceFile.bind(host);
host.getSourceFile = (name, language, ...rest) => {
  if (name.endsWith(file)) return ts.createSourceFile(name, text, language);
  if (!unchanged.has(name)) unchanged.set(name, getSourceFile(name, language, ...rest));
  return unchanged.get(name);
};
let program;
const times = [];
for (let round = 0; round < Number(values.rounds); round++) {
  text = `${base}\n// edit ${round}\n`;
  program = ts.createProgram([file], options, host, program);
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(file);
  let declaration;
  ts.forEachChild(source, function find(node) {
    if (!declaration && ts.isVariableDeclaration(node) && (!variable || node.name.getText(source) === variable))
      declaration = node;
    ts.forEachChild(node, find);
  });
  const start = performance.now();
  checker.typeToString(checker.getTypeAtLocation(declaration.name));
  times.push(performance.now() - start);
}
const later = times.slice(Math.min(4, times.length - 1)).sort((a, b) => a - b);
console.log(
  `${file}: median ${later[later.length >> 1].toFixed(1)} ms after warm-up; every round: ${times.map((t) => t.toFixed(0)).join(" ")} ms`,
);
