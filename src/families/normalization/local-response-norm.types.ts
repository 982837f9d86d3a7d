// Rule of nn.localResponseNorm (PyTorch's LocalResponseNorm): the shape is kept; rank 3 or more.
// Twin: src/families/normalization/local-response-norm.ts.
import type { Shape } from "../../../types/shape/dims.ts";

export type writeLocalResponseNormRankMessage<
  Layer extends string,
  Rank extends number,
> = `${Layer}: expects an input of rank 3 or more ([batch, channels, ...]), got rank ${Rank}`;

export type LocalResponseNormRule<Layer extends string, Input> = Input extends Shape
  ? Input extends readonly [unknown, unknown, unknown, ...unknown[]]
    ? Input
    : writeLocalResponseNormRankMessage<Layer, Input["length"]>
  : never;
