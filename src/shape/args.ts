// Twin of types/shape/args.ts: checks and forms shared by layer arguments.
import { fail } from "../errors.ts";

/** What is wrong with a size argument, or `false`. */
export function sizeProblem(value: unknown, minimum: 0 | 1 = 1): string | false {
  if (typeof value !== "number") return "a non-number value";
  return !Number.isSafeInteger(value) || value < minimum ? String(value) : false;
}

export const writeSizeMessage = (layer: string, name: string, minimum: 0 | 1, got: string): string =>
  `${layer}: ${name} must be ${minimum === 1 ? "a positive" : "a non-negative"} integer, not ${got}`;

/** Throws the message for the first bad size among `values` (a number or tuple each). */
export function checkSizes(layer: string, named: Record<string, unknown>, minimum: 0 | 1 = 1): void {
  for (const [name, value] of Object.entries(named)) {
    for (const one of Array.isArray(value) ? value : [value]) {
      const got = sizeProblem(one, minimum);
      if (got !== false) fail(writeSizeMessage(layer, name, minimum, got));
    }
  }
}

/** A number or a tuple written as the user wrote it: `3`, `[3, 2]`. */
export const written = (value: unknown): string =>
  Array.isArray(value) ? `[${value.join(", ")}]` : typeof value === "string" ? `'${value}'` : String(value);

/** A per-dimension argument as an array of `rank` values. */
export const perDim = (value: number | readonly number[], rank: number): number[] =>
  Array.isArray(value) ? [...value] : Array.from({ length: rank }, () => value as number);

export function checkTupleLength(layer: string, name: string, value: unknown, rank: number): void {
  if (Array.isArray(value) && value.length !== rank)
    fail(`${layer}: ${name} must be a number or a tuple of ${rank}, not a tuple of ${value.length}`);
}

// ---- Options objects: unknown keys are refused, with a suggestion (twin of types/shape/args.ts).

/** Whether a value is an object (not `null`): its properties can be read. */
export const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null;

/** Whether an argument is an options object (not a size, a tuple or a string). */
export const isOptions = (value: unknown): value is Record<string, unknown> => isObject(value) && !Array.isArray(value);

const camel = (key: string): string => key.replace(/_([a-zA-Z0-9])/g, (_, letter: string) => letter.toUpperCase());
// The option another vocabulary (or a near name) uses for a key: pairs that suggest each other, then one-way ones.
const optionAliases: Record<string, string> = {
  ...Object.fromEntries(
    [
      ["strides", "stride"],
      ["dilationRate", "dilation"],
      ["useBias", "bias"],
      ["poolSize", "kernelSize"],
      ["eps", "epsilon"],
    ].flatMap(([a, b]) => [
      [a, b],
      [b, a],
    ]),
  ),
  group: "groups",
  pad: "padding",
  paddingMode: "padding",
  batchSize: "batchFirst",
  filters: "outChannels",
  units: "outFeatures",
  dropoutRate: "dropout",
  rate: "p",
};

/** Twin of `SuggestOption`: the known option a wrong key most likely meant, or `undefined`. */
export function suggestOption(key: string, known: readonly string[]): string | undefined {
  const c = camel(key);
  // the key in camelCase, its plural, its singular, its alias: the first that is an option
  const near = [
    c,
    `${c}s`,
    c.endsWith("s") ? c.slice(0, -1) : undefined,
    Object.hasOwn(optionAliases, c) ? optionAliases[c] : undefined,
  ];
  const found = near.find((name) => name !== undefined && known.includes(name));
  if (found !== undefined) return found;
  const same = known.filter((k) => k.toLowerCase() === c.toLowerCase());
  return same.length === 1 ? same[0] : undefined;
}

