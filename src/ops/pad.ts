// ops.pad: torch.nn.functional.pad (PyTorch 1.13) — pairs (before, after) from the last dimension, a negative
// pad crops; modes "constant" (with `value`), "reflect", "replicate", "circular". Each rule is written twice,
// once in the types (PadRule) and once at run time (padShape), in the same order; each message has one writer in
// the types, and padShape writes the same text where it checks (after the call as written, `pad(…, [1, 1])`).
//
// PyTorch 1.13's rules, established against /usr/bin/python3's torch (test/ops-pad.test.ts keeps them):
// - every mode: pads are integers, an even number of them, at most one pair per dimension;
// - "constant": any rank; the negative pads of a dimension crop at most its size; when any pad is positive,
//   every padded dimension must end at size 1 or more;
// - other modes: 1, 2 or 3 pairs; "reflect" / "replicate" on rank pairs + 1 or pairs + 2, "circular" on rank
//   pairs + 2 only; "reflect" / "replicate" need every dimension non-empty but the first (for "replicate" and
//   a 3-pair "reflect", only when it is a batch: rank pairs + 2); "reflect" pads less than the size; the result
//   is the padding of the input, then cropped: no dimension below 0 and one of the padded at least 1;
//   "circular" crops first, then wraps the cropped dimension: each pad at most its size after cropping;
//   `value` other than 0 is refused.
// Where PyTorch accepts and answers from memory it never wrote ("circular" padding more than what cropping left,
// "reflect" / "replicate" of an empty batch to a negative size), shapecheck refuses instead.
import type { Add, Compare, Sub } from "../../types/arith/index.ts";
import type { Dim, Shape, ShowShape } from "../../types/shape/dims.ts";
import type { Checked, IsUnion } from "../../types/shape/args.ts";
import { fail } from "./fail.ts";
import type { Symbolic } from "../model/symbolic.ts";
import { showShape, type RuntimeDim, type RuntimeShape } from "../shape/dims.ts";
import { operation, type IsUnknownShape, type Problem, type Result } from "./common.ts";

export type PadMode = "constant" | "reflect" | "replicate" | "circular";
export const padModes: readonly PadMode[] = ["constant", "reflect", "replicate", "circular"];

/** pad's keywords: `mode` ("constant" by default) and the constant's `value` (0 by default; "constant" only). */
export interface PadOptions {
  readonly mode?: PadMode;
  readonly value?: number;
}

// ---- Messages (one writer in the types; at run time padShape's `refuse` writes the same text where it checks)

/** How a call reads in messages: `pad(…, [1, 1])`, `pad(…, [1, 1], { mode: "reflect" })`. */
type PadLabel<
  Pad extends readonly number[],
  Mode extends PadMode,
> = `pad(…, ${ShowShape<Pad>}${Mode extends "constant" ? "" : `, { mode: "${Mode}" }`})`;
export const padLabel = (pad: readonly number[], mode: PadMode): string =>
  `pad(…, ${showShape(pad)}${mode === "constant" ? "" : `, { mode: "${mode}" }`})`;

/** The message when F.pad's list does not fit the input. */
export type writePadMessage<
  Op extends string,
  Count extends number,
  Rank extends number,
> = `${Op}: the pad has ${Count} values; it needs pairs (before, after) for dimensions from the last, at most ${Rank} of them`;

export type writePadIntegerMessage<Op extends string> = `${Op}: pads must be integers`;

/** The ranks a mode other than "constant" pads, in words. */
type ModeRanks<Mode extends PadMode> = Mode extends "circular"
  ? "an input with 2 more dimensions (batch and channels): rank 3 for one pair, 4 for two, 5 for three"
  : "an input with 1 or 2 more dimensions: rank 2 or 3 for one pair, 3 or 4 for two, 4 or 5 for three";
const modeRanks = (mode: PadMode): string =>
  mode === "circular"
    ? "an input with 2 more dimensions (batch and channels): rank 3 for one pair, 4 for two, 5 for three"
    : "an input with 1 or 2 more dimensions: rank 2 or 3 for one pair, 3 or 4 for two, 4 or 5 for three";
