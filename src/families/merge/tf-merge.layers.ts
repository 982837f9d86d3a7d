// layers.add, average, concatenate, dot, maximum, minimum, multiply: tfjs-layers' merge layers, on several symbolic
// tensors (`layers.concatenate({ axis: -1 }).apply([a, b])`, as tfjs's functional API). A merge is a node of the
// graph (an operation of src/ops, `tfMerge`), not a layer of a chain: it takes its inputs as an array. The rules:
// merge.types.ts, twin merge.ts; converted to tfjs's own merge layers (merge.tfjs.ts).
import type * as tfl from "../../../types/shape/tf-layer-args.ts"; // tfjs-layers' argument types
import type { Checked } from "../../../types/shape/args.ts";
import type { Shape } from "../../../types/shape/dims.ts";
import type {
  CheckedLooseOptions,
  KnownOptions,
  LooseOptions,
  OptionOf,
  RequiredOptions,
  UnknownOptionProblem,
  WrittenLayer,
  Fitting,
} from "../../../types/shape/tf-options.ts";
import { fail } from "../../ops/fail.ts";
import type { ShapesOf, Symbolic } from "../../model/symbolic.ts";
import { operation, type Problem, type Result } from "../../ops/common.ts";
import { checkedWrittenLayer, tfOptions, requiredOptions } from "../../shape/tf-options.ts";
import type { ConcatenateRule, DotRule, MergeRule } from "./merge.types.ts";
import { appliedSpec, type ElementwiseMerge, type MergeKind, type MergeSpec } from "./merge.ts";

/** tfjs-layers' arguments of Add, Average, Maximum, Minimum, Multiply (`LayerArgs`). */
export type MergeArgs = Exclude<NonNullable<Parameters<typeof tfl.layers.add>[0]>, readonly unknown[]>;
/** tfjs-layers' `ConcatenateLayerArgs`. */
export type ConcatenateArgs = Exclude<NonNullable<Parameters<typeof tfl.layers.concatenate>[0]>, readonly unknown[]>;
/** tfjs-layers' `DotLayerArgs`. */
export type DotArgs = Parameters<typeof tfl.layers.dot>[0];
const axisShown = ["axis"] as const;
const axesShown = ["axes", "normalize"] as const;
export const mergeOptions = tfOptions<MergeArgs>()([]);
export const concatenateOptions = tfOptions<ConcatenateArgs>()(axisShown);
export const dotOptions = tfOptions<DotArgs>()(axesShown);

/** A merge layer: `apply` takes its inputs as an array (tfjs's functional API) and gives their merge. */
interface MergeLayerOf<Kind extends MergeKind, Args> {
  readonly kind: Kind;
  /** The layer as messages write it. */
  readonly written: string;
  /** The argument object as given (what `tf.layers` takes). */
  readonly args: Args;
}
/** `layers.add()`, `average()`, `maximum()`, `minimum()`, `multiply()`: elementwise, broadcast as tfjs's Merge. */
export interface ElementwiseMergeLayer<
  Kind extends ElementwiseMerge,
  Layer extends string,
  Args = {},
> extends MergeLayerOf<Kind, Args> {
  /**
   * The merge of the inputs (at least 2): equal batch sizes where known, the other dimensions broadcast from the
   * end (a size of 1 gives way).
   */
  apply<const Tensors extends readonly Symbolic<Shape>[]>(
    inputs: Checked<Tensors, Problem<MergeRule<Layer, ShapesOf<Tensors>>>>,
  ): Symbolic<Result<MergeRule<Layer, ShapesOf<Tensors>>>>;
}
export type Add<Args = {}> = ElementwiseMergeLayer<"Add", "add()", Args>;
export type Average<Args = {}> = ElementwiseMergeLayer<"Average", "average()", Args>;
export type Maximum<Args = {}> = ElementwiseMergeLayer<"Maximum", "maximum()", Args>;
export type Minimum<Args = {}> = ElementwiseMergeLayer<"Minimum", "minimum()", Args>;
export type Multiply<Args = {}> = ElementwiseMergeLayer<"Multiply", "multiply()", Args>;

