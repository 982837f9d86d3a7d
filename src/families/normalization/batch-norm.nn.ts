// nn.batchNorm1d / 2d / 3d, nn.syncBatchNorm (any rank from 2; one process: a batch norm) and
// nn.lazyBatchNorm1d / 2d / 3d (numFeatures inferred from the channels): PyTorch's batch norms on the channel dimension.
import type { Layer, ShapeRule } from "../../../types/model/layer.ts";
import type { Arg, Checked, FirstSizeProblem } from "../../../types/shape/args.ts";
import type { OptionsAfterTwo, TwoPositionalsProblems } from "../../../types/shape/positional.ts";
import type { ArgProblems, IsPlainSize } from "../../../types/shape/plain.ts";
import type { BatchNormRule } from "./batch-norm.types.ts";
import type { RuntimeLayer } from "../../model/layer.ts";
import type { KindConfig } from "../layer-config.ts";
import { checkSizes } from "../../shape/args.ts";
import { optionTypes as torchTypes, readOptions } from "../activation/torch-options.ts";
import { batchNormRule } from "./batch-norm.ts";
import type { RuntimeShape } from "../../shape/dims.ts";

/** PyTorch's keyword arguments of BatchNorm1d/2d, with PyTorch's defaults (they do not change shapes). */
export interface BatchNormOptions {
  /** Default 1e-5. */
  readonly eps?: number;
  /** Default 0.1; null: the cumulative moving average (PyTorch's momentum=None). */
  readonly momentum?: number | null;
  /** Default true: learnable scale and shift. */
  readonly affine?: boolean;
  /** Default true. */
  readonly trackRunningStats?: boolean;
}
/** PyTorch's keywords of BatchNorm1d/2d in camelCase. */
export const batchNormKeys = [
  "eps",
  "momentum",
  "affine",
  "trackRunningStats",
] as const satisfies readonly (keyof BatchNormOptions)[];
interface OptionTypes {
  eps: number;
  momentum: number | null;
  affine: boolean;
  trackRunningStats: boolean;
}
interface Expected {
  eps: "a number";
  momentum: "a number or null";
  affine: "true or false";
  trackRunningStats: "true or false";
}
// momentum may be null (a cumulative average); instanceNorm's may not
const optionTypes = {
  ...torchTypes,
  momentum: ["a number or null", (value: unknown) => value === null || typeof value === "number"],
} as const;

/**
 * `nn.batchNorm1d(numFeatures)`: [batch, numFeatures] or [batch, numFeatures, length] → the same shape.
 *
 * @example
 * type T = BatchNorm1d<128>; // [n, 128] → [n, 128]
 */
export interface BatchNorm1d<NumFeatures> extends Layer, RuntimeLayer {
  readonly kind: "batchNorm1d";
  readonly numFeatures: NumFeatures;
  readonly "~rule": BatchNorm1dShapeRule<NumFeatures>;
}
/** The shape rule of BatchNorm1d. */
export interface BatchNorm1dShapeRule<NumFeatures> extends ShapeRule {
  readonly "~output": BatchNormRule<`batchNorm1d(${NumFeatures & number})`, 2 | 3, NumFeatures, this["~input"]>;
}
/**
 * `nn.batchNorm2d(numFeatures)`: [batch, numFeatures, height, width] → the same shape.
 *
 * @example
 * type T = BatchNorm2d<64>; // [n, 64, 28, 28] → [n, 64, 28, 28]
 */
export interface BatchNorm2d<NumFeatures> extends Layer, RuntimeLayer {
  readonly kind: "batchNorm2d";
  readonly numFeatures: NumFeatures;
  readonly "~rule": BatchNorm2dShapeRule<NumFeatures>;
}
/** The shape rule of BatchNorm2d. */
export interface BatchNorm2dShapeRule<NumFeatures> extends ShapeRule {
  readonly "~output": BatchNormRule<`batchNorm2d(${NumFeatures & number})`, 4, NumFeatures, this["~input"]>;
}

/**
 * `nn.batchNorm3d(numFeatures)`: [batch, numFeatures, depth, height, width] → the same shape.
 *
 * @example
 * type T = BatchNorm3d<8>; // [n, 8, 4, 16, 16] → [n, 8, 4, 16, 16]
 */
