// Operations that move, add or remove dimensions without computing: reshape/view, flatten, unflatten,
// permute, transpose, squeeze, unsqueeze, expand, select, narrow, split, chunk. Each type-level rule
// sits next to its runtime twin (`PermuteRule` / `permuteShape`); each message has one writer in the
// types (`writePermuteMessage`), and the runtime twin throws the same text where it checks (a message
// thrown at several places has one runtime writer too: `writeIndexMessage`).
import type { Add, CeilDiv, Compare, FloorDiv, Mod, Mul, Sub } from "../../types/arith/index.ts";
import type { DimIndex, writeDimRangeMessage } from "../../types/shape/dim-index.ts";
import type { Dim, Shape, ShowDim, ShowShape, ValueOf } from "../../types/shape/dims.ts";
import type { Drop, FlattenRule, Take } from "../families/reshape/flatten.types.ts";
import type { UnflattenRule } from "../families/reshape/unflatten.types.ts";
import type { Arg, Checked, WaitingOn } from "../../types/shape/args.ts";
import { axisOf, fail, writtenOp } from "./fail.ts";
import type { Symbolic } from "../model/symbolic.ts";
import { dimIndex } from "../shape/dim-index.ts";
import { showDim, showShape, type RuntimeDim, type RuntimeShape } from "../shape/dims.ts";
import { flattenRule, product } from "../families/reshape/flatten.ts";
import { unflattenRule } from "../families/reshape/unflatten.ts";
import { onTensor, operation, type DimProblem, type IsUnknownShape, type Problem, type Result } from "./common.ts";

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type IsKnown<D> = D extends number ? (number extends D ? false : true) : false;
type Replace<S extends Shape, Axis extends number, D> = { -readonly [K in keyof S]: K extends `${Axis}` ? D : S[K] };
const isKnown = (dim: RuntimeDim | undefined): dim is number => typeof dim === "number";
/** Whether a shape is one data really has (every size known: a graph being built), not a symbolic one. */
const building = (shape: RuntimeShape): boolean => shape.every(isKnown);

// ---- reshape / view -------------------------------------------------------------------------------

/** The message when two sizes are -1. */
export type writeReshapeCountMessage<Op extends string> = `${Op}: only one size can be -1`;
/** The message when the sizes do not multiply out to the number of elements. */
export type writeReshapeProductMessage<
  Op extends string,
  Input extends Shape,
  Elements,
  Sizes,
> = `${Op}: the sizes multiply to ${Sizes & number}, but the input ${ShowShape<Input>} has ${Elements & number} elements`;
/** The message when -1 cannot be inferred. */
export type writeReshapeInferMessage<
  Op extends string,
  Input extends Shape,
  Elements,
  Known,
> = `${Op}: the input ${ShowShape<Input>} has ${Elements & number} elements, not divisible by ${Known & number}, the product of the sizes other than -1`;
/** The message when a named size is not the input's dimension at that place. */
export type writeReshapeNameMessage<
  Op extends string,
  Name,
> = `${Op}: the named size ${ShowDim<Name>} must keep the input's dimension of that name, in its place among the leading dimensions`;

type MinusOnes<Sizes extends readonly unknown[], Count extends 0[] = []> = Sizes extends readonly [
  infer Size,
  ...infer Rest,
]
  ? MinusOnes<Rest, [Size] extends [-1] ? [...Count, 0] : Count>
  : Count["length"];
type Inferred<Sizes extends readonly unknown[], Value> = {
  -readonly [K in keyof Sizes]: [Sizes[K]] extends [-1] ? Value : Sizes[K];
};

/**
 * torch.reshape / Tensor.view: the sizes (one may be -1, inferred) must multiply out to the number of
 * elements. Leading sizes equal to the input's unknown or named dimensions keep them
 * (`ops.view(x, [x.size(0), -1])`); arithmetic that needs a name's or an unknown's value gives `number`.
 * (The operation's text for a message, `view(…, [b, seq, 4, 16])`, is only written when there is one.)
 */
export type ReshapeRule<Name extends string, S extends Shape, Sizes extends readonly Dim[]> =
  IsUnknownShape<S> extends true ? Shape : KeptPrefix<Name, S, Sizes, S, Sizes>;
/** Leading sizes that keep the input's unknown or named dimensions (`x.size(0)`, `"batch"`), then the rest. */
type KeptPrefix<
  Name extends string,
  S extends Shape,
  Sizes extends readonly Dim[],
  RestS extends Shape,
  RestSizes extends readonly unknown[],
  Kept extends Dim[] = [],
