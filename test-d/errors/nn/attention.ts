// Multi-head attention: numHeads divides embedDim, embedDim equal to the last dimension of [batch, seq, embedDim].
// Each line gets the message of its ShapeError at run time (test/nn-errors.test.ts evaluates every line).
import { input, nn, sequential } from "shapecheck";

nn.multiheadAttention(20, 6); // error: "multiheadAttention(20, 6): numHeads (6) must divide embedDim (20)"
nn.multiheadAttention(512, 0); // error: "multiheadAttention(512, 0): numHeads must be a positive integer, not 0"
nn.multiheadAttention(0, 8); // error: "multiheadAttention(0, 8): embedDim must be a positive integer, not 0"
sequential(input([10, 256]), nn.multiheadAttention(512, 8)); // error: "multiheadAttention(512, 8): embedDim must equal the last input dimension 256 (input [number, 10, 256])"
sequential(input([512]), nn.multiheadAttention(512, 8)); // error: "multiheadAttention(512, 8): expects an input [batch, seq, embedDim] (rank 3), got rank 2 (input [number, 512])"
sequential(input([2, 10, 512]), nn.multiheadAttention(512, 8)); // error: "multiheadAttention(512, 8): expects an input [batch, seq, embedDim] (rank 3), got rank 4 (input [number, 2, 10, 512])"
