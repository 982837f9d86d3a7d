// The `layers` vocabulary (tfjs's own layers, channels-last, kinds "Conv2D", "Dense", …): each
// becomes the tfjs layer of the same name with the same arguments, on the tensor as written (no
// permutes: its shapes are tfjs's; except a BatchNormalization whose axis is not the last: tfjs's is
// wrong there, so it runs with axis -1 between two Permute layers). Its weights keep tfjs's names and
// layouts in the state dict:
// `${index}.kernel`, `${index}.bias`, `${index}.gamma`, …. A conv1d / conv2d with a dilationRate
// above 1 is tfjs's layer whose forward pass trains (shapecheck>Conv1D / >Conv2D, dilated-conv-layer.ts).
import * as tf from "@tensorflow/tfjs-core";
import * as tfl from "@tensorflow/tfjs-layers";
import type { Converter, ParamSpec } from "./context.ts";
import type { RuntimeLayer } from "../../model/layer.ts";
import { DILATED_CONVS, needsTrainableDilation } from "../../families/conv/dilated-conv.tfjs-layer.ts";
import { dimIndex } from "../../shape/dim-index.ts";
import "../../families/activation/tf-activation.tfjs-layer.ts"; // a gradient for Greater: ThresholdedReLU trains

/** Kinds whose factory is not named by the rule below (tfjs's class ELU is made by layers.elu). */
const FACTORIES: Readonly<Record<string, string>> = { ELU: "elu", PReLU: "prelu" };
/** tfjs's factory for a kind: "MaxPooling2D" → layers.maxPooling2d. */
const factoryName = (kind: string): string =>
  FACTORIES[kind] ?? kind[0]!.toLowerCase() + kind.slice(1).replace(/(\d)D$/, "$1d");

/** Arguments that only matter for the first layer of a tfjs Sequential (the input is given here), and the name (ours). */
const INPUT_ARGS = ["inputShape", "batchInputShape", "batchSize", "name"];
const inputArg = (kind: string, key: string): boolean =>
  INPUT_ARGS.includes(key) || (kind === "Dense" && key === "inputDim");

export const isTfjsKind = (kind: string): boolean =>
  /^[A-Z]/.test(kind) && typeof (tfl.layers as unknown as Record<string, unknown>)[factoryName(kind)] === "function";

/** A layer of the `layers` vocabulary (a TfjsConfig): any kind whose name is a tfjs factory's. */
export const tfjsLayer: Converter<RuntimeLayer & { readonly args?: object }> = {
  // "first": the tensor as its (tfjs) shapes say, with no permute of ours in effect
  layout: () => "first",
  convert(layer, ctx) {
    const factory = (tfl.layers as unknown as Record<string, (args: object) => tfl.layers.Layer>)[
      factoryName(layer.kind)
    ]!;
    const args = Object.fromEntries(Object.entries(layer.args ?? {}).filter(([key]) => !inputArg(layer.kind, key)));
    const name = ctx.name();
    // tfjs's BatchNormalization is wrong on an axis other than the last (tf.batchNorm broadcasts the
    // [C] statistics, gamma and beta over the last axis only, so elements get other channels' values):
    // that axis is moved last around tfjs's layer with axis -1 (the same weights).
    const rank = ctx.input.length;
    const bnAxis = layer.kind === "BatchNormalization" ? dimIndex((args as { axis?: number }).axis ?? -1, rank) : false;
    const moved = bnAxis !== false && bnAxis > 0 && bnAxis < rank - 1;
    const tfLayer = needsTrainableDilation(layer.kind, args)
      ? new DILATED_CONVS[layer.kind]!({ ...args, name })
      : factory({ ...args, ...(moved ? { axis: -1 } : {}), name });
    let y: tfl.SymbolicTensor;
    if (moved) {
      const dims = [...Array.from({ length: rank - 1 }, (_, i) => i + 1).filter((d) => d !== bnAxis), bnAxis]; // tfjs's Permute numbers from 1
      const back = dims.map((_, i) => dims.indexOf(i + 1) + 1);
      const last = tfl.layers.permute({ dims, name: `${name}.axis_last` }).apply(ctx.x) as tfl.SymbolicTensor;
      y = tfl.layers
        .permute({ dims: back, name: `${name}.axis_back` })
        .apply(tfLayer.apply(last)) as tfl.SymbolicTensor;
    } else {
      y = tfLayer.apply(ctx.x) as tfl.SymbolicTensor;
    }
    const params: ParamSpec[] = tfLayer.weights.map((w) => {
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
    return { y, layout: "first", params };
  },
};
