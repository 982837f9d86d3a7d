// lpPool1d/2d → shapecheck's LpPool layer (lp-pool.tfjs-layer.ts), channels-last: tfjs has no LP pooling.
// ceilMode's last window may reach past the input (its overhang, not counted in the mean).
import type * as tfl from "@tensorflow/tfjs-layers";
import { perDim } from "../../shape/args.ts";
import { notConvertible, type Converter } from "../../runtime/convert/context.ts";
import type { LpPoolConfig } from "./lp-pool.nn.ts";
import { LpPool } from "./lp-pool.tfjs-layer.ts";

export const lpPool: Converter<LpPoolConfig> = {
  layout: () => "last",
  convert(layer, ctx) {
    const rank = Number(layer.kind.at(-2));
    const kernels = perDim(layer.kernelSize, rank);
    const strides = perDim(layer.stride, rank);
    const overhangs = kernels.map((k, i) => {
      if (!layer.ceilMode) return 0;
      const size = ctx.input[i + 2];
      const out = ctx.output[i + 2];
      if (typeof size !== "number" || typeof out !== "number")
        throw notConvertible(layer, "ceilMode needs the input's spatial size");
      return Math.max(0, (out - 1) * strides[i]! + k - size);
    });
    const y = new LpPool({
      normType: layer.normType,
      poolSize: kernels,
      strides,
      paddings: perDim(0, rank),
      overhangs,
      name: ctx.name(),
    }).apply(ctx.x) as tfl.SymbolicTensor;
    return { y, layout: "last" };
  },
};
