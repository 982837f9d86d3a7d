// A graph's joins and `ops` calls as ONNX nodes (opset 17). Reshapes keep unknown dimensions symbolic:
// a size the model does not know is read from the input's shape when the file runs (Shape → Gather,
// multiplied or divided as the op needs: `Size` below), never fixed to the size of an example.
// Reductions: ReduceSum takes its axes as an input in opset 17, ReduceMean/Max/Min/LogSumExp as an
// attribute. einsum is ONNX's Einsum; einops' rearrange/reduce/repeat the Reshape → Reduce → Transpose
// → Expand → Reshape sequence of its plan (src/ops/einops.ts).
import { ExportError, writeNoFormMessage } from "../errors.ts";
import type { RuntimeShape } from "../model-parts.ts";
import type { OnnxGraph } from "./builder.ts";
import { einopsPlan, type EinopsKind } from "../../ops/einops.ts";
import { padNode } from "./pad.ts";

/** A node of a graph's join or op: `{ op: "fn", fn, args, from }` (from: the operands, with their shapes). */
export interface OpNode {
  readonly op: string;
  readonly fn?: string;
  readonly args?: readonly unknown[];
  readonly dim?: number;
}

const binaryOps: Readonly<Record<string, string>> = {
  add: "Add",
  sub: "Sub",
  mul: "Mul",
  div: "Div",
  pow: "Pow",
  maximum: "Max",
  minimum: "Min",
};
const unaryOps: Readonly<Record<string, string>> = {
  relu: "Relu",
  sigmoid: "Sigmoid",
  tanh: "Tanh",
  exp: "Exp",
  log: "Log",
  sqrt: "Sqrt",
  abs: "Abs",
  neg: "Neg",
  sin: "Sin",
  cos: "Cos",
  reciprocal: "Reciprocal",
};
/** ONNX reductions whose axes are an attribute in opset 17 (ReduceSum's are an input). */
const attributeReductions: Readonly<Record<string, string>> = {
  mean: "ReduceMean",
  amax: "ReduceMax",
  amin: "ReduceMin",
  logsumexp: "ReduceLogSumExp",
};

/** A size of a shape being built: known (a number), or an int64 tensor of shape [1] computed when the file runs. */
type Size = number | { readonly tensor: string };

/** The sizes of a value's shape: the known ones as numbers, the others read from `Shape(x)`. */
function sizesOf(g: OnnxGraph, x: string, shape: RuntimeShape): Size[] {
  let whole: string | undefined;
  return shape.map((d, i) => {
    if (typeof d === "number") return d;
    whole ??= g.node("Shape", [x]);
    return { tensor: g.node("Gather", [whole, g.ints(g.fresh("at"), [i])], { axis: 0 }) };
  });
}
const asTensor = (g: OnnxGraph, s: Size): string => (typeof s === "number" ? g.ints(g.fresh("size"), [s]) : s.tensor);
function product(g: OnnxGraph, sizes: readonly Size[]): Size {
  const known = sizes.filter((s): s is number => typeof s === "number").reduce((a, b) => a * b, 1);
  const unknown = sizes.filter((s): s is { tensor: string } => typeof s !== "number");
  if (unknown.length === 0) return known;
  let t = unknown.slice(1).reduce((a, b) => g.node("Mul", [a, b.tensor]), unknown[0]!.tensor);
  if (known !== 1) t = g.node("Mul", [t, g.ints(g.fresh("size"), [known])]);
  return { tensor: t };
}
const divided = (g: OnnxGraph, s: Size, by: number): Size =>
  typeof s === "number" ? s / by : by === 1 ? s : { tensor: g.node("Div", [s.tensor, g.ints(g.fresh("size"), [by])]) };
