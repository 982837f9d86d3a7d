// einops.rearrange / reduce / repeat with einops' pattern grammar, parsed in the types: named axes,
// groups `(h w)`, anonymous `1` and `()`, `...`, and axis lengths given as an object where a group
// is split (`{ p1: 16, p2: 16 }`). Unknown axis names, a group that does not divide, an axis on one
// side only and a rank that does not match are errors naming the axis. Each rule next to its twin.
import type { FloorDiv, Mod, Product } from "../../types/arith/index.ts";
import type { Dim, Shape, ShowDim, ShowShape, ValueOf } from "../../types/shape/dims.ts";
import type { DimsAgree } from "../../types/shape/join.ts";
import type { Arg } from "../../types/shape/args.ts";
import { fail } from "./fail.ts";
import type { Symbolic } from "../model/symbolic.ts";
import { showDim, type RuntimeDim, type RuntimeShape } from "../shape/dims.ts";
import { dimsAgree } from "../shape/join.ts";
import { product } from "../families/reshape/flatten.ts";
import { operation, type IsUnknownShape, type Problem, type Result } from "./common.ts";
import { aroundEllipsis, writePatternMessage, writeSideRankMessage } from "./ellipsis.ts";

/** einops' messages: `rearrange("b c h w -> b (h w) c"): <what is wrong>` (at run time: writePatternMessage). */
export type writeEinopsMessage<
  Op extends string,
  Pattern extends string,
  Text extends string,
> = `${Op}("${Pattern}"): ${Text}`;

export type EinopsKind = "rearrange" | "reduce" | "repeat";
/** einops' reductions. */
export type Reduction = "sum" | "mean" | "max" | "min" | "prod";

// ---- the pattern, as the types read it --------------------------------------------------------------

type Spaced<S extends string, Out extends string = ""> = S extends `${infer C}${infer R}`
  ? Spaced<R, `${Out}${C extends "(" ? " ( " : C extends ")" ? " ) " : C}`>
  : Out;
type Words<S extends string, Out extends string[] = []> = S extends `${infer W} ${infer R}`
  ? Words<R, W extends "" ? Out : [...Out, W]>
  : S extends ""
    ? Out
    : [...Out, S];
/** Top-level elements: an axis name, "...", a number, or a group (a tuple of names); a string: what is wrong. */
type Elements<
  W extends readonly string[],
  Out extends unknown[] = [],
  Group extends string[] | false = false,
> = W extends readonly [infer H extends string, ...infer R extends string[]]
  ? H extends "("
    ? Group extends false
      ? Elements<R, Out, []>
      : "parentheses cannot be nested"
    : H extends ")"
      ? Group extends string[]
        ? Elements<R, [...Out, Group], false>
        : "a ) has no ("
      : Group extends string[]
        ? Elements<R, Out, [...Group, H]>
        : Elements<R, [...Out, H], false>
  : Group extends false
    ? Out
    : "a ( is not closed";
type Side<S extends string> = Elements<Words<Spaced<S>>>;
type IsNumber<A> = A extends `${number}` ? true : false;

/** The names of the axes of a side (numbers and "..." left out). */
type AxesOf<E extends readonly unknown[], Out extends string = never> = E extends readonly [infer H, ...infer R]
  ? AxesOf<
      R,
      | Out
      | (H extends readonly string[]
          ? NamesIn<H>
          : H extends "..."
            ? never
            : IsNumber<H> extends true
              ? never
              : H & string)
    >
  : Out;
type NamesIn<G extends readonly string[]> = G[number] extends infer N
  ? N extends string
    ? IsNumber<N> extends true
      ? never
      : N
    : never
  : never;

// ---- binding the input's dimensions -------------------------------------------------------------------

type Take<S extends Shape, N extends number, Out extends Dim[] = []> = Out["length"] extends N
  ? Out
  : S extends readonly [infer D extends Dim, ...infer Rest extends Shape]
    ? Take<Rest, N, [...Out, D]>
    : Out;
