// nn.upsample, nn.upsamplingNearest2d, nn.upsamplingBilinear2d: PyTorch's Upsample (and its two 2d subclasses) with
// an options object: `{ size }` or `{ scaleFactor }` (one value or one per spatial dimension), `mode`, `alignCorners`.
import type { Layer, ShapeRule } from "../../../types/model/layer.ts";
import type { Checked, IsOptions, TrailingOptionsProblem } from "../../../types/shape/args.ts";
import type { ArgProblems } from "../../../types/shape/plain.ts";
import type { PositionalProblems, PositionalSettings } from "../../../types/shape/positional.ts";
import type { RuntimeLayer } from "../../model/layer.ts";
import type { RuntimeShape } from "../../shape/dims.ts";
import { fail } from "../../ops/fail.ts";
import { checkOptionTypes, expected, positionalOptions } from "../../shape/args.ts";
import type { KindConfig } from "../layer-config.ts";
import type { UpsampleMode, UpsampleName, UpsampleRule } from "./upsample.types.ts";
import { upsampleModes, upsampleName, upsampleRule } from "./upsample.ts";
import { settingsOf } from "../conv/torch-arguments.ts";

/** PyTorch's arguments of Upsample: exactly one of `size` and `scaleFactor`; mode "nearest" by default. */
export interface UpsampleOptions {
  readonly size?: number | readonly number[];
  readonly scaleFactor?: number | readonly number[];
  readonly mode?: UpsampleMode;
  /** Only with linear, bilinear, bicubic and trilinear (PyTorch's default false). */
  readonly alignCorners?: boolean;
}
interface OptionTypes {
  size: number | readonly number[];
  scaleFactor: number | readonly number[];
  mode: UpsampleMode;
  alignCorners: boolean;
}
interface Expected {
  size: "a size or one per spatial dimension";
  scaleFactor: "a number or one per spatial dimension";
  mode: "'nearest', 'linear', 'bilinear', 'bicubic' or 'trilinear'";
  alignCorners: "true or false";
}
const isNumbers = (value: unknown) =>
  typeof value === "number" || (Array.isArray(value) && value.every((v) => typeof v === "number"));
const optionTypes = {
  size: ["a size or one per spatial dimension", isNumbers],
  scaleFactor: ["a number or one per spatial dimension", isNumbers],
  mode: [
    "'nearest', 'linear', 'bilinear', 'bicubic' or 'trilinear'",
    (value: unknown) => upsampleModes.includes(value as UpsampleMode),
  ],
  alignCorners: expected.boolean,
} as const;

/** The message when neither or both of size and scaleFactor are given. */
export type writeUpsampleEitherMessage<Layer extends string> =
  `${Layer}: give either size or scaleFactor (one of them)`;
export const writeUpsampleEitherMessage = (layer: string): string =>
  `${layer}: give either size or scaleFactor (one of them)`;
export type writeUpsampleSizeMessage<Layer extends string> = `${Layer}: every size must be an integer ≥ 1`;
export const writeUpsampleSizeMessage = (layer: string): string => `${layer}: every size must be an integer ≥ 1`;
export type writeUpsampleFactorMessage<Layer extends string> = `${Layer}: every scale factor must be greater than 0`;
export const writeUpsampleFactorMessage = (layer: string): string =>
  `${layer}: every scale factor must be greater than 0`;
export type writeAlignCornersMessage<Layer extends string> =
  `${Layer}: alignCorners can only be set with the interpolating modes linear, bilinear, bicubic and trilinear`;
export const writeAlignCornersMessage = (layer: string): string =>
  `${layer}: alignCorners can only be set with the interpolating modes linear, bilinear, bicubic and trilinear`;

type Field<O, K extends string> = O extends { readonly [P in K]: infer V } ? V : undefined;
type Values<V> = V extends readonly number[] ? V[number] : V;
type NotSize<V> = V extends number
  ? `${V}` extends `-${string}` | `${string}.${string}` | "0" | `${string}e${string}`
    ? true
    : false
  : false;
