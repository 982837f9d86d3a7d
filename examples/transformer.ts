// A Transformer encoder layer as PyTorch's nn.TransformerEncoderLayer(d_model=512, nhead=8,
// dim_feedforward=2048, batch_first=True) computes it (post-norm): x = norm1(x + selfAttention(x));
// x = norm2(x + feedForward(x)). The sequence length is a named dimension, "seq".
import { input, nn, sequential } from "shapecheck";

export const transformerEncoderLayer = sequential(
  input(["seq", 512], { batch: "batch" }),
  nn.residual(nn.multiheadAttention(512, 8), nn.dropout(0.1)),
  nn.layerNorm(512),
  nn.residual(nn.linear(512, 2048), nn.relu(), nn.dropout(0.1), nn.linear(2048, 512), nn.dropout(0.1)),
  nn.layerNorm(512),
);
