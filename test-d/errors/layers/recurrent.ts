// layers (issue 16): simpleRNN, lstm, gru, rnn with the cells, stackedRNNCells, convLstm2d, timeDistributed and
// bidirectional: one line per mistake. Runtime twin: test/layers-recurrent.test.ts (same texts).
import { input, layers, sequential } from "shapecheck";

export const units = layers.lstm({ units: 0 }); // error: lstm({ units: 0 }): units must be a positive integer, not 0
export const misspelt = layers.gru({ units: 4, return_sequences: true }); // error: gru({ units: 4 }): return_sequences is not an option of TensorFlow.js's gru; did you mean `returnSequences`?
export const stateful = layers.simpleRNN({ units: 4, stateful: true }); // error: simpleRNN({ units: 4 }): stateful is not supported: TensorFlow.js needs the batch size fixed in the model for it
export const resetAfter = layers.gruCell({ units: 4, resetAfter: true }); // error: gruCell({ units: 4 }): resetAfter true is not supported by TensorFlow.js's GRUCell
export const noCell = layers.rnn({ cell: [] }); // error: rnn({ cell: [] }): cell must hold at least one cell
export const noCells = layers.stackedRNNCells({ cells: [] }); // error: stackedRNNCells({ cells: … }): cells must hold at least one cell
export const causal = layers.convLstm2d({ filters: 2, kernelSize: 3, padding: "causal" }); // error: convLstm2d({ filters: 2, kernelSize: 3, padding: 'causal' }): padding 'causal' is not implemented in TensorFlow.js
export const unroll = layers.convLstm2d({ filters: 2, kernelSize: 3, unroll: true }); // error: convLstm2d({ filters: 2, kernelSize: 3 }): unroll is not possible with convolutional RNNs (TensorFlow.js)
export const rnnInside = layers.bidirectional({ layer: layers.rnn({ cell: layers.lstmCell({ units: 3 }) }) }); // error: bidirectional({ layer: … }): layer must be a recurrent layer of layers (simpleRNN, lstm, gru or convLstm2d)
export const notRecurrent = layers.bidirectional({ layer: layers.dense({ units: 3 }) }); // error: bidirectional({ layer: … }): layer must be a recurrent layer of layers (simpleRNN, lstm, gru or convLstm2d)

export const rank = sequential(
  input([10]),
  layers.lstm({ units: 8 }), // error: lstm({ units: 8 }): expects an input [batch, time, features] (rank 3), got rank 2 (input [number, 10])
);
export const returnState = sequential(
  input([10, 4]),
  layers.lstm({ units: 8, returnState: true }), // error: lstm({ units: 8, returnState: true }): returnState gives several outputs (the output and the states): call the layer on a symbolic tensor, layer.call(x), in the functional API (input [number, 10, 4])
);
export const cellAsLayer = sequential(
  input([10, 4]),
  layers.lstmCell({ units: 8 }), // error: lstmCell({ units: 8 }): a cell is not a layer: give it to layers.rnn({ cell }) or layers.stackedRNNCells({ cells }) (input [number, 10, 4])
);
export const kernel = sequential(
  input([5, 10, 2, 3]),
  layers.convLstm2d({ filters: 4, kernelSize: 3 }), // error: convLstm2d({ filters: 4, kernelSize: 3 }): the kernel (extent 3) is larger than the padded input (2) in input dimension 3
);
export const convRank = sequential(
  input([10, 10, 2]),
  layers.convLstm2d({ filters: 4, kernelSize: 3 }), // error: convLstm2d({ filters: 4, kernelSize: 3 }): expects an input [batch, time, height, width, channels] (rank 5), got rank 4 (input [number, 10, 10, 2])
);
export const step = sequential(
  input([10, 8]),
  layers.timeDistributed({ layer: layers.dense({ units: 3, inputDim: 4 }) }), // error: timeDistributed({ layer: … }): dense({ units: 3, inputDim: 4 }): inputDim must equal the last input dimension 8 (input [number, 8])
);
export const timeRank = sequential(
  input([8]),
  layers.timeDistributed({ layer: layers.dense({ units: 3 }) }), // error: timeDistributed({ layer: … }): expects an input [batch, time, ...] (rank 3 or more), got rank 2 (input [number, 8])
);
export const inner = sequential(
  input([10]),
  layers.bidirectional({ layer: layers.lstm({ units: 8 }) }), // error: bidirectional({ layer: … }): lstm({ units: 8 }): expects an input [batch, time, features] (rank 3), got rank 2 (input [number, 10])
);
export const convCell = layers.rnn({ cell: layers.convLstm2dCell({ filters: 2, kernelSize: 3 }) }); // error: rnn({ cell: … }): cell cannot hold a convLstm2dCell: TensorFlow.js's RNN takes [batch, time, features] inputs (use layers.convLstm2d)
export const convCellDilated = layers.convLstm2dCell({ filters: 2, kernelSize: 3, strides: 2, dilationRate: 2 }); // error: convLstm2dCell({ filters: 2, kernelSize: 3, strides: 2, dilationRate: 2 }): strides and dilationRate cannot both be above 1 (TensorFlow.js)
// returnState in the functional API: the call's input is checked as the layer's
export const callRank = layers.lstm({ units: 8, returnState: true }).call(input([10])); // error: lstm({ units: 8, returnState: true }): expects an input [batch, time, features] (rank 3), got rank 2
export const wrappedState = layers.bidirectional({ layer: layers.lstm({ units: 8, returnState: true }) }); // error: bidirectional({ layer: … }): the wrapped layer's returnState is not supported (it gives several outputs)
export const distributedState = layers.timeDistributed({ layer: layers.gru({ units: 2, returnState: true }) }); // error: timeDistributed({ layer: … }): the wrapped layer's returnState is not supported (it gives several outputs)
