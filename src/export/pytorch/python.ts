// Python literals and names, for the emitted source.

/** A config value as a Python literal: numbers, True/False, None, tuples for arrays, quoted strings. */
export function py(value: unknown): string {
  if (value === null || value === undefined) return "None";
  if (typeof value === "boolean") return value ? "True" : "False";
  if (typeof value === "number")
    return Number.isFinite(value)
      ? String(value)
      : value > 0
        ? "float('inf')"
        : value < 0
          ? "float('-inf')"
          : "float('nan')";
  if (typeof value === "string") return JSON.stringify(value);
  if (Array.isArray(value)) return value.length === 1 ? `(${py(value[0])},)` : `(${value.map(py).join(", ")})`;
  throw new Error(`py: cannot write ${String(value)} as Python`);
}

/** `camelCase` → `snake_case` (PyTorch's keyword names). */
export const snake = (name: string): string => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** An export name as a Python class name: `mnist` → `Mnist`, `tiny_net` → `TinyNet`. */
export const className = (name: string): string => {
  const words = name.split(/[^A-Za-z0-9]+/).filter(Boolean);
  const joined = words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join("");
  return /^[A-Za-z_]/.test(joined) ? joined : `Net${joined}`;
};

/** A call `nn.Conv2d(1, 32, 3, stride=2)`: positional values, then the keywords whose value is not the default. */
export function call(
  callee: string,
  positional: readonly unknown[],
  keywords: Readonly<Record<string, [value: unknown, fallback: unknown]>> = {},
): string {
  const args = positional.map(py);
  for (const [name, [value, fallback]] of Object.entries(keywords)) {
    if (value === undefined || sameValue(value, fallback)) continue;
    args.push(`${name}=${py(value)}`);
  }
  return `${callee}(${args.join(", ")})`;
}

const sameValue = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);
