// cat and stack: tensors joined along a dimension (cat's rule: types/shape/join.ts, twin src/shape/join.ts).
import type { Add } from "../../types/arith/index.ts";
import type { DimIndex, writeDimRangeMessage } from "../../types/shape/dim-index.ts";
import type { Shape } from "../../types/shape/dims.ts";
import type { ConcatShapes, EqualShapes } from "../../types/shape/join.ts";
import type { Checked } from "../../types/shape/args.ts";
import type { Drop, Take } from "../families/reshape/flatten.types.ts";
import { axisOf } from "./fail.ts";
import { SymbolicTensor, type ShapesOf, type Symbolic } from "../model/symbolic.ts";
import type { RuntimeShape } from "../shape/dims.ts";
import { concatShapes, equalShapes } from "../shape/join.ts";
import { operation, type IsUnknownShape, type Problem, type Result } from "./common.ts";

type AnyUnknown<Shapes extends readonly unknown[]> = true extends {
  [K in keyof Shapes]: IsUnknownShape<Shapes[K]>;
}[number]
  ? true
  : false;

export type CatRule<Shapes extends readonly Shape[], D extends number> =
  AnyUnknown<Shapes> extends true ? Shape : ConcatShapes<`cat(…, ${D})`, D, Shapes>;
export const catShape = (shapes: readonly RuntimeShape[], dim: number): RuntimeShape =>
  concatShapes(`cat(…, ${dim})`, dim, shapes);

/**
 * torch.cat(tensors, dim): joined along `dim`; every other dimension must agree (U-Net's skip
 * connections). A mismatch says which dimension differs.
 *
 * @example
 * const up = input([64, "h", "w"]), skip = input([64, "h", "w"]);
 * ops.cat([up, skip], 1); // Symbolic<[number, 128, "h", "w"]>
 */
export function cat<
  const Tensors extends readonly Symbolic<Shape>[],
  const D extends number,
  Out = CatRule<ShapesOf<Tensors>, D>,
>(tensors: Checked<Tensors, Problem<Out>>, dim: D): Symbolic<Result<Out>> {
  const from = tensors as unknown as SymbolicTensor[];
  return new SymbolicTensor(
    catShape(
      from.map((t) => t.shape),
      dim,
    ),
    { op: "cat", dim, from },
  ) as never;
}

type StackEqual<Shapes extends readonly Shape[], Op extends string> = Shapes extends readonly [
  infer First extends Shape,
  infer Second extends Shape,
  ...infer Rest extends Shape[],
]
  ? EqualShapes<Op, "the first tensor", First, "another", Second> extends infer Joined extends Shape
    ? StackEqual<[Joined, ...Rest], Op>
    : EqualShapes<Op, "the first tensor", First, "another", Second>
  : Shapes extends readonly [infer Only extends Shape]
    ? Only
    : never;
export type StackRule<Shapes extends readonly Shape[], D extends number> =
  AnyUnknown<Shapes> extends true
    ? Shape
    : StackEqual<Shapes, `stack(…, ${D})`> extends infer Joined
      ? Joined extends Shape
        ? DimIndex<D, Add<Joined["length"], 1> & number> extends infer Axis extends number
          ? [...Take<Joined, Axis>, Shapes["length"], ...Drop<Joined, Axis>]
          : writeDimRangeMessage<`stack(…, ${D})`, "dim", D, Add<Joined["length"], 1> & number>
        : Joined
      : never;

export function stackShape(shapes: readonly RuntimeShape[], dim: number): RuntimeShape {
  const op = `stack(…, ${dim})`;
  const joined = shapes.slice(1).reduce((a, b) => equalShapes(op, "the first tensor", a, "another", b), shapes[0]!);
  const axis = axisOf(op, "dim", dim, joined.length + 1);
  return [...joined.slice(0, axis), shapes.length, ...joined.slice(axis)];
}

/**
 * torch.stack(tensors, dim): tensors of equal shape stacked along a new dimension.
 *
 * @example
 * const a = input([4, 5]), b = input([4, 5]);
 * ops.stack([a, b], 1); // Symbolic<[number, 2, 4, 5]>
 */
export function stack<
  const Tensors extends readonly Symbolic<Shape>[],
  const D extends number,
  Out = StackRule<ShapesOf<Tensors>, D>,
>(tensors: Checked<Tensors, Problem<Out>>, dim: D): Symbolic<Result<Out>> {
  return operation("stack", [dim], tensors as unknown as readonly unknown[]) as never;
}