export interface BatchNorm3d<NumFeatures, Checked extends boolean = true> extends Layer, RuntimeLayer {
  readonly kind: "batchNorm3d";
  readonly numFeatures: NumFeatures;
  readonly "~rule": BatchNorm3dShapeRule<NumFeatures, Checked>;
}
/** The shape rule of BatchNorm3d. */
export interface BatchNorm3dShapeRule<NumFeatures, Checked extends boolean> extends ShapeRule {
  readonly "~output": BatchNormRule<`batchNorm3d(${NumFeatures & number})`, 5, NumFeatures, this["~input"], Checked>;
}
/**
 * `nn.syncBatchNorm(numFeatures)`: [batch, numFeatures, ...] (rank 2 or more) → the same shape.
 *
 * @example
 * type T = SyncBatchNorm<64>; // [n, 64, 28, 28] → [n, 64, 28, 28]
 */
export interface SyncBatchNorm<NumFeatures, Checked extends boolean = true> extends Layer, RuntimeLayer {
  readonly kind: "syncBatchNorm";
  readonly numFeatures: NumFeatures;
  readonly "~rule": SyncBatchNormShapeRule<NumFeatures, Checked>;
}
/** The shape rule of SyncBatchNorm. */
export interface SyncBatchNormShapeRule<NumFeatures, Checked extends boolean> extends ShapeRule {
  readonly "~output": BatchNormRule<
    `syncBatchNorm(${NumFeatures & number})`,
    number,
    NumFeatures,
    this["~input"],
    Checked
  >;
}
/**
 * `nn.lazyBatchNorm1d()` / `2d` / `3d`: the same shape; numFeatures is the input's channels (dimension 1).
 *
 * @example
 * type T = LazyBatchNorm<"lazyBatchNorm2d">; // [n, 64, 28, 28] → [n, 64, 28, 28]
 */
export interface LazyBatchNorm<Kind extends LazyBatchNormKind> extends Layer, RuntimeLayer {
  readonly kind: Kind;
  readonly "~rule": LazyBatchNormShapeRule<Kind>;
}
/** The kinds of the lazy batch norms. */
export type LazyBatchNormKind = "lazyBatchNorm1d" | "lazyBatchNorm2d" | "lazyBatchNorm3d";
/** The shape rule of LazyBatchNorm1d/2d/3d: batchNorm's, with any channels. */
export interface LazyBatchNormShapeRule<Kind extends LazyBatchNormKind> extends ShapeRule {
  readonly "~output": BatchNormRule<
    `${Kind}()`,
    Kind extends "lazyBatchNorm1d" ? 2 | 3 : Kind extends "lazyBatchNorm2d" ? 4 : 5,
    number,
    this["~input"]
  >;
}

/** Whether the options keep a per-channel tensor (affine or trackRunningStats, both true by default). */
type IsChecked<Options> = [
  Options extends { readonly affine: false } ? false : true,
  Options extends { readonly trackRunningStats: false } ? false : true,
] extends [false, false]
  ? false
  : true;

/** PyTorch's eps and momentum positionally (`nn.batchNorm2d(64, 1e-3, 0.01)`), then an options object. */
type BatchNormArgsProblems<Kind extends string, NumFeatures, Third, Fourth, Options> = {} extends Third &
  Fourth &
  Options
  ? [false, false, false] // the fast path: nothing after numFeatures
  : TwoPositionalsProblems<
      Kind extends LazyBatchNormKind ? `${Kind}()` : `${Kind}(${NumFeatures & number})`,
      `nn.${Kind}`,
      "eps",
      "momentum",
      keyof BatchNormOptions,
      OptionTypes,
      Expected,
      Third,
      Fourth,
      Options
    >;
/** The options object among the arguments after numFeatures. */
type OptionsOf<Third, Fourth, Options> = OptionsAfterTwo<Third, Fourth, Options>;

type NumFeaturesParameter<Kind extends string, NumFeatures> = Arg<
  NumFeatures,
  IsPlainSize<NumFeatures> extends true
    ? false
    : FirstSizeProblem<`${Kind}(${NumFeatures & number})`, ["numFeatures"], [NumFeatures]>
>;

/**
 * PyTorch's `nn.BatchNorm1d(num_features, eps=1e-5, momentum=0.1, affine=True, track_running_stats=True)`
 * on [batch, numFeatures] or [batch, numFeatures, length].
 *
 * @example
 * nn.batchNorm1d(128);                          // [n, 128] → [n, 128]
 * sequential(input([64]), nn.batchNorm1d(128)); // error: numFeatures must equal the input's channel dimension 64
 */
