// RNNCell, LSTMCell, GRUCell: sizes, bias and nonlinearity (positional in PyTorch's order or as options),
// [batch, inputSize] inputs (PyTorch's unbatched [inputSize] needs its batch dimension here).
// Each line gets the message of its ShapeError at run time (test/nn-errors.test.ts evaluates every line).
import { input, nn, sequential } from "shapecheck";

nn.rnnCell(10, 0); // error: "rnnCell(10, 0): hiddenSize must be a positive integer, not 0"
nn.lstmCell(2.5, 20); // error: "lstmCell(2.5, 20): inputSize must be a positive integer, not 2.5"
nn.rnnCell(10, 20, true, "sigmoid"); // error: "rnnCell(10, 20): nonlinearity must be 'tanh' or 'relu'"
nn.rnnCell(10, 20, { nonlinearity: "gelu" }); // error: "rnnCell(10, 20): nonlinearity must be 'tanh' or 'relu'"
nn.gruCell(10, 20, { bias: 1 }); // error: "gruCell(10, 20): bias must be true or false"
nn.lstmCell(10, 20, { useBias: false }); // error: "lstmCell(10, 20): useBias is not an option of nn.lstmCell; did you mean `bias`?"
nn.gruCell(10, 20, { nonlinearity: "relu" }); // error: "gruCell(10, 20): nonlinearity is not an option of nn.gruCell"
nn.rnnCell(10, 20, true, { bias: false }); // error: "rnnCell(10, 20): bias is given twice, as an argument and as an option"
sequential(input([12]), nn.lstmCell(10, 20)); // error: "lstmCell(10, 20): inputSize must equal the last input dimension 12 (input [number, 12])"
sequential(input([10]), nn.gruCell(10, 20), nn.rnnCell(10, 5)); // error: "rnnCell(10, 5): inputSize must equal the last input dimension 20 (input [number, 20])"
sequential(input([5, 10]), nn.gruCell(10, 20)); // error: "gruCell(10, 20): expects an input [batch, inputSize] (rank 2), got rank 3 (input [number, 5, 10])"
