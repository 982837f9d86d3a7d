// A graph's joins and `ops` calls as Python expressions on the operands' variables. `ops` records
// each call as a node `{ op: "fn", fn, args, from }` (args plain data, from the tensor operands);
// older joins are `{ op: "add" | "cat" | "matmul", from, dim? }`. Unknown operations are an ExportError.
import { ExportError, writeNoFormMessage } from "../errors.ts";
import { py } from "./python.ts";

interface OpNode {
  readonly op: string;
  readonly fn?: string;
  readonly args?: readonly unknown[];
  readonly dim?: number;
  /** The operands (`{ shape }` each), for reshape's kept dimensions. */
  readonly from?: unknown;
}

const binaryOperators: Readonly<Record<string, string>> = { add: "+", sub: "-", mul: "*", div: "/", pow: "**" };
const unaryFunctions: Readonly<Record<string, string>> = {
  relu: "torch.relu",
  sigmoid: "torch.sigmoid",
  tanh: "torch.tanh",
  exp: "torch.exp",
  log: "torch.log",
  sqrt: "torch.sqrt",
  rsqrt: "torch.rsqrt",
  abs: "torch.abs",
  neg: "torch.neg",
  sin: "torch.sin",
  cos: "torch.cos",
  reciprocal: "torch.reciprocal",
  square: "torch.square",
  gelu: "nn.functional.gelu",
  silu: "nn.functional.silu",
};
/** Sizes for reshape/expand: an unknown or named size is -1 (torch infers it / keeps it). */
const sizes = (value: unknown): string =>
  py((value as readonly unknown[]).map((d) => (typeof d === "number" ? d : -1)));

/** The first operand's shape, when the node records its operands. */
const shapeOf = (from: unknown): readonly unknown[] | undefined =>
  Array.isArray(from) ? (from[0] as { readonly shape?: readonly unknown[] } | undefined)?.shape : undefined;

/**
 * Sizes for reshape/view on an input of shape `input` (variable `x`). A leading size that keeps the
 * input's unknown or named dimension (`x.size(0)`, `"batch"`: reshape's rule keeps those in place) is
 * `x.size(i)`, its value when the module runs. Any other unknown size can only be inferred: -1, if it
 * is the only size torch has to infer; otherwise there is no PyTorch form (never two -1).
 */
function reshapeSizes(fn: string, value: unknown, input: readonly unknown[] | undefined, x: string): string {
  const given = value as readonly unknown[];
  let kept = 0;
  while (
    input !== undefined &&
    kept < given.length &&
    kept < input.length &&
    typeof given[kept] !== "number" &&
    typeof input[kept] !== "number"
  )
    kept++;
  const rest = given.slice(kept);
  if (rest.filter((d) => typeof d !== "number" || d === -1).length > 1) {
    const written = given.map((d) => (d === null ? "?" : typeof d === "string" ? JSON.stringify(d) : String(d)));
    throw new ExportError(
      writeNoFormMessage(
        "toPyTorch",
        `ops.${fn}(…, [${written.join(", ")}])`,
        "more than one size is unknown after the leading dimensions it keeps (only one can be -1): give the others as numbers",
      ),
    );
  }
  const parts = [
    ...given.slice(0, kept).map((_, i) => `${x}.size(${i})`),
    ...rest.map((d) => (typeof d === "number" ? py(d) : "-1")),
  ];
  return parts.length === 1 ? `${parts[0]},` : parts.join(", ");
}

/** einops' axis lengths as keywords: `, h=2, w=2`. */
const axes = (value: unknown): string =>
  Object.entries((value ?? {}) as Record<string, unknown>)
    .map(([k, v]) => `, ${k}=${py(v)}`)
    .join("");

/** The `ops` whose Python needs the preamble's einops functions. */
export const einopsOps: ReadonlySet<string> = new Set(["rearrange", "repeat", "einopsReduce"]);

