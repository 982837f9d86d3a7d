// The layers (`layers`, and the `nn` families TensorFlow.js has an op for) against TensorFlow.js: for 500 random
// configurations per family (seeded), the shape tfjs really produces (its layer or op applied to zeros), the runtime
// twin (`sequential(input(...), layer).outputShape`) and the type level (one generated file per family under
// .tmp/tfjs-agreement/, compiled by TypeScript 5.9 and 7) must agree: the same shape where tfjs accepts the
// configuration, a rejection (a compile error on the case's line containing the runtime's ShapeError message) where
// it does not (it throws, or gives a dimension ≤ 0). A few deliberate differences (tfjs accepts, shapecheck does not)
// are drawn on purpose and counted as "stricter", with their reason.
// TFJS_AGREEMENT_CASES sets the number of cases per family (default 500); `node --import tsx
// scripts/gen-tfjs-agreement.ts` prints the same table.
import assert from "node:assert/strict";
import { before, describe, test } from "node:test";
import "@tensorflow/tfjs-backend-cpu";
import * as tf from "@tensorflow/tfjs-core";
import { compare, compilers, families, formatReport, type Report } from "../scripts/tfjs-agreement.ts";

const perFamily = Number(process.env["TFJS_AGREEMENT_CASES"] ?? 500);
let report: Report;

describe("shapes agree with TensorFlow.js", { timeout: 1_800_000 }, () => {
  before(
    async () => {
      await tf.setBackend("cpu");
      report = await compare(perFamily);
      console.log(formatReport(report));
    },
    { timeout: 1_800_000 },
  );

  const show = (family: string) =>
    JSON.stringify(report.disagreements.filter((d) => d.family === family).slice(0, 5), null, 1);

  for (const family of Object.keys(families)) {
    test(family, () => {
      const counts = report.families[family]!;
      assert.equal(counts.cases, perFamily);
      assert.equal(counts.runtime, counts.cases, `runtime twin disagrees with tfjs:\n${show(family)}`);
      for (const name of Object.keys(compilers)) {
        assert.equal(counts.typeLevel[name], counts.cases, `${name} disagrees with tfjs:\n${show(family)}`);
      }
    });
  }

  test("no compile error outside the cases' lines", () => {
    assert.deepEqual(report.stray, []);
  });

  test("both directions occur: tfjs accepts and rejects, and so do we", () => {
    const total = Object.values(report.families).reduce(
      (sum, r) => ({ accepted: sum.accepted + r.tfjsAccepted, rejected: sum.rejected + r.tfjsRejected }),
      { accepted: 0, rejected: 0 },
    );
    assert.ok(total.accepted > 0 && total.rejected > 0, JSON.stringify(total));
  });
});
