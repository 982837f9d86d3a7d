// Twin of src/families/merge/merge.types.ts: tfjs-layers' merge layers (Add, Average, Maximum, Minimum, Multiply,
// Concatenate, Dot) on the shapes of their inputs, as tfjs's computeOutputShape and build check them.
import { axisOf, fail, fromEnd } from "../../ops/fail.ts";
import { dimIndex } from "../../shape/dim-index.ts";
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
/** Two different dimensions that are each a size or a name (names are distinct; null agrees with anything). */
const distinct = (a: RuntimeDim, b: RuntimeDim): boolean =>
  a !== b && a !== null && b !== null && (typeof a === "string" || typeof b === "string");

export const writeMergeCountMessage = (layer: string, expected: string, n: number): string =>
  `${layer}: takes ${expected} inputs (got ${n})`;
export const writeNoBatchMessage = (layer: string, i: number): string =>
  `${layer}: input ${i} is a scalar; a merge layer takes tensors with a batch dimension`;
/** add, …, concatenate take at least 2 inputs. */
function checkAtLeastTwo(layer: string, shapes: readonly RuntimeShape[]): void {
  if (shapes.length < 2) fail(writeMergeCountMessage(layer, "at least 2", shapes.length));
}

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
  if (distinct(a, b)) return undefined;
  if (known(a)) return known(b) ? undefined : a;
  return known(b) ? b : null;
}
/** tfjs's computeElementwiseOpOutputShape on one dimension. */
function mergeDim(a: RuntimeDim, b: RuntimeDim): RuntimeDim {
  if (a === b) return a;
  if (!known(a) || !known(b)) return null;
  return a === 1 ? b : a; // checked before: equal, or one of them 1
}
/** The check of one dimension: 1 and unknown sizes give way, two known sizes must be equal (undefined if not). */
function checkDim(a: RuntimeDim, b: RuntimeDim): RuntimeDim | undefined {
  if (a === b || b === 1) return a;
  if (a === 1) return b;
  if (distinct(a, b)) return undefined;
  if (known(a)) return known(b) ? undefined : a;
  return b;
}
/** add, average, maximum, minimum, multiply. */
export function mergeShape(layer: string, shapes: readonly RuntimeShape[]): RuntimeShape {
  checkAtLeastTwo(layer, shapes);
  shapes.forEach((s, i) => {
    if (s.length === 0) fail(writeNoBatchMessage(layer, i));
  });
  // input by input: the check on the inputs before it (stricter than tfjs's unknown sizes), and tfjs's output shape
  let before = shapes[0]!,
    out = before;
  shapes.slice(1).forEach((s, index) => {
    const i = index + 1;
    const batch = mergeBatch(before[0]!, s[0]!);
    if (batch === undefined) fail(writeMergeBatchMessage(layer, i, before[0]!, s[0]!));
    const dims = fromEnd(before.slice(1), s.slice(1), checkDim);
    if (typeof dims === "number")
      fail(writeMergeBroadcastMessage(layer, i, s, before, dims, s[s.length - dims]!, before[before.length - dims]!));
    before = [batch, ...dims];
    out = [mergeBatch(out[0]!, s[0]!)!, ...(fromEnd(out.slice(1), s.slice(1), mergeDim) as RuntimeDim[])];
  });
  return out;
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

export const writeConcatenateBatchMessage = (layer: string, axis: number): string =>
  `${layer}: axis ${axis} is the batch (dimension 0); a layer of a model keeps the batch`;

/** tfjs's Concatenate compares dimensions as written: equal, or both unknown to tfjs (undefined when not). */
function sameDim(a: RuntimeDim, b: RuntimeDim): RuntimeDim | undefined {
  if (a === b) return a;
  return known(a) || known(b) || distinct(a, b) ? undefined : null;
}

export function concatenateShape(layer: string, axis: number, shapes: readonly RuntimeShape[]): RuntimeShape {
  checkAtLeastTwo(layer, shapes);
  const first = shapes[0]!;
  const index = axisOf(layer, "axis", axis, first.length);
  if (index === 0) fail(writeConcatenateBatchMessage(layer, axis));
  return shapes.slice(1).reduce((before, s, k) => {
    const i = k + 1;
    if (s.length !== first.length) fail(writeConcatenateRankMessage(layer, i, s, first));
    return before.map((a, position) => {
      const b = s[position]!;
      if (position === index) return known(a) && known(b) ? a + b : null;
      const dim = sameDim(a, b);
      if (dim === undefined) fail(writeConcatenateMessage(layer, i, s, first, position, b, first[position]!));
      return dim;
    });
  }, first);
}

// ---- dot

export const writeDotRankMessage = (layer: string, i: number, s: RuntimeShape): string =>
  `${layer}: input ${i} ${showShape(s)} has rank ${s.length}; TensorFlow.js's Dot takes inputs of rank 2 or 3 (batch included)`;
export const writeDotBatchAxisMessage = (layer: string): string =>
  `${layer}: axes must not name the batch (dimension 0)`;
export const writeDotPairMessage = (layer: string): string =>
  `${layer}: a pair of axes counts from the start (TensorFlow.js's Dot does not read a negative axis of a pair from the end)`;
export const writeDotMessage = (layer: string, ia: number, a: RuntimeShape, ib: number, b: RuntimeShape): string =>
  `${layer}: dimension ${ia} of input 0 ${showShape(a)} is ${showDim(a[ia]!)} and dimension ${ib} of input 1 ${showShape(b)} is ${showDim(b[ib]!)}; they must be equal (an unknown size with an unknown size only)`;

export const writeDotBatchMessage = (layer: string, a: RuntimeDim, b: RuntimeDim): string =>
  `${layer}: input 1 has batch size ${showDim(b)} and input 0 ${showDim(a)}; a dot multiplies example by example (one batch size)`;

/** The non-negative axes of a dot on shapes of these ranks (checked). */
export function dotAxes(layer: string, axes: number | readonly [number, number], a: RuntimeShape, b: RuntimeShape) {
  const [x, y] = typeof axes === "number" ? [axes, axes] : axes;
  if (typeof axes !== "number" && (x < 0 || y < 0)) fail(writeDotPairMessage(layer));
  const ia = axisOf(layer, "axes", x, a.length);
  const ib = axisOf(layer, "axes", y, b.length);
  if (ia === 0 || ib === 0) fail(writeDotBatchAxisMessage(layer));
  return [ia, ib] as const;
}

export function dotShape(layer: string, axes: number | readonly [number, number], shapes: readonly RuntimeShape[]) {
  if (shapes.length !== 2) fail(writeMergeCountMessage(layer, "exactly 2", shapes.length));
  const [a, b] = shapes as [RuntimeShape, RuntimeShape];
  shapes.forEach((s, i) => {
    if (s.length !== 2 && s.length !== 3) fail(writeDotRankMessage(layer, i, s));
  });
  const [ia, ib] = dotAxes(layer, axes, a, b);
  if (sameDim(a[ia]!, b[ib]!) === undefined) fail(writeDotMessage(layer, ia, a, ib, b));
  if (mergeBatch(a[0]!, b[0]!) === undefined) fail(writeDotBatchMessage(layer, a[0]!, b[0]!));
  const out = [...a.filter((_, i) => i !== ia), ...b.filter((_, i) => i !== ib).slice(1)];
  return out.length === 1 ? [...out, 1] : out;
}

/** Any merge's output shape (the rule of its graph node, src/ops/rules.ts's `tfMerge`). */
export function mergeSpecShape(spec: MergeSpec, shapes: readonly RuntimeShape[]): RuntimeShape {
  if (spec.kind === "Concatenate") return concatenateShape(spec.written, spec.axis ?? -1, shapes);
  if (spec.kind === "Dot") return dotShape(spec.written, spec.axes ?? -1, shapes);
  return mergeShape(spec.written, shapes);
}

/**
 * The node's spec once its inputs are known: negative axes counted from the end. tfjs's Concatenate joins on the
 * last axis for any negative axis when it runs (its computeOutputShape counts from the end), and its Dot's build
 * does not count a negative axis of a pair from the end: the converted layer gets the axes as the rules read them.
 */
export function appliedSpec(spec: MergeSpec, shapes: readonly RuntimeShape[]): MergeSpec {
  mergeSpecShape(spec, shapes);
  if (spec.kind === "Concatenate") return { ...spec, axis: dimIndex(spec.axis ?? -1, shapes[0]!.length) as number };
  if (spec.kind === "Dot") return { ...spec, axes: dotAxes(spec.written, spec.axes ?? -1, shapes[0]!, shapes[1]!) };
  return spec;
}
