import type { Reverse } from "./digits.ts";
import type { AddCarry, AddDigit, MulSum } from "./tables.ts";

// Long multiplication by Horner's rule over the digits of the multiplier B, three digits per pass:
// Acc ← ((Acc × 10 + A × d1) × 10 + A × d2) × 10 + A × d3. A pass walks the digits of A once, least
// significant first, and computes the three rows in the same step: one pattern match for three
// digit products.
//
// A pass reads one string from the front: `${w}:${c3}${v}:${c2}${u}:${c1}`, then one chunk
// `${y};${x},` per digit x of A, least significant first (y: Acc's digit one position lower), then
// `#${tail}` (Acc's digits above A's, least significant first). u, v, w are rows 1, 2, 3's digits
// at the previous position (row 2 adds row 1's one position higher: the × 10), c1, c2, c3 their
// carries. A step looks up `${c1}${y}` + x × d1, `${c2}${u}` + x × d2 and `${c3}${v}` + x × d3 in
// MulSum, whose values `${digit}:${carry}` are exactly the next step's front, and appends the chunk
// `${w};${x},` to the next pass's chunks. The last pass keeps the finished digits instead, and
// passes of two rows or one row end the multiplier when its length is not a multiple of three.

/** A (most significant digit first) as the first pass's chunks and tail, from the units up. */
export type Start<
  Digits extends string,
  Chunks extends string = "",
> = Digits extends `${infer A}${infer B}${infer Rest}`
  ? Start<Rest, `0;${B},0;${A},${Chunks}`>
  : Digits extends ""
    ? `${Chunks}#`
    : `0;${Digits},${Chunks}#`;

/**
 * Which operand should give the rows (their count sets the number of passes): B when it has at
 * most three digits or A has at least four, else A.
 */
export type Rows<A extends string, B extends string> = B extends `${string}${string}${string}${string}${infer _}`
  ? A extends `${string}${string}${string}${string}${infer _}`
    ? "B"
    : "A"
  : "B";

/** Tail + Carry (one digit), least significant digit first. */
type AddCarryTo<Tail extends string, Carry extends string, Done extends string = ""> = Carry extends "0"
  ? `${Done}${Tail}`
  : Tail extends `${infer X}${infer Rest}`
    ? AddCarryTo<Rest, AddCarry[`0${Carry}${X}`], `${Done}${AddDigit[`0${Carry}${X}`]}`>
    : `${Done}${Carry}`;

/** Tail + Carry + One (Carry a digit, One 0 or 1), least significant digit first. */
type AddTwoCarries<
  Tail extends string,
  Carry extends string,
  One extends string,
> = Tail extends `${infer X}${infer Rest}`
  ? `${AddDigit[`${One}${Carry}${X}`]}${AddCarryTo<Rest, AddCarry[`${One}${Carry}${X}`]>}`
  : `${AddDigit[`${One}${Carry}0`]}${AddCarry[`${One}${Carry}0`] extends "1" ? "1" : ""}`;

/**
 * Acc's digits from A's length up after a pass of three rows: rows 2 and 3's last digits with the
 * carries of rows 3 and 2 (C3V, C2U: `${carry}${digit}`), then the tail plus row 1's carry.
 */
type Flush3<
  W extends string,
  C3V extends string,
  C2U extends string,
  C1 extends string,
  Tail extends string,
> = AddCarry[`0${C3V}`] extends infer K0 extends string
  ? AddCarry[`${K0}${C2U}`] extends infer K1 extends string
    ? `${W}${AddDigit[`0${C3V}`]}${AddDigit[`${K0}${C2U}`]}${AddTwoCarries<Tail, C1, K1>}`
    : never
  : never;

/** The same after a pass of two rows. */
type Flush2<
  V extends string,
  C2U extends string,
  C1 extends string,
  Tail extends string,
