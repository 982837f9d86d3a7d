// graph({ inputs, outputs }): a model that is not a chain, built from symbolic tensors.
import type { Shape } from "../../types/shape/dims.ts";
import { fail } from "../errors.ts";
import type { RuntimeShape } from "../shape/dims.ts";
import { shapesOf, type ShapesOf, type Symbolic, type SymbolicTensor } from "./symbolic.ts";
import type { GraphAsLayer, ModelText } from "./model-as-layer.types.ts";

/**
 * A model with several inputs and outputs; its shapes are the symbolic tensors'. Plain data, as a
 * sequential: `shapecheck/tfjs` runs it (`build(model)`, `toTfjs(model)`, `load(model, where)`); with
 * several inputs or outputs, its typed model takes and gives arrays.
 */
export interface Graph<
  InputShapes extends readonly Shape[],
  OutputShapes extends readonly Shape[],
  Name extends string = "",
> {
  readonly kind: "graph";
  /** The name given by `named(name, model)`; with one input and output, the graph is a layer by type (model-as-layer.ts). */
  readonly name?: Name;
  readonly "~rule": GraphAsLayer<ModelText<Name, "graph", "graph">, InputShapes, OutputShapes>;
  readonly inputs: readonly SymbolicTensor[];
  readonly outputs: readonly SymbolicTensor[];
  /** Input shapes at run time, batch first. */
  readonly inputShapes: RuntimeShape[];
  /** Output shapes at run time, batch first. */
  readonly outputShapes: RuntimeShape[];
  /** Phantom: the type-level shapes. */
  readonly "~shapes": readonly [InputShapes, OutputShapes];
}

export const writeUnlistedInputMessage = (index: number): string =>
  `graph: output ${index} depends on an input that is not in inputs`;

/**
 * A model from its inputs and outputs (as `tf.model({ inputs, outputs })`); every output must be
 * computed from the listed inputs.
 *
 * @example
 * const x = input([3, 64, 64]);
 * const y = ops.add(x.pipe(nn.conv2d(3, 3, 3, 1, 1)), x);
 * const model = graph({ inputs: [x], outputs: [y] }); // Graph<[[number, 3, 64, 64]], [[number, 3, 64, 64]]>
 */
export function graph<
  const Inputs extends readonly Symbolic<Shape>[],
  const Outputs extends readonly Symbolic<Shape>[],
>(spec: { readonly inputs: Inputs; readonly outputs: Outputs }): Graph<ShapesOf<Inputs>, ShapesOf<Outputs>> {
  const inputs = spec.inputs as unknown as readonly SymbolicTensor[];
  const outputs = spec.outputs as unknown as readonly SymbolicTensor[];
  outputs.forEach((output, index) => {
    if (!sourcesOf(output).every((source) => inputs.includes(source))) fail(writeUnlistedInputMessage(index));
  });
  return {
    kind: "graph",
    inputs,
    outputs,
    inputShapes: shapesOf(inputs),
    outputShapes: shapesOf(outputs),
  } as unknown as Graph<ShapesOf<Inputs>, ShapesOf<Outputs>>;
}

/** The input tensors a tensor is computed from. */
function sourcesOf(tensor: SymbolicTensor): SymbolicTensor[] {
  const node = tensor.node;
  if (node.op === "input") return [tensor];
  const from = node.op === "layers" ? [node.from] : node.from;
  return from.flatMap(sourcesOf);
}
