// Twin of src/families/padding/tf-cropping.types.ts: tfjs's Cropping2D.
import { ShapeError } from "../../errors.ts";
import { valueOf, type RuntimeDim, type RuntimeShape } from "../../shape/dims.ts";
import { joinImage, splitImage } from "../conv/tf-conv.ts";
import type { DataFormat } from "../../shape/tf-options.ts";
import type { Pairs } from "./tf-padding.ts";

export const writeCroppingMessage = (
  layer: string,
  name: string,
  before: number,
  after: number,
  size: number,
): string => `${layer}: cropping ${before} + ${after} leaves no ${name} of ${size}`;

const cropped = (layer: string, name: string, size: RuntimeDim, [before, after]: [number, number]): RuntimeDim => {
  const known = valueOf(size);
  if (known === null) return null;
  if (before + after >= known) throw new ShapeError(writeCroppingMessage(layer, name, before, after, known));
  return known - before - after;
};

export function tfCroppingRule(layer: string, pairs: Pairs, dataFormat: DataFormat, input: RuntimeShape): RuntimeShape {
  const { batch, channels, spatial } = splitImage(layer, 2, dataFormat, input);
  const rows = cropped(layer, "rows", spatial[0]!, pairs[0]);
  const cols = cropped(layer, "columns", spatial[1]!, pairs[1]);
  return joinImage(dataFormat, batch, [rows, cols], channels);
}
