// Pooling: padding at most half the kernel, windows that fit, stride and sizes.
// Each line gets the message of its ShapeError at run time (test/nn-errors.test.ts evaluates every line).
import { input, nn, sequential } from "shapecheck";

nn.maxPool2d(0); // error: "maxPool2d(0): kernelSize must be a positive integer, not 0"
nn.maxPool2d(2, 0); // error: "maxPool2d(2, 0): stride must be a positive integer, not 0"
nn.maxPool2d([2, 2, 2]); // error: "maxPool2d([2, 2, 2]): kernelSize must be a number or a tuple of 2, not a tuple of 3"
nn.maxPool2d(3, 2, 2); // error: "maxPool2d(3, 2, 2): padding (2) must be at most half the kernel size (3)"
nn.maxPool2d(3, { padding: [1, 2] }); // error: "maxPool2d(3, 3, [1, 2]): padding (2) must be at most half the kernel size (3)"
nn.avgPool1d(4, { padding: 3 }); // error: "avgPool1d(4, 4, 3): padding (3) must be at most half the kernel size (4)"
nn.maxPool2d(3, { dilation: 0 }); // error: "maxPool2d(3, { dilation: 0 }): dilation must be a positive integer, not 0"
nn.avgPool2d(2, 2, -1); // error: "avgPool2d(2, 2, -1): padding must be a non-negative integer, not -1"
sequential(input([3, 1, 8]), nn.maxPool2d(2)); // error: "maxPool2d(2): the kernel (extent 2) is larger than the padded input (1) in input dimension 2 (input [number, 3, 1, 8])"
sequential(input([3, 4]), nn.maxPool1d(3, { dilation: 2 })); // error: "maxPool1d(3, { dilation: 2 }): the kernel (extent 5) is larger than the padded input (4) in input dimension 2 (input [number, 3, 4])"
sequential(input([3, 2]), nn.avgPool1d(3)); // error: "avgPool1d(3): the kernel (extent 3) is larger than the padded input (2) in input dimension 2 (input [number, 3, 2])"
sequential(input([3, 2]), nn.avgPool1d(4, { stride: 1, ceilMode: true })); // error: "avgPool1d(4, { stride: 1, ceilMode: true }): the kernel (extent 4) is larger than the padded input (2) in input dimension 2 (input [number, 3, 2])"
sequential(input([3, 8]), nn.maxPool2d(2)); // error: "maxPool2d(2): expects an input [batch, channels, height, width] (rank 4), got rank 3 (input [number, 3, 8])"
sequential(input([3, 8, 8, 8]), nn.avgPool1d(2)); // error: "avgPool1d(2): expects an input [batch, channels, length] (rank 3), got rank 5 (input [number, 3, 8, 8, 8])"
