// The `layers` vocabulary (tfjs's own layers, channels-last, kinds "Conv2D", "Dense", …): each
// becomes the tfjs layer of the same name with the same arguments, on the tensor as written (no
// permutes: its shapes are tfjs's). Its weights keep tfjs's names and layouts in the state dict:
// `${index}.kernel`, `${index}.bias`, `${index}.gamma`, …. What a family does differently is in its
// folder: a conv with a dilationRate (conv/tf-conv.tfjs.ts), a BatchNormalization on an axis other
// than the last (normalization/tf-normalization.tfjs.ts).
import * as tf from "@tensorflow/tfjs-core";
import * as tfl from "@tensorflow/tfjs-layers";
import type { Converter, ConvertContext, ParamSpec } from "./context.ts";
import type { RuntimeLayer } from "../../model/layer.ts";
import "../../families/activation/tf-activation.tfjs-layer.ts"; // a gradient for Greater: ThresholdedReLU trains

/** Kinds whose factory is not named by the rule below (tfjs's class ELU is made by layers.elu). */
const FACTORIES: Readonly<Record<string, string>> = { ELU: "elu", PReLU: "prelu", Cropping2D: "cropping2D" };
/** tfjs's factory for a kind: "MaxPooling2D" → layers.maxPooling2d. */
const factoryName = (kind: string): string =>
  FACTORIES[kind] ?? kind[0]!.toLowerCase() + kind.slice(1).replace(/(\d)D$/, "$1d");

/** Arguments that only matter for the first layer of a tfjs Sequential (the input is given here), and the name (ours). */
const INPUT_ARGS = ["inputShape", "batchInputShape", "batchSize", "name"];
const inputArg = (kind: string, key: string): boolean =>
  INPUT_ARGS.includes(key) || (kind === "Dense" && key === "inputDim");

export const isTfjsKind = (kind: string): boolean =>
  /^[A-Z]/.test(kind) && typeof (tfl.layers as unknown as Record<string, unknown>)[factoryName(kind)] === "function";

/** A layer of the `layers` vocabulary: its kind (tfjs's class name) and tfjs's arguments. */
export type TfjsLayerConfig = RuntimeLayer & { readonly args?: object };

/** tfjs's factory of a kind: "MaxPooling2D" → layers.maxPooling2d. */
export const tfjsFactory = (kind: string): ((args: object) => tfl.layers.Layer) =>
  (tfl.layers as unknown as Record<string, (args: object) => tfl.layers.Layer>)[factoryName(kind)]!;

/** A layer's tfjs arguments, without those only the first layer of a tfjs Sequential takes. */
export const tfjsArgs = (layer: TfjsLayerConfig): Record<string, unknown> =>
  Object.fromEntries(Object.entries(layer.args ?? {}).filter(([key]) => !inputArg(layer.kind, key)));

/** The weights of a tfjs layer named `name`, as they are (tfjs's names and layouts) under the layer's path. */
export const tfjsParams = (tfLayer: tfl.layers.Layer, name: string, ctx: ConvertContext): ParamSpec[] =>
  tfLayer.weights.map((w) => {
    const weight = w.originalName.slice(name.length + 1);
    return {
      key: `${ctx.path}.${weight}`,
      layer: name,
      weight,
      shape: w.shape as number[],
      toTfjs: (v: tf.Tensor) => tf.clone(v),
      fromTfjs: (v: tf.Tensor) => tf.clone(v),
    };
  });

/** Any kind whose name is a tfjs factory's: tfjs's layer, with the same arguments. */
export const tfjsLayer: Converter<TfjsLayerConfig> = {
  // "first": the tensor as its (tfjs) shapes say, with no permute of ours in effect
  layout: () => "first",
  convert(layer, ctx) {
    const name = ctx.name();
    const tfLayer = tfjsFactory(layer.kind)({ ...tfjsArgs(layer), name });
    const y = tfLayer.apply(ctx.x) as tfl.SymbolicTensor;
    return { y, layout: "first", params: tfjsParams(tfLayer, name, ctx) };
  },
};
