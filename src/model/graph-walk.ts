// A graph's output shapes on the shapes data really has: the runtime twin of the compiler's checks,
// for inputs that leave sizes unknown. Each layer and join throws its own ShapeError (join-shape.ts).
import type { RuntimeShape } from "../shape/dims.ts";
import { callShapesOn } from "./call.ts";
import { joinShape } from "./join-shape.ts";
import type { SymbolicTensor } from "./symbolic.ts";
import { outputOf } from "./walk.ts";

export function walkGraph(
  inputs: readonly SymbolicTensor[],
  outputs: readonly SymbolicTensor[],
  shapes: readonly RuntimeShape[],
): RuntimeShape[] {
  const known = new Map<SymbolicTensor, RuntimeShape>(inputs.map((t, i) => [t, shapes[i]!]));
  const calls = new Map<SymbolicTensor, RuntimeShape[]>();
  const shapeOf = (t: SymbolicTensor): RuntimeShape => {
    const seen = known.get(t);
    if (seen) return seen;
    const node = t.node;
    let shape: RuntimeShape;
    if (node.op === "input")
      shape = t.shape; // graph() makes sure every input is listed
    else if (node.op === "layers") shape = outputOf(shapeOf(node.from), node.layers);
    else if (node.op === "call") {
      // a layer called on several tensors: all its outputs at once (its "output" nodes read them)
      const shapes = callShapesOn(node, node.from.map(shapeOf));
      calls.set(t, shapes);
      shape = shapes[0]!;
    } else if (node.op === "output") {
      shapeOf(node.from[0]);
      shape = calls.get(node.from[0])![node.index]!;
    } else shape = joinShape(node, node.from.map(shapeOf));
    known.set(t, shape);
    return shape;
  };
  return outputs.map(shapeOf);
}
