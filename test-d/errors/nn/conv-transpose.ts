// Transposed convolutions: sizes, PyTorch's outputPadding rule, groups, channels, and an output of at least 1.
// Each line gets the message of its ShapeError at run time (test/nn-errors.test.ts evaluates every line).
import { input, nn, sequential } from "shapecheck";

nn.convTranspose2d(0, 8, 3); // error: "convTranspose2d(0, 8, 3): inChannels must be a positive integer, not 0"
nn.convTranspose2d(16, 8, [3, 3, 3]); // error: "convTranspose2d(16, 8, [3, 3, 3]): kernelSize must be a number or a tuple of 2, not a tuple of 3"
nn.convTranspose1d(16, 8, 3, 0); // error: "convTranspose1d(16, 8, 3, 0): stride must be a positive integer, not 0"
nn.convTranspose2d(16, 8, 3, 2, -1); // error: "convTranspose2d(16, 8, 3, 2, -1): padding must be a non-negative integer, not -1"
nn.convTranspose2d(16, 8, 3, 2, 1, 2); // error: "convTranspose2d(16, 8, 3, 2, 1, 2): outputPadding (2) must be smaller than either stride (2) or dilation (1)"
nn.convTranspose2d(16, 8, 3, 2, 1, -1); // error: "convTranspose2d(16, 8, 3, 2, 1, -1): outputPadding must be a non-negative integer, not -1"
nn.convTranspose2d(16, 8, 3, 2, 1, [1, 1, 1]); // error: "convTranspose2d(16, 8, 3, 2, 1, [1, 1, 1]): outputPadding must be a number or a tuple of 2, not a tuple of 3"
nn.convTranspose2d(16, 8, 3, { stride: 2, outputPadding: [1, 2], dilation: 2 }); // error: "convTranspose2d(16, 8, 3, { stride: 2, outputPadding: [1, 2], dilation: 2 }): outputPadding (2) must be smaller than either stride (2) or dilation (2)"
nn.convTranspose1d(16, 8, 3, { outputPadding: 1 }); // error: "convTranspose1d(16, 8, 3, 1, 0, 1): outputPadding (1) must be smaller than either stride (1) or dilation (1)"
nn.convTranspose2d(16, 8, 3, { dilation: 0 }); // error: "convTranspose2d(16, 8, 3, { dilation: 0 }): dilation must be a positive integer, not 0"
nn.convTranspose2d(16, 8, 3, { groups: 3 }); // error: "convTranspose2d(16, 8, 3, { groups: 3 }): groups (3) must divide inChannels (16) and outChannels (8)"
sequential(input([15, 7, 7]), nn.convTranspose2d(16, 8, 3)); // error: "convTranspose2d(16, 8, 3): inChannels must equal the input's channel dimension 15 (input [number, 15, 7, 7])"
sequential(input([16, 1, 1]), nn.convTranspose2d(16, 8, 1, 1, 3)); // error: "convTranspose2d(16, 8, 1, 1, 3): the output size in input dimension 2 would be -5; (L − 1)·stride − 2·padding + dilation·(kernel − 1) + outputPadding + 1 must be at least 1 (input [number, 16, 1, 1])"
sequential(input([16, 5, 1]), nn.convTranspose2d(16, 8, 1, 2, 1)); // error: "convTranspose2d(16, 8, 1, 2, 1): the output size in input dimension 3 would be -1; (L − 1)·stride − 2·padding + dilation·(kernel − 1) + outputPadding + 1 must be at least 1 (input [number, 16, 5, 1])"
sequential(input([4, 1]), nn.convTranspose1d(4, 4, 1, { padding: 1, dilation: 2 })); // error: "convTranspose1d(4, 4, 1, { padding: 1, dilation: 2 }): the output size in input dimension 2 would be -1; (L − 1)·stride − 2·padding + dilation·(kernel − 1) + outputPadding + 1 must be at least 1 (input [number, 4, 1])"
sequential(input([16, 7]), nn.convTranspose2d(16, 8, 3)); // error: "convTranspose2d(16, 8, 3): expects an input [batch, channels, height, width] (rank 4), got rank 3 (input [number, 16, 7])"
sequential(input([16, 7, 7]), nn.convTranspose1d(16, 8, 3)); // error: "convTranspose1d(16, 8, 3): expects an input [batch, channels, length] (rank 3), got rank 4 (input [number, 16, 7, 7])"
