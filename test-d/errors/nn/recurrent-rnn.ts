// RNN: sizes and options (nonlinearity "tanh" or "relu"), inputSize equal to the feature dimension, [batch, seq, features] inputs.
// Each line gets the message of its ShapeError at run time (test/nn-errors.test.ts evaluates every line).
import { input, nn, sequential } from "shapecheck";

nn.rnn(0, 16); // error: "rnn(0, 16): inputSize must be a positive integer, not 0"
nn.rnn(8, 16, { nonlinearity: "sigmoid" }); // error: "rnn(8, 16): nonlinearity must be 'tanh' or 'relu'"
nn.rnn(8, 16, { numLayers: 0 }); // error: "rnn(8, 16, { numLayers: 0 }): numLayers must be a positive integer, not 0"
nn.rnn(8, 16, { dropout: 1.5 }); // error: "rnn(8, 16): dropout must be a probability between 0 and 1, not 1.5"
nn.rnn(8, 16, { projSize: 4 }); // error: "rnn(8, 16, { projSize: 4 }): projSize is not an option of nn.rnn"
nn.rnn(8, 16, { nonLinearity: "relu" }); // error: "rnn(8, 16): nonLinearity is not an option of nn.rnn; did you mean `nonlinearity`?"
nn.rnn(8, 16, { batchFirst: false }); // error: "rnn(8, 16): batchFirst must be true: [batch, seq, features] is the only layout here"
sequential(input([12, 10]), nn.rnn(8, 16)); // error: "rnn(8, 16): inputSize must equal the last input dimension 10 (input [number, 12, 10])"
sequential(input([12, 8]), nn.rnn(8, 16, { bidirectional: true }), nn.rnn(16, 4)); // error: "rnn(16, 4): inputSize must equal the last input dimension 32 (input [number, 12, 32])"
sequential(input([8]), nn.rnn(8, 16)); // error: "rnn(8, 16): expects an input [batch, seq, features] (rank 3), got rank 2 (input [number, 8])"
