// torch.einsum(equation, ...tensors), the equation parsed in the types: each operand's letters name its
// dimensions, a letter repeated across operands must agree (or be 1: broadcast), `...` stands for
// broadcast leading dimensions, the output is the letters after `->` (or, without `->`, the letters
// that appear once, in alphabetical order, after `...`), and the other letters are summed.
import type { Shape, ShowDim, ShowShape } from "../../types/shape/dims.ts";
import type { Arg } from "../../types/shape/args.ts";
import { fail } from "./fail.ts";
import type { ShapesOf, Symbolic } from "../model/symbolic.ts";
import { showDim, type RuntimeDim, type RuntimeShape } from "../shape/dims.ts";
import { operation, type IsUnknownShape, type Problem, type Result } from "./common.ts";
import { aroundEllipsis, writePatternMessage, writeSideRankMessage } from "./ellipsis.ts";
import { broadcastDim, broadcastShapes, type BroadcastDim, type BroadcastRule } from "./elementwise.ts";

/** einsum's messages: `einsum("bhqd,bhkd->bhqk"): <what is wrong>` (at run time: writePatternMessage). */
export type writeEinsumMessage<Equation extends string, Text extends string> = `einsum("${Equation}"): ${Text}`;

type NoSpaces<S extends string, Out extends string = ""> = S extends `${infer C}${infer Rest}`
  ? NoSpaces<Rest, C extends " " ? Out : `${Out}${C}`>
  : Out;
type Split<S extends string> = S extends `${infer A},${infer B}` ? [A, ...Split<B>] : [S];
type Chars<S extends string, Out extends string[] = []> = S extends `${infer C}${infer Rest}`
  ? Chars<Rest, [...Out, C]>
  : Out;
type Letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
type Alphabet = Chars<Letters>;
/** A term: its letters before and after `...`, and whether it has one. */
type Term<T extends string> = T extends `${infer Before}...${infer After}`
  ? [Chars<Before>, Chars<After>, true]
  : [Chars<T>, [], false];
type NotLetter<L extends readonly string[]> = L extends readonly [
  infer C extends string,
  ...infer Rest extends string[],
]
  ? Letters extends `${string}${C}${string}`
    ? NotLetter<Rest>
    : C
  : false;

type Env = object;
/** Binds letters to dimensions, checking a letter bound before. */
type Bind<Eq extends string, E extends Env, L extends readonly string[], Dims extends Shape> = [L, Dims] extends [
  readonly [infer C extends string, ...infer RestL extends string[]],
  readonly [infer D, ...infer RestD extends Shape],
]
  ? C extends keyof E
    ? [BroadcastDim<E[C], D>] extends [never]
      ? writeEinsumMessage<Eq, `letter ${C} is ${ShowDim<E[C]>} in one operand and ${ShowDim<D>} in another`>
      : Bind<Eq, { [K in keyof E]: K extends C ? BroadcastDim<E[C], D> : E[K] }, RestL, RestD>
    : Bind<Eq, E & { readonly [K in C]: D }, RestL, RestD>
  : E;
type Take<S extends Shape, N extends number, Out extends unknown[] = []> = Out["length"] extends N
  ? Out
  : S extends readonly [infer D, ...infer Rest extends Shape]
    ? Take<Rest, N, [...Out, D]>
    : Out;
type TakeLast<S extends Shape, N extends number, Out extends unknown[] = []> = Out["length"] extends N
  ? Out
  : S extends readonly [...infer Rest extends Shape, infer D]
    ? TakeLast<Rest, N, [D, ...Out]>
    : Out;
type Middle<S extends Shape, Before extends number, After extends number> =
  TakeLast<S, After> extends infer Last extends unknown[]
    ? S extends readonly [...Take<S, Before>, ...infer Mid extends Shape, ...Last]
      ? Mid
      : []
    : [];

/** Reads every operand: [env, ellipsis dims] or the message. */
type Operands<
  Eq extends string,
  Terms extends readonly string[],
  Shapes extends readonly Shape[],
  E extends Env = {},
  Ellipsis extends Shape = [],
  Index extends 0[] = [],
