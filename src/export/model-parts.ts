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
