// toOnnx: a checked model and its weights as an ONNX file (opset 17) for deployment. Inputs and
// outputs are named (`input`, `output`; `input0`, … for several) and carry the model's shapes: the
// batch and named dimensions are symbolic dims (`batch`, `seq`). The weights are initializers named
// by their PyTorch state_dict keys.
import { ExportError } from "../errors.ts";
import {
  conversionOrder,
  firstModelKeys,
  tensorsOf,
  type GraphLike,
  type LayerLike,
  type ModelLike,
  type RuntimeShape,
  type TensorLike,
} from "../model-parts.ts";
import { OnnxGraph, type ValueInfo, type WeightLike } from "./builder.ts";
import { emitCall, type CallNode } from "./calls.ts";
import { emitChain, type Context } from "./layers.ts";
import { emitOp } from "./ops.ts";

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
  const c: Context = { g, weights: options.weights, modelKeys: new Map(), graph: emitGraph };
  const name = options.name ?? "shapecheck";
  if (model.kind === "sequential") {
    for (const [layer, key] of firstModelKeys([[model.layers, ""]])) c.modelKeys.set(layer, key);
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
  const inputNames = graph.inputs.map((_, i) => (graph.inputs.length === 1 ? "input" : `input${i}`));
  const outputs = emitGraph(c, graph, inputNames, "");
  const outputNames = graph.outputs.map((_, i) => (graph.outputs.length === 1 ? "output" : `output${i}`));
  outputs.forEach((y, i) => {
    g.node("Identity", [y], {}, "output");
    renameLast(g, outputNames[i]!);
  });
  return g.model(
    graph.inputs.map((t, i): ValueInfo => ({ name: inputNames[i]!, dims: dimsOf(t.shape, inputNames[i]!) })),
    graph.outputs.map((t, i): ValueInfo => ({ name: outputNames[i]!, dims: dimsOf(t.shape, outputNames[i]!) })),
    name,
  );
}

/** A graph's pipe calls and layer calls (`layer.call(…)`: a pipe of one layer), their state_dict prefix their index. */
const isPipe = (t: TensorLike): boolean => t.node.op === "layers" || t.node.op === "call";
const layersOf = (t: TensorLike): readonly LayerLike[] =>
  t.node.op === "call"
    ? [(t.node as unknown as { layer: LayerLike }).layer]
    : (t.node as { layers: readonly LayerLike[] }).layers;

/**
 * A graph's computation on the values `inputs` (one per graph input); returns its outputs' names. Its weights'
 * keys start with `prefix` (`""`; `3.` for a graph used as layer 3 of a model).
 */
export function emitGraph(c: Context, graph: GraphLike, inputs: readonly string[], prefix: string): string[] {
  const g = c.g;
  const tensors = tensorsOf(graph);
  const pipes = tensors.filter(isPipe);
  // a model used as a layer in two pipes: its weights under the keys of the pipe the converter applies first
  for (const [layer, key] of firstModelKeys(
    conversionOrder(graph)
      .filter(isPipe)
      .map((t) => [layersOf(t), `${prefix}${pipes.indexOf(t)}.`] as const),
  ))
    if (!c.modelKeys.has(layer)) c.modelKeys.set(layer, key);
  const names = new Map<TensorLike, string>();
  const callOutputs = new Map<TensorLike, readonly string[]>();
  graph.inputs.forEach((t, i) => names.set(t, inputs[i]!));
  for (const t of tensors) {
    if (names.has(t)) continue;
    const node = t.node as {
      op: string;
      fn?: string;
      args?: readonly unknown[];
      dim?: number;
      index?: number;
      from: TensorLike | readonly TensorLike[];
      layers?: readonly LayerLike[];
    };
    if (node.op === "input") throw new ExportError("toOnnx: the graph uses an input that is not in its inputs");
    if (node.op === "layers") {
      const from = node.from as TensorLike;
      names.set(t, emitChain(c, node.layers!, names.get(from)!, from.shape, `${prefix}${pipes.indexOf(t)}.`));
      continue;
    }
    const from = node.from as readonly TensorLike[];
    if (node.op === "call") {
      const call = t.node as unknown as CallNode;
      const ys = emitCall(
        c,
        call,
        from.map((o) => ({ name: names.get(o)!, shape: o.shape })),
        `${prefix}${pipes.indexOf(t)}.0.`,
      );
      callOutputs.set(t, ys);
      names.set(t, ys[0]!);
      continue;
    }
    if (node.op === "output") {
      names.set(t, callOutputs.get(from[0]!)![node.index!]!);
      continue;
    }
    names.set(
      t,
      emitOp(
        g,
        node,
        from.map((o) => ({ name: names.get(o)!, shape: o.shape })),
        t.shape,
      ),
    );
  }
  return graph.outputs.map((t) => names.get(t)!);
}
