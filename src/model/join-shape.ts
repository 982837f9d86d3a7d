// The runtime rule of a join or operation of the functional API (cat, src/ops/): its output shape from its
// operands' shapes, or its ShapeError. Used when the join is written (ops.ts) and again on the shapes
// data really has (graph-walk.ts). Twins: types/shape/join.ts, src/ops/*.ts.
import type { RuntimeShape } from "../shape/dims.ts";
import { concatShapes, equalShapes } from "../shape/join.ts";
import { matmulShape } from "../ops/matmul.ts";
import { opRules, type OpName } from "../ops/rules.ts";
import type { GraphNode } from "./symbolic.ts";

export type JoinNode = Exclude<GraphNode, { readonly op: "input" | "layers" | "call" | "output" }>;

export function joinShape(node: JoinNode, shapes: readonly RuntimeShape[]): RuntimeShape {
  if (node.op === "add") return equalShapes("add", "the first operand", shapes[0]!, "the second", shapes[1]!);
  if (node.op === "cat") return concatShapes(`cat(…, ${node.dim})`, node.dim, shapes);
  if (node.op === "matmul") return matmulShape(shapes[0]!, shapes[1]!);
  return opRules[node.fn as OpName](shapes, node.args);
}
