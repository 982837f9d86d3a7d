// nn.bilinear: PyTorch's Bilinear, called on two tensors: `nn.bilinear(in1, in2, out).call(x1, x2)`,
// x1 [*, in1Features] and x2 [*, in2Features] (the same leading dimensions) → [*, outFeatures].
// Rule: bilinear.types.ts; twin: bilinear.ts.
import type { Layer, ShapeRule } from "../../../types/model/layer.ts";
import type { Arg, Checked, FirstSizeProblem } from "../../../types/shape/args.ts";
import type { ArgProblems } from "../../../types/shape/plain.ts";
import type { PositionalProblems } from "../../../types/shape/positional.ts";
import type { Shape } from "../../../types/shape/dims.ts";
import { fail } from "../../ops/fail.ts";
import type { RuntimeLayer } from "../../model/layer.ts";
import { callLayer, type CallableLayer, type CallResult } from "../../model/call.ts";
import type { Symbolic } from "../../model/symbolic.ts";
import { checkArguments, checkOptionTypes, checkSizes, expected, positionalOptions } from "../../shape/args.ts";
import type { KindConfig } from "../layer-config.ts";
import { bilinearCallShapes } from "./bilinear.ts";
import type { BilinearCallRule, Input1Problem, Input2Problem } from "./bilinear.types.ts";

/** PyTorch's keyword arguments of Bilinear. */
export interface BilinearOptions {
  /** Default true: add a bias [outFeatures]. */
  readonly bias?: boolean;
}

type WrittenBilinear<In1, In2, Out> = `bilinear(${In1 & number}, ${In2 & number}, ${Out & number})`;
/** A problem of an earlier argument hides this one's (one mistake, one error). */
type After<Earlier, Problem> = Earlier extends string ? false : Problem;

/** The message when bilinear is used in `pipe` (it takes two tensors). */
export type writeBilinearPipeMessage<Layer extends string> =
  `${Layer}: takes two inputs: call it on input1 and input2 (bilinear.call(x1, x2))`;
export const writeBilinearPipeMessage = (layer: string): string =>
  `${layer}: takes two inputs: call it on input1 and input2 (bilinear.call(x1, x2))`;

/** The rule of Bilinear in `pipe`: a message (it needs its second input). */
export interface BilinearShapeRule<W extends string> extends ShapeRule {
  readonly "~output": writeBilinearPipeMessage<W>;
}

/**
 * `nn.bilinear(in1Features, in2Features, outFeatures)`: called on two tensors, `call(input1, input2)`.
 *
 * @example
 * const layer = nn.bilinear(4, 5, 3);
 * const y = layer.call(input([7, 4]), input([7, 5]));
 * y; // Symbolic<[number, 7, 3]>
 */
export interface Bilinear<In1, In2, Out> extends Layer, RuntimeLayer {
  readonly kind: "bilinear";
  readonly in1Features: In1;
  readonly in2Features: In2;
  readonly outFeatures: Out;
  readonly "~rule": BilinearShapeRule<WrittenBilinear<In1, In2, Out>>;
  /**
   * PyTorch's `bilinear(input1, input2)` on symbolic tensors: input1 [*, in1Features], input2 [*,
   * in2Features] with the same leading dimensions → [*, outFeatures]. A mistake is an error on the
   * argument at fault.
   */
  call<A extends Shape, B extends Shape>(
    input1: Checked<Symbolic<A>, Input1Problem<WrittenBilinear<In1, In2, Out>, In1, A>>,
    input2: Checked<
      Symbolic<B>,
      After<
        Input1Problem<WrittenBilinear<In1, In2, Out>, In1, A>,
        Input2Problem<WrittenBilinear<In1, In2, Out>, In2, A, B>
      >
    >,
  ): CallResult<BilinearCallRule<WrittenBilinear<In1, In2, Out>, In1, In2, Out, A, B>>;
}

/** The config of bilinear (its runtime object), PyTorch's defaults filled in. */
export interface BilinearConfig extends KindConfig<"bilinear"> {
  readonly callShapes: CallableLayer["callShapes"];
  readonly in1Features: number;
  readonly in2Features: number;
  readonly outFeatures: number;
  readonly bias: boolean;
}

/**
 * PyTorch's `nn.Bilinear(in1_features, in2_features, out_features, bias=True)`: y = x1ᵀ A x2 + b, with
 * weight [outFeatures, in1Features, in2Features] and bias [outFeatures]. Called on two tensors
 * (`.call(x1, x2)`), not in `pipe`.
 *
 * @example
 * const y = nn.bilinear(4, 5, 3).call(input([4]), input([5])); // Symbolic<[number, 3]>
 */
export function bilinear<
  const In1 extends number,
  const In2 extends number,
  const Out extends number,
  const Fourth extends boolean | number | string | object = {},
  const Options extends object = {},
  // PyTorch's bias positionally (`nn.bilinear(3, 4, 5, false)`), then an options object
  Problems extends ArgProblems = {} extends Fourth & Options
    ? [false, false]
    : PositionalProblems<
        WrittenBilinear<In1, In2, Out>,
        "nn.bilinear",
        ["bias"],
        [Fourth, Options],
        keyof BilinearOptions,
        { bias: boolean },
        { bias: "true or false" }
      >,
>(
  in1Features: Arg<In1, FirstSizeProblem<WrittenBilinear<In1, In2, Out>, ["in1Features"], [In1]>>,
  in2Features: Arg<In2, FirstSizeProblem<WrittenBilinear<In1, In2, Out>, ["in2Features"], [In2]>>,
  outFeatures: Arg<Out, FirstSizeProblem<WrittenBilinear<In1, In2, Out>, ["outFeatures"], [Out]>>,
  biasOrOptions?: Checked<Fourth, Problems[0]>,
  options?: Checked<Options, Problems[1]>,
): Bilinear<In1, In2, Out> {
  const sizes = {
    in1Features: in1Features as number,
    in2Features: in2Features as number,
    outFeatures: outFeatures as number,
  };
  const layer = `bilinear(${Object.values(sizes).map(String).join(", ")})`;
  checkSizes(layer, sizes);
  checkArguments(layer, arguments, ["in1Features", "in2Features", "outFeatures", "bias", "options"]);
  const given = positionalOptions(layer, "nn.bilinear", ["bias"], [biasOrOptions, options], ["bias"]);
  checkOptionTypes(layer, given, { bias: expected.boolean }); // its keys were checked by positionalOptions
  const runtime: BilinearConfig & { call(...args: unknown[]): unknown } = {
    kind: "bilinear",
    written: layer,
    ...sizes,
    bias: (given as BilinearOptions).bias ?? true,
    outputShape: () => {
      fail(writeBilinearPipeMessage(layer));
    },
    callShapes: (inputs) => bilinearCallShapes(layer, sizes, inputs),
    call: (input1: unknown, input2: unknown) => callLayer(runtime, { input1, input2 })[0],
  };
  return runtime as never;
}
