// torch.nn's other non-linear activations: relu6, hardswish, hardsigmoid, silu, mish, elu, selu, celu,
// softplus, softsign, hardtanh, logsigmoid, tanhshrink, softshrink, hardshrink, threshold (the shape
// is kept), prelu (a weight per channel or one), glu (halves a dimension), softmax2d and softmin.
// Parameters in PyTorch's order, positionally or as a last options object.
import type { Layer, SameShape, ShapeRule } from "../../../types/model/layer.ts";
import type { Checked } from "../../../types/shape/args.ts";
import type { ArgProblems } from "../../../types/shape/plain.ts";
import type { RuntimeLayer } from "../../model/layer.ts";
import { fail } from "../../errors.ts";
import { isOptions } from "../../shape/args.ts";
import type { DimRule } from "./activation.types.ts";
import { dimLayer, keep, noArguments, withParams, type writeNeedsDimMessage } from "./activation.nn.ts";
import { readParams } from "./torch-options.ts";
import type {
  CeluCheck,
  GluRule,
  HardtanhCheck,
  LambdCheck,
  ParamsName,
  ParamsProblems,
  ParamValue,
  PreluRule,
  Softmax2dRule,
} from "./extra-activations.types.ts";
import {
  gluRule,
  preluRule,
  softmax2dRule,
  writeCeluAlphaMessage,
  writeHardtanhRangeMessage,
  writeNegativeLambdMessage,
} from "./extra-activations.ts";

/** A layer of torch.nn's activations that keeps the shape, with its parameters. */
export interface Activation<Kind extends string> extends Layer, RuntimeLayer {
  readonly kind: Kind;
  readonly "~rule": SameShape;
}
export interface ReLU6 extends Activation<"relu6"> {}
export interface Hardswish extends Activation<"hardswish"> {}
export interface Hardsigmoid extends Activation<"hardsigmoid"> {}
export interface SiLU extends Activation<"silu"> {}
export interface Mish extends Activation<"mish"> {}
export interface ELU<Alpha extends number = 1> extends Activation<"elu"> {
  readonly alpha: Alpha;
}
export interface SELU extends Activation<"selu"> {}
export interface CELU<Alpha extends number = 1> extends Activation<"celu"> {
  readonly alpha: Alpha;
}
export interface Softplus<Beta extends number = 1, Threshold extends number = 20> extends Activation<"softplus"> {
  readonly beta: Beta;
  readonly threshold: Threshold;
}
export interface Softsign extends Activation<"softsign"> {}
export interface Hardtanh<Min extends number = -1, Max extends number = 1> extends Activation<"hardtanh"> {
  readonly minVal: Min;
  readonly maxVal: Max;
}
export interface LogSigmoid extends Activation<"logsigmoid"> {}
export interface Tanhshrink extends Activation<"tanhshrink"> {}
export interface Softshrink<Lambd extends number = 0.5> extends Activation<"softshrink"> {
  readonly lambd: Lambd;
}
export interface Hardshrink<Lambd extends number = 0.5> extends Activation<"hardshrink"> {
  readonly lambd: Lambd;
}
export interface Threshold<T extends number, Value extends number> extends Activation<"threshold"> {
  readonly threshold: T;
  readonly value: Value;
}