type NotFactor<V> = V extends number ? (`${V}` extends `-${string}` | "0" ? true : false) : false;
/** The problem of Upsample's options object (after unknown keys and value types). */
type UpsampleValuesProblem<Layer extends string, O, Mode> = [Field<O, "size">, Field<O, "scaleFactor">] extends
  [undefined, undefined] | [{}, {}]
  ? writeUpsampleEitherMessage<Layer>
  : true extends NotSize<Values<Field<O, "size">>>
    ? writeUpsampleSizeMessage<Layer>
    : true extends NotFactor<Values<Field<O, "scaleFactor">>>
      ? writeUpsampleFactorMessage<Layer>
      : [Mode, Field<O, "alignCorners">] extends ["nearest", boolean]
        ? writeAlignCornersMessage<Layer>
        : false;
type OptionsProblem<Kind extends string, Keys extends string, O, Mode> =
  TrailingOptionsProblem<
    UpsampleName<Kind, Field<O, "size">, Field<O, "scaleFactor">, Field<O, "mode">>,
    `nn.${Kind}`,
    O,
    Keys,
    OptionTypes,
    Expected
  > extends infer P extends string
    ? P
    : UpsampleValuesProblem<UpsampleName<Kind, Field<O, "size">, Field<O, "scaleFactor">, Field<O, "mode">>, O, Mode>;
type ModeOf<O> = Field<O, "mode"> extends infer M extends UpsampleMode ? M : "nearest";

// PyTorch's arguments positionally (`nn.upsample(null, 2, "bilinear")`, None as null), then an options object: each
// value checked as the option of its name; the checks of the whole (size or scaleFactor, …) on the last argument given.
/** PyTorch's order of Upsample's arguments. */
type UpsampleNames = ["size", "scaleFactor", "mode", "alignCorners"];
/** Every argument as one options object (the first alone when it is the options object). */
type SettingsOf<Names extends readonly string[], Rest extends readonly unknown[]> = Rest extends readonly [
  infer First,
  ...infer Later,
]
  ? IsOptions<First> extends true
    ? {} extends Later[number]
      ? First
      : PositionalSettings<Names, Rest, null | undefined>
    : PositionalSettings<Names, Rest, null | undefined>
  : never;
type IsGiven<Value> = [Value] extends [undefined | null] ? false : {} extends Value ? false : true;
/** The index of the last argument given (the first one at least). */
type LastGiven<
  Rest extends readonly unknown[],
  Index extends unknown[] = [],
  Last extends number = 0,
> = Rest extends readonly [infer Value, ...infer Others]
  ? LastGiven<Others, [...Index, 0], IsGiven<Value> extends true ? Index["length"] : Last>
  : Last;
type ArgsProblems<
  Kind extends string,
  Keys extends string,
  Names extends readonly string[],
  Rest extends readonly unknown[],
  Mode,
  O = SettingsOf<Names, Rest>,
> = Rest extends readonly [infer First, ...infer Later]
  ? IsOptions<First> extends true
    ? {} extends Later[number]
      ? [OptionsProblem<Kind, Keys, First, Mode>] // the options object alone
      : WholeProblems<Kind, Keys, Names, Rest, Mode, O>
    : WholeProblems<Kind, Keys, Names, Rest, Mode, O>
  : never;
type WholeProblems<
  Kind extends string,
  Keys extends string,
  Names extends readonly string[],
  Rest extends readonly unknown[],
  Mode,
  O,
> =
  PositionalProblems<
    UpsampleName<Kind, Field<O, "size">, Field<O, "scaleFactor">, Field<O, "mode">>,
    `nn.${Kind}`,
    Names,
    Rest,
    Keys,
    OptionTypes,
    Expected,
    null | undefined
  > extends infer Each extends readonly unknown[]
    ? Each[number] extends false
      ? OptionsProblem<Kind, Keys, O, Mode> extends infer Whole
        ? { [I in keyof Each]: I extends `${LastGiven<Rest>}` ? Whole : false }
        : never
      : Each
    : never;