/** `layers.concatenate({ axis = -1 })`. */
export interface Concatenate<Args = {}> extends MergeLayerOf<"Concatenate", Args> {
  /** The inputs (at least 2, of one rank) joined on the axis; every other dimension must agree. */
  apply<const Tensors extends readonly Symbolic<Shape>[]>(
    inputs: Checked<
      Tensors,
      Problem<
        ConcatenateRule<
          WrittenLayer<"concatenate", Args, typeof axisShown>,
          OptionOf<Args, "axis", -1> & number,
          ShapesOf<Tensors>
        >
      >
    >,
  ): Symbolic<
    Result<
      ConcatenateRule<
        WrittenLayer<"concatenate", Args, typeof axisShown>,
        OptionOf<Args, "axis", -1> & number,
        ShapesOf<Tensors>
      >
    >
  >;
}

/** `layers.dot({ axes, normalize = false })`. */
export interface Dot<Args extends DotArgs = DotArgs> extends MergeLayerOf<"Dot", Args> {
  /** The dot product of 2 inputs (rank 2 or 3) along `axes`. */
  apply<const Tensors extends readonly Symbolic<Shape>[]>(
    inputs: Checked<
      Tensors,
      Problem<DotRule<WrittenLayer<"dot", Args, typeof axesShown>, Args["axes"], ShapesOf<Tensors>>>
    >,
  ): Symbolic<Result<DotRule<WrittenLayer<"dot", Args, typeof axesShown>, Args["axes"], ShapesOf<Tensors>>>>;
}

type Unknown<Name extends string, Args, Known, Shown extends readonly string[]> = UnknownOptionProblem<
  WrittenLayer<Name, Args, Shown>,
  Name,
  Args,
  Known
>;
type MergeProblem<Name extends string, Args, Known, Shown extends readonly string[] = []> =
  KnownOptions<Args, Known> extends true ? false : Unknown<Name, Args, Known, Shown>;

/** The message for a merge layer's `apply` given something other than an array of symbolic tensors. */
export const writeMergeInputsMessage = (layer: string): string =>
  `${layer}: apply takes an array of symbolic tensors (input(...) or what layers and ops give)`;

function mergeLayer(spec: MergeSpec, args: object): MergeLayerOf<MergeKind, object> & { apply: unknown } {
  return {
    kind: spec.kind,
    written: spec.written,
    args,
    apply(inputs: unknown) {
      if (!Array.isArray(inputs) || inputs.some((t) => typeof t !== "object" || t === null || !("node" in t)))
        fail(writeMergeInputsMessage(spec.written));
      const shapes = (inputs as Symbolic<Shape>[]).map((t) => t.shape);
      return operation("tfMerge", [appliedSpec(spec, shapes)], inputs);
    },
  };
}
/** add, average, maximum, minimum, multiply: the builder's name is tfjs's class name in lower case. */
/** The builder of add, average, maximum, minimum and multiply. */
function elementwise(kind: ElementwiseMerge) {
  const name = kind.toLowerCase();
  return (args?: object): never =>
    mergeLayer({ kind, written: checkedWrittenLayer(name, args, mergeOptions, []) }, args ?? {}) as never;
}

/**
 * tfjs's `tf.layers.add()`: the elementwise sum of its inputs.
 *
 * @example
 * const a = input([8, 16]), b = input([8, 16]);
 * layers.add().apply([a, b]); // Symbolic<[number, 8, 16]>
 */
export const add: <const Args extends MergeArgs | LooseOptions = {}, P = MergeProblem<"add", Args, keyof MergeArgs>>(
  args?: CheckedLooseOptions<Args, P, MergeArgs>,
) => Add<Args> = elementwise("Add");
/** tfjs's `tf.layers.average()`: the elementwise mean of its inputs. */
export const average: <
  const Args extends MergeArgs | LooseOptions = {},
  P = MergeProblem<"average", Args, keyof MergeArgs>,
