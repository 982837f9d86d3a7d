// Compile-time cost is budgeted like run time: checking the 200-layer sequential, ResNet-18, the
// SPEC.md MNIST network and each model of bench/models/ (every layer family once: each builder's first
// use) must not take more than 20% more type instantiations than bench/budgets.json holds, under
// TypeScript 5.9 and TypeScript 7. Counts, unlike times, do not change from run to run.
// Each model file is checked alone, the library already checked (bench/types-models.ts: Alone59, Alone7).
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { join } from "node:path";
import { after, test } from "node:test";
import {
  Alone59,
  Alone7,
  benchModelCases,
  compilerNames,
  exampleCases,
  judge,
  readBudgets,
  root,
  specMnistCase,
  syntheticCase,
  tolerance,
  type ModelCase,
} from "../bench/types-models.ts";

const resnet = "examples/resnet18.ts";
const models: ModelCase[] = [
  syntheticCase(200),
  specMnistCase,
  exampleCases().find((model) => model.name === resnet) ?? { name: resnet, source: "" },
  ...benchModelCases(),
];
const budgets = readBudgets();
mkdirSync(join(root, ".tmp"), { recursive: true });
const dir = mkdtempSync(join(root, ".tmp/type-budgets-"));
after(() => rmSync(dir, { recursive: true, force: true }));
const checkers = { "TypeScript 5.9": new Alone59(join(dir, "ts5")), "TypeScript 7": new Alone7(join(dir, "ts7")) };
const update = "npm run bench:types -- --section models --skip-cold --write-budgets";
const percent = (count: number, budget: number) => `${Math.abs(Math.round((count / budget - 1) * 100))}%`;

for (const compiler of compilerNames) {
  for (const model of models) {
    test(`${compiler}: ${model.name} stays within its instantiation budget`, (t) => {
      assert.ok(model.source, `${model.name} does not exist`);
      const budget = budgets.cases[model.name]?.[compiler];
      assert.ok(
        budget !== undefined,
        `bench/budgets.json has no budget for ${model.name} under ${compiler}: measure it with ${update}`,
      );
      const run = checkers[compiler].check(model);
      assert.deepEqual(run.errors, [], `${model.name} does not type-check under ${compiler}`);
      const count = run.instantiations;
      const verdict = judge(count, budget);
      assert.notEqual(
        verdict,
        "over",
        `${model.name} under ${compiler}: ${count.toLocaleString("en-US")} type instantiations, ${percent(count, budget)} over its budget of ` +
          `${budget.toLocaleString("en-US")} (more than ${tolerance * 100}%). Find the type-level change that costs this ` +
          `(docs/bench.md: profiling); if the cost is worth it, raise the budget: ${update}`,
      );
      if (verdict === "under") {
        t.diagnostic(
          `${model.name} under ${compiler}: ${count.toLocaleString("en-US")} instantiations, ${percent(count, budget)} under its budget ` +
            `of ${budget.toLocaleString("en-US")}: lower the budget to keep the gain (${update})`,
        );
      }
    });
  }
}
