// What every per-kind explainer shares: its signature (the layer's typed config), writing arithmetic.
import { showDim, type RuntimeDim, type RuntimeShape } from "../../shape/dims.ts";
import type { LayerConfig } from "../../families/layer-config.ts";
import type { RuntimeLayer } from "../../model/layer.ts";

export type { LayerConfig } from "../../families/layer-config.ts";

/** What an explainer finds: the arithmetic per changed dimension and the parameter count. */
export interface Explained {
  readonly arithmetic: readonly string[];
  /** `null` when it depends on something unknown (lazyLinear after an unknown dimension). */
  readonly params: number | null;
}

/**
 * Explains one kind of layer from its config (typed by its kind) and its input and output shapes. It
 * may throw `Unreadable` when the shapes do not allow it (a dim outside the input): the row then shows "—".
 */
export type Explainer<Config extends RuntimeLayer = LayerConfig> = (
  layer: Config,
  input: RuntimeShape,
  output: RuntimeShape,
) => Explained;

/** What an explainer cannot work out from a layer and its shapes: shown as "—". */
export class Unreadable extends Error {}

const isSize = (value: unknown): value is number =>
  typeof value === "number" && Number.isSafeInteger(value) && value >= 0;

/**
 * A size of a config (`layer.outFeatures`), checked: a config object changed by hand after its
 * builder checked it (`{ ...layer, outFeatures: "ten" }`) is `Unreadable` (shown as "—"), not a wrong count.
 */
export function count(value: number): number {
  if (!isSize(value)) throw new Unreadable(String(value));
  return value;
}

/** A size per spatial dimension of a config (a number for all, or a tuple), as `rank` checked sizes. */
export function sizes(value: number | readonly number[], rank: number): number[] {
  const all = Array.isArray(value) ? value : Array.from({ length: rank }, () => value);
  if (all.length !== rank || !all.every(isSize)) throw new Unreadable(String(value));
  return [...all];
}

/** A dimension in a formula: its size, `number` when unknown, its name when named. */
export const dim = (value: RuntimeDim | undefined): string => (value === undefined ? "?" : showDim(value));

/** The known value of a dimension, or `null`. */
export const known = (value: RuntimeDim | undefined): number | null => (typeof value === "number" ? value : null);

/** `64 × 12 × 12`. */
export const times = (dims: readonly RuntimeDim[]): string => dims.map(dim).join(" × ");

export const product = (values: readonly number[]): number => values.reduce((total, one) => total * one, 1);

/** A tfjs layer's input split by its data format: the channel axis and the spatial axes. */
export function channelAxes(
  dataFormat: "channelsLast" | "channelsFirst",
  shape: RuntimeShape,
): { channelAxis: number; spatial: number[] } {
  const channelsFirst = dataFormat === "channelsFirst";
  const axes = Array.from({ length: shape.length - 2 }, (_, i) => (channelsFirst ? i + 2 : i + 1));
  return { channelAxis: channelsFirst ? 1 : shape.length - 1, spatial: axes };
}

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