/** A shape tensor (int64 [n]) from sizes: one initializer when all are known. */
function shapeTensor(g: OnnxGraph, sizes: readonly Size[]): string {
  if (sizes.every((s) => typeof s === "number")) return g.ints(g.fresh("shape"), sizes as number[]);
  return g.node(
    "Concat",
    sizes.map((s) => asTensor(g, s)),
    { axis: 0 },
    "shape",
  );
}
const reshape = (g: OnnxGraph, x: string, sizes: readonly Size[]): string =>
  g.node("Reshape", [x, shapeTensor(g, sizes)]);

const axisOf = (d: number, rank: number): number => (d < 0 ? d + rank : d);
const axesOf = (dims: unknown, rank: number): number[] | undefined =>
  dims === null || dims === undefined
    ? undefined
    : (typeof dims === "number" ? [dims] : (dims as number[])).map((d) => axisOf(d, rank));

const noForm = (fn: string, why: string): ExportError =>
  new ExportError(writeNoFormMessage("toOnnx", `ops.${fn}`, why));

/** Operand `i`'s shape and name. */
interface Operand {
  readonly name: string;
  readonly shape: RuntimeShape;
}

/** A graph's join or `ops` call as ONNX nodes; returns the output's name. `output`: the tensor's shape (the op's rule). */
export function emitOp(g: OnnxGraph, node: OpNode, operands: readonly Operand[], output: RuntimeShape): string {
  const names = operands.map((o) => o.name);
  if (node.op === "add") return g.node("Add", names);
  if (node.op === "cat") return g.node("Concat", names, { axis: node.dim! });
  if (node.op === "matmul") return g.node("MatMul", names);
  const fn = node.fn ?? node.op;
  const args = node.args ?? [];
  const a = (i: number): unknown => args[i];
  const [x] = names;
  const input = operands[0]?.shape ?? [];
  const rank = input.length;
  if (fn in binaryOps) {
    let next = 0;
    const sides = [0, 1].map((i) => (typeof args[i] === "number" ? g.scalar(args[i] as number) : names[next++]!));
    return g.node(binaryOps[fn]!, sides);
  }
  if (fn in unaryOps) return g.node(unaryOps[fn]!, names);
  switch (fn) {
    case "rsqrt":
      return g.node("Reciprocal", [g.node("Sqrt", [x!])]);
    case "square":
      return g.node("Mul", [x!, x!]);
    case "gelu": {
      const erf = g.node("Erf", [g.node("Div", [x!, g.scalar(Math.SQRT2)])]);
      return g.node("Mul", [g.node("Mul", [x!, g.scalar(0.5)]), g.node("Add", [erf, g.scalar(1)])]);
    }
    case "silu":
      return g.node("Mul", [x!, g.node("Sigmoid", [x!])]);
    case "matmul":
    case "bmm":
      return g.node("MatMul", names);
    case "softmax":
      return g.node("Softmax", names, { axis: a(0) as number });
    case "logSoftmax":
      return g.node("LogSoftmax", names, { axis: a(0) as number });
    case "transpose":
    case "permute": {
      const perm = Array.from({ length: rank }, (_, i) => i);
      if (fn === "transpose") {
        const [p, q] = [a(0) as number, a(1) as number].map((d) => axisOf(d, rank));
        [perm[p!], perm[q!]] = [perm[q!]!, perm[p!]!];
      }
      return g.node("Transpose", names, {
        perm: fn === "permute" ? (a(0) as number[]).map((d) => axisOf(d, rank)) : perm,
      });
    }
    case "reshape":
    case "view":
      return reshapeOp(g, fn, x!, input, a(0) as readonly unknown[]);
    case "flatten": {
      const [start, end] = [axisOf((a(0) as number) ?? 0, rank), axisOf((a(1) as number) ?? -1, rank)];
      const sizes = sizesOf(g, x!, input);
      return reshape(g, x!, [
        ...sizes.slice(0, start),
        product(g, sizes.slice(start, end + 1)),
        ...sizes.slice(end + 1),
      ]);
    }
    case "unflatten": {
      const d = axisOf(a(0) as number, rank);
      const given = (a(1) as readonly unknown[]).map((s) => (typeof s === "number" ? s : -1));
      if (given.filter((s) => s === -1).length > 1) throw noForm(fn, "more than one of its sizes is unknown");
      const sizes = sizesOf(g, x!, input);
      return reshape(g, x!, [...sizes.slice(0, d), ...given, ...sizes.slice(d + 1)]);
    }
    case "squeeze": {
      // the size-1 dimensions, as the rule saw them (never the batch because it happens to be 1 when the file runs)
      const given = a(0) === undefined || a(0) === null ? input.map((_, i) => i) : (axesOf(a(0), rank) ?? []);
      const axes = given.filter((d) => input[d] === 1);
      if (output.length !== rank - axes.length)
        throw noForm(fn, "whether the dimension is 1 is known only when the model runs (its size is unknown)");
      return axes.length === 0 ? g.node("Identity", [x!]) : g.node("Squeeze", [x!, g.ints(g.fresh("axes"), axes)]);
    }
    case "unsqueeze":
      return g.node("Unsqueeze", [x!, g.ints(g.fresh("axes"), [axisOf(a(0) as number, rank + 1)])]);
    case "expand": {
      // torch's -1 keeps a dimension: Expand broadcasts, so 1 keeps it
      const sizes = (a(0) as readonly unknown[]).map((s) => (typeof s === "number" && s >= 0 ? s : 1));
      return g.node("Expand", [x!, g.ints(g.fresh("shape"), sizes)]);
    }
    case "tile": {
      const reps = a(0) as readonly number[];
      const all = [...new Array<number>(Math.max(0, rank - reps.length)).fill(1), ...reps];
      const lifted =
        all.length > rank
          ? g.node("Unsqueeze", [
              x!,
              g.ints(
                g.fresh("axes"),
                Array.from({ length: all.length - rank }, (_, i) => i),
              ),
            ])
          : x!;
      return g.node("Tile", [lifted, g.ints(g.fresh("repeats"), all)]);
    }
    case "select":
      return g.node("Gather", [x!, g.ints(g.fresh("index"), [a(1) as number], true)], {
        axis: axisOf(a(0) as number, rank),
      });
    case "narrow": {
      const [d, start, length] = [axisOf(a(0) as number, rank), a(1) as number, a(2) as number];
      // a negative start counts from the end; an end at 0 from a negative start is the end itself
      const end = start < 0 && start + length === 0 ? Number.MAX_SAFE_INTEGER : start + length;
      return g.node("Slice", [
        x!,
        g.ints(g.fresh("starts"), [start]),
        g.ints(g.fresh("ends"), [end]),
        g.ints(g.fresh("axes"), [d]),
      ]);
    }
    case "stack": {
      const d = axisOf(a(0) as number, rank + 1);
      const axes = g.ints(g.fresh("axes"), [d]);
      return g.node(
        "Concat",
        names.map((n) => g.node("Unsqueeze", [n, axes])),
        { axis: d },
      );
    }
    case "sum":
    case "mean":
    case "amax":
    case "amin":
    case "logsumexp":
      return reduce(g, fn, x!, axesOf(a(0), rank), Boolean(a(1)));
    case "var":
    case "std": {
      const axes = axesOf(a(0), rank);
      const keep = Boolean(a(1));
      const correction = (a(2) as number | undefined) ?? 1;
      const centered = g.node("Sub", [x!, reduce(g, "mean", x!, axes, true)]);
      const squares = reduce(g, "sum", g.node("Mul", [centered, centered]), axes, keep);
      const sizes = sizesOf(g, x!, input);
      const count = product(
        g,
        (axes ?? input.map((_, i) => i)).map((d) => sizes[d]!),
      );
      const divisor =
        typeof count === "number"
          ? g.scalar(count - correction)
          : g.node("Sub", [g.node("Squeeze", [g.node("Cast", [count.tensor], { to: 1 })]), g.scalar(correction)]);
      const variance = g.node("Div", [squares, divisor]);
      return fn === "var" ? variance : g.node("Sqrt", [variance]);
    }
    case "argmax": {
      const keep = Boolean(a(1));
      const index =
        a(0) === null || a(0) === undefined
          ? g.node("Reshape", [
              g.node("ArgMax", [g.node("Reshape", [x!, g.ints(g.fresh("shape"), [-1])])], { axis: 0, keepdims: 0 }),
              g.ints(g.fresh("shape"), output as number[]),
            ])
          : g.node("ArgMax", [x!], { axis: axisOf(a(0) as number, rank), keepdims: keep ? 1 : 0 });
      return g.node("Cast", [index], { to: 1 }); // float, as the model's other outputs
    }
    case "einsum":
      return g.node("Einsum", names, { equation: String(a(0)).replace(/\s+/g, "") });
    case "rearrange":
      return einops(g, "rearrange", x!, input, String(a(0)), a(1), undefined);
    case "repeat":
      return einops(g, "repeat", x!, input, String(a(0)), a(1), undefined);
    case "einopsReduce":
      return einops(g, "reduce", x!, input, String(a(0)), a(1), String(a(2)));
    case "pad":
      return padNode(g, x!, rank, args);
  }
  throw noForm(fn, "it is not written to ONNX yet");
}

