// Twin of src/families/merge/merge.types.ts: tfjs-layers' merge layers (Add, Average, Maximum, Minimum, Multiply,
// Concatenate, Dot) on the shapes of their inputs, as tfjs's computeOutputShape and build check them.
import { ShapeError } from "../../errors.ts";
import { dimIndex, writeDimRangeMessage } from "../../shape/dim-index.ts";
import { showDim, showShape, type RuntimeDim, type RuntimeShape } from "../../shape/dims.ts";

/** tfjs's merge layers (their class names). */
export const elementwiseMerges = ["Add", "Average", "Maximum", "Minimum", "Multiply"] as const;
export type ElementwiseMerge = (typeof elementwiseMerges)[number];
export type MergeKind = ElementwiseMerge | "Concatenate" | "Dot";

/** What a merge node keeps (plain data): its kind, the written layer (for messages) and tfjs's arguments. */
export interface MergeSpec {
  readonly kind: MergeKind;
  readonly written: string;
  readonly axis?: number;
  readonly axes?: number | readonly [number, number];
  readonly normalize?: boolean;
}

const known = (dim: RuntimeDim): dim is number => typeof dim === "number";

export const writeMergeCountMessage = (layer: string, expected: string, n: number): string =>
  `${layer}: takes ${expected} inputs (got ${n})`;
export const writeNoBatchMessage = (layer: string, i: number): string =>
  `${layer}: input ${i} is a scalar; a merge layer takes tensors with a batch dimension`;

// ---- add, average, maximum, minimum, multiply

export const writeMergeBatchMessage = (layer: string, i: number, a: RuntimeDim, b: RuntimeDim): string =>
  `${layer}: input ${i} has batch size ${showDim(b)}, the inputs before it ${showDim(a)} (TensorFlow.js merges equal batch sizes only)`;
export const writeMergeBroadcastMessage = (
  layer: string,
  i: number,
  s: RuntimeShape,
  before: RuntimeShape,
  fromEnd: number,
  db: RuntimeDim,
  da: RuntimeDim,
): string =>
  `${layer}: input ${i} ${showShape(s)} does not broadcast with the inputs before it ${showShape(before)}: dimension -${fromEnd} is ${showDim(da)} and ${showDim(db)} (sizes must be equal, or one of them 1)`;

/** tfjs's batch: an unknown one gives way to a known one; two known ones must be equal (undefined when they differ). */
function mergeBatch(a: RuntimeDim, b: RuntimeDim): RuntimeDim | undefined {
  if (a === b) return a;
  if (known(a)) return known(b) ? undefined : a;
  return known(b) ? b : null;
}
/** tfjs's computeElementwiseOpOutputShape on one dimension. */
function mergeDim(a: RuntimeDim, b: RuntimeDim): RuntimeDim | undefined {
  if (a === b) return a;
  if (!known(a) || !known(b)) return null;
  return a === 1 ? b : b === 1 ? a : undefined;
}

/** add, average, maximum, minimum, multiply. */
export function mergeShape(layer: string, shapes: readonly RuntimeShape[]): RuntimeShape {
  if (shapes.length < 2) throw new ShapeError(writeMergeCountMessage(layer, "at least 2", shapes.length));
  shapes.forEach((s, i) => {
    if (s.length === 0) throw new ShapeError(writeNoBatchMessage(layer, i));
  });
  return shapes.slice(1).reduce((before, s, index) => {
    const i = index + 1;
    const batch = mergeBatch(before[0]!, s[0]!);
    if (batch === undefined) throw new ShapeError(writeMergeBatchMessage(layer, i, before[0]!, s[0]!));
    const a = before.slice(1),
      b = s.slice(1);
    const out: RuntimeDim[] = [];
    for (let fromEnd = 1; fromEnd <= Math.max(a.length, b.length); fromEnd++) {
      if (fromEnd > a.length) out.unshift(b[b.length - fromEnd]!);
      else if (fromEnd > b.length) out.unshift(a[a.length - fromEnd]!);
      else {
        const da = a[a.length - fromEnd]!,
          db = b[b.length - fromEnd]!;
        const dim = mergeDim(da, db);
        if (dim === undefined) throw new ShapeError(writeMergeBroadcastMessage(layer, i, s, before, fromEnd, db, da));
        out.unshift(dim);
      }
    }
    return [batch, ...out];
  }, shapes[0]!);
}

// ---- concatenate

export const writeConcatenateRankMessage = (layer: string, i: number, s: RuntimeShape, first: RuntimeShape): string =>
  `${layer}: input ${i} ${showShape(s)} has rank ${s.length} and input 0 ${showShape(first)} rank ${first.length} (TensorFlow.js concatenates tensors of one rank)`;