type TakeLast<S extends Shape, N extends number, Out extends Dim[] = []> = Out["length"] extends N
  ? Out
  : S extends readonly [...infer Rest extends Shape, infer D extends Dim]
    ? TakeLast<Rest, N, [D, ...Out]>
    : Out;
type SplitAt<E extends readonly unknown[], Before extends unknown[] = []> = E extends readonly [infer H, ...infer R]
  ? H extends "..."
    ? [Before, R]
    : SplitAt<R, [...Before, H]>
  : false;

type Lookup<Env, A> = A extends keyof Env ? Env[A] : undefined;
/** Binds the elements to dimensions: the axes' sizes (an object), or the message. */
type Bind<Op extends string, Elems extends readonly unknown[], S extends Shape, Lengths, Env = {}> = [
  Elems,
  S,
] extends [readonly [infer H, ...infer R], readonly [infer D extends Dim, ...infer RestS extends Shape]]
  ? H extends readonly string[]
    ? BindGroup<Op, H, D, Lengths, Env> extends infer Next
      ? Next extends string
        ? Next
        : Bind<Op, R, RestS, Lengths, Next>
      : never
    : IsNumber<H> extends true
      ? H extends "1"
        ? DimsAgree<D, 1> extends true
          ? Bind<Op, R, RestS, Lengths, Env>
          : `anonymous axis 1 stands for dimension ${ShowDim<D>}, which is not 1`
        : `a number other than 1 (${H & string}) cannot name an input dimension`
      : H extends keyof Env
        ? `axis ${H & string} appears twice on the left`
        : H extends keyof Lengths
          ? DimsAgree<Lengths[H], D> extends true
            ? Bind<Op, R, RestS, Lengths, Env & { [K in H & string]: D }>
            : `axis ${H & string} is given length ${ShowDim<Lengths[H]>} but its dimension is ${ShowDim<D>}`
          : Bind<Op, R, RestS, Lengths, Env & { [K in H & string]: D }>
  : Env;
type Unknowns<G extends readonly string[], Lengths, Out extends string[] = []> = G extends readonly [
  infer N extends string,
  ...infer R extends string[],
]
  ? Unknowns<R, Lengths, N extends keyof Lengths ? Out : IsNumber<N> extends true ? Out : [...Out, N]>
  : Out;
type KnownLengths<G extends readonly string[], Lengths> = {
  [K in keyof G]: G[K] extends keyof Lengths
    ? ValueOf<Lengths[G[K]]>
    : G[K] extends `${infer V extends number}`
      ? V
      : 1;
};
type ShowGroup<G extends readonly string[], Text extends string = ""> = G extends readonly [
  infer N extends string,
  ...infer R extends string[],
]
  ? ShowGroup<R, Text extends "" ? N : `${Text} ${N}`>
  : `(${Text})`;
/** The first number other than 1 in a group: einops takes one on the left (`(h 2)`) only in reduce. */
type LiteralIn<G extends readonly string[]> = G extends readonly [infer N extends string, ...infer R extends string[]]
  ? IsNumber<N> extends true
    ? N extends "1"
      ? LiteralIn<R>
      : N
    : LiteralIn<R>
  : never;
type BindGroup<Op extends string, G extends readonly string[], D, Lengths, Env> = Op extends "reduce"
  ? BindGroupSizes<Op, G, D, Lengths, Env>
  : [LiteralIn<G>] extends [never]
    ? BindGroupSizes<Op, G, D, Lengths, Env>
    : `a number other than 1 (${LiteralIn<G>}) on the left is only for reduce`;
