// nn.layerNorm: PyTorch's LayerNorm over the last dimensions.
import type { Layer, ShapeRule } from "../../../types/model/layer.ts";
import type { Checked, FirstSizeProblem, Written } from "../../../types/shape/args.ts";
import type { TwoPositionalsProblems } from "../../../types/shape/positional.ts";
import type { ArgProblems, IsPlainSize } from "../../../types/shape/plain.ts";
import type { LayerNormRule } from "./layer-norm.types.ts";
import { fail } from "../../errors.ts";
import type { RuntimeLayer } from "../../model/layer.ts";
import type { KindConfig } from "../layer-config.ts";
import { checkSizes, written } from "../../shape/args.ts";
import { readOptions } from "../activation/torch-options.ts";
import type { RuntimeShape } from "../../shape/dims.ts";
import { layerNormRule } from "./layer-norm.ts";

/** PyTorch's keyword arguments of LayerNorm, with PyTorch's defaults (they do not change shapes). */
export interface LayerNormOptions {
  /** Default 1e-5. */
  readonly eps?: number;
  /** Default true: learnable scale and shift. */
  readonly elementwiseAffine?: boolean;
}
/** PyTorch's keywords of LayerNorm in camelCase. */
export const layerNormKeys = ["eps", "elementwiseAffine"] as const satisfies readonly (keyof LayerNormOptions)[];
interface OptionTypes {
  eps: number;
  elementwiseAffine: boolean;
}
interface Expected {
  eps: "a number";
  elementwiseAffine: "true or false";
}

type Sizes<NormalizedShape> = NormalizedShape extends readonly unknown[] ? NormalizedShape : [NormalizedShape];

/**
 * `nn.layerNorm(normalizedShape)`: [..., ...normalizedShape] → the same shape.
 *
 * @example
 * type T = LayerNorm<512>; // [n, 10, 512] → [n, 10, 512]
 */
export interface LayerNorm<NormalizedShape> extends Layer, RuntimeLayer {
  readonly kind: "layerNorm";
  readonly normalizedShape: NormalizedShape;
  readonly "~rule": LayerNormShapeRule<NormalizedShape>;
}
/** The shape rule of LayerNorm. */
export interface LayerNormShapeRule<NormalizedShape> extends ShapeRule {
  readonly "~output": LayerNormRule<`layerNorm(${Written<NormalizedShape>})`, Sizes<NormalizedShape>, this["~input"]>;
}

/** The message when normalizedShape is an empty tuple. */
export type writeEmptyNormalizedShapeMessage<Layer extends string> =
  `${Layer}: normalizedShape must hold at least one size`;
export const writeEmptyNormalizedShapeMessage = (layer: string): string =>
  `${layer}: normalizedShape must hold at least one size`;
type NormalizedShapeProblem<Layer extends string, NormalizedShape> = [NormalizedShape] extends [readonly []]
  ? writeEmptyNormalizedShapeMessage<Layer>
  : FirstSizeProblem<Layer, ["normalizedShape"], [NormalizedShape]>;

/** The config of layerNorm (its runtime object), PyTorch's defaults filled in. */
export interface LayerNormConfig extends KindConfig<"layerNorm"> {
  readonly normalizedShape: number | readonly number[];
  readonly eps: number;
  readonly elementwiseAffine: boolean;
}

/** PyTorch's eps and elementwiseAffine positionally (`nn.layerNorm(512, 1e-6)`), then an options object. */
type LayerNormArgsProblems<W extends string, Third, Fourth, Options> = TwoPositionalsProblems<
  W,
  "nn.layerNorm",
  "eps",
  "elementwiseAffine",
  keyof LayerNormOptions,
  OptionTypes,
  Expected,
  Third,
  Fourth,
  Options
>;

/**
 * The problems of layerNorm's four arguments. The common call, one plain size and nothing else
 * (`nn.layerNorm(512)`: the other three are their defaults, `{}`), skips the checks, which cost a
 * model's first layerNorm ~200 instantiations; anything else takes them.
 */
type LayerNormProblems<NormalizedShape, Eps, Affine, Options> = [IsPlainSize<NormalizedShape>] extends [true]
  ? {} extends Eps
    ? {} extends Affine
      ? {} extends Options
        ? [false, false, false, false]
        : LayerNormChecks<NormalizedShape, Eps, Affine, Options>
      : LayerNormChecks<NormalizedShape, Eps, Affine, Options>
    : LayerNormChecks<NormalizedShape, Eps, Affine, Options>
  : LayerNormChecks<NormalizedShape, Eps, Affine, Options>;
type LayerNormChecks<NormalizedShape, Eps, Affine, Options> = [
  NormalizedShapeProblem<`layerNorm(${Written<NormalizedShape>})`, NormalizedShape>,
  ...LayerNormArgsProblems<`layerNorm(${Written<NormalizedShape>})`, Eps, Affine, Options>,
];

/**
 * PyTorch's `nn.LayerNorm(normalized_shape, eps=1e-5, elementwise_affine=True)`: normalizes over the last
 * dimensions, which must be `normalizedShape` (a number for the last one, or a tuple).
 *
 * @example
 * nn.layerNorm(512);       // [n, 10, 512] → [n, 10, 512]
 * nn.layerNorm([10, 512]); // [n, 10, 512] → [n, 10, 512]
 */
export function layerNorm<
  const NormalizedShape extends number | readonly number[],
  const Eps extends number | object = {},
  const Affine extends boolean | object = {},
  const Options extends object = {},
  Problems extends ArgProblems = LayerNormProblems<NormalizedShape, Eps, Affine, Options>,
>(
  normalizedShape: Checked<NormalizedShape, Problems[0]>,
  eps?: Checked<Eps, Problems[1]>,
  elementwiseAffine?: Checked<Affine, Problems[2]>,
  options?: Checked<Options, Problems[3]>,
): LayerNorm<NormalizedShape> {
  const shape = normalizedShape as number | readonly number[];
  const layer = `layerNorm(${written(shape)})`;
  const sizes = Array.isArray(shape) ? [...shape] : [shape as number];
  if (sizes.length === 0) fail(writeEmptyNormalizedShapeMessage(layer));
  checkSizes(layer, { normalizedShape: sizes });
  // PyTorch's eps and elementwiseAffine positionally, then an options object
  const given: LayerNormOptions = readOptions(
    layer,
    "layerNorm",
    arguments,
    ["normalizedShape"],
    ["eps", "elementwiseAffine"],
    layerNormKeys,
  );
  const runtime: LayerNormConfig = {
    kind: "layerNorm",
    written: layer,
    normalizedShape: shape,
    eps: given.eps ?? 1e-5,
    elementwiseAffine: given.elementwiseAffine ?? true,
    outputShape: (input: RuntimeShape) => layerNormRule(layer, sizes, input),
  };
  return runtime as never;
}