> = AddCarry[`0${C2U}`] extends infer K0 extends string
  ? `${V}${AddDigit[`0${C2U}`]}${AddTwoCarries<Tail, C1, K0>}`
  : never;

/** A pass of three rows; the next pass's chunks and tail. */
type ThreeRows<
  Queue extends string,
  D1 extends string,
  D2 extends string,
  D3 extends string,
  Written extends string = "",
> = Queue extends `${infer W}:${infer C3V}:${infer C2U}:${infer C1Y};${infer X},${infer Rest}`
  ? ThreeRows<
      `${MulSum[C3V][X][D3]}${MulSum[C2U][X][D2]}${MulSum[C1Y][X][D1]}${Rest}`,
      D1,
      D2,
      D3,
      `${Written}${W};${X},`
    >
  : Queue extends `${infer W}:${infer C3V}:${infer C2U}:${infer C1}#${infer Tail}`
    ? `${Written}#${Flush3<W, C3V, C2U, C1, Tail>}`
    : never;

/**
 * The last pass of three rows: it keeps the digits it finishes (in front of Product) instead of
 * writing chunks, and ends with the product, most significant digit first, leading zeros allowed.
 */
type LastThreeRows<
  Queue extends string,
  D1 extends string,
  D2 extends string,
  D3 extends string,
  Product extends string = "",
> = Queue extends `${infer W}:${infer C3V}:${infer C2U}:${infer C1Y};${infer X},${infer Rest}`
  ? LastThreeRows<
      `${MulSum[C3V][X][D3]}${MulSum[C2U][X][D2]}${MulSum[C1Y][X][D1]}${Rest}`,
      D1,
      D2,
      D3,
      `${W}${Product}`
    >
  : Queue extends `${infer W}:${infer C3V}:${infer C2U}:${infer C1}#${infer Tail}`
    ? `${Reverse<Flush3<W, C3V, C2U, C1, Tail>>}${DropUnits<Product>}`
    : never;

/** The last pass of two rows. */
type LastTwoRows<
  Queue extends string,
  D1 extends string,
  D2 extends string,
  Product extends string = "",
> = Queue extends `${infer V}:${infer C2U}:${infer C1Y};${infer X},${infer Rest}`
  ? LastTwoRows<`${MulSum[C2U][X][D2]}${MulSum[C1Y][X][D1]}${Rest}`, D1, D2, `${V}${Product}`>
  : Queue extends `${infer V}:${infer C2U}:${infer C1}#${infer Tail}`
    ? `${Reverse<Flush2<V, C2U, C1, Tail>>}${DropUnits<Product>}`
    : never;

/** The last pass of one row. */
type LastRow<
  Queue extends string,
  D extends string,
  Product extends string = "",
> = Queue extends `${infer U}:${infer C1Y};${infer X},${infer Rest}`
  ? LastRow<`${MulSum[C1Y][X][D]}${Rest}`, D, `${U}${Product}`>
  : Queue extends `${infer U}:${infer C1}#${infer Tail}`
    ? `${Reverse<`${U}${AddCarryTo<Tail, C1>}`>}${DropUnits<Product>}`
    : never;

/** The first digit a last pass keeps is the one below the units (always 0): drops it. */
type DropUnits<Product extends string> = Product extends `${infer Above}0` ? Above : Product;

/**
 * A × B: A as chunks and tail from `Start`, B most significant digit first; the product's digits,
 * most significant first, possibly with leading zeros.
 */
export type MulDigits<
  Body extends string,
  B extends string,
> = B extends `${infer D1}${infer D2}${infer D3}${infer Rest}`
  ? Rest extends ""
    ? LastThreeRows<`0:00:00:0${Body}`, D1, D2, D3>
    : MulDigits<ThreeRows<`0:00:00:0${Body}`, D1, D2, D3>, Rest>
  : B extends `${infer D1}${infer D2}${infer Rest}`
    ? LastTwoRows<`0:00:0${Body}`, D1, D2>
    : LastRow<`0:0${Body}`, B>;
