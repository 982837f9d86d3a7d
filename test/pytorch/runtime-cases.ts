// The runtime fixtures PyTorch 1.13 wrote (scripts/runtime_fixtures.py, test/pytorch/converted_fixtures.py):
// per case a network's state_dict, an input, PyTorch's output, and for some one SGD step.
import { readFileSync } from "node:fs";

export interface TorchCase {
  state: Record<string, unknown>;
  /** Weights too large to store: ((i·7919 + seed) mod 129 − 64) / 64 · scale, in PyTorch's layout. */
  patterned?: Record<string, { seed: number; scale: number; shape: number[] }>;
  input: unknown;
  output: unknown;
  target?: number[];
  nll?: number;
  learningRate?: number;
  stateAfterStep?: Record<string, unknown>;
}

/** A fixture file of test/fixtures/, by name. */
export const torchCases = (file: string): Record<string, TorchCase> =>
  JSON.parse(readFileSync(new URL(`../fixtures/${file}`, import.meta.url), "utf8")) as Record<string, TorchCase>;
