import { ShapeError } from "../errors.ts";
import { showShape, type RuntimeShape } from "../shape/dims.ts";
import type { RuntimeLayer } from "./layer.ts";
import { asLayers } from "./model-as-layer.ts";

/**
 * Twin of types/model/walk.ts: every layer's output shape, or a ShapeError naming the layer that does not fit.
 * A model among the layers (a `sequential(...)` used as a layer) is first replaced by its layer form, in place.
 */
export function walk(input: RuntimeShape, layers: readonly RuntimeLayer[]): RuntimeShape[] {
  asLayers(layers);
  const shapes: RuntimeShape[] = [];
  let shape = input;
  let origins: readonly string[] = [];
  layers.forEach((layer, index) => {
    // the error of the layer at `index`, with the shapes before it
    const failed = (message: string) =>
      new ShapeError(message, { layerIndex: index, partial: { input, layers, shapes: [...shapes] } });
    if (typeof layer?.outputShape !== "function") throw failed(writeNotALayerMessage);
    let output: RuntimeShape;
    try {
      output = layer.outputShape(shape);
    } catch (error) {
      if (!(error instanceof ShapeError)) throw error;
      throw failed(withInput(error.message, shape, origins));
    }
    origins = layer.origins ? layer.origins(shape) : sameShape(shape, output) ? origins : [];
    shapes.push(output);
    shape = output;
  });
  return shapes;
}

/** Twin of `OutputOf`: the output shape of the layers on an input (the input itself when there are none). */
export const outputOf = (input: RuntimeShape, layers: readonly RuntimeLayer[]): RuntimeShape =>
  walk(input, layers).at(-1) ?? input;

/** Twin of the type-level message for an argument that is not a layer (`nn.relu` passed uncalled). */
export const writeNotALayerMessage = "not a layer: a layer is what a builder returns, as in nn.relu()";

const sameShape = (a: RuntimeShape, b: RuntimeShape) => a.length === b.length && a.every((dim, i) => dim === b[i]);

/**
 * A layer's message completed with its input shape (twin of StepMessage): ` (input [number, 64·12·12 = 9216])`.
 * A block's message about one of its layers already ends with that layer's input, and is kept as it is.
 */
export const withInput = (message: string, shape: RuntimeShape, origins: readonly string[] = []): string =>
  message.includes(" (input [") ? message : `${message} (input ${showShape(shape, origins)})`;
