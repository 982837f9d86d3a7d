// nn.adaptiveAvgPool1d/2d/3d / adaptiveMaxPool1d/2d/3d: PyTorch's adaptive pooling, channels-first.
import type { Layer, ShapeRule } from "../../../types/model/layer.ts";
import type { AdaptivePoolRule } from "./adaptive-pool.types.ts";
import type { Checked, FirstSizeProblem, PerDim, TupleLengthProblem } from "../../../types/shape/args.ts";
import type { FirstProblem } from "../../../types/shape/problems.ts";
import type { ArgProblems, IsPlainSizeArg } from "../../../types/shape/plain.ts";
import type { RuntimeLayer } from "../../model/layer.ts";
import type { KindConfig } from "../layer-config.ts";
import { checkArguments, checkSizes, checkTupleLength, perDim } from "../../shape/args.ts";
import { adaptivePoolRule } from "./adaptive-pool.ts";
import { builder } from "../conv/torch-arguments.ts";
import type { RuntimeShape } from "../../shape/dims.ts";

/** An output size: one number for every spatial dimension, or a tuple (2d: `null` keeps that input size, PyTorch's None). */
export type OutputSizeArg = number | readonly (number | null)[];

/** How messages write an output size: `7`, `[null, 7]`. */
export type WrittenOutputSize<Size> = Size extends readonly unknown[] ? `[${JoinSizes<Size>}]` : `${Size & number}`;
type JoinSizes<Sizes extends readonly unknown[], Text extends string = ""> = Sizes extends readonly [
  infer First,
  ...infer Rest,
]
  ? JoinSizes<Rest, `${Text}${Text extends "" ? "" : ", "}${First extends null ? "null" : First & number}`>
  : Text;

type Rule<Kind extends string, Rank extends number, Size, Input> = AdaptivePoolRule<
  `${Kind}(${WrittenOutputSize<Size>})`,
  Rank,
  PerDim<Size, Rank>,
  Input
>;

interface AdaptivePoolLayer<Size> extends Layer, RuntimeLayer {
  readonly outputSize: Size;
}
/**
 * `nn.adaptiveAvgPool1d(outputSize)`: [batch, channels, length] → [batch, channels, outputSize].
 *
 * @example
 * type T = AdaptiveAvgPool1d<4>; // [n, 16, 50] → [n, 16, 4]
 */
export interface AdaptiveAvgPool1d<Size> extends AdaptivePoolLayer<Size> {
  readonly kind: "adaptiveAvgPool1d";
  readonly "~rule": AdaptiveAvgPool1dShapeRule<Size>;
}
/** The shape rule of AdaptiveAvgPool1d. */
export interface AdaptiveAvgPool1dShapeRule<Size> extends ShapeRule {
  readonly "~output": Rule<"adaptiveAvgPool1d", 1, Size, this["~input"]>;
}
/**
 * `nn.adaptiveAvgPool2d(outputSize)`: [batch, channels, height, width] → [batch, channels, ...outputSize].
 *
 * @example
 * type T = AdaptiveAvgPool2d<[null, 7]>; // [n, 512, 13, 9] → [n, 512, 13, 7]
 */
export interface AdaptiveAvgPool2d<Size> extends AdaptivePoolLayer<Size> {
  readonly kind: "adaptiveAvgPool2d";
  readonly "~rule": AdaptiveAvgPool2dShapeRule<Size>;
}
/** The shape rule of AdaptiveAvgPool2d. */
export interface AdaptiveAvgPool2dShapeRule<Size> extends ShapeRule {
  readonly "~output": Rule<"adaptiveAvgPool2d", 2, Size, this["~input"]>;
}
/**
 * `nn.adaptiveMaxPool2d(outputSize)`: [batch, channels, height, width] → [batch, channels, ...outputSize].
 *
 * @example
 * type T = AdaptiveMaxPool2d<1>; // [n, 512, h, w] → [n, 512, 1, 1]
 */
export interface AdaptiveMaxPool2d<Size> extends AdaptivePoolLayer<Size> {
  readonly kind: "adaptiveMaxPool2d";
  readonly "~rule": AdaptiveMaxPool2dShapeRule<Size>;
}
/** The shape rule of AdaptiveMaxPool2d. */
export interface AdaptiveMaxPool2dShapeRule<Size> extends ShapeRule {
  readonly "~output": Rule<"adaptiveMaxPool2d", 2, Size, this["~input"]>;
}

/**
 * `nn.adaptiveMaxPool1d(outputSize)`: [batch, channels, length] → [batch, channels, outputSize].
 *
 * @example
 * type T = AdaptiveMaxPool1d<4>; // [n, 16, 50] → [n, 16, 4]
 */