export type writePadRankMessage<
  Op extends string,
  Mode extends PadMode,
  Count extends number,
  Rank extends number,
> = `${Op}: mode "${Mode}" takes 1, 2 or 3 pairs, for ${ModeRanks<Mode>}; got ${Count} values and rank ${Rank}`;

export type writePadEmptyMessage<
  Op extends string,
  Mode extends PadMode,
  Index extends number,
> = `${Op}: dimension ${Index} is empty (size 0); mode "${Mode}" needs it non-empty`;

export type writePadReflectMessage<
  Op extends string,
  Index extends number,
  Pad extends number,
  Size extends number,
> = `${Op}: padding ${Pad} of dimension ${Index} must be less than its size ${Size} (mode "reflect")`;

export type writePadWrapMessage<
  Op extends string,
  Index extends number,
  Pad extends number,
  Size extends number,
> = `${Op}: padding ${Pad} of dimension ${Index} wraps around more than once: mode "circular" pads at most its size after cropping, ${Size}`;

export type writePadCropMessage<
  Op extends string,
  Index extends number,
  Crop extends number,
  Size extends number,
> = `${Op}: the negative pads crop ${Crop} from dimension ${Index}, more than its size ${Size}`;

export type writePadNegativeMessage<
  Op extends string,
  Index extends number,
  Size extends string,
> = `${Op}: dimension ${Index} would have size ${Size}: the negative pads crop more than its padded size`;

export type writePadZeroMessage<
  Op extends string,
  Index extends number,
> = `${Op}: dimension ${Index} would be empty (size 0); PyTorch refuses that when any pad is positive`;

export type writePadAllEmptyMessage<
  Op extends string,
  Mode extends PadMode,
> = `${Op}: every padded dimension would be empty (size 0); mode "${Mode}" needs one of size 1 or more`;

export type writePadValueMessage<
  Op extends string,
  Mode extends PadMode,
> = `${Op}: mode "${Mode}" takes no value (PyTorch refuses one other than 0)`;

// ---- The rule in the types

/** A pad's positive part (what it adds) and its crop (what a negative pad removes), as non-negative literals. */
type Grow<P extends number> = `${P}` extends `-${string}` ? 0 : P;
type Crop<P extends number> = `${P}` extends `-${infer M extends number}` ? M : 0;
/** A + B, without the arithmetic when one of them is 0 (most pads have no crop, many dimensions no pad). */
type Sum<A, B> = A extends 0 ? B : B extends 0 ? A : Add<A, B>;
type Lt<A, B> = Compare<A, B> extends "lt" ? true : false;
type Gt<A, B> = Compare<A, B> extends "gt" ? true : false;

/** The ranks a mode other than "constant" takes, by the number of pads. */
type ModeRankFits<Mode extends PadMode, Count extends number, Rank extends number> = Count extends 2 | 4 | 6
  ? Rank extends (Mode extends "circular" ? { 2: 3; 4: 4; 6: 5 } : { 2: 2 | 3; 4: 3 | 4; 6: 4 | 5 })[Count]
    ? true
    : false
  : false;

/** "reflect" / "replicate": the first empty dimension not allowed to be (the first may be, as the mode allows). */
type FirstEmpty<S extends Shape, FirstMayBe extends boolean, Index extends unknown[] = []> = S extends readonly [
  infer D,
  ...infer Rest extends Shape,
]
  ? D extends 0
    ? Index extends []
      ? FirstMayBe extends true
        ? FirstEmpty<Rest, FirstMayBe, [...Index, 0]>
        : 0
      : Index["length"]
    : FirstEmpty<Rest, FirstMayBe, [...Index, 0]>
  : false;

/**
 * One padded dimension of known size D: its new size, or the message. C: what the negative pads crop, G: what the
 * positive ones add (computed once; without a crop, no subtraction).
 */
