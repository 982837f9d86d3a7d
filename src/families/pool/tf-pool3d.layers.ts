// layers.maxPooling3d / averagePooling3d (and tfjs's aliases avgPool3d, avgPooling3d): tfjs-layers' 3D pooling on
// [batch, depth, height, width, channels] (channels last) or [batch, channels, depth, height, width]. The rule is
// tfjs's pooling rule of tf-pool.types.ts with three spatial dimensions.
import type * as tfl from "../../../types/shape/tf-layer-args.ts"; // tfjs-layers' argument types
import type { ShapeRule } from "../../../types/model/layer.ts";
import type { PerDim } from "../../../types/shape/args.ts";
import type { TfPoolRule } from "./tf-pool.types.ts";
import type {
  CheckedLooseOptions,
  Fitting,
  RequiredOptions,
  DataFormat,
  FirstOptionProblem,
  InputShapeChecked,
  OptionOf,
  PlainOptions,
  SizeOptionProblem,
  UnknownOptionProblem,
  WrittenLayer,
} from "../../../types/shape/tf-options.ts";
import type { TfjsConfig } from "../layer-config.ts";
import type { TfPadding } from "../conv/tf-conv.ts";
import type { SizeArg } from "../conv/tf-conv.layers.ts";
import type { TfLayerOf } from "../activation/tf-activation.layers.ts";
import { layersPool } from "./tf-pool.layers.ts";
import { tfOptions } from "../../shape/tf-options.ts";

const shownOptions = ["poolSize", "strides", "padding", "dataFormat"] as const;
type ShownOptions = typeof shownOptions;

/** tfjs-layers' `Pooling3DLayerArgs`. */
export interface Pooling3DArgs extends Omit<
  NonNullable<Parameters<typeof tfl.layers.maxPooling3d>[0]>,
  ShownOptions[number]
> {
  /** Default [2, 2, 2]. */
  readonly poolSize?: SizeArg;
  /** Default: the pool size. */
  readonly strides?: SizeArg;
  /** Default "valid": ⌈(n − poolSize + 1) / strides⌉; "same": ⌈n / strides⌉. */
  readonly padding?: TfPadding;
  /** Default "channelsLast": [batch, depth, height, width, channels]. */
  readonly dataFormat?: DataFormat;
}
export const pooling3dOptions = tfOptions<Pooling3DArgs>()(shownOptions);

type PoolSizeOf<Args> = OptionOf<Args, "poolSize", [2, 2, 2]>;
type Rule<Name extends string, Args, Input> = TfPoolRule<
  WrittenLayer<Name, Args, ShownOptions>,
  3,
  PerDim<PoolSizeOf<Args>, 3>,
  PerDim<OptionOf<Args, "strides", PoolSizeOf<Args>>, 3>,
  OptionOf<Args, "padding", "valid">,
  OptionOf<Args, "dataFormat", "channelsLast"> & DataFormat,
  Input
>;

/** `layers.maxPooling3d({ poolSize, strides, padding, dataFormat })` on [batch, depth, height, width, channels]. */
export interface MaxPooling3D<Args extends Pooling3DArgs = {}> extends TfLayerOf<Args> {
  readonly kind: "MaxPooling3D";
  readonly "~rule": MaxPooling3DShapeRule<Args>;
}
/** The shape rule of MaxPooling3D. */
export interface MaxPooling3DShapeRule<Args extends Pooling3DArgs> extends ShapeRule {
  readonly "~output": InputShapeChecked<
    "maxPooling3d",
    Args,
    this["~input"],
    Rule<"maxPooling3d", Args, this["~input"]>
  >;
}
/** `layers.averagePooling3d({ poolSize, strides, padding, dataFormat })` on [batch, depth, height, width, channels]. */
export interface AveragePooling3D<Args extends Pooling3DArgs = {}> extends TfLayerOf<Args> {
  readonly kind: "AveragePooling3D";
  readonly "~rule": AveragePooling3DShapeRule<Args>;
}
/** The shape rule of AveragePooling3D. */
export interface AveragePooling3DShapeRule<Args extends Pooling3DArgs> extends ShapeRule {
  readonly "~output": InputShapeChecked<
    "averagePooling3d",
    Args,
    this["~input"],
    Rule<"averagePooling3d", Args, this["~input"]>
  >;
}
/** The config of the 3D pooling layers (their runtime objects). */
export interface TfPool3DConfig extends TfjsConfig<"MaxPooling3D" | "AveragePooling3D", Pooling3DArgs> {
  readonly poolSize: SizeArg;
  readonly strides: SizeArg;
  readonly padding: "valid" | "same";
  readonly dataFormat: DataFormat;
}

type Pool3DProblem<
  Name extends string,
  Args,
  Layer extends string = WrittenLayer<Name, Args, ShownOptions>,
> = FirstOptionProblem<
  [
    UnknownOptionProblem<Layer, Name, Args, keyof Pooling3DArgs>,
    SizeOptionProblem<Layer, Args, "poolSize", 3>,
    SizeOptionProblem<Layer, Args, "strides", 3>,
  ]
>;

/**
 * tfjs's `tf.layers.maxPooling3d({ poolSize = [2, 2, 2], strides = poolSize, padding = "valid", dataFormat = "channelsLast" })`.
 * (tfjs's own factory needs an argument object; here it may be left out.)
 *
 * @example
 * layers.maxPooling3d({ poolSize: 2 }); // [n, 16, 32, 32, 8] → [n, 8, 16, 16, 8]
 */
export const maxPooling3d: <
  const Args extends RequiredOptions<Pooling3DArgs> = {},
  Problem = PlainOptions<Args, keyof Pooling3DArgs, "poolSize" | "strides", 3> extends true
    ? false
    : Pool3DProblem<"maxPooling3d", Args>,
>(
  args?: CheckedLooseOptions<Args, Problem, Pooling3DArgs>,
) => MaxPooling3D<Fitting<Args, Pooling3DArgs>> = layersPool("MaxPooling3D", "maxPooling3d", 3, pooling3dOptions);
/**
 * tfjs's `tf.layers.averagePooling3d({ poolSize = [2, 2, 2], strides = poolSize, padding = "valid", dataFormat = "channelsLast" })`.
 *
 * @example
 * layers.averagePooling3d({ poolSize: [1, 2, 2] }); // [n, 16, 32, 32, 8] → [n, 16, 16, 16, 8]
 */
export const averagePooling3d: <
  const Args extends RequiredOptions<Pooling3DArgs> = {},
  Problem = PlainOptions<Args, keyof Pooling3DArgs, "poolSize" | "strides", 3> extends true
    ? false
    : Pool3DProblem<"averagePooling3d", Args>,
>(
  args?: CheckedLooseOptions<Args, Problem, Pooling3DArgs>,
) => AveragePooling3D<Fitting<Args, Pooling3DArgs>> = layersPool(
  "AveragePooling3D",
  "averagePooling3d",
  3,
  pooling3dOptions,
);
