// The Transformer modules → shapecheck's Transformer layer (transformer.tfjs-layer.ts), in a chain
// (`pipe`: the encoder layer and encoder) or called on several tensors (graph node "call"). The
// state_dict keys are PyTorch 1.13's module's (`layers.0.self_attn.in_proj_weight`, …) under the
// layer's path, each the tfjs weight of the same name, in PyTorch's layout.
import * as tf from "@tensorflow/tfjs-core";
import type * as tfl from "@tensorflow/tfjs-layers";
import { Transformer, type TransformerArgs } from "./transformer.tfjs-layer.ts";
import { notConvertible, type Converter, type ParamSpec } from "../../runtime/convert/context.ts";
import type { CallConverter } from "../../runtime/convert/call.ts";
import {
  transformerModule,
  transformerParams,
  type TransformerSettings,
  type TransformerStructure,
} from "./transformer.ts";
import type { AnyTransformerConfig } from "./transformer.ts";

type AnyTransformer = AnyTransformerConfig;

/** The tfjs layer's arguments (without inputs and name) of any Transformer module. */
export function transformerArgs(layer: AnyTransformer): Omit<TransformerArgs, "name" | "inputs"> {
  const norm = layer.kind === "transformerEncoder" || layer.kind === "transformerDecoder" ? layer.norm : null;
  if (norm !== null && !norm.elementwiseAffine) throw notConvertible(layer, "a norm without elementwiseAffine");
  return transformerModule(layer);
}

/** The structure's PyTorch parameters, keys under `path`, each the tfjs weight of that key. */
export function transformerParamSpecs(
  settings: TransformerSettings,
  structure: TransformerStructure,
  path: string,
  name: string,
): ParamSpec[] {
  return transformerParams(settings, structure).map(([key, shape]) => ({
    key: `${path}.${key}`,
    layer: name,
    weight: key,
    shape,
    toTfjs: (w) => tf.clone(w),
    fromTfjs: (w) => tf.clone(w),
  }));
}

/** In a chain (the encoder layer and encoder): one input, src. */
export const transformerChain: Converter<AnyTransformer> = {
  layout: () => "first",
  convert(layer, ctx) {
    const name = ctx.name();
    const args = transformerArgs(layer);
    const y = new Transformer({ ...args, name }).apply(ctx.x) as tfl.SymbolicTensor;
    return { y, layout: "first", params: transformerParamSpecs(args, args.structure, ctx.path, name) };
  },
};

/** Called on several tensors: src / tgt / memory and the masks, by name. */
export const transformerCall: CallConverter<AnyTransformer> = {
  call(layer, ctx) {
    const name = ctx.name();
    const args = transformerArgs(layer);
    const y = new Transformer({ ...args, inputs: [...ctx.names], name }).apply([...ctx.inputs]) as tfl.SymbolicTensor;
    return { ys: [y], params: transformerParamSpecs(args, args.structure, ctx.path, name) };
  },
};