> = RestS extends readonly [infer A extends Dim, ...infer MoreS extends Shape]
  ? RestSizes extends readonly [infer B, ...infer MoreSizes]
    ? IsKnown<A> extends false
      ? Same<A, B> extends true
        ? KeptPrefix<Name, S, Sizes, MoreS, MoreSizes, [...Kept, A]>
        : ReshapeRest<Name, S, Sizes, Kept, RestS, RestSizes>
      : ReshapeRest<Name, S, Sizes, Kept, RestS, RestSizes>
    : ReshapeRest<Name, S, Sizes, Kept, RestS, RestSizes>
  : ReshapeRest<Name, S, Sizes, Kept, RestS, RestSizes>;
/**
 * One pass over the sizes after the kept ones: [how many are -1, the first name or `false`, the
 * product of the sizes other than -1 (a name's value is unknown: `number`)].
 */
type ScanSizes<
  Sizes extends readonly unknown[],
  MinusOne extends 0[] = [],
  FirstName = false,
  Known = 1,
> = Sizes extends readonly [infer Size, ...infer Rest]
  ? [Size] extends [-1]
    ? ScanSizes<Rest, [...MinusOne, 0], FirstName, Known>
    : ScanSizes<
        Rest,
        MinusOne,
        [FirstName] extends [false] ? (Size extends string ? Size : false) : FirstName,
        Mul<Known, ValueOf<Size>>
      >
  : [MinusOne["length"], FirstName, Known];
/** The product of dimensions, a name's value unknown (`number`). */
type DimsProduct<Dims extends readonly unknown[], SoFar = 1> = Dims extends readonly [infer D, ...infer Rest]
  ? DimsProduct<Rest, Mul<SoFar, ValueOf<D>>>
  : SoFar;
type ReshapeOp<Name extends string, Sizes extends readonly Dim[]> = `${Name}(…, ${ShowShape<Sizes>})`;
type ReshapeRest<
  Name extends string,
  S extends Shape,
  Sizes extends readonly Dim[],
  Kept extends Dim[],
  RestS extends Shape,
  RestSizes extends readonly unknown[],
> =
  ScanSizes<RestSizes> extends [infer Count, infer NameSize, infer Known]
    ? Count extends 0 | 1
      ? NameSize extends string
        ? writeReshapeNameMessage<ReshapeOp<Name, Sizes>, NameSize>
        : DimsProduct<RestS> extends infer Elements
          ? number extends Elements
            ? [...Kept, ...Inferred<RestSizes, number>]
            : number extends Known
              ? [...Kept, ...Inferred<RestSizes, number>]
              : Count extends 1
                ? Mod<Elements, Known> extends 0
                  ? [...Kept, ...Inferred<RestSizes, FloorDiv<Elements, Known>>]
                  : writeReshapeInferMessage<ReshapeOp<Name, Sizes>, S, Elements, Known>
                : Same<Elements, Known> extends true
                  ? [...Kept, ...Inferred<RestSizes, never>]
                  : writeReshapeProductMessage<ReshapeOp<Name, Sizes>, S, Elements, Known>
          : never
      : writeReshapeCountMessage<ReshapeOp<Name, Sizes>>
    : never;

/** The ShapeError when more than one size is -1. */
const oneInferred = (op: string, sizes: readonly RuntimeDim[]) => {
  if (sizes.filter((size) => size === -1).length > 1) fail(`${op}: only one size can be -1`);
};

export function reshapeShape(op: string, input: RuntimeShape, sizes: readonly RuntimeDim[]): RuntimeShape {
  let kept = 0;
  // a size null (x.size(i) of an unknown dimension) or a name keeps the input's dimension in its place
  // (a name over a known size: the shapes data has, when a graph is built)
  const keeps = (size: RuntimeDim, dim: RuntimeDim) =>
    size === null
      ? !isKnown(dim) || building(input)
      : typeof size === "string" && (size === dim || dim === null || (isKnown(dim) && building(input)));
  while (kept < sizes.length && kept < input.length && keeps(sizes[kept]!, input[kept]!)) kept++;
  const rest = sizes.slice(kept);
  oneInferred(op, rest);
  const named = rest.find((size) => typeof size === "string");
  if (named !== undefined)
    fail(
      `${op}: the named size ${showDim(named)} must keep the input's dimension of that name, in its place among the leading dimensions`,
    );
  const elements = product(input.slice(kept));
  const known = product(rest.filter((size) => size !== -1));
  const out = (value: number | null) => [...input.slice(0, kept), ...rest.map((size) => (size === -1 ? value : size))];
  if (elements === null || known === null) return out(null);
  if (rest.includes(-1)) {
    if (known === 0 || elements % known !== 0)
      fail(
        `${op}: the input ${showShape(input)} has ${elements} elements, not divisible by ${known}, the product of the sizes other than -1`,
      );
    return out(elements / known);
  }
  if (elements !== known)
    fail(`${op}: the sizes multiply to ${known}, but the input ${showShape(input)} has ${elements} elements`);
  return out(null);
}