type PadKnown<
  Op extends string,
  Mode extends PadMode,
  D extends number,
  B extends number,
  A extends number,
  I extends number,
  C = Sum<Crop<B>, Crop<A>>,
  G = Sum<Grow<B>, Grow<A>>,
> = Mode extends "constant"
  ? C extends 0
    ? Sum<D, G>
    : Gt<C, D> extends true
      ? writePadCropMessage<Op, I, C & number, D>
      : Sub<Add<D, G>, C>
  : Mode extends "circular"
    ? Gt<C, D> extends true
      ? writePadCropMessage<Op, I, C & number, D>
      : (C extends 0 ? D : Sub<D, C>) extends infer L extends number
        ? Gt<Grow<B>, L> extends true
          ? writePadWrapMessage<Op, I, B, L>
          : Gt<Grow<A>, L> extends true
            ? writePadWrapMessage<Op, I, A, L>
            : Add<L, G>
        : never
    : Mode extends "reflect"
      ? Lt<Grow<B>, D> extends false
        ? writePadReflectMessage<Op, I, B, D>
        : Lt<Grow<A>, D> extends false
          ? writePadReflectMessage<Op, I, A, D>
          : PadThenCrop<Op, D, I, C, Sum<D, G>>
      : PadThenCrop<Op, D, I, C, Sum<D, G>>;
/** "reflect" / "replicate": the input padded (to Padded), then cropped by C — never below 0. */
type PadThenCrop<Op extends string, D extends number, I extends number, C, Padded> = C extends 0
  ? Padded
  : Gt<C, Padded> extends true
    ? writePadNegativeMessage<Op, I, `-${Sub<C, Padded> & number}`>
    : Sub<Padded, C>;

/**
 * The padded dimensions from the last (pairs from the front of Pad, dimensions from the end of S), then the
 * checks on all of them: ZeroAt, the first that ends empty ("constant"); NonEmpty, whether one may not.
 */
type PadWalk<
  S extends Shape,
  Pad extends readonly number[],
  Out extends Dim[],
  Op extends string,
  Mode extends PadMode,
  AnyPositive extends boolean,
  ZeroAt extends number | false = false,
  NonEmpty extends boolean = false,
> = Pad extends readonly [infer B extends number, infer A extends number, ...infer Rest extends number[]]
  ? S extends readonly [...infer Lead extends Shape, infer D]
    ? (
        D extends number ? (number extends D ? number : PadKnown<Op, Mode, D, B, A, Lead["length"]>) : number
      ) extends infer O
      ? O extends string
        ? O
        : PadWalk<
            Lead,
            Rest,
            [O & Dim, ...Out],
            Op,
            Mode,
            AnyPositive,
            ZeroAt extends false ? (O extends 0 ? Lead["length"] : false) : ZeroAt,
            NonEmpty extends true ? true : O extends 0 ? false : true
          >
      : never
    : never // the count was checked
  : Mode extends "constant"
    ? AnyPositive extends true
      ? ZeroAt extends number
        ? writePadZeroMessage<Op, ZeroAt>
        : [...S, ...Out]
      : [...S, ...Out]
    : Mode extends "circular"
      ? [...S, ...Out]
      : NonEmpty extends true
        ? [...S, ...Out]
        : writePadAllEmptyMessage<Op, Mode>;

/** A pad whose values the compiler does not know: the input's rank, every dimension unknown (checked at build). */
type Unknowns<S extends Shape> = { -readonly [K in keyof S]: number };

/** F.pad(x, pad, mode): the padded shape, or the first message. */
export type PadRule<S extends Shape, Pad extends readonly number[], Mode extends PadMode = "constant"> =
  IsUnknownShape<S> extends true
    ? Shape
    : number extends Pad["length"]
      ? Unknowns<S>
      : IsUnion<Mode> extends true
        ? Unknowns<S>
        : PadChecks<S, Pad, Mode, PadLabel<Pad, Mode>>;
