// nn.linear / nn.lazyLinear: PyTorch's Linear and LazyLinear on [..., features].
import type { Arg, FirstSizeProblem } from "../../types/shape/args.ts";
import type { ArgProblems, IsPlainSize } from "../../types/shape/plain.ts";
import type { Layer, ShapeRule } from "../../types/model/layer.ts";
import type { LinearRule } from "../../types/shape/linear.ts";
import type { Dim, LastDim } from "../../types/shape/dims.ts";
import { checkSizes } from "../shape/args.ts";
import { lastDim, valueOf, type RuntimeShape } from "../shape/dims.ts";
import { linearRule } from "../shape/linear.ts";
import type { RuntimeLayer } from "../model/layer.ts";


/** `nn.linear(inFeatures, outFeatures)`: [..., inFeatures] → [..., outFeatures]. */
export interface Linear<InFeatures, OutFeatures> extends Layer, RuntimeLayer {
  readonly kind: "linear";
  readonly inFeatures: InFeatures;
  readonly outFeatures: OutFeatures;
  readonly "~rule": LinearShapeRule<InFeatures, OutFeatures>;
}
/** The shape rule of Linear. */
export interface LinearShapeRule<InFeatures, OutFeatures> extends ShapeRule {
  readonly "~output": LinearRule<`linear(${InFeatures & number}, ${OutFeatures & number})`, InFeatures, OutFeatures, this["~input"]>;
}

/** `nn.lazyLinear(outFeatures)`: [..., n] → [..., outFeatures], with inFeatures = n inferred. */
export interface LazyLinear<OutFeatures> extends Layer, RuntimeLayer {
  readonly kind: "lazyLinear";
  readonly outFeatures: OutFeatures;
  readonly "~rule": LazyLinearShapeRule<OutFeatures>;
}
/** The shape rule of LazyLinear. */
export interface LazyLinearShapeRule<OutFeatures> extends ShapeRule {
  readonly "~output": LinearRule<`lazyLinear(${OutFeatures & number})`, LastDim<this["~input"] & readonly Dim[]>, OutFeatures, this["~input"]>;
}

type LinearProblems<In extends number, Out extends number> = [
  FirstSizeProblem<`linear(${In}, ${Out})`, ["inFeatures"], [In]>,
  FirstSizeProblem<`linear(${In}, ${Out})`, ["outFeatures"], [Out]>,
];

/**
 * PyTorch's `nn.Linear(in_features, out_features)` on the last dimension.
 *
 * @example
 * nn.linear(9216, 128); // [n, 9216] → [n, 128]
 * sequential(input([64, 12, 12]), nn.flatten(), nn.linear(9000, 128)); // error: inFeatures must equal the last input dimension 9216
 */
export function linear<const InFeatures extends number, const OutFeatures extends number,
  Problems extends ArgProblems = [IsPlainSize<InFeatures>, IsPlainSize<OutFeatures>] extends [true, true] ? [false, false] : LinearProblems<InFeatures, OutFeatures>>(
  inFeatures: Arg<InFeatures, Problems[0]>,
  outFeatures: Arg<OutFeatures, Problems[1]>,
): Linear<InFeatures, OutFeatures> {
  const layer = `linear(${inFeatures}, ${outFeatures})`;
  checkSizes(layer, { inFeatures, outFeatures });
  const runtime: RuntimeLayer & Record<string, unknown> = {
    kind: "linear", written: layer, inFeatures, outFeatures,
    outputShape: (input: RuntimeShape) => linearRule(layer, inFeatures as number, outFeatures as number, input),
  };
  return runtime as never;
}

/**
 * PyTorch's `nn.LazyLinear(out_features)`: inFeatures is the last input dimension, inferred when
 * the model is built.
 *
 * @example
 * nn.lazyLinear(128); // [n, 9216] → [n, 128]
 */
export function lazyLinear<const OutFeatures extends number>(
  outFeatures: Arg<OutFeatures, FirstSizeProblem<`lazyLinear(${OutFeatures})`, ["outFeatures"], [OutFeatures]>>,
): LazyLinear<OutFeatures> {
  const layer = `lazyLinear(${outFeatures})`;
  checkSizes(layer, { outFeatures });
  const runtime: RuntimeLayer & Record<string, unknown> = {
    kind: "lazyLinear", written: layer, outFeatures,
    outputShape: (input: RuntimeShape) => linearRule(layer, null, outFeatures as number, input),
    inFeaturesFor: (input: RuntimeShape) => valueOf(lastDim(input)),
  };
  return runtime as never;
}
