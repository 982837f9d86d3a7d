// Explains a model's layers one by one: the same walk as the runtime checker (each layer's
// outputShape on the previous output), with each layer's arithmetic and parameter count, and
// the layers inside blocks. A layer that does not fit ends the walk with its message.
import type { RuntimeLayer } from "../model/layer.ts";
import { withInput } from "../model/walk.ts";
import { showShape, type RuntimeShape } from "../shape/dims.ts";
import type { ExplainedBranch, ExplainedInput, ExplainedLayer, ExplainedModel } from "./explanation.ts";
import { explainKind, type LayerConfig } from "./kinds/index.ts";
import { explainOp, type OpNodeLike } from "../ops/ops.explain.ts";

/** A sequential as explain reads it (any object with these fields, from any copy of the library). */
export interface SequentialLike {
  readonly kind: "sequential";
  readonly inputShape: RuntimeShape;
  readonly layers: readonly RuntimeLayer[];
}

/** A symbolic tensor of the functional API, as explain reads it. */
export interface TensorLike {
  readonly shape: RuntimeShape;
  readonly node:
    | { readonly op: "input" }
    | { readonly op: "layers"; readonly from: TensorLike; readonly layers: readonly RuntimeLayer[] }
    | { readonly op: "add" | "matmul"; readonly from: readonly TensorLike[] }
    | { readonly op: "cat"; readonly dim: number; readonly from: readonly TensorLike[] }
    | ({ readonly op: "fn"; readonly from: readonly TensorLike[] } & OpNodeLike)
    | {
        readonly op: "call";
        readonly layer: RuntimeLayer;
        readonly names: readonly string[];
        readonly from: readonly TensorLike[];
      }
    | { readonly op: "output"; readonly index: number; readonly from: readonly TensorLike[] };
}

/** A graph as explain reads it. */
export interface GraphLike {
  readonly kind: "graph";
  readonly inputs: readonly TensorLike[];
  readonly outputs: readonly TensorLike[];
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null;
const isLayer = (value: unknown): value is RuntimeLayer =>
  isObject(value) &&
  typeof value["kind"] === "string" &&
  typeof value["written"] === "string" &&
  typeof value["outputShape"] === "function";

export const isSequential = (value: unknown): value is SequentialLike =>
  isObject(value) &&
  value["kind"] === "sequential" &&
  Array.isArray(value["inputShape"]) &&
  Array.isArray(value["layers"]);
export const isGraph = (value: unknown): value is GraphLike =>
  isObject(value) && value["kind"] === "graph" && Array.isArray(value["inputs"]) && Array.isArray(value["outputs"]);

/** A ShapeError from any copy of the library (a model file loads its own). */
export const isShapeError = (
  error: unknown,
): error is Error & { layerIndex?: number; partial?: { input: RuntimeShape; layers: readonly RuntimeLayer[] } } =>
  error instanceof Error && error.name === "ShapeError";

/** Where the rows of one model go, with the layer object behind each row (a shared layer's parameters count once). */
class Rows {
  readonly rows: ExplainedLayer[] = [];
  readonly objects = new Map<ExplainedLayer, object>();
  error: { id: string; layer: string; message: string } | undefined;

  add(row: ExplainedLayer, object: object): void {
    this.rows.push(row);
    this.objects.set(row, object);
  }