> = [Terms, Shapes] extends [
  readonly [infer T extends string, ...infer RestT extends string[]],
  readonly [infer S extends Shape, ...infer RestS extends Shape[]],
]
  ? Term<T> extends [infer Before extends string[], infer After extends string[], infer Dots extends boolean]
    ? NotLetter<[...Before, ...After]> extends infer Bad extends string
      ? writeEinsumMessage<Eq, `${Bad} is not a letter (a-z, A-Z) or ...`>
      : (Dots extends true ? false : S["length"] extends [...Before, ...After]["length"] ? false : true) extends true
        ? writeEinsumMessage<
            Eq,
            `operand ${Index["length"]} (${T}) names ${[...Before, ...After]["length"]} dimensions, but its tensor ${ShowShape<S>} has ${S["length"]}`
          >
        : Dots extends true
          ? (
              [...Before, ...After]["length"] extends infer Named extends number
                ? S extends readonly [...Take<S, Named>, ...unknown[]]
                  ? Take<S, Named>["length"] extends Named
                    ? true
                    : false
                  : false
                : false
            ) extends false
            ? writeEinsumMessage<
                Eq,
                `operand ${Index["length"]} (${T}) names ${[...Before, ...After]["length"]} dimensions besides ..., but its tensor ${ShowShape<S>} has ${S["length"]}`
              >
            : Bind<
                  Eq,
                  E,
                  [...Before, ...After],
                  [...Take<S, Before["length"]>, ...TakeLast<S, After["length"]>]
                > extends infer Bound
              ? Bound extends string
                ? Bound
                : BroadcastRule<
                      `einsum("${Eq}")`,
                      Ellipsis,
                      Middle<S, Before["length"], After["length"]>
                    > extends infer Joined
                  ? Joined extends Shape
                    ? Operands<Eq, RestT, RestS, Bound & Env, Joined, [...Index, 0]>
                    : Joined
                  : never
              : never
          : Bind<Eq, E, Before, S> extends infer Bound
            ? Bound extends string
              ? Bound
              : Operands<Eq, RestT, RestS, Bound & Env, Ellipsis, [...Index, 0]>
            : never
    : never
  : [E, Ellipsis];

/** Letters that appear exactly once in the inputs, alphabetically. */
type Once<Inputs extends string, A extends readonly string[] = Alphabet, Out extends string = ""> = A extends readonly [
  infer C extends string,
  ...infer Rest extends string[],
]
  ? Once<
      Inputs,
      Rest,
      Inputs extends `${string}${C}${infer After}` ? (After extends `${string}${C}${string}` ? Out : `${Out}${C}`) : Out
    >
  : Out;
/** Without `->`: `...` first, then the letters that appear once. */
type Implicit<Eq extends string> = Eq extends `${string}...${string}` ? `...${Once<Eq>}` : Once<Eq>;
type Output<
  Eq extends string,
  Letters extends readonly string[],
  E extends Env,
  Out extends unknown[] = [],
> = Letters extends readonly [infer C extends string, ...infer Rest extends string[]]
  ? C extends keyof E
    ? Output<Eq, Rest, E, [...Out, E[C]]>
    : writeEinsumMessage<Eq, `output letter ${C} is not in any operand`>
  : Out;

/** The shape of torch.einsum(equation, ...tensors), or the message. */
export type EinsumRule<Equation extends string, Shapes extends readonly Shape[]> = true extends {
  [K in keyof Shapes]: IsUnknownShape<Shapes[K]>;
}[number]
  ? Shape
  : NoSpaces<Equation> extends infer Eq extends string
    ? (Eq extends `${infer In}->${infer Out}` ? [In, Out] : [Eq, Implicit<Eq>]) extends [
        infer In extends string,
        infer Out extends string,
      ]
      ? Split<In> extends infer Terms extends string[]
        ? Terms["length"] extends Shapes["length"]
          ? Operands<Equation, Terms, Shapes> extends infer Read
            ? Read extends [infer E extends Env, infer Ellipsis extends Shape]
              ? Term<Out> extends [
                  infer Before extends string[],
                  infer After extends string[],
                  infer Dots extends boolean,
                ]
                ? Output<Equation, [...Before, ...After], E> extends infer Dims
                  ? Dims extends Shape
                    ? Dots extends true
                      ? [...Take<Dims, Before["length"]>, ...Ellipsis, ...TakeLast<Dims, After["length"]>]
                      : Dims
                    : Dims
                  : never
                : never
              : Read
            : never
          : writeEinsumMessage<
              Equation,
              `the equation has ${Terms["length"]} operands, but ${Shapes["length"]} tensors were given`
            >
        : never
      : never
    : never;