/** `nn.prelu(numParameters = 1, init = 0.25)`: a learned slope for x < 0, one or one per channel (dim 1). */
export interface PReLU<N extends number = 1> extends Layer, RuntimeLayer {
  readonly kind: "prelu";
  readonly numParameters: N;
  readonly init: number;
  readonly "~rule": PReLUShapeRule<N>;
}
/** The shape rule of PReLU. */
export interface PReLUShapeRule<N extends number> extends ShapeRule {
  readonly "~output": PreluRule<N extends 1 ? "prelu()" : `prelu(${N})`, N, this["~input"]>;
}
/** `nn.glu(dim = -1)`: the first half of dimension dim times the sigmoid of the second half. */
export interface GLU<Dim extends number = -1> extends Layer, RuntimeLayer {
  readonly kind: "glu";
  readonly dim: Dim;
  readonly "~rule": GLUShapeRule<Dim>;
}
/** The shape rule of GLU. */
export interface GLUShapeRule<Dim extends number> extends ShapeRule {
  readonly "~output": GluRule<`glu(${Dim})`, Dim, this["~input"]>;
}
/** `nn.softmax2d()`: softmax over the channels of `[batch, channels, h, w]` or `[channels, h, w]`. */
export interface Softmax2d extends Layer, RuntimeLayer {
  readonly kind: "softmax2d";
  readonly "~rule": Softmax2dShapeRule;
}
/** The shape rule of Softmax2d. */
export interface Softmax2dShapeRule extends ShapeRule {
  readonly "~output": Softmax2dRule<this["~input"]>;
}
/** `nn.softmin(dim)`: softmax of −x over dim. */
export interface Softmin<Dim extends number> extends Layer, RuntimeLayer {
  readonly kind: "softmin";
  readonly dim: Dim;
  readonly "~rule": SoftminShapeRule<Dim>;
}
/** The shape rule of Softmin. */
export interface SoftminShapeRule<Dim extends number> extends ShapeRule {
  readonly "~output": DimRule<`softmin(${Dim})`, Dim, this["~input"]>;
}

/** The config of these activations (their runtime objects): the kind and its numbers. */
export interface ExtraActivationConfig extends RuntimeLayer {
  readonly kind:
    | "relu6"
    | "hardswish"
    | "hardsigmoid"
    | "silu"
    | "mish"
    | "elu"
    | "selu"
    | "celu"
    | "softplus"
    | "softsign"
    | "hardtanh"
    | "logsigmoid"
    | "tanhshrink"
    | "softshrink"
    | "hardshrink"
    | "threshold"
    | "glu"
    | "softmax2d"
    | "softmin";
  readonly alpha?: number;
  readonly beta?: number;
  readonly threshold?: number;
  readonly minVal?: number;
  readonly maxVal?: number;
  readonly lambd?: number;
  readonly value?: number;
  readonly dim?: number;
}
/** The config of prelu. */
export interface PReLUConfig extends RuntimeLayer {
  readonly kind: "prelu";
  readonly numParameters: number;
  readonly init: number;
}

interface InplaceType {
  inplace: boolean;
}
interface InplaceExpected {
  inplace: "true or false (it changes nothing here)";
}
interface NumberExpected {
  alpha: "a number";
  beta: "a number";
  threshold: "a number";
  minVal: "a number";
  maxVal: "a number";
  lambd: "a number";
  value: "a number";
  numParameters: "a number";
  init: "a number";
}
type Expected = InplaceExpected & NumberExpected;
type InplaceNames = ["inplace"];
type InplaceProblems<Kind extends string, A> = ParamsProblems<
  `${Kind}()`,
  Kind,
  InplaceNames,
  [A],
  InplaceType,
  Expected
>;
type InplaceBuilder<Kind extends string, Result> = <const A extends boolean | object | undefined = undefined>(
  inplace?: Checked<A, InplaceProblems<Kind, A>[0]>,
) => Result;

