// Twin of src/families/activation/extra-activations.types.ts: argument checks and the rules of
// prelu, glu and softmax2d, with the same messages.
import { ShapeError } from "../../errors.ts";
import { checkedDimIndex } from "../../shape/dim-index.ts";
import type { RuntimeShape } from "../../shape/dims.ts";
import { checkArguments, checkOptionTypes, isOptions, splitOptions } from "../../shape/args.ts";

type Types = Record<string, readonly [string, (value: unknown) => boolean]>;

/**
 * PyTorch-style parameters `names` (positional, then a last options object): their values, with
 * `defaults`, and the layer's name (`written`, or `elu()`, or every value once a parameter but inplace is given).
 * Throws as the type-level ParamsProblems.
 */
export function readParams(
  kind: string,
  names: readonly string[],
  args: readonly unknown[],
  defaults: Record<string, unknown>,
  types: Types,
  written?: string,
  /** The builder's required arguments before `args` (for the message on too many arguments). */
  required: readonly string[] = [],
): { layer: string; values: Record<string, unknown> } {
  const at = args.findIndex(isOptions);
  const options = (at === -1 ? {} : args[at]) as Record<string, unknown>;
  // the parameters given positionally (before the options object), by name
  const positional = Object.fromEntries(names.map((name, i) => [name, i < at || at === -1 ? args[i] : undefined]));
  const values = Object.fromEntries(
    names.map((name) => [
      name,
      positional[name] !== undefined ? positional[name] : options[name] !== undefined ? options[name] : defaults[name],
    ]),
  );
  const given = names.some((name) => name !== "inplace" && (positional[name] !== undefined || name in options));
  const shown = names.filter((name) => name !== "inplace").map((name) => String(values[name]));
  const layer = written ?? (given ? `${kind}(${shown.join(", ")})` : `${kind}()`);
  // more arguments than the builder takes: refused, not dropped
  checkArguments(layer, [...required, ...args], [...required, ...names]);
  splitOptions(layer, `nn.${kind}`, names, args, names);
  checkOptionTypes(layer, positional, types);
  checkOptionTypes(layer, options, types);
  return { layer, values };
}

export const writeHardtanhRangeMessage = (layer: string): string => `${layer}: maxVal must be greater than minVal`;
export const writeNegativeLambdMessage = (layer: string): string => `${layer}: lambd must be at least 0`;
export const writeCeluAlphaMessage = (layer: string): string => `${layer}: alpha cannot be 0`;

export const writePreluChannelsMessage = (layer: string, n: number, channels: number | string): string =>
  `${layer}: numParameters ${n} must be 1 or the number of channels (dimension 1 of the input; 1 for an input of rank 1), ${channels}`;
export function preluRule(layer: string, n: number, input: RuntimeShape): RuntimeShape {
  if (n === 1) return input;
  const channels = input.length >= 2 ? input[1] : 1;
  if (typeof channels === "number" && channels !== n)
    throw new ShapeError(writePreluChannelsMessage(layer, n, channels));
  return input;
}

export const writeGluOddMessage = (layer: string, index: number, size: number): string =>
  `${layer}: the halved dimension ${index} must have an even size, got ${size}`;
export function gluRule(layer: string, dim: number, input: RuntimeShape): RuntimeShape {
  const index = checkedDimIndex(layer, "dim", dim, input.length);
  const size = input[index];
  if (typeof size === "number" && size % 2 !== 0) throw new ShapeError(writeGluOddMessage(layer, index, size));
  return input.map((d, i) => (i === index ? (typeof d === "number" ? d / 2 : null) : d));
}

export const writeSoftmax2dRankMessage = (rank: number): string =>
  `softmax2d(): expects an input of rank 3 or 4 ([channels, height, width] or [batch, channels, height, width]), got rank ${rank}`;
export function softmax2dRule(input: RuntimeShape): RuntimeShape {
  if (input.length !== 3 && input.length !== 4) throw new ShapeError(writeSoftmax2dRankMessage(input.length));
  return input;
}