/**
 * `nn.upsample({ scaleFactor: 2 })` and the 2d subclasses: the spatial dimensions resized.
 *
 * @example
 * type T = Upsample<"upsample", "upsample(scaleFactor 2)", "nearest", undefined, 2>; // [n, 3, 16, 16] → [n, 3, 32, 32]
 */
export interface Upsample<Kind extends UpsampleKind, Name extends string, Mode, Size, Factor>
  extends Layer, RuntimeLayer {
  readonly kind: Kind;
  readonly "~rule": UpsampleShapeRule<Name, Mode, Size, Factor>;
}
/** The shape rule of Upsample. */
export interface UpsampleShapeRule<Name extends string, Mode, Size, Factor> extends ShapeRule {
  readonly "~output": UpsampleRule<Name, Mode, Size, Factor, this["~input"]>;
}
export type UpsampleKind = "upsample" | "upsamplingNearest2d" | "upsamplingBilinear2d";

/** The config of upsample, upsamplingNearest2d and upsamplingBilinear2d (its runtime object). */
export interface UpsampleConfig extends KindConfig<UpsampleKind> {
  /** null when scaleFactor is given. */
  readonly size: number | readonly number[] | null;
  readonly scaleFactor: number | readonly number[] | null;
  readonly mode: UpsampleMode;
  readonly alignCorners: boolean;
}

/**
 * The builder of nn.upsample, or of upsamplingNearest2d / upsamplingBilinear2d (their `fixed` mode and alignCorners;
 * size and scaleFactor their only arguments).
 */
function upsampleOf(kind: UpsampleKind, fixed: Partial<UpsampleOptions>) {
  // PyTorch's order; the 2d subclasses take the first two
  const keys = ["size", "scaleFactor", "mode", "alignCorners"].slice(0, fixed.mode === undefined ? 4 : 2);
  return (...args: unknown[]): never => {
    // PyTorch's arguments positionally (None as null) up to an options object, as one options object
    const present = args.map((arg) => (arg === null ? undefined : arg));
    const given = settingsOf<UpsampleOptions>(keys, present);
    const layer = upsampleName(kind, given.size, given.scaleFactor, given.mode);
    positionalOptions(layer, `nn.${kind}`, keys, present, keys); // its checks: the order, the keys, given twice
    checkOptionTypes(layer, given, optionTypes);
    const { size, scaleFactor } = given;
    if ((size === undefined) === (scaleFactor === undefined)) fail(writeUpsampleEitherMessage(layer));
    if ([size ?? []].flat().some((s) => !Number.isInteger(s) || s < 1)) fail(writeUpsampleSizeMessage(layer));
    if ([scaleFactor ?? []].flat().some((f) => !(f > 0))) fail(writeUpsampleFactorMessage(layer));
    const mode = fixed.mode ?? given.mode ?? "nearest";
    if (mode === "nearest" && given.alignCorners !== undefined) fail(writeAlignCornersMessage(layer));
    const runtime: UpsampleConfig = {
      kind,
      written: layer,
      size: size ?? null,
      scaleFactor: scaleFactor ?? null,
      mode,
      alignCorners: fixed.alignCorners ?? given.alignCorners ?? false,
      outputShape: (input: RuntimeShape) => upsampleRule(layer, mode, size, scaleFactor, input),
    };
    return runtime as never;
  };
}

/**
 * PyTorch's `nn.Upsample(size=None, scale_factor=None, mode='nearest', align_corners=None)`: `{ size }` or
 * `{ scaleFactor }` (output ⌊size × scaleFactor⌋), on 1 to 3 spatial dimensions for "nearest", 1 for "linear", 2 for
 * "bilinear" and "bicubic", 3 for "trilinear".
 *
 * @example
 * nn.upsample({ scaleFactor: 2 }); // [n, 64, 16, 16] → [n, 64, 32, 32]
 * nn.upsample({ size: [7, 9], mode: "bilinear", alignCorners: true }); // [n, 3, 4, 4] → [n, 3, 7, 9]
 */
