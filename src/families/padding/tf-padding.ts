// Twin of src/families/padding/tf-padding.types.ts: tfjs's ZeroPadding2D and UpSampling2D.
import { valueOf, type RuntimeDim, type RuntimeShape } from "../../shape/dims.ts";
import { joinImage, splitImage } from "../conv/tf-conv.ts";
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

const padded = (size: RuntimeDim, [before, after]: [number, number]): RuntimeDim => {
  const known = valueOf(size);
  return known === null ? null : known + before + after;
};

export function tfZeroPaddingRule(
  layer: string,
  pairs: Pairs,
  dataFormat: DataFormat,
  input: RuntimeShape,
): RuntimeShape {
  const {
    batch,
    channels,
    spatial: [rows, cols],
  } = splitImage(layer, 2, dataFormat, input);
  return joinImage(dataFormat, batch, [padded(rows!, pairs[0]), padded(cols!, pairs[1])], channels);
}

const scaled = (size: RuntimeDim, factor: number): RuntimeDim => {
  const known = valueOf(size);
  return known === null ? null : known * factor;
};

export function tfUpSamplingRule(
  layer: string,
  size: readonly number[],
  dataFormat: DataFormat,
  input: RuntimeShape,
): RuntimeShape {
  const {
    batch,
    channels,
    spatial: [rows, cols],
  } = splitImage(layer, 2, dataFormat, input);
  return joinImage(dataFormat, batch, [scaled(rows!, size[0]!), scaled(cols!, size[1]!)], channels);
}
