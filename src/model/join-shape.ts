// The runtime rule of a join of the functional API (add, cat, matmul): its output shape from its
// operands' shapes, or its ShapeError. Used when the join is written (ops.ts) and again on the shapes
// data really has (graph-walk.ts). Twins: types/shape/join.ts, types/shape/matmul.ts.
import type { RuntimeShape } from "../shape/dims.ts";
import { concatShapes, equalShapes } from "../shape/join.ts";
import { matmulRule } from "../shape/matmul.ts";
import type { GraphNode } from "./symbolic.ts";

export type JoinNode = Exclude<GraphNode, { readonly op: "input" | "layers" }>;

export function joinShape(node: JoinNode, shapes: readonly RuntimeShape[]): RuntimeShape {
  if (node.op === "add") return equalShapes("add", "the first operand", shapes[0]!, "the second", shapes[1]!);
  if (node.op === "cat") return concatShapes(`cat(…, ${node.dim})`, node.dim, shapes);
  return matmulRule(shapes[0]!, shapes[1]!);
}
