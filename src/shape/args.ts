// Twin of types/shape/args.ts: checks and forms shared by layer arguments.
import { ShapeError } from "../errors.ts";

/** What is wrong with a size argument, or `false`. */
export function sizeProblem(value: unknown, minimum: 0 | 1 = 1): string | false {
  if (typeof value !== "number") return "a non-number value";
  if (!Number.isSafeInteger(value) || value < 0) return String(value);
  if (minimum === 1 && value === 0) return "0";
  return false;
}

export const writeSizeMessage = (layer: string, name: string, minimum: 0 | 1, got: string): string =>
  `${layer}: ${name} must be ${minimum === 1 ? "a positive" : "a non-negative"} integer, not ${got}`;

/** Throws the message for the first bad size among `values` (a number or tuple each). */
export function checkSizes(layer: string, named: Record<string, unknown>, minimum: 0 | 1 = 1): void {
  for (const [name, value] of Object.entries(named)) {
    for (const one of Array.isArray(value) ? value : [value]) {
      const got = sizeProblem(one, minimum);
      if (got !== false) throw new ShapeError(writeSizeMessage(layer, name, minimum, got));
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
  if (Array.isArray(value) && value.length !== rank) {
    throw new ShapeError(`${layer}: ${name} must be a number or a tuple of ${rank}, not a tuple of ${value.length}`);
  }
}
