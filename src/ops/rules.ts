// Each operation's runtime shape rule by name: run when the operation is written, and again on the
// shapes data really has when a graph is built (src/model/graph-walk.ts through join-shape.ts).
import type { RuntimeShape } from "../shape/dims.ts";
import { writtenOp } from "./fail.ts";
import { binaryShape, unaryNames, type BinaryName } from "./elementwise.ts";
import { bmmShape, matmulShape } from "./matmul.ts";
import { reduceShape, softmaxShape, type ReduceName } from "./reduce.ts";
import {
  expandShape,
  flattenShape,
  narrowShape,
  permuteShape,
  reshapeShape,
  selectShape,
  squeezeShape,
  transposeShape,
  unflattenShape,
  unsqueezeShape,
} from "./reshape.ts";
import { stackShape } from "./join.ts";
import { einsumShape } from "./einsum.ts";
import { einopsPlan } from "./einops.ts";
import { interpolateShape, tileShape } from "./resize.ts";
import { padShape } from "./pad.ts";
import { mergeSpecShape } from "../families/merge/merge.ts";

type Rule = (shapes: readonly RuntimeShape[], args: readonly any[]) => RuntimeShape; // eslint-disable-line @typescript-eslint/no-explicit-any
type ShapeOfOne = (op: string, x: RuntimeShape, ...args: any[]) => RuntimeShape; // eslint-disable-line @typescript-eslint/no-explicit-any
/** One rule per name, each given its name: `named(["add", "sub"], binaryShape)`. */
const named = <Names extends string>(
  names: readonly Names[],
  rule: (name: Names, shapes: readonly RuntimeShape[], args: readonly any[]) => RuntimeShape, // eslint-disable-line @typescript-eslint/no-explicit-any
) =>
  Object.fromEntries(names.map((name): [Names, Rule] => [name, (shapes, args) => rule(name, shapes, args)])) as Record<
    Names,
    Rule
  >;
/**
 * The rules of operations on one tensor whose node's arguments are their shape function's: each gets the
 * operation's text (`permute(…, [0, 2, 1])`), the input and the arguments.
 */
const onOneTensor = <Names extends string>(shapes: Record<Names, ShapeOfOne>) =>
  named(Object.keys(shapes) as Names[], (name, [x], args) => shapes[name](writtenOp(name, args), x!, ...args));

export const opRules = {
  ...onOneTensor({
    reshape: reshapeShape,
    view: reshapeShape,
    flatten: flattenShape,
    unflatten: unflattenShape,
    permute: permuteShape,
    transpose: transposeShape,
    squeeze: squeezeShape,
    unsqueeze: unsqueezeShape,
    expand: expandShape,
    select: selectShape,
    narrow: narrowShape,
    softmax: softmaxShape,
    logSoftmax: softmaxShape,
    tile: tileShape,
  }),
  stack: (shapes, [dim]) => stackShape(shapes, dim),
  ...named<BinaryName>(["add", "sub", "mul", "div", "pow", "maximum", "minimum"], binaryShape),
  ...named(unaryNames, (_, [x]) => x!),
  ...named<ReduceName>(
    ["sum", "mean", "amax", "amin", "argmax", "logsumexp", "std", "var"],
    (name, [x], [dims, keepdim]) => reduceShape(name, x!, dims ?? undefined, keepdim),
  ),
  matmul: ([a, b]) => matmulShape(a!, b!),
  bmm: ([a, b]) => bmmShape(a!, b!),
  einsum: (shapes, [equation]) => einsumShape(equation, shapes),
  pad: ([x], [padding, value, mode]) => padShape(x!, padding, mode ?? "constant", value ?? 0),
  interpolate: ([x], [o]) => interpolateShape(x!, o),
  // (einops.reduce's node is "einopsReduce")
  ...named<"rearrange" | "einopsReduce" | "repeat">(
    ["rearrange", "einopsReduce", "repeat"],
    (fn, [x], [pattern, axes]) => einopsPlan(fn === "einopsReduce" ? "reduce" : fn, pattern, x!, axes).output,
  ),
  // layers.add(), concatenate(), dot(), …: tfjs's merge layers (src/families/merge/)
  tfMerge: (shapes, [spec]) => mergeSpecShape(spec, shapes),
} satisfies Record<string, Rule>;

/** The operations a graph node of kind "fn" can name. */
export type OpName = keyof typeof opRules;
