// A Transformer encoder block written by hand with `ops` (post-norm, as PyTorch's
// nn.TransformerEncoderLayer(d_model=64, nhead=4, batch_first=True) without dropout): q/k/v
// projections, heads by view + transpose, scaled dot-product attention, the heads merged again,
// residuals, layer norms and the MLP. The sequence length is a named dimension, "seq": every shape
// keeps it, and the attention scores are ["batch", 4, "seq", "seq"].
import { graph, input, nn, ops } from "shapecheck";

const x = input(["seq", 64], { batch: "batch" });
const q = ops.transpose(ops.view(x.pipe(nn.linear(64, 64)), ["batch", "seq", 4, 16]), 1, 2);
const k = ops.transpose(ops.view(x.pipe(nn.linear(64, 64)), ["batch", "seq", 4, 16]), 1, 2);
const v = ops.transpose(ops.view(x.pipe(nn.linear(64, 64)), ["batch", "seq", 4, 16]), 1, 2);
export const scores = ops.div(ops.matmul(q, ops.transpose(k, -2, -1)), 4); // ["batch", 4, "seq", "seq"], / √16
export const weights = ops.softmax(scores, -1);
const attended = ops.reshape(ops.transpose(ops.matmul(weights, v), 1, 2), ["batch", "seq", 64]);
const normed = ops.add(x, attended.pipe(nn.linear(64, 64))).pipe(nn.layerNorm(64));
const fed = normed.pipe(nn.linear(64, 256), nn.relu(), nn.linear(256, 64));
export const encoded = ops.add(normed, fed).pipe(nn.layerNorm(64)); // ["batch", "seq", 64]

export const transformerBlock = graph({ inputs: [x], outputs: [encoded] });
