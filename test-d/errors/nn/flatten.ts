// flatten: startDim and endDim in range (negative from the end), startDim not after endDim.
// Each line gets the message of its ShapeError at run time (test/nn-errors.test.ts evaluates every line).
import { input, nn, sequential } from "shapecheck";

sequential(input([3, 4]), nn.flatten(3)); // error: "flatten(3, -1): startDim 3 is out of range for an input of rank 3 (expected -3 to 2) (input [number, 3, 4])"
sequential(input([3, 4]), nn.flatten(-4)); // error: "flatten(-4, -1): startDim -4 is out of range for an input of rank 3 (expected -3 to 2) (input [number, 3, 4])"
sequential(input([3, 4]), nn.flatten(0, 3)); // error: "flatten(0, 3): endDim 3 is out of range for an input of rank 3 (expected -3 to 2) (input [number, 3, 4])"
sequential(input([3, 4]), nn.flatten(1, -4)); // error: "flatten(1, -4): endDim -4 is out of range for an input of rank 3 (expected -3 to 2) (input [number, 3, 4])"
sequential(input([3, 4]), nn.flatten(2, 1)); // error: "flatten(2, 1): startDim cannot come after endDim (input [number, 3, 4])"
sequential(input([3, 4]), nn.flatten(-1, -2)); // error: "flatten(-1, -2): startDim cannot come after endDim (input [number, 3, 4])"
sequential(input([]), nn.flatten()); // error: "flatten(): startDim 1 is out of range for an input of rank 1 (expected -1 to 0) (input [number])"