/** A reduction over `axes` (undefined: all), keeping the reduced dimensions as size 1 or not. */
function reduce(g: OnnxGraph, fn: string, x: string, axes: readonly number[] | undefined, keep: boolean): string {
  const keepdims = keep ? 1 : 0;
  if (fn === "sum" || fn === "prod") {
    if (fn === "prod")
      return g.node("ReduceProd", [x], axes === undefined ? { keepdims } : { axes: [...axes], keepdims });
    return g.node("ReduceSum", axes === undefined ? [x] : [x, g.ints(g.fresh("axes"), axes)], { keepdims });
  }
  const op = attributeReductions[fn]!;
  return g.node(op, [x], axes === undefined ? { keepdims } : { axes: [...axes], keepdims });
}

/**
 * reshape/view: a leading size that keeps the input's unknown or named dimension (reshape's rule keeps those in
 * place) is read from the input's shape; any other unknown size is -1, if it is the only one.
 */
function reshapeOp(g: OnnxGraph, fn: string, x: string, input: RuntimeShape, given: readonly unknown[]): string {
  let kept = 0;
  while (
    kept < given.length &&
    kept < input.length &&
    typeof given[kept] !== "number" &&
    typeof input[kept] !== "number"
  )
    kept++;
  const rest = given.slice(kept).map((d) => (typeof d === "number" ? d : -1));
  if (rest.filter((d) => d === -1).length > 1)
    throw noForm(
      fn,
      "more than one size is unknown after the leading dimensions it keeps (only one can be -1): give the others as numbers",
    );
  const sizes = sizesOf(g, x, input);
  const shape = shapeTensor(g, [...sizes.slice(0, kept), ...rest]);
  // a literal 0 is a size 0 (allowzero), as torch; ONNX's default reads 0 as "copy the input's"
  return g.node("Reshape", [x, shape], rest.includes(0) ? { allowzero: 1 } : {});
}