export interface AdaptiveMaxPool1d<Size> extends AdaptivePoolLayer<Size> {
  readonly kind: "adaptiveMaxPool1d";
  readonly "~rule": AdaptiveMaxPool1dShapeRule<Size>;
}
/** The shape rule of AdaptiveMaxPool1d. */
export interface AdaptiveMaxPool1dShapeRule<Size> extends ShapeRule {
  readonly "~output": Rule<"adaptiveMaxPool1d", 1, Size, this["~input"]>;
}
/**
 * `nn.adaptiveAvgPool3d(outputSize)`: [batch, channels, depth, height, width] → [batch, channels, ...outputSize].
 *
 * @example
 * type T = AdaptiveAvgPool3d<[1, null, 2]>; // [n, 8, 5, 6, 7] → [n, 8, 1, 6, 2]
 */
export interface AdaptiveAvgPool3d<Size> extends AdaptivePoolLayer<Size> {
  readonly kind: "adaptiveAvgPool3d";
  readonly "~rule": AdaptiveAvgPool3dShapeRule<Size>;
}
/** The shape rule of AdaptiveAvgPool3d. */
export interface AdaptiveAvgPool3dShapeRule<Size> extends ShapeRule {
  readonly "~output": Rule<"adaptiveAvgPool3d", 3, Size, this["~input"]>;
}
/**
 * `nn.adaptiveMaxPool3d(outputSize)`: [batch, channels, depth, height, width] → [batch, channels, ...outputSize].
 *
 * @example
 * type T = AdaptiveMaxPool3d<2>; // [n, 8, 5, 6, 7] → [n, 8, 2, 2, 2]
 */
export interface AdaptiveMaxPool3d<Size> extends AdaptivePoolLayer<Size> {
  readonly kind: "adaptiveMaxPool3d";
  readonly "~rule": AdaptiveMaxPool3dShapeRule<Size>;
}
/** The shape rule of AdaptiveMaxPool3d. */
export interface AdaptiveMaxPool3dShapeRule<Size> extends ShapeRule {
  readonly "~output": Rule<"adaptiveMaxPool3d", 3, Size, this["~input"]>;
}

type WithoutNulls<Sizes, Kept extends unknown[] = []> = Sizes extends readonly [infer First, ...infer Rest]
  ? WithoutNulls<Rest, First extends null ? Kept : [...Kept, First]>
  : Kept;
/** Each size a non-negative integer (PyTorch accepts 0) or, in a tuple of a 2d layer, `null`; a tuple of `Rank`. */
type OutputSizeProblem<Layer extends string, Size, Rank extends number, AllowNull extends boolean> = FirstProblem<
  [
    [Size] extends [readonly unknown[]]
      ? AllowNull extends true
        ? FirstSizeProblem<Layer, ["outputSize"], [WithoutNulls<Size>], 0>
        : FirstSizeProblem<Layer, ["outputSize"], [Size], 0>
      : FirstSizeProblem<Layer, ["outputSize"], [Size], 0>,
    TupleLengthProblem<Layer, "outputSize", Size, Rank>,
  ]
>;
type OutputSizeProblems<Kind extends string, Rank extends number, Size, AllowNull extends boolean> =
  IsPlainSizeArg<Size, Rank> extends true
    ? [false]
    : [OutputSizeProblem<`${Kind}(${WrittenOutputSize<Size>})`, Size, Rank, AllowNull>];

/**
 * PyTorch's `nn.AdaptiveAvgPool1d(output_size)`: averages windows chosen so that the length becomes `outputSize`.
 *
 * @example
 * nn.adaptiveAvgPool1d(4); // [n, 16, 50] → [n, 16, 4]
 */
export const adaptiveAvgPool1d: <
  const Size extends number | readonly number[],
  Problems extends ArgProblems = OutputSizeProblems<"adaptiveAvgPool1d", 1, Size, false>,
>(
  outputSize: Checked<Size, Problems[0]>,
) => AdaptiveAvgPool1d<Size> = builder(adaptivePool, "adaptiveAvgPool1d");
/**
 * PyTorch's `nn.AdaptiveAvgPool2d(output_size)`: averages windows chosen so that height and width become `outputSize`
 * (a number for both, or `[height, width]` where `null` keeps that input size).
 *
 * @example
 * nn.adaptiveAvgPool2d([7, 7]);    // [n, 512, h, w] → [n, 512, 7, 7]
 * nn.adaptiveAvgPool2d([null, 1]); // [n, 512, 13, 9] → [n, 512, 13, 1]
 */
export const adaptiveAvgPool2d: <
  const Size extends OutputSizeArg,
  Problems extends ArgProblems = OutputSizeProblems<"adaptiveAvgPool2d", 2, Size, true>,
