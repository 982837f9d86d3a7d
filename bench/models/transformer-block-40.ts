// Issue 18's budget case: a Transformer block of 41 `ops` calls (and 8 layers), written by hand as
// examples/transformer-block.ts is, pre-norm: multi-head attention by view / transpose / matmul /
// softmax, a residual, a layer norm written with ops (mean, variance, rsqrt), an MLP with a sigmoid-
// approximated GELU, a second residual, then a squeeze-and-excitation style gate over the heads and a
// third residual. "seq" is a named dimension all along.
import { graph, input, nn, ops } from "shapecheck";

const x = input(["seq", 64], { batch: "batch" });
const h = x.pipe(nn.layerNorm(64));
const q = ops.transpose(ops.view(h.pipe(nn.linear(64, 64)), ["batch", "seq", 4, 16]), 1, 2);
const k = ops.transpose(ops.view(h.pipe(nn.linear(64, 64)), ["batch", "seq", 4, 16]), 1, 2);
const v = ops.transpose(ops.view(h.pipe(nn.linear(64, 64)), ["batch", "seq", 4, 16]), 1, 2);
const scores = ops.div(ops.matmul(q, ops.transpose(k, -2, -1)), 4);
const weights = ops.softmax(scores, -1);
const attended = ops.reshape(ops.transpose(ops.matmul(weights, v), 1, 2), ["batch", "seq", 64]);
const r1 = ops.add(x, attended.pipe(nn.linear(64, 64)));
// layer norm with ops: (r1 − mean) · rsqrt(variance + ε) · 1.5 + 0.1
const mu = ops.mean(r1, -1, { keepdim: true });
const centered = ops.sub(r1, mu);
const variance = ops.mean(ops.mul(centered, centered), -1, { keepdim: true });
const n1 = ops.add(ops.mul(ops.mul(centered, ops.rsqrt(ops.add(variance, 1e-5))), 1.5), 0.1);
// MLP: x · sigmoid(1.702 x) ≈ GELU
const up = n1.pipe(nn.linear(64, 256));
const gated = ops.mul(up, ops.sigmoid(ops.mul(up, 1.702)));
const r2 = ops.add(r1, gated.pipe(nn.linear(256, 64)));
// a gate per head channel from the sequence mean, a third residual
const split = ops.view(r2, ["batch", "seq", 4, 16]);
const pooled = ops.mean(split, 1, { keepdim: true });
const gate = ops.sigmoid(ops.sub(ops.mul(pooled, 2), 1));
const scaled = ops.reshape(ops.mul(split, gate), ["batch", "seq", 64]);
const mixed = ops.matmul(ops.transpose(scaled, 1, 2), scaled);
const spread = ops.div(ops.matmul(scaled, mixed), 64);
export const encoded = ops.add(r2, ops.tanh(ops.add(scaled, spread))).pipe(nn.layerNorm(64)); // ["batch", "seq", 64]

export const transformerBlock40 = graph({ inputs: [x], outputs: [encoded] });
