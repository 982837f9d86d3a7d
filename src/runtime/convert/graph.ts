// toTfjs for graph(...) models: the symbolic tensors' DAG → one tfjs-layers functional model. Each
// `pipe` call is a chain (converted as a sequential's layers are, layouts tracked); joins bring their
// operands to one layout; the operations of `ops` run in PyTorch's order (ops.ts). A tensor used twice
// is converted once. Names: the graph's pipe calls numbered in the order they ran (`2.0.weight`: pipe
// 2, its layer 0), joins and operations `add.0`, `cat.1`, `transpose.2`, ….
import * as tfl from "@tensorflow/tfjs-layers";
import { dimIndex } from "../../shape/dim-index.ts";
import { showShape, type RuntimeShape } from "../../shape/dims.ts";
import type { SymbolicTensor } from "../../model/symbolic.ts";
import { configsOf, NotConvertibleError, type LayerConfig, type ParamSpec } from "./context.ts";
import { chain, withKnownSizes, withSharing, type Conversion } from "./index.ts";
import { physicalAxis, toLayout, type Layout } from "./layout.ts";
import { MatMul } from "../../ops/matmul.tfjs.ts";
import { opLayer } from "../../ops/ops.tfjs.ts";
import type { OpName } from "../../ops/rules.ts";
import { callConverters, type CallConverter } from "./call.ts";

/** What toTfjs needs of a graph. */
export interface GraphLike {
  readonly kind: "graph";
  readonly inputs: readonly SymbolicTensor[];
  readonly outputs: readonly SymbolicTensor[];
}

/** Every tensor the outputs are computed from (inputs and outputs included), in creation order. */
export function tensorsOf(graph: GraphLike): SymbolicTensor[] {
  const seen = new Set<SymbolicTensor>();
  const visit = (t: SymbolicTensor): void => {
    if (seen.has(t)) return;
    seen.add(t);
    const node = t.node;
    if (node.op === "layers") visit(node.from);
    else if (node.op !== "input") node.from.forEach(visit);
  };
  graph.outputs.forEach(visit);
  return [...seen].sort((a, b) => a.order - b.order);
}

/** Whether a tensor is made by layers: a pipe call, or a layer called on several tensors (`mha.call(…)`). */
const isPipe = (t: SymbolicTensor): boolean => t.node.op === "layers" || t.node.op === "call";

/**
 * The graph's pipe calls (and layer calls) in the order they ran: pipe i's layers have state_dict keys
 * `${i}.${layer}.…`; a layer called on several tensors is a pipe of one layer (`${i}.0.…`).
 */
export const pipesOf = (graph: GraphLike): SymbolicTensor[] => tensorsOf(graph).filter(isPipe);

export interface Done {
  readonly y: tfl.SymbolicTensor;
  readonly layout: Layout;
  readonly shape: RuntimeShape;
}

const knownSizes = (shape: RuntimeShape) => shape.map((dim) => (typeof dim === "number" ? dim : null));

/** Builds the tfjs-layers model of a graph, with PyTorch's initial weights; inputs and outputs in PyTorch's layout. */
export function convertGraph(graph: GraphLike): Conversion {
  const inputs = graph.inputs.map((t, i) =>
    tfl.input({ batchShape: knownSizes(t.shape), name: graph.inputs.length === 1 ? "input" : `input${i}` }),
  );
  const inputsText = graph.inputs.map((t) => showShape(t.shape)).join(", ");
  let params: readonly ParamSpec[] = [];
  const outputs = withKnownSizes(inputsText, () =>
    withSharing(layerListsOf(graph), () => {
      const applied = applyGraph(
        graph,
        inputs.map((y, i) => ({ y, layout: "first", shape: graph.inputs[i]!.shape })),
        "",
      );
      params = applied.params;
      return applied.outputs.map((out, i) => {
        const y = toLayout(out.y, out.shape.length, out.layout, "first", `output${i}`);
        // tfjs wants each output made by a layer, once: an input or a repeated output passes an identity.
        const reused = inputs.includes(y) || applied.outputs.slice(0, i).includes(out);
        return reused
          ? (tfl.layers
              .activation({ activation: "linear", name: `output${i}.identity` })
              .apply(y) as tfl.SymbolicTensor)
          : y;
      });
    }),
  );
  const model = tfl.model({ inputs, outputs });
  return { model, params };
}

/** The layer lists of a graph's pipes and calls (for the layers used in several places: shared weights). */
export const layerListsOf = (graph: GraphLike): (readonly LayerConfig[])[] =>
  tensorsOf(graph)
    .filter(isPipe)
    .map((t) => configsOf(t.node.op === "layers" ? t.node.layers : t.node.op === "call" ? [t.node.layer] : []));

/**
 * A graph's computation applied to tfjs tensors (`starts`, one per input): its outputs and parameters.
 * Names and state_dict keys start with `prefix` (`""` for the model itself; `3.` for a graph used as
 * layer 3 of another model).
 */
