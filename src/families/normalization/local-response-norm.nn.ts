// nn.localResponseNorm: PyTorch's LocalResponseNorm(size, alpha=1e-4, beta=0.75, k=1.0) (AlexNet).
import type { Layer, ShapeRule } from "../../../types/model/layer.ts";
import type { Arg, Checked, FirstSizeProblem } from "../../../types/shape/args.ts";
import type { ArgProblems } from "../../../types/shape/plain.ts";
import type { RuntimeLayer } from "../../model/layer.ts";
import { checkSizes, expected } from "../../shape/args.ts";
import type { ParamsProblems } from "../activation/extra-activations.types.ts";
import { readParams } from "../activation/torch-options.ts";
import type { LocalResponseNormRule } from "./local-response-norm.types.ts";
import { localResponseNormRule } from "./local-response-norm.ts";

/** `nn.localResponseNorm(size, alpha?, beta?, k?)`: the shape is kept; rank 3 or more. */
export interface LocalResponseNorm<Size extends number> extends Layer, RuntimeLayer {
  readonly kind: "localResponseNorm";
  readonly size: Size;
  readonly "~rule": LocalResponseNormShapeRule<Size>;
}
/** The shape rule of LocalResponseNorm. */
export interface LocalResponseNormShapeRule<Size extends number> extends ShapeRule {
  readonly "~output": LocalResponseNormRule<`localResponseNorm(${Size})`, this["~input"]>;
}
/** The config of localResponseNorm (its runtime object). */
export interface LocalResponseNormConfig extends RuntimeLayer {
  readonly kind: "localResponseNorm";
  readonly size: number;
  readonly alpha: number;
  readonly beta: number;
  readonly k: number;
}

type Names = ["alpha", "beta", "k"];
interface Types {
  alpha: number;
  beta: number;
  k: number;
}
interface Expected {
  alpha: "a number";
  beta: "a number";
  k: "a number";
}

/**
 * PyTorch's `nn.LocalResponseNorm(size, alpha=1e-4, beta=0.75, k=1.0)`: each value divided by
 * (k + alpha/size · Σ x² over `size` neighbouring channels)^beta.
 *
 * @example
 * nn.localResponseNorm(5, 1e-4, 0.75, 2); // [n, 96, 55, 55] → [n, 96, 55, 55]
 */
export function localResponseNorm<
  const Size extends number,
  const A extends number | object | undefined = undefined,
  const B extends number | object | undefined = undefined,
  const K extends number | object | undefined = undefined,
  P extends ArgProblems = ParamsProblems<
    `localResponseNorm(${Size})`,
    "localResponseNorm",
    Names,
    [A, B, K],
    Types,
    Expected
  >,
>(
  size: Arg<Size, FirstSizeProblem<`localResponseNorm(${Size})`, ["size"], [Size]>>,
  alpha?: Checked<A, P[0]>,
  beta?: Checked<B, P[1]>,
  k?: Checked<K, P[2]>,
): LocalResponseNorm<Size> {
  const layer = `localResponseNorm(${size})`;
  checkSizes(layer, { size });
  const { values } = readParams(
    "localResponseNorm",
    ["alpha", "beta", "k"],
    Array.from(arguments).slice(1),
    { alpha: 1e-4, beta: 0.75, k: 1 },
    layer,
    ["size"],
  );
  const runtime: LocalResponseNormConfig = {
    kind: "localResponseNorm",
    written: layer,
    size: size as number,
    ...(values as { alpha: number; beta: number; k: number }),
    outputShape: (input) => localResponseNormRule(layer, input),
  };
  return runtime as never;
}
