// residual and concat: their layers are converted in place (functional graph); PyTorch's state_dict
// keys name them `${path}.layers.${i}`, `${path}.projection.${i}` and `${path}.branches.${b}.${i}`.
import * as tfl from "@tensorflow/tfjs-layers";
import { dimIndex } from "../../shape/dim-index.ts";
import { notConvertible, type Converter, type LayerConfig, type ParamSpec } from "../../runtime/convert/context.ts";
import { physicalAxis, type Layout } from "../../runtime/convert/layout.ts";
import type { ConcatConfig, NestedSequentialConfig, ResidualConfig } from "./blocks.nn.ts";
import type { ModelLayerConfig } from "../../model/model-as-layer.ts";
import { applyGraph } from "../../runtime/convert/graph.ts";

/** The layout the first layer of a chain that cares wants (so a block's input is permuted once, not per branch). */
export type PreferredLayout = (layers: readonly LayerConfig[], input: readonly unknown[]) => Layout | "any";
let preferred: PreferredLayout = () => "any";
export const setPreferredLayout = (fn: PreferredLayout): void => {
  preferred = fn;
};

export const residual: Converter<ResidualConfig> = {
  layout: (layer, input) => preferred(layer.layers, input),
  convert(layer, ctx) {
    const main = ctx.chain(layer.layers, ctx.x, ctx.input, ctx.layout, `${ctx.path}.layers`);
    const projection = layer.projection;
    const shortcut =
      projection.length > 0
        ? ctx.chain(projection, ctx.x, ctx.input, ctx.layout, `${ctx.path}.projection`)
        : { y: ctx.x, layout: ctx.layout, params: [] as ParamSpec[] };
    const layout = main.layout ?? ctx.layout;
    const other = ctx.toLayout(
      shortcut.y,
      ctx.output.length,
      shortcut.layout ?? ctx.layout,
      layout,
      ctx.name("shortcut"),
    );
    const y = tfl.layers.add({ name: ctx.name() }).apply([main.y, other]) as tfl.SymbolicTensor;
    return { y, layout, params: [...(main.params ?? []), ...(shortcut.params ?? [])] };
  },
};

export const concat: Converter<ConcatConfig> = {
  layout: (layer, input) => {
    for (const branch of layer.branches) {
      const wanted = preferred(branch, input);
      if (wanted !== "any") return wanted;
    }
    return "any";
  },
  convert(layer, ctx) {
    const rank = ctx.output.length;
    const dim = dimIndex(layer.dim, rank) as number;
    if (dim === 0) throw notConvertible(layer, "TensorFlow.js layers keep the batch dimension apart");
    const branches = layer.branches.map((branch, i) =>
      ctx.chain(branch, ctx.x, ctx.input, ctx.layout, `${ctx.path}.branches.${i}`),
    );
    const layout: Layout = branches[0]?.layout ?? ctx.layout;
    const ys = branches.map((branch, i) =>
      ctx.toLayout(branch.y, rank, branch.layout ?? ctx.layout, layout, `${ctx.name()}.branch${i}`),
    );
    const y = tfl.layers
      .concatenate({ axis: physicalAxis(dim, rank, layout), name: ctx.name() })
      .apply(ys) as tfl.SymbolicTensor;
    return { y, layout, params: branches.flatMap((branch) => branch.params ?? []) };
  },
};

/** nn.sequential: its layers in place; PyTorch's nested nn.Sequential names their parameters `${path}.${i}`. */
export const nestedSequential: Converter<NestedSequentialConfig> = {
  layout: (layer, input) => preferred(layer.layers, input),
  convert(layer, ctx) {
    const inner = ctx.chain(layer.layers, ctx.x, ctx.input, ctx.layout, ctx.path);
    return { y: inner.y, layout: inner.layout ?? ctx.layout, params: inner.params ?? [] };
  },
};

/**
 * A model used as a layer (src/model/model-as-layer.ts): a sequential's layers in place, their
 * parameters under the model's position (`${path}.${i}`, as PyTorch names a module's submodules); a
 * graph's computation in place (its pipes `${path}.${pipe}.${i}`).
 * Used twice, it is the same layer object twice: the chain re-applies its tfjs layers (shared
 * weights) and lists its parameters once.
 */
export const model: Converter<ModelLayerConfig> = {
  layout: (layer, input) => (layer.graph ? "any" : preferred(layer.layers, input)),
  convert(layer, ctx) {
    if (layer.graph) {
      // a graph: its computation on this input, its names and keys under this position
      const applied = applyGraph(layer.graph, [{ y: ctx.x, layout: ctx.layout, shape: ctx.input }], `${ctx.path}.`);
      const out = applied.outputs[0]!;
      return { y: out.y, layout: out.layout, params: applied.params };
    }
    const inner = ctx.chain(layer.layers, ctx.x, ctx.input, ctx.layout, ctx.path);
    return { y: inner.y, layout: inner.layout ?? ctx.layout, params: inner.params ?? [] };
  },
};
