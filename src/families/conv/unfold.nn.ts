// nn.unfold: PyTorch's Unfold (im2col) on [batch, channels, height, width]: each sliding block's values as a column.
import type { Layer, ShapeRule } from "../../../types/model/layer.ts";
import type {
  Checked,
  IsOptions,
  PerDim,
  GivenTwiceProblem,
  UnknownKeyProblem,
  WithoutLastComma,
  writeAfterOptionsMessage,
  Written,
  writePositionalMessage,
} from "../../../types/shape/args.ts";
import type { FirstProblem, SizeArgProblem } from "../../../types/shape/problems.ts";
import type { ByName, PositionalSettings } from "../../../types/shape/positional.ts";
import type { ArgProblems, IsPlainSizeArg } from "../../../types/shape/plain.ts";
import type { UnfoldRule } from "./unfold.types.ts";
import { perDim, splitOptions, written, checkArguments } from "../../shape/args.ts";
import type { RuntimeShape } from "../../shape/dims.ts";
import type { RuntimeLayer } from "../../model/layer.ts";
import type { KindConfig } from "../layer-config.ts";
import { unfoldRule } from "./unfold.ts";
import {
  checkKernelPositional,
  checkSizeArg,
  optionals,
  settingsOf,
  valuesOf,
  writtenCall,
} from "./torch-arguments.ts";
import type { SizeArg } from "./conv.nn.ts";

/** PyTorch's keyword arguments of Unfold, with PyTorch's defaults. */
export interface UnfoldOptions {
  /** Default 1. */
  readonly dilation?: SizeArg;
  /** Default 0 (zeros on both sides). */
  readonly padding?: SizeArg;
  /** Default 1. */
  readonly stride?: SizeArg;
}
type UnfoldKey = keyof UnfoldOptions;
/** PyTorch's keywords of Unfold in camelCase. */
export const unfoldKeys = ["dilation", "padding", "stride"] as const satisfies readonly UnfoldKey[];

type Option<Options, Key extends UnfoldKey, Default> = Options extends { readonly [K in Key]: infer Value }
  ? Value
  : Default;

/** How messages write an unfold: `unfold(3)`, `unfold([2, 3], { padding: 1, stride: 2 })`. */
export type WrittenUnfold<Kernel, Dilation, Padding, Stride> = `unfold(${Written<Kernel>}${[
  Dilation,
  Padding,
  Stride,
] extends [1, 0, 1]
  ? ""
  : `, { ${WithoutLastComma<`${Dilation extends 1 ? "" : `dilation: ${Written<Dilation>}, `}${Padding extends 0 ? "" : `padding: ${Written<Padding>}, `}${Stride extends 1 ? "" : `stride: ${Written<Stride>}, `}`>} }`})`;

/** `nn.unfold(kernelSize, { dilation, padding, stride })`: [batch, C, H, W] → [batch, C·kH·kW, blocks]. */
export interface Unfold<Kernel, Dilation = 1, Padding = 0, Stride = 1> extends Layer, RuntimeLayer {
  readonly kind: "unfold";
  readonly kernelSize: Kernel;
  readonly dilation: Dilation;
  readonly padding: Padding;
  readonly stride: Stride;
  readonly "~rule": UnfoldShapeRule<Kernel, Dilation, Padding, Stride>;
}
/** The shape rule of Unfold. */
export interface UnfoldShapeRule<Kernel, Dilation, Padding, Stride> extends ShapeRule {
  readonly "~output": UnfoldRule<
    WrittenUnfold<Kernel, Dilation, Padding, Stride>,
    PerDim<Kernel, 2>,
    PerDim<Stride, 2>,
    PerDim<Padding, 2>,
    PerDim<Dilation, 2>,
    this["~input"]
  >;
}

// PyTorch's dilation, padding and stride positionally, then an options object (`nn.unfold(3, 1, 1, 2)`): each value
// checked as the option of its name (shared with fold).
/** The values given positionally, by name (left out: `undefined`), up to the options object. */
/** PyTorch's order after the kernel. */
type UnfoldNames = ["dilation", "padding", "stride"];
/** Every setting after the kernel as one options object (a value given twice: the argument's, as the runtime's). */
export type UnfoldSettings<Rest extends readonly unknown[]> = PositionalSettings<UnfoldNames, Rest>;
type SettingsProblem<Layer extends string, Of extends string, Options, Positional extends string> = FirstProblem<
  [
    UnknownKeyProblem<Layer, Of, Options, UnfoldKey>,
    GivenTwiceProblem<Layer, Options, Positional>,
    SizeArgProblem<Layer, "dilation", Option<Options, "dilation", 1>, 2>,
    SizeArgProblem<Layer, "padding", Option<Options, "padding", 0>, 2, 0>,
    SizeArgProblem<Layer, "stride", Option<Options, "stride", 1>, 2>,
  ]
>;
/** Each argument after the kernel: its value checked as its name's option, the options object, or one after it. */
export type UnfoldArgProblems<
  Layer extends string,
  Of extends string,
  Rest extends readonly unknown[],
  Given extends string = keyof ByName<UnfoldNames, Rest> & string,
  Names extends readonly string[] = UnfoldNames,
  Seen extends boolean = false,
