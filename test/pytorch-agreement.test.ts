// The runtime twins against PyTorch 1.13: for every record of test/fixtures/pytorch-shapes.json, the model
// `sequential(input(...), nn.layer(...))` has exactly PyTorch's output shape, or throws a ShapeError where
// PyTorch raised (when the layer is built or when the model is).
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { input, nn, sequential, ShapeError } from "../src/index.ts";
import { loadRecords, modelCall, skipReason } from "./pytorch/records.ts";

const records = loadRecords();
const build = (call: string): { outputShape: readonly unknown[] } =>
  new Function("nn", "input", "sequential", `return ${call};`)(nn, input, sequential);

/** Counts per family, printed at the end. */
const counts: Record<string, { valid: number; invalid: number; skipped: number }> = {};

describe("runtime twins agree with PyTorch 1.13", () => {
  for (const [family, list] of Object.entries(records)) {
    test(family, () => {
      const count = (counts[family] = { valid: 0, invalid: 0, skipped: 0 });
      const failures: string[] = [];
      list.forEach((record, index) => {
        if (skipReason(record)) {
          count.skipped += 1;
          return;
        }
        const call = modelCall(family, record, index);
        let result: readonly unknown[] | ShapeError;
        try {
          result = build(call).outputShape;
        } catch (error) {
          if (!(error instanceof ShapeError)) throw new Error(`${call}: ${String(error)}`);
          result = error;
        }
        if (record.output) {
          count.valid += 1;
          if (result instanceof ShapeError)
            failures.push(`${call}: PyTorch gives [${record.output}], the runtime throws "${result.message}"`);
          else if (JSON.stringify(result) !== JSON.stringify(record.output))
            failures.push(`${call}: PyTorch gives [${record.output}], the runtime [${result.join(", ")}]`);
        } else {
          count.invalid += 1;
          if (!(result instanceof ShapeError))
            failures.push(`${call}: PyTorch raises "${record.error}", the runtime gives [${result.join(", ")}]`);
        }
      });
      assert.deepEqual(failures, [], `${failures.length} disagreements:\n${failures.slice(0, 20).join("\n")}`);
      assert.ok(count.valid >= 500, `${family}: ${count.valid} valid records`);
    });
  }
  test("counts", () => {
    const total = Object.values(counts).reduce((sum, c) => sum + c.valid + c.invalid, 0);
    console.log(
      Object.entries(counts)
        .map(
          ([family, c]) =>
            `  ${family}: ${c.valid} valid, ${c.invalid} invalid${c.skipped ? `, ${c.skipped} skipped` : ""}`,
        )
        .join("\n"),
    );
    console.log(`  ${total} PyTorch records checked at run time`);
    assert.equal(Object.keys(counts).length, Object.keys(records).length);
  });
});