export const writeConcatenateMessage = (
  layer: string,
  i: number,
  s: RuntimeShape,
  first: RuntimeShape,
  position: number,
  d: RuntimeDim,
  f: RuntimeDim,
): string =>
  `${layer}: input ${i} ${showShape(s)} and input 0 ${showShape(first)} differ in dimension ${position} (${showDim(d)} and ${showDim(f)}); they must agree on every dimension but the axis (an unknown size with an unknown size only)`;

/** tfjs's Concatenate compares dimensions as written: equal, or both unknown to tfjs (undefined when not). */
function sameDim(a: RuntimeDim, b: RuntimeDim): RuntimeDim | undefined {
  if (a === b) return a;
  return known(a) || known(b) ? undefined : null;
}

export function concatenateShape(layer: string, axis: number, shapes: readonly RuntimeShape[]): RuntimeShape {
  if (shapes.length < 2) throw new ShapeError(writeMergeCountMessage(layer, "at least 2", shapes.length));
  const first = shapes[0]!;
  const index = dimIndex(axis, first.length);
  if (index === false) throw new ShapeError(writeDimRangeMessage(layer, "axis", axis, first.length));
  return shapes.slice(1).reduce((before, s, k) => {
    const i = k + 1;
    if (s.length !== first.length) throw new ShapeError(writeConcatenateRankMessage(layer, i, s, first));
    return before.map((a, position) => {
      const b = s[position]!;
      if (position === index) return known(a) && known(b) ? a + b : null;
      const dim = sameDim(a, b);
      if (dim === undefined)
        throw new ShapeError(writeConcatenateMessage(layer, i, s, first, position, b, first[position]!));
      return dim;
    });
  }, first);
}

// ---- dot

export const writeDotRankMessage = (layer: string, i: number, s: RuntimeShape): string =>
  `${layer}: input ${i} ${showShape(s)} has rank ${s.length}; TensorFlow.js's Dot takes inputs of rank 2 or 3 (batch included)`;
export const writeDotBatchAxisMessage = (layer: string): string =>
  `${layer}: axes must not name the batch (dimension 0)`;
export const writeDotMessage = (layer: string, ia: number, a: RuntimeShape, ib: number, b: RuntimeShape): string =>
  `${layer}: dimension ${ia} of input 0 ${showShape(a)} is ${showDim(a[ia]!)} and dimension ${ib} of input 1 ${showShape(b)} is ${showDim(b[ib]!)}; they must be equal (an unknown size with an unknown size only)`;

/** The non-negative axes of a dot on shapes of these ranks (checked). */
export function dotAxes(layer: string, axes: number | readonly [number, number], a: RuntimeShape, b: RuntimeShape) {
  const [x, y] = typeof axes === "number" ? [axes, axes] : axes;
  const ia = dimIndex(x, a.length);
  if (ia === false) throw new ShapeError(writeDimRangeMessage(layer, "axes", x, a.length));
  const ib = dimIndex(y, b.length);
  if (ib === false) throw new ShapeError(writeDimRangeMessage(layer, "axes", y, b.length));
  if (ia === 0 || ib === 0) throw new ShapeError(writeDotBatchAxisMessage(layer));
  return [ia, ib] as const;
}

export function dotShape(layer: string, axes: number | readonly [number, number], shapes: readonly RuntimeShape[]) {
  if (shapes.length !== 2) throw new ShapeError(writeMergeCountMessage(layer, "exactly 2", shapes.length));
  const [a, b] = shapes as [RuntimeShape, RuntimeShape];
  if (a.length !== 2 && a.length !== 3) throw new ShapeError(writeDotRankMessage(layer, 0, a));
  if (b.length !== 2 && b.length !== 3) throw new ShapeError(writeDotRankMessage(layer, 1, b));
  const [ia, ib] = dotAxes(layer, axes, a, b);
  if (sameDim(a[ia]!, b[ib]!) === undefined) throw new ShapeError(writeDotMessage(layer, ia, a, ib, b));
  const out = [...a.filter((_, i) => i !== ia), ...b.filter((_, i) => i !== ib).slice(1)];
  return out.length === 1 ? [...out, 1] : out;
}

/** Any merge's output shape (the rule of its graph node, src/ops/rules.ts's `tfMerge`). */
export function mergeSpecShape(spec: MergeSpec, shapes: readonly RuntimeShape[]): RuntimeShape {
  if (spec.kind === "Concatenate") return concatenateShape(spec.written, spec.axis ?? -1, shapes);
  if (spec.kind === "Dot") return dotShape(spec.written, spec.axes ?? -1, shapes);
  return mergeShape(spec.written, shapes);
}