> = Rest extends readonly [infer Value, ...infer Others]
  ? [
      Seen extends true
        ? [Value] extends [undefined]
          ? false
          : {} extends Value
            ? false
            : writeAfterOptionsMessage<Layer>
        : IsOptions<Value> extends true
          ? SettingsProblem<Layer, Of, Value, Given>
          : [Value] extends [undefined]
            ? false
            : Names extends readonly [infer Name extends string, ...unknown[]]
              ? SettingsProblem<Layer, Of, { readonly [K in Name]: Value }, never>
              : false,
      ...UnfoldArgProblems<
        Layer,
        Of,
        Others,
        Given,
        Names extends readonly [unknown, ...infer OtherNames extends string[]] ? OtherNames : [],
        Seen extends true ? true : IsOptions<Value>
      >,
    ]
  : [];

type UnfoldProblems<Kernel, Rest extends readonly unknown[]> =
  IsOptions<Kernel> extends true
    ? [
        writePositionalMessage<"unfold({ … })", "kernelSize", "kernelSize, dilation, padding, stride">,
        false,
        false,
        false,
        false,
      ]
    : [IsPlainSizeArg<Kernel, 2>, {} extends Rest[0] & Rest[1] & Rest[2] & Rest[3] ? true : false] extends [true, true]
      ? [false, false, false, false, false]
      : UnfoldSettings<Rest> extends infer All
        ? WrittenUnfold<
            Kernel,
            Option<All, "dilation", 1>,
            Option<All, "padding", 0>,
            Option<All, "stride", 1>
          > extends infer Layer extends string
          ? [SizeArgProblem<Layer, "kernelSize", Kernel, 2>, ...UnfoldArgProblems<Layer, "nn.unfold", Rest>]
          : never
        : never;

/**
 * PyTorch's `nn.Unfold(kernel_size, dilation=1, padding=0, stride=1)` on [batch, channels, height, width]: every
 * sliding block as a column of channels·kH·kW values; the blocks are the convolution's output positions.
 *
 * @example
 * nn.unfold(2, { stride: 2 }); // [n, 3, 8, 6] → [n, 12, 12]
 */
export function unfold<
  const Kernel extends SizeArg | object,
  const Second extends SizeArg | object | undefined = {},
  const Third extends SizeArg | object | undefined = {},
  const Fourth extends SizeArg | object | undefined = {},
  const Options extends object = {},
  Problems extends ArgProblems = UnfoldProblems<Kernel, [Second, Third, Fourth, Options]>,
>(
  kernelSize: Checked<Kernel, Problems[0]>,
  dilationOrOptions?: Checked<Second, Problems[1]>,
  paddingOrOptions?: Checked<Third, Problems[2]>,
  strideOrOptions?: Checked<Fourth, Problems[3]>,
  options?: Checked<Options, Problems[4]>,
): UnfoldSettings<[Second, Third, Fourth, Options]> extends infer All
  ? Unfold<Kernel, Option<All, "dilation", 1>, Option<All, "padding", 0>, Option<All, "stride", 1>>
  : never;
export function unfold(...args: unknown[]): unknown {
  const [kernelSize] = args;
  checkKernelPositional("unfold({ … })", kernelSize, [], unfoldKeys);
  const kernel = kernelSize as SizeArg;
  const { layer, dilation, padding, stride } = unfoldSettings(
    "unfold",
    ["kernelSize"],
    written(kernel),
    args,
    (layer) => checkSizeArg(layer, "kernelSize", kernel, 2),
  );
  const windows = {
    kernels: perDim(kernel, 2),
    strides: perDim(stride, 2),
    paddings: perDim(padding, 2),
    dilations: perDim(dilation, 2),
  };
  const runtime: UnfoldConfig = {
    kind: "unfold",
    written: layer,
    kernelSize: kernel,
    dilation,
    padding,
    stride,
    outputShape: (input: RuntimeShape) => unfoldRule(layer, windows, input),
  };
  return runtime;
}

// ---- runtime

/**
 * Unfold's and fold's dilation, padding and stride (twin of `UnfoldSettings`: PyTorch's order after the `required`
 * arguments, then an options object) and the call as messages write it (`head`: the required arguments). Checks the
 * required arguments (`checkRequired`), then the count of arguments, the options and each setting.
 */
export function unfoldSettings(
  kind: "unfold" | "fold",
  required: readonly string[],
  head: string,
  args: readonly unknown[],
  checkRequired: (layer: string) => void,
): { layer: string; dilation: SizeArg; padding: SizeArg; stride: SizeArg } {
  const rest = args.slice(required.length);
  const given = settingsOf<UnfoldOptions>(unfoldKeys, rest);
  const defaults = { dilation: 1, padding: 0, stride: 1 } as const; // each also the least value PyTorch takes
  const settings = optionals(given, defaults);
  const layer = writtenCall(`${kind}(${head}`, 0, settings);
  checkRequired(layer);
  checkArguments(layer, args, [...required, ...unfoldKeys, "options"]);
  splitOptions(layer, `nn.${kind}`, unfoldKeys, rest, unfoldKeys);
  for (const [name, value] of settings) checkSizeArg(layer, name, value, 2, defaults[name as UnfoldKey]);
  const [dilation, padding, stride] = valuesOf(settings) as SizeArg[];
  return { layer, dilation: dilation!, padding: padding!, stride: stride! };
}

export interface UnfoldConfig extends KindConfig<"unfold"> {
  readonly kernelSize: SizeArg;
  readonly dilation: SizeArg;
  readonly padding: SizeArg;
  readonly stride: SizeArg;
}