/** The axes of the left side of an einops pattern, grouped by input dimension ("..." one group per dimension it stands for). */
function leftGroups(pattern: string, rank: number): number[] {
  const side = pattern.split("->")[0]!;
  const elements: number[] = []; // each element's axis count
  let group: number | undefined;
  let dots = -1;
  for (const word of side.replace(/\(/g, " ( ").replace(/\)/g, " ) ").split(/\s+/).filter(Boolean)) {
    if (word === "(") group = 0;
    else if (word === ")") {
      elements.push(group!);
      group = undefined;
    } else if (group !== undefined) group++;
    else if (word === "...") {
      dots = elements.length;
      elements.push(-1);
    } else elements.push(1);
  }
  if (dots === -1) return elements;
  const count = rank - (elements.length - 1);
  return [...elements.slice(0, dots), ...new Array<number>(count).fill(1), ...elements.slice(dots + 1)];
}

/** einops' rearrange / reduce / repeat, as the runtime computes it (src/ops/ops.tfjs.ts), unknown sizes symbolic. */
function einops(
  g: OnnxGraph,
  kind: EinopsKind,
  x: string,
  input: RuntimeShape,
  pattern: string,
  lengths: unknown,
  reduction: string | undefined,
): string {
  const plan = einopsPlan(kind, pattern, input, (lengths ?? {}) as Record<string, number>);
  // each left axis's size: known, or its input dimension divided by the known sizes of its group
  const dims = sizesOf(g, x, input);
  const groups = leftGroups(pattern, input.length);
  const size = new Map<string, Size>();
  let at = 0;
  groups.forEach((count, d) => {
    const axes = plan.left.slice(at, at + count);
    at += count;
    const known = axes.map((axis) => plan.sizes.get(axis)).filter((s): s is number => typeof s === "number");
    for (const axis of axes) {
      const s = plan.sizes.get(axis);
      size.set(
        axis,
        typeof s === "number"
          ? s
          : axes.length === 1
            ? dims[d]!
            : divided(
                g,
                dims[d]!,
                known.reduce((p, q) => p * q, 1),
              ),
      );
    }
  });
  let t = reshape(
    g,
    x,
    plan.left.map((axis) => size.get(axis)!),
  );
  const gone = plan.left.map((axis, i) => (plan.right.includes(axis) ? -1 : i)).filter((i) => i >= 0);
  if (gone.length > 0) {
    const fn = { sum: "sum", mean: "mean", max: "amax", min: "amin", prod: "prod" }[reduction ?? "sum"];
    if (!fn) throw noForm("reduce", `reduction "${reduction}" is not written to ONNX`);
    t = reduce(g, fn, t, gone, false);
  }
  const kept = plan.left.filter((axis) => plan.right.includes(axis));
  const order = plan.right.filter((axis) => kept.includes(axis));
  if (order.length > 1 && order.some((axis, i) => kept[i] !== axis))
    t = g.node("Transpose", [t], { perm: order.map((axis) => kept.indexOf(axis)) });
  const rightSizes: Size[] = plan.right.map((axis, i) =>
    kept.includes(axis) ? size.get(axis)! : (plan.rightSizes[i] as number),
  );
  if (plan.right.some((axis) => !kept.includes(axis))) {
    t = reshape(
      g,
      t,
      plan.right.map((axis) => (kept.includes(axis) ? size.get(axis)! : 1)),
    );
    t = g.node("Expand", [t, shapeTensor(g, rightSizes)]);
  }
  // the output: each right group the product of its axes
  const outSizes: Size[] = [];
  let i = 0;
  for (const group of rightGroupSizes(pattern, plan.right.length)) {
    outSizes.push(product(g, rightSizes.slice(i, i + group)));
    i += group;
  }
  return reshape(g, t, outSizes);
}

/** The right side's groups' axis counts ("..." one per dimension it stands for; `total`: the plan's right axes). */
function rightGroupSizes(pattern: string, total: number): number[] {
  const side = pattern.split("->")[1]!;
  const elements: number[] = [];
  let group: number | undefined;
  let dots = -1;
  for (const word of side.replace(/\(/g, " ( ").replace(/\)/g, " ) ").split(/\s+/).filter(Boolean)) {
    if (word === "(") group = 0;
    else if (word === ")") {
      elements.push(group!);
      group = undefined;
    } else if (group !== undefined) group++;
    else if (word === "...") {
      dots = elements.length;
      elements.push(-1);
    } else elements.push(1);
  }
  if (dots === -1) return elements;
  const counted = elements.filter((e) => e >= 0).reduce((p, q) => p + q, 0);
  return [...elements.slice(0, dots), ...new Array<number>(total - counted).fill(1), ...elements.slice(dots + 1)];
}
