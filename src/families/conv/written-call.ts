// How messages write a call of a PyTorch builder with optional arguments: conv, convTranspose, the pools, lpPool,
// unfold and fold (twin of their `Written…` types). While every keyword-only argument is at its default, the
// optional ones are written positionally up to the last one set (`conv2d(1, 32, 3, 2, 1)`, `maxPool2d(2)`);
// otherwise every one that is set, by name (`conv2d(3, 8, 3, { padding: 1, dilation: 2 })`).
import { written } from "../../shape/args.ts";

/** An optional argument: its name, its value and whether that value is its default (the caller's comparison). */
export type Optional = readonly [name: string, value: unknown, isDefault: boolean];

/**
 * `head` is the call up to its required arguments (`conv2d(1, 32, 3`); `args` its optional arguments in PyTorch's
 * order, of which the first `positional` may be given positionally.
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
