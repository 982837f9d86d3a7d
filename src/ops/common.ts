// What every operation of `ops` and `einops` shares: an unknown shape after a mistake (one mistake,
// one error), the problem of a rule as a parameter's message, and the graph node an operation makes.
import type { Shape } from "../../types/shape/dims.ts";
import { SymbolicTensor } from "../model/symbolic.ts";
import type { RuntimeShape } from "../shape/dims.ts";
import { opRules, type OpName } from "./rules.ts";

/**
 * A shape the compiler does not know: `Shape` itself (its length is `number`), the result of an
 * operation that did not fit. Rules answer it with `Shape`, without a message: the mistake was
 * reported once, where it was made.
 */
export type IsUnknownShape<S> = S extends readonly unknown[] ? (number extends S["length"] ? true : false) : true;

/**
 * A rule's message (the parameter then asks for that text), or `false` when it fits.
 *
 * An operation takes its rule's result as a type parameter of its own, defaulting to the rule
 * (`Out = ReshapeRule<"view", S, Sizes>`), and its parameters read `Problem<Out>`: while the compiler
 * infers the arguments it then sees an unconstrained `Out` there, instead of exploring the generic
 * rule, which cost ~500 to ~1,000 instantiations the first time each operation was called in a file.
 * (`Out` appears in no inferable position, so it always takes its default: see `Result`.)
 *
 * `A`, `B`: the operation's input shapes. Where one is a type parameter, inside a function generic over a
 * whole shape (`<S extends Shape>(x: Symbolic<S>) => ops.softmax(x, -1)`), the rule cannot run: the
 * arguments wait, as a generic size's do (`LaterProblem`, types/shape/args.ts), and the rule runs where the
 * function is called with a shape (the runtime checks the graph it builds). How: the test is
 * `IsUnknownShape`'s, written out so as to be distributive over `A` and over `B`: for a type parameter the
 * compiler then relates the argument at its constraint, `Shape`, whose length is `number`: `false`, no
 * problem. (A known tuple gives the rule's problem; an unknown `Shape` gives `false`, as every rule does for
 * it.) The shapes are two parameters, not a union: at a union of a generic and a known shape the compiler
 * reads `LaterProblem`'s access at two keys, for writing, as the intersection of both, `never`.
 */
export type Problem<Rule, A = [], B = []> = A extends readonly unknown[]
  ? number extends A["length"]
    ? false
    : B extends readonly unknown[]
      ? number extends B["length"]
        ? false
        : Rule extends string
          ? Rule
          : false
      : false
  : false;

/** The message of a dim argument out of range (`writeDimRangeMessage` for the argument `Name`), or `false`. */
export type DimProblem<Rule, Name extends string, S = []> = Problem<
  Rule extends `${string}: ${Name} ${string} is out of range for an input of rank ${string}` ? Rule : false,
  S
>;

/**
 * A rule's shape, or an unknown shape when it does not fit (later lines accept it without new errors).
 * (The shape is an `infer`red one: from a contextual type, `const y: Symbolic<[1]> = ops.add(a, b)`,
 * the compiler would otherwise infer a builder's `Out` for the return type, or explore the rule's
 * branches for an operation nested in another's argument.)
 */
export type Result<Rule> = [Rule] extends [infer R extends Shape] ? R : Shape;

/**
 * The shape of a symbolic tensor (a number, in an elementwise operation, is a scalar `[]`). (Read
 * from its phantom member: inferring from `Symbolic<infer S>` would compute every member, `pipe`'s
 * walk included, of an `Input`, which is not itself a `Symbolic` reference.)
 */
export type ShapeOf<T> = T extends { readonly "~shape": infer S extends Shape } ? S : T extends number ? [] : Shape;

/** Runs an operation's runtime rule and records it in the graph: `fn`, its arguments (plain data) and its operands. */
export function operation(fn: OpName, args: readonly unknown[], from: readonly unknown[]): SymbolicTensor {
  const tensors = from as readonly SymbolicTensor[];
  const shape: RuntimeShape = opRules[fn](
    tensors.map((t) => t.shape),
    args,
  );
  return new SymbolicTensor(shape, { op: "fn", fn, args, from: tensors });
}

/**
 * The runtime of an operation on one tensor whose arguments the node records as given: `onTensor("permute")`
 * is `(x, dims) => operation("permute", [dims], [x])`. (Its type, the operation's rule, is written where it is
 * exported: `export const permute: <S extends Shape, …>(x: Symbolic<S>, dims: …) => … = onTensor("permute")`.
 * A function declaration: the modules of src/ops import each other, and it is called as they load.)
 */
export function onTensor(fn: OpName): (x: unknown, ...args: unknown[]) => never {
  return (x, ...args) => operation(fn, args, [x]) as never;
}