  params(): { total: number; complete: boolean } {
    const counted = new Set<object>();
    let total = 0;
    let complete = true;
    for (const row of this.rows) {
      if (row.error !== undefined) continue;
      const object = this.objects.get(row)!;
      if (counted.has(object)) continue;
      counted.add(object);
      if (row.params === null) complete = false;
      else total += row.params;
    }
    return { total, complete };
  }
}

interface Chain {
  readonly rows: ExplainedLayer[];
  /** The last output, or `null` when a layer does not fit. */
  readonly output: RuntimeShape | null;
  /** Id of the last row (or `from` when there are no layers). */
  readonly last: string;
  readonly error?: { id: string; layer: string; message: string };
}

const sameShape = (a: RuntimeShape, b: RuntimeShape): boolean =>
  a.length === b.length && a.every((one, i) => one === b[i]);

/**
 * Explains layers applied in order to `input`, as the runtime walker applies them (same messages:
 * the layer's own, then ` (input [shape with origins])`).
 */
function explainChain(
  input: RuntimeShape,
  layers: readonly unknown[],
  from: string,
  ids: (position: number) => { id: string; index: string },
): Chain {
  const rows: ExplainedLayer[] = [];
  let shape = input;
  let origins: readonly string[] = [];
  let last = from;
  for (const [position, layer] of layers.entries()) {
    const { id, index } = ids(position);
    if (!isLayer(layer)) {
      const message = `layer ${index} is not a layer`;
      rows.push({
        id,
        index,
        layer: String(layer),
        kind: "?",
        from: [last],
        input: shape,
        output: null,
        arithmetic: null,
        params: null,
        error: message,
      });
      return { rows, output: null, last: id, error: { id, layer: String(layer), message } };
    }
    const branches = explainBranches(layer, shape, id, index, last);
    let output: RuntimeShape;
    try {
      output = layer.outputShape(shape);
    } catch (error) {
      if (!isShapeError(error)) throw error;
      const message = withInput(error.message, shape, origins);
      rows.push({
        id,
        index,
        layer: layer.written,
        kind: layer.kind,
        from: [last],
        input: shape,
        output: null,
        arithmetic: null,
        params: null,
        error: message,
        ...branches,
      });
      return { rows, output: null, last: id, error: { id, layer: layer.written, message } };
    }
    const { arithmetic, params } =
      branches === undefined
        ? explainKind(layer as unknown as LayerConfig, shape, output)
        : explainBlock(layer, shape, output, branches.branches);
    rows.push({
      id,
      index,
      layer: layer.written,
      kind: layer.kind,
      from: [last],
      input: shape,
      output,
      arithmetic,
      params,
      ...branches,
    });
    origins = layer.origins ? layer.origins(shape) : sameShape(shape, output) ? origins : [];
    shape = output;
    last = id;
  }
  return { rows, output: shape, last };
}

/** The branches of a block layer (`residual`: its layers and projection; `concat`: each branch), or undefined. */
function explainBranches(
  layer: RuntimeLayer,
  input: RuntimeShape,
  id: string,
  index: string,
  from: string,
): { branches: ExplainedBranch[] } | undefined {
  const config = layer as unknown as Record<string, unknown>;
  if (layer.kind === "model" && isGraph(config["graph"])) {
    // a graph used as a layer: its rows (on its own input's shape), ids and indexes under this row's
    const inner = explainGraph(layer.written, config["graph"]);
    const inputs = new Set(inner.inputs.map((one) => one.id));
    const rename = (row: ExplainedLayer): ExplainedLayer => ({
      ...row,
      id: `${id}_${row.id}`,
      index: `${index}.${row.index}`,
      from: row.from.map((one) => (inputs.has(one) ? from : `${id}_${one}`)),
      ...(row.branches
        ? { branches: row.branches.map((branch) => ({ ...branch, layers: branch.layers.map(rename) })) }
        : {}),
    });
    return { branches: [{ label: "graph", layers: inner.layers.map(rename) }] };
  }
  // [label, key in ids and indexes, layers]: `3.0` (residual), `3.p0` (its projection), `3.b1.0` (concat's branch 1).
  const chains: [string, string, unknown][] =
    layer.kind === "nestedSequential" || (layer.kind === "model" && config["graph"] === undefined)
      ? [["layers", "", config["layers"]]]
      : layer.kind === "residual"
        ? [
            ["layers", "", config["layers"]],
            ["projection", "p", config["projection"]],
          ]
        : layer.kind === "concat" && Array.isArray(config["branches"])
          ? config["branches"].map((branch, k) => [`branch ${k}`, `b${k}.`, branch])
          : [];
  if (chains.length === 0 || !chains.every(([, , layers]) => Array.isArray(layers))) return undefined;
  const branches = chains
    .filter(([label, , layers]) => label !== "projection" || (layers as unknown[]).length > 0)
    .map(([label, key, layers]) => ({
      label,
      layers: explainChain(input, layers as unknown[], from, (position) => ({
        id: `${id}_${key.replace(".", "_")}${position}`,
        index: `${index}.${key}${position}`,
      })).rows,
    }));
  return { branches };
}

/** A block's arithmetic (concat: the joined dimension's sum) and parameters (its layers'). */
function explainBlock(
  layer: RuntimeLayer,
  input: RuntimeShape,
  output: RuntimeShape,
  branches: readonly ExplainedBranch[],
): { arithmetic: string[]; params: number | null } {
  let params: number | null = 0;
  for (const branch of branches)
    for (const row of branch.layers) params = params === null || row.params === null ? null : params + row.params;
  const dim = (layer as unknown as { dim?: unknown }).dim;
  if (layer.kind !== "concat" || typeof dim !== "number") return { arithmetic: [], params };
  const axis = dim < 0 ? output.length + dim : dim;
  // An empty branch passes the input on.
  const parts = branches.map(
    (branch) => (branch.layers.length === 0 ? input : (branch.layers.at(-1)!.output ?? []))[axis] ?? null,
  );
  return {
    arithmetic: [
      `dim ${axis}: ${parts.map((part) => showShape([part]).slice(1, -1)).join(" + ")} = ${showShape([output[axis]!]).slice(1, -1)}`,
    ],
    params,
  };
}

const topLevel = (position: number) => ({ id: `L${position}`, index: String(position) });

/** Explains a sequential model (or a chain of layers on an input: the part of a model built before a ShapeError). */
export function explainSequential(
  name: string,
  input: RuntimeShape,
  layers: readonly unknown[],
  thrown?: string,
): ExplainedModel {
  const into = new Rows();
  const chain = explainChain(input, layers, "in", topLevel);
  chain.rows.forEach((row, i) => into.add(row, (layers[i] ?? row) as object));
  let error = chain.error;
  // The message the model threw is the one to show (the walk above writes the same text).
  if (error !== undefined && thrown !== undefined && thrown !== error.message) error = { ...error, message: thrown };
  return {
    name,
    kind: "sequential",
    inputs: [{ id: "in", shape: input }],
    layers: into.rows,
    outputs: chain.output === null ? [] : [chain.last],
    params: into.params(),
    ...(error ? { error } : {}),
  };
}

/** Explains a graph: its layers and joins in an order where every row comes after the rows it reads. */
export function explainGraph(name: string, graph: GraphLike): ExplainedModel {
  const into = new Rows();
  const ids = new Map<TensorLike, string>();
  const inputs: ExplainedInput[] = graph.inputs.map((tensor, i) => ({ id: `in${i}`, shape: tensor.shape }));
  graph.inputs.forEach((tensor, i) => ids.set(tensor, `in${i}`));
  let count = 0;
  /** The next row's id and index: the graph's rows are numbered in the order they are visited. */
  const next = () => topLevel(count++);

  const visit = (tensor: TensorLike): string => {
    const known = ids.get(tensor);
    if (known !== undefined) return known;
    const node = tensor.node;
    let id: string;
    if (node.op === "input") {
      id = `in${inputs.length}`;
      inputs.push({ id, shape: tensor.shape });
    } else if (node.op === "layers") {
      const from = visit(node.from);
      const chain = explainChain(node.from.shape, node.layers, from, next);
      chain.rows.forEach((row, i) => into.add(row, node.layers[i] as object));
      id = chain.last;
    } else if (node.op === "call" || node.op === "output") {
      // a layer called on several tensors (its parameters, counted once per layer), or its output i
      const from = node.from.map(visit);
      const { id: rowId, index } = next();
      const layer = node.op === "call" ? node.layer : (node.from[0]!.node as { layer: RuntimeLayer }).layer;
      const row: ExplainedLayer =
        node.op === "call"
          ? {
              id: rowId,
              index,
              layer: `${layer.written}.call(${node.names.join(", ")})`,
              kind: layer.kind,
              from,
              input: node.from[0]!.shape,
              output: tensor.shape,
              ...explainKind(layer as unknown as LayerConfig, node.from[0]!.shape, tensor.shape),
            }
          : {
              id: rowId,
              index,
              layer: `${layer.written}: output ${node.index}`,
              kind: "output",
              from,
              input: node.from[0]!.shape,
              output: tensor.shape,
              arithmetic: [],
              params: 0,
            };
      into.add(row, node.op === "call" ? layer : row);
      id = rowId;
    } else {
      const from = node.from.map(visit);
      const position = next();
      const row = explainJoin(position.id, position.index, node, from, tensor.shape);
      into.add(row, row);
      id = position.id;
    }
    ids.set(tensor, id);
    return id;
  };
  const outputs = graph.outputs.map(visit);
  return { name, kind: "graph", inputs, layers: into.rows, outputs, params: into.params() };
}

/** A row for an operation of `ops` / `einops` (its written call and shape arithmetic), or an older join (`cat`, `matmul`, `add`). */
function explainJoin(
  id: string,
  index: string,
  node: Exclude<TensorLike["node"], { op: "input" | "layers" | "call" | "output" }>,
  from: string[],
  output: RuntimeShape,
): ExplainedLayer {
  const shapes = node.from.map((tensor) => tensor.shape);
  const dim = (value: RuntimeShape[number] | undefined) => showShape([value ?? null]).slice(1, -1);
  let layer: string;
  let arithmetic: string[];
  if (node.op === "fn") {
    // an operation of `ops` / `einops`; its kind is the operation (`add`, `matmul` are drawn as joins)
    ({ layer, arithmetic } = explainOp(node, shapes, output));
    return { id, index, layer, kind: node.fn, from, input: shapes[0] ?? [], output, arithmetic, params: 0 };
  }
  if (node.op === "cat") {
    const axis = node.dim < 0 ? output.length + node.dim : node.dim;
    layer = `ops.cat([${from.length} tensors], ${node.dim})`;
    arithmetic = [`dim ${axis}: ${shapes.map((shape) => dim(shape[axis])).join(" + ")} = ${dim(output[axis])}`];
  } else if (node.op === "matmul") {
    const [a, b] = shapes as [RuntimeShape, RuntimeShape];
    layer = "ops.matmul";
    arithmetic = [
      `${dim(a.at(-2))} × ${dim(a.at(-1))} · ${dim(b.at(-2))} × ${dim(b.at(-1))} → ${dim(output.at(-2))} × ${dim(output.at(-1))}`,
    ];
  } else {
    layer = "ops.add";
    arithmetic = [];
  }
  return { id, index, layer, kind: node.op, from, input: shapes[0] ?? [], output, arithmetic, params: 0 };
}

/**
 * A model object explained: a `sequential(...)` or `graph(...)`, its rows with each layer's arithmetic, output
 * shape and parameters (what `shapecheck explain` prints for a model of a file; `render` formats it).
 *
 * @example
 * const net = sequential(input([1, 28, 28]), nn.flatten(), nn.linear(784, 10));
 * explain(net, "net").params.total; // 7850
 */
export function explain(model: unknown, name = "model"): ExplainedModel {
  if (isSequential(model)) return explainSequential(name, model.inputShape, model.layers);
  if (isGraph(model)) return explainGraph(name, model);
  throw new TypeError("explain: not a model; explain takes what sequential(...) or graph(...) returns");
}
