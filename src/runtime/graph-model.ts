// The typed model of a graph(...) with several inputs or outputs: tfjs's convention, a tensor for
// one input (output) and an array, one per input (output), for several. A graph with one input and
// one output builds a TypedModel, as a sequential does.
import type * as tf from "@tensorflow/tfjs-core";
import type * as tfl from "@tensorflow/tfjs-layers";
import type { Shape } from "../../types/shape/dims.ts";
import type { RuntimeShapeOf } from "../shape/dims.ts";
import type { LossName, TargetShape } from "./losses.ts";
import type {
  CompileOptions,
  Evaluation,
  FitHistory,
  FitOptions,
  MetricName,
  PredictOptions,
  TrainableModel,
  TypedModel,
} from "./model.ts";
import type { Tensor, TensorArg, TensorData } from "./tensor.ts";
import type { StateDict, StateDictInput } from "./weights.ts";

/** What a model with these input (or target) shapes accepts: a tensor for one, an array for several. */
export type GraphData<Shapes extends readonly Shape[]> = Shapes extends readonly [Shape]
  ? TensorData
  : { readonly [K in keyof Shapes]: TensorData };

/**
 * Each given tensor checked against its shape (`TensorArg`): the one tensor, or the array, whose
 * element i is named `${Many} ${i})` in messages (`predict (input 1)`). The array's length is
 * checked by GraphData, the type parameter's constraint.
 */
export type GraphArgs<
  Given,
  Shapes extends readonly Shape[],
  One extends string,
  Many extends string,
> = Shapes extends readonly [infer S extends Shape]
  ? TensorArg<Given, S, One>
  : { [K in keyof Given]: K extends `${number}` ? TensorArg<Given[K], ShapeAt<Shapes, K>, `${Many} ${K})`> : Given[K] };
type ShapeAt<Shapes extends readonly Shape[], K> = K extends keyof Shapes
  ? Shapes[K] extends infer S extends Shape
    ? S
    : Shape
  : Shape;

/** The outputs: a tensor for one, a tuple for several. */
export type GraphTensors<Shapes extends readonly Shape[]> = Shapes extends readonly [infer S extends Shape]
  ? Tensor<S>
  : { -readonly [K in keyof Shapes]: Shapes[K] extends Shape ? Tensor<Shapes[K]> : never };

/** The targets' shapes of each output for a loss. */
export type TargetShapes<Outs extends readonly Shape[], Loss extends LossName> = {
  -readonly [K in keyof Outs]: Outs[K] extends Shape ? TargetShape<Outs[K], Loss> : never;
};

/** What `build()` of a graph gives: a TypedModel for one input and one output, else a GraphModel. */
export type GraphTyped<Ins extends readonly Shape[], Outs extends readonly Shape[]> = [Ins, Outs] extends [
  readonly [infer I extends Shape],
  readonly [infer O extends Shape],
]
  ? TypedModel<I, O>
  : GraphModel<Ins, Outs>;

/** What `compile(…)` of a graph gives. */
export type GraphTrainable<
  Ins extends readonly Shape[],
  Outs extends readonly Shape[],
  Loss extends LossName,
  Metric extends MetricName,
> = [Ins, Outs] extends [readonly [infer I extends Shape], readonly [infer O extends Shape]]
  ? TrainableModel<I, O, TargetShape<O, Loss>, Metric>
  : TrainableGraphModel<Ins, Outs, TargetShapes<Outs, Loss>>;

/** A typed model of several inputs or outputs (arrays in tfjs's order: `inputs` and `outputs` as given to graph). */
export interface GraphModel<Ins extends readonly Shape[], Outs extends readonly Shape[]> {
  /** The TensorFlow.js model (the escape hatch): inputs and outputs in PyTorch's layout. */
  readonly tfjs: tfl.LayersModel;
  /** `[[null, 1, 16, 16], [null, 5, 8]]` */
  readonly inputShapes: { -readonly [K in keyof Ins]: Ins[K] extends Shape ? RuntimeShapeOf<Ins[K]> : never };
  readonly outputShapes: { -readonly [K in keyof Outs]: Outs[K] extends Shape ? RuntimeShapeOf<Outs[K]> : never };
  /**
   * The outputs for a batch of inputs (dropout off): one tensor per input when there are several,
   * one tensor per output back when there are several.
   *
   * @example
   * const [mask, scores] = model.predict([images, queries]);
   */
  predict<const X extends GraphData<Ins>>(
    x: GraphArgs<X, Ins, "predict", "predict (input">,
    options?: PredictOptions,
  ): GraphTensors<Outs>;
  /** Prepares training (one loss for every output) and returns the model with fit and evaluate; the weights are shared. */
  compile<const Loss extends LossName, const Metric extends MetricName = never>(
    options: CompileOptions<Loss, Metric>,
  ): TrainableGraphModel<Ins, Outs, TargetShapes<Outs, Loss>>;
  save(where: string | tf.io.IOHandler): Promise<tf.io.SaveResult>;
  stateDict(): StateDict;
  loadStateDict(dict: StateDictInput, options?: { strict?: boolean }): void;
  dispose(): void;
}

/** fit's options for a graph: validationData in predict's and the targets' form. */
export type GraphFitOptions = Omit<FitOptions<Shape, Shape>, "validationData"> & {
  readonly validationData?: readonly [TensorData | readonly TensorData[], TensorData | readonly TensorData[]];
};

/**
 * A compiled graph model. With several outputs, fit's history and evaluate's result use tfjs's
 * names: `loss`, then each output's loss and metrics under its layer's name (`cat.1_loss`).
 */
export interface TrainableGraphModel<
  Ins extends readonly Shape[],
  Outs extends readonly Shape[],
  Targets extends readonly Shape[],
> extends GraphModel<Ins, Outs> {
  fit<const X extends GraphData<Ins>, const Y extends GraphData<Targets>>(
    x: GraphArgs<X, Ins, "fit (x)", "fit (x">,
    y: GraphArgs<Y, Targets, "fit (y)", "fit (y">,
    options?: GraphFitOptions,
  ): Promise<FitHistory<string>>;
  evaluate<const X extends GraphData<Ins>, const Y extends GraphData<Targets>>(
    x: GraphArgs<X, Ins, "evaluate (x)", "evaluate (x">,
    y: GraphArgs<Y, Targets, "evaluate (y)", "evaluate (y">,
    options?: { readonly batchSize?: number },
  ): Promise<Evaluation<string>>;
}