type BindGroupSizes<Op extends string, G extends readonly string[], D, Lengths, Env> =
  Unknowns<G, Lengths> extends infer Missing extends string[]
    ? Product<KnownLengths<G, Lengths>> extends infer Known
      ? Missing["length"] extends 0
        ? DimsAgree<D, Known> extends true
          ? Env & { [K in NamesIn<G>]: Lengths[K & keyof Lengths] }
          : `group ${ShowGroup<G>} multiplies to ${Known & number}, but its dimension is ${ShowDim<D>}`
        : Missing["length"] extends 1
          ? number extends D
            ? Env & { [K in NamesIn<G>]: K extends Missing[0] ? number : Lengths[K & keyof Lengths] }
            : D extends string
              ? Env & { [K in NamesIn<G>]: K extends Missing[0] ? number : Lengths[K & keyof Lengths] }
              : number extends Known
                ? Env & { [K in NamesIn<G>]: K extends Missing[0] ? number : Lengths[K & keyof Lengths] }
                : Mod<D, Known> extends 0
                  ? Env & { [K in NamesIn<G>]: K extends Missing[0] ? FloorDiv<D, Known> : Lengths[K & keyof Lengths] }
                  : `group ${ShowGroup<G>}: dimension ${ShowDim<D>} is not divisible by ${Known & number}`
          : `group ${ShowGroup<G>}: give the lengths of all its axes but one (as { ${Missing[0]}: … })`
      : never
    : never;

/** The left side against the input: [axes' sizes, the dims of "..."], or the message. */
type Left<Op extends string, Elems extends readonly unknown[], S extends Shape, Lengths> =
  SplitAt<Elems> extends [infer Before extends unknown[], infer After extends unknown[]]
    ? S["length"] extends [...Before, ...After, ...Shape[]]["length"]
      ? LeftWith<Op, Before, After, S, Lengths>
      : LeftWith<Op, Before, After, S, Lengths>
    : Elems["length"] extends S["length"]
      ? Bind<Op, Elems, S, Lengths> extends infer Env
        ? Env extends string
          ? Env
          : [Env, []]
        : never
      : `the left side has ${Elems["length"]} dimensions, but the input ${ShowShape<S>} has ${S["length"]}`;
type LeftWith<Op extends string, Before extends unknown[], After extends unknown[], S extends Shape, Lengths> = Take<
  S,
  Before["length"]
>["length"] extends Before["length"]
  ? S extends readonly [...Take<S, Before["length"]>, ...infer Rest extends Shape]
    ? TakeLast<Rest, After["length"]> extends infer Last extends Shape
      ? Last["length"] extends After["length"]
        ? Rest extends readonly [...infer Mid extends Shape, ...Last]
          ? Bind<Op, [...Before, ...After], [...Take<S, Before["length"]>, ...Last], Lengths> extends infer Env
            ? Env extends string
              ? Env
              : [Env, Mid]
            : never
          : never
        : `the left side has at least ${[...Before, ...After]["length"]} dimensions besides ..., but the input ${ShowShape<S>} has ${S["length"]}`
      : never
    : never
  : `the left side has at least ${[...Before, ...After]["length"]} dimensions besides ..., but the input ${ShowShape<S>} has ${S["length"]}`;

// ---- the right side -------------------------------------------------------------------------------------

/** A message of the right side (a size may be a name, a string, too). */
interface Fail<Text extends string> {
  readonly error: Text;
}
type Size<Kind extends EinopsKind, A, Env, Lengths> = A extends keyof Env
  ? Env[A]
  : IsNumber<A> extends true
    ? A extends `${infer V extends number}`
      ? Kind extends "repeat"
        ? V
        : V extends 1
          ? 1
          : Fail<`a number other than 1 (${V}) is only for repeat`>
      : never
    : Kind extends "repeat"
      ? A extends keyof Lengths
        ? Lengths[A]
        : Fail<`axis ${A & string} is only on the right: give its length (as { ${A & string}: … })`>
      : Fail<`axis ${A & string} is only on the right`>;
type Sizes<
  Kind extends EinopsKind,
  G extends readonly string[],
  Env,
  Lengths,
  Out extends unknown[] = [],
> = G extends readonly [infer N extends string, ...infer R extends string[]]
  ? Size<Kind, N, Env, Lengths> extends infer V
    ? V extends Fail<string>
      ? V
      : Sizes<Kind, R, Env, Lengths, [...Out, V]>
    : never
  : Out;
type Right<
  Kind extends EinopsKind,
  Elems extends readonly unknown[],
  Env,
  Ellipsis extends Shape,
  Lengths,
  Out extends Dim[] = [],
