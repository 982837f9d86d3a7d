import type {
  AddCarry,
  DigitCompare,
  DigitFactors,
  DivideBy,
  DivideByDigit,
  Halves,
  MulSum,
  Nine,
  PrefixNext,
  PrefixTimes,
  QuotientBounds,
} from "./tables.ts";

/** What a division is asked for: the quotient, the quotient and whether it is exact, the remainder. */
export type Want = "quotient" | "exact" | "remainder";
type Wants = Want | "both";

/**
 * Short division of A (most significant digit first) by one digit, left to right: the state is
 * `${quotient}|${remainder digit}${rest of A}`, and DivideBy's values `${q}|${r}` are its next front.
 */
type ShortDivide<
  State extends string,
  Table extends DivideByDigit,
  Wanted extends Wants,
> = State extends `${infer Quotient}|${infer R}${infer X}${infer Rest}`
  ? Rest extends ""
    ? Table[`${R}${X}`] extends `${infer Q}|${infer Left}`
      ? Wanted extends "quotient"
        ? `${Quotient}${Q}`
        : Wanted extends "exact"
          ? [`${Quotient}${Q}`, Left extends "0" ? true : false]
          : Wanted extends "both"
            ? [`${Quotient}${Q}`, Left]
            : Left
      : never
    : ShortDivide<`${Quotient}${Table[`${R}${X}`]}${Rest}`, Table, Wanted>
  : never;

// Long division by B of n ≥ 2 digits. The running remainder with the next digit of A brought down,
// Part (n + 1 digits), is kept as its nines' complement comp(Part) = 10^(n+1) − 1 − Part, in two
// spellings: chunks `${9 − p};${x},` from the units up, x the digit of B at the same position (0
// above B), for the next pass; and its digits from the top, for the estimate of the next quotient
// digit. One MulSum pass (as in multiplication) computes comp(Part) + B × q = comp(Part − B × q):
// it overflows exactly when B × q > Part, and otherwise its digits are the next remainder's
// complement, which the pass writes as the next Part's chunks (shifted up one position, the next
// digit of A below) and digits.

/** How two three-digit strings compare. */
type Compare3<A extends string, B extends string> = A extends `${infer A1}${infer A2}${infer A3}`
  ? B extends `${infer B1}${infer B2}${infer B3}`
    ? DigitCompare[`${A1}${B1}`] extends "eq"
      ? DigitCompare[`${A2}${B2}`] extends "eq"
        ? DigitCompare[`${A3}${B3}`]
        : DigitCompare[`${A2}${B2}`]
      : DigitCompare[`${A1}${B1}`]
    : never
  : never;

/**
 * The largest q from Low to High with Prefix × q ≤ r, where Top3 = comp(r) (three digits), by
 * binary search: Prefix × q ≤ r ⟺ comp(r) ≤ 999 − Prefix × q.
 */
type Estimate<Top3 extends string, Prefix extends string, Low extends string, High extends string> = Low extends High
  ? Low
  : Halves[`${Low}${High}`] extends `${infer Mid}${infer Below}`
    ? Compare3<Top3, PrefixTimes[`${Prefix}${Mid}`]> extends "gt"
      ? Estimate<Top3, Prefix, Low, Below>
      : Estimate<Top3, Prefix, Mid, High>
    : never;

/**
 * One pass: comp(Part) + B × Q. The result is `${carry}|${digits}|${chunks}`: carry "0" when
 * B × Q ≤ Part; then comp(Part − B × Q) shifted up with Low (the complement of the next digit of A)
 * below, as digits from the top and as chunks.
 */
type Pass<
  Queue extends string,
  Q extends string,
  Digits extends string = "",
  Chunks extends string = "",
> = Queue extends `${infer V}:${infer CY};${infer X},${infer Rest}`
  ? Pass<`${MulSum[CY][X][Q]}${Rest}`, Q, `${V}${Digits}`, `${Chunks}${V};${X},`>
  : Queue extends `${string}:${infer Carry}`
    ? `${Carry}|${Digits}|${Chunks}`
    : never;

type Previous = {
  [digit: string]: string;
  "1": "0";
  "2": "1";
  "3": "2";
  "4": "3";
  "5": "4";
  "6": "5";
  "7": "6";
  "8": "7";
  "9": "8";
};

/**
 * The quotient digit for Part: from its top digits (complemented, Top) and B's, the estimate q is
 * exact or one too big; a pass with q that overflows is redone with q − 1. The result is
 * `${q}|${digits}|${chunks}` of the pass that fits.
 */
