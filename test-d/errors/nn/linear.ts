// linear and lazyLinear: sizes, and inFeatures against the last input dimension.
// Each line gets the message of its ShapeError at run time (test/nn-errors.test.ts evaluates every line).
import { input, nn, sequential } from "shapecheck";

nn.linear(0, 3); // error: "linear(0, 3): inFeatures must be a positive integer, not 0"
nn.linear(3, -1); // error: "linear(3, -1): outFeatures must be a positive integer, not -1"
nn.linear(3, 2.5); // error: "linear(3, 2.5): outFeatures must be a positive integer, not 2.5"
nn.lazyLinear(0); // error: "lazyLinear(0): outFeatures must be a positive integer, not 0"
sequential(input([64, 12, 12]), nn.flatten(), nn.linear(9000, 128)); // error: "linear(9000, 128): inFeatures must equal the last input dimension 9216 (input [number, 64·12·12 = 9216])"
sequential(input([10, 20]), nn.linear(10, 5)); // error: "linear(10, 5): inFeatures must equal the last input dimension 20 (input [number, 10, 20])"