> = Elems extends readonly [infer H, ...infer R]
  ? H extends "..."
    ? Right<Kind, R, Env, Ellipsis, Lengths, [...Out, ...Ellipsis]>
    : H extends readonly string[]
      ? Sizes<Kind, H, Env, Lengths> extends infer V
        ? V extends Fail<string>
          ? V
          : V extends readonly [infer One extends Dim]
            ? Right<Kind, R, Env, Ellipsis, Lengths, [...Out, One]>
            : V extends readonly unknown[]
              ? Right<Kind, R, Env, Ellipsis, Lengths, [...Out, Product<ValuesOf<V>> & Dim]>
              : never
        : never
      : Size<Kind, H, Env, Lengths> extends infer V
        ? V extends Fail<string>
          ? V
          : Right<Kind, R, Env, Ellipsis, Lengths, [...Out, V & Dim]>
        : never
  : Out;
type ValuesOf<V extends readonly unknown[]> = { [K in keyof V]: ValueOf<V[K]> };
/** An axis of the left side that the right side lacks (rearrange and repeat keep every axis), or false. */
type OnlyLeft<Kind extends EinopsKind, LeftAxes extends string, RightAxes extends string> = Kind extends "reduce"
  ? false
  : [Exclude<LeftAxes, RightAxes>] extends [never]
    ? false
    : Exclude<LeftAxes, RightAxes>;
type ShowUnion<U extends string> = [U] extends [never] ? "" : U;

/** The shape of rearrange / reduce / repeat, or the message. */
export type EinopsRule<Kind extends EinopsKind, Pattern extends string, S extends Shape, Lengths> =
  IsUnknownShape<S> extends true
    ? Shape
    : (
          Pattern extends `${infer L}->${infer R}`
            ? EinopsSides<Kind, Side<L>, Side<R>, S, Lengths>
            : "the pattern has no ->"
        ) extends infer Out
      ? Out extends string
        ? writeEinopsMessage<Kind, Pattern, Out>
        : Out extends Fail<infer Text>
          ? writeEinopsMessage<Kind, Pattern, Text>
          : Out
      : never;
type EinopsSides<Kind extends EinopsKind, L, R, S extends Shape, Lengths> = L extends string
  ? L
  : R extends string
    ? R
    : [L, R] extends [infer LE extends readonly unknown[], infer RE extends readonly unknown[]]
      ? OnlyLeft<Kind, AxesOf<LE>, AxesOf<RE>> extends infer Missing extends string
        ? `axis ${ShowUnion<Missing>} is only on the left${Kind extends "rearrange" ? " (reduce removes axes)" : ""}`
        : NotInPattern<Lengths, AxesOf<LE> | AxesOf<RE>> extends infer Stray extends string
          ? `axis ${ShowUnion<Stray>} is given a length but is not in the pattern`
          : Left<Kind, LE, S, Lengths> extends infer Bound
            ? Bound extends string
              ? Bound
              : Bound extends [infer Env, infer Ellipsis extends Shape]
                ? Right<Kind, RE, Env, Ellipsis, Lengths>
                : never
            : never
      : never;
/**
 * The axes given a length that the pattern does not name (einops refuses them: "Axis z is not used in
 * transform"), or false; lengths typed `Record<string, number>` are not known to the compiler: false.
 */
type NotInPattern<Lengths, Axes extends string> = string extends keyof Lengths
  ? false
  : [Exclude<keyof Lengths & string, Axes>] extends [never]
    ? false
    : Exclude<keyof Lengths & string, Axes>;

// ---- the runtime twin --------------------------------------------------------------------------------------

type Element = string | string[];
function side(text: string, refuse: (message: string) => never): Element[] {
  const out: Element[] = [];
  let group: string[] | undefined;
  // words between spaces, each parenthesis one
  for (const word of text.match(/[()]|[^ ()]+/g) ?? []) {
    if (word === "(") {
      if (group) refuse("parentheses cannot be nested");
      group = [];
    } else if (word === ")") {
      if (!group) refuse("a ) has no (");
      out.push(group!);
      group = undefined;
    } else if (group) group.push(word);
    else out.push(word);
  }
  if (group) refuse("a ( is not closed");
  return out;
}
const isNumber = (word: string) => /^\d+$/.test(word);
const namesIn = (elements: readonly Element[]) => elements.flat().filter((w) => w !== "..." && !isNumber(w));

