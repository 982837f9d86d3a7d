// The runtime's functions of a checked model (what `sequential(...)` or `graph(...)` returns, plain
// data): `build(net)` the typed model, `toTfjs(net)` the tf.LayersModel, `load(net, where)` a saved
// model checked against `net`'s shapes. The model itself knows nothing of TensorFlow.js: the checker
// (`shapecheck`) never imports this file; the runtime (`shapecheck/tfjs`) exports these functions.
import type * as tf from "@tensorflow/tfjs-core";
import type * as tfl from "@tensorflow/tfjs-layers";
import type { Shape } from "../../types/shape/dims.ts";
import type { Graph } from "../model/graph.ts";
import type { Sequential } from "../model/sequential.ts";
import type { GraphTyped } from "./graph-model.ts";
import { buildTyped, loadTyped, type TypedModel } from "./model.ts";
import type { Origin } from "./origin.ts";

/**
 * A model the runtime takes: what `sequential(...)` (a `Sequential`) or `graph(...)` (a `Graph`)
 * returns, known by its kind and its type-level shapes.
 */
export type Net =
  | Pick<Sequential<Shape, Shape>, "kind" | "~shapes">
  | Pick<Graph<readonly Shape[], readonly Shape[]>, "kind" | "~shapes">;

/**
 * The typed model of a net: `TypedModel<In, Out>` for a sequential and for a graph of one input and
 * one output, else a `GraphModel` (arrays of tensors, one per input and output).
 */
export type Built<N> = 0 extends 1 & N
  ? any // eslint-disable-line @typescript-eslint/no-explicit-any -- an untyped net (any) gives an untyped model, as its methods did
  : N extends {
        readonly kind: "graph";
        readonly "~shapes": readonly [infer Ins extends readonly Shape[], infer Outs extends readonly Shape[]];
      }
    ? GraphTyped<Ins, Outs>
    : N extends { readonly "~shapes": readonly [infer In extends Shape, infer Out extends Shape] }
      ? TypedModel<In, Out>
      : never;

/**
 * A typed model (predict, save, weights in PyTorch's layout, `compile` for training) with PyTorch's
 * initial weights; each call builds a new one.
 *
 * @example
 * const model = build(net).compile({ optimizer: "adam", loss: "nll", metrics: ["accuracy"] });
 * await model.fit(images, labels, { epochs: 3, batchSize: 64 });
 */
export function build<N extends Net>(net: N): Built<N> {
  return buildTyped<Built<N>>(net as unknown as Origin);
}

/**
 * The equivalent TensorFlow.js model (the escape hatch), with PyTorch's initial weights: input and
 * output in PyTorch's layout, convolutions and pooling run channels-last inside, flatten in
 * PyTorch's order. Each call builds a new model. Throws a NotConvertibleError for a layer with no
 * tfjs equivalent yet.
 *
 * @example
 * const layersModel = toTfjs(net); // tf.LayersModel
 */
export function toTfjs(net: Net): tfl.LayersModel {
  return buildTyped<TypedModel<Shape, Shape>>(net as unknown as Origin).tfjs;
}

/**
 * Loads a model saved in the TensorFlow.js format (a local directory in Node, `file://…`, any tfjs
 * URL such as `indexeddb://…` or `http://…`, or an IOHandler) after checking it has `net`'s input
 * and output shapes (and layers, when saved by shapecheck): a ShapeError names the difference.
 *
 * @example
 * const again = await load(net, "./mnist-model");
 */
export function load<N extends Net>(net: N, where: string | tf.io.IOHandler): Promise<Built<N>> {
  return loadTyped<Built<N>>(net as unknown as Origin, where);
}
