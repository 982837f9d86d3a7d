// nn.groupNorm: PyTorch's GroupNorm(num_groups, num_channels, eps=1e-05, affine=True).
import type { Layer, ShapeRule } from "../../../types/model/layer.ts";
import type { Arg, Checked, FirstSizeProblem } from "../../../types/shape/args.ts";
import type { Mod } from "../../../types/arith/index.ts";
import type { ArgProblems } from "../../../types/shape/plain.ts";
import type { RuntimeLayer } from "../../model/layer.ts";
import { fail } from "../../errors.ts";
import { checkSizes, expected } from "../../shape/args.ts";
import type { ParamsProblems, ParamValue } from "../activation/extra-activations.types.ts";
import { readParams } from "../activation/torch-options.ts";
import type { GroupNormRule, writeGroupNormDivisibleMessage } from "./group-norm.types.ts";
import { groupNormRule, writeGroupNormDivisibleMessage as divisibleMessage } from "./group-norm.ts";

/** `nn.groupNorm(numGroups, numChannels, eps?, affine?)`: the shape is kept. */
export interface GroupNorm<G extends number, C extends number, Affine extends boolean = true>
  extends Layer, RuntimeLayer {
  readonly kind: "groupNorm";
  readonly numGroups: G;
  readonly numChannels: C;
  readonly "~rule": GroupNormShapeRule<G, C, Affine>;
}
/** The shape rule of GroupNorm. */
export interface GroupNormShapeRule<G extends number, C extends number, Affine extends boolean> extends ShapeRule {
  readonly "~output": GroupNormRule<`groupNorm(${G}, ${C})`, G, C, Affine, this["~input"]>;
}
/** The config of groupNorm (its runtime object). */
export interface GroupNormConfig extends RuntimeLayer {
  readonly kind: "groupNorm";
  readonly numGroups: number;
  readonly numChannels: number;
  readonly eps: number;
  readonly affine: boolean;
}

type Names = ["eps", "affine"];
interface Types {
  eps: number;
  affine: boolean;
}
interface Expected {
  eps: "a number";
  affine: "true or false";
}
type AffineOf<A, B> = ParamValue<Names, [A, B], "affine", true> & boolean;
type SizesProblem<G extends number, C extends number> =
  FirstSizeProblem<`groupNorm(${G}, ${C})`, ["numGroups", "numChannels"], [G, C]> extends infer P extends string
    ? [P, false]
    : number extends G | C
      ? [false, false]
      : Mod<C, G> extends 0
        ? [false, false]
        : [false, writeGroupNormDivisibleMessage<`groupNorm(${G}, ${C})`, C, G>];

/**
 * PyTorch's `nn.GroupNorm(num_groups, num_channels, eps=1e-05, affine=True)`: normalizes each group of channels
 * of each example (Wu & He); `numChannels` divisible by `numGroups`; the input's channels (dim 1) must be
 * numChannels (affine: the weight has that size).
 *
 * @example
 * nn.groupNorm(8, 64); // [n, 64, 32, 32] → [n, 64, 32, 32]
 */
export function groupNorm<
  const G extends number,
  const C extends number,
  const A extends number | object | undefined = undefined,
  const B extends boolean | object | undefined = undefined,
  S extends ArgProblems = SizesProblem<G, C>,
  P extends ArgProblems = ParamsProblems<`groupNorm(${G}, ${C})`, "groupNorm", Names, [A, B], Types, Expected>,
>(
  numGroups: Arg<G, S[0]>,
  numChannels: Arg<C, S[1]>,
  eps?: Checked<A, P[0]>,
  affine?: Checked<B, P[1]>,
): GroupNorm<G, C, AffineOf<A, B>> {
  const layer = `groupNorm(${numGroups}, ${numChannels})`;
  checkSizes(layer, { numGroups, numChannels });
  const g = numGroups as number;
  const c = numChannels as number;
  if (c % g !== 0) fail(divisibleMessage(layer, `numChannels ${c}`, g));
  const { values } = readParams(
    "groupNorm",
    ["eps", "affine"],
    Array.from(arguments).slice(2),
    { eps: 1e-5, affine: true },
    layer,
    ["numGroups", "numChannels"],
  );
  const settings = values as { eps: number; affine: boolean };
  const runtime: GroupNormConfig = {
    kind: "groupNorm",
    written: layer,
    numGroups: g,
    numChannels: c,
    ...settings,
    outputShape: (input) => groupNormRule(layer, g, c, settings.affine, input),
  };
  return runtime as never;
}