type PadChecks<S extends Shape, Pad extends readonly number[], Mode extends PadMode, Op extends string> = [
  Extract<`${Pad[number]}`, `${string}.${string}` | `${string}e${string}` | `${string}Infinity` | "NaN">,
] extends [never]
  ? `${Pad["length"]}` extends `${string}${1 | 3 | 5 | 7 | 9}`
    ? writePadMessage<Op, Pad["length"], S["length"]>
    : TooLong<S, Pad> extends true
      ? writePadMessage<Op, Pad["length"], S["length"]>
      : Mode extends "constant"
        ? PadWalk<S, Pad, [], Op, Mode, [Exclude<`${Pad[number]}`, "0" | `-${string}`>] extends [never] ? false : true>
        : ModeRankFits<Mode, Pad["length"], S["length"]> extends false
          ? writePadRankMessage<Op, Mode, Pad["length"], S["length"]>
          : (
                Mode extends "circular" ? false : FirstEmpty<S, FirstEmptyAllowed<Mode, Pad["length"], S["length"]>>
              ) extends infer E extends number
            ? writePadEmptyMessage<Op, Mode, E>
            : PadWalk<S, Pad, [], Op, Mode, false>
  : writePadIntegerMessage<Op>;
/** Whether Pad has more pairs than S has dimensions (a pair per dimension, without arithmetic). */
type TooLong<S extends Shape, Pad extends readonly number[]> = Pad extends readonly [
  unknown,
  unknown,
  ...infer Rest extends number[],
]
  ? S extends readonly [unknown, ...infer Others extends Shape]
    ? TooLong<Others, Rest>
    : true
  : false;
/** Whether the first dimension may be empty: "reflect" with 1 or 2 pairs, or a batch (rank pairs + 2). */
type FirstEmptyAllowed<Mode extends PadMode, Count extends number, Rank extends number> = Mode extends "reflect"
  ? Count extends 2 | 4
    ? true
    : Rank extends 5
      ? true
      : false
  : Rank extends { 2: 3; 4: 4; 6: 5 }[Count & (2 | 4 | 6)]
    ? true
    : false;

/** The mode an options argument gives: a number is the constant's value. */
export type PadModeOf<O> = O extends { readonly mode: infer M }
  ? [M] extends [PadMode]
    ? M
    : PadMode
  : "mode" extends keyof O
    ? PadMode // an optional mode: not known to the compiler
    : "constant";
/** A `value` with a mode other than "constant": the message, else false. */
export type PadValueRule<Pad extends readonly number[], O> =
  PadModeOf<O> extends infer Mode extends PadMode
    ? IsUnion<Mode> extends true
      ? false
      : Mode extends "constant"
        ? false
        : O extends { readonly value: infer V }
          ? [V] extends [0 | undefined]
            ? false
            : number extends V
              ? false
              : writePadValueMessage<PadLabel<Pad, Mode>, Mode>
          : false
    : false;

// ---- The rule at run time (the types' twin, same order)

