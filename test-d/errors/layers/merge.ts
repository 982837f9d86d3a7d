// layers.add, average, concatenate, dot, maximum, minimum, multiply (issue 16): tfjs's merge layers on several
// symbolic tensors, one error on the array of inputs. Runtime twin: src/families/merge/merge.ts (same texts).
import { input, layers } from "shapecheck";

// prettier-ignore
export const one = layers.add().apply([input([3, 4])]); // error: add(): takes at least 2 inputs (got 1)
// prettier-ignore
export const broadcast = layers.multiply().apply([input([3, 4]), input([3, 5])]); // error: multiply(): input 1 [number, 3, 5] does not broadcast with the inputs before it [number, 3, 4]: dimension -1 is 4 and 5 (sizes must be equal, or one of them 1)
// prettier-ignore
export const batches = layers.average().apply([input([4], { batch: 2 }), input([4], { batch: 3 })]); // error: average(): input 1 has batch size 3, the inputs before it 2 (TensorFlow.js merges equal batch sizes only)
// prettier-ignore
export const hidden = layers.maximum().apply([input([null, 2]), input([5, 2]), input([6, 2])]); // error: maximum(): input 2 [number, 6, 2] does not broadcast with the inputs before it [number, 5, 2]: dimension -2 is 5 and 6 (sizes must be equal, or one of them 1)
// prettier-ignore
export const other = layers.concatenate().apply([input([8, 3]), input([7, 5])]); // error: concatenate(): input 1 [number, 7, 5] and input 0 [number, 8, 3] differ in dimension 1 (7 and 8); they must agree on every dimension but the axis (an unknown size with an unknown size only)
// prettier-ignore
export const unknown = layers.concatenate().apply([input([null, 3]), input([8, 5])]); // error: concatenate(): input 1 [number, 8, 5] and input 0 [number, number, 3] differ in dimension 1 (8 and number)
// prettier-ignore
export const ranks = layers.concatenate({ axis: 1 }).apply([input([8, 3]), input([8])]); // error: concatenate({ axis: 1 }): input 1 [number, 8] has rank 2 and input 0 [number, 8, 3] rank 3 (TensorFlow.js concatenates tensors of one rank)
// prettier-ignore
export const range = layers.concatenate({ axis: 3 }).apply([input([8, 3]), input([8, 3])]); // error: concatenate({ axis: 3 }): axis 3 is out of range for an input of rank 3 (expected -3 to 2)
// prettier-ignore
export const batchAxis = layers.concatenate({ axis: 0 }).apply([input([8]), input([8])]); // error: concatenate({ axis: 0 }): axis 0 is the batch (dimension 0); a layer of a model keeps the batch
// prettier-ignore
export const dotSizes = layers.dot({ axes: 1 }).apply([input([4, 8]), input([5, 8])]); // error: dot({ axes: 1 }): dimension 1 of input 0 [number, 4, 8] is 4 and dimension 1 of input 1 [number, 5, 8] is 5; they must be equal (an unknown size with an unknown size only)
// prettier-ignore
export const dotRank = layers.dot({ axes: -1 }).apply([input([2, 4, 8]), input([8])]); // error: dot({ axes: -1 }): input 0 [number, 2, 4, 8] has rank 4; TensorFlow.js's Dot takes inputs of rank 2 or 3 (batch included)
// prettier-ignore
export const dotThree = layers.dot({ axes: -1 }).apply([input([8]), input([8]), input([8])]); // error: dot({ axes: -1 }): takes exactly 2 inputs (got 3)
// prettier-ignore
export const dotPair = layers.dot({ axes: [2, -1] }).apply([input([4, 8]), input([8])]); // error: dot({ axes: [2, -1] }): a pair of axes counts from the start (TensorFlow.js's Dot does not read a negative axis of a pair from the end)
// prettier-ignore
export const dotBatch = layers.dot({ axes: 0 }).apply([input([8]), input([8])]); // error: dot({ axes: 0 }): axes must not name the batch (dimension 0)
// prettier-ignore
export const option = layers.add({ axis: 1 }); // error: add(): axis is not an option of TensorFlow.js's add

// Names are distinct (issue 13): two different names, or a name and a size, where a merge needs equal sizes.
// prettier-ignore
export const srcTgt = layers.add().apply([input(["src", 4]), input(["tgt", 4])]); // error: add(): input 1 [number, tgt, 4] does not broadcast with the inputs before it [number, src, 4]: dimension -2 is src and tgt (sizes must be equal, or one of them 1)
// prettier-ignore
export const nameSize = layers.multiply().apply([input([3, "a"]), input([3, 4])]); // error: multiply(): input 1 [number, 3, 4] does not broadcast with the inputs before it [number, 3, a]: dimension -1 is a and 4 (sizes must be equal, or one of them 1)
// prettier-ignore
export const namedBatches = layers.minimum().apply([input(["x"], { batch: "b" }), input(["x"], { batch: "c" })]); // error: minimum(): input 1 has batch size c, the inputs before it b (TensorFlow.js merges equal batch sizes only)
// prettier-ignore
export const concatNames = layers.concatenate().apply([input(["src", 4]), input(["tgt", 4])]); // error: concatenate(): input 1 [number, tgt, 4] and input 0 [number, src, 4] differ in dimension 1 (tgt and src)
// prettier-ignore
export const dotNames = layers.dot({ axes: [1, 2] }).apply([input(["a", 3]), input([3, "b"])]); // error: dot({ axes: [1, 2] }): dimension 1 of input 0 [number, a, 3] is a and dimension 2 of input 1 [number, 3, b] is b
// prettier-ignore
export const dotBatches = layers.dot({ axes: 2 }).apply([input([2, 4], { batch: 3 }), input([5, 4], { batch: 4 })]); // error: dot({ axes: 2 }): input 1 has batch size 4 and input 0 3; a dot multiplies example by example (one batch size)
// the same name is equal, and an unknown size agrees with a name
export const sameName = layers.maximum().apply([input([3, "a"]), input([3, "a"])]);
export const unknownName = layers.concatenate().apply([input([null, 4]), input(["s", 4])]);
export const dotSame = layers
  .dot({ axes: 2 })
  .apply([input(["q", 4], { batch: "b" }), input(["k", 4], { batch: "b" })]);
