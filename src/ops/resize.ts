// tile and interpolate (size or scale factor): operations whose output sizes are computed from the
// input's (pad: ./pad.ts, re-exported here). Each rule next to its twin, which throws its message type's text.
import type { FloorDiv, Mul } from "../../types/arith/index.ts";
import type { Dim, Shape, ShowShape, ValueOf } from "../../types/shape/dims.ts";
import type { Checked } from "../../types/shape/args.ts";
import { fail } from "./fail.ts";
import type { Symbolic } from "../model/symbolic.ts";
import type { RuntimeDim, RuntimeShape } from "../shape/dims.ts";
import { onTensor, operation, type IsUnknownShape, type Problem, type Result } from "./common.ts";
import type { UpsampleRule } from "../families/upsample/upsample.types.ts";
import { upsampleRule } from "../families/upsample/upsample.ts";
export { pad, padShape, type writePadMessage, type PadRule } from "./pad.ts";

type Times<D, K> = K extends 1 ? D & Dim : D extends string ? number : Mul<ValueOf<D>, K> & Dim;
const times = (d: RuntimeDim, k: number): RuntimeDim => (k === 1 ? d : typeof d === "number" ? d * k : null);

/** The message for a repetition below 0. */
export type writeTileMessage<Op extends string> = `${Op}: repetitions must be integers ≥ 0`;

/** torch.tile: shapes and repetitions aligned at the end (the shorter padded with 1s), sizes multiplied. */
export type TileRule<S extends Shape, Reps extends readonly number[]> =
  IsUnknownShape<S> extends true
    ? Shape
    : [Extract<`${Reps[number]}`, `-${string}`>] extends [never]
      ? TileFromEnd<S, Reps, []>
      : writeTileMessage<`tile(…, ${ShowShape<Reps>})`>;
type TileFromEnd<S extends Shape, Reps extends readonly number[], Out extends Dim[]> = S extends readonly [
  ...infer LeadS extends Shape,
  infer D,
]
  ? Reps extends readonly [...infer LeadR extends number[], infer K extends number]
    ? TileFromEnd<LeadS, LeadR, [Times<D, K>, ...Out]>
    : [...S, ...Out]
  : Reps extends readonly [...infer LeadR extends number[], infer K extends number]
    ? TileFromEnd<[], LeadR, [K, ...Out]>
    : Out;

export function tileShape(op: string, input: RuntimeShape, reps: readonly number[]): RuntimeShape {
  if (reps.some((k) => !Number.isInteger(k) || k < 0)) fail(`${op}: repetitions must be integers ≥ 0`);
  const rank = Math.max(input.length, reps.length);
  const shape = [...Array(rank - input.length).fill(1), ...input],
    all = [...Array(rank - reps.length).fill(1), ...reps];
  return shape.map((d, i) => times(d, all[i]!));
}

/**
 * torch.tile(x, reps): the tensor repeated `reps[i]` times along each dimension (aligned at the end).
 *
 * @example
 * const x = input([2, 3]);
 * ops.tile(x, [1, 2, 2]); // Symbolic<[number, 4, 6]>
 */
export const tile: <S extends Shape, const Reps extends readonly number[]>(
  x: Symbolic<S>,
  reps: Checked<Reps, Problem<TileRule<S, Reps>>>,
) => Symbolic<Result<TileRule<S, Reps>>> = onTensor("tile");

/** interpolate's options: an output `size` or a `scaleFactor` (one, or one per spatial dimension), and the mode. */
export type InterpolateOptions =
  | { readonly size: number | readonly number[]; readonly scaleFactor?: never; readonly mode?: "nearest" | "bilinear" }
  | { readonly scaleFactor: number | readonly number[]; readonly size?: never; readonly mode?: "nearest" | "bilinear" };

/**
 * F.interpolate: nn.upsample's rule (UpsampleRule, named `interpolate`): the spatial dimensions become `size`, or
 * ⌊size × scaleFactor⌋ (ScaledSize: `number` where a decimal factor's double product may differ from the exact one);
 * "nearest" on 1 to 3 spatial dimensions, "bilinear" on 2.
 */
export type InterpolateRule<S extends Shape, O> =
  IsUnknownShape<S> extends true
    ? Shape
    : UpsampleRule<
        "interpolate",
        O extends { readonly mode: infer M } ? M : "nearest",
        O extends { readonly size: infer Size } ? Size : undefined,
        O extends { readonly scaleFactor: infer F } ? F : undefined,
        S
      >;

export function interpolateShape(
  input: RuntimeShape,
  options: {
    size: number | readonly number[] | null;
    scaleFactor: number | readonly number[] | null;
    mode?: "nearest" | "bilinear";
  },
): RuntimeShape {
  // (as the graph node records them: null when not given)
  return upsampleRule(
    "interpolate",
    options.mode ?? "nearest",
    options.size ?? undefined,
    options.scaleFactor ?? undefined,
    input,
  );
}

/**
 * torch.nn.functional.interpolate(x, size | scaleFactor, mode = "nearest"): the spatial dimensions resized
 * ("nearest" or "bilinear", align_corners=False as PyTorch's default).
 *
 * @example
 * const maps = input([16, 8, 8]);
 * ops.interpolate(maps, { scaleFactor: 2 }); // Symbolic<[number, 16, 16, 16]>
 */
export function interpolate<S extends Shape, const O extends InterpolateOptions>(
  x: Symbolic<S>,
  options: Checked<O, Problem<InterpolateRule<S, O>>>,
): Symbolic<Result<InterpolateRule<S, O>>> {
  const o = options as InterpolateOptions;
  return operation(
    "interpolate",
    [{ size: o.size ?? null, scaleFactor: o.scaleFactor ?? null, mode: o.mode ?? "nearest" }],
    [x],
  ) as never;
}