>(
  outputSize: Checked<Size, Problems[0]>,
) => AdaptiveAvgPool2d<Size> = builder(adaptivePool, "adaptiveAvgPool2d");
/**
 * PyTorch's `nn.AdaptiveMaxPool2d(output_size)`: max over windows chosen so that height and width become `outputSize`
 * (a number for both, or `[height, width]` where `null` keeps that input size).
 *
 * @example
 * nn.adaptiveMaxPool2d(1); // [n, 512, h, w] → [n, 512, 1, 1]
 */
export const adaptiveMaxPool2d: <
  const Size extends OutputSizeArg,
  Problems extends ArgProblems = OutputSizeProblems<"adaptiveMaxPool2d", 2, Size, true>,
>(
  outputSize: Checked<Size, Problems[0]>,
) => AdaptiveMaxPool2d<Size> = builder(adaptivePool, "adaptiveMaxPool2d");

/**
 * PyTorch's `nn.AdaptiveMaxPool1d(output_size)`: max over windows chosen so that the length becomes `outputSize`.
 *
 * @example
 * nn.adaptiveMaxPool1d(4); // [n, 16, 50] → [n, 16, 4]
 */
export const adaptiveMaxPool1d: <
  const Size extends number | readonly number[],
  Problems extends ArgProblems = OutputSizeProblems<"adaptiveMaxPool1d", 1, Size, false>,
>(
  outputSize: Checked<Size, Problems[0]>,
) => AdaptiveMaxPool1d<Size> = builder(adaptivePool, "adaptiveMaxPool1d");
/**
 * PyTorch's `nn.AdaptiveAvgPool3d(output_size)`: averages windows chosen so that depth, height and width become
 * `outputSize` (a number for all three, or `[depth, height, width]` where `null` keeps that input size).
 *
 * @example
 * nn.adaptiveAvgPool3d(1);            // [n, 64, d, h, w] → [n, 64, 1, 1, 1]
 * nn.adaptiveAvgPool3d([1, null, 2]); // [n, 8, 5, 6, 7] → [n, 8, 1, 6, 2]
 */
export const adaptiveAvgPool3d: <
  const Size extends OutputSizeArg,
  Problems extends ArgProblems = OutputSizeProblems<"adaptiveAvgPool3d", 3, Size, true>,
>(
  outputSize: Checked<Size, Problems[0]>,
) => AdaptiveAvgPool3d<Size> = builder(adaptivePool, "adaptiveAvgPool3d");
/**
 * PyTorch's `nn.AdaptiveMaxPool3d(output_size)`: max over windows chosen so that depth, height and width become
 * `outputSize` (a number for all three, or `[depth, height, width]` where `null` keeps that input size).
 *
 * @example
 * nn.adaptiveMaxPool3d(2); // [n, 8, 5, 6, 7] → [n, 8, 2, 2, 2]
 */
export const adaptiveMaxPool3d: <
  const Size extends OutputSizeArg,
  Problems extends ArgProblems = OutputSizeProblems<"adaptiveMaxPool3d", 3, Size, true>,
>(
  outputSize: Checked<Size, Problems[0]>,
) => AdaptiveMaxPool3d<Size> = builder(adaptivePool, "adaptiveMaxPool3d");

// ---- runtime

/** Twin of `WrittenOutputSize`. */
export const writtenOutputSize = (size: unknown): string =>
  Array.isArray(size) ? `[${size.map(String).join(", ")}]` : String(size);

/** The config of adaptiveAvgPool1d/2d/3d / adaptiveMaxPool1d/2d/3d (its runtime object). */
export interface AdaptivePoolConfig extends KindConfig<
  | "adaptiveAvgPool1d"
  | "adaptiveAvgPool2d"
  | "adaptiveAvgPool3d"
  | "adaptiveMaxPool1d"
  | "adaptiveMaxPool2d"
  | "adaptiveMaxPool3d"
> {
  readonly outputSize: OutputSizeArg;
}

/** An adaptive pooling's config from its builder's argument (in a 2d or 3d one's tuple, null keeps that input size). */
function adaptivePool(kind: AdaptivePoolConfig["kind"], rank: number, args: readonly unknown[]): AdaptivePoolConfig {
  const outputSize = args[0] as OutputSizeArg;
  const layer = `${kind}(${writtenOutputSize(outputSize)})`;
  checkArguments(layer, args, ["outputSize"]);
  checkSizes(
    layer,
    { outputSize: Array.isArray(outputSize) && rank > 1 ? outputSize.filter((one) => one !== null) : outputSize },
    0,
  );
  checkTupleLength(layer, "outputSize", outputSize, rank);
  const sizes: (number | null)[] = perDim(outputSize as number | readonly number[], rank);
  return {
    kind,
    written: layer,
    outputSize,
    outputShape: (input: RuntimeShape) => adaptivePoolRule(layer, rank, sizes, input),
  };
}
