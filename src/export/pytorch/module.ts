// toPyTorch: a checked model as the Python source of a torch.nn.Module. A sequential is an
// nn.Sequential subclass (keys `0.weight`); a graph an nn.ModuleList of its pipe calls, in the order
// they ran, each an nn.Sequential (keys `2.0.weight`), with a forward that follows the graph's joins.
// Every layer line says its output shape. A model used as a layer is a class of its own, written
// before the class that uses it, and one instance wherever it is applied (references() below).
import { ExportError } from "../errors.ts";
import {
  conversionOrder,
  innerLists,
  modelOf,
  showDims,
  tensorsOf,
  type GraphLike,
  type LayerLike,
  type ModelLike,
  type SequentialLike,
  type TensorLike,
} from "../model-parts.ts";
import { chainLines, emitLayer, helpersOf, helpersUsed, sharedDefinitions } from "./layers.ts";
import { einopsOps, emitOp } from "./ops.ts";
import { preamble } from "./preamble.ts";
import { className } from "./python.ts";

const taken = new Set([...Object.values(helpersOf), "Reuse", "MODEL", "Module"]);

/** Options of toPyTorch. */
export interface ToPyTorchOptions {
  /** The export's name: the class is named after it (`mnist` → `Mnist`); default `Net`. */
  readonly name?: string;
}

/**
 * The Python source of a torch.nn.Module computing the same function as the model, whose
 * `state_dict()` keys and shapes are the built model's `stateDict()` ones (so `saveSafetensors`'
 * file loads into it, and its trained weights load back with `loadSafetensors`). The file also has
 * `load_safetensors(path)` / `save_safetensors(dict, path)`, and `MODEL`, the class.
 * A layer or op with no PyTorch form is an ExportError naming it.
 *
 * @example
 * const source = toPyTorch(net, { name: "mnist" });
 */
export function toPyTorch(net: unknown, options: ToPyTorchOptions = {}): string {
  const model = net as ModelLike;
  const wanted = className(options.name ?? "Net");
  const name = taken.has(wanted) ? `${wanted}Model` : wanted; // not a helper's name (a model exported as \`embedding\`)
  if (model.kind !== "sequential" && model.kind !== "graph")
    throw new ExportError("toPyTorch: give a sequential(...) or graph(...) model");
  const e: Emission = {
    top: model,
    classes: new Map(),
    written: [],
    names: new Set([...taken, name]),
    used: new Set(),
    ...modelUses(model),
  };
  classOf(e, model, name);
  return `# Written by shapecheck (toPyTorch) from the TypeScript model${options.name ? ` "${options.name}"` : ""}; shapes in comments, N the batch.
${preamble(e.used)}

${e.written.join("\n\n\n")}

MODEL = ${name}
`;
}

/** The classes being written: one per model (the exported one, and each model used as a layer, written once). */
interface Emission extends ModelUses {
  readonly top: ModelLike;
  readonly classes: Map<ModelLike, string>;
  /** The classes' source, a model used as a layer before the model that uses it. */
  readonly written: string[];
  readonly names: Set<string>;
  /** The preamble's helper classes the classes use. */
  readonly used: Set<string>;
}

/** The class of a model, written once: a model used as a layer is named after its `named(...)` name, else `Model1`, …. */
function classOf(e: Emission, model: ModelLike, wanted?: string): string {
  const known = e.classes.get(model);
  if (known) return known;
  let name = wanted ?? className((model as { name?: string }).name ?? `Model${e.classes.size}`);
  if (wanted === undefined) while (e.names.has(name)) name = `${name}_`;
  e.names.add(name);
  e.classes.set(model, name);
  // the models it uses are written (pushed) while its body is made, so before it
  e.written.push(model.kind === "sequential" ? sequentialClass(e, name, model) : graphClass(e, name, model));
  return name;
}