/**
 * torch.reshape: the same elements in a new shape; one size may be -1 (inferred). A leading size
 * that is the input's unknown or named dimension keeps it: `ops.reshape(x, [x.size(0), -1])`.
 *
 * @example
 * const x = input([64, 7, 7]);
 * ops.reshape(x, [x.size(0), -1]); // Symbolic<[number, 3136]>
 */
export const reshape: <S extends Shape, const Sizes extends readonly Dim[], Out = ReshapeRule<"reshape", S, Sizes>>(
  x: Symbolic<S>,
  sizes: Checked<Sizes, Problem<Out, S>>,
) => Symbolic<Result<Out>> = onTensor("reshape");

/**
 * Tensor.view(*sizes), as `ops.view(x, sizes)`: reshape's rule.
 *
 * @example
 * const tokens = input(["seq", 512], { batch: "b" });
 * ops.view(tokens, ["b", "seq", 8, 64]); // Symbolic<["b", "seq", 8, 64]>
 */
export const view: <S extends Shape, const Sizes extends readonly Dim[], Out = ReshapeRule<"view", S, Sizes>>(
  x: Symbolic<S>,
  sizes: Checked<Sizes, Problem<Out, S>>,
) => Symbolic<Result<Out>> = onTensor("view");

// ---- flatten / unflatten --------------------------------------------------------------------------

type FlattenOp<S extends Shape, Start extends number, End extends number> =
  IsUnknownShape<S> extends true ? Shape : FlattenRule<`flatten(…, ${Start}, ${End})`, Start, End, S>;
export function flattenShape(op: string, input: RuntimeShape, start: number, end: number): RuntimeShape {
  return flattenRule(op, start, end, input);
}

/**
 * torch.flatten(x, startDim = 0, endDim = -1) (note: torch.flatten starts at 0, nn.Flatten at 1).
 *
 * @example
 * const x = input([64, 7, 7]);
 * ops.flatten(x, 1); // Symbolic<[number, 3136]>
 */
export function flatten<
  S extends Shape,
  const Start extends number = 0,
  const End extends number = -1,
  Out = FlattenOp<S, Start, End>,
>(x: Symbolic<S>, startDim?: Arg<Start, Problem<Out, S>>, endDim?: End): Symbolic<Result<Out>> {
  return operation("flatten", [startDim ?? 0, endDim ?? -1], [x]) as never;
}

type UnflattenOp<S extends Shape, D extends number, Sizes extends readonly number[]> =
  IsUnknownShape<S> extends true
    ? Shape
    : MinusOnes<Sizes> extends 0 | 1
      ? UnflattenRule<`unflatten(…, ${D}, ${ShowShape<Sizes>})`, D, Sizes, S>
      : writeReshapeCountMessage<`unflatten(…, ${D}, ${ShowShape<Sizes>})`>;
export function unflattenShape(op: string, input: RuntimeShape, dim: number, sizes: readonly number[]): RuntimeShape {
  oneInferred(op, sizes);
  return unflattenRule(op, dim, sizes, input);
}

/**
 * torch.unflatten(x, dim, sizes): dimension `dim` becomes `sizes` (one may be -1).
 *
 * @example
 * const x = input(["seq", 512], { batch: "b" });
 * ops.unflatten(x, -1, [8, 64]); // Symbolic<["b", "seq", 8, 64]>
 */
export const unflatten: <
  S extends Shape,
  const D extends number,
  const Sizes extends readonly number[],
  Out = UnflattenOp<S, D, Sizes>,
>(
  x: Symbolic<S>,
  dim: D,
  sizes: Checked<Sizes, Problem<Out, S>>,
) => Symbolic<Result<Out>> = onTensor("unflatten");

// ---- permute / transpose --------------------------------------------------------------------------

/** The message when permute's dims are not each dimension once. */
export type writePermuteMessage<
  Op extends string,
  Rank extends number,
> = `${Op}: dims must name each of the input's ${Rank} dimensions once`;

export type PermuteRule<S extends Shape, Dims extends readonly number[]> =
  IsUnknownShape<S> extends true
    ? Shape
    : Dims["length"] extends S["length"]
      ? PermuteDims<S, Dims, `permute(…, ${ShowShape<Dims>})`>
      : writePermuteMessage<`permute(…, ${ShowShape<Dims>})`, S["length"]>;
