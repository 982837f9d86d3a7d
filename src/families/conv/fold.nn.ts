// nn.fold: PyTorch's Fold (col2im), unfold's inverse: columns [batch, C·kH·kW, L] summed back into [batch, C, H, W].
import type { Mul, Sub } from "../../../types/arith/index.ts";
import type { Layer, ShapeRule } from "../../../types/model/layer.ts";
import type { Checked, IsOptions, PerDim, Written } from "../../../types/shape/args.ts";
import type { FirstProblem, SizeArgProblem } from "../../../types/shape/problems.ts";
import type { ArgProblems } from "../../../types/shape/plain.ts";
import type { ConvSizes, KernelTooLarge } from "./conv.types.ts";
import type { FoldRule } from "./unfold.types.ts";
import { fail } from "../../ops/fail.ts";
import { isOptions, perDim, written } from "../../shape/args.ts";
import type { RuntimeShape } from "../../shape/dims.ts";
import type { Shape } from "../../../types/shape/dims.ts";
import type { RuntimeLayer } from "../../model/layer.ts";
import type { KindConfig } from "../layer-config.ts";
import { dilatedKernel, paddedSize, windowCount, writeKernelTooLargeMessage } from "./conv.ts";
import { foldRule } from "./unfold.ts";
import { checkKernelPositional, checkSizeArg } from "./torch-arguments.ts";
import {
  unfoldKeys,
  unfoldSettings,
  type UnfoldArgProblems,
  type UnfoldOptions,
  type UnfoldSettings,
} from "./unfold.nn.ts";
import type { SizeArg } from "./conv.nn.ts";

type Option<Options, Key extends keyof UnfoldOptions, Default> = Options extends { readonly [K in Key]: infer Value }
  ? Value
  : Default;

/** How messages write a fold: `fold([4, 5], 2)`, `fold(8, 3, { padding: 1, stride: 2 })`. */
export type WrittenFold<Out, Kernel, Dilation, Padding, Stride> =
  `fold(${Written<Out>}, ${IsOptions<Kernel> extends true ? "{ … }" : Written<Kernel>}${[
    Dilation,
    Padding,
    Stride,
  ] extends [1, 0, 1]
    ? ""
    : `, { ${Join<[Dilation extends 1 ? "" : `dilation: ${Written<Dilation>}`, Padding extends 0 ? "" : `padding: ${Written<Padding>}`, Stride extends 1 ? "" : `stride: ${Written<Stride>}`]>} }`})`;
type Join<Parts extends readonly string[], Text extends string = ""> = Parts extends readonly [
  infer Part extends string,
  ...infer Rest extends string[],
]
  ? Join<Rest, Part extends "" ? Text : Text extends "" ? Part : `${Text}, ${Part}`>
  : Text;

/** The number of blocks of the output size (the convolution's output sizes multiplied), or KernelTooLarge. */
export type BlocksOf<Out, Kernel, Dilation, Padding, Stride> =
  PerDim<Out, 2> extends infer Sizes extends Shape
    ? ConvSizes<
        Sizes,
        PerDim<Kernel, 2>,
        PerDim<Stride, 2>,
        PerDim<Padding, 2>,
        PerDim<Dilation, 2>
      > extends infer Blocks
      ? Blocks extends readonly [infer H, infer W]
        ? Mul<H, W>
        : Blocks
      : never
    : never;

/** `nn.fold(outputSize, kernelSize, { dilation, padding, stride })`: [batch, C·kH·kW, L] → [batch, C, H, W]. */
export interface Fold<Out, Kernel, Dilation = 1, Padding = 0, Stride = 1> extends Layer, RuntimeLayer {
  readonly kind: "fold";
  readonly outputSize: Out;
  readonly kernelSize: Kernel;
  readonly dilation: Dilation;
  readonly padding: Padding;
  readonly stride: Stride;
  readonly "~rule": FoldShapeRule<Out, Kernel, Dilation, Padding, Stride>;
}
/** The shape rule of Fold. */
export interface FoldShapeRule<Out, Kernel, Dilation, Padding, Stride> extends ShapeRule {
  readonly "~output": FoldRule<
    WrittenFold<Out, Kernel, Dilation, Padding, Stride>,
    Mul<PerDim<Kernel, 2>[0], PerDim<Kernel, 2>[1]>,
    PerDim<Out, 2>,
    BlocksOf<Out, Kernel, Dilation, Padding, Stride>,
    this["~input"]
  >;
}

/** The message when the kernel does not fit in the padded output size (PyTorch: no sliding block). */
export type writeFoldKernelMessage<
  Layer extends string,
  Axis,
  Extent,
  Padded,
> = `${Layer}: the kernel (extent ${Extent & number}) is larger than the padded output size (${Padded & number}) in output dimension ${Axis & number}`;

