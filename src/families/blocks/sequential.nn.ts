// nn.sequential: PyTorch's nn.Sequential nested in a model, a block of layers applied one after the
// other. It has no input of its own: it is checked where it is used.
import type { SequentialRule } from "./blocks.types.ts";
import type { Layer, ShapeRule } from "../../../types/model/layer.ts";
import type { RuntimeShape } from "../../shape/dims.ts";
import type { AnyLayer, RuntimeLayer } from "../../model/layer.ts";
import { asLayers, type AnyModel } from "../../model/model-as-layer.ts";
import { run } from "./blocks.nn.ts";

/** `nn.sequential(...layers)`: PyTorch's nested `nn.Sequential`, its layers one after the other. */
export interface NestedSequential<Layers extends readonly (AnyLayer | AnyModel)[]> extends Layer, RuntimeLayer {
  readonly kind: "nestedSequential";
  readonly layers: Layers;
  readonly "~rule": NestedSequentialShapeRule<Layers>;
}
/** The shape rule of NestedSequential. */
export interface NestedSequentialShapeRule<Layers extends readonly (AnyLayer | AnyModel)[]> extends ShapeRule {
  readonly "~output": SequentialRule<`sequential(${CountOf<Layers>} layers)`, Layers, this["~input"]>;
}
/** The count of layers, or `n` for an array that is not a tuple (see blocks.nn.ts). */
type CountOf<Items extends readonly unknown[]> = number extends Items["length"] ? "n" : Items["length"];

/**
 * PyTorch's nested `nn.Sequential(*layers)`: a block of layers, checked where it is used (a layer that
 * does not fit is named `sequential(n layers), layer i: …`). Its parameters are PyTorch's
 * `<index>.<i>.weight`. A model (`sequential(input(...), ...)`) may be one of the layers.
 *
 * @example
 * nn.sequential(nn.conv2d(3, 16, 3, 1, 1), nn.batchNorm2d(16), nn.relu()); // [n, 3, 32, 32] → [n, 16, 32, 32]
 */
export function sequential<const Layers extends readonly (AnyLayer | AnyModel)[]>(
  ...layers: Layers
): NestedSequential<Layers> {
  const block = `sequential(${layers.length} layers)`;
  asLayers(layers); // a model among the layers (a sequential(...) used as a layer): its layer form
  const inner = layers as readonly RuntimeLayer[];
  const runtime: RuntimeLayer & Record<string, unknown> = {
    kind: "nestedSequential",
    written: block,
    layers: inner,
    outputShape: (input: RuntimeShape) => run(block, input, inner),
  };
  return runtime as never;
}
