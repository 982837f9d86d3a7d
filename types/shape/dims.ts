// Dimensions and shapes as types.
//
// A dimension is a non-negative integer literal (known), `number` (unknown until run time) or a
// string literal (named: unknown, but equal wherever the same name appears).

/** One dimension of a shape. */
export type Dim = number | string;

/** A tensor shape, batch first. */
export type Shape = readonly Dim[];

/** The value a rule computes with: a named dimension's value is unknown (`number`). */
export type ValueOf<D> = D extends number ? D : number;

/** True when a dimension's value is not known at compile time. */
export type IsUnknown<D> = D extends string ? true : number extends D ? true : false;

/**
 * A dimension as messages write it: `28`, `number`, or the name (`string` for a name the compiler
 * does not know). Never a `${number}` or `${string}` hole: a message with one is a template literal
 * type, which TypeScript 5.9 prints with its non-ASCII characters escaped (`64\u00B712`).
 */
export type ShowDim<D> = D extends string
  ? string extends D
    ? "string"
    : D
  : number extends D
    ? "number"
    : `${D & number}`;

/**
 * A shape as messages write it, with a dimension's origin where one is known:
 * `[number, 64·12·12 = 9216]`.
 */
export type ShowShape<S extends Shape, Origins extends readonly string[] = []> = `[${ShowDims<S, Origins>}]`;
type ShowDims<S extends Shape, Origins extends readonly string[], Text extends string = ""> = S extends readonly [
  infer D,
  ...infer Rest extends Shape,
]
  ? ShowDims<
      Rest,
      Origins extends readonly [unknown, ...infer More extends string[]] ? More : [],
      `${Text}${Text extends "" ? "" : ", "}${Origins extends readonly [infer Origin extends string, ...unknown[]] ? (Origin extends "" ? "" : `${Origin} = `) : ""}${ShowDim<D>}`
    >
  : Text;

/** The last dimension of a shape. */
export type LastDim<S extends Shape> = S extends readonly [...unknown[], infer D] ? D : never;

/** A shape without its last dimension. */
export type WithoutLast<S extends Shape> = S extends readonly [...infer Lead, unknown] ? Lead : never;
