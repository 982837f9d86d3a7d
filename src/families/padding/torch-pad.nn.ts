// nn.zeroPad1d/2d/3d, nn.constantPad1d/2d/3d, nn.reflectionPad1d/2d/3d, nn.replicationPad1d/2d/3d:
// torch.nn's "Padding" modules. Padding: a number for every side, or PyTorch's tuple (left, right[, top,
// bottom[, front, back]]); non-negative here (PyTorch's negative padding crops: not supported, refused).
import type { Layer, ShapeRule } from "../../../types/model/layer.ts";
import type { Checked, FirstSizeProblem, TupleLengthProblem, Written } from "../../../types/shape/args.ts";
import type { RuntimeLayer } from "../../model/layer.ts";
import { fail } from "../../ops/fail.ts";
import { checkArguments, perDim, written } from "../../shape/args.ts";
import { checkSizeArg } from "../conv/torch-arguments.ts";
import type { PadMode, PadRule } from "./torch-pad.types.ts";
import { padRule } from "./torch-pad.ts";

type N = 1 | 2 | 3;
type Kinds = {
  constant: { 1: "constantPad1d"; 2: "constantPad2d"; 3: "constantPad3d" };
  zero: { 1: "zeroPad1d"; 2: "zeroPad2d"; 3: "zeroPad3d" };
  reflect: { 1: "reflectionPad1d"; 2: "reflectionPad2d"; 3: "reflectionPad3d" };
  replicate: { 1: "replicationPad1d"; 2: "replicationPad2d"; 3: "replicationPad3d" };
};
export type PadKind = Kinds[keyof Kinds][N];

/** A padding layer: `kind` names the module, `mode` PyTorch's F.pad mode. */
export interface Pad<Kind extends PadKind, Mode extends PadMode, Dims extends N, P, Name extends string>
  extends Layer, RuntimeLayer {
  readonly kind: Kind;
  readonly padding: P;
  readonly "~rule": PadShapeRule<Mode, Dims, P, Name>;
}
/** The shape rule of the padding layers. */
export interface PadShapeRule<Mode extends PadMode, Dims extends N, P, Name extends string> extends ShapeRule {
  readonly "~output": PadRule<Name, Mode, Dims, P, this["~input"]>;
}
export type ZeroPad1d<P> = Pad<"zeroPad1d", "constant", 1, P, `zeroPad1d(${Written<P>})`>;
export type ZeroPad2d<P> = Pad<"zeroPad2d", "constant", 2, P, `zeroPad2d(${Written<P>})`>;
export type ZeroPad3d<P> = Pad<"zeroPad3d", "constant", 3, P, `zeroPad3d(${Written<P>})`>;
export type ConstantPad1d<P, V extends number> = Pad<
  "constantPad1d",
  "constant",
  1,
  P,
  `constantPad1d(${Written<P>}, ${V})`
>;
export type ConstantPad2d<P, V extends number> = Pad<
  "constantPad2d",
  "constant",
  2,
  P,
  `constantPad2d(${Written<P>}, ${V})`
>;
export type ConstantPad3d<P, V extends number> = Pad<
  "constantPad3d",
  "constant",
  3,
  P,
  `constantPad3d(${Written<P>}, ${V})`
>;
export type ReflectionPad1d<P> = Pad<"reflectionPad1d", "reflect", 1, P, `reflectionPad1d(${Written<P>})`>;
export type ReflectionPad2d<P> = Pad<"reflectionPad2d", "reflect", 2, P, `reflectionPad2d(${Written<P>})`>;
export type ReflectionPad3d<P> = Pad<"reflectionPad3d", "reflect", 3, P, `reflectionPad3d(${Written<P>})`>;
export type ReplicationPad1d<P> = Pad<"replicationPad1d", "replicate", 1, P, `replicationPad1d(${Written<P>})`>;
export type ReplicationPad2d<P> = Pad<"replicationPad2d", "replicate", 2, P, `replicationPad2d(${Written<P>})`>;
export type ReplicationPad3d<P> = Pad<"replicationPad3d", "replicate", 3, P, `replicationPad3d(${Written<P>})`>;

/** The config of the padding layers (their runtime objects). */
export interface PadConfig extends RuntimeLayer {
  readonly kind: PadKind;
  readonly mode: PadMode;
  /** 2N non-negative numbers, PyTorch's order (last dimension first). */
  readonly pads: readonly number[];
  readonly value: number;
}

/** The problem of a padding argument: sizes ≥ 0, a number or a tuple of 2N. */
type PaddingProblem<Layer extends string, P, Count extends number> =
  FirstSizeProblem<Layer, ["padding"], [P], 0> extends infer Problem extends string
    ? Problem
    : TupleLengthProblem<Layer, "padding", P, Count>;

/**
 * The builder of a padding module: `zero` → zeroPad1d/2d/3d (mode "constant", value 0), `constant` →
 * constantPad1d/2d/3d (padding, value), `reflection` → reflectionPad… (mode "reflect"), `replication` →
 * replicationPad… (mode "replicate"); `n` padded dimensions.
 */
