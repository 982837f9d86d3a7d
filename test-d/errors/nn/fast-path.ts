// Arguments that look plain at a glance but are not: the argument checks' fast path
// (types/shape/plain.ts) must step aside for each, so the full check writes its message.
import { input, nn, sequential } from "shapecheck";

nn.conv2d(3, 8, [3, 0]); // error: "conv2d(3, 8, [3, 0]): kernelSize must be a positive integer, not 0"
nn.conv2d(3, 8, 3, 1, 1.5); // error: "conv2d(3, 8, 3, 1, 1.5): padding must be a non-negative integer, not 1.5"
nn.conv2d(3, 8, 3, { padding: [1, -1] }); // error: "conv2d(3, 8, 3, 1, [1, -1]): padding must be a non-negative integer, not -1"
nn.conv2d(3, 8, 3, { stride: 2, padding: "same", bias: false }); // error: "conv2d(3, 8, 3, 2, 'same'): padding 'same' is not supported for strided convolutions (PyTorch)"
nn.conv2d(6, 8, 3, { padding: 1, groups: 4 }); // error: "conv2d(6, 8, 3, { padding: 1, groups: 4 }): groups (4) must divide inChannels (6) and outChannels (8)"
nn.conv2d(3, 8, 3, { stride: 1e21 }); // error: "conv2d(3, 8, 3, 1e+21): stride must be a positive integer, not 1e+21"
nn.conv2d(3, 8, [3, 3], [1, 1], [1, 1, 1]); // error: "conv2d(3, 8, [3, 3], [1, 1], [1, 1, 1]): padding must be a number or a tuple of 2, not a tuple of 3"
nn.maxPool2d(3, 2, 2); // error: "maxPool2d(3, 2, 2): padding (2) must be at most half the kernel size (3)"
nn.maxPool2d(3, { stride: 2, padding: 2 }); // error: "maxPool2d(3, 2, 2): padding (2) must be at most half the kernel size (3)"
nn.avgPool2d([3, 3], [2, 2], [2, 1]); // error: "avgPool2d([3, 3], [2, 2], [2, 1]): padding (2) must be at most half the kernel size (3)"
nn.maxPool2d(2, { dilation: [1, 0] }); // error: "maxPool2d(2, { dilation: [1, 0] }): dilation must be a positive integer, not 0"
nn.batchNorm2d(0.5); // error: "batchNorm2d(0.5): numFeatures must be a positive integer, not 0.5"
nn.adaptiveAvgPool2d([7, -7]); // error: "adaptiveAvgPool2d([7, -7]): outputSize must be a non-negative integer, not -7"
sequential(input([3, 32, 32]), nn.conv2d(3, 8, 4, 1, 1), nn.conv2d(8, 8, 3, 1, 1), nn.linear(8, 2)); // error: "linear(8, 2): inFeatures must equal the last input dimension 31 (input [number, 8, 31, 31])"
