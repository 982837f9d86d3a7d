// unflatten: sizes positive or one -1, multiplying out to the size of dim, dim in range.
// Each line gets the message of its ShapeError at run time (test/nn-errors.test.ts evaluates every line).
import { input, nn, sequential } from "shapecheck";

nn.unflatten(1, []); // error: "unflatten(1, []): sizes must hold at least one size"
nn.unflatten(1, [-1, -1]); // error: "unflatten(1, [-1, -1]): only one size can be -1 (inferred)"
nn.unflatten(1, [0, 2]); // error: "unflatten(1, [0, 2]): each size must be a positive integer or -1, not 0"
nn.unflatten(1, [-2, 2]); // error: "unflatten(1, [-2, 2]): each size must be a positive integer or -1, not -2"
nn.unflatten(1, [2, 1.5]); // error: "unflatten(1, [2, 1.5]): each size must be a positive integer or -1, not 1.5"
sequential(input([10, 6]), nn.unflatten(-1, [2, 4])); // error: "unflatten(-1, [2, 4]): the sizes multiply to 8, not to the size 6 of input dimension 2 (input [number, 10, 6])"
sequential(input([10, 6]), nn.unflatten(1, [3, 3])); // error: "unflatten(1, [3, 3]): the sizes multiply to 9, not to the size 10 of input dimension 1 (input [number, 10, 6])"
sequential(input([10, 6]), nn.unflatten(-1, [4, -1])); // error: "unflatten(-1, [4, -1]): the size 6 of input dimension 2 is not divisible by 4, the product of the sizes other than -1 (input [number, 10, 6])"
sequential(input([10, 6]), nn.unflatten(3, [2, -1])); // error: "unflatten(3, [2, -1]): dim 3 is out of range for an input of rank 3 (expected -3 to 2) (input [number, 10, 6])"
sequential(input([10, 6]), nn.unflatten(-4, [2, -1])); // error: "unflatten(-4, [2, -1]): dim -4 is out of range for an input of rank 3 (expected -3 to 2) (input [number, 10, 6])"
