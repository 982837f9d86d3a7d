// Rules of torch.nn's "Padding" modules on the last N dimensions (N = 1, 2, 3): zero/constant (any rank ≥ N),
// reflection (each pad less than its dimension) and replication (rank N + 1 or N + 2). PyTorch's padding
// tuple order: (left, right) of the last dimension, then (top, bottom), then (front, back).
// Twin: src/families/padding/torch-pad.ts.
import type { Add, Compare } from "../../../types/arith/index.ts";
import type { Shape } from "../../../types/shape/dims.ts";

export type PadMode = "constant" | "reflect" | "replicate";

/** The padding as 2N numbers: a number for every side, or the tuple as written. */
export type PadsOf<P, N extends 1 | 2 | 3> = P extends readonly number[]
  ? P
  : P extends number
    ? { 1: [P, P]; 2: [P, P, P, P]; 3: [P, P, P, P, P, P] }[N]
    : never;

/** The message when the input's rank does not fit the padding. */
export type writePadRankMessage<
  Layer extends string,
  Expected extends string,
  Rank extends number,
> = `${Layer}: expects an input of rank ${Expected}, got rank ${Rank}`;
/** The message when a reflection pad is not less than its dimension. */
export type writeReflectionPadMessage<
  Layer extends string,
  Index extends number,
  Pad extends number,
  Size extends number,
> = `${Layer}: padding ${Pad} of dimension ${Index} must be less than its size ${Size}`;
/** The message when replication pads an empty dimension. */
export type writeEmptyPadMessage<
  Layer extends string,
  Index extends number,
> = `${Layer}: dimension ${Index} is empty (size 0): there is nothing to repeat`;

type RankText<Mode extends PadMode, N extends number> = Mode extends "constant"
  ? { 1: "1 or more"; 2: "2 or more"; 3: "3 or more" }[N & (1 | 2 | 3)]
  : { 1: "2 or 3"; 2: "3 or 4"; 3: "4 or 5" }[N & (1 | 2 | 3)];
type RankFits<Mode extends PadMode, N extends number, Rank extends number> = Mode extends "constant"
  ? Compare<Rank, N> extends "lt"
    ? false
    : true
  : Rank extends { 1: 2 | 3; 2: 3 | 4; 3: 4 | 5 }[N & (1 | 2 | 3)]
    ? true
    : false;

/** One padded dimension: its new size, or the message. */
type PadDim<Layer extends string, Mode extends PadMode, D, L, R, Index extends number> = D extends number
  ? number extends D
    ? number
    : Mode extends "reflect"
      ? Compare<L, D> extends "lt"
        ? Compare<R, D> extends "lt"
          ? Add<Add<D, L>, R>
          : writeReflectionPadMessage<Layer, Index, R & number, D>
        : writeReflectionPadMessage<Layer, Index, L & number, D>
      : Mode extends "replicate"
        ? D extends 0
          ? writeEmptyPadMessage<Layer, Index>
          : Add<Add<D, L>, R>
        : Add<Add<D, L>, R>
  : number; // a named dimension: its padded size is unknown

/** The padded shape, or the first message. */
export type PadRule<Layer extends string, Mode extends PadMode, N extends 1 | 2 | 3, P, Input> = Input extends Shape
  ? RankFits<Mode, N, Input["length"]> extends false
    ? writePadRankMessage<Layer, RankText<Mode, N>, Input["length"]>
    : PadsOf<P, N> extends readonly [infer L1, infer R1, ...infer More]
      ? N extends 1
        ? Input extends readonly [...infer Lead, infer W]
          ? PadDim<Layer, Mode, W, L1, R1, Lead["length"]> extends infer OW
            ? OW extends string
              ? OW
              : [...Lead, OW]
            : never
          : never
        : More extends readonly [infer L2, infer R2, ...infer Rest]
          ? N extends 2
            ? Input extends readonly [...infer Lead, infer H, infer W]
              ? PadDim<Layer, Mode, H, L2, R2, Lead["length"]> extends infer OH
                ? OH extends string
                  ? OH
                  : PadDim<Layer, Mode, W, L1, R1, Add<Lead["length"], 1> & number> extends infer OW
                    ? OW extends string
                      ? OW
                      : [...Lead, OH, OW]
                    : never
                : never
              : never
            : Rest extends readonly [infer L3, infer R3]
              ? Input extends readonly [...infer Lead, infer D, infer H, infer W]
                ? PadDim<Layer, Mode, D, L3, R3, Lead["length"]> extends infer OD
                  ? OD extends string
                    ? OD
                    : PadDim<Layer, Mode, H, L2, R2, Add<Lead["length"], 1> & number> extends infer OH
                      ? OH extends string
                        ? OH
                        : PadDim<Layer, Mode, W, L1, R1, Add<Lead["length"], 2> & number> extends infer OW
                          ? OW extends string
                            ? OW
                            : [...Lead, OD, OH, OW]
                          : never
                      : never
                  : never
                : never
              : never
          : never
      : Input // padding not known to the compiler (checked when the model is built)
  : never;
