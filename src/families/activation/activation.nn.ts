// Activations, dropout and identity (the shape is kept), and softmax/logSoftmax over a dim.
import type { Layer, SameShape, ShapeRule } from "../../../types/model/layer.ts";
import type {
  Checked,
  GivenTwiceProblem,
  IsOptions,
  TrailingOptionsProblem,
  writeAfterOptionsMessage,
} from "../../../types/shape/args.ts";
import type { ArgProblems } from "../../../types/shape/plain.ts";
import {
  checkArguments,
  checkKnownKeys,
  checkOptionTypes,
  expected,
  isOptions,
  splitOptions,
} from "../../shape/args.ts";
import type { DimRule } from "./activation.types.ts";
import { fail } from "../../errors.ts";
import { dimRule } from "./activation.ts";
import { optionTypes, readParams } from "./torch-options.ts";
import type { RuntimeShape } from "../../shape/dims.ts";
import type { RuntimeLayer } from "../../model/layer.ts";
import type { KindConfig } from "../layer-config.ts";

/** A layer whose output has its input's shape. */
export interface Elementwise<Kind extends string> extends Layer, RuntimeLayer {
  readonly kind: Kind;
  readonly "~rule": SameShape;
}
export interface ReLU extends Elementwise<"relu"> {}
export interface LeakyReLU<Slope extends number = 0.01> extends Elementwise<"leakyRelu"> {
  readonly negativeSlope: Slope;
}
export interface GELU extends Elementwise<"gelu"> {}
export interface Sigmoid extends Elementwise<"sigmoid"> {}
export interface Tanh extends Elementwise<"tanh"> {}
export interface Identity extends Elementwise<"identity"> {}
export interface Dropout<P extends number = 0.5> extends Elementwise<"dropout"> {
  readonly p: P;
}
export interface Dropout2d<P extends number = 0.5> extends Elementwise<"dropout2d"> {
  readonly p: P;
}

/** `nn.softmax(dim)` / `nn.logSoftmax(dim)`: the shape is kept; dim must be in range. */
export interface Softmax<Dim extends number> extends Layer, RuntimeLayer {
  readonly kind: "softmax";
  readonly dim: Dim;
  readonly "~rule": SoftmaxShapeRule<Dim>;
}
/** The shape rule of Softmax. */
export interface SoftmaxShapeRule<Dim extends number> extends ShapeRule {
  readonly "~output": DimRule<`softmax(${Dim})`, Dim, this["~input"]>;
}
export interface LogSoftmax<Dim extends number> extends Layer, RuntimeLayer {
  readonly kind: "logSoftmax";
  readonly dim: Dim;
  readonly "~rule": LogSoftmaxShapeRule<Dim>;
}
/** The shape rule of LogSoftmax. */
export interface LogSoftmaxShapeRule<Dim extends number> extends ShapeRule {
  readonly "~output": DimRule<`logSoftmax(${Dim})`, Dim, this["~input"]>;
}

/** The config of an activation or dropout (its runtime object): its kind and its one argument, if any. */
export type ActivationConfig =
  KindConfig<"relu" | "gelu" | "sigmoid" | "tanh" | "identity"> | LeakyReluConfig | DropoutConfig | SoftmaxConfig;
export interface LeakyReluConfig extends KindConfig<"leakyRelu"> {
  readonly negativeSlope: number;
}
export interface DropoutConfig extends KindConfig<"dropout" | "dropout2d"> {
  readonly p: number;
}
export interface SoftmaxConfig extends KindConfig<"softmax" | "logSoftmax"> {
  readonly dim: number;
}

/** A layer's runtime object: its kind, how messages write it, its config fields and its rule (the shape kept). */
export function keep(
  kind: string,
  written: string,
  fields: Record<string, unknown> = {},
  rule: (input: RuntimeShape) => RuntimeShape = (input) => input,
): never {
  const runtime: RuntimeLayer & Record<string, unknown> = { kind, written, ...fields, outputShape: rule };
  return runtime as never;
}
/** A builder of a layer without arguments (any argument refused at run time, as the compiler does). */
export const noArguments =
  (kind: string, rule?: (input: RuntimeShape) => RuntimeShape) =>
  (...args: unknown[]): never => (checkArguments(`${kind}()`, args, []), keep(kind, `${kind}()`, {}, rule));

