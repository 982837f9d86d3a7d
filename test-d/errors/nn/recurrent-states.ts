// Recurrent layers and cells called with their states (`lstm.call(input, [hx, cx])`): each argument is checked
// on its own, one error on the argument that does not fit (the state pair for an LSTM's hx or cx).
// Each line gets the message of its ShapeError at run time (test/nn-errors.test.ts evaluates every line).
import { input, nn } from "shapecheck";

nn.lstm(16, 32).call(input([10, 15])); // error: "lstm(16, 32): input [number, 10, 15]: its last dimension 15 must equal inputSize 16"
nn.gru(16, 32).call(input([16])); // error: "gru(16, 32): input must be [batch, seq, inputSize] (got [number, 16])"
nn.lstm(16, 32, 2).call(input([10, 16], { batch: 4 }), [input([4, 32], { batch: 1 }), input([4, 32], { batch: 2 })]); // error: "lstm(16, 32, { numLayers: 2 }): hx [1, 4, 32]: its first dimension 1 must equal numLayers·directions 2"
// prettier-ignore
nn.lstm(16, 32, { projSize: 8 }).call(input([10, 16], { batch: 4 }), [input([4, 32], { batch: 1 }), input([4, 32], { batch: 1 })]); // error: "lstm(16, 32, { projSize: 8 }): hx [1, 4, 32]: its last dimension 32 must equal projSize 8"
nn.lstm(16, 32).call(input([10, 16], { batch: 4 }), [input([4, 32], { batch: 1 }), input([3, 32], { batch: 1 })]); // error: "lstm(16, 32): cx [1, 3, 32]: its batch 3 must equal input's batch 4"
nn.gru(16, 32, { bidirectional: true }).call(input([10, 16], { batch: 4 }), input([4, 32], { batch: 1 })); // error: "gru(16, 32, { bidirectional: true }): hx [1, 4, 32]: its first dimension 1 must equal numLayers·directions 2"
nn.rnn(16, 32).call(input([10, 16], { batch: 4 }), input([32], { batch: 4 })); // error: "rnn(16, 32): hx must be [numLayers·directions, batch, hiddenSize] (got [4, 32])"
nn.rnnCell(16, 8).call(input([15])); // error: "rnnCell(16, 8): input [number, 15]: its last dimension 15 must equal inputSize 16"
nn.gruCell(16, 8).call(input([16], { batch: 3 }), input([8], { batch: 2 })); // error: "gruCell(16, 8): hx [2, 8]: its batch 2 must equal input's batch 3"
nn.lstmCell(16, 8).call(input([16], { batch: 3 }), [input([8], { batch: 3 }), input([4], { batch: 3 })]); // error: "lstmCell(16, 8): cx [3, 4]: its last dimension 4 must equal hiddenSize 8"