/** The Python expression of a node, given its operands' variable names. */
export function emitOp(node: OpNode, operands: readonly string[]): string {
  if (node.op === "add") return operands.join(" + ");
  if (node.op === "cat") return `torch.cat([${operands.join(", ")}], dim=${py(node.dim)})`;
  if (node.op === "matmul") return `torch.matmul(${operands.join(", ")})`;
  const fn = node.op === "fn" ? (node.fn ?? "") : node.op;
  const args = node.args ?? [];
  const [x] = operands;
  const a = (i: number) => args[i];
  if (fn in binaryOperators || fn === "maximum" || fn === "minimum") {
    // args: [a, b], a number where that side is a scalar, null where it is the next operand.
    let next = 0;
    const [left, right] = [0, 1].map((i) => (typeof args[i] === "number" ? py(args[i]) : operands[next++]!));
    if (fn === "maximum" || fn === "minimum") {
      const tensorSide = typeof args[0] === "number" ? right! : left!;
      const scalar = typeof args[0] === "number" ? left : typeof args[1] === "number" ? right : undefined;
      return scalar === undefined
        ? `torch.${fn}(${left}, ${right})`
        : `torch.clamp(${tensorSide}, ${fn === "maximum" ? "min" : "max"}=${scalar})`;
    }
    return `(${left} ${binaryOperators[fn]} ${right})`;
  }
  if (fn in unaryFunctions) return `${unaryFunctions[fn]}(${x})`;
  switch (fn) {
    case "matmul":
    case "bmm":
      return `torch.${fn}(${operands.join(", ")})`;
    case "stack":
      return `torch.stack([${operands.join(", ")}], dim=${py(a(0))})`;
    case "softmax":
      return `torch.softmax(${x}, dim=${py(a(0))})`;
    case "logSoftmax":
      return `torch.log_softmax(${x}, dim=${py(a(0))})`;
    case "reshape":
    case "view":
      return `${x}.${fn}((${reshapeSizes(fn, a(0), shapeOf(node.from), x!)}))`;
    case "expand":
      return `${x}.expand(${sizes(a(0))})`;
    case "flatten":
      return `torch.flatten(${x}, ${py(a(0))}, ${py(a(1))})`;
    case "unflatten":
      return `${x}.unflatten(${py(a(0))}, ${py(a(1))})`;
    case "permute":
      return `${x}.permute(${py(a(0))})`;
    case "transpose":
      return `${x}.transpose(${py(a(0))}, ${py(a(1))})`;
    case "squeeze":
      return args.length === 0 ? `${x}.squeeze()` : `${x}.squeeze(${py(a(0))})`;
    case "unsqueeze":
      return `${x}.unsqueeze(${py(a(0))})`;
    case "select":
      return `${x}.select(${py(a(0))}, ${py(a(1))})`;
    case "narrow":
      return `${x}.narrow(${py(a(0))}, ${py(a(1))}, ${py(a(2))})`;
    case "sum":
    case "mean":
    case "amax":
    case "amin":
    case "logsumexp":
    case "argmax":
    case "std":
    case "var": {
      // args: [dim | dims | null (all), keepdim, correction]
      const dim =
        a(0) === null || a(0) === undefined ? (fn === "argmax" ? "None" : `tuple(range(${x}.dim()))`) : py(a(0));
      const extra = fn === "std" || fn === "var" ? `, unbiased=${a(2) === 0 ? "False" : "True"}` : "";
      return `torch.${fn}(${x}, dim=${dim}${extra}, keepdim=${py(a(1) ?? false)})`;
    }
    case "einsum":
      return `torch.einsum(${py(a(0))}, ${operands.join(", ")})`;
    case "pad": {
      // args: [pad, value, mode] (mode absent: "constant", a graph saved before modes)
      const mode = (a(2) ?? "constant") as string;
      const value = (a(1) ?? 0) as number;
      const keywords = mode === "constant" ? (value === 0 ? "" : `, value=${py(value)}`) : `, mode=${py(mode)}`;
      return `nn.functional.pad(${x}, ${py(a(0))}${keywords})`;
    }
    case "tile":
      return `${x}.tile(${py(a(0))})`;
    case "rearrange":
    case "repeat":
      return `${fn}(${x}, ${py(a(0))}${axes(a(1))})`;
    case "einopsReduce":
      return `reduce(${x}, ${py(a(0))}, ${py(a(2))}${axes(a(1))})`;
    default:
      throw new ExportError(writeNoFormMessage("toPyTorch", `ops.${fn}`, "it is not written to PyTorch yet"));
  }
}
