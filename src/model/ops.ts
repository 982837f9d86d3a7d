// Joins of the functional API, checked like layers: the mistake is reported on the argument.
import type { Checked } from "../../types/shape/args.ts";
import type { Shape } from "../../types/shape/dims.ts";
import type { ConcatShapes, EqualShapes } from "../../types/shape/join.ts";
import type { MatmulRule } from "../../types/shape/matmul.ts";
import { joinShape, type JoinNode } from "./join-shape.ts";
import { SymbolicTensor, type ShapesOf, type Symbolic } from "./symbolic.ts";

type Problem<Result> = Result extends string ? Result : false;
type Result<Rule> = Rule extends Shape ? Rule : Shape;

type AddRule<A extends Shape, B extends Shape> = EqualShapes<"add", "the first operand", A, "the second", B>;
/**
 * Elementwise sum of two tensors of equal shape (a skip connection).
 *
 * @example
 * const x = input([16, 64, 64]);
 * ops.add(x, x.pipe(nn.conv2d(16, 16, 3, 1, 1))); // Symbolic<[number, 16, 64, 64]>
 */
export function add<A extends Shape, B extends Shape>(a: Symbolic<A>, b: Checked<Symbolic<B>, Problem<AddRule<A, B>>>): Symbolic<Result<AddRule<A, B>>> {
  const [left, right] = [a, b] as unknown as SymbolicTensor[];
  return joined({ op: "add", from: [left!, right!] }) as never;
}

type CatRule<Tensors extends readonly unknown[], D extends number> = ConcatShapes<`cat(…, ${D})`, D, ShapesOf<Tensors>>;
/**
 * Tensors joined along `dim` (torch.cat); every other dimension must agree (U-Net's skip connections).
 *
 * @example
 * const up = input([64, "h", "w"]), skip = input([64, "h", "w"]);
 * ops.cat([up, skip], 1); // Symbolic<[number, 128, "h", "w"]>
 */
export function cat<const Tensors extends readonly Symbolic<Shape>[], const D extends number>(
  tensors: Checked<Tensors, Problem<CatRule<Tensors, D>>>,
  dim: D,
): Symbolic<Result<CatRule<Tensors, D>>> {
  const from = tensors as unknown as SymbolicTensor[];
  return joined({ op: "cat", dim, from }) as never;
}

/**
 * Matrix product of the last two dimensions (torch.matmul without broadcasting):
 * [..., n, k] × [..., k, m] → [..., n, m].
 *
 * @example
 * const queries = input(["seq", 64], { batch: "batch" });       // ["batch", "seq", 64]
 * const keysTransposed = input([64, "seq"], { batch: "batch" }); // ["batch", 64, "seq"]
 * ops.matmul(queries, keysTransposed);                           // Symbolic<["batch", "seq", "seq"]>
 */
export function matmul<A extends Shape, B extends Shape>(a: Symbolic<A>, b: Checked<Symbolic<B>, Problem<MatmulRule<A, B>>>): Symbolic<Result<MatmulRule<A, B>>> {
  const [left, right] = [a, b] as unknown as SymbolicTensor[];
  return joined({ op: "matmul", from: [left!, right!] }) as never;
}

/** A join's symbolic tensor, its shape checked at run time (the compiler checked it already where it could). */
const joined = (node: JoinNode): SymbolicTensor => new SymbolicTensor(joinShape(node, node.from.map((t) => t.shape)), node);
