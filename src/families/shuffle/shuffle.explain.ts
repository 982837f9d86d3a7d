// Explain rows of pixelShuffle and pixelUnshuffle (channelShuffle keeps the shape).
import type { Explainer } from "../../explain/kinds/support.ts";
import { showDim } from "../../shape/dims.ts";
import type { ShuffleConfig } from "./shuffle.nn.ts";

export const shuffle: Explainer<ShuffleConfig> = (layer, input, output) => {
  if (layer.kind === "channelShuffle") return { arithmetic: [], params: 0 };
  const up = layer.kind === "pixelShuffle";
  const r = (up ? layer.upscaleFactor : layer.downscaleFactor) ?? 1;
  const [c, h, w] = input.slice(-3).map((d) => showDim(d ?? null));
  const [oc, oh, ow] = output.slice(-3).map((d) => showDim(d ?? null));
  return {
    arithmetic: up
      ? [`${c} / ${r}² = ${oc}`, `${h} × ${r} = ${oh}`, `${w} × ${r} = ${ow}`]
      : [`${c} × ${r}² = ${oc}`, `${h} / ${r} = ${oh}`, `${w} / ${r} = ${ow}`],
    params: 0,
  };
};
