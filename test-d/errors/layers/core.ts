// Dense, flatten, reshape, permute, dropout, activation.
import { input, layers, sequential } from "shapecheck";

export const zeroUnits = layers.dense({ units: 0 }); // error: dense({ units: 0 }): units must be a positive integer, not 0
export const wrongInputDim = sequential(
  input([5, 5, 64]),
  layers.flatten(),
  layers.dense({ units: 10, inputDim: 1000 }), // error: dense({ units: 10, inputDim: 1000 }): inputDim must equal the last input dimension 1600 (input [number, 5·5·64 = 1600])
);
export const denseOnRankOne = sequential(input([]), layers.dense({ units: 3 })); // error: dense({ units: 3 }): expects an input of rank 2 or more, got rank 1 (input [number])
export const denseOnNamed = sequential(input([8, "features"]), layers.dense({ units: 3 })); // error: dense({ units: 3 }): the last input dimension must be known: TensorFlow.js sizes the kernel from it (input [number, 8, features])

export const flattenRankTwo = sequential(input([784]), layers.flatten()); // error: flatten(): expects an input of rank 3 or more, got rank 2 (input [number, 784])
export const flattenNamed = sequential(input(["seq", 16]), layers.flatten()); // error: flatten(): dimension 1 must be known: TensorFlow.js flattens only fully known shapes (input [number, seq, 16])

export const reshapeSizes = sequential(input([4, 5]), layers.reshape({ targetShape: [3, 5] })); // error: reshape({ targetShape: [3, 5] }): the target shape has 15 elements, the input has 20 (input [number, 4, 5])
export const reshapeFree = sequential(input([4, 5]), layers.reshape({ targetShape: [3, -1] })); // error: reshape({ targetShape: [3, -1] }): the input's 20 elements do not divide into the target's known sizes (3) (input [number, 4, 5])
export const twoFree = layers.reshape({ targetShape: [-1, 4, -1] }); // error: reshape({ targetShape: [-1, 4, -1] }): targetShape can have only one -1
export const zeroSize = layers.reshape({ targetShape: [0, 4] }); // error: reshape({ targetShape: [0, 4] }): targetShape sizes must be positive integers or -1, not 0

export const notPermutation = layers.permute({ dims: [1, 3] }); // error: permute({ dims: [1, 3] }): dims must be a permutation of 1…2
export const zeroBased = layers.permute({ dims: [0, 1] }); // error: permute({ dims: [0, 1] }): dims must be a positive integer, not 0
export const permuteRank = sequential(input([4, 5, 6]), layers.permute({ dims: [2, 1] })); // error: permute({ dims: [2, 1] }): expects an input of rank 3, got rank 4 (input [number, 4, 5, 6])

export const rateAboveOne = layers.dropout({ rate: 1.5 }); // error: dropout({ rate: 1.5 }): rate must be between 0 and 1
export const negativeRate = layers.dropout({ rate: -0.1 }); // error: dropout({ rate: -0.1 }): rate must be between 0 and 1
export const unknownActivation = layers.activation({ activation: "swishy" }); // error: Type '"swishy"' is not assignable to type 'ActivationIdentifier'.
