// A graph's output shapes on the shapes data really has: the runtime twin of the compiler's checks,
// for inputs that leave sizes unknown. Each layer and join throws its own ShapeError, as in ops.ts.
import type { RuntimeShape } from "../shape/dims.ts";
import { concatShapes, equalShapes } from "../shape/join.ts";
import { matmulRule } from "../shape/matmul.ts";
import type { SymbolicTensor } from "./symbolic.ts";
import { walk } from "./walk.ts";

export function walkGraph(inputs: readonly SymbolicTensor[], outputs: readonly SymbolicTensor[], shapes: readonly RuntimeShape[]): RuntimeShape[] {
  const known = new Map<SymbolicTensor, RuntimeShape>(inputs.map((t, i) => [t, shapes[i]!]));
  const shapeOf = (t: SymbolicTensor): RuntimeShape => {
    const seen = known.get(t);
    if (seen) return seen;
    const node = t.node;
    let shape: RuntimeShape;
    if (node.op === "input") shape = t.shape; // graph() makes sure every input is listed
    else if (node.op === "layers") shape = walk(shapeOf(node.from), node.layers).at(-1) ?? shapeOf(node.from);
    else if (node.op === "add") shape = equalShapes("add", "the first operand", shapeOf(node.from[0]!), "the second", shapeOf(node.from[1]!));
    else if (node.op === "cat") shape = concatShapes(`cat(…, ${node.dim})`, node.dim, node.from.map(shapeOf));
    else shape = matmulRule(shapeOf(node.from[0]!), shapeOf(node.from[1]!));
    known.set(t, shape);
    return shape;
  };
  return outputs.map(shapeOf);
}