type PermuteDims<
  S extends Shape,
  Dims extends readonly number[],
  Op extends string,
  Out extends Dim[] = [],
  Seen = never,
> = Dims extends readonly [infer D extends number, ...infer Rest extends readonly number[]]
  ? DimIndex<D, S["length"]> extends infer Axis extends number
    ? [Axis] extends [Seen]
      ? writePermuteMessage<Op, S["length"]>
      : PermuteDims<S, Rest, Op, [...Out, S[Axis]], Seen | Axis>
    : writePermuteMessage<Op, S["length"]>
  : Out;

export function permuteShape(op: string, input: RuntimeShape, dims: readonly number[]): RuntimeShape {
  const axes = dims.map((dim) => dimIndex(dim, input.length));
  if (dims.length !== input.length || axes.some((axis, i) => axis === false || axes.indexOf(axis) !== i))
    fail(`${op}: dims must name each of the input's ${input.length} dimensions once`);
  return axes.map((axis) => input[axis as number]!);
}

/**
 * torch.permute(x, dims): the dimensions in a new order.
 *
 * @example
 * const image = input([3, 32, 32]);
 * ops.permute(image, [0, 2, 3, 1]); // Symbolic<[number, 32, 32, 3]>
 */
export const permute: <S extends Shape, const Dims extends readonly number[], Out = PermuteRule<S, Dims>>(
  x: Symbolic<S>,
  dims: Checked<Dims, Problem<Out, S>>,
) => Symbolic<Result<Out>> = onTensor("permute");

export type TransposeRule<S extends Shape, D0 extends number, D1 extends number> =
  IsUnknownShape<S> extends true
    ? Shape
    : DimIndex<D0, S["length"]> extends infer A0 extends number
      ? DimIndex<D1, S["length"]> extends infer A1 extends number
        ? { -readonly [K in keyof S]: K extends `${A0}` ? S[A1] : K extends `${A1}` ? S[A0] : S[K] }
        : writeDimRangeMessage<`transpose(…, ${D0}, ${D1})`, "dim1", D1, S["length"]>
      : writeDimRangeMessage<`transpose(…, ${D0}, ${D1})`, "dim0", D0, S["length"]>;

export function transposeShape(op: string, input: RuntimeShape, dim0: number, dim1: number): RuntimeShape {
  const a0 = axisOf(op, "dim0", dim0, input.length),
    a1 = axisOf(op, "dim1", dim1, input.length);
  return input.map((dim, i) => (i === a0 ? input[a1]! : i === a1 ? input[a0]! : dim));
}

/**
 * torch.transpose(x, dim0, dim1): two dimensions swapped.
 *
 * @example
 * const q = input([8, "seq", 64], { batch: "b" });
 * ops.transpose(q, -2, -1); // Symbolic<["b", 8, 64, "seq"]>
 */
export const transpose: <
  S extends Shape,
  const D0 extends number,
  const D1 extends number,
  Out = TransposeRule<S, D0, D1>,
>(
  x: Symbolic<S>,
  dim0: Arg<D0, DimProblem<Out, "dim0", S>>,
  dim1: Arg<D1, Problem<Out, S>>,
) => Symbolic<Result<Out>> = onTensor("transpose");

// ---- squeeze / unsqueeze --------------------------------------------------------------------------

/** The message when squeeze meets a dimension whose size the compiler does not know. */
export type writeSqueezeMessage<
  Op extends string,
  Axis extends number,
  D,
> = `${Op}: dimension ${Axis} is ${ShowDim<D>}, which the compiler cannot know is 1 or not: squeeze a dimension of known size`;

export type SqueezeRule<S extends Shape, D> =
  IsUnknownShape<S> extends true
    ? Shape
    : [D] extends [number]
      ? DimIndex<D, S["length"]> extends infer Axis extends number
        ? IsKnown<S[Axis]> extends true
          ? S[Axis] extends 1
            ? [...Take<S, Axis>, ...Drop<S, Add<Axis, 1> & number>]
            : S
          : writeSqueezeMessage<`squeeze(…, ${D})`, Axis, S[Axis]>
        : writeDimRangeMessage<`squeeze(…, ${D})`, "dim", D, S["length"]>
      : SqueezeAll<S>;
type SqueezeAll<S extends Shape, Out extends Dim[] = [], Axis extends 0[] = []> = S extends readonly [
  infer D extends Dim,
  ...infer Rest extends Shape,
]
  ? IsKnown<D> extends true
    ? SqueezeAll<Rest, D extends 1 ? Out : [...Out, D], [...Axis, 0]>
    : writeSqueezeMessage<"squeeze(…)", Axis["length"], D>
  : Out;

