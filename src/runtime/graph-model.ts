// The typed model of a graph(...) with several inputs or outputs: tfjs's convention, a tensor for
// one input (output) and an array, one per input (output), for several. A graph with one input and
// one output builds a TypedModel, as a sequential does.
import type * as tf from "@tensorflow/tfjs-core";
import type * as tfl from "@tensorflow/tfjs-layers";
import type { Shape } from "../../types/shape/dims.ts";
import type { SymbolicTensor } from "../model/symbolic.ts";
import type { RuntimeShapeOf } from "../shape/dims.ts";
import { tensorsOf, type GraphLike } from "./convert/graph.ts";
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

// ---- Inputs and outputs without the batch first ------------------------------------------------

/**
 * Call arguments whose first dimension is never the batch: attention masks `[L, S]` or
 * `[batch·numHeads, L, S]` (multiheadAttention's attnMask, the transformer modules' masks).
 */
const batchlessArgs: readonly string[] = ["attnMask", "srcMask", "tgtMask", "memoryMask"];
/**
 * PyTorch's sequence layers (`nn.lstm`, `nn.gru`, `nn.rnn`, by their kind): their states, the
 * arguments `hx` / `cx` and the outputs after the first (h_n, c_n), are `[numLayers·directions,
 * batch, hidden]`. The cells' states and `layers.lstm(…)`'s returned states are `[batch, hidden]`.
 */
const stateKinds: readonly string[] = ["lstm", "gru", "rnn"];

/** Whether argument `name` of a call of `layer` does not have the batch first. */
const batchlessArg = (layer: { readonly kind: string }, name: string): boolean =>
  batchlessArgs.includes(name) || (stateKinds.includes(layer.kind) && (name === "hx" || name === "cx"));

/** Which of a graph's inputs and outputs do not have the batch as their first dimension. */
export interface Batchless {
  readonly inputs: readonly boolean[];
  readonly outputs: readonly boolean[];
}

/**
 * Which inputs and outputs of a graph have a first dimension that is not the batch (tfjs's predict,
 * evaluate and fit slice, shuffle and join every input and output by it). A call's arguments and
 * outputs are batch-first unless its layer says otherwise (batchlessArg, stateKinds). An input is
 * batchless when it reaches such an argument through other nodes (layers, ops), not through a call;
 * any other tensor is batchless when it is such an output of a call, or when a node that is not a
 * call has a batchless operand (so a linear on h_n is batchless too).
 */
export function batchlessOf(graph: GraphLike): Batchless {
  const tensors = tensorsOf(graph); // in creation order: operands before what they make
  const from = (t: SymbolicTensor): readonly SymbolicTensor[] =>
    t.node.op === "input" ? [] : t.node.op === "layers" ? [t.node.from] : t.node.from;
  // backwards: the tensors given as batchless arguments, and what they are made of up to a call
  const feeds = new Set<SymbolicTensor>();
  for (const t of [...tensors].reverse()) {
    const node = t.node;
    if (node.op === "call") node.from.forEach((arg, i) => batchlessArg(node.layer, node.names[i]!) && feeds.add(arg));
    else if (feeds.has(t)) from(t).forEach((operand) => feeds.add(operand));
  }
  // forwards: batchless inputs, the calls' batchless outputs, and what is made from them
  const batchless = new Set<SymbolicTensor>();
  for (const t of tensors) {
    const node = t.node;
    const is =
      node.op === "input"
        ? feeds.has(t)
        : node.op === "call"
          ? false
          : node.op === "output"
            ? node.from[0].node.op === "call" && stateKinds.includes(node.from[0].node.layer.kind)
            : from(t).some((operand) => batchless.has(operand));
    if (is) batchless.add(t);
  }
  return {
    inputs: graph.inputs.map((t) => batchless.has(t)),
    outputs: graph.outputs.map((t) => batchless.has(t)),
  };
}