export const batchNorm1d: <
  const NumFeatures extends number,
  const Third extends number | object = {},
  const Fourth extends number | null | object = {},
  const Options extends object = {},
  Problems extends ArgProblems = BatchNormArgsProblems<"batchNorm1d", NumFeatures, Third, Fourth, Options>,
>(
  numFeatures: NumFeaturesParameter<"batchNorm1d", NumFeatures>,
  eps?: Checked<Third, Problems[0]>,
  momentum?: Checked<Fourth, Problems[1]>,
  options?: Checked<Options, Problems[2]>,
) => BatchNorm1d<NumFeatures> = (...args: unknown[]): never => batchNorm("batchNorm1d", [2, 3], args);
/**
 * PyTorch's `nn.BatchNorm2d(num_features, eps=1e-5, momentum=0.1, affine=True, track_running_stats=True)`
 * on [batch, numFeatures, height, width].
 *
 * @example
 * nn.batchNorm2d(64); // [n, 64, 28, 28] → [n, 64, 28, 28]
 */
export const batchNorm2d: <
  const NumFeatures extends number,
  const Third extends number | object = {},
  const Fourth extends number | null | object = {},
  const Options extends object = {},
  Problems extends ArgProblems = BatchNormArgsProblems<"batchNorm2d", NumFeatures, Third, Fourth, Options>,
>(
  numFeatures: NumFeaturesParameter<"batchNorm2d", NumFeatures>,
  eps?: Checked<Third, Problems[0]>,
  momentum?: Checked<Fourth, Problems[1]>,
  options?: Checked<Options, Problems[2]>,
) => BatchNorm2d<NumFeatures> = (...args: unknown[]): never => batchNorm("batchNorm2d", [4], args);

/**
 * PyTorch's `nn.BatchNorm3d(num_features, eps=1e-5, momentum=0.1, affine=True, track_running_stats=True)`
 * on [batch, numFeatures, depth, height, width].
 *
 * @example
 * nn.batchNorm3d(8); // [n, 8, 4, 16, 16] → [n, 8, 4, 16, 16]
 */
export const batchNorm3d: <
  const NumFeatures extends number,
  const Third extends number | object = {},
  const Fourth extends number | null | object = {},
  const Options extends object = {},
  Problems extends ArgProblems = BatchNormArgsProblems<"batchNorm3d", NumFeatures, Third, Fourth, Options>,
>(
  numFeatures: NumFeaturesParameter<"batchNorm3d", NumFeatures>,
  eps?: Checked<Third, Problems[0]>,
  momentum?: Checked<Fourth, Problems[1]>,
  options?: Checked<Options, Problems[2]>,
) => BatchNorm3d<NumFeatures, IsChecked<OptionsOf<Third, Fourth, Options>>> = (...args: unknown[]): never =>
  batchNorm("batchNorm3d", [5], args);
/**
 * PyTorch's `nn.SyncBatchNorm(num_features, eps=1e-5, momentum=0.1, affine=True, track_running_stats=True)` on
 * [batch, numFeatures, ...] (rank 2 or more). On one process (shapecheck's models, TensorFlow.js) it is a batch norm.
 *
 * @example
 * nn.syncBatchNorm(64); // [n, 64, 28, 28] → [n, 64, 28, 28]
 */
export const syncBatchNorm: <
  const NumFeatures extends number,
  const Third extends number | object = {},
  const Fourth extends number | null | object = {},
  const Options extends object = {},
  Problems extends ArgProblems = BatchNormArgsProblems<"syncBatchNorm", NumFeatures, Third, Fourth, Options>,
>(
  numFeatures: NumFeaturesParameter<"syncBatchNorm", NumFeatures>,
  eps?: Checked<Third, Problems[0]>,
  momentum?: Checked<Fourth, Problems[1]>,
  options?: Checked<Options, Problems[2]>,
) => SyncBatchNorm<NumFeatures, IsChecked<OptionsOf<Third, Fourth, Options>>> = (...args: unknown[]): never =>
  batchNorm("syncBatchNorm", [], args);

/** PyTorch's eps and momentum positionally (`nn.lazyBatchNorm2d(1e-3, 0.01)`), then an options object. */
type LazyBatchNormBuilder<Kind extends LazyBatchNormKind> = <
  const Eps extends number | object = {},
  const Momentum extends number | null | object = {},
  const Options extends object = {},
  Problems extends ArgProblems = BatchNormArgsProblems<Kind, null, Eps, Momentum, Options>,