/** What both the shape rule and the tfjs implementation need: the input split into axes, and the output. */
export interface EinopsPlan {
  /** The left side's axes in order ("…0", "…1" for the dims of "..."), each one's size. */
  readonly left: readonly string[];
  readonly sizes: ReadonlyMap<string, RuntimeDim>;
  /** The right side's axes in order (anonymous "1" and numbers of repeat as `#i`). */
  readonly right: readonly string[];
  readonly rightSizes: readonly RuntimeDim[];
  readonly output: RuntimeShape;
}

export function einopsPlan(
  op: EinopsKind,
  pattern: string,
  input: RuntimeShape,
  lengths: Readonly<Record<string, number>> = {},
): EinopsPlan {
  const refuse = (message: string): never => fail(writePatternMessage(op, pattern, message));
  if (!pattern.includes("->")) refuse("the pattern has no ->");
  const [l, r] = pattern.split("->") as [string, string];
  const leftSide = side(l, refuse),
    rightSide = side(r, refuse);
  const leftNames = namesIn(leftSide),
    rightNames = namesIn(rightSide);
  const onlyLeft = leftNames.filter((a) => !rightNames.includes(a));
  if (op !== "reduce" && onlyLeft.length > 0)
    refuse(`axis ${onlyLeft.join(" | ")} is only on the left${op === "rearrange" ? " (reduce removes axes)" : ""}`);
  const stray = Object.keys(lengths).filter((a) => !leftNames.includes(a) && !rightNames.includes(a));
  if (stray.length > 0) refuse(`axis ${stray.join(" | ")} is given a length but is not in the pattern`);
  const dots = leftSide.indexOf("...");
  const named = leftSide.filter((e) => e !== "...");
  // the dimensions "..." stands for, and those of the named elements
  const [ellipsis, dims] = aroundEllipsis(input, leftSide.length, dots, named.length, (besides) =>
    refuse(
      writeSideRankMessage(`the left side has${besides ? " at least" : ""}`, named.length, besides, "the input", input),
    ),
  );
  const sizes = new Map<string, RuntimeDim>();
  const left: string[] = [];
  const axis = (name: string, size: RuntimeDim) => {
    sizes.set(name, size);
    left.push(name);
  };
  const ellipsisAxes = () => ellipsis.forEach((dim, j) => axis(`…${j}`, dim));
  let anonymous = 0;
  named.forEach((element, i) => {
    const d = dims[i]!;
    if (i === dots) ellipsisAxes();
    if (typeof element === "string") {
      if (isNumber(element)) {
        if (element !== "1") refuse(`a number other than 1 (${element}) cannot name an input dimension`);
        if (!dimsAgree(d, 1)) refuse(`anonymous axis 1 stands for dimension ${showDim(d)}, which is not 1`);
        return axis(`#${anonymous++}`, 1);
      }
      if (sizes.has(element)) refuse(`axis ${element} appears twice on the left`);
      if (element in lengths && !dimsAgree(lengths[element]!, d))
        refuse(`axis ${element} is given length ${lengths[element]} but its dimension is ${showDim(d)}`);
      return axis(element, d);
    }
    const literal = element.find((a) => isNumber(a) && a !== "1");
    if (op !== "reduce" && literal !== undefined)
      refuse(`a number other than 1 (${literal}) on the left is only for reduce`);
    const missing = element.filter((a) => !(a in lengths) && !isNumber(a));
    const known = element.reduce((n, a) => n * (a in lengths ? lengths[a]! : isNumber(a) ? Number(a) : 1), 1);
    const text = `(${element.join(" ")})`;
    if (missing.length > 1) refuse(`group ${text}: give the lengths of all its axes but one (as { ${missing[0]}: … })`);
    if (missing.length === 0 && !dimsAgree(d, known))
      refuse(`group ${text} multiplies to ${known}, but its dimension is ${showDim(d)}`);
    if (missing.length === 1 && typeof d === "number" && d % known !== 0)
      refuse(`group ${text}: dimension ${d} is not divisible by ${known}`);
    element.forEach((a) =>
      axis(
        isNumber(a) ? `#${anonymous++}` : a,
        a in lengths ? lengths[a]! : isNumber(a) ? Number(a) : typeof d === "number" ? d / known : null,
      ),
    );
  });
  if (dots === named.length) ellipsisAxes(); // "..." last
  const right: string[] = [],
    rightSizes: RuntimeDim[] = [];
  const at = (name: string, size: RuntimeDim): RuntimeDim => {
    right.push(name);
    rightSizes.push(size);
    return size;
  };
  const sizeOf = (a: string): RuntimeDim => {
    if (sizes.has(a)) return at(a, sizes.get(a)!); // (a number is never a key: "#0" is)
    if (isNumber(a)) {
      if (op !== "repeat" && a !== "1") refuse(`a number other than 1 (${a}) is only for repeat`);
      return at(`#${a}:${right.length}`, Number(a));
    }
    if (op !== "repeat") refuse(`axis ${a} is only on the right`);
    if (!(a in lengths)) refuse(`axis ${a} is only on the right: give its length (as { ${a}: … })`);
    return at(a, lengths[a]!);
  };
  const output = rightSide.flatMap((e): RuntimeDim[] => {
    if (e === "...") return ellipsis.map((dim, j) => at(`…${j}`, dim));
    if (typeof e === "string") return [sizeOf(e)];
    const members = e.map(sizeOf);
    return [members.length === 1 ? members[0]! : product(members)];
  });
  return { left, sizes, right, rightSizes, output };
}