/** Where each model used as a layer is first applied (its weights' keys are there), and the models in creation order. */
interface ModelUses {
  /** The model that applies it first, and in which of its pipes (-1: a sequential). */
  readonly first: ReadonlyMap<LayerLike, { readonly owner: ModelLike; readonly pipe: number }>;
  /** Every model used as a layer, the models it uses before it. */
  readonly order: readonly LayerLike[];
}
/** A model's layer lists in the order the converter applies them, each with its pipe (-1: a sequential's layers). */
function chainsOf(model: ModelLike): [readonly LayerLike[], number][] {
  if (model.kind === "sequential") return [[model.layers, -1]];
  const pipes = pipesOf(model);
  return conversionOrder(model)
    .filter(isPipe)
    .map((t) => [layersOf(t), pipes.indexOf(t)]);
}
/** The models a model applies itself (not those inside them), in order, each once. */
function modelsIn(model: ModelLike): LayerLike[] {
  const found: LayerLike[] = [];
  const visit = (layers: readonly LayerLike[]): void =>
    layers.forEach((layer) => {
      if (layer.kind === "model") {
        if (!found.includes(layer)) found.push(layer);
      } else innerLists(layer).forEach(visit);
    });
  chainsOf(model).forEach(([layers]) => visit(layers));
  return found;
}
function modelUses(top: ModelLike): ModelUses {
  const first = new Map<LayerLike, { owner: ModelLike; pipe: number }>();
  const order: LayerLike[] = [];
  const walk = (owner: ModelLike): void => {
    const visit = (layers: readonly LayerLike[], pipe: number): void =>
      layers.forEach((layer) => {
        if (layer.kind !== "model") return innerLists(layer).forEach((inner) => visit(inner, pipe));
        if (first.has(layer)) return;
        first.set(layer, { owner, pipe });
        walk(modelOf(layer)); // converted where first applied: the models inside it come first
        order.push(layer);
      });
    chainsOf(owner).forEach(([layers, pipe]) => visit(layers, pipe));
  };
  walk(top);
  return { first, order };
}

/**
 * How a class writes the models it uses as layers. Each model is one module (its weights shared wherever it is
 * applied): the exported class makes them all (`model_net_d = NetD()`, a model's own models passed to it), a
 * model's class takes those it uses as arguments (made fresh when not given). The module is registered where the
 * converter applies it first (its weights' keys); elsewhere it is `Reuse(model_net_d)`: called, not registered.
 */
interface References {
  readonly get: (layer: LayerLike) => string | undefined;
  /** `__init__`'s parameters and the lines before the container. */
  readonly parameters: string;
  readonly lines: string[];
}
const variableOf = (e: Emission, layer: LayerLike): string => `model_${snakeName(classOf(e, modelOf(layer)))}`;
function references(
  e: Emission,
  owner: ModelLike,
  shared: ReadonlyMap<LayerLike, string>,
  pipe: () => number,
): References {
  const uses = modelsIn(owner);
  const registered = new Set<LayerLike>();
  const call = (layer: LayerLike): string =>
    `${classOf(e, modelOf(layer))}(${modelsIn(modelOf(layer))
      .map((inner) => variableOf(e, inner))
      .join(", ")})`;
  const lines =
    owner === e.top
      ? e.order.map((layer) => `        ${variableOf(e, layer)} = ${call(layer)}  # ${layer.written ?? "a model"}`)
      : uses.map(
          (layer) =>
            `        ${variableOf(e, layer)} = ${classOf(e, modelOf(layer))}() if ${variableOf(e, layer)} is None else ${variableOf(e, layer)}`,
        );
  const parameters = owner === e.top ? "" : uses.map((layer) => `, ${variableOf(e, layer)}=None`).join("");
  const get = (layer: LayerLike): string | undefined => {
    if (layer.kind !== "model") return shared.get(layer);
    const variable = variableOf(e, layer);
    const first = e.first.get(layer);
    if (!registered.has(layer) && first?.owner === owner && first.pipe === pipe()) {
      registered.add(layer);
      return variable;
    }
    e.used.add("Reuse");
    return `Reuse(${variable})`;
  };
  return { get, parameters, lines };
}
const snakeName = (cls: string): string =>
  cls.replace(/[A-Z]/g, (c, i: number) => `${i > 0 ? "_" : ""}${c.toLowerCase()}`);

function sequentialClass(e: Emission, name: string, model: SequentialLike): string {
  const input = model.inputShape;
  helpersUsed(model.layers, e.used);
  const shared = sharedDefinitions([model.layers], [input], "        ");
  const refs = references(e, model, shared.names, () => -1);
  const lines = chainLines(model.layers, input, "            ", refs);
  return `class ${name}(nn.Sequential):
    """Input ${showDims(input)}; state_dict keys as shapecheck's stateDict()."""

    def __init__(self${refs.parameters}):
${[...shared.lines, ...refs.lines].map((l) => `${l}\n`).join("")}        super().__init__(
${lines.join("\n")}
        )`;
}

