// residual and concat: their layers are converted in place (functional graph); PyTorch's state_dict
// keys name them `${path}.layers.${i}`, `${path}.projection.${i}` and `${path}.branches.${b}.${i}`.
import * as tfl from "@tensorflow/tfjs-layers";
import { dimIndex } from "../../shape/dim-index.ts";
import {
  notConvertible,
  type Converter,
  type ConvertContext,
  type LayerConfig,
  type ParamSpec,
} from "../../runtime/convert/context.ts";
import { physicalAxis, type Layout } from "../../runtime/convert/layout.ts";

/** The layout the first layer of a chain that cares wants (so a block's input is permuted once, not per branch). */
export type PreferredLayout = (layers: readonly LayerConfig[], input: readonly unknown[]) => Layout | "any";
let preferred: PreferredLayout = () => "any";
export const setPreferredLayout = (fn: PreferredLayout): void => {
  preferred = fn;
};

export const residual: Converter = {
  layout: (layer, input) => preferred(layer.layers as LayerConfig[], input),
  convert(layer: LayerConfig, ctx: ConvertContext) {
    const main = ctx.chain(layer.layers as LayerConfig[], ctx.x, ctx.input, ctx.layout, `${ctx.path}.layers`);
    const projection = (layer.projection as LayerConfig[] | undefined) ?? [];
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

export const concat: Converter = {
  layout: (layer, input) => {
    for (const branch of layer.branches as LayerConfig[][]) {
      const wanted = preferred(branch, input);
      if (wanted !== "any") return wanted;
    }
    return "any";
  },
  convert(layer: LayerConfig, ctx: ConvertContext) {
    const rank = ctx.output.length;
    const dim = dimIndex(layer.dim as number, rank) as number;
    if (dim === 0) throw notConvertible(layer, "TensorFlow.js layers keep the batch dimension apart");
    const branches = (layer.branches as LayerConfig[][]).map((branch, i) =>
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
