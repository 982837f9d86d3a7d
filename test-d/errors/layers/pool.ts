// Pooling: argument mistakes on their property, windows that do not fit on the layer.
import { input, layers, sequential } from "shapecheck";

export const zeroPool = layers.maxPooling2d({ poolSize: 0 }); // error: maxPooling2d({ poolSize: 0 }): poolSize must be a positive integer, not 0
export const stridesTuple = layers.averagePooling2d({ poolSize: 2, strides: [2, 2, 2] }); // error: averagePooling2d({ poolSize: 2, strides: [2, 2, 2] }): strides must be a number or a tuple of 2, not a tuple of 3
export const pool1dTuple = layers.maxPooling1d({ poolSize: [2, 2] }); // error: maxPooling1d({ poolSize: [2, 2] }): poolSize must be a number or a tuple of 1, not a tuple of 2
export const noDataFormat1d = layers.averagePooling1d({ poolSize: 2, dataFormat: "channelsLast" }); // error: averagePooling1d({ poolSize: 2, dataFormat: 'channelsLast' }): dataFormat is not an option of TensorFlow.js's averagePooling1d

export const poolTooLarge = sequential(
  input([3, 3, 1]),
  layers.maxPooling2d({ poolSize: 4 }), // error: maxPooling2d({ poolSize: 4 }): the kernel (extent 4) is larger than the padded input (3) in input dimension 1 (input [number, 3, 3, 1])
);
export const defaultPoolTooLarge = sequential(
  input([1, 8]),
  layers.maxPooling1d(), // error: maxPooling1d(): the kernel (extent 2) is larger than the padded input (1) in input dimension 1 (input [number, 1, 8])
);
export const globalRank = sequential(
  input([10, 8]),
  layers.globalAveragePooling2d(), // error: globalAveragePooling2d(): expects an input [batch, height, width, channels] (rank 4), got rank 3 (input [number, 10, 8])
);
