// Shapes between the checker's types and text: a shape type (`[number, 64, 12, 12]`) to a runtime
// shape (`[null, 64, 12, 12]`), and a runtime shape to a hint's text (`[n, 64, 12, 12]`).
import type * as TS from "typescript";
import type { RuntimeShape } from "../index.ts";

/** A shape tuple type to a runtime shape: a literal is its size, `number` is `null`, a string literal a named dim. */
export function shapeOfType(checker: TS.TypeChecker, type: TS.Type | undefined): RuntimeShape | null {
  if (type === undefined || !checker.isTupleType(type)) return null;
  return checker
    .getTypeArguments(type as TS.TypeReference)
    .map((dim) => (dim.isNumberLiteral() ? dim.value : dim.isStringLiteral() ? dim.value : null));
}

/** The shape a shapecheck type carries: `"~shape"` of a symbolic tensor, `"~shapes"` [input, output] of a sequential. */
export function phantomShape(
  checker: TS.TypeChecker,
  type: TS.Type,
  which: "tensor" | "input" | "output",
): RuntimeShape | null {
  if (which === "tensor") {
    const shape = type.getProperty("~shape");
    return shape ? shapeOfType(checker, checker.getTypeOfSymbol(shape)) : null;
  }
  const shapes = type.getProperty("~shapes");
  if (!shapes) return null;
  const pair = checker.getTypeOfSymbol(shapes);
  if (!checker.isTupleType(pair)) return null;
  return shapeOfType(checker, checker.getTypeArguments(pair as TS.TypeReference)[which === "input" ? 0 : 1]);
}

/**
 * Every layer's output shape of a `sequential(...)` as the checker computed it (its `"~trace"` phantom), for the
 * layers the plugin cannot rebuild from their arguments (a helper's layers). Ends where the compiler's trace ends:
 * at a layer that does not fit, or at `...Shape[]` (layers spread from an array that is not a tuple).
 */
export function phantomTrace(ts: typeof TS, checker: TS.TypeChecker, type: TS.Type): RuntimeShape[] | null {
  const trace = type.getProperty("~trace");
  if (!trace) return null;
  const tuple = checker.getTypeOfSymbol(trace);
  if (!checker.isTupleType(tuple)) return null;
  const flags = (tuple as TS.TupleTypeReference).target.elementFlags;
  const shapes: RuntimeShape[] = [];
  for (const [i, element] of checker.getTypeArguments(tuple as TS.TypeReference).entries()) {
    if (!(flags[i]! & ts.ElementFlags.Required)) break; // `...Shape[]`: unknown from here
    const shape = shapeOfType(checker, element);
    if (!shape) break;
    shapes.push(shape);
  }
  return shapes;
}

/** A hint's shape: `[n, 64, 12, 12]`: the batch `n`, another unknown dim `?`, a named dim by its name. */
export const hintShape = (shape: RuntimeShape): string =>
  `[${shape.map((dim, i) => (dim === null ? (i === 0 ? "n" : "?") : String(dim))).join(", ")}]`;
