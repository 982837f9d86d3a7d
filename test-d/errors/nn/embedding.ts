// Embedding: sizes, and paddingIdx an index of the table.
// Each line gets the message of its ShapeError at run time (test/nn-errors.test.ts evaluates every line).
import { nn } from "shapecheck";

nn.embedding(0, 300); // error: "embedding(0, 300): numEmbeddings must be a positive integer, not 0"
nn.embedding(10000, 2.5); // error: "embedding(10000, 2.5): embeddingDim must be a positive integer, not 2.5"
nn.embedding(10, 3, { paddingIdx: 10 }); // error: "embedding(10, 3): paddingIdx (10) must be an index of the table, from -10 to 9"
nn.embedding(10, 3, { paddingIdx: -11 }); // error: "embedding(10, 3): paddingIdx (-11) must be an index of the table, from -10 to 9"
nn.embedding(10, 3, { paddingIdx: 1.5 }); // error: "embedding(10, 3): paddingIdx (1.5) must be an index of the table, from -10 to 9"