export function squeezeShape(op: string, input: RuntimeShape, dim?: number): RuntimeShape {
  // every dimension without `dim`
  const axes = dim === undefined ? input.map((_, i) => i) : [axisOf(op, "dim", dim, input.length)];
  const unknown = axes.find((axis) => !isKnown(input[axis]));
  if (unknown !== undefined)
    fail(
      `${op}: dimension ${unknown} is ${showDim(input[unknown]!)}, which the compiler cannot know is 1 or not: squeeze a dimension of known size`,
    );
  return input.filter((size, i) => !(size === 1 && axes.includes(i)));
}

/**
 * torch.squeeze(x, dim?): a dimension of size 1 removed (every one without `dim`). As in PyTorch, a
 * dimension of another known size is kept; one the compiler cannot know is an error.
 *
 * @example
 * const pooled = input([64, 1, 1]);
 * ops.squeeze(ops.squeeze(pooled, -1), -1); // Symbolic<[number, 64]>
 */
export function squeeze<S extends Shape, const D extends number | undefined = undefined, Out = SqueezeRule<S, D>>(
  x: Checked<Symbolic<S>, WaitingOn<D, [D] extends [undefined] ? Problem<Out, S> : false>>,
  dim?: Arg<D, [D] extends [undefined] ? false : Problem<Out, S>>,
): Symbolic<Result<Out>> {
  return operation("squeeze", dim === undefined ? [] : [dim], [x]) as never;
}

export type UnsqueezeRule<S extends Shape, D extends number> =
  IsUnknownShape<S> extends true
    ? Shape
    : DimIndex<D, Add<S["length"], 1> & number> extends infer Axis extends number
      ? [...Take<S, Axis>, 1, ...Drop<S, Axis>]
      : writeDimRangeMessage<`unsqueeze(…, ${D})`, "dim", D, Add<S["length"], 1> & number>;

export function unsqueezeShape(op: string, input: RuntimeShape, dim: number): RuntimeShape {
  const axis = axisOf(op, "dim", dim, input.length + 1);
  return [...input.slice(0, axis), 1, ...input.slice(axis)];
}

/**
 * torch.unsqueeze(x, dim): a dimension of size 1 inserted at `dim` (-1: at the end).
 *
 * @example
 * const scores = input(["seq"], { batch: "b" });
 * ops.unsqueeze(scores, 1); // Symbolic<["b", 1, "seq"]>
 */
export const unsqueeze: <S extends Shape, const D extends number, Out = UnsqueezeRule<S, D>>(
  x: Symbolic<S>,
  dim: Arg<D, Problem<Out, S>>,
) => Symbolic<Result<Out>> = onTensor("unsqueeze");

// ---- expand ---------------------------------------------------------------------------------------

/** The message when a size cannot be expanded to. */
export type writeExpandMessage<
  Op extends string,
  Axis extends number,
  From,
  To,
> = `${Op}: dimension ${Axis} of size ${ShowDim<From>} cannot expand to ${ShowDim<To>} (only a dimension of size 1 expands; -1 keeps it)`;
/** The message when there are fewer sizes than dimensions. */
export type writeExpandRankMessage<
  Op extends string,
  Rank extends number,
> = `${Op}: give at least one size for each of the input's ${Rank} dimensions`;

export type ExpandRule<S extends Shape, Sizes extends readonly Dim[]> =
  IsUnknownShape<S> extends true
    ? Shape
    : `expand(…, ${ShowShape<Sizes>})` extends infer Op extends string
      ? Sub<Sizes["length"], S["length"]> extends infer New extends number
        ? ExpandDims<Op, Take<Sizes, New>, Drop<Sizes, New>, S, New>
        : writeExpandRankMessage<Op, S["length"]>
      : never;
type ExpandDims<
  Op extends string,
  Out extends Dim[],
  Sizes extends readonly Dim[],
  S extends Shape,
  Axis extends number,
  Index extends 0[] = [],