>(
  eps?: Checked<Eps, Problems[0]>,
  momentum?: Checked<Momentum, Problems[1]>,
  options?: Checked<Options, Problems[2]>,
) => LazyBatchNorm<Kind>;
const lazyBatchNorm =
  <Kind extends LazyBatchNormKind>(kind: Kind, ranks: number[]): LazyBatchNormBuilder<Kind> =>
  (...args: unknown[]) =>
    batchNorm(kind, ranks, [null, ...args]);
/**
 * PyTorch's `nn.LazyBatchNorm1d(eps=1e-5, momentum=0.1, affine=True, track_running_stats=True)`: batchNorm1d with
 * numFeatures the input's channels (dimension 1), inferred when the model is built.
 *
 * @example
 * nn.lazyBatchNorm1d(); // [n, 128] → [n, 128]
 */
export const lazyBatchNorm1d: LazyBatchNormBuilder<"lazyBatchNorm1d"> = lazyBatchNorm("lazyBatchNorm1d", [2, 3]);
/**
 * PyTorch's `nn.LazyBatchNorm2d(…)`: batchNorm2d with numFeatures inferred from the input's channels.
 *
 * @example
 * nn.lazyBatchNorm2d(); // [n, 64, 28, 28] → [n, 64, 28, 28]
 */
export const lazyBatchNorm2d: LazyBatchNormBuilder<"lazyBatchNorm2d"> = lazyBatchNorm("lazyBatchNorm2d", [4]);
/**
 * PyTorch's `nn.LazyBatchNorm3d(…)`: batchNorm3d with numFeatures inferred from the input's channels.
 *
 * @example
 * nn.lazyBatchNorm3d(); // [n, 8, 4, 16, 16] → [n, 8, 4, 16, 16]
 */
export const lazyBatchNorm3d: LazyBatchNormBuilder<"lazyBatchNorm3d"> = lazyBatchNorm("lazyBatchNorm3d", [5]);

/**
 * The config of batchNorm1d / 2d / 3d, syncBatchNorm and the lazy batch norms (its runtime object), PyTorch's
 * defaults filled in.
 */
export interface BatchNormConfig extends KindConfig<
  "batchNorm1d" | "batchNorm2d" | "batchNorm3d" | "syncBatchNorm" | LazyBatchNormKind
> {
  /** null: lazy, the input's channels (dimension 1). */
  readonly numFeatures: number | null;
  readonly eps: number;
  /** `null`: a cumulative average (PyTorch's momentum=None). */
  readonly momentum: number | null;
  readonly affine: boolean;
  readonly trackRunningStats: boolean;
}

/**
 * The arguments of the batch and instance norms (`args`: the builder's, numFeatures first, null for the lazy ones),
 * checked: the layer's name, numFeatures and the options (PyTorch's eps and momentum positionally, then an options
 * object).
 */
export function normArgs<Options>(
  kind: string,
  args: ArrayLike<unknown>,
  types?: typeof torchTypes,
): [string, number | null, Options] {
  const [numFeatures, ...rest] = Array.from(args) as [number | null, ...unknown[]];
  const layer = `${kind}(${numFeatures ?? ""})`;
  // the lazy builders' numFeatures is null, and not one of their arguments
  const lazy = numFeatures === null;
  if (!lazy) checkSizes(layer, { numFeatures });
  const options = readOptions(
    layer,
    kind,
    lazy ? rest : args,
    lazy ? [] : ["numFeatures"],
    ["eps", "momentum"],
    batchNormKeys,
    types,
  );
  return [layer, numFeatures, options as Options];
}

function batchNorm(kind: BatchNormConfig["kind"], ranks: number[], args: ArrayLike<unknown>): never {
  const [layer, numFeatures, options] = normArgs<BatchNormOptions>(kind, args, optionTypes);
  // batchNorm3d, syncBatchNorm: with neither weights nor running statistics PyTorch takes any channels (batchNorm1d/2d
  // keep checking them)
  const anyChannels =
    (kind === "batchNorm3d" || kind === "syncBatchNorm") &&
    options.affine === false &&
    options.trackRunningStats === false;
  const runtime: BatchNormConfig = {
    kind,
    written: layer,
    numFeatures,
    eps: options.eps ?? 1e-5,
    momentum: options.momentum === undefined ? 0.1 : options.momentum,
    affine: options.affine ?? true,
    trackRunningStats: options.trackRunningStats ?? true,
    outputShape: (input: RuntimeShape) => batchNormRule(layer, ranks, anyChannels ? null : numFeatures, input),
  };
  return runtime as never;
}
