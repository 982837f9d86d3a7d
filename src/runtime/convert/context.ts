// What a converter is: one `nn` layer kind → TensorFlow.js layers applied to a symbolic tensor, and
// how the layer's PyTorch parameters map onto the tfjs weights.
import type * as tf from "@tensorflow/tfjs-core";
import type * as tfl from "@tensorflow/tfjs-layers";
import type { RuntimeShape } from "../../shape/dims.ts";
import type { Layout } from "./layout.ts";

import type { LayerConfig } from "../../families/layer-config.ts";
import type { RuntimeLayer } from "../../model/layer.ts";

export type { LayerConfig } from "../../families/layer-config.ts";

/**
 * A model's layers as their configs. src/model keeps layers as `RuntimeLayer` or less (it does not know the
 * families); every runtime object a builder makes is typed by its config, a member of `LayerConfig`
 * (the registries' key). This is the one place the conversion takes that as given.
 */
export const configsOf = (layers: readonly unknown[]): readonly LayerConfig[] => layers as readonly LayerConfig[];

/** One PyTorch parameter (or buffer) of a layer and the tfjs weight that holds it. */
export interface ParamSpec {
  /** PyTorch's name in the layer's state_dict: `weight`, `bias`, `running_mean`, … */
  readonly key: string;
  /** The tfjs layer's name, and the weight's name in it (`kernel`, `bias`, …). */
  readonly layer: string;
  readonly weight: string;
  /** The parameter's shape in PyTorch: `[out, in, kh, kw]`. */
  readonly shape: readonly number[];
  /** PyTorch layout → tfjs layout. */
  toTfjs(value: tf.Tensor): tf.Tensor;
  /** tfjs layout → PyTorch layout. */
  fromTfjs(value: tf.Tensor): tf.Tensor;
  /**
   * A buffer tfjs does not keep (batchNorm's num_batches_tracked): exported as this value; on import,
   * given to `restore` (when there is one, else ignored), and optional with `strict`.
   */
  readonly constant?: () => tf.Tensor;
  readonly restore?: (value: tf.Tensor) => void;
  /**
   * The tfjs weight is the sum of this parameter and the ones before it on the same weight (an
   * LSTM's bias_ih + bias_hh): imported by adding, exported by `fromTfjs` (zeros).
   */
  readonly accumulate?: boolean;
}

/** Where a layer is converted. */
export interface ConvertContext {
  /** The input, in layout `layout`. */
  readonly x: tfl.SymbolicTensor;
  readonly layout: Layout;
  /** Logical (PyTorch) input and output shapes, batch first. */
  readonly input: RuntimeShape;
  readonly output: RuntimeShape;
  /**
   * "relu" when the next layer is a relu that this layer (conv, linear) applies itself: tfjs fuses it
   * into the convolution or matrix product (one kernel instead of two, forward and backward).
   */
  readonly activation?: "relu";
  /** The layer's path in the model, as PyTorch's state_dict keys write it: `0`, `3.layers.1`. */
  readonly path: string;
  /** The layers after this one in its chain. */
  readonly next: readonly LayerConfig[];
  /**
   * The order of the input's last dimension when it is not PyTorch's: physical feature j is PyTorch's
   * feature `featureOrder[j]` (a flatten of a channels-last tensor, folded into the next linear's weight).
   */
  readonly featureOrder?: readonly number[];
  /** A tfjs layer name for this layer: `${path}.${kind}` and a suffix for helper layers. */
  name(suffix?: string): string;
  /** Converts nested layers (blocks) after `x` from `input`; returns the output and its layout. */
  chain(
    layers: readonly LayerConfig[],
    x: tfl.SymbolicTensor,
    input: RuntimeShape,
    layout: Layout,
    path: string,
  ): Converted & { readonly shape: RuntimeShape };
  /** `x` (of logical rank `rank`) moved to layout `to`. */
  toLayout(x: tfl.SymbolicTensor, rank: number, from: Layout, to: Layout, name: string): tfl.SymbolicTensor;
}

export interface Converted {
  readonly y: tfl.SymbolicTensor;
  /** The output's layout (default: the input's). */
  readonly layout?: Layout;
  readonly params?: readonly ParamSpec[];
  /** The output's last dimension is in this order, not PyTorch's (see ConvertContext.featureOrder). */
  readonly featureOrder?: readonly number[];
}

/** How one kind of layer (config `Config`) becomes TensorFlow.js layers. */
export interface Converter<Config extends RuntimeLayer = LayerConfig> {
  /** The layer can apply a following relu itself (ctx.activation). */
  readonly fusesRelu?: boolean;
  /** The layout the layer wants its input in; "any" when it works in both. `next`: the layers after it. */
  readonly layout: (layer: Config, input: RuntimeShape, next: readonly LayerConfig[]) => Layout | "any";
  readonly convert: (layer: Config, ctx: ConvertContext) => Converted;
}

/** The error for a layer (or option) that has no TensorFlow.js equivalent yet. */
export class NotConvertibleError extends Error {
  override name = "NotConvertibleError";
}
export const notConvertible = (layer: RuntimeLayer, why: string): NotConvertibleError =>
  new NotConvertibleError(`toTfjs: ${layer.written} cannot be converted to TensorFlow.js yet: ${why}`);
