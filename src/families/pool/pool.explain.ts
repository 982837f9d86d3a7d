// maxPool / avgPool / lpPool (PyTorch's formulas, ceil mode with its last-window rule) and adaptive pooling.
import { dim, known, perAxis, spatialLabels, sizes, type Explainer } from "../../explain/kinds/support.ts";
import type { AdaptivePoolConfig } from "./adaptive-pool.nn.ts";
import type { LpPoolConfig } from "./lp-pool.nn.ts";
import type { PoolConfig } from "./pool.nn.ts";
import { poolWindows } from "./pool.ts";

/**
 * One pooled size as PyTorch computes it: `⌊(26 + 2·0 − 1·(2 − 1) − 1) / 2⌋ + 1 = 13` (max),
 * `⌊(26 + 2·0 − 2) / 2⌋ + 1 = 13` (avg), `⌈…⌉` in ceil mode, and `− 1` when ceil mode's last
 * window would start outside the input and its left padding.
 */
export function poolFormula(
  average: boolean,
  before: string,
  value: number | null,
  kernel: number,
  stride: number,
  padding: number,
  dilation: number,
  ceilMode: boolean,
  out: string,
): string {
  const inside =
    average && dilation === 1
      ? `${before} + 2·${padding} − ${kernel}`
      : `${before} + 2·${padding} − ${dilation}·(${kernel} − 1) − 1`;
  const [open, close] = ceilMode ? ["⌈", "⌉"] : ["⌊", "⌋"];
  const formula = `${open}(${inside}) / ${stride}${close} + 1`;
  if (ceilMode && value !== null && poolWindows(value, kernel, stride, padding, dilation, true).lastDropped)
    return `${formula} − 1 = ${out} (the last window must start inside the input)`;
  return `${formula} = ${out}`;
}

export const pool: Explainer<PoolConfig> = (layer, input, output) => {
  const rank = input.length - 2;
  const kernels = sizes(layer.kernelSize, rank);
  const strides = sizes(layer.stride, rank);
  const paddings = sizes(layer.padding, rank);
  const dilations = sizes(layer.dilation, rank);
  const ceilMode = layer.ceilMode;
  const average = layer.kind.startsWith("avg");
  const formulas = input
    .slice(2)
    .map((before, i) =>
      poolFormula(
        average,
        dim(before),
        known(before),
        kernels[i]!,
        strides[i]!,
        paddings[i]!,
        dilations[i]!,
        ceilMode,
        dim(output[i + 2]),
      ),
    );
  return { arithmetic: perAxis(spatialLabels(rank), formulas), params: 0 };
};

/** Adaptive pooling: each given output size is chosen, not computed (`H, W → 7`). */
export const adaptivePool: Explainer<AdaptivePoolConfig> = (_layer, input, output) => {
  const rank = input.length - 2;
  const changes = input.slice(2).map((before, i) => (before === output[i + 2] ? null : `→ ${dim(output[i + 2])}`));
  return { arithmetic: perAxis(spatialLabels(rank), changes).map((line) => line.replace(": →", " →")), params: 0 };
};

/** LP pooling: average pooling's formula with padding 0 (PyTorch pools x^p with avg_pool). */
export const lpPool: Explainer<LpPoolConfig> = (layer, input, output) => {
  const rank = input.length - 2;
  const kernels = sizes(layer.kernelSize, rank);
  const strides = sizes(layer.stride, rank);
  const formulas = input
    .slice(2)
    .map((before, i) =>
      poolFormula(true, dim(before), known(before), kernels[i]!, strides[i]!, 0, 1, layer.ceilMode, dim(output[i + 2])),
    );
  return { arithmetic: perAxis(spatialLabels(rank), formulas), params: 0 };
};