type FoldProblems<Out, Kernel, Rest extends readonly unknown[]> =
  UnfoldSettings<Rest> extends infer All
    ? WrittenFold<
        Out,
        Kernel,
        Option<All, "dilation", 1>,
        Option<All, "padding", 0>,
        Option<All, "stride", 1>
      > extends infer Layer extends string
      ? UnfoldArgProblems<Layer, "nn.fold", Rest> extends infer Later extends readonly unknown[]
        ? [
            SizeArgProblem<Layer, "outputSize", Out, 2>,
            IsOptions<Kernel> extends true
              ? `${Layer}: kernelSize is a required argument, not an option (PyTorch's order: outputSize, kernelSize, dilation, padding, stride)`
              : FirstProblem<
                  [
                    SizeArgProblem<Layer, "kernelSize", Kernel, 2>,
                    // the kernel against the padded output size, once every size is valid (on kernelSize: no options
                    // object may be there to carry it)
                    [SizeArgProblem<Layer, "outputSize", Out, 2>, Later[number]] extends [false, false]
                      ? BlocksOf<
                          Out,
                          Kernel,
                          Option<All, "dilation", 1>,
                          Option<All, "padding", 0>,
                          Option<All, "stride", 1>
                        > extends KernelTooLarge<infer Axis, infer Extent, infer Padded>
                        ? writeFoldKernelMessage<Layer, Sub<Axis, 2>, Extent, Padded>
                        : false
                      : false,
                  ]
                >,
            ...Later,
          ]
        : never
      : never
    : never;

/**
 * PyTorch's `nn.Fold(output_size, kernel_size, dilation=1, padding=0, stride=1)`: unfold's columns
 * [batch, C·kH·kW, L] summed back into [batch, C, ...outputSize]; L must be outputSize's number of blocks.
 *
 * @example
 * nn.fold([4, 5], 2, { padding: 1, stride: 2 }); // [n, 12, 9] → [n, 3, 4, 5]
 */
export function fold<
  const Out extends SizeArg,
  const Kernel extends SizeArg | object,
  const Third extends SizeArg | object | undefined = {},
  const Fourth extends SizeArg | object | undefined = {},
  const Fifth extends SizeArg | object | undefined = {},
  const Options extends object = {},
  Problems extends ArgProblems = FoldProblems<Out, Kernel, [Third, Fourth, Fifth, Options]>,
>(
  outputSize: Checked<Out, Problems[0]>,
  kernelSize: Checked<Kernel, Problems[1]>,
  dilationOrOptions?: Checked<Third, Problems[2]>,
  paddingOrOptions?: Checked<Fourth, Problems[3]>,
  strideOrOptions?: Checked<Fifth, Problems[4]>,
  options?: Checked<Options, Problems[5]>,
): UnfoldSettings<[Third, Fourth, Fifth, Options]> extends infer All
  ? Fold<Out, Kernel, Option<All, "dilation", 1>, Option<All, "padding", 0>, Option<All, "stride", 1>>
  : never;
export function fold(...args: unknown[]): unknown {
  const [out, kernelSize] = args as [SizeArg, unknown];
  const kernel = kernelSize as SizeArg;
  const head = `${written(out)}, ${isOptions(kernelSize) ? "{ … }" : written(kernelSize)}`;
  const { layer, dilation, padding, stride } = unfoldSettings(
    "fold",
    ["outputSize", "kernelSize"],
    head,
    args,
    (layer) => {
      checkSizeArg(layer, "outputSize", out, 2);
      checkKernelPositional(layer, kernelSize, ["outputSize"], unfoldKeys);
      checkSizeArg(layer, "kernelSize", kernel, 2);
    },
  );
  const [outs, kernels, dilations, paddings, strides] = [out, kernel, dilation, padding, stride].map((v) =>
    perDim(v, 2),
  ) as [number[], number[], number[], number[], number[]];
  const counts = outs.map((size, i) => {
    const [padded, extent] = [paddedSize(size, paddings[i]!), dilatedKernel(kernels[i]!, dilations[i]!)];
    if (padded < extent) fail(writeKernelTooLargeMessage(layer, i, extent, padded, "output"));
    return windowCount(padded, extent, strides[i]!);
  });
  const runtime: FoldConfig = {
    kind: "fold",
    written: layer,
    outputSize: out,
    kernelSize: kernel,
    dilation,
    padding,
    stride,
    outputShape: (input: RuntimeShape) =>
      foldRule(layer, kernels[0]! * kernels[1]!, outs, counts[0]! * counts[1]!, input),
  };
  return runtime;
}

// ---- runtime

/** The config of fold (its runtime object), defaults filled in. */
export interface FoldConfig extends KindConfig<"fold"> {
  readonly outputSize: SizeArg;
  readonly kernelSize: SizeArg;
  readonly dilation: SizeArg;
  readonly padding: SizeArg;
  readonly stride: SizeArg;
}