export function applyGraph(
  graph: GraphLike,
  starts: readonly Done[],
  prefix: string,
): { outputs: Done[]; params: ParamSpec[] } {
  const tensors = tensorsOf(graph);
  const pipes = tensors.filter(isPipe);
  const joins = tensors.filter((t) => !isPipe(t) && t.node.op !== "input" && t.node.op !== "output");
  const layerLists = pipes.map((t) =>
    configsOf(t.node.op === "layers" ? t.node.layers : t.node.op === "call" ? [t.node.layer] : []),
  );
  /** A call's outputs after the first (its own tensor's), read by its "output" nodes. */
  const callOutputs = new Map<SymbolicTensor, readonly tfl.SymbolicTensor[]>();
  const paramsOf = new Map<SymbolicTensor, readonly ParamSpec[]>();
  const done = new Map<SymbolicTensor, Done>(graph.inputs.map((t, i) => [t, starts[i]!]));

  const visit = (t: SymbolicTensor): Done => {
    const known = done.get(t);
    if (known) return known;
    const node = t.node;
    let result: Done;
    if (node.op === "input") {
      throw new NotConvertibleError("toTfjs: the graph uses an input that is not in its inputs");
    } else if (node.op === "layers") {
      const from = visit(node.from);
      const converted = chain(configsOf(node.layers), from.y, from.shape, from.layout, `${prefix}${pipes.indexOf(t)}`);
      paramsOf.set(t, converted.params ?? []);
      result = { y: converted.y, layout: converted.layout ?? from.layout, shape: converted.shape };
    } else if (node.op === "call") {
      // a layer called on several tensors: its inputs in PyTorch's layout, its outputs too
      const [layer] = configsOf([node.layer]);
      const converter = callConverters[layer.kind] as CallConverter<LayerConfig> | undefined;
      if (!converter)
        throw new NotConvertibleError(
          `toTfjs: ${layer.written} called on several tensors cannot be converted to TensorFlow.js yet`,
        );
      if (layerLists.filter((list) => list.includes(layer)).length > 1)
        throw new NotConvertibleError(
          `toTfjs: ${layer.written} is called more than once: a called layer's shared weights cannot be converted yet`,
        );
      const path = `${prefix}${pipes.indexOf(t)}.0`;
      const operands = node.from.map(visit);
      const converted = converter.call(layer, {
        inputs: distinct(
          operands.map((o, i) => toLayout(o.y, o.shape.length, o.layout, "first", `${path}.input${i}`)),
          path,
        ),
        names: node.names,
        shapes: node.from.map((o) => o.shape),
        outputs: node.shapes,
        options: node.options,
        path,
        name: (suffix?: string) => `${path}.${layer.kind}${suffix ? `.${suffix}` : ""}`,
      });
      paramsOf.set(t, converted.params);
      callOutputs.set(t, converted.ys);
      result = { y: converted.ys[0]!, layout: "first", shape: t.shape };
    } else if (node.op === "output") {
      visit(node.from[0]);
      const y = callOutputs.get(node.from[0])?.[node.index];
      if (!y) throw new NotConvertibleError(`toTfjs: output ${node.index} of a layer call is not computed`);
      result = { y, layout: "first", shape: t.shape };
    } else {
      const operands = node.from.map(visit);
      const name = `${prefix}${node.op === "fn" ? node.fn : node.op}.${joins.indexOf(t)}`;
      const rank = t.shape.length;
      // operations (and matmul) work in PyTorch's order; add and cat take the first operand's layout.
      const layout: Layout = node.op === "matmul" || node.op === "fn" ? "first" : operands[0]!.layout;
      const ys = distinct(
        operands.map((o, i) => toLayout(o.y, o.shape.length, o.layout, layout, `${name}.operand${i}`)),
        name,
      );
      const layer =
        node.op === "fn"
          ? opLayer(node.fn as OpName, node.args, name)
          : node.op === "add"
            ? tfl.layers.add({ name })
            : node.op === "cat"
              ? tfl.layers.concatenate({ axis: catAxis(node.dim, rank, layout), name })
              : new MatMul({ name });
      result = {
        y: layer.apply(node.op === "fn" && ys.length === 1 ? ys[0]! : ys) as tfl.SymbolicTensor,
        layout,
        shape: t.shape,
      };
    }
    done.set(t, result);
    return result;
  };

  const outputs = graph.outputs.map(visit);
  return { outputs, params: pipes.flatMap((t) => paramsOf.get(t) ?? []) };
}

/**
 * A layer's inputs with a tensor given twice (`mha.call(q, memory, memory)`, `ops.add(h, h)`) copied through an identity: the
 * tfjs executor counts a layer's uses of a tensor once but releases it once per input slot, so a tensor
 * in two slots of one layer was disposed while other layers still needed it.
 */
function distinct(inputs: readonly tfl.SymbolicTensor[], path: string): tfl.SymbolicTensor[] {
  return inputs.map((y, i) =>
    inputs.indexOf(y) === i
      ? y
      : (tfl.layers
          .activation({ activation: "linear", name: `${path}.input${i}.copy` })
          .apply(y) as tfl.SymbolicTensor),
  );
}

/** cat's dimension as tfjs's concatenate axis (the batch dimension cannot be joined in tfjs-layers). */
function catAxis(dim: number, rank: number, layout: Layout): number {
  const index = dimIndex(dim, rank);
  if (index === false || index === 0)
    throw new NotConvertibleError(
      `toTfjs: cat(…, ${dim}) cannot be converted to TensorFlow.js yet: TensorFlow.js layers keep the batch dimension apart`,
    );
  return physicalAxis(index, rank, layout);
}
