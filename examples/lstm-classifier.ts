// An LSTM classifier on the last time step: embedding, a 2-layer LSTM (batch first), the output at
// the last step (PyTorch's `out[:, -1]`, here `ops.select(out, 1, -1)`), and a linear layer to 5 classes.
import { graph, input, nn, ops } from "shapecheck";

const tokens = input(["seq"], { batch: "batch" });
const steps = tokens.pipe(nn.embedding(1000, 32), nn.lstm(32, 64, { numLayers: 2 })); // ["batch", "seq", 64]
export const logits = ops.select(steps, 1, -1).pipe(nn.linear(64, 5)); // ["batch", 5]

export const lstmClassifier = graph({ inputs: [tokens], outputs: [logits] });