export function padShape(
  input: RuntimeShape,
  pad: readonly number[],
  mode: PadMode = "constant",
  value = 0,
): RuntimeShape {
  const op = padLabel(pad, mode);
  const refuse = (text: string): never => fail(`${op}: ${text}`);
  // (the types accept only these; JavaScript may pass anything)
  if (!padModes.includes(mode)) refuse(`mode must be one of ${padModes.map((m) => `"${m}"`).join(", ")}`);
  if (pad.some((p) => !Number.isInteger(p))) refuse("pads must be integers");
  const rank = input.length,
    count = pad.length,
    pairs = count / 2;
  if (count % 2 !== 0 || count > 2 * rank)
    refuse(
      `the pad has ${count} values; it needs pairs (before, after) for dimensions from the last, at most ${rank} of them`,
    );
  if (mode !== "constant") {
    const fits =
      pairs >= 1 && pairs <= 3 && (mode === "circular" ? rank === pairs + 2 : rank === pairs + 1 || rank === pairs + 2);
    if (!fits)
      refuse(`mode "${mode}" takes 1, 2 or 3 pairs, for ${modeRanks(mode)}; got ${count} values and rank ${rank}`);
    if (mode !== "circular") {
      const firstMayBe = (mode === "reflect" && pairs <= 2) || rank === pairs + 2;
      const empty = input.findIndex((d, i) => d === 0 && !(i === 0 && firstMayBe));
      if (empty >= 0) refuse(`dimension ${empty} is empty (size 0); mode "${mode}" needs it non-empty`);
    }
  }
  const output: RuntimeDim[] = [...input];
  let zeroAt: number | undefined;
  let nonEmpty = false;
  for (let j = 0; j < pairs; j++) {
    const i = rank - 1 - j;
    const [b, a] = [pad[2 * j]!, pad[2 * j + 1]!];
    const d = input[i]!;
    const out = typeof d === "number" ? padKnown(refuse, mode, d, b, a, i) : null;
    output[i] = out;
    if (out === 0) zeroAt ??= i;
    else nonEmpty = true;
  }
  if (mode === "constant" && pad.some((p) => p > 0) && zeroAt !== undefined)
    refuse(`dimension ${zeroAt} would be empty (size 0); PyTorch refuses that when any pad is positive`);
  if ((mode === "reflect" || mode === "replicate") && !nonEmpty)
    refuse(`every padded dimension would be empty (size 0); mode "${mode}" needs one of size 1 or more`);
  // the options argument last (the compiler reports the first argument that does not fit)
  if (mode !== "constant" && value !== 0) refuse(`mode "${mode}" takes no value (PyTorch refuses one other than 0)`);
  return output;
}

/** Twin of PadKnown: one padded dimension of known size `d`. */
function padKnown(refuse: (text: string) => never, mode: PadMode, d: number, b: number, a: number, i: number): number {
  const grow = Math.max(b, 0) + Math.max(a, 0),
    crop = Math.max(-b, 0) + Math.max(-a, 0);
  if (mode === "constant" || mode === "circular") {
    if (crop > d) refuse(`the negative pads crop ${crop} from dimension ${i}, more than its size ${d}`);
    // "circular" wraps what cropping left: each pad at most that
    if (mode === "circular")
      for (const p of [b, a])
        if (p > d - crop)
          refuse(
            `padding ${p} of dimension ${i} wraps around more than once: mode "circular" pads at most its size after cropping, ${d - crop}`,
          );
    return d - crop + grow;
  }
  // "reflect" / "replicate" pad, then crop
  if (mode === "reflect")
    for (const p of [b, a])
      if (!(Math.max(p, 0) < d))
        refuse(`padding ${p} of dimension ${i} must be less than its size ${d} (mode "reflect")`);
  if (crop > d + grow)
    refuse(`dimension ${i} would have size ${d + grow - crop}: the negative pads crop more than its padded size`);
  return d + grow - crop;
}

// ---- The builder

/**
 * torch.nn.functional.pad(x, pad, mode = "constant", value = 0): pairs (before, after) from the last dimension
 * (PyTorch's order); a negative pad crops. Options `{ mode, value }` (a number alone is the constant's value).
 *
 * @example
 * const images = input([3, 28, 28]);
 * ops.pad(images, [1, 1, 2, 2]); // Symbolic<[number, 3, 32, 30]>
 * ops.pad(images, [2, 2, 2, 2], { mode: "reflect" }); // Symbolic<[number, 3, 32, 32]>
 * ops.pad(images, [-1, -1]); // Symbolic<[number, 3, 28, 26]>
 */
export function pad<
  S extends Shape,
  const Pad extends readonly number[],
  const O extends number | PadOptions = { readonly mode: "constant" },
>(
  x: Symbolic<S>,
  padding: Checked<Pad, Problem<PadRule<S, Pad, PadModeOf<O>>>>,
  options?: Checked<O, Problem<PadValueRule<Pad, O>>>,
): Symbolic<PadValueRule<Pad, O> extends string ? Shape : Result<PadRule<S, Pad, PadModeOf<O>>>> {
  const o = (typeof options === "number" ? { value: options } : (options ?? {})) as PadOptions;
  return operation("pad", [padding, o.value ?? 0, o.mode ?? "constant"], [x]) as never;
}
