// The compile-time and run-time messages are the same text: every line of test-d/errors/nn/*.ts that must not
// compile (`<expression>; // error: "<message>"`, the message the compiler reports, pinned by
// scripts/type-tests.mjs) throws a ShapeError with exactly that message when evaluated at run time.
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { describe, test } from "node:test";
import { input, nn, sequential, ShapeError } from "../src/index.ts";

const dir = new URL("../test-d/errors/nn/", import.meta.url);
const evaluate = (expression: string): unknown =>
  new Function("nn", "input", "sequential", `return ${expression};`)(nn, input, sequential);

describe("nn: the runtime message equals the compile-time message", () => {
  for (const name of readdirSync(dir)
    .filter((file) => file.endsWith(".ts"))
    .sort()) {
    test(name, () => {
      const lines = readFileSync(new URL(name, dir), "utf8").split("\n");
      let checked = 0;
      lines.forEach((line, index) => {
        const match = line.match(/^(?:export const \w+ = )?(.*);\s*\/\/ error: "(.*)"$/);
        if (!match) return;
        const [, expression, message] = match as unknown as [string, string, string];
        checked += 1;
        assert.throws(
          () => evaluate(expression),
          (error: unknown) => {
            assert.ok(error instanceof ShapeError, `${name}:${index + 1}: ${expression} threw ${String(error)}`);
            assert.equal(error.message, message, `${name}:${index + 1}: ${expression}`);
            return true;
          },
          `${name}:${index + 1}: ${expression} does not throw`,
        );
      });
      assert.ok(checked > 0, `${name}: no error lines`);
    });
  }
});
