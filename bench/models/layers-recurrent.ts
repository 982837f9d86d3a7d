// layers' recurrent factories (issue 16) once each: simpleRNN, lstm, gru, rnn with the cells and stackedRNNCells,
// convLstm2d, timeDistributed and bidirectional (bench/budgets.json: "bench/models/layers-recurrent.ts").
import { input, layers, sequential, type OutputShape } from "shapecheck";

export const video = sequential(
  input([6, 16, 16, 3]),
  layers.convLstm2d({ filters: 4, kernelSize: 3, returnSequences: true }),
  layers.timeDistributed({ layer: layers.flatten() }),
  layers.bidirectional({ layer: layers.lstm({ units: 8, returnSequences: true }) }),
  layers.gru({ units: 8, returnSequences: true }),
  layers.simpleRNN({ units: 8, returnSequences: true }),
  layers.rnn({
    cell: layers.stackedRNNCells({
      cells: [layers.simpleRNNCell({ units: 4 }), layers.lstmCell({ units: 4 }), layers.gruCell({ units: 3 })],
    }),
  }),
);
export type Out = OutputShape<typeof video>; // [number, 3]
