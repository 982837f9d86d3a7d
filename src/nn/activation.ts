// Activations, dropout and identity (the shape is kept), and softmax/logSoftmax over a dim.
import type { Layer, SameShape, ShapeRule } from "../../types/model/layer.ts";
import type { DimRule } from "../../types/shape/activation.ts";
import { ShapeError } from "../errors.ts";
import { dimRule } from "../shape/activation.ts";
import type { RuntimeShape } from "../shape/dims.ts";
import type { RuntimeLayer } from "../model/layer.ts";

/** A layer whose output has its input's shape. */
export interface Elementwise<Kind extends string> extends Layer, RuntimeLayer {
  readonly kind: Kind;
  readonly "~rule": SameShape;
}
export interface ReLU extends Elementwise<"relu"> {}
export interface LeakyReLU<Slope extends number = 0.01> extends Elementwise<"leakyRelu"> { readonly negativeSlope: Slope }
export interface GELU extends Elementwise<"gelu"> {}
export interface Sigmoid extends Elementwise<"sigmoid"> {}
export interface Tanh extends Elementwise<"tanh"> {}
export interface Identity extends Elementwise<"identity"> {}
export interface Dropout<P extends number = 0.5> extends Elementwise<"dropout"> { readonly p: P }
export interface Dropout2d<P extends number = 0.5> extends Elementwise<"dropout2d"> { readonly p: P }

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

function keep(kind: string, written: string, fields: Record<string, unknown> = {}): never {
  const runtime: RuntimeLayer & Record<string, unknown> = { kind, written, ...fields, outputShape: (input: RuntimeShape) => input };
  return runtime as never;
}

/** The message when a probability is not in [0, 1]. */
export type writeProbabilityMessage<Layer extends string> = `${Layer}: p must be a probability between 0 and 1`;
export const writeProbabilityMessage = (layer: string): string => `${layer}: p must be a probability between 0 and 1`;
type Probability<P extends number, Layer extends string> = number extends P ? P : `${P}` extends `-${string}` ? writeProbabilityMessage<Layer> : P extends 0 | 1 ? P : `${P}` extends `0.${string}` ? P : writeProbabilityMessage<Layer>;
function checkProbability(layer: string, p: number): void {
  if (!(typeof p === "number" && p >= 0 && p <= 1)) throw new ShapeError(writeProbabilityMessage(layer));
}

/** PyTorch's `nn.ReLU()`. */
export const relu = (): ReLU => keep("relu", "relu()");
/** PyTorch's `nn.LeakyReLU(negative_slope=0.01)`. */
export const leakyRelu = <const Slope extends number = 0.01>(negativeSlope?: Slope): LeakyReLU<Slope> =>
  keep("leakyRelu", negativeSlope === undefined ? "leakyRelu()" : `leakyRelu(${negativeSlope})`, { negativeSlope: negativeSlope ?? 0.01 });
/** PyTorch's `nn.GELU()`. */
export const gelu = (): GELU => keep("gelu", "gelu()");
/** PyTorch's `nn.Sigmoid()`. */
export const sigmoid = (): Sigmoid => keep("sigmoid", "sigmoid()");
/** PyTorch's `nn.Tanh()`. */
export const tanh = (): Tanh => keep("tanh", "tanh()");
/** PyTorch's `nn.Identity()`. */
export const identity = (): Identity => keep("identity", "identity()");

/** PyTorch's `nn.Dropout(p=0.5)`: zeroes elements with probability p while training. */
export function dropout<const P extends number = 0.5>(p?: Probability<P, `dropout(${P})`>): Dropout<P> {
  const layer = `dropout(${p ?? 0.5})`;
  checkProbability(layer, (p as number | undefined) ?? 0.5);
  return keep("dropout", layer, { p: p ?? 0.5 });
}
/** PyTorch's `nn.Dropout2d(p=0.5)`: zeroes whole channels with probability p while training. */
export function dropout2d<const P extends number = 0.5>(p?: Probability<P, `dropout2d(${P})`>): Dropout2d<P> {
  const layer = `dropout2d(${p ?? 0.5})`;
  checkProbability(layer, (p as number | undefined) ?? 0.5);
  return keep("dropout2d", layer, { p: p ?? 0.5 });
}

/** PyTorch's `nn.Softmax(dim)`. */
export function softmax<const Dim extends number>(dim: Dim): Softmax<Dim> {
  const layer = `softmax(${dim})`;
  const runtime: RuntimeLayer & Record<string, unknown> = { kind: "softmax", written: layer, dim, outputShape: (input: RuntimeShape) => dimRule(layer, dim, input) };
  return runtime as never;
}
/** PyTorch's `nn.LogSoftmax(dim)`. */
export function logSoftmax<const Dim extends number>(dim: Dim): LogSoftmax<Dim> {
  const layer = `logSoftmax(${dim})`;
  const runtime: RuntimeLayer & Record<string, unknown> = { kind: "logSoftmax", written: layer, dim, outputShape: (input: RuntimeShape) => dimRule(layer, dim, input) };
  return runtime as never;
}
