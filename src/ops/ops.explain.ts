// Explain rows for the operations of `ops` and `einops` (graph nodes of kind "fn"): the call as written
// and the arithmetic of the dimensions it changes. src/explain/explain.ts's explainJoin uses it for
// `node.op === "fn"`.
import { showDim, showShape, type RuntimeShape } from "../shape/dims.ts";
import { mergeArithmetic } from "../families/merge/merge.explain.ts";
import type { MergeSpec } from "../families/merge/merge.ts";
import { padArithmetic, writtenPad } from "./pad.explain.ts";

/** An operation node as explain reads it. */
export interface OpNodeLike {
  readonly fn: string;
  readonly args: readonly unknown[];
}

const text = (value: unknown): string =>
  typeof value === "string"
    ? JSON.stringify(value)
    : Array.isArray(value)
      ? `[${value.map(text).join(", ")}]`
      : value === null
        ? "null"
        : typeof value === "object"
          ? JSON.stringify(value)
          : String(value);

/** How the call reads: `ops.transpose(…, 1, 2)`, `einops.rearrange(…, "b c h w -> b (h w) c")`. */
export function writtenOp(node: OpNodeLike): string {
  const args = node.args.filter(
    (arg, i) =>
      !(node.fn === "rearrange" || node.fn === "repeat" || node.fn === "einopsReduce") ||
      i === 0 ||
      (arg !== null && typeof arg === "object" && Object.keys(arg).length > 0) ||
      typeof arg === "string",
  );
  if (node.fn === "tfMerge") return `layers.${(node.args[0] as { written: string }).written}.apply([…])`;
  if (node.fn === "einsum") return `ops.einsum(${text(node.args[0])}, …)`;
  if (node.fn === "pad") return writtenPad(node.args);
  if (node.fn === "rearrange" || node.fn === "repeat") return `einops.${node.fn}(…, ${args.map(text).join(", ")})`;
  if (node.fn === "einopsReduce") return `einops.reduce(…, ${args.map(text).join(", ")})`;
  const reductions = ["sum", "mean", "amax", "amin", "argmax", "logsumexp", "std", "var"];
  const args2 = reductions.includes(node.fn)
    ? [node.args[0], node.args[1] === true ? { keepdim: true } : null]
    : node.args;
  const shown = args2.filter((arg) => arg !== null && arg !== false && arg !== undefined).map(text);
  return `ops.${node.fn}(…${shown.length > 0 ? `, ${shown.join(", ")}` : ""})`;
}

/** The row of an operation: what it is written as, and how its output's shape follows from its operands'. */
export function explainOp(
  node: OpNodeLike,
  inputs: readonly RuntimeShape[],
  output: RuntimeShape,
): { layer: string; arithmetic: string[] } {
  const layer = writtenOp(node);
  const from = inputs.map((shape) => showShape(shape)).join(" and ");
  const arithmetic = [`${from} → ${showShape(output)}`];
  if (node.fn === "reshape" || node.fn === "view" || node.fn === "flatten") {
    const elements = (shape: RuntimeShape) => shape.slice(1).map(showDim).join("·");
    arithmetic.push(`${elements(inputs[0] ?? [])} = ${elements(output)} elements per example`);
  }
  if (node.fn === "tfMerge") arithmetic.push(...mergeArithmetic(node.args[0] as MergeSpec, inputs, output));
  if (node.fn === "pad") arithmetic.push(...padArithmetic(node.args, inputs[0] ?? [], output));
  return { layer, arithmetic };
}