/** PyTorch's `nn.ReLU6(inplace=False)`: min(max(0, x), 6). */
export const relu6: InplaceBuilder<"relu6", ReLU6> = withParams("relu6");
/** PyTorch's `nn.Hardswish(inplace=False)`: x · relu6(x + 3) / 6. */
export const hardswish: InplaceBuilder<"hardswish", Hardswish> = withParams("hardswish");
/** PyTorch's `nn.Hardsigmoid(inplace=False)`: relu6(x + 3) / 6. */
export const hardsigmoid: InplaceBuilder<"hardsigmoid", Hardsigmoid> = withParams("hardsigmoid");
/** PyTorch's `nn.SiLU(inplace=False)`: x · sigmoid(x). */
export const silu: InplaceBuilder<"silu", SiLU> = withParams("silu");
/** PyTorch's `nn.Mish(inplace=False)`: x · tanh(softplus(x)). */
export const mish: InplaceBuilder<"mish", Mish> = withParams("mish");
/** PyTorch's `nn.SELU(inplace=False)`. */
export const selu: InplaceBuilder<"selu", SELU> = withParams("selu");
/** PyTorch's `nn.Softsign()`: x / (1 + |x|). */
export const softsign: (...args: []) => Softsign = noArguments("softsign");
/** PyTorch's `nn.LogSigmoid()`. */
export const logsigmoid: (...args: []) => LogSigmoid = noArguments("logsigmoid");
/** PyTorch's `nn.Tanhshrink()`: x − tanh(x). */
export const tanhshrink: (...args: []) => Tanhshrink = noArguments("tanhshrink");

// ---- one number and inplace: elu, celu

type AlphaNames = ["alpha", "inplace"];
interface AlphaTypes extends InplaceType {
  alpha: number;
}
type AlphaOf<A, B> = ParamValue<AlphaNames, [A, B], "alpha", 1> & number;
type AlphaName<Kind extends string, A, B> = ParamsName<Kind, AlphaNames, [A, B], { alpha: 1 }>;

/** PyTorch's `nn.ELU(alpha=1.0, inplace=False)`: `elu(0.5)`, `elu({ alpha: 0.5 })`. */
export const elu: <
  const A extends number | object | undefined = undefined,
  const B extends boolean | object | undefined = undefined,
  Problems extends ArgProblems = ParamsProblems<
    AlphaName<"elu", A, B>,
    "elu",
    AlphaNames,
    [A, B],
    AlphaTypes,
    Expected
  >,
>(
  alpha?: Checked<A, Problems[0]>,
  inplace?: Checked<B, Problems[1]>,
) => ELU<AlphaOf<A, B>> = withParams("elu", ["alpha", "inplace"], { alpha: 1 });
/** PyTorch's `nn.CELU(alpha=1.0, inplace=False)`; alpha cannot be 0. */
export const celu: <
  const A extends number | object | undefined = undefined,
  const B extends boolean | object | undefined = undefined,
  Problems extends ArgProblems = ParamsProblems<
    AlphaName<"celu", A, B>,
    "celu",
    AlphaNames,
    [A, B],
    AlphaTypes,
    Expected,
    CeluCheck<AlphaName<"celu", A, B>, AlphaOf<A, B>>
  >,
>(
  alpha?: Checked<A, Problems[0]>,
  inplace?: Checked<B, Problems[1]>,
) => CELU<AlphaOf<A, B>> = withParams("celu", ["alpha", "inplace"], { alpha: 1 }, (layer, { alpha }) => {
  if (alpha === 0) fail(writeCeluAlphaMessage(layer));
});

// ---- softplus(beta, threshold)

type SoftplusNames = ["beta", "threshold"];
interface SoftplusTypes {
  beta: number;
  threshold: number;
}
/** PyTorch's `nn.Softplus(beta=1, threshold=20)`: log(1 + exp(β·x)) / β, x where β·x > threshold. */
export const softplus: <
  const A extends number | object | undefined = undefined,
  const B extends number | object | undefined = undefined,
  Problems extends ArgProblems = ParamsProblems<
    ParamsName<"softplus", SoftplusNames, [A, B], { beta: 1; threshold: 20 }>,
    "softplus",
    SoftplusNames,
    [A, B],
    SoftplusTypes,
    Expected
  >,
>(
  beta?: Checked<A, Problems[0]>,
  threshold?: Checked<B, Problems[1]>,
) => Softplus<
  ParamValue<SoftplusNames, [A, B], "beta", 1> & number,
  ParamValue<SoftplusNames, [A, B], "threshold", 20> & number
