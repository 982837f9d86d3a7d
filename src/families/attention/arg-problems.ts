// The problems of a call's arguments that multiheadAttention, the transformers and the recurrent layers share (each
// argument checked on its own, src/model/call.ts): the first of a list thrown, a sequence with a size last, a mask.
import { fail } from "../../errors.ts";
import { argProblem, type DimSpec } from "../../model/call.ts";
import type { RuntimeDim, RuntimeShape } from "../../shape/dims.ts";

/** The first problem of a list (each run only when the ones before have none), thrown. */
export function throwFirst(problems: readonly (() => string | false)[]): void {
  for (const problem of problems) {
    const found = problem();
    if (found !== false) fail(found);
  }
}

/** A dimension that must be `value` (another argument's, as messages name it: `of`, "input's batch"). */
export const sameAs = (name: string, value: RuntimeDim | undefined, of: string): DimSpec => [name, value, of, "same"];
/** A dimension that can be anything. */
export const anyDim = (name: string): DimSpec => sameAs(name, undefined, "");

/**
 * An argument [...dims, size] (`[batch, seq, inputSize]`): its problem, or `false`. `dims` say what each leading
 * dimension must be, `[sizeName, size]` the last.
 */
export const sizedArgProblem = (
  layer: string,
  arg: string,
  shape: RuntimeShape,
  dims: readonly DimSpec[],
  [sizeName, size]: readonly [string, number],
): string | false =>
  argProblem(layer, arg, shape, `[${[...dims.map(([name]) => name), sizeName].join(", ")}]`, [
    ...dims,
    ["last dimension", size, sizeName, "size"],
  ]);

/**
 * An attention mask, [L, S] or [batch·heads, L, S] (`heads`: how the number of heads is called, `count` its value):
 * its problem, or `false` (also when it is not given).
 */
export function attnMaskProblem(
  layer: string,
  name: string,
  mask: RuntimeShape | undefined,
  batch: RuntimeDim | undefined,
  [heads, count]: [string, number],
  ls: DimSpec[],
): string | false {
  if (mask === undefined) return false;
  const first = sameAs("first dimension", typeof batch === "number" ? batch * count : undefined, `batch·${heads}`);
  return argProblem(layer, name, mask, `[L, S] or [batch·${heads}, L, S]`, mask.length === 3 ? [first, ...ls] : ls);
}
