// PyTorch's optional arguments of the conv and pool builders (conv, convTranspose, the pools, lpPool, unfold, fold):
// their settings, and how messages write the call (twin of their `Written…` types).
import { checkSizes, checkTupleLength, isOptions, writePositionalMessage, written } from "../../shape/args.ts";
import { fail } from "../../ops/fail.ts";

/**
 * The settings of the optional arguments `names`, given positionally (up to the options object) or in the options
 * object, which may follow any of them; the checks (unknown keys, given twice, …) are `splitOptions`'s.
 */
export function settingsOf<Settings>(names: readonly string[], args: readonly unknown[]): Settings {
  const at = args.findIndex(isOptions);
  const settings: Record<string, unknown> = { ...(at === -1 ? {} : (args[at] as object)) };
  names.forEach((name, i) => {
    if ((at === -1 || i < at) && args[i] !== undefined) settings[name] = args[i];
  });
  return settings as Settings;
}

/** An optional argument: its name, its value and whether that value is its default (the caller's comparison). */
export type Optional = readonly [name: string, value: unknown, isDefault: boolean];

/**
 * The optional arguments `defaults` (name: default, in PyTorch's order) at their value in `settings`, else their
 * default; each at its default when it is written as the default is (`2` and `[2, 2]` differ).
 */
export const optionals = (settings: object, defaults: Record<string, unknown>): Optional[] =>
  Object.entries(defaults).map(([name, base]) => {
    const value = (settings as Record<string, unknown>)[name] ?? base;
    return [name, value, written(value) === written(base)];
  });

/** The values of `optionals` (to destructure: `const [stride, padding] = valuesOf(args)`). */
export const valuesOf = (args: readonly Optional[]): unknown[] => args.map(([, value]) => value);

/**
 * Throws when kernelSize, a required argument, is an options object; PyTorch's order of the arguments: `before`,
 * kernelSize, `after`.
 */
export function checkKernelPositional(
  layer: string,
  kernelSize: unknown,
  before: readonly string[],
  after: readonly string[],
): void {
  if (isOptions(kernelSize))
    fail(writePositionalMessage(layer, "kernelSize", [...before, "kernelSize", ...after].join(", ")));
}

/** A size argument: each value an integer ≥ `minimum`, then (a tuple) one per dimension of `rank`. */
export function checkSizeArg(layer: string, name: string, value: unknown, rank: number, minimum: 0 | 1 = 1): void {
  checkSizes(layer, { [name]: value }, minimum);
  checkTupleLength(layer, name, value, rank);
}

/**
 * How messages write a call: `head` up to its required arguments (`conv2d(1, 32, 3`), then its optional `args` in
 * PyTorch's order, of which the first `positional` may be given positionally. While the others are at their
 * defaults, they are written positionally up to the last one set (`conv2d(1, 32, 3, 2, 1)`, `maxPool2d(2)`);
 * otherwise every one set, by name (`conv2d(3, 8, 3, { padding: 1, dilation: 2 })`).
 */
export function writtenCall(head: string, positional: number, args: readonly Optional[]): string {
  const set = args.filter(([, , isDefault]) => !isDefault);
  const shown = args.indexOf(set.at(-1)!) + 1; // up to the last one set (0 when none is)
  if (shown > positional) return `${head}, { ${set.map(([name, value]) => `${name}: ${written(value)}`).join(", ")} })`;
  return `${head}${args
    .slice(0, shown)
    .map(([, value]) => `, ${written(value)}`)
    .join("")})`;
}

/**
 * A builder of the nn vocabulary: its arguments, as given, to `make(kind, rank, args)`, the rank the kind's digit
 * (`conv2d`: 2). Its type is the declaration it is assigned to
 * (`export const conv2d: <…>(inChannels: …, …) => Conv2d<…> = builder(conv, "conv2d")`).
 */
export const builder =
  <Kind extends `${string}${1 | 2 | 3}d`>(
    make: (kind: Kind, rank: number, args: readonly unknown[]) => unknown,
    kind: Kind,
  ) =>
  (...args: unknown[]): never =>
    make(kind, Number(kind.at(-2)), args) as never;
