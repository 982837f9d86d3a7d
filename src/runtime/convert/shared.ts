// Shared layers: the same layer object applied in two places shares its weights, as a PyTorch module
// called twice does. The first application is converted as usual; a later one re-applies the same
// tfjs layers (same weights) to the new input, and its state_dict keys name the same weights again
// (PyTorch lists a module registered twice under both names).
import type * as tfl from "@tensorflow/tfjs-layers";
import type { LayerConfig, ParamSpec } from "./context.ts";
import type { Layout } from "./layout.ts";
import { layerListsOf } from "./graph.ts";

/** A converted application of a layer with weights: the tfjs subgraph from `x` to `y`. */
export interface Applied {
  readonly x: tfl.SymbolicTensor;
  readonly y: tfl.SymbolicTensor;
  /** The layout `x` was in, and `y`'s. */
  readonly input: Layout;
  readonly output: Layout;
  readonly rank: number;
  readonly path: string;
  readonly params: readonly ParamSpec[];
  /** The input's feature order when it was not PyTorch's (a folded flatten): the weights were permuted for it. */
  readonly featureOrder?: readonly number[];
}

/** Two feature orders are the same (undefined: PyTorch's). */
export const sameOrder = (a?: readonly number[], b?: readonly number[]): boolean =>
  a === b || (a !== undefined && b !== undefined && a.length === b.length && a.every((v, i) => v === b[i]));

/** The layer lists inside a block (residual, concat, a nested sequential); none for other layers. */
export const innerLayers = (layer: LayerConfig): readonly (readonly LayerConfig[])[] =>
  layer.kind === "residual"
    ? [layer.layers, layer.projection]
    : layer.kind === "concat"
      ? layer.branches
      : layer.kind === "nestedSequential"
        ? [layer.layers]
        : layer.kind === "model"
          ? layer.graph
            ? layerListsOf(layer.graph)
            : [layer.layers]
          : [];

/** The layer objects that appear more than once in the layer lists (blocks' inner layers included). */
export function repeatedLayers(lists: readonly (readonly LayerConfig[])[]): Set<LayerConfig> {
  const seen = new Set<LayerConfig>();
  const repeated = new Set<LayerConfig>();
  const visit = (layers: readonly LayerConfig[]): void => {
    for (const layer of layers) {
      if (seen.has(layer)) repeated.add(layer);
      seen.add(layer);
      for (const inner of innerLayers(layer)) visit(inner);
    }
  };
  lists.forEach(visit);
  return repeated;
}

/** `applied`'s tfjs subgraph re-applied to `x` (in `applied.input` layout): the same layer objects, so the same weights. */
export function reapply(applied: Applied, x: tfl.SymbolicTensor): tfl.SymbolicTensor {
  const copies = new Map<tfl.SymbolicTensor, tfl.SymbolicTensor>([[applied.x, x]]);
  const copy = (t: tfl.SymbolicTensor): tfl.SymbolicTensor => {
    const done = copies.get(t);
    if (done) return done;
    if (t.inputs.length === 0)
      throw new Error(`toTfjs: a shared layer's subgraph does not start at its input (${t.name})`);
    const inputs = t.inputs.map(copy);
    const out = t.sourceLayer.apply(inputs.length === 1 ? inputs[0]! : inputs, t.callArgs) as
      tfl.SymbolicTensor | tfl.SymbolicTensor[];
    const result = Array.isArray(out) ? out[t.outputTensorIndex ?? 0]! : out;
    copies.set(t, result);
    return result;
  };
  return copy(applied.y);
}

/** The parameters of an earlier application under this application's path. */
export const renamed = (applied: Applied, path: string): ParamSpec[] =>
  applied.params.map((spec) => ({ ...spec, key: `${path}${spec.key.slice(applied.path.length)}` }));
