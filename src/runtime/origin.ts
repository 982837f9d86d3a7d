// What the typed model keeps of the model it was built from (a sequential or a graph): its shapes,
// the layers that end each output (compile checks the loss against them), the layers as written
// (saved in model.json, checked on load), and how to convert it again (for a loaded model's weights).
import type { RuntimeShape } from "../shape/dims.ts";
import type { RuntimeLayer } from "../model/layer.ts";
import type { SymbolicTensor } from "../model/symbolic.ts";
import type { ModelLayerConfig } from "../model/model-as-layer.ts";
import { walkGraph } from "../model/graph-walk.ts";
import { walk } from "../model/walk.ts";
import { convert, type Conversion, type Convertible } from "./convert/index.ts";
import { convertGraph, pipesOf, type GraphLike } from "./convert/graph.ts";

interface WrittenLayer {
  readonly kind: string;
  readonly written: string;
}

/** A sequential: one input, one output. */
export interface SequentialOrigin extends Convertible {
  readonly kind?: "sequential";
  readonly outputShape: RuntimeShape;
  readonly layers: readonly WrittenLayer[];
}

/** A graph: inputs and outputs are symbolic tensors. */
export type GraphOrigin = GraphLike;

export type Origin = SequentialOrigin | GraphOrigin;

export interface Described {
  readonly inputShapes: readonly RuntimeShape[];
  readonly outputShapes: readonly RuntimeShape[];
  /** predict takes an array (one tensor per input) rather than a tensor; likewise for outputs. */
  readonly manyInputs: boolean;
  readonly manyOutputs: boolean;
  /** The layer that computes each output, when it is a layer (not a join). */
  readonly lastLayers: readonly (WrittenLayer | undefined)[];
  /**
   * The layers as written, in state_dict order (a graph's prefixed with their pipe: `2.0 conv2d(…)`; a
   * model used as a layer followed by its layers: `block (sequential) / 0 linear(6, 6)`).
   */
  readonly written: readonly string[];
  /**
   * Walks the layers on the shapes data really has, when the input leaves sizes unknown (`input([3,
   * null, null])`): a layer that does not fit them throws its ShapeError, as the compiler would have.
   */
  checkData?(shapes: readonly RuntimeShape[]): void;
  convert(): Conversion;
}

const isGraph = (origin: Origin): origin is GraphOrigin => origin.kind === "graph";

const isModelLayer = (layer: WrittenLayer): layer is ModelLayerConfig => layer.kind === "model";

/**
 * Layers as written; a model used as a layer is followed by its own layers (`block (sequential) / 1
 * tanh()`): its name alone does not say what it computes, and load compares these texts.
 */
function writtenOf(layers: readonly WrittenLayer[], prefix: (index: number) => string): string[] {
  return layers.flatMap((layer, index) => {
    const text = `${prefix(index)}${layer.written}`;
    if (!isModelLayer(layer)) return [text];
    const inner = layer.graph ? writtenOfGraph(layer.graph) : writtenOf(layer.layers, (i) => `${i} `);
    return [text, ...inner.map((line) => `${text} / ${line}`)];
  });
}

/** A graph's layers as written, each after its pipe's index and its own (`2.0 conv2d(…)`). */
const writtenOfGraph = (graph: GraphLike): string[] =>
  pipesOf(graph).flatMap((t, i) =>
    t.node.op === "layers"
      ? writtenOf(t.node.layers, (j) => `${i}.${j} `)
      : t.node.op === "call"
        ? [`${i}.0 ${t.node.layer.written}`]
        : [],
  );

const lastLayerOf = (t: SymbolicTensor): WrittenLayer | undefined =>
  t.node.op === "layers" ? t.node.layers.at(-1) : undefined;

export function describe(origin: Origin): Described {
  if (!isGraph(origin)) {
    return {
      inputShapes: [origin.inputShape],
      outputShapes: [origin.outputShape],
      manyInputs: false,
      manyOutputs: false,
      lastLayers: [origin.layers.at(-1)],
      written: writtenOf(origin.layers, () => ""),
      convert: () => convert(origin),
      ...(origin.inputShape.slice(1).every((dim) => typeof dim === "number")
        ? {}
        : {
            checkData: (shapes: readonly RuntimeShape[]) =>
              void walk(shapes[0]!, origin.layers as readonly RuntimeLayer[]),
          }),
    };
  }
  return {
    inputShapes: origin.inputs.map((t) => t.shape),
    outputShapes: origin.outputs.map((t) => t.shape),
    manyInputs: origin.inputs.length > 1,
    manyOutputs: origin.outputs.length > 1,
    lastLayers: origin.outputs.map(lastLayerOf),
    written: writtenOfGraph(origin),
    convert: () => convertGraph(origin),
    ...(origin.inputs.every((t) => t.shape.slice(1).every((dim) => typeof dim === "number"))
      ? {}
      : {
          checkData: (shapes: readonly RuntimeShape[]) => void walkGraph(origin.inputs, origin.outputs, shapes),
        }),
  };
}
