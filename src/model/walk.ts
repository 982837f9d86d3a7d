import { ShapeError } from "../errors.ts";
import { showShape, type RuntimeShape } from "../shape/dims.ts";
import type { RuntimeLayer } from "./layer.ts";

/** Twin of types/model/walk.ts: every layer's output shape, or a ShapeError naming the layer that does not fit. */
export function walk(input: RuntimeShape, layers: readonly RuntimeLayer[]): RuntimeShape[] {
  const shapes: RuntimeShape[] = [];
  let shape = input;
  let origins: readonly string[] = [];
  layers.forEach((layer, index) => {
    if (typeof layer?.outputShape !== "function") {
      throw new ShapeError(writeNotALayerMessage, { layerIndex: index, partial: { input, layers, shapes: [...shapes] } });
    }
    let output: RuntimeShape;
    try {
      output = layer.outputShape(shape);
    } catch (error) {
      if (!(error instanceof ShapeError)) throw error;
      throw new ShapeError(`${error.message} (input ${showShape(shape, origins)})`, {
        layerIndex: index,
        partial: { input, layers, shapes: [...shapes] },
      });
    }
    origins = layer.origins ? layer.origins(shape) : sameShape(shape, output) ? origins : [];
    shapes.push(output);
    shape = output;
  });
  return shapes;
}

/** Twin of the type-level message for an argument that is not a layer (`nn.relu` passed uncalled). */
export const writeNotALayerMessage = "not a layer: a layer is what a builder returns, as in nn.relu()";

const sameShape = (a: RuntimeShape, b: RuntimeShape) => a.length === b.length && a.every((dim, i) => dim === b[i]);