> = withParams("softplus", ["beta", "threshold"], { beta: 1, threshold: 20 });

// ---- hardtanh(minVal, maxVal, inplace)

type HardtanhNames = ["minVal", "maxVal", "inplace"];
interface HardtanhTypes extends InplaceType {
  minVal: number;
  maxVal: number;
}
type HardtanhName<A, B, C> = ParamsName<"hardtanh", HardtanhNames, [A, B, C], { minVal: -1; maxVal: 1 }>;
type MinOf<A, B, C> = ParamValue<HardtanhNames, [A, B, C], "minVal", -1> & number;
type MaxOf<A, B, C> = ParamValue<HardtanhNames, [A, B, C], "maxVal", 1> & number;
/** PyTorch's `nn.Hardtanh(min_val=-1.0, max_val=1.0, inplace=False)`: x clipped to [minVal, maxVal]; maxVal > minVal. */
export const hardtanh: <
  const A extends number | object | undefined = undefined,
  const B extends number | object | undefined = undefined,
  const C extends boolean | object | undefined = undefined,
  Problems extends ArgProblems = ParamsProblems<
    HardtanhName<A, B, C>,
    "hardtanh",
    HardtanhNames,
    [A, B, C],
    HardtanhTypes,
    Expected,
    HardtanhCheck<HardtanhName<A, B, C>, MinOf<A, B, C>, MaxOf<A, B, C>>
  >,
>(
  minVal?: Checked<A, Problems[0]>,
  maxVal?: Checked<B, Problems[1]>,
  inplace?: Checked<C, Problems[2]>,
) => Hardtanh<MinOf<A, B, C>, MaxOf<A, B, C>> = withParams(
  "hardtanh",
  ["minVal", "maxVal", "inplace"],
  { minVal: -1, maxVal: 1 },
  (layer, values) => {
    if (!(values["maxVal"]! > values["minVal"]!)) fail(writeHardtanhRangeMessage(layer));
  },
);

// ---- softshrink(lambd), hardshrink(lambd)

type LambdNames = ["lambd"];
interface LambdTypes {
  lambd: number;
}
type LambdName<Kind extends string, A> = ParamsName<Kind, LambdNames, [A], { lambd: 0.5 }>;
type LambdOf<A> = ParamValue<LambdNames, [A], "lambd", 0.5> & number;
/** PyTorch's `nn.Softshrink(lambd=0.5)`: x ∓ lambd outside [−lambd, lambd], else 0; lambd ≥ 0. */
export const softshrink: <
  const A extends number | object | undefined = undefined,
  Problems extends ArgProblems = ParamsProblems<
    LambdName<"softshrink", A>,
    "softshrink",
    LambdNames,
    [A],
    LambdTypes,
    Expected,
    LambdCheck<LambdName<"softshrink", A>, LambdOf<A>>
  >,
>(
  lambd?: Checked<A, Problems[0]>,
) => Softshrink<LambdOf<A>> = withParams("softshrink", ["lambd"], { lambd: 0.5 }, (layer, { lambd }) => {
  if (lambd! < 0) fail(writeNegativeLambdMessage(layer));
});
/** PyTorch's `nn.Hardshrink(lambd=0.5)`: x outside [−lambd, lambd], else 0. */
export const hardshrink: <
  const A extends number | object | undefined = undefined,
  Problems extends ArgProblems = ParamsProblems<
    LambdName<"hardshrink", A>,
    "hardshrink",
    LambdNames,
    [A],
    LambdTypes,
    Expected
  >,
>(
  lambd?: Checked<A, Problems[0]>,
) => Hardshrink<LambdOf<A>> = withParams("hardshrink", ["lambd"], { lambd: 0.5 });

// ---- threshold(threshold, value, inplace)

