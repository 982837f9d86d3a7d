// Dimensions and shapes at run time (twin of types/shape/dims.ts). As in tfjs's `inputShape`,
// `null` is an unknown dimension and a string a named one.

/** One dimension: a size, `null` (unknown until data arrives) or a name. */
export type RuntimeDim = number | null | string;

/** A tensor shape at run time, batch first. */
export type RuntimeShape = readonly RuntimeDim[];

/** The runtime form of a type-level shape: `number` (unknown) becomes `null`. */
export type RuntimeShapeOf<S extends readonly unknown[]> = {
  -readonly [K in keyof S]: S[K] extends string ? S[K] : number extends S[K] ? null : S[K];
};

/** A dimension's value when it is known, else `null` (named dimensions have no known value). */
export const valueOf = (dim: RuntimeDim): number | null => (typeof dim === "number" ? dim : null);

export const showDim = (dim: RuntimeDim): string => (dim === null ? "number" : String(dim));

/** A shape as messages write it, with a dimension's origin where one is known: `[number, 64·12·12 = 9216]`. */
export const showShape = (shape: RuntimeShape, origins: readonly string[] = []): string =>
  `[${shape.map((dim, i) => `${origins[i] ? `${origins[i]} = ` : ""}${showDim(dim)}`).join(", ")}]`;

export const lastDim = (shape: RuntimeShape): RuntimeDim => shape.at(-1)!;
export const withoutLast = (shape: RuntimeShape): RuntimeShape => shape.slice(0, -1);

/** The message for an input of the wrong rank: `expected` as messages write it ("2 or 3", "3 or more"). */
export const writeInputRankMessage = (layer: string, expected: string | number, got: number): string =>
  `${layer}: expects an input of rank ${expected}, got rank ${got}`;
