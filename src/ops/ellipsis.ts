// What einops' patterns and einsum's equations share at run time: how their messages begin, the elements of a side (a pattern's left side,
// an operand's letters) against the shape of its tensor, "..." standing for the dimensions the others leave.
import { showShape, type RuntimeShape } from "../shape/dims.ts";

/** Their messages: `rearrange("b c h w -> b (h w) c"): <what is wrong>`, `einsum("ij,jk"): <what is wrong>`. */
export const writePatternMessage = (op: string, pattern: string, text: string): string =>
  `${op}("${pattern}"): ${text}`;

/**
 * The message when a side names more or fewer dimensions than its tensor has: `subject` is how it reads
 * ("the left side has", `operand 0 (ab) names`), `besides`: whether the side has "...".
 */
export const writeSideRankMessage = (
  subject: string,
  named: number,
  besides: boolean,
  tensor: string,
  shape: RuntimeShape,
): string =>
  `${subject} ${named} dimensions${besides ? " besides ..." : ""}, but ${tensor} ${showShape(shape)} has ${shape.length}`;

/**
 * A side of `count` elements, "..." at `dots` (-1: none) and `named` others, against `shape`: [the dimensions of
 * "...", those of the other elements in order], or `mismatch(besides)` (which throws) when the counts do not fit.
 */
export function aroundEllipsis(
  shape: RuntimeShape,
  count: number,
  dots: number,
  named: number,
  mismatch: (besides: boolean) => never,
): [RuntimeShape, RuntimeShape] {
  if (dots === -1) return named === shape.length ? [[], shape] : mismatch(false);
  if (named > shape.length) mismatch(true);
  const end = shape.length - (count - dots - 1);
  return [shape.slice(dots, end), [...shape.slice(0, dots), ...shape.slice(end)]];
}