/** What each activation parameter must be, as messages write it (one table for every activation builder). */
export function withParams(
  kind: string,
  names: readonly string[] = ["inplace"], // by default: only inplace
  defaults: Record<string, number> = {},
  check?: (layer: string, values: Record<string, number>) => void,
) {
  return (...args: unknown[]): never => {
    const read = readParams(kind, names, args, defaults);
    const [layer, values] = [read.layer, read.values as Record<string, number>];
    check?.(layer, values);
    const fields = Object.fromEntries(names.filter((name) => name !== "inplace").map((name) => [name, values[name]]));
    return keep(kind, layer, fields);
  };
}

/** The message when a probability is not in [0, 1]. */
export type writeProbabilityMessage<Layer extends string> = `${Layer}: p must be a probability between 0 and 1`;
export const writeProbabilityMessage = (layer: string): string => `${layer}: p must be a probability between 0 and 1`;

// `inplace` (PyTorch's memory saving) changes nothing here: accepted, positionally or as an option.
/** The keyword options of an activation that has nothing but `inplace`. */
export interface InplaceOptions {
  /** Default false; it changes nothing here. */
  readonly inplace?: boolean;
}
interface InplaceTypes {
  inplace: boolean;
}
interface InplaceExpected {
  inplace: "true or false (it changes nothing here)";
}
/** An `inplace` argument: true/false, or an options object of known keys with values of their types. */
type InplaceProblem<
  Layer extends string,
  Kind extends string,
  Inplace,
  Known extends string = "inplace",
  Types = InplaceTypes,
  Expected = InplaceExpected,
> = [Inplace] extends [boolean | undefined]
  ? false
  : TrailingOptionsProblem<Layer, `nn.${Kind}`, Inplace, Known, Types, Expected>;
function checkInplace(layer: string, kind: string, inplace: unknown, known: readonly string[] = ["inplace"]): void {
  if (isOptions(inplace)) checkKnownKeys(layer, `nn.${kind}`, inplace, known);
  checkOptionTypes(layer, isOptions(inplace) ? inplace : { inplace }, optionTypes);
}
/** PyTorch's `nn.ReLU(inplace=False)`. */
export const relu: <const Inplace extends boolean | object | undefined = undefined>(
  inplace?: Checked<Inplace, InplaceProblem<"relu()", "relu", Inplace>>,
) => ReLU = withParams("relu");
/** PyTorch's `nn.LeakyReLU(negative_slope=0.01, inplace=False)`: `leakyRelu(0.2)`, `leakyRelu(0.2, true)`, `leakyRelu({ negativeSlope: 0.2 })`. */
export const leakyRelu: <
  const First extends number | object | undefined = undefined,
  const Second extends boolean | object | undefined = undefined,
>(
  negativeSlopeOrOptions?: Checked<
    First,
    IsOptions<First> extends true
      ? InplaceProblem<
          LeakyName<First, Second>,
          "leakyRelu",
          First,
          "inplace" | "negativeSlope",
          LeakyTypes,
          LeakyExpected
        >
      : false
  >,
  inplaceOrOptions?: Checked<
    Second,
    IsOptions<First> extends true
      ? [Second] extends [undefined]
        ? false
        : writeAfterOptionsMessage<LeakyName<First, Second>>
      : InplaceProblem<
            LeakyName<First, Second>,
            "leakyRelu",
            Second,
            "inplace" | "negativeSlope",
            LeakyTypes,
            LeakyExpected
          > extends infer P extends string
        ? P
        : GivenTwiceProblem<LeakyName<First, Second>, Second, [First] extends [undefined] ? never : "negativeSlope">
  >,
) => LeakyReLU<SlopeOf<First, Second>> = valueAndInplace("leakyRelu", "negativeSlope", 0.01);
type LeakyName<First, Second> =
  IsOptions<First> extends true
    ? First extends { readonly negativeSlope: infer S extends number }
      ? `leakyRelu(${S})`
      : "leakyRelu()"
    : [First] extends [undefined]
      ? Second extends { readonly negativeSlope: infer S extends number }
        ? `leakyRelu(${S})`
        : "leakyRelu()"
      : `leakyRelu(${First & number})`;