> = [Sizes, S] extends [
  readonly [infer To extends Dim, ...infer RestSizes extends Dim[]],
  readonly [infer From extends Dim, ...infer RestS extends Shape],
]
  ? [To] extends [-1]
    ? ExpandDims<Op, [...Out, From], RestSizes, RestS, Axis, [...Index, 0]>
    : Same<To, From> extends true
      ? ExpandDims<Op, [...Out, From], RestSizes, RestS, Axis, [...Index, 0]>
      : From extends 1
        ? ExpandDims<Op, [...Out, To], RestSizes, RestS, Axis, [...Index, 0]>
        : IsKnown<From> extends false
          ? number extends From
            ? ExpandDims<Op, [...Out, To], RestSizes, RestS, Axis, [...Index, 0]>
            : writeExpandMessage<Op, Add<Axis, Index["length"]> & number, From, To>
          : number extends To
            ? ExpandDims<Op, [...Out, From], RestSizes, RestS, Axis, [...Index, 0]>
            : writeExpandMessage<Op, Add<Axis, Index["length"]> & number, From, To>
  : Out;

export function expandShape(op: string, input: RuntimeShape, sizes: readonly RuntimeDim[]): RuntimeShape {
  const added = sizes.length - input.length;
  if (added < 0) fail(`${op}: give at least one size for each of the input's ${input.length} dimensions`);
  return sizes.map((to, i) => {
    if (i < added) return to;
    const from = input[i - added]!;
    if (to === -1 || to === from) return from;
    if (from === 1 || from === null) return to;
    if (typeof from === "string" || to !== null)
      fail(
        `${op}: dimension ${i} of size ${showDim(from)} cannot expand to ${showDim(to)} (only a dimension of size 1 expands; -1 keeps it)`,
      );
    return from;
  });
}

/**
 * Tensor.expand(*sizes), as `ops.expand(x, sizes)`: dimensions of size 1 repeated (no copy); -1 keeps a
 * dimension; new leading dimensions may be added.
 *
 * @example
 * const gate = input([64, 1, 1]);
 * ops.expand(gate, [-1, -1, 8, 8]); // Symbolic<[number, 64, 8, 8]>
 */
export const expand: <S extends Shape, const Sizes extends readonly Dim[], Out = ExpandRule<S, Sizes>>(
  x: Symbolic<S>,
  sizes: Checked<Sizes, Problem<Out, S>>,
) => Symbolic<Result<Out>> = onTensor("expand");

// ---- select / narrow ------------------------------------------------------------------------------

/** The message when an index is past a dimension's size. */
export type writeIndexMessage<
  Op extends string,
  What extends string,
  Axis extends number,
  Size,
> = `${Op}: ${What} is out of range for dimension ${Axis} of size ${ShowDim<Size>}`;
export const writeIndexMessage = (op: string, what: string, axis: number, size: RuntimeDim): string =>
  `${op}: ${what} is out of range for dimension ${axis} of size ${showDim(size)}`;

/** Whether index `I` (negative from the end) is inside a dimension of size `Size` (unknown sizes: yes, checked at build). */
type InRange<I extends number, Size> =
  IsKnown<Size> extends false
    ? true
    : `${I}` extends `-${infer Back extends number}`
      ? Compare<Back, Size> extends "gt"
        ? false
        : true
      : Compare<I, Size> extends "lt"
        ? true
        : false;
const inRange = (index: number, size: RuntimeDim): boolean =>
  !isKnown(size) || (index < 0 ? -index <= size : index < size);

export type SelectRule<S extends Shape, D extends number, I extends number> =
  IsUnknownShape<S> extends true
    ? Shape
    : DimIndex<D, S["length"]> extends infer Axis extends number
      ? InRange<I, S[Axis]> extends true
        ? [...Take<S, Axis>, ...Drop<S, Add<Axis, 1> & number>]
        : writeIndexMessage<`select(…, ${D}, ${I})`, `index ${I}`, Axis, S[Axis]>
      : writeDimRangeMessage<`select(…, ${D}, ${I})`, "dim", D, S["length"]>;

export function selectShape(op: string, input: RuntimeShape, dim: number, index: number): RuntimeShape {
  const axis = axisOf(op, "dim", dim, input.length);
  if (!Number.isInteger(index) || !inRange(index, input[axis]!))
    fail(writeIndexMessage(op, `index ${index}`, axis, input[axis]!));
  return input.filter((_, i) => i !== axis);
}

/**
 * torch.select(x, dim, index): one index of a dimension, which is removed; `ops.select(x, 1, -1)` is
 * PyTorch's `x[:, -1]` (an LSTM's last step).
 *
 * @example
 * const steps = input(["seq", 128], { batch: "b" });
 * ops.select(steps, 1, -1); // Symbolic<["b", 128]>
 */
export const select: <S extends Shape, const D extends number, const I extends number, Out = SelectRule<S, D, I>>(
  x: Symbolic<S>,
  dim: Arg<D, DimProblem<Out, "dim", S>>,
  index: Arg<I, Problem<Out, S>>,
) => Symbolic<Result<Out>> = onTensor("select");

