// nn.unflatten: PyTorch's Unflatten(dim, unflattened_size).
import type { Layer, ShapeRule } from "../../../types/model/layer.ts";
import type { Checked, SizeProblem, Written } from "../../../types/shape/args.ts";
import type { UnflattenRule } from "./unflatten.types.ts";
import { fail } from "../../ops/fail.ts";
import type { RuntimeLayer } from "../../model/layer.ts";
import type { KindConfig } from "../layer-config.ts";
import { checkArguments, sizeProblem, written } from "../../shape/args.ts";
import type { RuntimeShape } from "../../shape/dims.ts";
import { unflattenRule } from "./unflatten.ts";

/**
 * `nn.unflatten(dim, sizes)`: dimension `dim` becomes `sizes` (one of them may be -1, inferred).
 *
 * @example
 * type T = Unflatten<1, [64, -1]>; // [n, 9216] → [n, 64, 144]
 */
export interface Unflatten<DimArg extends number, Sizes extends readonly number[]> extends Layer, RuntimeLayer {
  readonly kind: "unflatten";
  readonly dim: DimArg;
  readonly sizes: Sizes;
  readonly "~rule": UnflattenShapeRule<DimArg, Sizes>;
}
/** The shape rule of Unflatten. */
export interface UnflattenShapeRule<DimArg extends number, Sizes extends readonly number[]> extends ShapeRule {
  readonly "~output": UnflattenRule<`unflatten(${DimArg}, ${Written<Sizes>})`, DimArg, Sizes, this["~input"]>;
}

/** The message when `sizes` is empty. */
export type writeEmptySizesMessage<Layer extends string> = `${Layer}: sizes must hold at least one size`;
export const writeEmptySizesMessage = (layer: string): string => `${layer}: sizes must hold at least one size`;
/** The message for a size that is neither a positive integer nor -1. */
export type writeUnflattenSizeMessage<
  Layer extends string,
  Got extends string,
> = `${Layer}: each size must be a positive integer or -1, not ${Got}`;
export const writeUnflattenSizeMessage = (layer: string, got: string): string =>
  `${layer}: each size must be a positive integer or -1, not ${got}`;
/** The message when more than one size is -1. */
export type writeTwoInferredMessage<Layer extends string> = `${Layer}: only one size can be -1 (inferred)`;
export const writeTwoInferredMessage = (layer: string): string => `${layer}: only one size can be -1 (inferred)`;

type BadSize<Sizes extends readonly unknown[]> = Sizes extends readonly [infer Size, ...infer Rest]
  ? [Size] extends [-1]
    ? BadSize<Rest>
    : SizeProblem<Size> extends infer Got extends string
      ? Got
      : BadSize<Rest>
  : false;
type InferredCount<Sizes extends readonly unknown[], Count extends unknown[] = []> = Sizes extends readonly [
  infer Size,
  ...infer Rest,
]
  ? InferredCount<Rest, Size extends -1 ? [...Count, 0] : Count>
  : Count["length"];
type SizesProblem<Layer extends string, Sizes extends readonly unknown[]> = Sizes extends readonly []
  ? writeEmptySizesMessage<Layer>
  : BadSize<Sizes> extends infer Got extends string
    ? writeUnflattenSizeMessage<Layer, Got>
    : InferredCount<Sizes> extends 0 | 1
      ? false
      : writeTwoInferredMessage<Layer>;

/** The config of unflatten (its runtime object): `sizes` may hold one -1 (inferred). */
export interface UnflattenConfig extends KindConfig<"unflatten"> {
  readonly dim: number;
  readonly sizes: readonly number[];
}

/**
 * PyTorch's `nn.Unflatten(dim, unflattened_size)`: dimension `dim` (negative counts from the end) becomes
 * `sizes`, whose product must be its size; one size may be -1, inferred from the others.
 *
 * @example
 * nn.unflatten(1, [64, 12, 12]); // [n, 9216] → [n, 64, 12, 12]
 * nn.unflatten(-1, [2, -1]);     // [n, 10, 6] → [n, 10, 2, 3]
 */
export function unflatten<const DimArg extends number, const Sizes extends readonly number[]>(
  dim: DimArg,
  sizes: Checked<Sizes, SizesProblem<`unflatten(${DimArg}, ${Written<Sizes>})`, Sizes>>,
): Unflatten<DimArg, Sizes> {
  const values = sizes as readonly number[];
  const layer = `unflatten(${dim}, ${written(values)})`;
  checkArguments(layer, arguments, ["dim", "sizes"]);
  if (values.length === 0) fail(writeEmptySizesMessage(layer));
  for (const size of values) {
    const got = size === -1 ? false : sizeProblem(size);
    if (got !== false) fail(writeUnflattenSizeMessage(layer, got));
  }
  if (values.filter((size) => size === -1).length > 1) fail(writeTwoInferredMessage(layer));
  const runtime: UnflattenConfig = {
    kind: "unflatten",
    written: layer,
    dim,
    sizes: values,
    outputShape: (input: RuntimeShape) => unflattenRule(layer, dim, values, input),
  };
  return runtime as never;
}
