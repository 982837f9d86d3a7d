// LSTM / GRU: sizes and options, inputSize equal to the feature dimension, [batch, seq, features] inputs.
// Each line gets the message of its ShapeError at run time (test/nn-errors.test.ts evaluates every line).
import { input, nn, sequential } from "shapecheck";

nn.lstm(0, 128); // error: "lstm(0, 128): inputSize must be a positive integer, not 0"
nn.gru(300, -1); // error: "gru(300, -1): hiddenSize must be a positive integer, not -1"
nn.lstm(300, 128, { numLayers: 0 }); // error: "lstm(300, 128, { numLayers: 0 }): numLayers must be a positive integer, not 0"
nn.gru(300, 128, { numLayers: 1.5 }); // error: "gru(300, 128, { numLayers: 1.5 }): numLayers must be a positive integer, not 1.5"
nn.lstm(300, 128, { dropout: 1.5 }); // error: "lstm(300, 128): dropout must be a probability between 0 and 1, not 1.5"
nn.gru(300, 128, { dropout: -0.5 }); // error: "gru(300, 128): dropout must be a probability between 0 and 1, not -0.5"
nn.lstm(300, 128, { projSize: 128 }); // error: "lstm(300, 128, { projSize: 128 }): projSize (128) must be smaller than hiddenSize (128)"
nn.lstm(300, 128, { projSize: -1 }); // error: "lstm(300, 128, { projSize: -1 }): projSize must be a non-negative integer, not -1"
sequential(input([12, 300]), nn.lstm(200, 128)); // error: "lstm(200, 128): inputSize must equal the last input dimension 300 (input [number, 12, 300])"
sequential(input([12, 300]), nn.lstm(300, 128, { bidirectional: true }), nn.gru(128, 64)); // error: "gru(128, 64): inputSize must equal the last input dimension 256 (input [number, 12, 256])"
sequential(input([300]), nn.gru(300, 128)); // error: "gru(300, 128): expects an input [batch, seq, features] (rank 3), got rank 2 (input [number, 300])"
sequential(input([2, 12, 300]), nn.lstm(300, 128, { numLayers: 2 })); // error: "lstm(300, 128, { numLayers: 2 }): expects an input [batch, seq, features] (rank 3), got rank 4 (input [number, 2, 12, 300])"
