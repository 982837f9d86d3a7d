// Twin of src/families/preprocessing/tf-preprocessing.types.ts: Resizing, CenterCrop, RandomWidth,
// CategoryEncoding by the shapes tfjs's call gives.
import { fail } from "../../ops/fail.ts";
import { showShape, type RuntimeDim, type RuntimeShape } from "../../shape/dims.ts";

export const writeImageRankMessage = (layer: string, input: RuntimeShape): string =>
  `${layer}: takes images [batch, height, width, channels] (input ${showShape(input)} of rank ${input.length})`;

/** An image batch's [batch, height, width, channels], after the rank check. */
function image(layer: string, input: RuntimeShape): [RuntimeDim, RuntimeDim, RuntimeDim, RuntimeDim] {
  if (input.length !== 4) fail(writeImageRankMessage(layer, input));
  return input as [RuntimeDim, RuntimeDim, RuntimeDim, RuntimeDim];
}

/** resizing and centerCrop: [batch, H, W, C] → [batch, height, width, C]. */
export function tfResizeRule(layer: string, height: number, width: number, input: RuntimeShape): RuntimeShape {
  const [batch, , , channels] = image(layer, input);
  return [batch, height, width, channels];
}

export const writeZeroWidthMessage = (layer: string, width: number, lower: number): string =>
  `${layer}: the width ${width} can become 0 (${width} · (1 + ${lower}) rounds to 0)`;
/** Millionths of a decimal, exactly (the type level's arithmetic). */
const millionths = (x: number): number => Math.round(x * 1e6);

/** randomWidth: [batch, H, W, C] → [batch, H, unknown, C]; W · (1 + lower) must not round to 0. */
export function tfRandomWidthRule(layer: string, lower: number, input: RuntimeShape): RuntimeShape {
  const [batch, height, width, channels] = image(layer, input);
  if (typeof width === "number" && width * (1e6 + millionths(lower)) < 5e5)
    fail(writeZeroWidthMessage(layer, width, lower));
  return [batch, height, null, channels];
}

export const writeFactorMessage = (layer: string): string =>
  `${layer}: factor must be a positive number, or [lower, upper] with -1 <= lower <= upper`;
/** randomWidth's factor as tfjs's constructor checks it: the [lower, upper] bounds, or a message. */
export function factorBounds(layer: string, factor: unknown): [number, number] {
  const [lower, upper] =
    typeof factor === "number" && factor > 0
      ? [-factor, factor]
      : Array.isArray(factor) && factor.length === 2 && factor.every((f) => typeof f === "number")
        ? (factor as [number, number])
        : [NaN, NaN];
  if (!(lower >= -1 && upper >= -1 && upper >= lower)) fail(writeFactorMessage(layer));
  return [lower, upper];
}

export type OutputMode = "oneHot" | "multiHot" | "count" | "tfIdf" | "int";
export const outputModes: readonly OutputMode[] = ["multiHot", "oneHot", "count", "tfIdf", "int"];

export const writeEncodingInputMessage = (layer: string, mode: string, input: RuntimeShape): string =>
  `${layer}: outputMode '${mode}' encodes inputs ${mode === "oneHot" ? "[batch, 1]" : "[batch, tokens]"} (input ${showShape(input)})`;
export const writeTfIdfMessage = (layer: string): string =>
  `${layer}: outputMode 'tfIdf' needs idf weights, which TensorFlow.js's CategoryEncoding takes only as a call argument`;

/** categoryEncoding: token ids → [batch, numTokens] ('int' keeps them). */
export function tfCategoryEncodingRule(
  layer: string,
  numTokens: number,
  mode: OutputMode,
  input: RuntimeShape,
): RuntimeShape {
  if (mode === "int") return input;
  if (mode === "tfIdf") fail(writeTfIdfMessage(layer));
  if (input.length === 2) {
    const tokens = input[1]!;
    if (mode === "oneHot" && typeof tokens === "number" && tokens !== 1)
      fail(writeEncodingInputMessage(layer, mode, input));
    return [input[0]!, numTokens];
  }
  fail(writeEncodingInputMessage(layer, mode, input));
}
