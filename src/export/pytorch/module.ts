// toPyTorch: a checked model as the Python source of a torch.nn.Module. A sequential is an
// nn.Sequential subclass (keys `0.weight`); a graph an nn.ModuleList of its pipe calls, in the order
// they ran, each an nn.Sequential (keys `2.0.weight`), with a forward that follows the graph's joins.
// Every layer line says its output shape.
import { ExportError } from "../errors.ts";
import {
  showDims,
  tensorsOf,
  type GraphLike,
  type LayerLike,
  type ModelLike,
  type SequentialLike,
  type TensorLike,
} from "../model-parts.ts";
import { chainLines, helpersOf, helpersUsed, sharedDefinitions } from "./layers.ts";
import { einopsOps, emitOp } from "./ops.ts";
import { preamble } from "./preamble.ts";
import { className } from "./python.ts";

const taken = new Set([...Object.values(helpersOf), "MODEL", "Module"]);

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
  const body =
    model.kind === "sequential"
      ? sequentialClass(name, model)
      : model.kind === "graph"
        ? graphClass(name, model)
        : (() => {
            throw new ExportError("toPyTorch: give a sequential(...) or graph(...) model");
          })();
  const used =
    model.kind === "sequential" ? helpersUsed(model.layers) : helpersUsed(pipesOf(model).flatMap((t) => layersOf(t)));
  if (model.kind === "graph" && tensorsOf(model).some((t) => einopsOps.has((t.node as { fn?: string }).fn ?? "")))
    used.add("Einops");
  return `# Written by shapecheck (toPyTorch) from the TypeScript model${options.name ? ` "${options.name}"` : ""}; shapes in comments, N the batch.
${preamble(used)}

${body}

MODEL = ${name}
`;
}

function sequentialClass(name: string, model: SequentialLike): string {
  const input = model.inputShape;
  const shared = sharedDefinitions([model.layers], [input], "        ");
  const lines = chainLines(model.layers, input, "            ", shared.names);
  return `class ${name}(nn.Sequential):
    """Input ${showDims(input)}; state_dict keys as shapecheck's stateDict()."""

    def __init__(self):
${shared.lines.map((l) => `${l}\n`).join("")}        super().__init__(
${lines.join("\n")}
        )`;
}

const pipesOf = (graph: GraphLike): TensorLike[] => tensorsOf(graph).filter((t) => t.node.op === "layers");
const layersOf = (t: TensorLike): readonly LayerLike[] => (t.node as { layers: readonly LayerLike[] }).layers;
const fromOf = (t: TensorLike): TensorLike => (t.node as { from: TensorLike }).from;
const operandsOf = (t: TensorLike): readonly TensorLike[] => (t.node as { from: readonly TensorLike[] }).from;

function graphClass(name: string, graph: GraphLike): string {
  const tensors = tensorsOf(graph);
  const pipes = tensors.filter((t) => t.node.op === "layers");
  const names = new Map<TensorLike, string>();
  graph.inputs.forEach((t, i) => names.set(t, graph.inputs.length === 1 ? "x" : `x${i}`));
  const shared = sharedDefinitions(
    pipes.map(layersOf),
    pipes.map((t) => fromOf(t).shape),
    "        ",
  );
  const modules = pipes.map(
    (t, i) => `            nn.Sequential(  # pipe ${i}: ${showDims(fromOf(t).shape)} -> ${showDims(t.shape)}
${chainLines(layersOf(t), fromOf(t).shape, "                ", shared.names).join("\n")}
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
    const args = op === "layers" ? [] : operandsOf(t).map((o) => names.get(o)!);
    const expression = op === "layers" ? `self[${pipes.indexOf(t)}](${names.get(fromOf(t))})` : emitOp(t.node, args);
    steps.push(`        ${v} = ${expression}  # ${showDims(t.shape)}`);
  });
  const outputs = graph.outputs.map((t) => names.get(t)!);
  return `class ${name}(nn.ModuleList):
    """Inputs ${graph.inputs.map((t) => showDims(t.shape)).join(", ")}; one nn.Sequential per pipe() call, in the order they ran."""

    def __init__(self):
${shared.lines.map((l) => `${l}\n`).join("")}        super().__init__([
${modules.join("\n")}
        ])

    def forward(self, ${graph.inputs.map((t) => names.get(t)).join(", ")}):
${steps.join("\n")}
        return ${outputs.length === 1 ? outputs[0] : `(${outputs.join(", ")})`}`;
}