export type NarrowRule<S extends Shape, D extends number, Start extends number, Length extends number> =
  IsUnknownShape<S> extends true
    ? Shape
    : `narrow(…, ${D}, ${Start}, ${Length})` extends infer Op extends string
      ? DimIndex<D, S["length"]> extends infer Axis extends number
        ? InRange<Start, S[Axis]> extends false
          ? writeIndexMessage<Op, `start ${Start}`, Axis, S[Axis]>
          : IsKnown<S[Axis]> extends false
            ? Replace<S, Axis, Length>
            : (`${Start}` extends `-${infer Back extends number}` ? Sub<S[Axis], Back> : Start) extends infer First
              ? Compare<Add<First, Length>, S[Axis]> extends "gt"
                ? writeIndexMessage<Op, `start ${Start} + length ${Length}`, Axis, S[Axis]>
                : Replace<S, Axis, Length>
              : never
        : writeDimRangeMessage<Op, "dim", D, S["length"]>
      : never;

export function narrowShape(op: string, input: RuntimeShape, dim: number, start: number, length: number): RuntimeShape {
  const axis = axisOf(op, "dim", dim, input.length);
  const size = input[axis]!;
  if (!inRange(start, size)) fail(writeIndexMessage(op, `start ${start}`, axis, size));
  if (isKnown(size) && (start < 0 ? size + start : start) + length > size)
    fail(writeIndexMessage(op, `start ${start} + length ${length}`, axis, size));
  return input.map((one, i) => (i === axis ? length : one));
}

/**
 * torch.narrow(x, dim, start, length): `length` indices of a dimension from `start`.
 *
 * @example
 * const x = input([10, 64]);
 * ops.narrow(x, 1, 2, 5); // Symbolic<[number, 5, 64]>
 */
export const narrow: <
  S extends Shape,
  const D extends number,
  const Start extends number,
  const Length extends number,
  Out = NarrowRule<S, D, Start, Length>,
>(
  x: Symbolic<S>,
  dim: D,
  start: Start,
  length: Arg<Length, Problem<Out, S>>,
) => Symbolic<Result<Out>> = onTensor("narrow");

// ---- split / chunk --------------------------------------------------------------------------------

/** The message when the pieces' count depends on a size the compiler does not know. */
export type writeSplitUnknownMessage<
  Op extends string,
  Axis extends number,
  D,
> = `${Op}: dimension ${Axis} is ${ShowDim<D>}: the compiler needs its size to know how many tensors there are`;
/** The message when split's sizes do not add up. */
export type writeSplitSumMessage<
  Op extends string,
  Axis extends number,
  Size,
  Sum,
> = `${Op}: the sizes add up to ${Sum & number}, not to the size ${ShowDim<Size>} of dimension ${Axis}`;
/** The message for a size below 1. */
export type writeSplitSizeMessage<Op extends string> = `${Op}: the size of the pieces must be at least 1`;
export const writeSplitSizeMessage = (op: string): string => `${op}: the size of the pieces must be at least 1`;

type Pieces<Size, Each, Done extends unknown[] = []> = Done["length"] extends 256
  ? never
  : Compare<Size, Each> extends "gt"
    ? Pieces<Sub<Size, Each>, Each, [...Done, Each]>
    : [...Done, Size];
type Sum<Sizes extends readonly unknown[], Total = 0> = Sizes extends readonly [infer One, ...infer Rest]
  ? Sum<Rest, Add<Total, One>>
  : Total;

/** The sizes of split's pieces along `Axis`, or the message. */
export type SplitRule<S extends Shape, SplitSize, D extends number, Op extends string> =
  IsUnknownShape<S> extends true
    ? Shape[]
    : DimIndex<D, S["length"]> extends infer Axis extends number
      ? SplitSize extends readonly number[]
        ? IsKnown<S[Axis]> extends false
          ? Sized<S, Axis, SplitSize>
          : Same<Sum<SplitSize>, S[Axis]> extends true
            ? Sized<S, Axis, SplitSize>
            : writeSplitSumMessage<Op, Axis, S[Axis], Sum<SplitSize>>
        : IsKnown<S[Axis]> extends false
          ? writeSplitUnknownMessage<Op, Axis, S[Axis]>
          : Compare<SplitSize, 0> extends "gt"
            ? Sized<S, Axis, Pieces<S[Axis], SplitSize>>
            : writeSplitSizeMessage<Op>
      : writeDimRangeMessage<Op, "dim", D, S["length"]>;
