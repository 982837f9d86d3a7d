// The runtime methods every Sequential and Graph has: toTfjs, build, compile, load. Kept here so
// src/model/sequential.ts and graph.ts only spread them into their objects and extend the interface.
import type * as tf from "@tensorflow/tfjs-core";
import type * as tfl from "@tensorflow/tfjs-layers";
import type { Shape } from "../../types/shape/dims.ts";
import type { LossName, TargetShape } from "./losses.ts";
import type { GraphTrainable, GraphTyped } from "./graph-model.ts";
import type { CompileOptions, MetricName, Origin, TrainableModel, TypedModel } from "./model.ts";
import { build, load, toTfjs, type Net } from "./net.ts";

export interface SequentialRuntime<InputShape extends Shape, OutputShape extends Shape> {
  /**
   * The equivalent TensorFlow.js model (the escape hatch), with PyTorch's initial weights: input
   * and output in PyTorch's layout, convolutions and pooling run channels-last inside, flatten in
   * PyTorch's order. Each call builds a new model. Throws for a layer with no tfjs equivalent yet.
   */
  toTfjs(): tfl.LayersModel;
  /** A typed model (predict, save, weights in PyTorch's layout) with PyTorch's initial weights; each call builds a new one. */
  build(): TypedModel<InputShape, OutputShape>;
  /**
   * A new typed model, compiled for training (as `build().compile(options)`).
   *
   * @example
   * const model = net.compile({ optimizer: "adam", loss: "nll", metrics: ["accuracy"] });
   * await model.fit(images, labels, { epochs: 3, batchSize: 64 });
   */
  compile<const Loss extends LossName, const Metric extends MetricName = never>(
    options: CompileOptions<Loss, Metric>,
  ): TrainableModel<InputShape, OutputShape, TargetShape<OutputShape, Loss>, Metric>;
  /**
   * Loads a model saved in the TensorFlow.js format (a local directory, `file://…`, any tfjs URL or
   * IOHandler) after checking it has this model's input and output shapes (and layers, when saved
   * by shapecheck): a ShapeError names the difference.
   */
  load(where: string | tf.io.IOHandler): Promise<TypedModel<InputShape, OutputShape>>;
}

/**
 * A graph's runtime methods: as a sequential's for one input and one output; with several, the
 * model takes and gives arrays (GraphModel).
 */
export interface GraphRuntime<Ins extends readonly Shape[], Outs extends readonly Shape[]> {
  /** The equivalent TensorFlow.js functional model (the escape hatch), with PyTorch's initial weights; a new one each call. */
  toTfjs(): tfl.LayersModel;
  /** A typed model with PyTorch's initial weights; each call builds a new one. */
  build(): GraphTyped<Ins, Outs>;
  /** A new typed model, compiled for training (as `build().compile(options)`). */
  compile<const Loss extends LossName, const Metric extends MetricName = never>(
    options: CompileOptions<Loss, Metric>,
  ): GraphTrainable<Ins, Outs, Loss, Metric>;
  /** Loads a saved model after checking its inputs' and outputs' shapes (and layers, when saved by shapecheck). */
  load(where: string | tf.io.IOHandler): Promise<GraphTyped<Ins, Outs>>;
}

/** The methods' runtime, spread into every Sequential and Graph object. */
export const sequentialRuntime = {
  toTfjs(this: Origin): tfl.LayersModel {
    return toTfjs(this as unknown as Net);
  },
  build(this: Origin) {
    return build(this as unknown as Net);
  },
  compile(this: Origin, options: CompileOptions) {
    return (build(this as unknown as Net) as TypedModel<Shape, Shape>).compile(options as never);
  },
  load(this: Origin, where: string | tf.io.IOHandler) {
    return load(this as unknown as Net, where);
  },
};