/** A graph's pipe calls and layer calls (`mha.call(q, k, v)`: a pipe of one layer), in the order they ran. */
const isPipe = (t: TensorLike): boolean => t.node.op === "layers" || t.node.op === "call";
const pipesOf = (graph: GraphLike): TensorLike[] => tensorsOf(graph).filter(isPipe);
const layersOf = (t: TensorLike): readonly LayerLike[] =>
  t.node.op === "call"
    ? [(t.node as unknown as { layer: LayerLike }).layer]
    : (t.node as { layers: readonly LayerLike[] }).layers;
/** A pipe's input (a call's first argument). */
const fromOf = (t: TensorLike): TensorLike =>
  t.node.op === "call" ? (t.node as { from: readonly TensorLike[] }).from[0]! : (t.node as { from: TensorLike }).from;

/** How a called layer's forward is written in Python, when not `self[i][0](…)`: the self-attention wrapper's base. */
const callForwards: Readonly<Record<string, string>> = { multiheadAttention: "nn.MultiheadAttention.forward" };
const snake = (name: string): string => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
/** Arguments PyTorch names otherwise than camelCase → snake_case does: TransformerEncoder's `mask`. */
const callKeywords: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  transformerEncoder: { srcMask: "mask" },
};

/** A layer call's Python expression: arguments and options as keywords, masks (0/1 numbers here) as booleans. */
function emitCall(t: TensorLike, module: string, names: ReadonlyMap<TensorLike, string>): string {
  const node = t.node as unknown as {
    layer: LayerLike;
    names: readonly string[];
    from: readonly TensorLike[];
    options: Readonly<Record<string, unknown>>;
  };
  const args = node.names.map((name, i) => {
    const value = names.get(node.from[i]!)!;
    const keyword = callKeywords[String(node.layer.kind)]?.[name] ?? snake(name);
    return `${keyword}=${name.endsWith("Mask") ? `${value} > 0.5` : value}`;
  });
  const options = Object.entries(node.options)
    .filter(([, value]) => typeof value === "boolean" || typeof value === "number")
    .map(([key, value]) => `${snake(key)}=${value === true ? "True" : value === false ? "False" : String(value)}`);
  const forward = callForwards[String(node.layer.kind)];
  return forward
    ? `${forward}(${[module, ...args, ...options].join(", ")})`
    : `${module}(${[...args, ...options].join(", ")})`;
}
/** torch.nn's own forward of a recurrent layer or cell (the chain wrappers return the output alone). */
const recurrentForwards: Readonly<Record<string, string>> = {
  lstm: "nn.LSTM.forward",
  gru: "nn.GRU.forward",
  rnn: "nn.RNN.forward",
  lstmCell: "nn.LSTMCell.forward",
  gruCell: "nn.GRUCell.forward",
  rnnCell: "nn.RNNCell.forward",
};

/**
 * A recurrent call as PyTorch writes it, batch first, the state as PyTorch lays it out
 * ([layers·directions, batch, hidden], a cell's [batch, hidden]): `h4_out, (h4_h, h4_c) = nn.LSTM.forward(m, x, (h0, c0))`,
 * then `h4_outputs`, the flat tuple the graph's outputs read (out, h_n, c_n; a cell's h', c'). Undefined: not recurrent.
 */
function recurrentCall(
  t: TensorLike,
  module: string,
  names: ReadonlyMap<TensorLike, string>,
  v: string,
): string[] | undefined {
  const node = t.node as unknown as { layer: LayerLike; names: readonly string[]; from: readonly TensorLike[] };
  const kind = String(node.layer.kind);
  const forward = recurrentForwards[kind];
  if (!forward) return undefined;
  const arg = (name: string): string | undefined => {
    const i = node.names.indexOf(name);
    return i < 0 ? undefined : names.get(node.from[i]!)!;
  };
  const [x, hx, cx] = [arg("input")!, arg("hx"), arg("cx")];
  const lstm = kind === "lstm" || kind === "lstmCell";
  if (lstm && (hx === undefined) !== (cx === undefined))
    throw new ExportError(`toPyTorch: ${node.layer.written ?? kind}.call: give both hx and cx, or neither`);
  const state = hx === undefined ? "" : lstm ? `, (${hx}, ${cx})` : `, ${hx}`;
  const apply = `${forward}(${module}, ${x}${state})`;
  if (kind === "lstm")
    return [`        ${v}_out, (${v}_h, ${v}_c) = ${apply}`, `        ${v}_outputs = (${v}_out, ${v}_h, ${v}_c)`];
  if (kind === "gru" || kind === "rnn")
    return [`        ${v}_out, ${v}_h = ${apply}`, `        ${v}_outputs = (${v}_out, ${v}_h)`];
  if (kind === "lstmCell") return [`        ${v}_h, ${v}_c = ${apply}`, `        ${v}_outputs = (${v}_h, ${v}_c)`];
  return [`        ${v}_outputs = (${apply},)`];
}

