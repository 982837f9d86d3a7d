// Embedding, batch normalization, zero padding, up-sampling.
import { input, layers, sequential } from "shapecheck";

export const zeroVocabulary = layers.embedding({ inputDim: 0, outputDim: 8 }); // error: embedding({ inputDim: 0, outputDim: 8 }): inputDim must be a positive integer, not 0
export const wrongLength = sequential(input([10]), layers.embedding({ inputDim: 100, outputDim: 8, inputLength: 12 })); // error: embedding({ inputDim: 100, outputDim: 8, inputLength: 12 }): inputLength must match the input's dimensions after the batch [10] (input [number, 10])
// prettier-ignore
export const wrongLengths = sequential(input([4, 5]), layers.embedding({ inputDim: 100, outputDim: 8, inputLength: [4] })); // error: embedding({ inputDim: 100, outputDim: 8, inputLength: [4] }): inputLength must match the input's dimensions after the batch [4, 5] (input [number, 4, 5])

export const axisOutOfRange = sequential(input([4, 4, 3]), layers.batchNormalization({ axis: 4 })); // error: batchNormalization({ axis: 4 }): axis 4 is out of range for an input of rank 4 (expected -4 to 3) (input [number, 4, 4, 3])
export const namedAxis = sequential(input([4, 4, "c"]), layers.batchNormalization()); // error: batchNormalization(): dimension 3 (the axis) must be known: TensorFlow.js sizes gamma and beta from it (input [number, 4, 4, c])
export const rankFive = sequential(input([2, 4, 4, 3]), layers.batchNormalization()); // error: batchNormalization(): expects an input of rank 2, 3 or 4 (TensorFlow.js), got rank 5 (input [number, 2, 4, 4, 3])

// prettier-ignore
export const negativePadding = layers.zeroPadding2d({ padding: [[1, -1], [0, 0]] }); // error: zeroPadding2d({ padding: [[1, -1], [0, 0]] }): padding must be a non-negative integer, not -1
export const paddingRank = sequential(input([28, 28]), layers.zeroPadding2d()); // error: zeroPadding2d(): expects an input [batch, height, width, channels] (rank 4), got rank 3 (input [number, 28, 28])

export const sizeNumber = layers.upSampling2d({ size: 2 }); // error: upSampling2d({ size: 2 }): size must be a tuple [rows, cols] (TensorFlow.js)
export const sizeZero = layers.upSampling2d({ size: [2, 0] }); // error: upSampling2d({ size: [2, 0] }): size must be a positive integer, not 0
