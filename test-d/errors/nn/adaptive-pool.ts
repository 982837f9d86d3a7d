// Adaptive pooling: outputSize non-negative integers (null keeps a size, 2d only), one per spatial dimension.
// Each line gets the message of its ShapeError at run time (test/nn-errors.test.ts evaluates every line).
import { input, nn, sequential } from "shapecheck";

nn.adaptiveAvgPool1d(-1); // error: "adaptiveAvgPool1d(-1): outputSize must be a non-negative integer, not -1"
nn.adaptiveAvgPool1d(2.5); // error: "adaptiveAvgPool1d(2.5): outputSize must be a non-negative integer, not 2.5"
nn.adaptiveAvgPool1d([4, 4]); // error: "adaptiveAvgPool1d([4, 4]): outputSize must be a number or a tuple of 1, not a tuple of 2"
nn.adaptiveAvgPool2d([null, -2]); // error: "adaptiveAvgPool2d([null, -2]): outputSize must be a non-negative integer, not -2"
nn.adaptiveAvgPool2d([2, 3, 4]); // error: "adaptiveAvgPool2d([2, 3, 4]): outputSize must be a number or a tuple of 2, not a tuple of 3"
nn.adaptiveMaxPool2d(-3); // error: "adaptiveMaxPool2d(-3): outputSize must be a non-negative integer, not -3"
nn.adaptiveMaxPool2d([7]); // error: "adaptiveMaxPool2d([7]): outputSize must be a number or a tuple of 2, not a tuple of 1"
sequential(input([16, 13]), nn.adaptiveAvgPool2d([3, 2])); // error: "adaptiveAvgPool2d([3, 2]): expects an input [batch, channels, height, width] (rank 4), got rank 3 (input [number, 16, 13])"
sequential(input([16, 13, 4, 4]), nn.adaptiveMaxPool2d(1)); // error: "adaptiveMaxPool2d(1): expects an input [batch, channels, height, width] (rank 4), got rank 5 (input [number, 16, 13, 4, 4])"
sequential(input([16, 13, 4]), nn.adaptiveAvgPool1d(1)); // error: "adaptiveAvgPool1d(1): expects an input [batch, channels, length] (rank 3), got rank 4 (input [number, 16, 13, 4])"