function padBuilder(prefix: "zero" | "constant" | "reflection" | "replication", n: N) {
  const kind = `${prefix}Pad${n}d` as PadKind;
  const mode: PadMode = prefix === "reflection" ? "reflect" : prefix === "replication" ? "replicate" : "constant";
  const constant = prefix === "constant"; // its value argument
  return (...args: unknown[]): never => {
    const [padding] = args;
    const value = constant ? (args[1] as number) : 0;
    const layer = `${kind}(${written(padding)}${constant ? `, ${value}` : ""})`;
    checkArguments(layer, args, ["padding", "value"].slice(0, constant ? 2 : 1));
    checkSizeArg(layer, "padding", padding, 2 * n, 0);
    if (typeof padding !== "number" && !Array.isArray(padding))
      fail(`${layer}: padding must be a number or a tuple of ${2 * n}`);
    const pads = perDim(padding as number | number[], 2 * n); // the padding as 2N numbers
    const runtime: PadConfig = {
      kind,
      written: layer,
      mode,
      pads,
      value,
      outputShape: (input) => padRule(layer, mode, n, pads, input),
    };
    return runtime as never;
  };
}

type Padding = number | readonly number[];

/** PyTorch 2.1's `nn.ZeroPad1d(padding)` (= `ConstantPad1d(padding, 0)`; not in PyTorch 1.13). */
export const zeroPad1d: <const P extends Padding>(
  padding: Checked<P, PaddingProblem<`zeroPad1d(${Written<P>})`, P, 2>>,
) => ZeroPad1d<P> = padBuilder("zero", 1);
/**
 * PyTorch's `nn.ZeroPad2d(padding)`: `(left, right, top, bottom)` zeros on the last two dimensions.
 *
 * @example
 * nn.zeroPad2d([1, 2, 0, 3]); // [n, 3, 8, 8] → [n, 3, 11, 11]
 */
export const zeroPad2d: <const P extends Padding>(
  padding: Checked<P, PaddingProblem<`zeroPad2d(${Written<P>})`, P, 4>>,
) => ZeroPad2d<P> = padBuilder("zero", 2);
/** PyTorch 2.1's `nn.ZeroPad3d(padding)` (= `ConstantPad3d(padding, 0)`; not in PyTorch 1.13). */
export const zeroPad3d: <const P extends Padding>(
  padding: Checked<P, PaddingProblem<`zeroPad3d(${Written<P>})`, P, 6>>,
) => ZeroPad3d<P> = padBuilder("zero", 3);
/** PyTorch's `nn.ConstantPad1d(padding, value)`: the last dimension padded with `value`. */
export const constantPad1d: <const P extends Padding, const V extends number>(
  padding: Checked<P, PaddingProblem<`constantPad1d(${Written<P>}, ${V})`, P, 2>>,
  value: V,
) => ConstantPad1d<P, V> = padBuilder("constant", 1);
/** PyTorch's `nn.ConstantPad2d(padding, value)`: the last two dimensions padded with `value`. */
export const constantPad2d: <const P extends Padding, const V extends number>(
  padding: Checked<P, PaddingProblem<`constantPad2d(${Written<P>}, ${V})`, P, 4>>,
  value: V,
) => ConstantPad2d<P, V> = padBuilder("constant", 2);
/** PyTorch's `nn.ConstantPad3d(padding, value)`: the last three dimensions padded with `value`. */
export const constantPad3d: <const P extends Padding, const V extends number>(
  padding: Checked<P, PaddingProblem<`constantPad3d(${Written<P>}, ${V})`, P, 6>>,
  value: V,
) => ConstantPad3d<P, V> = padBuilder("constant", 3);
/**
 * PyTorch's `nn.ReflectionPad1d(padding)` on `[batch, C, W]` or `[C, W]`: each pad less than the width.
 *
 * @example
 * nn.reflectionPad1d([3, 1]); // [n, 2, 8] → [n, 2, 12]
 */
export const reflectionPad1d: <const P extends Padding>(
  padding: Checked<P, PaddingProblem<`reflectionPad1d(${Written<P>})`, P, 2>>,
) => ReflectionPad1d<P> = padBuilder("reflection", 1);
/**
 * PyTorch's `nn.ReflectionPad2d(padding)` on `[batch, C, H, W]` or `[C, H, W]` (pix2pix, CycleGAN).
 *
 * @example
 * nn.reflectionPad2d(3); // [n, 3, 256, 256] → [n, 3, 262, 262]
 */
export const reflectionPad2d: <const P extends Padding>(
  padding: Checked<P, PaddingProblem<`reflectionPad2d(${Written<P>})`, P, 4>>,
) => ReflectionPad2d<P> = padBuilder("reflection", 2);
/** PyTorch's `nn.ReflectionPad3d(padding)` on `[batch, C, D, H, W]` or `[C, D, H, W]`. */
export const reflectionPad3d: <const P extends Padding>(
  padding: Checked<P, PaddingProblem<`reflectionPad3d(${Written<P>})`, P, 6>>,
) => ReflectionPad3d<P> = padBuilder("reflection", 3);
/** PyTorch's `nn.ReplicationPad1d(padding)` on `[batch, C, W]` or `[C, W]`: the edge values repeated. */
export const replicationPad1d: <const P extends Padding>(
  padding: Checked<P, PaddingProblem<`replicationPad1d(${Written<P>})`, P, 2>>,
) => ReplicationPad1d<P> = padBuilder("replication", 1);
/** PyTorch's `nn.ReplicationPad2d(padding)` on `[batch, C, H, W]` or `[C, H, W]`. */
export const replicationPad2d: <const P extends Padding>(
  padding: Checked<P, PaddingProblem<`replicationPad2d(${Written<P>})`, P, 4>>,
) => ReplicationPad2d<P> = padBuilder("replication", 2);
/** PyTorch's `nn.ReplicationPad3d(padding)` on `[batch, C, D, H, W]` or `[C, D, H, W]`. */
export const replicationPad3d: <const P extends Padding>(
  padding: Checked<P, PaddingProblem<`replicationPad3d(${Written<P>})`, P, 6>>,
) => ReplicationPad3d<P> = padBuilder("replication", 3);