type Step<
  Chunks extends string,
  Top extends string,
  Low extends string,
  B1 extends string,
  B2 extends string,
> = Top extends `${infer T1}${infer T2}${infer T3}${string}`
  ? QuotientBounds[`${T1}${T2}${B1}`] extends `${infer From}${infer To}`
    ? Estimate<`${T1}${T2}${T3}`, `${B1}${B2}`, From, To> extends infer Q extends string
      ? Pass<`${Low}:0${Chunks}`, Q> extends `${infer Carry}|${infer Next}`
        ? Carry extends "0"
          ? `${Q}|${Next}`
          : Pass<`${Low}:0${Chunks}`, Previous[Q]> extends `${string}|${infer Fits}`
            ? `${Previous[Q]}|${Fits}`
            : never
        : never
      : never
    : never
  : never;

/** Long division from the first Part (chunks and top digits, complemented) over the rest of A. */
type LongDivide<
  Chunks extends string,
  Top extends string,
  Rest extends string,
  B1 extends string,
  B2 extends string,
  Wanted extends Want,
  Quotient extends string = "",
> = Rest extends `${infer Next}${infer After}`
  ? Step<Chunks, Top, Nine[Next], B1, B2> extends `${infer Q}|${infer NextTop}|${infer NextChunks}`
    ? LongDivide<NextChunks, NextTop, After, B1, B2, Wanted, `${Quotient}${Q}`>
    : never
  : Step<Chunks, Top, "9", B1, B2> extends `${infer Q}|${infer Digits}9|${string}` // the remainder × 10, complemented
    ? Wanted extends "quotient"
      ? `${Quotient}${Q}`
      : Wanted extends "exact"
        ? [`${Quotient}${Q}`, AllNines<Digits>]
        : Complement<Digits>
    : never;

type AllNines<Digits extends string> = Digits extends `9${infer Rest}`
  ? AllNines<Rest>
  : Digits extends ""
    ? true
    : false;

/** 9 − each digit, most significant first. */
type Complement<
  Digits extends string,
  Done extends string = "",
> = Digits extends `${infer A}${infer B}${infer C}${infer D}${infer Rest}`
  ? Complement<Rest, `${Done}${Nine[A]}${Nine[B]}${Nine[C]}${Nine[D]}`>
  : Digits extends `${infer A}${infer Rest}`
    ? Complement<Rest, `${Done}${Nine[A]}`>
    : Done;

/**
 * The first Part: "0" and the first n digits of A (n = B's length), as chunks (from the units up,
 * paired with B's digits) and complemented digits from the top; then the rest of A. "short" when
 * A has fewer digits than B.
 */
type Split<
  A extends string,
  B extends string,
  Chunks extends string = "9;0,",
  Top extends string = "9",
> = B extends `${infer X}${infer RestB}`
  ? A extends `${infer D}${infer RestA}`
    ? Split<RestA, RestB, `${Nine[D]};${X},${Chunks}`, `${Top}${Nine[D]}`>
    : "short"
  : [Chunks, Top, A];

/**
 * comp(Part) + B × Q for B of two digits (X1 X0, More "") or three (X1 X0 More), unrolled, from
 * Top = comp(Part) (most significant digit first): `${carry}|${next Top}`, the next Top being
 * comp(Part − B × Q) shifted up with Low below.
 */
type SmallPass<
  Top extends string,
  X1 extends string,
  X0 extends string,
  More extends string,
  Q extends string,
  Low extends string,
> = More extends ""
  ? Top extends `${infer T2}${infer T1}${infer T0}`
    ? MulSum[`0${T0}`][X0][Q] extends `${infer D0}:${infer K0}`
      ? MulSum[`${K0}${T1}`][X1][Q] extends `${infer D1}:${infer K1}`
        ? `${AddCarry[`0${T2}${K1}`]}|${D1}${D0}${Low}`
        : never
      : never
    : never
  : Top extends `${infer T3}${infer T2}${infer T1}${infer T0}`
    ? MulSum[`0${T0}`][More][Q] extends `${infer D0}:${infer K0}`
      ? MulSum[`${K0}${T1}`][X0][Q] extends `${infer D1}:${infer K1}`
        ? MulSum[`${K1}${T2}`][X1][Q] extends `${infer D2}:${infer K2}`
          ? `${AddCarry[`0${T3}${K2}`]}|${D2}${D1}${D0}${Low}`
          : never
        : never
      : never
    : never;

