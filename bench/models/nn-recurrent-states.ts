// The recurrent layers called with their states once each (bench/budgets.json: "bench/models/nn-recurrent-states.ts"):
// an LSTM seq2seq encoder-decoder (the encoder's [h, c] as the decoder's initial state), gru and rnn with a state,
// the three cells with theirs.
import { graph, input, nn } from "shapecheck";

const source = input([12, 32]);
const target = input([9, 16]);
const [, [h, c]] = nn.lstm(32, 64, 2).call(source);
const [decoded] = nn.lstm(16, 64, 2).call(target, [h, c]);
const [, hGru] = nn.gru(32, 64, 2).call(source);
const [out] = nn.rnn(64, 64, 2).call(decoded, hGru);
const last = out.pipe(nn.flatten(), nn.linear(576, 64));
const [hCell, cCell] = nn.lstmCell(64, 64).call(last, [last, last]);
const step = nn.gruCell(64, 64).call(hCell, cCell);
const scores = nn.rnnCell(64, 10).call(step);

export const net = graph({ inputs: [source, target], outputs: [scores] });
