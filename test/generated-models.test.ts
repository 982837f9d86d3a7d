// A search for silent wrong answers (issue 13): random models (test/generate-models.ts), built at
// run time and compiled by TypeScript 5.9 and 7 (one program each, many files), every fourth as
// `input(…).pipe(…)`. For each model:
// - the runtime accepts it: the compiler accepts it too, and its OutputShape is the runtime's output
//   shape (`null` as `number`), or `Shape` after an array spread;
// - the runtime throws a ShapeError: the compiler refuses the same line with the same text, unless it
//   cannot know (an unknown input dimension, or the layer comes after an array spread);
// - no message shows a `\uXXXX` escape (TypeScript 5.9 escapes non-ASCII in template literal types).
// SHAPECHECK_GENERATED=<count> and SHAPECHECK_SEED=<seed> change the number of models and the seed.
import assert from "node:assert/strict";
import { join } from "node:path";
import { test } from "node:test";
import { compile, compilers, root, writeProject, type Block } from "./compile-blocks.ts";
import { generateModel, random, shapeType, type GeneratedModel } from "./generate-models.ts";

const count = Number(process.env["SHAPECHECK_GENERATED"] ?? 200);
const seed = Number(process.env["SHAPECHECK_SEED"] ?? 13);
const perFile = 20;

test(
  `${count} generated models: the compiler agrees with the runtime (seed ${seed})`,
  { timeout: 900_000 },
  async () => {
    const rand = random(seed);
    const models: GeneratedModel[] = Array.from({ length: count }, (_, i) => generateModel(`m${i}`, rand));
    const dir = join(root, ".tmp/generated-models");
    /** Where each model's lines are: file name, the line of its first layer line, and the line of its assertion. */
    const where = new Map<GeneratedModel, { file: string; first: number; assertion: number }>();
    const blocks: Block[] = [];
    for (let f = 0; f * perFile < models.length; f++) {
      const name = `models-${f}.ts`;
      const lines: string[] = [
        `import { expectType, type TypeEqual } from "ts-expect";`,
        `import { input, nn, sequential, type AnyLayer, type OutputShape, type Shape } from "shapecheck";`,
      ];
      for (const model of models.slice(f * perFile, (f + 1) * perFile)) {
        // Every fourth model is written as `input(…).pipe(…)` (the same walk): its input line becomes a comment.
        const piped = Number(model.name.slice(1)) % 4 === 3;
        const inputCode = model.lines[0]!.code.trim().replace(/,$/, "");
        lines.push(
          piped ? `export const ${model.name} = ${inputCode}.pipe(` : `export const ${model.name} = sequential(`,
        );
        const first = lines.length + 1;
        lines.push(...model.lines.map((line, l) => (piped && l === 0 ? `  // ${inputCode}` : line.code)));
        lines.push(`);`);
        const assertion = lines.length + 1;
        if ("output" in model.runtime) {
          const type = model.arrayFrom === -1 ? shapeType(model.runtime.output) : "Shape";
          lines.push(
            `expectType<TypeEqual<${piped ? `(typeof ${model.name})["~shape"]` : `OutputShape<typeof ${model.name}>`}, ${type}>>(true);`,
          );
        } else lines.push("");
        where.set(model, { file: join(dir, name), first, assertion });
      }
      blocks.push({ name, lines: lines.map((code) => ({ code })) });
    }
    writeProject(dir, blocks);

    const problems: string[] = [];
    let refused = 0;
    for (const [compiler, tsc] of Object.entries(compilers)) {
      const found = await compile(tsc, dir);
      const library = found.filter((d) => !d.file.startsWith(dir));
      const errorsAt = (file: string, line: number) => found.filter((d) => d.file === file && d.line === line);
      for (const d of found.filter((d) => d.file.startsWith(dir))) {
        if (/\\u[0-9A-Fa-f]{4}/.test(d.text))
          problems.push(`${compiler}: an escape in a message: ${d.text.split("\n")[0]}`);
      }
      for (const model of models) {
        const at = where.get(model)!;
        const source = () => `${model.name}: sequential(\n${model.lines.map((l) => l.code).join("\n")}\n)`;
        const modelErrors = found.filter((d) => d.file === at.file && d.line >= at.first && d.line < at.assertion);
        if ("output" in model.runtime) {
          if (modelErrors.length > 0)
            problems.push(
              `${compiler}: refused what the runtime accepts (${shapeType(model.runtime.output)}):\n${source()}\n  ${modelErrors.map((d) => d.text).join("\n  ")}`,
            );
          else if (errorsAt(at.file, at.assertion).length > 0)
            problems.push(
              `${compiler}: OutputShape differs from the runtime's ${model.arrayFrom === -1 ? shapeType(model.runtime.output) : "Shape"}:\n${source()}`,
            );
        } else {
          const { message, line } = model.runtime;
          const failing = model.lines[line]!;
          const afterArray = model.arrayFrom !== -1 && failing.layers.some((index) => index >= model.arrayFrom);
          const here = errorsAt(at.file, at.first + line);
          if (compiler === "TypeScript 5.9" && here.length > 0) refused++;
          if (here.some((d) => d.text.includes(message))) continue;
          if (here.length > 0)
            problems.push(
              `${compiler}: another message than the runtime's "${message}":\n${source()}\n  ${here.map((d) => d.text).join("\n  ")}`,
            );
          else if (!model.unknown && !afterArray)
            problems.push(
              `${compiler}: accepted what the runtime refuses ("${message}"):\n${source()}\n  errors on other lines: ${modelErrors.map((d) => `${d.line - at.first}: ${d.text}`).join(" | ") || "none"}`,
            );
          else if (modelErrors.some((d) => d.line !== at.first + line))
            problems.push(
              `${compiler}: an error on another line:\n${source()}\n  ${modelErrors.map((d) => d.text).join("\n  ")}`,
            );
        }
      }
      if (library.length > 0 && process.env["SHAPECHECK_GENERATED_VERBOSE"])
        console.log(`${compiler}: ${library.length} errors in the library (others' work in progress?)`);
    }
    const accepted = models.filter((m) => "output" in m.runtime).length;
    console.log(
      `generated ${models.length} models (seed ${seed}): ${accepted} accepted at run time, ${models.length - accepted} refused (${refused} refused by the compiler too), ${models.filter((m) => m.arrayFrom !== -1).length} with an array spread; ${problems.length} problems`,
    );
    assert.deepEqual(problems, []);
  },
);
