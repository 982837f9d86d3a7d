// Rules of torch.nn's other dropouts: the shape is kept; dropout1d wants rank 2 or 3, dropout3d rank 4 or 5
// (PyTorch 1.13 deprecates the other ranks: refused here), featureAlphaDropout rank 2 or more (unless p is 0 or
// 1: PyTorch returns before its check), alphaDropout any.
// Twin: src/families/activation/extra-dropout.ts.
import type { Shape } from "../../../types/shape/dims.ts";

/** The message when a dropout's input has a rank it does not take. */
export type writeDropoutRankMessage<
  Layer extends string,
  Expected extends string,
  Rank extends number,
> = `${Layer}: expects an input of rank ${Expected}, got rank ${Rank}`;

/** The ranks each dropout takes, as messages write them. */
export interface DropoutRanks {
  dropout1d: ["2 or 3", 2 | 3];
  dropout3d: ["4 or 5", 4 | 5];
  featureAlphaDropout: ["2 or more", 0 | 1];
}
/** The shape is kept when the rank fits. */
export type DropoutRankRule<
  Layer extends string,
  Kind extends keyof DropoutRanks,
  P extends number,
  Input,
> = Input extends Shape
  ? Kind extends "featureAlphaDropout"
    ? P extends 0 | 1
      ? Input // PyTorch returns before its check when p is 0 or 1
      : Input["length"] extends DropoutRanks[Kind][1]
        ? writeDropoutRankMessage<Layer, DropoutRanks[Kind][0], Input["length"]>
        : Input
    : Input["length"] extends DropoutRanks[Kind][1]
      ? Input
      : writeDropoutRankMessage<Layer, DropoutRanks[Kind][0], Input["length"]>
  : never;
