// nn.linear / nn.lazyLinear: PyTorch's Linear and LazyLinear on [..., features].
import type {
  Arg,
  Checked,
  FirstSizeProblem,
  IsOptions,
  TrailingOptionsProblem,
  writeOptionTypeMessage,
} from "../../../types/shape/args.ts";
import type { ArgProblems, IsPlainSize } from "../../../types/shape/plain.ts";
import type { Layer, ShapeRule } from "../../../types/model/layer.ts";
import type { LinearRule } from "./linear.types.ts";
import type { Dim, LastDim } from "../../../types/shape/dims.ts";
import { checkArguments, checkSizes, positionalOptions, checkOptionTypes, expected } from "../../shape/args.ts";
import { lastDim, valueOf, type RuntimeShape } from "../../shape/dims.ts";
import { linearRule } from "./linear.ts";
import type { RuntimeLayer } from "../../model/layer.ts";
import type { KindConfig } from "../layer-config.ts";

/** `nn.linear(inFeatures, outFeatures)`: [..., inFeatures] → [..., outFeatures]. */
export interface Linear<InFeatures, OutFeatures> extends Layer, RuntimeLayer {
  readonly kind: "linear";
  readonly inFeatures: InFeatures;
  readonly outFeatures: OutFeatures;
  /** Whether it adds a bias (PyTorch's `bias=True`, the default). */
  readonly bias: boolean;
  readonly "~rule": LinearShapeRule<InFeatures, OutFeatures>;
}
/** The shape rule of Linear. */
export interface LinearShapeRule<InFeatures, OutFeatures> extends ShapeRule {
  readonly "~output": LinearRule<
    `linear(${InFeatures & number}, ${OutFeatures & number})`,
    InFeatures,
    OutFeatures,
    this["~input"]
  >;
}

/** `nn.lazyLinear(outFeatures)`: [..., n] → [..., outFeatures], with inFeatures = n inferred. */
export interface LazyLinear<OutFeatures> extends Layer, RuntimeLayer {
  readonly kind: "lazyLinear";
  readonly outFeatures: OutFeatures;
  readonly "~rule": LazyLinearShapeRule<OutFeatures>;
}
/** The shape rule of LazyLinear. */
export interface LazyLinearShapeRule<OutFeatures> extends ShapeRule {
  readonly "~output": LinearRule<
    `lazyLinear(${OutFeatures & number})`,
    LastDim<this["~input"] & readonly Dim[]>,
    OutFeatures,
    this["~input"]
  >;
}

type LinearProblems<In extends number, Out extends number, Third> = [
  FirstSizeProblem<`linear(${In}, ${Out})`, ["inFeatures"], [In]>,
  FirstSizeProblem<`linear(${In}, ${Out})`, ["outFeatures"], [Out]>,
  [Third] extends [boolean | undefined]
    ? false
    : IsOptions<Third> extends true
      ? TrailingOptionsProblem<
          `linear(${In}, ${Out})`,
          "nn.linear",
          Third,
          "bias",
          { bias: boolean },
          { bias: "true or false" }
        >
      : writeOptionTypeMessage<`linear(${In}, ${Out})`, "bias", "true or false">,
];

/** The config of linear (its runtime object). */
export interface LinearConfig extends KindConfig<"linear"> {
  readonly inFeatures: number;
  readonly outFeatures: number;
  /** Whether it adds a bias (PyTorch's `bias=True`, the default). */
  readonly bias: boolean;
}
/** The config of lazyLinear (its runtime object): inFeatures is the last input dimension. */
export interface LazyLinearConfig extends KindConfig<"lazyLinear"> {
  readonly outFeatures: number;
  /** inFeatures on this input (`null` when unknown). */
  inFeaturesFor(input: RuntimeShape): number | null;
}

/**
 * PyTorch's `nn.Linear(in_features, out_features)` on the last dimension. `{ bias: false }` (or a
 * third argument `false`, PyTorch's positional `bias`) leaves the bias out: a weight only.
 *
 * @example
 * nn.linear(9216, 128); // [n, 9216] → [n, 128]
 * nn.linear(512, 64, { bias: false }); // [n, 512] → [n, 64]
 * sequential(input([64, 12, 12]), nn.flatten(), nn.linear(9000, 128)); // error: inFeatures must equal the last input dimension 9216
 */
export function linear<
  const InFeatures extends number,
  const OutFeatures extends number,
  const Third extends boolean | object | undefined = undefined,
  Problems extends ArgProblems = [
    IsPlainSize<InFeatures>,
    IsPlainSize<OutFeatures>,
    [Third] extends [undefined | boolean] ? true : false,
  ] extends [true, true, true]
    ? [false, false, false]
    : LinearProblems<InFeatures, OutFeatures, Third>,
>(
  inFeatures: Arg<InFeatures, Problems[0]>,
  outFeatures: Arg<OutFeatures, Problems[1]>,
  biasOrOptions?: Checked<Third, Problems[2]>,
): Linear<InFeatures, OutFeatures> {
  const layer = `linear(${inFeatures}, ${outFeatures})`;
  checkArguments(layer, arguments, ["inFeatures", "outFeatures", "bias"]);
  checkSizes(layer, { inFeatures, outFeatures });
  const given = positionalOptions(layer, "nn.linear", ["bias"], [biasOrOptions], ["bias"]);
  checkOptionTypes(layer, given, { bias: expected.boolean });
  const runtime: LinearConfig = {
    kind: "linear",
    written: layer,
    inFeatures,
    outFeatures,
    bias: given.bias !== false,
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
  checkArguments(layer, arguments, ["outFeatures"]); // PyTorch's bias: not supported here yet
  checkSizes(layer, { outFeatures });
  const runtime: LazyLinearConfig = {
    kind: "lazyLinear",
    written: layer,
    outFeatures,
    outputShape: (input: RuntimeShape) => linearRule(layer, null, outFeatures as number, input),
    inFeaturesFor: (input: RuntimeShape) => valueOf(lastDim(input)),
  };
  return runtime as never;
}
