// Issue 16's convolutions of `layers` (conv3d, conv2dTranspose, conv3dTranspose, depthwiseConv2d, separableConv2d):
// each mistake on its own property or on the layer, with its message (test/layers.test.ts: the runtime's text).
import { input, layers, sequential } from "shapecheck";

// prettier-ignore
export const e0 = layers.conv3d({ filters: 4, kernelSize: [3, 3] }); // error: conv3d({ filters: 4, kernelSize: [3, 3] }): kernelSize must be a number or a tuple of 3, not a tuple of 2
// prettier-ignore
export const e1 = sequential(input([4, 4, 4, 2]), layers.conv3d({ filters: 4, kernelSize: 5 })); // error: conv3d({ filters: 4, kernelSize: 5 }): the kernel (extent 5) is larger than the padded input (4) in input dimension 1
// prettier-ignore
export const e2 = layers.conv3d({ filters: 4, kernelSize: 3, strides: 2, dilationRate: 2 }); // error: conv3d({ filters: 4, kernelSize: 3, strides: 2, dilationRate: 2 }): strides and dilationRate cannot both be above 1 (TensorFlow.js)
// prettier-ignore
export const e3 = layers.conv2dTranspose({ filters: 4, kernelSize: 3, dilationRate: 2 }); // error: conv2dTranspose({ filters: 4, kernelSize: 3, dilationRate: 2 }): dilationRate above 1 is ignored by TensorFlow.js's Conv2DTranspose (its output would not be dilated)
// prettier-ignore
export const e4 = layers.conv2dTranspose({ filters: 4, kernelSize: 3, padding: "causal" }); // error: conv2dTranspose({ filters: 4, kernelSize: 3, padding: 'causal' }): padding 'causal' is not implemented in TensorFlow.js
// prettier-ignore
export const e5 = layers.conv3dTranspose({ filters: 0, kernelSize: 3 }); // error: conv3dTranspose({ filters: 0, kernelSize: 3 }): filters must be a positive integer, not 0
// prettier-ignore
export const e6 = sequential(input([8, 8, 3]), layers.conv3dTranspose({ filters: 4, kernelSize: 3 })); // error: conv3dTranspose({ filters: 4, kernelSize: 3 }): expects an input [batch, depth, height, width, channels] (rank 5), got rank 4
// prettier-ignore
export const e7 = sequential(input([8, 8, "c"]), layers.conv2dTranspose({ filters: 4, kernelSize: 3 })); // error: conv2dTranspose({ filters: 4, kernelSize: 3 }): the channel dimension (axis 3) must be known: TensorFlow.js sizes the kernel from it
// prettier-ignore
export const e8 = layers.depthwiseConv2d({ kernelSize: 3, depthMultiplier: 0 }); // error: depthwiseConv2d({ kernelSize: 3, depthMultiplier: 0 }): depthMultiplier must be a positive integer, not 0
// prettier-ignore
export const e9 = layers.depthwiseConv2d({ kernelSize: 3, dilationRate: 2 }); // error: depthwiseConv2d({ kernelSize: 3, dilationRate: 2 }): dilationRate above 1 is ignored by TensorFlow.js's DepthwiseConv2D (its output would not be dilated)
// prettier-ignore
export const e10 = layers.depthwiseConv2d({ kernelSize: 3, filters: 8 }); // error: depthwiseConv2d({ kernelSize: 3 }): filters is not an option of TensorFlow.js's depthwiseConv2d
// prettier-ignore
export const e11 = sequential(input([2, 2, 3]), layers.depthwiseConv2d({ kernelSize: 3 })); // error: depthwiseConv2d({ kernelSize: 3 }): the kernel (extent 3) is larger than the padded input (2) in input dimension 1
// prettier-ignore
export const e12 = layers.separableConv2d({ filters: 8, kernelSize: 3, dataFormat: "channelsFirst" }); // error: separableConv2d({ filters: 8, kernelSize: 3, dataFormat: 'channelsFirst' }): dataFormat 'channelsFirst' is not supported: TensorFlow.js's SeparableConv2D gets it wrong (use channels last)
// prettier-ignore
export const e13 = layers.separableConv2d({ filters: 8, kernelSize: 3, strides: 2, dilationRate: 2 }); // error: separableConv2d({ filters: 8, kernelSize: 3, strides: 2, dilationRate: 2 }): strides and dilationRate cannot both be above 1 (TensorFlow.js)
// prettier-ignore
export const e14 = layers.separableConv2d({ filters: 8, kernelSize: 3, kernelInitializer: "zeros" }); // error: separableConv2d({ filters: 8, kernelSize: 3 }): kernelInitializer is not an option of TensorFlow.js's separableConv2d
// prettier-ignore
export const e15 = sequential(input([8, 8]), layers.separableConv2d({ filters: 8, kernelSize: 3 })); // error: separableConv2d({ filters: 8, kernelSize: 3 }): expects an input [batch, height, width, channels] (rank 4), got rank 3
