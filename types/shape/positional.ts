// PyTorch's optional arguments positionally, then one options object (issue 13: `nn.bilinear(3, 4, 5, false)`,
// `nn.adaptiveLogSoftmaxWithLoss(8, 10, [4], 2.0, { headBias: true })`), for builders whose later arguments are all
// options: each value given positionally is checked as the option of its name. Twin: `positionalOptions` in
// src/shape/args.ts.
import type { GivenTwiceProblem, IsOptions, TrailingOptionsProblem, writeAfterOptionsMessage } from "./args.ts";
import type { FirstProblem } from "./problems.ts";

/** The values given positionally, by name (left out: `Absent`, `undefined` unless PyTorch's None is too), up to the options object. */
export type ByName<
  Names extends readonly string[],
  Rest extends readonly unknown[],
  Absent = undefined,
> = Names extends readonly [infer Name extends string, ...infer OtherNames extends string[]]
  ? Rest extends readonly [infer Value, ...infer Others]
    ? IsOptions<Value> extends true
      ? {}
      : ([Value] extends [Absent] ? {} : { readonly [K in Name]: Value }) & ByName<OtherNames, Others, Absent>
    : {}
  : {};
/** The options object among `Rest` (`{}` when none). */
export type OptionsIn<Rest extends readonly unknown[]> = Rest extends readonly [infer Value, ...infer Others]
  ? IsOptions<Value> extends true
    ? Value
    : OptionsIn<Others>
  : {};
/** Every later argument as one options object (a value given twice: the argument's, as the runtime's). */
export type PositionalSettings<Names extends readonly string[], Rest extends readonly unknown[], Absent = undefined> =
  ByName<Names, Rest, Absent> extends infer Given ? Given & Omit<OptionsIn<Rest>, keyof Given> : never;

/**
 * Each argument of `Rest` (PyTorch's optional arguments `Names`, then an options object): a value checked as its
 * name's option, the options object (unknown keys, types, a name given twice), or an argument after it.
 */
export type PositionalProblems<
  Layer extends string,
  Of extends string,
  Names extends readonly string[],
  Rest extends readonly unknown[],
  Known extends string,
  Types = {},
  Expected = {},
  Absent = undefined,
  Given extends string = keyof ByName<Names, Rest, Absent> & string,
  Seen extends boolean = false,
> = Rest extends readonly [infer Value, ...infer Others]
  ? [
      Seen extends true
        ? [Value] extends [undefined]
          ? false
          : {} extends Value
            ? false
            : writeAfterOptionsMessage<Layer>
        : IsOptions<Value> extends true
          ? FirstProblem<
              [TrailingOptionsProblem<Layer, Of, Value, Known, Types, Expected>, GivenTwiceProblem<Layer, Value, Given>]
            >
          : [Value] extends [Absent]
            ? false
            : Names extends readonly [infer Name extends string, ...unknown[]]
              ? TrailingOptionsProblem<Layer, Of, { readonly [K in Name]: Value }, Known, Types, Expected>
              : false,
      ...PositionalProblems<
        Layer,
        Of,
        Names extends readonly [unknown, ...infer OtherNames extends string[]] ? OtherNames : [],
        Others,
        Known,
        Types,
        Expected,
        Absent,
        Given,
        Seen extends true ? true : IsOptions<Value>
      >,
    ]
  : [];

/** An argument after the options object (left out: `{}`). */
type AfterOptions<Layer extends string, X> = {} extends X ? false : writeAfterOptionsMessage<Layer>;
/**
 * Two of PyTorch's optional arguments positionally (`First`, `Second`), then an options object: the problems of
 * the three arguments after the first (`nn.batchNorm2d(64, 1e-3, 0.01)`, `nn.instanceNorm2d(64, 1e-3)`,
 * `nn.layerNorm(512, 1e-6)`): the options object's keys and types, a name also given positionally, an argument
 * after the options object. Twin: `splitOptions` in src/shape/args.ts.
 */
export type TwoPositionalsProblems<
  Layer extends string,
  Of extends string,
  First extends string,
  Second extends string,
  Known extends string,
  Types,
  Expected,
  Third,
  Fourth,
  Options,
> =
  IsOptions<Third> extends true
    ? [
        TrailingOptionsProblem<Layer, Of, Third, Known, Types, Expected>,
        AfterOptions<Layer, Fourth>,
        AfterOptions<Layer, Options>,
      ]
    : [
        false,
        IsOptions<Fourth> extends true
          ? FirstProblem<
              [
                TrailingOptionsProblem<Layer, Of, Fourth, Known, Types, Expected>,
                GivenTwiceProblem<Layer, Fourth, First>,
              ]
            >
          : false,
        IsOptions<Fourth> extends true
          ? AfterOptions<Layer, Options>
          : FirstProblem<
              [
                TrailingOptionsProblem<Layer, Of, Options, Known, Types, Expected>,
                GivenTwiceProblem<Layer, Options, First | Second>,
              ]
            >,
      ];
/** The options object among the three arguments of `TwoPositionalsProblems`. */
export type OptionsAfterTwo<Third, Fourth, Options> =
  IsOptions<Third> extends true ? Third : IsOptions<Fourth> extends true ? Fourth : Options;
