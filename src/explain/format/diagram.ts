// The picture of a model both diagram formats draw: a node per layer (blocks as boxes around their
// layers, joined by a `+` or `cat` node), an edge per tensor labelled with its shape.
import type { RuntimeShape } from "../../shape/dims.ts";
import type { ExplainedLayer, ExplainedModel } from "../explanation.ts";
import { countText, shapeText } from "./cells.ts";

export interface DiagramNode {
  readonly id: string;
  /** Lines of the label: the layer as written, then its parameter count or its error. */
  readonly lines: readonly string[];
  readonly role: "input" | "layer" | "join" | "output";
  readonly error: boolean;
}

export interface DiagramEdge {
  readonly from: string;
  readonly to: string;
  /** The shape of the tensor on this edge. */
  readonly label: string;
}

/** A box of nodes: a model (when a file has several) or a block. */
export interface DiagramGroup {
  readonly id: string;
  readonly label: string;
  readonly nodes: DiagramNode[];
  readonly groups: DiagramGroup[];
}

export interface Diagram {
  readonly root: DiagramGroup;
  readonly edges: DiagramEdge[];
}

/** A message without the layer's name in front (the node already shows it). */
const withoutLayer = (message: string, layer: string): string =>
  message.startsWith(`${layer}: `) ? message.slice(layer.length + 2) : message;

/** How the functional API's joins are drawn. */
const joins: Readonly<Record<string, string>> = { add: "+", cat: "cat", matmul: "matmul" };

const safeId = (text: string): string => text.replace(/[^A-Za-z0-9_]/g, "_");

/** The diagram of one model into `group`; ids get `prefix` so that several models can share a picture. */
function drawModel(model: ExplainedModel, group: DiagramGroup, edges: DiagramEdge[], prefix: string): void {
  const id = (one: string) => `${prefix}${safeId(one)}`;
  const shapes = new Map<string, RuntimeShape>(model.inputs.map((input) => [input.id, input.shape]));
  const edge = (from: string, to: string) =>
    edges.push({ from: id(from), to: id(to), label: shapeText(shapes.get(from) ?? []) });

  for (const input of model.inputs) {
    group.nodes.push({
      id: id(input.id),
      lines: [model.inputs.length === 1 ? "input" : `input ${input.id}`],
      role: "input",
      error: false,
    });
  }
  const drawRows = (rows: readonly ExplainedLayer[], into: DiagramGroup): void => {
    for (const row of rows) {
      if (row.output !== null) shapes.set(row.id, row.output);
      const lines =
        row.error !== undefined
          ? [row.layer, `✗ ${withoutLayer(row.error, row.layer)}`]
          : row.params
            ? [row.layer, `${countText(row.params)} params`]
            : [row.layer];
      if (row.branches === undefined) {
        const join = joins[row.kind];
        into.nodes.push(
          join === undefined
            ? { id: id(row.id), lines, role: "layer", error: row.error !== undefined }
            : { id: id(row.id), lines: [join], role: "join", error: false },
        );
        row.from.forEach((from) => edge(from, row.id));
        continue;
      }
      const block: DiagramGroup = { id: id(`${row.id}_block`), label: row.layer, nodes: [], groups: [] };
      into.groups.push(block);
      const joinLines =
        row.error !== undefined
          ? [row.kind === "concat" ? "cat" : "+", `✗ ${withoutLayer(row.error, row.layer)}`]
          : [row.kind === "concat" ? "cat" : "+"];
      for (const branch of row.branches) {
        drawRows(branch.layers, block);
        const last = branch.layers.at(-1);
        if (last === undefined) edge(row.from[0]!, row.id);
        else if (last.error === undefined) edge(last.id, row.id);
      }
      // A residual block without a projection adds its input: the skip connection.
      if (row.kind === "residual" && !row.branches.some((branch) => branch.label === "projection"))
        edge(row.from[0]!, row.id);
      block.nodes.push({ id: id(row.id), lines: joinLines, role: "join", error: row.error !== undefined });
    }
  };
  drawRows(model.layers, group);
  model.outputs.forEach((output, i) => {
    const out = model.outputs.length === 1 ? "out" : `out${i}`;
    group.nodes.push({
      id: id(out),
      lines: [model.outputs.length === 1 ? "output" : `output ${i}`],
      role: "output",
      error: false,
    });
    edge(output, out);
  });
}

/** The diagram of a file's models: one model alone, several each in its own box. */
export function diagramOf(models: readonly ExplainedModel[]): Diagram {
  const root: DiagramGroup = { id: "root", label: "", nodes: [], groups: [] };
  const edges: DiagramEdge[] = [];
  if (models.length === 1) drawModel(models[0]!, root, edges, "");
  else {
    for (const model of models) {
      const group: DiagramGroup = { id: `model_${safeId(model.name)}`, label: model.name, nodes: [], groups: [] };
      root.groups.push(group);
      drawModel(model, group, edges, `${safeId(model.name)}_`);
    }
  }
  return { root, edges };
}