type Sized<S extends Shape, Axis extends number, Sizes extends readonly unknown[]> = {
  -readonly [K in keyof Sizes]: Replace<S, Axis, Sizes[K]>;
};
type ChunkRule<S extends Shape, Chunks extends number, D extends number> =
  IsUnknownShape<S> extends true
    ? Shape[]
    : `chunk(…, ${Chunks}, ${D})` extends infer Op extends string
      ? Compare<Chunks, 0> extends "gt"
        ? DimIndex<D, S["length"]> extends infer Axis extends number
          ? IsKnown<S[Axis]> extends true
            ? SplitRule<S, CeilDiv<S[Axis], Chunks>, D, Op>
            : writeSplitUnknownMessage<Op, Axis, S[Axis]>
          : writeDimRangeMessage<Op, "dim", D, S["length"]>
        : writeSplitSizeMessage<Op>
      : never;
type Tensors<Rule> = Rule extends string
  ? Symbolic<Shape>[]
  : { -readonly [K in keyof Rule]: Rule[K] extends Shape ? Symbolic<Rule[K]> : never };

/** The pieces of split (sizes of each along the axis; chunk: `splitSize` is the number of pieces), or the ShapeError. */
export function splitSizes(
  op: string,
  input: RuntimeShape,
  splitSize: number | readonly number[],
  dim: number,
  chunks = false,
): number[] {
  const axis = axisOf(op, "dim", dim, input.length);
  const size = input[axis]!;
  if (typeof splitSize !== "number") {
    const sum = splitSize.reduce((a, b) => a + b, 0);
    if (isKnown(size) && sum !== size)
      fail(`${op}: the sizes add up to ${sum}, not to the size ${showDim(size)} of dimension ${axis}`);
    return [...splitSize];
  }
  if (!isKnown(size))
    fail(
      `${op}: dimension ${axis} is ${showDim(size)}: the compiler needs its size to know how many tensors there are`,
    );
  const each = chunks ? Math.ceil(size / splitSize) : splitSize;
  if (!(each >= 1)) fail(writeSplitSizeMessage(op));
  const pieces: number[] = [];
  for (let left = size; left > 0 || pieces.length === 0; left -= each) pieces.push(Math.min(left, each));
  return pieces;
}
/** split's and chunk's tensors: one narrow of `x` along `dim` per piece (chunk: `arg` is the number of pieces). */
function pieces(name: "split" | "chunk", x: unknown, arg: number | readonly number[], dim: number): never {
  const op = writtenOp(name, [arg, dim]);
  const shape = (x as { shape: RuntimeShape }).shape;
  if (name === "chunk" && !((arg as number) >= 1)) fail(writeSplitSizeMessage(op));
  let start = 0;
  return splitSizes(op, shape, arg, dim, name === "chunk").map((length) =>
    operation("narrow", [dim, (start += length) - length, length], [x]),
  ) as never;
}

/**
 * torch.split(x, splitSize | sizes, dim = 0): a tuple of tensors along `dim`.
 *
 * @example
 * const qkv = input(["seq", 192], { batch: "b" });
 * const [q, k, v] = ops.split(qkv, 64, -1);
 * v; // Symbolic<["b", "seq", 64]>
 */
export function split<S extends Shape, const SplitSize extends number | readonly number[], const D extends number = 0>(
  x: Symbolic<S>,
  splitSize: Checked<
    SplitSize,
    Problem<
      SplitRule<
        S,
        SplitSize,
        D,
        `split(…, ${SplitSize extends readonly number[] ? ShowShape<SplitSize> : SplitSize & number}, ${D})`
      >
    >
  >,
  dim?: D,
): Tensors<
  SplitRule<
    S,
    SplitSize,
    D,
    `split(…, ${SplitSize extends readonly number[] ? ShowShape<SplitSize> : SplitSize & number}, ${D})`
  >
> {
  return pieces("split", x, splitSize as number | readonly number[], dim ?? 0);
}

/**
 * torch.chunk(x, chunks, dim = 0): `chunks` tensors of ⌈size / chunks⌉ along `dim` (the last smaller, as PyTorch).
 *
 * @example
 * const qkv = input(["seq", 192], { batch: "b" });
 * const [q, k, v] = ops.chunk(qkv, 3, -1);
 * q; // Symbolic<["b", "seq", 64]>
 */
export function chunk<
  S extends Shape,
  const Chunks extends number,
  const D extends number = 0,
  Out = ChunkRule<S, Chunks, D>,
>(x: Symbolic<S>, chunks: Arg<Chunks, Problem<Out, S>>, dim?: D): Tensors<ChunkRule<S, Chunks, D>> {
  return pieces("chunk", x, chunks, dim ?? 0);
}
