// softmax / logSoftmax: dim in range; dropout: a probability.
// Each line gets the message of its ShapeError at run time (test/nn-errors.test.ts evaluates every line).
import { input, nn, sequential } from "shapecheck";

sequential(input([10]), nn.softmax(2)); // error: "softmax(2): dim 2 is out of range for an input of rank 2 (expected -2 to 1) (input [number, 10])"
sequential(input([10]), nn.softmax(-3)); // error: "softmax(-3): dim -3 is out of range for an input of rank 2 (expected -2 to 1) (input [number, 10])"
sequential(input([3, 4, 5]), nn.logSoftmax(4)); // error: "logSoftmax(4): dim 4 is out of range for an input of rank 4 (expected -4 to 3) (input [number, 3, 4, 5])"
sequential(input([3, 4, 5]), nn.logSoftmax(-5)); // error: "logSoftmax(-5): dim -5 is out of range for an input of rank 4 (expected -4 to 3) (input [number, 3, 4, 5])"
nn.dropout(1.5); // error: "dropout(1.5): p must be a probability between 0 and 1"
nn.dropout2d(-0.1); // error: "dropout2d(-0.1): p must be a probability between 0 and 1"
