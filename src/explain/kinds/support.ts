// What every per-kind explainer shares: its signature, reading a layer's config, writing arithmetic.
import { showDim, type RuntimeDim, type RuntimeShape } from "../../shape/dims.ts";

/** A runtime layer as explain reads it: its kind, written form and config fields. */
export interface LayerConfig {
  readonly kind: string;
  readonly written: string;
  readonly [field: string]: unknown;
}

/** What an explainer finds: the arithmetic per changed dimension and the parameter count. */
export interface Explained {
  readonly arithmetic: readonly string[];
  /** `null` when it depends on something unknown (lazyLinear after an unknown dimension). */
  readonly params: number | null;
}

/**
 * Explains one kind of layer from its config and its input and output shapes. It may throw
 * `Unreadable` when a config field is not what it expects: the row then shows "—".
 */
export type Explainer = (layer: LayerConfig, input: RuntimeShape, output: RuntimeShape) => Explained;

/** A config field an explainer cannot read (a layer family changed shape): shown as "—". */
export class Unreadable extends Error {}

/** A non-negative integer field. */
export function size(layer: LayerConfig, field: string, fallback?: number): number {
  const value = layer[field] ?? fallback;
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 0)
    throw new Unreadable(`${layer.kind}.${field}`);
  return value;
}

/** A size per spatial dimension (a number for all, or a tuple), as `rank` numbers. */
export function sizes(
  layer: LayerConfig,
  field: string,
  rank: number,
  fallback?: number | readonly number[],
): number[] {
  const value = layer[field] ?? fallback;
  const all = Array.isArray(value) ? value : Array.from({ length: rank }, () => value);
  if (all.length !== rank || !all.every((one) => typeof one === "number" && Number.isSafeInteger(one) && one >= 0)) {
    throw new Unreadable(`${layer.kind}.${field}`);
  }
  return all as number[];
}

/** A boolean field (with its framework default). */
export function flag(layer: LayerConfig, field: string, fallback: boolean): boolean {
  const value = layer[field] ?? fallback;
  if (typeof value !== "boolean") throw new Unreadable(`${layer.kind}.${field}`);
  return value;
}

/** A dimension in a formula: its size, `number` when unknown, its name when named. */
export const dim = (value: RuntimeDim | undefined): string => (value === undefined ? "?" : showDim(value));

/** The known value of a dimension, or `null`. */
export const known = (value: RuntimeDim | undefined): number | null => (typeof value === "number" ? value : null);

/** `64 × 12 × 12`. */
export const times = (dims: readonly RuntimeDim[]): string => dims.map(dim).join(" × ");

export const product = (values: readonly number[]): number => values.reduce((total, one) => total * one, 1);

/** Axis letters of a channels-first layer's spatial dimensions: `L`; `H, W`; `D, H, W`. */
export const spatialLabels = (rank: number): string[] =>
  rank === 1
    ? ["L"]
    : rank === 2
      ? ["H", "W"]
      : rank === 3
        ? ["D", "H", "W"]
        : Array.from({ length: rank }, (_, i) => `S${i}`);

/**
 * One line per distinct formula, its axes in front: `["H, W: ⌊…⌋ + 1 = 26"]` when both are the same,
 * `["H: … = 26", "W: … = 30"]` when not. Axes without a formula (`null`) are left out.
 */
export function perAxis(labels: readonly string[], formulas: readonly (string | null)[]): string[] {
  const groups = new Map<string, string[]>();
  formulas.forEach((formula, i) => {
    if (formula === null) return;
    groups.set(formula, [...(groups.get(formula) ?? []), labels[i] ?? `axis ${i}`]);
  });
  return [...groups].map(([formula, axes]) => `${axes.join(", ")}: ${formula}`);
}

/** `C → 32` when the channel dimension changes, else nothing. */
export const channelChange = (before: RuntimeDim | undefined, after: RuntimeDim | undefined, label = "C"): string[] =>
  before === after ? [] : [`${label} → ${dim(after)}`];
