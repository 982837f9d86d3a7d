// Issue 16's convolutions and poolings (convTranspose3d, lazyConv*, lazyConvTranspose*, unfold, fold, maxPool3d/avgPool3d and the
// average pooling options, lpPool, adaptive 1d/3d): each mistake with its message, the ShapeError's text at run time
// (test/nn-errors.test.ts evaluates every line).
import { input, nn, sequential } from "shapecheck";

// prettier-ignore
nn.convTranspose3d(4, 2, [2, 2]); // error: "convTranspose3d(4, 2, [2, 2]): kernelSize must be a number or a tuple of 3, not a tuple of 2"
// prettier-ignore
nn.convTranspose3d(4, 2, 3, { stride: 2, outputPadding: 2 }); // error: "convTranspose3d(4, 2, 3, 2, 0, 2): outputPadding (2) must be smaller than either stride (2) or dilation (1)"
// prettier-ignore
sequential(input([3, 4, 4, 4]), nn.convTranspose3d(4, 2, 3)); // error: "convTranspose3d(4, 2, 3): inChannels must equal the input's channel dimension 3 (input [number, 3, 4, 4, 4])"
// prettier-ignore
sequential(input([4, 4, 4]), nn.convTranspose3d(4, 2, 3)); // error: "convTranspose3d(4, 2, 3): expects an input [batch, channels, depth, height, width] (rank 5), got rank 4 (input [number, 4, 4, 4])"
// prettier-ignore
sequential(input([4, 1, 2, 2]), nn.convTranspose3d(4, 2, 1, 1, 1)); // error: "convTranspose3d(4, 2, 1, 1, 1): the output size in input dimension 2 would be -1; (L − 1)·stride − 2·padding + dilation·(kernel − 1) + outputPadding + 1 must be at least 1 (input [number, 4, 1, 2, 2])"
// prettier-ignore
nn.lazyConv2d(0, 3); // error: "lazyConv2d(0, 3): outChannels must be a positive integer, not 0"
// prettier-ignore
nn.lazyConv2d(5, 3, { groups: 2 }); // error: "lazyConv2d(5, 3, { groups: 2 }): groups (2) must divide outChannels (5)"
// prettier-ignore
nn.lazyConv1d(8, [3, 3]); // error: "lazyConv1d(8, [3, 3]): kernelSize must be a number or a tuple of 1, not a tuple of 2"
// prettier-ignore
nn.lazyConv2d(8, { kernelSize: 3 }); // error: "lazyConv2d(8, { … }): kernelSize is a required argument, not an option (PyTorch's order: outChannels, kernelSize, stride, padding)"
// prettier-ignore
sequential(input([3, 10, 10]), nn.lazyConv2d(8, 3, { groups: 2 })); // error: "lazyConv2d(8, 3, { groups: 2 }): groups (2) must divide the input's channel dimension 3 (input [number, 3, 10, 10])"
// prettier-ignore
sequential(input([3, 2, 2]), nn.lazyConv2d(8, 3)); // error: "lazyConv2d(8, 3): the kernel (extent 3) is larger than the padded input (2) in input dimension 2 (input [number, 3, 2, 2])"
// prettier-ignore
sequential(input([3, 10]), nn.lazyConv3d(8, 3)); // error: "lazyConv3d(8, 3): expects an input [batch, channels, depth, height, width] (rank 5), got rank 3 (input [number, 3, 10])"
// prettier-ignore
nn.lazyConvTranspose2d(8, 3, 2, 0, 2); // error: "lazyConvTranspose2d(8, 3, 2, 0, 2): outputPadding (2) must be smaller than either stride (2) or dilation (1)"
// prettier-ignore
sequential(input([3, 4]), nn.lazyConvTranspose1d(4, 3, { groups: 2 })); // error: "lazyConvTranspose1d(4, 3, { groups: 2 }): groups (2) must divide the input's channel dimension 3 (input [number, 3, 4])"
// prettier-ignore
nn.maxPool3d(2, { returnIndices: true }); // error: "maxPool3d(2): returnIndices must be false: shapecheck returns the output alone, not PyTorch's (output, indices)"
// prettier-ignore
nn.maxPool3d(3, 1, 2); // error: "maxPool3d(3, 1, 2): padding (2) must be at most half the kernel size (3)"
// prettier-ignore
nn.maxPool3d([2, 2]); // error: "maxPool3d([2, 2]): kernelSize must be a number or a tuple of 3, not a tuple of 2"
// prettier-ignore
nn.avgPool3d(2, { divisorOverride: 0 }); // error: "avgPool3d(2): divisorOverride must be a positive integer, not 0"
// prettier-ignore
nn.avgPool2d(2, { countIncludePad: 1 }); // error: "avgPool2d(2): countIncludePad must be true or false"
// prettier-ignore
nn.avgPool1d(2, { divisorOverride: 2 }); // error: "avgPool1d(2): divisorOverride is not an option of nn.avgPool1d"
// prettier-ignore
nn.avgPool3d(2, { dilation: 2 }); // error: "avgPool3d(2, { dilation: 2 }): dilation is not an option of nn.avgPool3d"
// prettier-ignore
sequential(input([3, 1, 8, 8]), nn.avgPool3d(2, { padding: 1 })); // error: "avgPool3d(2, 2, 1): the kernel (2) is larger than the input (1) in input dimension 2 (PyTorch's avgPool3d does not count the padding here) (input [number, 3, 1, 8, 8])"
// prettier-ignore
sequential(input([3, 1, 8, 8]), nn.maxPool3d(3)); // error: "maxPool3d(3): the kernel (extent 3) is larger than the padded input (1) in input dimension 2 (input [number, 3, 1, 8, 8])"
// prettier-ignore
nn.lpPool2d(0, 2); // error: "lpPool2d(0, 2): normType must be a positive number"
// prettier-ignore
nn.lpPool1d(2, [3]); // error: "lpPool1d(2, [3]): kernelSize must be a number (PyTorch's LPPool1d multiplies its output by it)"
// prettier-ignore
nn.lpPool2d(2, 2, { padding: 1 }); // error: "lpPool2d(2, 2): padding is not an option of nn.lpPool2d"
// prettier-ignore
nn.lpPool2d(2, 2, 2, { stride: 2 }); // error: "lpPool2d(2, 2): stride is given twice, as an argument and as an option"
// prettier-ignore
sequential(input([3, 8, 8]), nn.lpPool2d(2, 9)); // error: "lpPool2d(2, 9): the kernel (extent 9) is larger than the padded input (8) in input dimension 2 (input [number, 3, 8, 8])"
// prettier-ignore
sequential(input([3, 8]), nn.lpPool2d(2, 2)); // error: "lpPool2d(2, 2): expects an input [batch, channels, height, width] (rank 4), got rank 3 (input [number, 3, 8])"
// prettier-ignore
nn.adaptiveAvgPool3d([2, 2]); // error: "adaptiveAvgPool3d([2, 2]): outputSize must be a number or a tuple of 3, not a tuple of 2"
// prettier-ignore
nn.adaptiveMaxPool1d(-1); // error: "adaptiveMaxPool1d(-1): outputSize must be a non-negative integer, not -1"
// prettier-ignore
nn.adaptiveMaxPool3d([1, null, -2]); // error: "adaptiveMaxPool3d([1, null, -2]): outputSize must be a non-negative integer, not -2"
// prettier-ignore
sequential(input([3, 8, 8]), nn.adaptiveMaxPool3d(2)); // error: "adaptiveMaxPool3d(2): expects an input [batch, channels, depth, height, width] (rank 5), got rank 4 (input [number, 3, 8, 8])"
// prettier-ignore
nn.unfold(0); // error: "unfold(0): kernelSize must be a positive integer, not 0"
// prettier-ignore
nn.unfold([2, 2, 2]); // error: "unfold([2, 2, 2]): kernelSize must be a number or a tuple of 2, not a tuple of 3"
// prettier-ignore
nn.unfold(2, { stride: 0 }); // error: "unfold(2, { stride: 0 }): stride must be a positive integer, not 0"
// prettier-ignore
nn.unfold(2, { padding: -1 }); // error: "unfold(2, { padding: -1 }): padding must be a non-negative integer, not -1"
// prettier-ignore
nn.unfold(2, { strides: 2 }); // error: "unfold(2): strides is not an option of nn.unfold; did you mean `stride`?"
// prettier-ignore
nn.unfold({ kernelSize: 2 }); // error: "unfold({ … }): kernelSize is a required argument, not an option (PyTorch's order: kernelSize, dilation, padding, stride)"
// prettier-ignore
sequential(input([3, 4, 4, 4]), nn.unfold(2)); // error: "unfold(2): expects an input [batch, channels, height, width] (rank 4), got rank 5 (input [number, 3, 4, 4, 4])"
// prettier-ignore
sequential(input([3, 4, 4]), nn.unfold(5, { padding: [0, 1] })); // error: "unfold(5, { padding: [0, 1] }): the kernel (extent 5) is larger than the padded input (4) in input dimension 2 (input [number, 3, 4, 4])"
// prettier-ignore
nn.fold(0, 2); // error: "fold(0, 2): outputSize must be a positive integer, not 0"
// prettier-ignore
nn.fold([4, 5, 6], 2); // error: "fold([4, 5, 6], 2): outputSize must be a number or a tuple of 2, not a tuple of 3"
// prettier-ignore
nn.fold(4, [2, 2, 2]); // error: "fold(4, [2, 2, 2]): kernelSize must be a number or a tuple of 2, not a tuple of 3"
// prettier-ignore
nn.fold(4, 2, { stride: 0 }); // error: "fold(4, 2, { stride: 0 }): stride must be a positive integer, not 0"
// prettier-ignore
nn.fold(4, 2, { strides: 2 }); // error: "fold(4, 2): strides is not an option of nn.fold; did you mean `stride`?"
// prettier-ignore
nn.fold(3, 5); // error: "fold(3, 5): the kernel (extent 5) is larger than the padded output size (3) in output dimension 0"
// prettier-ignore
nn.fold([4, 2], 2, { dilation: [1, 3] }); // error: "fold([4, 2], 2, { dilation: [1, 3] }): the kernel (extent 4) is larger than the padded output size (2) in output dimension 1"
// prettier-ignore
sequential(input([7, 9]), nn.fold([4, 5], 2, { padding: 1, stride: 2 })); // error: "fold([4, 5], 2, { padding: 1, stride: 2 }): the input's dimension 1 (7) must be divisible by the kernel's size (4) (input [number, 7, 9])"
// prettier-ignore
sequential(input([12, 8]), nn.fold([4, 5], 2, { padding: 1, stride: 2 })); // error: "fold([4, 5], 2, { padding: 1, stride: 2 }): the input's dimension 2 (8) must equal the number of blocks of the output size (9) (input [number, 12, 8])"
// prettier-ignore
sequential(input([12, 9, 1]), nn.fold([4, 5], 2, { padding: 1, stride: 2 })); // error: "fold([4, 5], 2, { padding: 1, stride: 2 }): expects an input [batch, channels·kH·kW, blocks] (rank 3), got rank 4 (input [number, 12, 9, 1])"
