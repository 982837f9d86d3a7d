// Convolutions: each mistake on its own property (arguments) or on the layer (shapes), with its message.
import { input, layers, sequential } from "shapecheck";

export const zeroFilters = layers.conv2d({ filters: 0, kernelSize: 3 }); // error: conv2d({ filters: 0, kernelSize: 3 }): filters must be a positive integer, not 0
export const fractionalKernel = layers.conv2d({ filters: 8, kernelSize: 2.5 }); // error: conv2d({ filters: 8, kernelSize: 2.5 }): kernelSize must be a positive integer, not 2.5
export const kernelTuple = layers.conv2d({ filters: 8, kernelSize: [3, 3, 3] }); // error: conv2d({ filters: 8, kernelSize: [3, 3, 3] }): kernelSize must be a number or a tuple of 2, not a tuple of 3
export const negativeStrides = layers.conv2d({ filters: 8, kernelSize: 3, strides: -1 }); // error: conv2d({ filters: 8, kernelSize: 3, strides: -1 }): strides must be a positive integer, not -1
export const misspelt = layers.conv2d({ filters: 8, kernelSize: 3, stride: 2 }); // error: conv2d({ filters: 8, kernelSize: 3 }): stride is not an option of TensorFlow.js's conv2d; did you mean `strides`?
export const stridedDilated = layers.conv2d({ filters: 8, kernelSize: 3, strides: 2, dilationRate: 2 }); // error: conv2d({ filters: 8, kernelSize: 3, strides: 2, dilationRate: 2 }): strides and dilationRate cannot both be above 1 (TensorFlow.js)
export const causal = layers.conv1d({ filters: 8, kernelSize: 3, padding: "causal" }); // error: conv1d({ filters: 8, kernelSize: 3, padding: 'causal' }): padding 'causal' is not implemented in TensorFlow.js
export const conv1dFirst = layers.conv1d({ filters: 8, kernelSize: 3, dataFormat: "channelsFirst" }); // error: conv1d({ filters: 8, kernelSize: 3, dataFormat: 'channelsFirst' }): dataFormat 'channelsFirst' is not supported: TensorFlow.js's Conv1D returns its output channels last

// The squiggle lands on the offending property of a multi-line argument.
export const onTheProperty = layers.conv2d({
  filters: 8,
  kernelSize: 3,
  dilationRate: 0, // error: conv2d({ filters: 8, kernelSize: 3, dilationRate: 0 }): dilationRate must be a positive integer, not 0
});

export const kernelTooLarge = sequential(
  input([4, 4, 1]),
  layers.conv2d({ filters: 2, kernelSize: 5 }), // error: conv2d({ filters: 2, kernelSize: 5 }): the kernel (extent 5) is larger than the padded input (4) in input dimension 1 (input [number, 4, 4, 1])
);
export const dilatedTooLarge = sequential(
  input([3, 12, 9]),
  layers.conv2d({ filters: 2, kernelSize: 3, dilationRate: [1, 5], dataFormat: "channelsFirst" }), // error: conv2d({ filters: 2, kernelSize: 3, dilationRate: [1, 5], dataFormat: 'channelsFirst' }): the kernel (extent 11) is larger than the padded input (9) in input dimension 3 (input [number, 3, 12, 9])
);
export const wrongRank = sequential(
  input([784]),
  layers.conv2d({ filters: 8, kernelSize: 3 }), // error: conv2d({ filters: 8, kernelSize: 3 }): expects an input [batch, height, width, channels] (rank 4), got rank 2 (input [number, 784])
);
export const wrongRank1d = sequential(
  input([28, 28, 1]),
  layers.conv1d({ filters: 8, kernelSize: 3 }), // error: conv1d({ filters: 8, kernelSize: 3 }): expects an input [batch, length, channels] (rank 3), got rank 4 (input [number, 28, 28, 1])
);
export const namedChannels = sequential(
  input([28, 28, "channels"]),
  layers.conv2d({ filters: 8, kernelSize: 3 }), // error: conv2d({ filters: 8, kernelSize: 3 }): the channel dimension (axis 3) must be known: TensorFlow.js sizes the kernel from it (input [number, 28, 28, channels])
);
