// test/fixtures/pytorch-nn-extra.json (scripts/nn_extra_fixtures.py, PyTorch 1.13): shape records per family
// (a shapecheck builder call, an input shape, PyTorch's output shape or refusal) and value cases.
import { readFileSync } from "node:fs";
import { input, nn, sequential, ShapeError } from "../../src/index.ts";

export interface ExtraRecord {
  readonly call: string;
  readonly input: number[];
  readonly output?: number[];
  readonly error?: string;
}
export interface ExtraValueCase {
  readonly model: string;
  readonly state: Record<string, unknown>;
  readonly input: unknown;
  readonly output: unknown;
}
export interface ExtraFixtures {
  readonly shapes: Record<string, ExtraRecord[]>;
  readonly values: Record<string, ExtraValueCase>;
}

export const loadExtra = (): ExtraFixtures =>
  JSON.parse(readFileSync(new URL("../fixtures/pytorch-nn-extra.json", import.meta.url), "utf8")) as ExtraFixtures;

/** `sequential(input([3, 17], { batch: 2 }), nn.elu(0.5))`. */
export const extraModelCall = (record: ExtraRecord): string =>
  `sequential(input(${JSON.stringify(record.input.slice(1))}, { batch: ${record.input[0]} }), ${record.call})`;

/** Evaluates a model text with `nn`, `input` and `sequential` in scope. */
export const evaluate = (call: string): { outputShape: readonly unknown[] } =>
  new Function("nn", "input", "sequential", `return ${call};`)(nn, input, sequential);

/** The model's output shape, or the ShapeError it throws. */
export function outcome(call: string): readonly unknown[] | ShapeError {
  try {
    return evaluate(call).outputShape;
  } catch (error) {
    if (error instanceof ShapeError) return error;
    throw new Error(`${call}: ${String(error)}`);
  }
}