type SlopeOf<First, Second> =
  IsOptions<First> extends true
    ? First extends { readonly negativeSlope: infer S extends number }
      ? S
      : 0.01
    : [First] extends [undefined]
      ? Second extends { readonly negativeSlope: infer S extends number }
        ? S
        : 0.01
      : First & number;
interface LeakyTypes {
  inplace: boolean;
  negativeSlope: number;
}
interface LeakyExpected {
  inplace: "true or false (it changes nothing here)";
  negativeSlope: "a number";
}
/** PyTorch's `nn.GELU()` (`approximate` is not supported: it is not an option here). */
export const gelu: <const Options extends object | undefined = undefined>(
  options?: Checked<Options, InplaceProblem<"gelu()", "gelu", Options, never>>,
) => GELU = (options?: unknown, ...extra: unknown[]): never => {
  checkArguments("gelu()", [options, ...extra], ["options"]);
  checkInplace("gelu()", "gelu", options, []);
  return keep("gelu", "gelu()");
};
/** PyTorch's `nn.Sigmoid()`. */
export const sigmoid: (...args: []) => Sigmoid = noArguments("sigmoid");
/** PyTorch's `nn.Tanh()`. */
export const tanh: (...args: []) => Tanh = noArguments("tanh");
/** PyTorch's `nn.Identity()`. */
export const identity: (...args: []) => Identity = noArguments("identity");

type POf<First, Second> =
  IsOptions<First> extends true
    ? First extends { readonly p: infer P extends number }
      ? P
      : 0.5
    : [First] extends [undefined]
      ? Second extends { readonly p: infer P extends number }
        ? P
        : 0.5
      : First & number;
interface DropoutTypes {
  inplace: boolean;
  p: number;
}
interface DropoutExpected {
  inplace: "true or false (it changes nothing here)";
  p: "a number";
}
/** The problems of dropout's arguments `(p?, inplace?)`, either of which may be the options object `{ p, inplace }`. */
type DropoutProblems<Kind extends string, First, Second, Layer extends string = `${Kind}(${POf<First, Second>})`> = [
  IsOptions<First> extends true
    ? InplaceProblem<Layer, Kind, First, "inplace" | "p", DropoutTypes, DropoutExpected> extends infer P extends string
      ? P
      : ProbabilityProblem<POf<First, Second>, Layer>
    : [First] extends [undefined]
      ? false
      : ProbabilityProblem<POf<First, Second>, Layer>,
  IsOptions<First> extends true
    ? [Second] extends [undefined]
      ? false
      : writeAfterOptionsMessage<Layer>
    : InplaceProblem<Layer, Kind, Second, "inplace" | "p", DropoutTypes, DropoutExpected> extends infer P extends string
      ? P
      : GivenTwiceProblem<Layer, Second, [First] extends [undefined] ? never : "p"> extends infer P extends string
        ? P
        : [First] extends [undefined]
          ? IsOptions<Second> extends true
            ? ProbabilityProblem<POf<First, Second>, Layer>
            : false
          : false,
];
type ProbabilityProblem<P, Layer extends string> = number extends P
  ? false
  : `${P & number}` extends `-${string}`
    ? writeProbabilityMessage<Layer>
    : P extends 0 | 1
      ? false
      : `${P & number}` extends `0.${string}`
        ? false
        : writeProbabilityMessage<Layer>;
/**
 * leakyRelu's and dropout's arguments `(value?, inplace?)`, either of which may be the options object
 * `{ [name], inplace }`. Dropouts show p even when it is the default (`dropout(0.5)`); leakyRelu only when given.
 */
function valueAndInplace(kind: string, name: "p" | "negativeSlope", fallback: number) {
  return (...rest: unknown[]): never => {
    const at = rest.findIndex(isOptions);
    const options = (at === -1 ? {} : rest[at]) as Record<string, unknown>;
    const given = (at === 0 ? undefined : rest[0]) ?? options[name];
    const value = given ?? fallback;
    const layer = given === undefined && name !== "p" ? `${kind}()` : `${kind}(${value})`;
    splitOptions(layer, `nn.${kind}`, [name, "inplace"], rest, [name, "inplace"]);
    checkOptionTypes(layer, options, optionTypes);
    if (at !== 1) checkInplace(layer, kind, rest[1]);
    if (name === "p" && !(typeof value === "number" && value >= 0 && value <= 1)) fail(writeProbabilityMessage(layer));
    return keep(kind, layer, { [name]: value });
  };
}