const operandsOf = (t: TensorLike): readonly TensorLike[] => (t.node as { from: readonly TensorLike[] }).from;

function graphClass(e: Emission, name: string, graph: GraphLike): string {
  const tensors = tensorsOf(graph);
  const pipes = tensors.filter(isPipe);
  helpersUsed(
    pipes.flatMap((t) => layersOf(t)),
    e.used,
  );
  if (tensors.some((t) => einopsOps.has((t.node as { fn?: string }).fn ?? ""))) e.used.add("Einops");
  const names = new Map<TensorLike, string>();
  graph.inputs.forEach((t, i) => names.set(t, graph.inputs.length === 1 ? "x" : `x${i}`));
  const chains = pipes.filter((t) => t.node.op === "layers");
  const shared = sharedDefinitions(
    chains.map(layersOf),
    chains.map((t) => fromOf(t).shape),
    "        ",
  );
  let current = -1; // the pipe being written (a model used as a layer is registered in the pipe it is first applied in)
  const refs = references(e, graph, shared.names, () => current);
  const modules = pipes.map((t, i) =>
    t.node.op === "call"
      ? `            nn.Sequential(  # call ${i}: ${layersOf(t)[0]!.written ?? layersOf(t)[0]!.kind}
                ${emitLayer(layersOf(t)[0]!, fromOf(t).shape, () => {
                  throw new ExportError("toPyTorch: a called layer with nested layers cannot be exported yet");
                })},
            ),`
      : `            nn.Sequential(  # pipe ${i}: ${showDims(fromOf(t).shape)} -> ${showDims(t.shape)}
${((current = i), chainLines(layersOf(t), fromOf(t).shape, "                ", refs)).join("\n")}
            ),`,
  );
  const steps: string[] = [];
  tensors.forEach((t, k) => {
    if (t.node.op === "input") {
      if (!names.has(t)) throw new ExportError("toPyTorch: the graph uses an input that is not in its inputs");
      return;
    }
    const v = `h${k}`;
    names.set(t, v);
    const op = t.node.op;
    if (op === "call" || op === "output") {
      // a layer called on several tensors: its outputs a tuple when it has several (`h4_outputs[1]`)
      const calls = t.node as unknown as { shapes?: readonly unknown[]; index?: number; from: readonly TensorLike[] };
      if (op === "output") {
        steps.push(`        ${v} = ${names.get(calls.from[0]!)!}_outputs[${calls.index}]  # ${showDims(t.shape)}`);
        return;
      }
      const recurrent = recurrentCall(t, `self[${pipes.indexOf(t)}][0]`, names, v);
      if (recurrent) {
        steps.push(...recurrent);
        steps.push(`        ${v} = ${v}_outputs[0]  # ${showDims(t.shape)}`);
        return;
      }
      const expression = emitCall(t, `self[${pipes.indexOf(t)}][0]`, names);
      if ((calls.shapes?.length ?? 1) === 1) steps.push(`        ${v} = ${expression}  # ${showDims(t.shape)}`);
      else {
        steps.push(`        ${v}_outputs = ${expression}`);
        steps.push(`        ${v} = ${v}_outputs[0]  # ${showDims(t.shape)}`);
      }
      return;
    }
    const args = op === "layers" ? [] : operandsOf(t).map((o) => names.get(o)!);
    const expression = op === "layers" ? `self[${pipes.indexOf(t)}](${names.get(fromOf(t))})` : emitOp(t.node, args);
    steps.push(`        ${v} = ${expression}  # ${showDims(t.shape)}`);
  });
  const outputs = graph.outputs.map((t) => names.get(t)!);
  return `class ${name}(nn.ModuleList):
    """Inputs ${graph.inputs.map((t) => showDims(t.shape)).join(", ")}; one nn.Sequential per pipe() call, in the order they ran."""

    def __init__(self${refs.parameters}):
${[...shared.lines, ...refs.lines].map((l) => `${l}\n`).join("")}        super().__init__([
${modules.join("\n")}
        ])

    def forward(self, ${graph.inputs.map((t) => names.get(t)).join(", ")}):
${steps.join("\n")}
        return ${outputs.length === 1 ? outputs[0] : `(${outputs.join(", ")})`}`;
}
