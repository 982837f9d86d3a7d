// The PyTorch fixtures of `ops` (scripts/ops_fixtures.py → test/fixtures/ops-torch.json): each case as
// a call of shapecheck's ops, at run time (callOp) and as source text (callText, for the type tests).
import { readFileSync } from "node:fs";
import { input, ops } from "../../src/index.ts";

export interface OpCase {
  readonly op: string;
  readonly args: readonly any[]; // eslint-disable-line @typescript-eslint/no-explicit-any
  readonly inputs: readonly number[][];
  readonly error?: string;
  readonly x?: number[][];
  readonly output?: number[];
  readonly y?: number[];
  readonly outputs?: number[][];
  readonly ys?: number[][];
}

export const opCases = (): OpCase[] =>
  (JSON.parse(readFileSync(new URL("../fixtures/ops-torch.json", import.meta.url), "utf8")) as { cases: OpCase[] }).cases;

const binary = new Set(["add", "sub", "mul", "div", "pow", "maximum", "minimum"]);
const reductions = new Set(["sum", "mean", "amax", "amin", "argmax", "logsumexp", "std", "var"]);
const json = (v: unknown) => JSON.stringify(v);

/** The call as TypeScript source, its tensors named t0, t1, …. */
export function callText(c: OpCase): string {
  const t = c.inputs.map((_, i) => `t${i}`);
  const a = c.args;
  if (c.op === "cat" || c.op === "stack") return `ops.${c.op}([${t.join(", ")}], ${json(a[0])})`;
  if (c.op === "einsum") return `ops.einsum(${json(a[0])}, ${t.join(", ")})`;
  if (binary.has(c.op)) {
    let next = 0;
    const operands = [0, 1].map((i) => (typeof a[i] === "number" ? json(a[i]) : t[next++]));
    return `ops.${c.op}(${operands.join(", ")})`;
  }
  if (reductions.has(c.op)) return `ops.${c.op}(t0, ${a[0] === null ? "undefined" : json(a[0])}, { keepdim: ${a[1]} })`;
  return `ops.${c.op}(${[...t, ...a.map(json)].join(", ")})`;
}

/** The same call at run time, on symbolic tensors of the case's shapes (batch included). */
export function callOp(c: OpCase): unknown {
  const tensors = c.inputs.map((shape) => input(shape.slice(1), { batch: shape[0]! }));
  const f = (ops as unknown as Record<string, (...args: unknown[]) => unknown>)[c.op]!;
  const a = c.args;
  if (c.op === "cat" || c.op === "stack") return f(tensors, a[0]);
  if (c.op === "einsum") return f(a[0], ...tensors);
  if (binary.has(c.op)) {
    let next = 0;
    return f(...[0, 1].map((i) => (typeof a[i] === "number" ? a[i] : tensors[next++])));
  }
  if (reductions.has(c.op)) return f(tensors[0], a[0] ?? undefined, { keepdim: a[1] });
  return f(...tensors, ...a);
}

/** The input declarations of a case, as source. */
export const inputsText = (c: OpCase): string =>
  c.inputs.map((shape, i) => `const t${i} = input(${json(shape.slice(1))}, { batch: ${shape[0]} });`).join(" ");
