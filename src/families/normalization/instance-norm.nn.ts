// nn.instanceNorm1d/2d/3d and nn.lazyInstanceNorm1d/2d/3d: PyTorch 1.13's InstanceNorm (each channel of each
// example normalized over its spatial dimensions), numFeatures and an options object as batchNorm's.
import type { Layer, ShapeRule } from "../../../types/model/layer.ts";
import type { Arg, Checked, FirstSizeProblem } from "../../../types/shape/args.ts";
import type { OptionsAfterTwo, TwoPositionalsProblems } from "../../../types/shape/positional.ts";
import type { ArgProblems, IsPlainSize } from "../../../types/shape/plain.ts";
import type { RuntimeLayer } from "../../model/layer.ts";
import type { RuntimeShape } from "../../shape/dims.ts";
import { normArgs } from "./batch-norm.nn.ts";
import type { KindConfig } from "../layer-config.ts";
import type { InstanceNormRule } from "./instance-norm.types.ts";
import { instanceNormRule } from "./instance-norm.ts";

/** PyTorch's keyword arguments of InstanceNorm1d/2d/3d (defaults: eps 1e-5, momentum 0.1, affine and trackRunningStats false; lazy: true). */
export interface InstanceNormOptions {
  readonly eps?: number;
  readonly momentum?: number;
  readonly affine?: boolean;
  readonly trackRunningStats?: boolean;
}
interface OptionTypes {
  eps: number;
  momentum: number;
  affine: boolean;
  trackRunningStats: boolean;
}
interface Expected {
  eps: "a number";
  momentum: "a number";
  affine: "true or false";
  trackRunningStats: "true or false";
}

/** The kinds of instance norm and their number of spatial dimensions. */
interface SpatialOf {
  instanceNorm1d: 1;
  instanceNorm2d: 2;
  instanceNorm3d: 3;
  lazyInstanceNorm1d: 1;
  lazyInstanceNorm2d: 2;
  lazyInstanceNorm3d: 3;
}
export type InstanceNormKind = keyof SpatialOf;
type Lazy = "lazyInstanceNorm1d" | "lazyInstanceNorm2d" | "lazyInstanceNorm3d";

/** Whether the options give weights or running statistics (their defaults: false, lazy: true). */
type IsChecked<Options, Default extends boolean> = [
  Options extends { readonly affine: infer A } ? A : Default,
  Options extends { readonly trackRunningStats: infer T } ? T : Default,
] extends [false, false]
  ? false
  : true;

/**
 * `nn.instanceNorm2d(numFeatures)` and the others: the shape is kept.
 *
 * @example
 * type T = InstanceNorm<"instanceNorm2d", 3, false>; // [n, 3, 32, 32] → [n, 3, 32, 32]
 */
export interface InstanceNorm<Kind extends InstanceNormKind, NumFeatures, IsAffineOrTracked extends boolean>
  extends Layer, RuntimeLayer {
  readonly kind: Kind;
  readonly "~rule": InstanceNormShapeRule<Kind, NumFeatures, IsAffineOrTracked>;
}
/** The shape rule of InstanceNorm1d/2d/3d and LazyInstanceNorm1d/2d/3d. */
export interface InstanceNormShapeRule<
  Kind extends InstanceNormKind,
  NumFeatures,
  IsAffineOrTracked extends boolean,
> extends ShapeRule {
  readonly "~output": InstanceNormRule<
    Kind extends Lazy ? `${Kind}()` : `${Kind}(${NumFeatures & number})`,
    SpatialOf[Kind],
    SpatialOf[Kind] extends 1 ? 3 : SpatialOf[Kind] extends 2 ? 4 : 5,
    SpatialOf[Kind] extends 1 ? 2 : SpatialOf[Kind] extends 2 ? 3 : 4,
    NumFeatures,
    IsAffineOrTracked,
    this["~input"]
  >;
}

/** The config of the instance norms (their runtime objects), PyTorch's defaults filled in. */
export interface InstanceNormConfig extends KindConfig<InstanceNormKind> {
  /** null: lazy, dimension 1 of the input. */
  readonly numFeatures: number | null;
  /** 1, 2 or 3. */
  readonly spatial: number;
  readonly eps: number;
  readonly momentum: number;
  readonly affine: boolean;
  readonly trackRunningStats: boolean;
}

/** PyTorch's eps and momentum positionally (`nn.instanceNorm2d(64, 1e-3, 0.01)`), then an options object. */
type InstanceNormArgsProblems<Kind extends string, NumFeatures, Third, Fourth, Options> = {} extends Third &
  Fourth &
  Options
  ? [false, false, false] // the fast path: nothing after numFeatures
  : TwoPositionalsProblems<
      Kind extends Lazy ? `${Kind}()` : `${Kind}(${NumFeatures & number})`,
      `nn.${Kind}`,
      "eps",
      "momentum",
      keyof InstanceNormOptions,
      OptionTypes,
      Expected,
      Third,
      Fourth,
      Options
    >;
/** The options object among the arguments after numFeatures. */
type OptionsOf<Third, Fourth, Options> = OptionsAfterTwo<Third, Fourth, Options>;

type InstanceNormBuilder<Kind extends Exclude<InstanceNormKind, Lazy>> = <
  const NumFeatures extends number,
  const Third extends number | object = {},
  const Fourth extends number | object = {},
  const Options extends object = {},
  Problems extends ArgProblems = InstanceNormArgsProblems<Kind, NumFeatures, Third, Fourth, Options>,
