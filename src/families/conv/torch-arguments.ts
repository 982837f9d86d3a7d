// PyTorch's optional arguments of the conv and pool builders (conv, convTranspose, the pools, lpPool, unfold, fold):
// their settings, and how messages write the call (twin of their `Written…` types).
import { isOptions, written } from "../../shape/args.ts";

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
 * How messages write a call: `head` up to its required arguments (`conv2d(1, 32, 3`), then its optional `args` in
 * PyTorch's order, of which the first `positional` may be given positionally. While the others are at their
 * defaults, they are written positionally up to the last one set (`conv2d(1, 32, 3, 2, 1)`, `maxPool2d(2)`);
 * otherwise every one set, by name (`conv2d(3, 8, 3, { padding: 1, dilation: 2 })`).
 */
export function writtenCall(head: string, positional: number, args: readonly Optional[]): string {
  const set = args.filter(([, , isDefault]) => !isDefault);
  if (args.slice(positional).some(([, , isDefault]) => !isDefault))
    return `${head}, { ${set.map(([name, value]) => `${name}: ${written(value)}`).join(", ")} })`;
  const shown = set.length === 0 ? 0 : args.indexOf(set[set.length - 1]!) + 1;
  return `${head}${args
    .slice(0, shown)
    .map(([, value]) => `, ${written(value)}`)
    .join("")})`;
}

/**
 * A builder of the nn vocabulary: its arguments, as given, to `make(kind, rank, args)`. Its type is the declaration
 * it is assigned to (`export const conv2d: <…>(inChannels: …, …) => Conv2d<…> = builder(conv, "conv2d", 2)`).
 */
export const builder =
  <Kind extends string>(
    make: (kind: Kind, rank: number, args: readonly unknown[]) => unknown,
    kind: Kind,
    rank: number,
  ) =>
  (...args: unknown[]): never =>
    make(kind, rank, args) as never;
