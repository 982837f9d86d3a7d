// The PyTorch fixtures of ops.pad (scripts/pad_fixtures.py → test/fixtures/ops-pad-torch.json) and how a case is
// written as shapecheck's call. Used by test/ops-pad.test.ts and test/ops-pad-types.test.ts.
import { readFileSync } from "node:fs";
import type { PadMode } from "../../src/ops/pad.ts";

export interface PadCase {
  readonly inputs: readonly number[][];
  readonly pad: readonly number[];
  readonly mode: PadMode;
  readonly value: number | null;
  readonly error?: string;
  readonly undefined?: true;
  readonly output?: number[];
  readonly x?: number[];
  readonly y?: number[];
  readonly w?: number[];
  readonly grad?: number[];
}

export const padCases = (): PadCase[] =>
  (JSON.parse(readFileSync(new URL("../fixtures/ops-pad-torch.json", import.meta.url), "utf8")) as { cases: PadCase[] })
    .cases;

/** The options argument of a case as shapecheck takes it (a constant's value alone sometimes, as a number). */
export function padOptions(c: PadCase, i: number): number | { mode?: PadMode; value?: number } | undefined {
  if (c.mode === "constant") return c.value === null ? undefined : i % 2 === 0 ? c.value : { value: c.value };
  return c.value === null ? { mode: c.mode } : { mode: c.mode, value: c.value };
}