// ---- the functions ------------------------------------------------------------------------------------------

type Lengths = Readonly<Record<string, number>>;

/**
 * einops.rearrange(x, pattern, axes?): dimensions reordered, split and merged by a pattern.
 *
 * @example
 * const images = input([3, 224, 224]);
 * rearrange(images, "b c (h p1) (w p2) -> b (h w) (p1 p2 c)", { p1: 16, p2: 16 }); // Symbolic<[number, 196, 768]>
 */
export function rearrange<
  S extends Shape,
  const Pattern extends string,
  const L extends Lengths = {},
  Out = EinopsRule<"rearrange", Pattern, S, L>,
>(x: Symbolic<S>, pattern: Arg<Pattern, Problem<Out, S>>, axes?: L): Symbolic<Result<Out>> {
  return operation("rearrange", [pattern, axes ?? {}], [x]) as never;
}

/**
 * einops.reduce(x, pattern, reduction, axes?): axes missing on the right are reduced ("sum", "mean", "max", "min", "prod").
 *
 * @example
 * const features = input([64, 8, 8]);
 * reduce(features, "b c h w -> b c", "mean"); // Symbolic<[number, 64]>
 */
export function reduce<
  S extends Shape,
  const Pattern extends string,
  const L extends Lengths = {},
  Out = EinopsRule<"reduce", Pattern, S, L>,
>(x: Symbolic<S>, pattern: Arg<Pattern, Problem<Out, S>>, reduction: Reduction, axes?: L): Symbolic<Result<Out>> {
  return operation("einopsReduce", [pattern, axes ?? {}, reduction], [x]) as never;
}

/**
 * einops.repeat(x, pattern, axes?): new axes (their lengths given) and repeated ones.
 *
 * @example
 * const token = input([768]);
 * repeat(token, "b d -> b n d", { n: 197 }); // Symbolic<[number, 197, 768]>
 */
export function repeat<
  S extends Shape,
  const Pattern extends string,
  const L extends Lengths = {},
  Out = EinopsRule<"repeat", Pattern, S, L>,
>(x: Symbolic<S>, pattern: Arg<Pattern, Problem<Out, S>>, axes?: L): Symbolic<Result<Out>> {
  return operation("repeat", [pattern, axes ?? {}], [x]) as never;
}
