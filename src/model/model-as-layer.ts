// A model used as a layer of another model (or in `.pipe(...)`): the runtime twin of
// model-as-layer.types.ts. A model is plain data whose `outputShape` is a shape, not a layer's
// function; where a model appears among layers, the walk puts its layer form in its place
// (`asLayers`): a layer of kind "model" holding the model. That form is made once per model object,
// so a model used twice is the same layer twice, and the converter shares its weights (as a
// PyTorch module called twice).
import type { Shape } from "../../types/shape/dims.ts";
import type { Layer } from "../../types/model/layer.ts";
import { ShapeError, fail } from "../errors.ts";
import { showShape, type RuntimeDim, type RuntimeShape } from "../shape/dims.ts";
import type { KindConfig, LayerConfig } from "../families/layer-config.ts";
import type { RuntimeLayer } from "./layer.ts";
import type { SymbolicTensor } from "./symbolic.ts";
import type { Graph } from "./graph.ts";
import type { Sequential } from "./sequential.ts";
import { outputOf } from "./walk.ts";
import { walkGraph } from "./graph-walk.ts";
import { isObject } from "../shape/args.ts";

/** A model as a layer list may hold it (by type: a `sequential(...)` or a `graph(...)`, whose `"~rule"` makes it a layer). */
export type AnyModel = Layer & { readonly kind: "sequential" | "graph" };

/** A sequential model's runtime object, as the layer form reads it. */
interface SequentialData {
  readonly kind: "sequential";
  readonly name?: string;
  readonly inputShape: RuntimeShape;
  readonly outputShape: RuntimeShape;
  readonly layers: readonly RuntimeLayer[];
}
/** A graph's runtime object, as the layer form reads it. */
interface GraphData {
  readonly kind: "graph";
  readonly name?: string;
  readonly inputs: readonly SymbolicTensor[];
  readonly outputs: readonly SymbolicTensor[];
}

/**
 * The config of a model used as a layer (its layer form): the model, and a sequential's layers (the
 * model's own objects, so that two uses share their weights); a graph's are in `graph`.
 */
export interface ModelLayerConfig extends KindConfig<"model"> {
  readonly model: object;
  /** A sequential's layers; none for a graph. */
  readonly layers: readonly LayerConfig[];
  /** The graph, when the model is a graph. */
  readonly graph?: GraphData;
}

/** A `sequential(...)` or `graph(...)` model object (not a layer: its `outputShape` is a shape). */
export const isModel = (value: unknown): value is SequentialData | GraphData =>
  isObject(value) &&
  ((value["kind"] === "sequential" && Array.isArray(value["inputShape"]) && Array.isArray(value["outputShape"])) ||
    (value["kind"] === "graph" && Array.isArray(value["inputs"]) && Array.isArray(value["outputs"])));

/** Twin of `writeModelInputMessage`. */
export const writeModelInputMessage = (model: string, input: RuntimeShape): string =>
  `${model}: expects input ${showShape(input)}`;
/** Twin of `writeModelArityMessage`. */
export const writeModelArityMessage = (model: string, inputs: number, outputs: number): string =>
  `${model}: a model used as a layer has one input and one output (this one has ${inputs} and ${outputs})`;

/** Twin of DimFits: the model's dimension is unknown or a name, the given one unknown, or both the same size. */
const dimFits = (want: RuntimeDim, got: RuntimeDim): boolean =>
  want === null || typeof want === "string" || (typeof got !== "string" && (got === null || got === want));

const fits = (want: RuntimeShape, got: RuntimeShape): boolean =>
  want.length === got.length && want.every((dim, i) => dimFits(dim, got[i]!));

/** How messages name a model: `netD (sequential)`, or `sequential(5 layers)` / `graph` without a name. */
export const modelText = (model: SequentialData | GraphData): string =>
  model.name
    ? `${model.name} (${model.kind})`
    : model.kind === "sequential"
      ? `sequential(${model.layers.length} layers)`
      : "graph";

const forms = new WeakMap<object, ModelLayerConfig>();

/** The layer form of a model: made once per model object (two uses are one layer: shared weights). */
export function layerOf(model: SequentialData | GraphData): ModelLayerConfig {
  const known = forms.get(model);
  if (known) return known;
  const written = modelText(model);
  const sequential = model.kind === "sequential";
  const form: ModelLayerConfig = {
    kind: "model",
    written,
    model,
    layers: sequential ? (model.layers as readonly LayerConfig[]) : [],
    ...(sequential ? {} : { graph: model }),
    outputShape: (input: RuntimeShape) => {
      if (!sequential && (!model.inputs[0] || model.inputs.length > 1 || model.outputs.length !== 1))
        fail(writeModelArityMessage(written, model.inputs.length, model.outputs.length));
      const expected = sequential ? model.inputShape : model.inputs[0]!.shape; // the model's input shape
      if (!fits(expected, input)) fail(writeModelInputMessage(written, expected));
      if (!sequential) return walkGraph(model.inputs, model.outputs, [input])[0]!;
      try {
        return outputOf(input, model.layers);
      } catch (error) {
        // a size the model's input left unknown: the inner layer's message, named as nn.sequential's are
        if (error instanceof ShapeError && error.layerIndex !== undefined)
          fail(`${written}, layer ${error.layerIndex}: ${error.message}`);
        throw error;
      }
    },
  };
  forms.set(model, form);
  return form;
}

/**
 * Puts the layer form of every model among `layers` in its place (the walk does it, so that the
 * layer lists a model keeps, and a graph's pipes, hold layers only).
 */
export function asLayers(layers: readonly unknown[]): void {
  (layers as unknown[]).forEach((item, i, list) => {
    if (isModel(item)) list[i] = layerOf(item);
  });
}

/** A model with a name, for messages (`netD (sequential): …`) and tables. */
export type Named<Name extends string, M> =
  M extends Sequential<infer In, infer Out, infer Layers, string>
    ? Sequential<In, Out, Layers, Name>
    : M extends Graph<infer Ins, infer Outs, string>
      ? Graph<Ins, Outs, Name>
      : never;

/**
 * Names a model: used as a layer of another model, its messages say `netD (sequential): …` (without
 * a name, `sequential(5 layers): …`). A new model object with the same layers (the same weights when
 * both are used).
 *
 * @example
 * const netD = named("netD", sequential(input([3, 32, 32]), nn.conv2d(3, 8, 4, 2, 1), nn.flatten(), nn.linear(2048, 1)));
 * const scores = input([3, 32, 32]).pipe(netD); // [number, 1]
 * sequential(input([3, 28, 28]), nn.relu(), netD); // error: netD (sequential): expects input [number, 3, 32, 32] (input [number, 3, 28, 28])
 */
export function named<const Name extends string, M extends AnyModel>(name: Name, model: M): Named<Name, M> {
  if (!isModel(model)) fail(writeNamedMessage);
  return { ...(model as object), name } as Named<Name, M>;
}

/** The message when `named`'s second argument is not a model. */
export const writeNamedMessage = "named(name, model): model is a sequential(...) or a graph(...)";
