// nn.dropout1d, nn.dropout3d, nn.alphaDropout, nn.featureAlphaDropout: torch.nn's other dropouts,
// `(p = 0.5, inplace = false)` positionally or as a last options object; p a probability.
import type { Layer, SameShape, ShapeRule } from "../../../types/model/layer.ts";
import type { Checked } from "../../../types/shape/args.ts";
import type { ArgProblems } from "../../../types/shape/plain.ts";
import type { RuntimeLayer } from "../../model/layer.ts";
import { fail } from "../../errors.ts";
import { isOptions } from "../../shape/args.ts";
import { keep, writeProbabilityMessage } from "./activation.nn.ts";
import type { ParamsProblems, ParamValue } from "./extra-activations.types.ts";
import { readParams } from "./torch-options.ts";
import type { DropoutRankRule, DropoutRanks } from "./extra-dropout.types.ts";
import { dropoutRankRule } from "./extra-dropout.ts";

export type ExtraDropoutKind = "dropout1d" | "dropout3d" | "alphaDropout" | "featureAlphaDropout";

/** A dropout of extra-dropout.nn.ts: the shape is kept (dropout1d, dropout3d, featureAlphaDropout: if the rank fits). */
export interface ExtraDropout<Kind extends ExtraDropoutKind, P extends number> extends Layer, RuntimeLayer {
  readonly kind: Kind;
  readonly p: P;
  readonly "~rule": Kind extends keyof DropoutRanks ? DropoutShapeRule<Kind, P> : SameShape;
}
/** The shape rule of the dropouts that need a rank. */
export interface DropoutShapeRule<Kind extends keyof DropoutRanks, P extends number> extends ShapeRule {
  readonly "~output": DropoutRankRule<`${Kind}(${P})`, Kind, P, this["~input"]>;
}
export type Dropout1d<P extends number = 0.5> = ExtraDropout<"dropout1d", P>;
export type Dropout3d<P extends number = 0.5> = ExtraDropout<"dropout3d", P>;
export type AlphaDropout<P extends number = 0.5> = ExtraDropout<"alphaDropout", P>;
export type FeatureAlphaDropout<P extends number = 0.5> = ExtraDropout<"featureAlphaDropout", P>;

/** The config of these dropouts (their runtime objects). */
export interface ExtraDropoutConfig extends RuntimeLayer {
  readonly kind: ExtraDropoutKind;
  readonly p: number;
}

type Names = ["p", "inplace"];
interface Types {
  p: number;
  inplace: boolean;
}
interface Expected {
  p: "a number";
  inplace: "true or false (it changes nothing here)";
}
type POf<A, B> = ParamValue<Names, [A, B], "p", 0.5> & number;
/** p outside [0, 1]: PyTorch's "dropout probability has to be between 0 and 1". */
type ProbabilityCheck<Layer extends string, P extends number> = number extends P
  ? false
  : `${P}` extends `-${string}`
    ? ["p", writeProbabilityMessage<Layer>]
    : P extends 0 | 1
      ? false
      : `${P}` extends `0.${string}`
        ? false
        : ["p", writeProbabilityMessage<Layer>];
type Problems<Kind extends string, A, B> = ParamsProblems<
  `${Kind}(${POf<A, B>})`,
  Kind,
  Names,
  [A, B],
  Types,
  Expected,
  ProbabilityCheck<`${Kind}(${POf<A, B>})`, POf<A, B>>
>;
type Builder<Kind extends ExtraDropoutKind> = <
  const A extends number | object | undefined = undefined,
  const B extends boolean | object | undefined = undefined,
  P extends ArgProblems = Problems<Kind, A, B>,
>(
  p?: Checked<A, P[0]>,
  inplace?: Checked<B, P[1]>,
) => ExtraDropout<Kind, POf<A, B>>;

function builder(kind: ExtraDropoutKind) {
  return (...args: unknown[]): never => {
    const [p] = args;
    // Messages write the layer with its p as the types do (`dropout1d(0.5)`), given or not.
    const shown = (isOptions(p) ? p["p"] : p) ?? 0.5;
    const read = readParams(kind, ["p", "inplace"], args, { p: 0.5 }, `${kind}(${String(shown)})`);
    const probability = read.values["p"] as number;
    const layer = `${kind}(${probability})`;
    if (!(probability >= 0 && probability <= 1)) fail(writeProbabilityMessage(layer));
    return keep(kind, layer, { p: probability }, (input) => dropoutRankRule(layer, kind, probability, input));
  };
}

/** PyTorch's `nn.Dropout1d(p=0.5, inplace=False)`: whole channels of `[batch, C, L]` zeroed while training. */
export const dropout1d: Builder<"dropout1d"> = builder("dropout1d");
/** PyTorch's `nn.Dropout3d(p=0.5, inplace=False)`: whole channels of `[batch, C, D, H, W]` zeroed while training. */
export const dropout3d: Builder<"dropout3d"> = builder("dropout3d");
/** PyTorch's `nn.AlphaDropout(p=0.5, inplace=False)`: SELU-preserving dropout (mean and variance kept). */
export const alphaDropout: Builder<"alphaDropout"> = builder("alphaDropout");
/** PyTorch's `nn.FeatureAlphaDropout(p=0.5, inplace=False)`: alpha dropout of whole channels (dim 1). */
export const featureAlphaDropout: Builder<"featureAlphaDropout"> = builder("featureAlphaDropout");
