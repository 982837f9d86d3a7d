// Layer norm: normalizedShape positive sizes, equal to the last input dimensions.
// Each line gets the message of its ShapeError at run time (test/nn-errors.test.ts evaluates every line).
import { input, nn, sequential } from "shapecheck";

nn.layerNorm([]); // error: "layerNorm([]): normalizedShape must hold at least one size"
nn.layerNorm(0); // error: "layerNorm(0): normalizedShape must be a positive integer, not 0"
nn.layerNorm([3, -4]); // error: "layerNorm([3, -4]): normalizedShape must be a positive integer, not -4"
sequential(input([10, 512]), nn.layerNorm(256)); // error: "layerNorm(256): normalizedShape must equal the last input dimension 512 (input [number, 10, 512])"
sequential(input([10, 512]), nn.layerNorm([12, 512])); // error: "layerNorm([12, 512]): normalizedShape must equal the last 2 input dimensions [10, 512] (input [number, 10, 512])"
sequential(input([null, 512]), nn.layerNorm([12, 256])); // error: "layerNorm([12, 256]): normalizedShape must equal the last 2 input dimensions [number, 512] (input [number, number, 512])"
sequential(input([512]), nn.layerNorm([3, 10, 512])); // error: "layerNorm([3, 10, 512]): expects an input [..., 3, 10, 512] (rank 3 or more), got rank 2 (input [number, 512])"
