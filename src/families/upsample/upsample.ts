// Twin of src/families/upsample/upsample.types.ts: sizes or ⌊size × scaleFactor⌋ on the spatial dimensions, the
// mode's rank, the same messages. `scaledSize` is also ops.interpolate's (src/ops/resize.ts).
import { fail } from "../../ops/fail.ts";
import { showShape, type RuntimeDim, type RuntimeShape } from "../../shape/dims.ts";
import { rankText, writeRankMessage } from "../conv/conv.ts";

/** ⌊d × f⌋ (PyTorch: a product of doubles, floored); null for a named or unknown dimension. */
export const scaledSize = (d: RuntimeDim, f: number): RuntimeDim => (typeof d === "number" ? Math.floor(d * f) : null);

export type UpsampleMode = "nearest" | "linear" | "bilinear" | "bicubic" | "trilinear";
/** The ranks each mode takes. */
export const upsampleModeRanks: Record<UpsampleMode, readonly number[]> = {
  nearest: [3, 4, 5],
  linear: [3],
  bilinear: [4],
  bicubic: [4],
  trilinear: [5],
};
export const upsampleModes = Object.keys(upsampleModeRanks) as readonly UpsampleMode[];
export const upsampleRankText = (mode: UpsampleMode): string =>
  `${mode === "nearest" ? "[batch, channels, ...1 to 3 spatial dimensions] (rank 3, 4 or 5)" : rankText(upsampleModeRanks[mode][0]! - 2)} in mode '${mode}'`;

export const writeUpsampleCountMessage = (layer: string, spatial: number, given: number): string =>
  `${layer}: the input has ${spatial} spatial dimensions (after batch and channels), but ${given} sizes or scale factors were given`;
export const writeUpsampleZeroMessage = (layer: string, d: number, f: number): string =>
  `${layer}: an output size would be ⌊${d} × ${f}⌋ = 0; every output size must be at least 1`;

/** `upsample(scaleFactor 2, 'bilinear')`. */
export const upsampleName = (
  kind: string,
  size: number | readonly number[] | undefined,
  factor: number | readonly number[] | undefined,
  mode: string | undefined,
): string => {
  const show = (v: number | readonly number[] | undefined) => (typeof v === "number" ? `${v}` : showShape(v ?? []));
  const what = size !== undefined ? `size ${show(size)}` : factor !== undefined ? `scaleFactor ${show(factor)}` : "";
  return `${kind}(${[what, mode === undefined ? "" : `'${mode}'`].filter((part) => part !== "").join(", ")})`;
};

/** One value per spatial dimension. */
export const perSpatial = (value: number | readonly number[], spatial: number): number[] =>
  typeof value === "number" ? Array<number>(spatial).fill(value) : [...value];

/** The upsample rule: [batch, channels, ...spatial] → [batch, channels, ...sizes or ⌊spatial × factors⌋]. */
export function upsampleRule(
  layer: string,
  mode: UpsampleMode,
  size: number | readonly number[] | undefined,
  factor: number | readonly number[] | undefined,
  input: RuntimeShape,
): RuntimeShape {
  if (!upsampleModeRanks[mode].includes(input.length))
    fail(writeRankMessage(layer, upsampleRankText(mode), input.length));
  const [n, c, ...spatial] = input;
  const given = perSpatial((size ?? factor)!, spatial.length);
  if (given.length !== spatial.length) fail(writeUpsampleCountMessage(layer, spatial.length, given.length));
  if (size !== undefined) return [n!, c!, ...given];
  return [
    n!,
    c!,
    ...spatial.map((d, i) => {
      const out = scaledSize(d, given[i]!);
      if (out === 0) fail(writeUpsampleZeroMessage(layer, d as number, given[i]!));
      return out;
    }),
  ];
}
