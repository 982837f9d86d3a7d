// Each module of torch.nn's recurrent section added by issue 16 once (bench/budgets.json:
// "bench/models/nn-recurrent.ts"): the type-check cost of rnn, rnnCell, lstmCell and gruCell.
import { input, nn, sequential, type OutputShape } from "shapecheck";

export const net = sequential(
  input([12, 32]),
  nn.rnn(32, 16, 2, { bidirectional: true, nonlinearity: "relu" }),
  nn.flatten(),
  nn.rnnCell(384, 64),
  nn.lstmCell(64, 32, { bias: false }),
  nn.gruCell(32, 10, true),
);

export type Out = OutputShape<typeof net>; // [number, 10]
