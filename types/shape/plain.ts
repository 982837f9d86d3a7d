// The fast path of argument checks: most arguments are plain sizes, which need no message.

/**
 * The constraint of a builder's messages, one per parameter (`string`, or `false` where the argument
 * is fine). A builder takes them as a type parameter of its own, defaulting to its checks
 * (`Problems extends ArgProblems = ConvProblems<…>`), and its parameters read them
 * (`Arg<In, Problems[0]>`). While the compiler infers the arguments it then sees this constraint
 * there, instead of exploring the generic checks: that exploration cost ~20 ms the first time a
 * builder was called in a file, after every edit.
 *
 * `any`, not `readonly (string | false)[]`: the compiler relates the default (the checks) to the
 * constraint after inferring the arguments, and inside a function generic over sizes (a helper:
 * `<I extends number>(i: I) => nn.conv2d(i, 8, 3)`) the checks are generic, so that relation computed
 * every message the checks could write (~400 instantiations a builder call in a helper). Against
 * `any` it costs nothing; the defaults are the builders' own checks, which are such tuples.
 */
export type ArgProblems = readonly any[];

/**
 * Whether `N` is a plain size: one positive integer literal (or 0 with `Minimum` 0). `false` means
 * "check it fully", not "wrong": `number`, unions, `any` and `never` take the full check, which
 * writes the message. (A template test: a union of the sizes 1 … 1024 would be built again by
 * every new checker, ~3 ms.)
 *
 * @example
 * type A = IsPlainSize<64>; //=> true
 * type B = IsPlainSize<3 | 5>; //=> false
 */
export type IsPlainSize<N, Minimum extends 0 | 1 = 1> = [N] extends [never] ? false : PlainSize<N, N, Minimum>;
// Distributes over a union, whose members then differ from the whole: false for each.
type PlainSize<N, Whole, Minimum extends 0 | 1> = N extends number
  ? [Whole] extends [N]
    ? `${N}` extends `${bigint}`
      ? `${N}` extends NotPlain[Minimum]
        ? false
        : true
      : false
    : false
  : false;
interface NotPlain {
  0: `-${string}`;
  1: `-${string}` | "0";
}

/**
 * Whether a per-dimension size argument is plain: a plain size, or a tuple of `Rank` plain sizes.
 *
 * @example
 * type A = IsPlainSizeArg<[3, 5], 2>; //=> true
 * type B = IsPlainSizeArg<[3, 5, 7], 2>; //=> false
 */
export type IsPlainSizeArg<Value, Rank extends number, Minimum extends 0 | 1 = 1> = [Value] extends [readonly unknown[]]
  ? Value["length"] extends Rank
    ? AllPlain<Value, Minimum>
    : false
  : IsPlainSize<Value, Minimum>;
type AllPlain<Values, Minimum extends 0 | 1> = [Values] extends [readonly [infer First, ...infer Rest]]
  ? IsPlainSize<First, Minimum> extends true
    ? AllPlain<Rest, Minimum>
    : false
  : [Values] extends [readonly []]
    ? true
    : false;