export const upsample: <
  const First extends number | readonly number[] | object | null | undefined,
  const Second extends number | readonly number[] | object | null | undefined = {},
  const Third extends string | object | null | undefined = {},
  const Fourth extends boolean | object | null | undefined = {},
  const Options extends object = {},
  O = SettingsOf<UpsampleNames, [First, Second, Third, Fourth, Options]>,
  Problems extends ArgProblems = ArgsProblems<
    "upsample",
    keyof UpsampleOptions,
    UpsampleNames,
    [First, Second, Third, Fourth, Options],
    ModeOf<O>,
    O
  >,
>(
  sizeOrOptions: Checked<First, Problems[0]>,
  scaleFactorOrOptions?: Checked<Second, Problems[1]>,
  modeOrOptions?: Checked<Third, Problems[2]>,
  alignCornersOrOptions?: Checked<Fourth, Problems[3]>,
  options?: Checked<Options, Problems[4]>,
) => Upsample<
  "upsample",
  UpsampleName<"upsample", Field<O, "size">, Field<O, "scaleFactor">, Field<O, "mode">>,
  ModeOf<O>,
  Field<O, "size">,
  Field<O, "scaleFactor">
> = upsampleOf("upsample", {});
/**
 * PyTorch's `nn.UpsamplingNearest2d(size=None, scale_factor=None)`: upsample in mode "nearest".
 *
 * @example
 * nn.upsamplingNearest2d({ scaleFactor: 2 }); // [n, 64, 16, 16] → [n, 64, 32, 32]
 */
export const upsamplingNearest2d: <
  const First extends number | readonly number[] | object | null | undefined,
  const Second extends number | readonly number[] | object | null | undefined = {},
  const Options extends object = {},
  O = SettingsOf<["size", "scaleFactor"], [First, Second, Options]>,
  Problems extends ArgProblems = ArgsProblems<
    "upsamplingNearest2d",
    "size" | "scaleFactor",
    ["size", "scaleFactor"],
    [First, Second, Options],
    "nearest",
    O
  >,
>(
  sizeOrOptions: Checked<First, Problems[0]>,
  scaleFactorOrOptions?: Checked<Second, Problems[1]>,
  options?: Checked<Options, Problems[2]>,
) => Upsample<
  "upsamplingNearest2d",
  UpsampleName<"upsamplingNearest2d", Field<O, "size">, Field<O, "scaleFactor">, undefined>,
  "nearest",
  Field<O, "size">,
  Field<O, "scaleFactor">
> = upsampleOf("upsamplingNearest2d", { mode: "nearest" });
/**
 * PyTorch's `nn.UpsamplingBilinear2d(size=None, scale_factor=None)`: upsample in mode "bilinear" with
 * alignCorners true, on [batch, channels, height, width].
 *
 * @example
 * nn.upsamplingBilinear2d({ size: [32, 48] }); // [n, 64, 16, 16] → [n, 64, 32, 48]
 */
export const upsamplingBilinear2d: <
  const First extends number | readonly number[] | object | null | undefined,
  const Second extends number | readonly number[] | object | null | undefined = {},
  const Options extends object = {},
  O = SettingsOf<["size", "scaleFactor"], [First, Second, Options]>,
  Problems extends ArgProblems = ArgsProblems<
    "upsamplingBilinear2d",
    "size" | "scaleFactor",
    ["size", "scaleFactor"],
    [First, Second, Options],
    "bilinear",
    O
  >,
>(
  sizeOrOptions: Checked<First, Problems[0]>,
  scaleFactorOrOptions?: Checked<Second, Problems[1]>,
  options?: Checked<Options, Problems[2]>,
) => Upsample<
  "upsamplingBilinear2d",
  UpsampleName<"upsamplingBilinear2d", Field<O, "size">, Field<O, "scaleFactor">, undefined>,
  "bilinear",
  Field<O, "size">,
  Field<O, "scaleFactor">
> = upsampleOf("upsamplingBilinear2d", { mode: "bilinear", alignCorners: true });