/** The parsed equation at run time: each operand's letters (`...` as "*"), and the output's. */
function parse(equation: string): { inputs: string[][]; output: string[] } {
  const eq = equation.replace(/ /g, "");
  const [input, explicit] = eq.split("->") as [string, string?];
  const letters = (term: string) => term.replace("...", "*").split("");
  const inputs = input.split(",").map(letters);
  const all = inputs.flat();
  // without "->": "..." first, then the letters that appear once, sorted (by code unit: A-Z before a-z)
  const output =
    explicit !== undefined
      ? letters(explicit)
      : [
          ...(input.includes("...") ? ["*"] : []),
          ...all.filter((c) => c !== "*" && all.indexOf(c) === all.lastIndexOf(c)).sort(),
        ];
  return { inputs, output };
}
const isLetter = (c: string) => /^[a-zA-Z]$/.test(c);

/** Twin of EinsumRule: the output shape, and each letter's size (what the tfjs implementation needs). */
export function einsumShape(equation: string, shapes: readonly RuntimeShape[]): RuntimeShape {
  const { inputs, output } = parse(equation);
  const refuse = (text: string): never => fail(writePatternMessage("einsum", equation, text));
  if (inputs.length !== shapes.length)
    refuse(`the equation has ${inputs.length} operands, but ${shapes.length} tensors were given`);
  const env = new Map<string, RuntimeDim>();
  let ellipsis: RuntimeShape = [];
  inputs.forEach((term, i) => {
    const shape = shapes[i]!;
    const bad = term.find((c) => c !== "*" && !isLetter(c));
    if (bad !== undefined) refuse(`${bad} is not a letter (a-z, A-Z) or ...`);
    const named = term.filter((c) => c !== "*");
    const text = term.join("").replace("*", "...");
    const [dotted, dims] = aroundEllipsis(shape, term.length, term.indexOf("*"), named.length, (besides) =>
      refuse(writeSideRankMessage(`operand ${i} (${text}) names`, named.length, besides, "its tensor", shape)),
    );
    named.forEach((c, j) => {
      const d = dims[j]!;
      if (!env.has(c)) return void env.set(c, d);
      const joined = broadcastDim(env.get(c)!, d);
      if (joined === undefined)
        refuse(`letter ${c} is ${showDim(env.get(c)!)} in one operand and ${showDim(d)} in another`);
      env.set(c, joined!);
    });
    ellipsis = broadcastShapes(`einsum("${equation}")`, ellipsis, dotted);
  });
  return output.flatMap((c) => {
    if (c === "*") return ellipsis;
    if (!env.has(c)) refuse(`output letter ${c} is not in any operand`);
    return [env.get(c)!];
  });
}

/** The parsed equation, for the tfjs implementation. */
export const parseEinsum = parse;

/**
 * torch.einsum(equation, ...tensors), the equation checked in the types.
 *
 * @example
 * const q = input([8, "seq", 64], { batch: "b" }), k = input([8, "seq", 64], { batch: "b" });
 * ops.einsum("bhqd,bhkd->bhqk", q, k); // Symbolic<["b", 8, "seq", "seq"]>
 */
export function einsum<
  const Equation extends string,
  const Tensors extends readonly Symbolic<Shape>[],
  Out = EinsumRule<Equation, ShapesOf<Tensors>>,
>(equation: Arg<Equation, Problem<Out>>, ...tensors: Tensors): Symbolic<Result<Out>> {
  return operation("einsum", [equation], tensors) as never;
}
