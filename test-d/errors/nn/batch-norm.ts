// Batch norm: numFeatures a positive integer equal to the channel dimension; the input's rank.
// Each line gets the message of its ShapeError at run time (test/nn-errors.test.ts evaluates every line).
import { input, nn, sequential } from "shapecheck";

nn.batchNorm1d(0); // error: "batchNorm1d(0): numFeatures must be a positive integer, not 0"
nn.batchNorm2d(2.5); // error: "batchNorm2d(2.5): numFeatures must be a positive integer, not 2.5"
sequential(input([8, 6]), nn.batchNorm1d(12)); // error: "batchNorm1d(12): numFeatures must equal the input's channel dimension 8 (input [number, 8, 6])"
sequential(input([12]), nn.batchNorm1d(8)); // error: "batchNorm1d(8): numFeatures must equal the input's channel dimension 12 (input [number, 12])"
sequential(input([3, 32, 32]), nn.conv2d(3, 16, 3), nn.batchNorm2d(32)); // error: "batchNorm2d(32): numFeatures must equal the input's channel dimension 16 (input [number, 16, 30, 30])"
sequential(input([12, 3, 4]), nn.batchNorm1d(12)); // error: "batchNorm1d(12): expects an input [batch, channels] or [batch, channels, length] (rank 2 or 3), got rank 4 (input [number, 12, 3, 4])"
sequential(input([]), nn.batchNorm1d(12)); // error: "batchNorm1d(12): expects an input [batch, channels] or [batch, channels, length] (rank 2 or 3), got rank 1 (input [number])"
sequential(input([3, 5]), nn.batchNorm2d(3)); // error: "batchNorm2d(3): expects an input [batch, channels, height, width] (rank 4), got rank 3 (input [number, 3, 5])"
sequential(input([3, 5, 5, 5]), nn.batchNorm2d(3)); // error: "batchNorm2d(3): expects an input [batch, channels, height, width] (rank 4), got rank 5 (input [number, 3, 5, 5, 5])"
