// nn.rrelu: PyTorch's RReLU(lower=1/8, upper=1/3, inplace=False): x, or x times a slope drawn from U(lower, upper)
// for x < 0 while training, the mean slope (lower + upper) / 2 in inference. The shape is kept; lower ≤ upper
// (PyTorch refuses the layer when training otherwise). Parameters positionally or as a last options object.
import type { Layer, SameShape } from "../../../types/model/layer.ts";
import type { Checked } from "../../../types/shape/args.ts";
import type { ArgProblems } from "../../../types/shape/plain.ts";
import type { RuntimeLayer } from "../../model/layer.ts";
import { fail } from "../../errors.ts";
import type { KindConfig } from "../layer-config.ts";
import type { CompareAny, ParamsName, ParamsProblems, ParamValue } from "./extra-activations.types.ts";
import { withParams } from "./activation.nn.ts";

/** `nn.rrelu(lower, upper)`: the shape is kept. */
export interface RReLU<Lower extends number = 0.125, Upper extends number = 0.3333333333333333>
  extends Layer, RuntimeLayer {
  readonly kind: "rrelu";
  readonly lower: Lower;
  readonly upper: Upper;
  readonly "~rule": SameShape;
}
/** The config of rrelu (its runtime object). */
export interface RReLUConfig extends KindConfig<"rrelu"> {
  readonly lower: number;
  readonly upper: number;
}

/** The message when lower > upper. */
export type writeRReLURangeMessage<Layer extends string> = `${Layer}: lower must be at most upper`;
export const writeRReLURangeMessage = (layer: string): string => `${layer}: lower must be at most upper`;

type Names = ["lower", "upper", "inplace"];
interface Types {
  lower: number;
  upper: number;
  inplace: boolean;
}
interface Expected {
  lower: "a number";
  upper: "a number";
  inplace: "true or false (it changes nothing here)";
}
type Defaults = { lower: 0.125; upper: 0.3333333333333333 };
type Name<A, B, C> = ParamsName<"rrelu", Names, [A, B, C], Defaults>;
type LowerOf<A, B, C> = ParamValue<Names, [A, B, C], "lower", 0.125> & number;
type UpperOf<A, B, C> = ParamValue<Names, [A, B, C], "upper", 0.3333333333333333> & number;
/** The argument to blame when lower > upper: upper when given, else lower. */
type Blamed<A, B, C> = [B] extends [number]
  ? "upper"
  : [Extract<A | B | C, object>] extends [never]
    ? "lower"
    : [Extract<A | B | C, object>] extends [{ readonly upper: number }]
      ? "upper"
      : "lower";
// The defaults need no comparison (comparing 0.3333333333333333 digit by digit costs instantiations).
type RangeCheck<Layer extends string, Lower extends number, Upper extends number, Blame extends string> = [
  Lower,
  Upper,
] extends [0.125, 0.3333333333333333]
  ? false
  : CompareAny<Upper, Lower> extends "lt"
    ? [Blame, writeRReLURangeMessage<Layer>]
    : false;

/**
 * PyTorch's `nn.RReLU(lower=0.125, upper=0.3333333333333333, inplace=False)`: a leaky relu whose slope is random in
 * training (U(lower, upper) per element) and (lower + upper) / 2 in inference.
 *
 * @example
 * nn.rrelu(); // [n, 128] → [n, 128]
 * nn.rrelu(0.1, 0.3); // [n, 3, 8, 8] → [n, 3, 8, 8]
 */
export const rrelu: <
  const A extends number | object | undefined = undefined,
  const B extends number | object | undefined = undefined,
  const C extends boolean | object | undefined = undefined,
  Problems extends ArgProblems = ParamsProblems<
    Name<A, B, C>,
    "rrelu",
    Names,
    [A, B, C],
    Types,
    Expected,
    RangeCheck<Name<A, B, C>, LowerOf<A, B, C>, UpperOf<A, B, C>, Blamed<A, B, C>>
  >,
>(
  lower?: Checked<A, Problems[0]>,
  upper?: Checked<B, Problems[1]>,
  inplace?: Checked<C, Problems[2]>,
) => RReLU<LowerOf<A, B, C>, UpperOf<A, B, C>> = withParams(
  "rrelu",
  ["lower", "upper", "inplace"],
  { lower: 0.125, upper: 1 / 3 },
  (layer, { lower, upper }) => {
    if (lower! > upper!) fail(writeRReLURangeMessage(layer));
  },
);