/** PyTorch's `nn.Dropout(p=0.5, inplace=False)`: zeroes elements with probability p while training. */
export const dropout: <
  const First extends number | object | undefined = undefined,
  const Second extends boolean | object | undefined = undefined,
  Problems extends ArgProblems = [First, Second] extends [number | undefined, undefined]
    ? [[First] extends [undefined] ? false : ProbabilityProblem<First, `dropout(${First & number})`>, false]
    : DropoutProblems<"dropout", First, Second>,
>(
  p?: Checked<First, Problems[0]>,
  inplaceOrOptions?: Checked<Second, Problems[1]>,
) => Dropout<POf<First, Second>> = valueAndInplace("dropout", "p", 0.5);
/** PyTorch's `nn.Dropout2d(p=0.5, inplace=False)`: zeroes whole channels with probability p while training. */
export const dropout2d: <
  const First extends number | object | undefined = undefined,
  const Second extends boolean | object | undefined = undefined,
  Problems extends ArgProblems = [First, Second] extends [number | undefined, undefined]
    ? [[First] extends [undefined] ? false : ProbabilityProblem<First, `dropout2d(${First & number})`>, false]
    : DropoutProblems<"dropout2d", First, Second>,
>(
  p?: Checked<First, Problems[0]>,
  inplaceOrOptions?: Checked<Second, Problems[1]>,
) => Dropout2d<POf<First, Second>> = valueAndInplace("dropout2d", "p", 0.5);

/** The message when softmax or logSoftmax is called without its dim. */
export type writeNeedsDimMessage<Kind extends string> =
  `${Kind}(): ${Kind} needs dim, the dimension to normalize: nn.${Kind}(1) on [batch, classes] (PyTorch's implicit dim is deprecated)`;
export const writeNeedsDimMessage = (kind: string): string =>
  `${kind}(): ${kind} needs dim, the dimension to normalize: nn.${kind}(1) on [batch, classes] (PyTorch's implicit dim is deprecated)`;
/** softmax's and logSoftmax's builder (dim required). */
/** softmax, logSoftmax, softmin (dim required) and glu (dim -1 when left out): their dim checked, then `rule`. */
export function dimLayer(
  kind: "softmax" | "logSoftmax" | "softmin" | "glu",
  rule: (layer: string, dim: number, input: RuntimeShape) => RuntimeShape = dimRule,
  fallback?: number,
) {
  return (...args: unknown[]): never => {
    const [given] = args;
    const dim = fallback === undefined ? given : (given ?? fallback);
    const layer = `${kind}(${String(dim)})`;
    // (softmin refuses a missing dim before an argument too many)
    if (kind === "softmin" && dim === undefined) fail(writeNeedsDimMessage(kind));
    checkArguments(layer, args, ["dim"]);
    if (dim === undefined) fail(writeNeedsDimMessage(kind));
    if (typeof dim !== "number") fail(`${layer}: dim must be a number`);
    return keep(kind, layer, { dim }, (input) => rule(layer, dim, input));
  };
}

/**
 * PyTorch's `nn.Softmax(dim)`. The dim is required (the call without it is one error on the call,
 * made with a `this` parameter: a missing argument cannot carry a message).
 */
export const softmax: <const Dim extends number = never>(
  this: [Dim] extends [never] ? writeNeedsDimMessage<"softmax"> : unknown,
  dim?: Dim,
) => Softmax<[Dim] extends [never] ? -1 : Dim> = dimLayer("softmax");
/** PyTorch's `nn.LogSoftmax(dim)` (dim required, as softmax's). */
export const logSoftmax: <const Dim extends number = never>(
  this: [Dim] extends [never] ? writeNeedsDimMessage<"logSoftmax"> : unknown,
  dim?: Dim,
) => LogSoftmax<[Dim] extends [never] ? -1 : Dim> = dimLayer("logSoftmax");