export const writeUnknownKeyMessage = (
  layer: string,
  key: string,
  of: string,
  suggestion: string | undefined,
): string =>
  `${layer}: ${key} is not an option of ${of}${suggestion === undefined ? "" : `; did you mean \`${suggestion}\`?`}`;

/** Throws for the first key of `options` (an options object) not in `known`. */
export function checkKnownKeys(layer: string, of: string, options: unknown, known: readonly string[]): void {
  if (!isOptions(options)) return;
  for (const key of Object.keys(options)) {
    if (!known.includes(key)) fail(writeUnknownKeyMessage(layer, key, of, suggestOption(key, known)));
  }
}

export const writeGivenTwiceMessage = (layer: string, key: string): string =>
  `${layer}: ${key} is given twice, as an argument and as an option`;
export const writeAfterOptionsMessage = (layer: string): string =>
  `${layer}: the options object must be the last argument`;
export const writePositionalMessage = (layer: string, name: string, order: string): string =>
  `${layer}: ${name} is a required argument, not an option (PyTorch's order: ${order})`;

export const writeExtraPositionalMessage = (
  layer: string,
  names: readonly string[],
  known: readonly string[],
  value: unknown,
): string =>
  `${layer}: ${written(value)} is not an options object; ${names.length === 0 ? "" : `after ${names.join(", ")}, `}PyTorch's optional arguments are given by name here ({ ${known.join(", ")} })`;

/**
 * Splits PyTorch-style arguments: positional values (`undefined` when not given) up to the first
 * options object, and that object (`{}` when none). Throws when an argument follows the options
 * object, when a key is not in `known`, or when an option is also given as an argument.
 */
export function splitOptions(
  layer: string,
  of: string,
  names: readonly string[],
  args: readonly unknown[],
  known: readonly string[],
): [unknown[], Record<string, unknown>] {
  const at = args.findIndex(isOptions);
  const end = at === -1 ? args.length : at; // where the positional arguments end
  // a value past the positional names (PyTorch's next argument given positionally) is refused, not dropped
  const extra = args.slice(names.length, end).find((arg) => arg !== undefined);
  if (extra !== undefined) fail(writeExtraPositionalMessage(layer, names, known, extra));
  if (args.slice(end + 1).some((arg) => arg !== undefined)) fail(writeAfterOptionsMessage(layer));
  const positional = names.map((_, i) => (i < end ? args[i] : undefined));
  const options = at === -1 ? {} : (args[at] as Record<string, unknown>);
  checkKnownKeys(layer, of, options, known);
  names.forEach((name, i) => {
    if (positional[i] !== undefined && options[name] !== undefined) fail(writeGivenTwiceMessage(layer, name));
  });
  return [positional, options];
}

export const writeOptionTypeMessage = (layer: string, key: string, expected: string): string =>
  `${layer}: ${key} must be ${expected}`;
const isBoolean = (value: unknown): boolean => typeof value === "boolean";
/** What an option must be, as messages write it, and the test of a value. */
export const expected = {
  boolean: ["true or false", isBoolean],
  number: ["a number", (value: unknown) => typeof value === "number"],
  batchFirst: ["true: [batch, seq, features] is the only layout here", (value: unknown) => value === true],
  inplace: ["true or false (it changes nothing here)", isBoolean],
  zeros: ["'zeros' (the only mode here)", (value: unknown) => value === "zeros"],
} as const satisfies Record<string, readonly [string, (value: unknown) => boolean]>;
/** Throws for the first option of `options` whose value fails its test in `types` (twin of `OptionTypeProblem`). */
export function checkOptionTypes(
  layer: string,
  options: unknown,
  types: Record<string, readonly [string, (value: unknown) => boolean]>,
): void {
  if (!isOptions(options)) return;
  for (const [key, value] of Object.entries(options)) {
    const type = types[key];
    if (type !== undefined && value !== undefined && !type[1](value)) fail(writeOptionTypeMessage(layer, key, type[0]));
  }
}

/** Twin of `TrailingOptionsProblem`: throws for an unknown key, then for a value of the wrong type. */
export function checkOptions(
  layer: string,
  of: string,
  options: unknown,
  known: readonly string[],
  types: Record<string, readonly [string, (value: unknown) => boolean]> = {},
): void {
  checkKnownKeys(layer, of, options, known);
  checkOptionTypes(layer, options, types);
}

// ---- Argument counts (issue 13): the compiler refuses an argument a builder does not take ("Expected 1 arguments,
// but got 2", or a number where the options object goes); the runtime refuses it too instead of dropping it.

export const writeArgumentCountMessage = (layer: string, names: readonly string[], count: number): string =>
  `${layer}: takes ${names.length === 0 ? "no arguments" : `at most ${names.length} (${names.join(", ")})`}, not ${count}`;
export const writeNotOptionsMessage = (layer: string, value: unknown, keys: readonly string[]): string =>
  writeExtraPositionalMessage(layer, [], keys, value);

/** Throws when a builder gets more arguments than `names` (trailing `undefined`s aside). */
export function checkArguments(layer: string, args: ArrayLike<unknown>, names: readonly string[]): void {
  let count = args.length;
  while (count > 0 && args[count - 1] === undefined) count--;
  if (count > names.length) fail(writeArgumentCountMessage(layer, names, count));
}
/** Throws when the argument where a builder takes its options object is something else (and not left out). */
export function checkOptionsObject(layer: string, value: unknown, keys: readonly string[]): void {
  if (value !== undefined && !isOptions(value)) fail(writeNotOptionsMessage(layer, value, keys));
}

/**
 * Twin of `PositionalSettings` (types/shape/positional.ts): PyTorch's optional arguments `names` positionally, then an
 * options object, as one options object (checked as `splitOptions` checks them).
 */
export function positionalOptions(
  layer: string,
  of: string,
  names: readonly string[],
  args: readonly unknown[],
  known: readonly string[],
): Record<string, unknown> {
  const [positional, named] = splitOptions(layer, of, names, args, known);
  const options: Record<string, unknown> = { ...named };
  names.forEach((name, i) => {
    if (positional[i] !== undefined) options[name] = positional[i];
  });
  return options;
}
