// ops.pad: torch.nn.functional.pad (PyTorch's reversed pairs, from the last dimension). Its rule next to its
// twin, its message next to its writer.
import type { Add } from "../../types/arith/index.ts";
import type { Dim, Shape, ShowShape, ValueOf } from "../../types/shape/dims.ts";
import type { Checked } from "../../types/shape/args.ts";
import { ShapeError } from "../errors.ts";
import type { Symbolic } from "../model/symbolic.ts";
import { showShape, type RuntimeShape } from "../shape/dims.ts";
import { operation, type IsUnknownShape, type Problem, type Result } from "./common.ts";

/** The message when F.pad's list does not fit the input. */
export type writePadMessage<
  Op extends string,
  Count extends number,
  Rank extends number,
> = `${Op}: the pad has ${Count} values; it needs pairs (before, after) for dimensions from the last, at most ${Rank} of them, each ≥ 0`;
export const writePadMessage = (op: string, count: number, rank: number): string =>
  `${op}: the pad has ${count} values; it needs pairs (before, after) for dimensions from the last, at most ${rank} of them, each ≥ 0`;

/** F.pad(x, pad): pad = [last's before, last's after, next-to-last's before, …]. */
export type PadRule<S extends Shape, Pad extends readonly number[]> =
  IsUnknownShape<S> extends true
    ? Shape
    : [Extract<`${Pad[number]}`, `-${string}`>] extends [never]
      ? PadFromEnd<S, Pad, [], `pad(…, ${ShowShape<Pad>})`, Pad["length"], S["length"]>
      : writePadMessage<`pad(…, ${ShowShape<Pad>})`, Pad["length"], S["length"]>;
type PadFromEnd<
  S extends Shape,
  Pad extends readonly number[],
  Out extends Dim[],
  Op extends string,
  Count extends number,
  Rank extends number,
> = Pad extends readonly [infer Before, infer After, ...infer Rest extends number[]]
  ? S extends readonly [...infer Lead extends Shape, infer D]
    ? PadFromEnd<
        Lead,
        Rest,
        [D extends string ? number : Add<Add<ValueOf<D>, Before>, After> & Dim, ...Out],
        Op,
        Count,
        Rank
      >
    : writePadMessage<Op, Count, Rank>
  : Pad extends readonly []
    ? [...S, ...Out]
    : writePadMessage<Op, Count, Rank>;

export function padShape(input: RuntimeShape, pad: readonly number[]): RuntimeShape {
  const op = `pad(…, ${showShape(pad)})`;
  if (pad.length % 2 !== 0 || pad.length > 2 * input.length || pad.some((p) => !Number.isInteger(p) || p < 0))
    throw new ShapeError(writePadMessage(op, pad.length, input.length));
  return input.map((d, i) => {
    const fromEnd = input.length - 1 - i;
    if (2 * fromEnd >= pad.length) return d;
    return typeof d === "number" ? d + pad[2 * fromEnd]! + pad[2 * fromEnd + 1]! : null;
  });
}

/**
 * torch.nn.functional.pad(x, pad, value): constant padding, pairs from the last dimension (PyTorch's order).
 *
 * @example
 * const images = input([3, 28, 28]);
 * ops.pad(images, [1, 1, 2, 2]); // Symbolic<[number, 3, 32, 30]>
 */
export function pad<S extends Shape, const Pad extends readonly number[]>(
  x: Symbolic<S>,
  padding: Checked<Pad, Problem<PadRule<S, Pad>>>,
  value = 0,
): Symbolic<Result<PadRule<S, Pad>>> {
  return operation("pad", [padding, value], [x]) as never;
}
