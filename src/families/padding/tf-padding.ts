// Twin of src/families/padding/tf-padding.types.ts: tfjs's ZeroPadding2D and UpSampling2D.
import { ShapeError } from "../../errors.ts";
import { checkSizes } from "../../shape/args.ts";
import { valueOf, type RuntimeShape } from "../../shape/dims.ts";
import { imageRule } from "../conv/tf-conv.ts";
import type { DataFormat } from "../../shape/tf-options.ts";

export type ZeroPadding =
  number | readonly [number, number] | readonly [readonly [number, number], readonly [number, number]];
export type Pairs = [[number, number], [number, number]];

/** The padding as [[top, bottom], [left, right]]. */
export function paddingPairs(padding: ZeroPadding): Pairs {
  if (typeof padding === "number")
    return [
      [padding, padding],
      [padding, padding],
    ];
  const [rows, cols] = padding;
  return typeof rows === "number"
    ? [
        [rows, rows],
        [cols as number, cols as number],
      ]
    : ([[...rows], [...(cols as readonly [number, number])]] as Pairs);
}

export const writePairsFormMessage = (layer: string, name: "padding" | "cropping"): string =>
  `${layer}: ${name} must be a number, [rows, cols] or [[top, bottom], [left, right]]`;
/** ZeroPadding2D's padding or Cropping2D's cropping as pairs, checked: its form, then every size at least 0. */
export function checkedPairs(layer: string, name: "padding" | "cropping", value: unknown): Pairs {
  const isPair = (v: unknown): v is unknown[] => Array.isArray(v) && v.length === 2;
  if (
    typeof value !== "number" &&
    !(isPair(value) && (value.every((side) => typeof side === "number") || value.every(isPair)))
  )
    throw new ShapeError(writePairsFormMessage(layer, name));
  const pairs = paddingPairs(value as ZeroPadding);
  checkSizes(layer, { [name]: pairs.flat() }, 0);
  return pairs;
}

/** tfjs's ZeroPadding2D: rows and columns grow by their pairs. */
export const tfZeroPaddingRule = (
  layer: string,
  pairs: Pairs,
  dataFormat: DataFormat,
  input: RuntimeShape,
): RuntimeShape =>
  imageRule(layer, 2, dataFormat, input, (size, i) => {
    const known = valueOf(size);
    return known === null ? null : known + pairs[i]![0] + pairs[i]![1];
  });

/** tfjs's UpSampling2D: rows and columns times their factors. */
export const tfUpSamplingRule = (
  layer: string,
  size: readonly number[],
  dataFormat: DataFormat,
  input: RuntimeShape,
): RuntimeShape =>
  imageRule(layer, 2, dataFormat, input, (dim, i) => {
    const known = valueOf(dim);
    return known === null ? null : known * size[i]!;
  });