type ThresholdNames = ["threshold", "value", "inplace"];
interface ThresholdTypes extends InplaceType {
  threshold: number;
  value: number;
}
/** PyTorch's `nn.Threshold(threshold, value, inplace=False)`: x where x > threshold, else value. Both required. */
export function threshold<
  const A extends number,
  const B extends number,
  const C extends boolean | object | undefined = undefined,
  Problems extends ArgProblems = ParamsProblems<
    `threshold(${A}, ${B})`,
    "threshold",
    ThresholdNames,
    [A, B, C],
    ThresholdTypes,
    Expected
  >,
>(
  threshold: Checked<A, Problems[0]>,
  value: Checked<B, Problems[1]>,
  inplace?: Checked<C, Problems[2]>,
): Threshold<A, B> {
  // both required positionally, as the types take them (PyTorch's order): not from an options object
  if (typeof threshold !== "number" || typeof value !== "number")
    fail("threshold(…): threshold and value are required numbers: nn.threshold(0.1, 20)");
  return thresholdLayer(...arguments);
}
const thresholdLayer = withParams("threshold", ["threshold", "value", "inplace"]);

// ---- prelu(numParameters, init)

type PreluNames = ["numParameters", "init"];
interface PreluTypes {
  numParameters: number;
  init: number;
}
type PreluN<A, B> = ParamValue<PreluNames, [A, B], "numParameters", 1> & number;
/** PyTorch's `nn.PReLU(num_parameters=1, init=0.25)`: `prelu()`, `prelu(64)` (one slope per channel), `prelu(64, 0.1)`. */
export function prelu<
  const A extends number | object | undefined = undefined,
  const B extends number | object | undefined = undefined,
  Problems extends ArgProblems = ParamsProblems<
    PreluN<A, B> extends 1 ? "prelu()" : `prelu(${PreluN<A, B>})`,
    "prelu",
    PreluNames,
    [A, B],
    PreluTypes,
    Expected
  >,
>(numParameters?: Checked<A, Problems[0]>, init?: Checked<B, Problems[1]>): PReLU<PreluN<A, B>> {
  // messages name the layer as the types do: prelu() or prelu(numParameters), from an argument or an option
  const options = [numParameters, init].find(isOptions) as { numParameters?: unknown } | undefined;
  const writtenPrelu = (n: unknown): string => (n === 1 ? "prelu()" : `prelu(${String(n)})`);
  const shown = typeof numParameters === "number" ? numParameters : (options?.numParameters ?? 1);
  const read = readParams(
    "prelu",
    ["numParameters", "init"],
    Array.from(arguments),
    { numParameters: 1, init: 0.25 },
    writtenPrelu(shown),
  );
  const n = read.values["numParameters"] as number;
  const layer = writtenPrelu(n);
  if (!Number.isSafeInteger(n) || n < 1) fail(`${layer}: numParameters must be a positive integer`);
  return keep("prelu", layer, { numParameters: n, init: read.values["init"] }, (input) => preluRule(layer, n, input));
}

/** PyTorch's `nn.GLU(dim=-1)`: a ⊗ sigmoid(b) for the halves a, b of dimension dim, whose size must be even. */
export const glu: <const Dim extends number = -1>(dim?: Dim) => GLU<Dim> = dimLayer("glu", gluRule, -1);
/** PyTorch's `nn.Softmax2d()`: softmax over the channels (dim −3) of an input of rank 3 or 4. */
export const softmax2d: (...args: []) => Softmax2d = noArguments("softmax2d", softmax2dRule);
/** PyTorch's `nn.Softmin(dim)`: softmax(−x) over dim (dim required, as softmax's). */
export const softmin: <const Dim extends number = never>(
  this: [Dim] extends [never] ? writeNeedsDimMessage<"softmin"> : unknown,
  dim?: Dim,
) => Softmin<[Dim] extends [never] ? -1 : Dim> = dimLayer("softmin");