>(
  args?: CheckedLooseOptions<Args, P, MergeArgs>,
) => Average<Args> = elementwise("Average");
/** tfjs's `tf.layers.maximum()`: the elementwise maximum of its inputs. */
export const maximum: <
  const Args extends MergeArgs | LooseOptions = {},
  P = MergeProblem<"maximum", Args, keyof MergeArgs>,
>(
  args?: CheckedLooseOptions<Args, P, MergeArgs>,
) => Maximum<Args> = elementwise("Maximum");
/** tfjs's `tf.layers.minimum()`: the elementwise minimum of its inputs. */
export const minimum: <
  const Args extends MergeArgs | LooseOptions = {},
  P = MergeProblem<"minimum", Args, keyof MergeArgs>,
>(
  args?: CheckedLooseOptions<Args, P, MergeArgs>,
) => Minimum<Args> = elementwise("Minimum");
/**
 * tfjs's `tf.layers.multiply()`: the elementwise product of its inputs (a gate of size 1 broadcasts).
 *
 * @example
 * const features = input([8, 8, 64]), gate = input([1, 1, 64]);
 * layers.multiply().apply([features, gate]); // Symbolic<[number, 8, 8, 64]>
 */
export const multiply: <
  const Args extends MergeArgs | LooseOptions = {},
  P = MergeProblem<"multiply", Args, keyof MergeArgs>,
>(
  args?: CheckedLooseOptions<Args, P, MergeArgs>,
) => Multiply<Args> = elementwise("Multiply");

/** The message for an axis that is not an integer (only JavaScript can pass one). */
export const writeAxisMessage = (layer: string, key: string): string => `${layer}: ${key} must be an integer`;

/**
 * tfjs's `tf.layers.concatenate({ axis = -1 })`: the inputs joined on `axis` (U-Net's skip connections).
 *
 * @example
 * const up = input([32, 32, 64]), skip = input([32, 32, 32]);
 * layers.concatenate().apply([up, skip]); // Symbolic<[number, 32, 32, 96]>
 */
export function concatenate<
  const Args extends ConcatenateArgs | LooseOptions = {},
  P = MergeProblem<"concatenate", Args, keyof ConcatenateArgs, typeof axisShown>,
>(args?: CheckedLooseOptions<Args, P, ConcatenateArgs>): Concatenate<Args> {
  const options = args as ConcatenateArgs | undefined;
  const written = checkedWrittenLayer("concatenate", options, concatenateOptions, axisShown);
  const axis = options?.axis ?? -1;
  if (!Number.isInteger(axis)) fail(writeAxisMessage(written, "axis"));
  return mergeLayer({ kind: "Concatenate", written, axis }, options ?? {}) as never;
}

/**
 * tfjs's `tf.layers.dot({ axes, normalize = false })`: the dot product of 2 inputs along `axes` (one axis for
 * both, or `[a, b]`), cosine similarity with `normalize`.
 *
 * @example
 * const queries = input([4, 8]), keys = input([5, 8]);
 * layers.dot({ axes: 2 }).apply([queries, keys]); // Symbolic<[number, 4, 5]>
 */
export function dot<
  const Args extends RequiredOptions<DotArgs>,
  P = MergeProblem<"dot", Args, keyof DotArgs, typeof axesShown>,
>(args: CheckedLooseOptions<Args, P, DotArgs>): Dot<Fitting<Args, DotArgs>> {
  const options = args as DotArgs;
  const written = checkedWrittenLayer("dot", options, dotOptions, axesShown, requiredOptions<DotArgs>()("axes"));
  const axes = options.axes;
  const pair = typeof axes === "number" ? [axes] : Array.isArray(axes) && axes.length === 2 ? axes : [];
  if (pair.length === 0 || !pair.every(Number.isInteger)) fail(writeAxisMessage(written, "axes"));
  return mergeLayer(
    { kind: "Dot", written, axes: options.axes, normalize: options.normalize ?? false },
    options,
  ) as never;
}
