// Twin of src/families/padding/tf-cropping.types.ts: tfjs's Cropping2D.
import { ShapeError } from "../../errors.ts";
import { valueOf, type RuntimeShape } from "../../shape/dims.ts";
import { imageRule } from "../conv/tf-conv.ts";
import type { DataFormat } from "../../shape/tf-options.ts";
import type { Pairs } from "./tf-padding.ts";

export const writeCroppingMessage = (
  layer: string,
  name: string,
  before: number,
  after: number,
  size: number,
): string => `${layer}: cropping ${before} + ${after} leaves no ${name} of ${size}`;

/** tfjs's Cropping2D: rows and columns shrink by their pairs, and must keep at least one. */
export const tfCroppingRule = (
  layer: string,
  pairs: Pairs,
  dataFormat: DataFormat,
  input: RuntimeShape,
): RuntimeShape =>
  imageRule(layer, 2, dataFormat, input, (size, i) => {
    const known = valueOf(size);
    const [before, after] = pairs[i]!;
    if (known === null) return null;
    if (before + after >= known)
      throw new ShapeError(writeCroppingMessage(layer, i === 0 ? "rows" : "columns", before, after, known));
    return known - before - after;
  });