>(
  numFeatures: Arg<
    NumFeatures,
    IsPlainSize<NumFeatures> extends true
      ? false
      : FirstSizeProblem<`${Kind}(${NumFeatures & number})`, ["numFeatures"], [NumFeatures]>
  >,
  eps?: Checked<Third, Problems[0]>,
  momentum?: Checked<Fourth, Problems[1]>,
  options?: Checked<Options, Problems[2]>,
) => InstanceNorm<Kind, NumFeatures, IsChecked<OptionsOf<Third, Fourth, Options>, false>>;
/** PyTorch's eps and momentum positionally (`nn.lazyInstanceNorm2d(1e-3, 0.01)`), then an options object. */
type LazyInstanceNormBuilder<Kind extends Lazy> = <
  const Eps extends number | object = {},
  const Momentum extends number | object = {},
  const Options extends object = {},
  Problems extends ArgProblems = InstanceNormArgsProblems<Kind, "lazy", Eps, Momentum, Options>,
>(
  eps?: Checked<Eps, Problems[0]>,
  momentum?: Checked<Momentum, Problems[1]>,
  options?: Checked<Options, Problems[2]>,
) => InstanceNorm<Kind, "lazy", IsChecked<OptionsOf<Eps, Momentum, Options>, true>>;

function instanceNorm(kind: InstanceNormKind, spatial: number, args: readonly unknown[]): never {
  const [layer, numFeatures, given] = normArgs<InstanceNormOptions>(kind, args);
  const lazy = numFeatures === null;
  const affine = given.affine ?? lazy;
  const trackRunningStats = given.trackRunningStats ?? lazy;
  const runtime: InstanceNormConfig = {
    kind,
    written: layer,
    numFeatures,
    spatial,
    eps: given.eps ?? 1e-5,
    momentum: given.momentum ?? 0.1,
    affine,
    trackRunningStats,
    outputShape: (input: RuntimeShape) =>
      instanceNormRule(layer, spatial, numFeatures, affine || trackRunningStats, input),
  };
  return runtime as never;
}
const eager =
  <Kind extends Exclude<InstanceNormKind, Lazy>>(kind: Kind, spatial: number): InstanceNormBuilder<Kind> =>
  (...args: unknown[]) =>
    instanceNorm(kind, spatial, args);
const lazy =
  <Kind extends Lazy>(kind: Kind, spatial: number): LazyInstanceNormBuilder<Kind> =>
  (...args: unknown[]) =>
    instanceNorm(kind, spatial, [null, ...args]);

/**
 * PyTorch's `nn.InstanceNorm1d(num_features, eps=1e-5, momentum=0.1, affine=False, track_running_stats=False)` on
 * [batch, channels, length] or unbatched [channels, length].
 *
 * @example
 * nn.instanceNorm1d(16); // [n, 16, 100] → [n, 16, 100]
 */
export const instanceNorm1d: InstanceNormBuilder<"instanceNorm1d"> = eager("instanceNorm1d", 1);
/**
 * PyTorch's `nn.InstanceNorm2d(num_features, …)` on [batch, channels, height, width] or [channels, height, width].
 *
 * @example
 * nn.instanceNorm2d(64, { affine: true }); // [n, 64, 32, 32] → [n, 64, 32, 32]
 */
export const instanceNorm2d: InstanceNormBuilder<"instanceNorm2d"> = eager("instanceNorm2d", 2);
/**
 * PyTorch's `nn.InstanceNorm3d(num_features, …)` on [batch, channels, depth, height, width] or without the batch.
 *
 * @example
 * nn.instanceNorm3d(8); // [n, 8, 4, 16, 16] → [n, 8, 4, 16, 16]
 */
export const instanceNorm3d: InstanceNormBuilder<"instanceNorm3d"> = eager("instanceNorm3d", 3);
/**
 * PyTorch's `nn.LazyInstanceNorm1d(eps=1e-5, momentum=0.1, affine=True, track_running_stats=True)`: numFeatures is
 * the input's dimension 1, inferred when the model is built.
 *
 * @example
 * nn.lazyInstanceNorm1d(); // [n, 16, 100] → [n, 16, 100]
 */
export const lazyInstanceNorm1d: LazyInstanceNormBuilder<"lazyInstanceNorm1d"> = lazy("lazyInstanceNorm1d", 1);
/**
 * PyTorch's `nn.LazyInstanceNorm2d(…)`: instanceNorm2d with numFeatures inferred (affine and trackRunningStats true).
 *
 * @example
 * nn.lazyInstanceNorm2d(); // [n, 64, 32, 32] → [n, 64, 32, 32]
 */
export const lazyInstanceNorm2d: LazyInstanceNormBuilder<"lazyInstanceNorm2d"> = lazy("lazyInstanceNorm2d", 2);
/**
 * PyTorch's `nn.LazyInstanceNorm3d(…)`: instanceNorm3d with numFeatures inferred (affine and trackRunningStats true).
 *
 * @example
 * nn.lazyInstanceNorm3d(); // [n, 8, 4, 16, 16] → [n, 8, 4, 16, 16]
 */
export const lazyInstanceNorm3d: LazyInstanceNormBuilder<"lazyInstanceNorm3d"> = lazy("lazyInstanceNorm3d", 3);