/**
 * Long division by B of two or three digits (B1 B2 More), unrolled passes: the state is
 * Top = comp(Part) alone. With two digits the estimate is exact.
 */
type SmallDivide<
  Top extends string,
  Rest extends string,
  B1 extends string,
  B2 extends string,
  More extends string,
  Wanted extends Want,
  Quotient extends string = "",
> = Top extends `${infer T1}${infer T2}${infer T3}${string}`
  ? QuotientBounds[`${T1}${T2}${B1}`] extends `${infer From}${infer To}`
    ? Estimate<`${T1}${T2}${T3}`, `${B1}${B2}`, From, To> extends infer Q extends string
      ? (Rest extends `${infer Next}${string}` ? Nine[Next] : "9") extends infer Low extends string
        ? (
            SmallPass<Top, B1, B2, More, Q, Low> extends `0|${infer Fits}`
              ? [Q, Fits]
              : [
                  Previous[Q],
                  SmallPass<Top, B1, B2, More, Previous[Q], Low> extends `${string}|${infer Fits}` ? Fits : never,
                ]
          ) extends [infer Digit extends string, infer NextTop extends string]
          ? Rest extends `${string}${infer After}`
            ? SmallDivide<NextTop, After, B1, B2, More, Wanted, `${Quotient}${Digit}`>
            : NextTop extends `${infer Digits}9`
              ? Wanted extends "quotient"
                ? `${Quotient}${Digit}`
                : Wanted extends "exact"
                  ? [`${Quotient}${Digit}`, AllNines<Digits>]
                  : Complement<Digits>
              : never
          : never
        : never
      : never
    : never
  : never;

/**
 * A ÷ (X × Y) by two short divisions: ⌊⌊A / X⌋ / Y⌋, and the remainder r1 + X × r2 (r1 = A mod X,
 * r2 = ⌊A / X⌋ mod Y).
 */
type FactorDivide<A extends string, X extends string, Y extends string, Wanted extends Want> =
  ShortDivide<`|0${A}`, DivideBy[X], "both"> extends [infer Q1 extends string, infer R1 extends string]
    ? Wanted extends "quotient"
      ? ShortDivide<`|0${Q1}`, DivideBy[Y], "quotient">
      : ShortDivide<`|0${Q1}`, DivideBy[Y], "both"> extends [infer Q2 extends string, infer R2 extends string]
        ? Wanted extends "exact"
          ? [Q2, `${R1}${R2}` extends "00" ? true : false]
          : MulSum[`0${R1}`][R2][X] extends `${infer Digit}:${infer Carry}`
            ? `${Carry}${Digit}`
            : never
        : never
    : never;

/** The answer when A < B. */
type Below<A extends string, Wanted extends Want> = Wanted extends "quotient"
  ? "0"
  : Wanted extends "exact"
    ? ["0", A extends "0" ? true : false]
    : A;

/**
 * A ÷ B for digit strings (most significant digit first, no leading zeros, B ≠ "0"): the
 * quotient's digits (leading zeros allowed), `[quotient, exact]`, or the remainder's digits.
 * One digit: short division; two digits that are a product of two digits: two short divisions;
 * two or three digits: unrolled long division; more: long division by passes.
 */
export type DivideDigits<
  A extends string,
  B extends string,
  Wanted extends Want,
> = B extends `${infer B1}${infer B2}${infer More}`
  ? More extends ""
    ? B extends keyof DigitFactors
      ? DigitFactors[B] extends `${infer X}${infer Y}`
        ? FactorDivide<A, X, Y, Wanted>
        : never
      : A extends `${infer A1}${infer A2}${infer Rest}`
        ? SmallDivide<`9${Nine[A1]}${Nine[A2]}`, Rest, B1, B2, "", Wanted>
        : Below<A, Wanted>
    : More extends `${string}${infer Further}`
      ? Further extends ""
        ? A extends `${infer A1}${infer A2}${infer A3}${infer Rest}`
          ? SmallDivide<`9${Nine[A1]}${Nine[A2]}${Nine[A3]}`, Rest, B1, B2, More, Wanted>
          : Below<A, Wanted>
        : Split<A, B> extends [infer Chunks extends string, infer Top extends string, infer Rest extends string]
          ? LongDivide<Chunks, Top, Rest, B1, B2, Wanted>
          : Below<A, Wanted>
      : never
  : B extends "1"
    ? Wanted extends "quotient"
      ? A
      : Wanted extends "exact"
        ? [A, true]
        : "0"
    : ShortDivide<`|0${A}`, DivideBy[B], Wanted>;
