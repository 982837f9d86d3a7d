// Twin of src/families/activation/tf-activation.types.ts: tfjs's activation layers keep the shape.
import { ShapeError } from "../../errors.ts";
import { checkedDimIndex } from "../../shape/dim-index.ts";
import type { RuntimeShape } from "../../shape/dims.ts";
import { writeRankMessage } from "../conv/conv.ts";

export function tfRankRule(
  layer: string,
  ranks: readonly number[],
  expected: string,
  input: RuntimeShape,
): RuntimeShape {
  if (!ranks.includes(input.length)) throw new ShapeError(writeRankMessage(layer, expected, input.length));
  return input;
}

export const writeAxisTwiceMessage = (layer: string, name: string, index: number): string =>
  `${layer}: ${name} names dimension ${index} twice`;

/** Twin of `AxesProblem`: the dimensions the axes name, or throws. */
export function checkedAxes(layer: string, name: string, axes: readonly number[], rank: number): number[] {
  const seen: number[] = [];
  for (const axis of axes) {
    const index = checkedDimIndex(layer, name, axis, rank);
    if (seen.includes(index)) throw new ShapeError(writeAxisTwiceMessage(layer, name, index));
    seen.push(index);
  }
  return seen;
}

export const writeSoftmaxAxisMessage = (layer: string, rank: number): string =>
  `${layer}: TensorFlow.js's softmax works along the last axis only (-1 or ${rank - 1} for an input of rank ${rank})`;

export function tfSoftmaxRule(layer: string, axis: number | readonly number[], input: RuntimeShape): RuntimeShape {
  const one = typeof axis === "number" ? axis : axis.length === 1 ? axis[0]! : undefined;
  if (one !== undefined) {
    if (one !== -1 && one !== input.length - 1) throw new ShapeError(writeSoftmaxAxisMessage(layer, input.length));
  } else checkedAxes(layer, "axis", axis as readonly number[], input.length);
  return input;
}

export const writeSharedAxesMessage = (layer: string, axis: number, rank: number): string =>
  `${layer}: sharedAxes ${axis} must name a dimension after the batch (1 to ${rank - 1} for an input of rank ${rank})`;

export function tfPReLURule(layer: string, sharedAxes: readonly number[], input: RuntimeShape): RuntimeShape {
  for (const axis of sharedAxes)
    if (!(Number.isInteger(axis) && axis >= 1 && axis < input.length))
      throw new ShapeError(writeSharedAxesMessage(layer, axis, input.length));
  return input;
}

export const writeEluAlphaMessage = (layer: string): string =>
  `${layer}: TensorFlow.js's ELU layer supports alpha 1 only`;
export const writeMaxValueMessage = (layer: string): string => `${layer}: maxValue must be 0 or more`;
export const writeNoiseRateMessage = (layer: string): string => `${layer}: rate must be between 0 and 1`;
/** A dropout's or a noise layer's rate: a number in [0, 1] (twin of their RateProblem). */
export function checkRate(layer: string, rate: unknown): void {
  if (!(typeof rate === "number" && rate >= 0 && rate <= 1)) throw new ShapeError(writeNoiseRateMessage(layer));
}
