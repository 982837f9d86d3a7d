// toOnnx: a checked model and its weights as an ONNX file (opset 17) for deployment. Inputs and
// outputs are named (`input`, `output`; `input0`, … for several) and carry the model's shapes: the
// batch and named dimensions are symbolic dims (`batch`, `seq`). The weights are initializers named
// by their PyTorch state_dict keys.
import { ExportError, writeNoFormMessage } from "../errors.ts";
import {
  tensorsOf,
  type GraphLike,
  type LayerLike,
  type ModelLike,
  type RuntimeShape,
  type TensorLike,
} from "../model-parts.ts";
import { OnnxGraph, type ValueInfo, type WeightLike } from "./builder.ts";
import { emitChain, type Context } from "./layers.ts";

/** Options of toOnnx. */
export interface ToOnnxOptions {
  /**
   * The weights, PyTorch's names and layouts: a built model's `stateDict()`, or the tensors of a
   * safetensors file (`decodeSafetensors(bytes)`).
   */
  readonly weights: Readonly<Record<string, WeightLike>>;
  /** The graph's name (default "shapecheck"). */
  readonly name?: string;
}

/** Dims for a value info: the batch `batch` (unless named), named dims as they are, other unknowns `<value>_d<i>`. */
const dimsOf = (shape: RuntimeShape, value: string): (number | string)[] =>
  shape.map((d, i) => (typeof d === "number" || typeof d === "string" ? d : i === 0 ? "batch" : `${value}_d${i}`));

/**
 * The ONNX model (bytes of a `.onnx` file) of a sequential or graph model with the given weights.
 * A layer or op with no ONNX form is an ExportError naming it.
 *
 * @example
 * const bytes = toOnnx(net, { weights: model.stateDict() });
 */
export function toOnnx(net: unknown, options: ToOnnxOptions): Uint8Array {
  const model = net as ModelLike;
  const g = new OnnxGraph();
  const c: Context = { g, weights: options.weights };
  const name = options.name ?? "shapecheck";
  if (model.kind === "sequential") {
    const y = emitChain(c, model.layers, "input", model.inputShape, "");
    const shape = model.layers.reduce<RuntimeShape>((s, l) => (l.outputShape ? l.outputShape(s) : s), model.inputShape);
    g.node("Identity", [y], {}, "output");
    renameLast(g, "output");
    return g.model(
      [{ name: "input", dims: dimsOf(model.inputShape, "input") }],
      [{ name: "output", dims: dimsOf(shape, "output") }],
      name,
    );
  }
  if (model.kind === "graph") return graphModel(c, model, name);
  throw new ExportError("toOnnx: give a sequential(...) or graph(...) model");
}

/** Names the last node's output (graph outputs get fixed names). */
function renameLast(g: OnnxGraph, output: string): void {
  const node = g.nodes.pop()!;
  g.nodes.push(node.map(([field, value]) => (field === 2 || field === 3 ? [field, output] : [field, value])));
}

function graphModel(c: Context, graph: GraphLike, name: string): Uint8Array {
  const g = c.g;
  const tensors = tensorsOf(graph);
  const pipes = tensors.filter((t) => t.node.op === "layers");
  const names = new Map<TensorLike, string>();
  const inputNames = graph.inputs.map((_, i) => (graph.inputs.length === 1 ? "input" : `input${i}`));
  graph.inputs.forEach((t, i) => names.set(t, inputNames[i]!));
  for (const t of tensors) {
    if (names.has(t)) continue;
    const node = t.node as {
      op: string;
      fn?: string;
      args?: readonly unknown[];
      dim?: number;
      from: TensorLike | readonly TensorLike[];
      layers?: readonly LayerLike[];
    };
    if (node.op === "call" || node.op === "output")
      throw new ExportError("toOnnx: a layer called on several tensors (layer.call(…)) cannot be exported to ONNX yet");
    if (node.op === "layers") {
      const from = node.from as TensorLike;
      names.set(t, emitChain(c, node.layers!, names.get(from)!, from.shape, `${pipes.indexOf(t)}.`));
      continue;
    }
    const operands = (node.from as readonly TensorLike[]).map((o) => names.get(o)!);
    names.set(
      t,
      emitOp(
        g,
        node,
        operands,
        (node.from as readonly TensorLike[]).map((o) => o.shape.length),
      ),
    );
  }
  const outputNames = graph.outputs.map((_, i) => (graph.outputs.length === 1 ? "output" : `output${i}`));
  graph.outputs.forEach((t, i) => {
    g.node("Identity", [names.get(t)!], {}, "output");
    renameLast(g, outputNames[i]!);
  });
  return g.model(
    graph.inputs.map((t, i): ValueInfo => ({ name: inputNames[i]!, dims: dimsOf(t.shape, inputNames[i]!) })),
    graph.outputs.map((t, i): ValueInfo => ({ name: outputNames[i]!, dims: dimsOf(t.shape, outputNames[i]!) })),
    name,
  );
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

/** A graph's join or `ops` call as ONNX nodes. */
function emitOp(
  g: OnnxGraph,
  node: { op: string; fn?: string; args?: readonly unknown[]; dim?: number },
  operands: readonly string[],
  ranks: readonly number[],
): string {
  if (node.op === "add") return g.node("Add", operands);
  if (node.op === "cat") return g.node("Concat", operands, { axis: node.dim! });
  if (node.op === "matmul") return g.node("MatMul", operands);
  const fn = node.fn ?? node.op;
  const args = node.args ?? [];
  if (fn in binaryOps) {
    let next = 0;
    const sides = [0, 1].map((i) => (typeof args[i] === "number" ? g.scalar(args[i] as number) : operands[next++]!));
    return g.node(binaryOps[fn]!, sides);
  }
  if (fn in unaryOps) return g.node(unaryOps[fn]!, operands);
  switch (fn) {
    case "matmul":
      return g.node("MatMul", operands);
    case "softmax":
      return g.node("Softmax", operands, { axis: args[0] as number });
    case "logSoftmax":
      return g.node("LogSoftmax", operands, { axis: args[0] as number });
    case "transpose":
    case "permute": {
      const rank = ranks[0]!;
      const perm = Array.from({ length: rank }, (_, i) => i);
      if (fn === "transpose") {
        const [a, b] = [args[0] as number, args[1] as number].map((d) => (d + rank) % rank);
        [perm[a!], perm[b!]] = [perm[b!]!, perm[a!]!];
      }
      return g.node("Transpose", operands, {
        perm: fn === "permute" ? (args[0] as number[]).map((d) => (d + rank) % rank) : perm,
      });
    }
  }
  throw new ExportError(writeNoFormMessage("toOnnx", `ops.${fn}`, "it is not written to ONNX yet"));
}
