// ops.pad (F.pad, PyTorch 1.13): one pinned message per refusal kind; the runtime throws the same text
// (test/ops-pad.test.ts, test/ops-pad-types.test.ts check them against PyTorch's own refusals).
import { input, ops } from "shapecheck";

const x = input([3, 8, 8]);
const seq = input([4, 10]);
const emptied = ops.pad(seq, [-10, 0]); // [number, 4, 0]: only negative pads may leave a dimension empty

// an odd number of pads
export const oddPad = ops.pad(x, [1, 1, 2]); // error: "pad(…, [1, 1, 2]): the pad has 3 values; it needs pairs (before, after) for dimensions from the last, at most 4 of them"
// more pairs than dimensions
export const longPad = ops.pad(seq, [1, 1, 1, 1, 1, 1, 1, 1]); // error: "pad(…, [1, 1, 1, 1, 1, 1, 1, 1]): the pad has 8 values; it needs pairs (before, after) for dimensions from the last, at most 3 of them"
// pads are integers
export const fractionalPad = ops.pad(x, [0.5, 1]); // error: "pad(…, [0.5, 1]): pads must be integers"
// non-constant modes: 1 to 3 pairs on rank pairs + 1 or + 2
export const reflectRank = ops.pad(x, [1, 1], { mode: "reflect" }); // error: "pad(…, [1, 1], { mode: \"reflect\" }): mode \"reflect\" takes 1, 2 or 3 pairs, for an input with 1 or 2 more dimensions: rank 2 or 3 for one pair, 3 or 4 for two, 4 or 5 for three; got 2 values and rank 4"
// circular: rank pairs + 2 only
export const circularRank = ops.pad(seq, [1, 1, 1, 1], { mode: "circular" }); // error: "pad(…, [1, 1, 1, 1], { mode: \"circular\" }): mode \"circular\" takes 1, 2 or 3 pairs, for an input with 2 more dimensions (batch and channels): rank 3 for one pair, 4 for two, 5 for three; got 4 values and rank 3"
// replicate / reflect need non-empty dimensions
export const emptyReplicate = ops.pad(emptied, [1, 1], { mode: "replicate" }); // error: "pad(…, [1, 1], { mode: \"replicate\" }): dimension 2 is empty (size 0); mode \"replicate\" needs it non-empty"
// reflect: each pad less than the size
export const reflectTooFar = ops.pad(x, [8, 0, 0, 0], { mode: "reflect" }); // error: "pad(…, [8, 0, 0, 0], { mode: \"reflect\" }): padding 8 of dimension 3 must be less than its size 8 (mode \"reflect\")"
// circular: each pad at most the size after cropping
export const wrapsTwice = ops.pad(x, [3, -6, 0, 0], { mode: "circular" }); // error: "pad(…, [3, -6, 0, 0], { mode: \"circular\" }): padding 3 of dimension 3 wraps around more than once: mode \"circular\" pads at most its size after cropping, 2"
// constant: crops at most the size
export const cropTooMuch = ops.pad(x, [-5, -4]); // error: "pad(…, [-5, -4]): the negative pads crop 9 from dimension 3, more than its size 8"
// circular: crops at most the size
export const circularCrop = ops.pad(x, [-9, 1, 0, 0], { mode: "circular" }); // error: "pad(…, [-9, 1, 0, 0], { mode: \"circular\" }): the negative pads crop 9 from dimension 3, more than its size 8"
// reflect / replicate: no size below 0
export const negativeSize = ops.pad(x, [-9, -1, 0, 0], { mode: "replicate" }); // error: "pad(…, [-9, -1, 0, 0], { mode: \"replicate\" }): dimension 3 would have size -2: the negative pads crop more than its padded size"
// constant: no empty dimension when a pad is positive
export const emptyWithPadding = ops.pad(x, [-8, 0, 1, 1]); // error: "pad(…, [-8, 0, 1, 1]): dimension 3 would be empty (size 0); PyTorch refuses that when any pad is positive"
// reflect / replicate: one padded dimension of size 1 or more
export const allEmpty = ops.pad(seq, [-8, -2], { mode: "reflect" }); // error: "pad(…, [-8, -2], { mode: \"reflect\" }): every padded dimension would be empty (size 0); mode \"reflect\" needs one of size 1 or more"
// a value only with constant
export const valueWithMode = ops.pad(x, [1, 1, 1, 1], { mode: "reflect", value: 1 }); // error: "pad(…, [1, 1, 1, 1], { mode: \"reflect\" }): mode \"reflect\" takes no value (PyTorch refuses one other than 0)"

// accepted: crops, every mode, named and unknown dimensions (their padded size is `number`, checked at build)
export const cropped = ops.pad(x, [-1, -1, 2, 0], { mode: "replicate" });
export const circular = ops.pad(x, [2, 2, 2, 2], { mode: "circular" });
export const named = ops.pad(input(["seq", 16]), [0, 0, 1, 1], { mode: "reflect" });
export const valued = ops.pad(x, [1, 1], 0.5);
