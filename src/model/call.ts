// Layers called on several symbolic tensors, giving one or several (PyTorch's `mha(q, k, v)`, a
// decoder's `(tgt, memory)`): the graph node "call" and its outputs. A layer that can be called so
// is a `CallableLayer`: besides `outputShape` (one input, `pipe`), its runtime object has
// `callShapes`, the runtime twin of its `call` method's type-level checks. Its builder's `call`
// method checks each argument in the types (`Checked<Symbolic<K>, Problem>`: the message on that
// argument) and calls `callLayer` here, which runs `callShapes` (the same messages at run time) and
// records the node. The first output is the call's own tensor; the others (`op: "output"`) read it.
import type { Shape } from "../../types/shape/dims.ts";
import { fail } from "../errors.ts";
import { showDim, showShape, type RuntimeDim, type RuntimeShape } from "../shape/dims.ts";
import { dimsAgree } from "../shape/join.ts";
import type { RuntimeLayer } from "./layer.ts";
import { SymbolicTensor, shapesOf, type Symbolic } from "./symbolic.ts";

/** The symbolic tensors a call takes, by argument name (`query`, `key`, `keyPaddingMask`); absent optional ones left out. */
export type CallInputs = Readonly<Record<string, RuntimeShape>>;

/** A layer that can be called on several symbolic tensors (`layer.call(...)`), giving one or several. */
export interface CallableLayer extends RuntimeLayer {
  /**
   * The output shapes of a call on tensors of these shapes (by argument name, in the order the
   * layer's `call` takes them) with these plain-data options; throws the ShapeError of the first
   * argument that does not fit, its message the one the compiler gives on that argument.
   */
  callShapes(inputs: CallInputs, options: Readonly<Record<string, unknown>>): RuntimeShape[];
}

/**
 * Calls a layer on named symbolic tensors (undefined: an optional argument not given): its
 * `callShapes`, then the graph nodes. Gives one symbolic tensor per output shape, the first the
 * call's own node, the others `output` nodes reading it.
 */
export function callLayer(
  layer: CallableLayer,
  args: Readonly<Record<string, unknown>>,
  options: Readonly<Record<string, unknown>> = {},
): SymbolicTensor[] {
  const names = Object.keys(args).filter((name) => args[name] !== undefined);
  const from = names.map((name) => args[name] as SymbolicTensor);
  const shapes = callShapesOn({ layer, names, options }, shapesOf(from));
  const call = new SymbolicTensor(shapes[0]!, { op: "call", layer, names, from, options, shapes });
  return shapes.map((shape, index) =>
    index === 0 ? call : new SymbolicTensor(shape, { op: "output", index, from: [call] }),
  );
}

/** The shapes of a call's outputs on the shapes data has (a graph built on inputs with unknown sizes). */
export function callShapesOn(
  node: {
    readonly layer: CallableLayer;
    readonly names: readonly string[];
    readonly options: Readonly<Record<string, unknown>>;
  },
  shapes: readonly RuntimeShape[],
): RuntimeShape[] {
  return node.layer.callShapes(Object.fromEntries(node.names.map((name, i) => [name, shapes[i]!])), node.options);
}

/**
 * A symbolic tensor of the shape a call's rule gives, or of an unknown shape (`Shape`) when that is
 * a message: the mistake was reported on the argument, and later lines accept the result.
 */
export type CallResult<Rule> = Symbolic<Rule extends Shape ? Rule : Shape>;

/** Whether a runtime object is a callable layer (its config has `callShapes`). */
export const isCallable = (layer: RuntimeLayer): layer is CallableLayer =>
  typeof (layer as Partial<CallableLayer>).callShapes === "function";

// ---- Per-argument checks (twin of types/model/call.ts) ---------------------------------------------

/** What one dimension of an argument must be: name, expected dimension (undefined: anything), what that is, kind. */
export type DimSpec = readonly [name: string, expected: RuntimeDim | undefined, what: string, kind: "size" | "same"];

export const writeArgRankMessage = (layer: string, arg: string, pattern: string, shape: RuntimeShape): string =>
  `${layer}: ${arg} must be ${pattern} (got ${showShape(shape)})`;
export const writeArgDimMessage = (
  layer: string,
  arg: string,
  shape: RuntimeShape,
  name: string,
  got: RuntimeDim,
  what: string,
  expected: RuntimeDim,
): string =>
  `${layer}: ${arg} ${showShape(shape)}: its ${name} ${showDim(got)} must equal ${what} ${showDim(expected)}`;

/** The argument's message, or `false` when it fits. */
export function argProblem(
  layer: string,
  arg: string,
  shape: RuntimeShape,
  pattern: string,
  spec: readonly DimSpec[],
): string | false {
  if (shape.length !== spec.length) return writeArgRankMessage(layer, arg, pattern, shape);
  for (const [i, [name, expected, what, kind]] of spec.entries()) {
    const got = shape[i]!;
    if (expected === undefined || (kind === "size" && typeof got === "string")) continue;
    if (!dimsAgree(got, expected)) return writeArgDimMessage(layer, arg, shape, name, got, what, expected);
  }
  return false;
}

/** Throws the argument's ShapeError when it does not fit. */
export function checkArg(layer: string, arg: string, shape: RuntimeShape, pattern: string, spec: readonly DimSpec[]) {
  const problem = argProblem(layer, arg, shape, pattern, spec);
  if (problem !== false) fail(problem);
}

/** A known dimension of two (the first unless it is unknown). */
export const knownOf = (a: RuntimeDim, b: RuntimeDim): RuntimeDim => (a === null ? b : a);
