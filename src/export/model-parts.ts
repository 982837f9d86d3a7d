// What the exports read of a model, by its runtime objects' fields alone (kind, layers, inputs,
// outputs, node): a sequential, a graph, and the pipe calls of a graph in the order they ran
// (their index is the state_dict prefix `${pipe}.${layer}.weight`, as the runtime names them).
/** A shape at run time, batch first: `null` unknown, a string a named dimension. */
export type RuntimeShape = readonly (number | null | string)[];

/** A layer's runtime object: `kind`, `written`, its config fields, `outputShape(input)`. */
export interface LayerLike {
  readonly kind: string;
  readonly written?: string;
  readonly outputShape?: (input: RuntimeShape) => RuntimeShape;
  readonly [field: string]: unknown;
}

export interface TensorLike {
  readonly order: number;
  readonly shape: RuntimeShape;
  readonly node:
    | { readonly op: "input" }
    | { readonly op: "layers"; readonly from: TensorLike; readonly layers: readonly LayerLike[] }
    | { readonly op: string; readonly from: readonly TensorLike[]; readonly dim?: number };
}

export interface SequentialLike {
  readonly kind: "sequential";
  readonly inputShape: RuntimeShape;
  readonly layers: readonly LayerLike[];
}
export interface GraphLike {
  readonly kind: "graph";
  readonly inputs: readonly TensorLike[];
  readonly outputs: readonly TensorLike[];
}
export type ModelLike = SequentialLike | GraphLike;

export const isModel = (value: unknown): value is ModelLike =>
  typeof value === "object" &&
  value !== null &&
  ((value as { kind?: unknown }).kind === "sequential" || (value as { kind?: unknown }).kind === "graph");

/** Every tensor the outputs are computed from, in creation order. */
export function tensorsOf(graph: GraphLike): TensorLike[] {
  const seen = new Set<TensorLike>();
  const visit = (t: TensorLike): void => {
    if (seen.has(t)) return;
    seen.add(t);
    const node = t.node;
    if (node.op === "layers") visit((node as { from: TensorLike }).from);
    else if (node.op !== "input") (node as { from: readonly TensorLike[] }).from.forEach(visit);
  };
  graph.outputs.forEach(visit);
  return [...seen].sort((a, b) => a.order - b.order);
}

/** The shapes after each layer of a chain, from `input` (the input not included). */
export function traceOf(input: RuntimeShape, layers: readonly LayerLike[]): RuntimeShape[] {
  const shapes: RuntimeShape[] = [];
  let shape = input;
  for (const layer of layers) {
    shape = layer.outputShape ? layer.outputShape(shape) : shape;
    shapes.push(shape);
  }
  return shapes;
}

/** A shape as the comments show it: `[N, 32, 26, 26]` (N the batch, a name for a named dimension, ? unknown). */
export const showDims = (shape: RuntimeShape): string =>
  `[${shape.map((d, i) => (d === null ? (i === 0 ? "N" : "?") : String(d))).join(", ")}]`;

/** A graph's tensors in the order the converter computes them (depth first from the outputs, operands before their
 * tensor): the order in which a model used twice gets its state_dict keys (at its first use). */
export function conversionOrder(graph: GraphLike): TensorLike[] {
  const seen = new Set<TensorLike>();
  const order: TensorLike[] = [];
  const visit = (t: TensorLike): void => {
    if (seen.has(t)) return;
    seen.add(t);
    const node = t.node;
    if (node.op === "layers") visit((node as { from: TensorLike }).from);
    else if (node.op !== "input") (node as { from: readonly TensorLike[] }).from.forEach(visit);
    order.push(t);
  };
  graph.outputs.forEach(visit);
  return order;
}

/** A model used as a layer (kind "model", src/model/model-as-layer.ts): the model, a sequential's or a graph's. */
export const modelOf = (layer: LayerLike): ModelLike => layer["model"] as ModelLike;

/** The layer lists inside a block (residual, concat, nn.sequential); a model's are its own. */
export const innerLists = (layer: LayerLike): readonly (readonly LayerLike[])[] =>
  layer.kind === "residual"
    ? [layer["layers"] as readonly LayerLike[], (layer["projection"] ?? []) as readonly LayerLike[]]
    : layer.kind === "concat"
      ? (layer["branches"] as readonly (readonly LayerLike[])[])
      : layer.kind === "nestedSequential"
        ? [layer["layers"] as readonly LayerLike[]]
        : [];

/**
 * The state_dict prefix of each model used as a layer at its first use (`1.0.`): the converter lists a model's
 * weights once, where it first applies it; a later use reads the same weights. `chains`: the layer lists with their
 * prefixes, in the order the converter applies them.
 */
export function firstModelKeys(chains: readonly (readonly [readonly LayerLike[], string])[]): Map<LayerLike, string> {
  const keys = new Map<LayerLike, string>();
  const visit = (layers: readonly LayerLike[], prefix: string): void =>
    layers.forEach((layer, i) => {
      const key = `${prefix}${i}.`;
      if (layer.kind === "model") {
        if (!keys.has(layer)) keys.set(layer, key);
        return;
      }
      if (layer.kind === "residual") {
        visit(layer["layers"] as readonly LayerLike[], `${key}layers.`);
        visit((layer["projection"] ?? []) as readonly LayerLike[], `${key}projection.`);
      }
      if (layer.kind === "concat")
        (layer["branches"] as readonly (readonly LayerLike[])[]).forEach((b, j) => visit(b, `${key}branches.${j}.`));
      if (layer.kind === "nestedSequential") visit(layer["layers"] as readonly LayerLike[], key);
    });
  chains.forEach(([layers, prefix]) => visit(layers, prefix));
  return keys;
}
