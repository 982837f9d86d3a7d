// Issue 5: every layer in SPEC.md trains on every backend (wasm and cpu here). Each entry is a tiny
// model holding that layer (after a conv or linear when the layer has no weights, so gradients must
// flow through it), with a small head that makes an NLL loss; two Adam steps must give finite
// losses and change every trainable weight of the model.
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import * as tf from "@tensorflow/tfjs-core";
import * as tfl from "@tensorflow/tfjs-layers";
import { input, layers, nn, sequential, type Sequential, type Shape } from "../src/index.ts";
import { build, load, ready } from "../src/tfjs.ts";

/** Any sequential, loosely typed (each entry's own type is checked where it is written). */
type Net = Pick<Sequential<Shape, Shape>, "kind" | "~shapes">;

interface Entry {
  readonly name: string;
  /** The model, ending in log-probabilities over 3 classes. */
  readonly net: () => Net;
  /** One example's shape. */
  readonly example: readonly number[];
  /** Integer inputs below this (embeddings); default: floats N(0, 1). */
  readonly vocabulary?: number;
  /** Expected to fail: why (node:test's todo). */
  readonly todo?: string;
}

const BATCH = 4;
const CLASSES = 3;

/** flatten → lazyLinear(3) → logSoftmax: the head after the layer under test. */
const head = () => [nn.flatten(), nn.lazyLinear(CLASSES), nn.logSoftmax(1)] as const;
const net = <N>(model: N) => model as unknown as Net;

const entries: Entry[] = [
  // nn: convolutions
  { name: "nn.conv1d", example: [2, 9], net: () => net(sequential(input([2, 9]), nn.conv1d(2, 3, 3), ...head())) },
  {
    name: "nn.conv1d stride, padding, dilation",
    example: [2, 11],
    net: () => net(sequential(input([2, 11]), nn.conv1d(2, 3, 3, { stride: 2, padding: 2, dilation: 2 }), ...head())),
  },
  {
    name: "nn.conv1d groups",
    example: [4, 9],
    net: () => net(sequential(input([4, 9]), nn.conv1d(4, 6, 3, { groups: 2 }), ...head())),
  },
  {
    name: "nn.conv1d padding same",
    example: [2, 8],
    net: () => net(sequential(input([2, 8]), nn.conv1d(2, 3, 3, { padding: "same" }), ...head())),
  },
  {
    name: "nn.conv2d",
    example: [2, 6, 6],
    net: () => net(sequential(input([2, 6, 6]), nn.conv2d(2, 3, 3), ...head())),
  },
  {
    name: "nn.conv2d stride, padding",
    example: [2, 7, 7],
    net: () => net(sequential(input([2, 7, 7]), nn.conv2d(2, 3, 3, 2, 1), ...head())),
  },
  {
    name: "nn.conv2d dilation",
    example: [2, 7, 7],
    net: () => net(sequential(input([2, 7, 7]), nn.conv2d(2, 3, 3, { dilation: 2, padding: 1 }), ...head())),
  },
  {
    name: "nn.conv2d stride and dilation",
    example: [2, 9, 9],
    net: () => net(sequential(input([2, 9, 9]), nn.conv2d(2, 3, 3, { stride: 2, dilation: 2, padding: 1 }), ...head())),
  },
  {
    name: "nn.conv2d groups",
    example: [4, 6, 6],
    net: () => net(sequential(input([4, 6, 6]), nn.conv2d(4, 6, 3, { groups: 2 }), ...head())),
  },
  {
    name: "nn.conv2d depthwise (groups = in)",
    example: [3, 6, 6],
    net: () => net(sequential(input([3, 6, 6]), nn.conv2d(3, 6, 3, { groups: 3, padding: 1 }), ...head())),
  },
  {
    name: "nn.conv2d padding same, no bias",
    example: [2, 6, 6],
    net: () => net(sequential(input([2, 6, 6]), nn.conv2d(2, 3, 3, { padding: "same", bias: false }), ...head())),
  },
  {
    name: "nn.conv2d one input channel, then relu (fused)",
    example: [1, 6, 6],
    net: () => net(sequential(input([1, 6, 6]), nn.conv2d(1, 3, 3), nn.relu(), ...head())),
  },
  {
    name: "nn.conv3d",
    example: [2, 4, 4, 4],
    net: () => net(sequential(input([2, 4, 4, 4]), nn.conv3d(2, 3, 2), ...head())),
  },
  {
    name: "nn.conv3d stride, padding",
    example: [2, 5, 5, 5],
    net: () => net(sequential(input([2, 5, 5, 5]), nn.conv3d(2, 3, 3, { stride: 2, padding: 1 }), ...head())),
  },
  {
    name: "nn.conv3d dilation, groups",
    example: [4, 5, 5, 5],
    net: () => net(sequential(input([4, 5, 5, 5]), nn.conv3d(4, 4, 2, { dilation: 2, groups: 2 }), ...head())),
  },
  {
    name: "nn.conv3d padding same",
    example: [2, 4, 4, 4],
    net: () => net(sequential(input([2, 4, 4, 4]), nn.conv3d(2, 2, 3, { padding: "same" }), ...head())),
  },
  {
    name: "nn.convTranspose1d",
    example: [3, 5],
    net: () => net(sequential(input([3, 5]), nn.convTranspose1d(3, 2, 3), ...head())),
  },
  {
    name: "nn.convTranspose1d stride, padding, outputPadding",
    example: [3, 5],
    net: () =>
      net(
        sequential(input([3, 5]), nn.convTranspose1d(3, 2, 3, { stride: 2, padding: 1, outputPadding: 1 }), ...head()),
      ),
  },
  {
    name: "nn.convTranspose2d",
    example: [3, 4, 4],
    net: () => net(sequential(input([3, 4, 4]), nn.convTranspose2d(3, 2, 3), ...head())),
  },
  {
    name: "nn.convTranspose2d stride, padding, outputPadding",
    example: [3, 4, 4],
    net: () =>
      net(
        sequential(
          input([3, 4, 4]),
          nn.convTranspose2d(3, 2, 3, { stride: 2, padding: 1, outputPadding: 1 }),
          ...head(),
        ),
      ),
  },
  // groups and dilations (shapecheck>ConvTranspose)
  {
    name: "nn.convTranspose1d groups, dilation",
    example: [4, 5],
    net: () => net(sequential(input([4, 5]), nn.convTranspose1d(4, 4, 3, { dilation: 2, groups: 2 }), ...head())),
  },
  {
    name: "nn.convTranspose2d groups",
    example: [4, 4, 4],
    net: () => net(sequential(input([4, 4, 4]), nn.convTranspose2d(4, 6, 3, { groups: 2 }), ...head())),
  },
  {
    name: "nn.convTranspose2d dilation",
    example: [2, 4, 4],
    net: () => net(sequential(input([2, 4, 4]), nn.convTranspose2d(2, 3, 3, { dilation: 2 }), ...head())),
  },
  {
    name: "nn.convTranspose2d groups, dilation, stride, padding, outputPadding",
    example: [4, 3, 3],
    net: () =>
      net(
        sequential(
          input([4, 3, 3]),
          nn.convTranspose2d(4, 4, 3, { stride: 2, padding: 1, outputPadding: 1, dilation: 2, groups: 2 }),
          ...head(),
        ),
      ),
  },
  {
    name: "nn.convTranspose2d depthwise (groups = in), stride",
    example: [3, 4, 4],
    net: () => net(sequential(input([3, 4, 4]), nn.convTranspose2d(3, 3, 3, { stride: 2, groups: 3 }), ...head())),
  },
  // nn: pooling (after a conv)
  {
    name: "nn.maxPool1d",
    example: [2, 9],
    net: () => net(sequential(input([2, 9]), nn.conv1d(2, 3, 2), nn.maxPool1d(2), ...head())),
  },
  {
    name: "nn.maxPool1d stride, padding",
    example: [2, 9],
    net: () => net(sequential(input([2, 9]), nn.conv1d(2, 3, 2), nn.maxPool1d(3, 2, 1), ...head())),
  },
  {
    name: "nn.maxPool1d dilation",
    example: [2, 9],
    net: () =>
      net(sequential(input([2, 9]), nn.conv1d(2, 3, 2), nn.maxPool1d(2, { stride: 1, dilation: 2 }), ...head())),
  },
  {
    name: "nn.maxPool1d ceilMode",
    example: [2, 8],
    net: () => net(sequential(input([2, 8]), nn.conv1d(2, 3, 2), nn.maxPool1d(2, { ceilMode: true }), ...head())),
  },
  {
    name: "nn.maxPool2d",
    example: [2, 7, 7],
    net: () => net(sequential(input([2, 7, 7]), nn.conv2d(2, 3, 2), nn.maxPool2d(2), ...head())),
  },
  {
    name: "nn.maxPool2d stride, padding",
    example: [2, 7, 7],
    net: () => net(sequential(input([2, 7, 7]), nn.conv2d(2, 3, 2), nn.maxPool2d(3, 2, 1), ...head())),
  },
  {
    name: "nn.maxPool2d dilation, padding",
    example: [2, 8, 8],
    net: () =>
      net(
        sequential(
          input([2, 8, 8]),
          nn.conv2d(2, 3, 2),
          nn.maxPool2d(3, { stride: 2, padding: 1, dilation: 2 }),
          ...head(),
        ),
      ),
  },
  {
    name: "nn.maxPool2d ceilMode",
    example: [2, 7, 7],
    net: () => net(sequential(input([2, 7, 7]), nn.conv2d(2, 3, 2), nn.maxPool2d(2, { ceilMode: true }), ...head())),
  },
  {
    name: "nn.avgPool1d",
    example: [2, 9],
    net: () => net(sequential(input([2, 9]), nn.conv1d(2, 3, 2), nn.avgPool1d(2), ...head())),
  },
  {
    name: "nn.avgPool1d stride, padding",
    example: [2, 9],
    net: () => net(sequential(input([2, 9]), nn.conv1d(2, 3, 2), nn.avgPool1d(3, 2, 1), ...head())),
  },
  // ceilMode that adds no window past the input (tfjs's own pooling)
  {
    name: "nn.avgPool1d ceilMode",
    example: [2, 9],
    net: () => net(sequential(input([2, 9]), nn.conv1d(2, 3, 2), nn.avgPool1d(2, { ceilMode: true }), ...head())),
  },
  {
    name: "nn.avgPool2d",
    example: [2, 7, 7],
    net: () => net(sequential(input([2, 7, 7]), nn.conv2d(2, 3, 2), nn.avgPool2d(2), ...head())),
  },
  {
    name: "nn.avgPool2d stride, padding",
    example: [2, 7, 7],
    net: () => net(sequential(input([2, 7, 7]), nn.conv2d(2, 3, 2), nn.avgPool2d(3, 2, 1), ...head())),
  },
  {
    name: "nn.avgPool2d ceilMode",
    example: [2, 7, 7],
    net: () =>
      net(sequential(input([2, 7, 7]), nn.conv2d(2, 3, 2), nn.avgPool2d(3, { stride: 3, ceilMode: true }), ...head())),
  },
  // ceilMode whose last window reaches past the padded input (shapecheck>CeilAvgPool)
  {
    name: "nn.avgPool1d ceilMode past the input",
    example: [2, 8],
    net: () => net(sequential(input([2, 8]), nn.conv1d(2, 3, 2), nn.avgPool1d(2, { ceilMode: true }), ...head())),
  },
  {
    name: "nn.avgPool2d ceilMode past the padded input",
    example: [2, 7, 7],
    net: () =>
      net(
        sequential(
          input([2, 7, 7]),
          nn.conv2d(2, 3, 2),
          nn.avgPool2d(3, { stride: 2, padding: 1, ceilMode: true }),
          ...head(),
        ),
      ),
  },
  {
    name: "nn.adaptiveAvgPool1d",
    example: [2, 7],
    net: () => net(sequential(input([2, 7]), nn.conv1d(2, 3, 2), nn.adaptiveAvgPool1d(3), ...head())),
  },
  {
    name: "nn.adaptiveAvgPool2d",
    example: [2, 5, 5],
    net: () => net(sequential(input([2, 5, 5]), nn.conv2d(2, 3, 2), nn.adaptiveAvgPool2d(2), ...head())),
  },
  {
    name: "nn.adaptiveAvgPool2d to 1",
    example: [2, 5, 5],
    net: () => net(sequential(input([2, 5, 5]), nn.conv2d(2, 3, 2), nn.adaptiveAvgPool2d(1), ...head())),
  },
  {
    name: "nn.adaptiveMaxPool2d",
    example: [2, 5, 5],
    net: () => net(sequential(input([2, 5, 5]), nn.conv2d(2, 3, 2), nn.adaptiveMaxPool2d([2, 1]), ...head())),
  },
  {
    name: "nn.adaptiveMaxPool2d to 1",
    example: [2, 5, 5],
    net: () => net(sequential(input([2, 5, 5]), nn.conv2d(2, 3, 2), nn.adaptiveMaxPool2d(1), ...head())),
  },
  // adaptive pooling to sizes that do not divide the input (shapecheck>AdaptivePool)
  {
    name: "nn.adaptiveAvgPool1d uneven",
    example: [2, 8],
    net: () => net(sequential(input([2, 8]), nn.conv1d(2, 3, 2), nn.adaptiveAvgPool1d(3), ...head())),
  },
  {
    name: "nn.adaptiveAvgPool2d uneven",
    example: [2, 6, 6],
    net: () => net(sequential(input([2, 6, 6]), nn.conv2d(2, 3, 2), nn.adaptiveAvgPool2d([3, 2]), ...head())),
  },
  {
    name: "nn.adaptiveMaxPool2d uneven",
    example: [2, 6, 6],
    net: () => net(sequential(input([2, 6, 6]), nn.conv2d(2, 3, 2), nn.adaptiveMaxPool2d([4, 3]), ...head())),
  },
  // nn: shapes
  {
    name: "nn.flatten then nn.linear",
    example: [2, 5, 5],
    net: () => net(sequential(input([2, 5, 5]), nn.conv2d(2, 3, 2), nn.flatten(), nn.linear(48, 3), nn.logSoftmax(1))),
  },
  {
    name: "nn.flatten(2) (partial)",
    example: [2, 5, 5],
    net: () => net(sequential(input([2, 5, 5]), nn.conv2d(2, 3, 2), nn.flatten(2), nn.linear(16, 2), ...head())),
  },
  {
    name: "nn.unflatten then nn.conv2d",
    example: [6],
    net: () => net(sequential(input([6]), nn.linear(6, 16), nn.unflatten(1, [1, 4, 4]), nn.conv2d(1, 2, 3), ...head())),
  },
  // nn: linear
  { name: "nn.linear", example: [5], net: () => net(sequential(input([5]), nn.linear(5, 4), ...head())) },
  {
    name: "nn.linear on [seq, features]",
    example: [3, 5],
    net: () => net(sequential(input([3, 5]), nn.linear(5, 4), ...head())),
  },
  {
    name: "nn.lazyLinear",
    example: [5],
    net: () => net(sequential(input([5]), nn.lazyLinear(4), nn.lazyLinear(3), nn.logSoftmax(1))),
  },
  // nn: normalization
  {
    name: "nn.batchNorm1d on [features]",
    example: [5],
    net: () => net(sequential(input([5]), nn.linear(5, 4), nn.batchNorm1d(4), ...head())),
  },
  {
    name: "nn.batchNorm1d on [channels, length]",
    example: [2, 6],
    net: () => net(sequential(input([2, 6]), nn.conv1d(2, 3, 2), nn.batchNorm1d(3), ...head())),
  },
  {
    name: "nn.batchNorm2d",
    example: [2, 5, 5],
    net: () => net(sequential(input([2, 5, 5]), nn.conv2d(2, 3, 2), nn.batchNorm2d(3), ...head())),
  },
  {
    name: "nn.batchNorm1d trackRunningStats false",
    example: [5],
    net: () => net(sequential(input([5]), nn.linear(5, 4), nn.batchNorm1d(4, { trackRunningStats: false }), ...head())),
  },
  {
    name: "nn.batchNorm2d trackRunningStats false",
    example: [2, 5, 5],
    net: () =>
      net(sequential(input([2, 5, 5]), nn.conv2d(2, 3, 2), nn.batchNorm2d(3, { trackRunningStats: false }), ...head())),
  },
  {
    name: "nn.batchNorm2d momentum null",
    example: [2, 5, 5],
    net: () => net(sequential(input([2, 5, 5]), nn.conv2d(2, 3, 2), nn.batchNorm2d(3, { momentum: null }), ...head())),
  },
  {
    name: "nn.layerNorm",
    example: [3, 5],
    net: () => net(sequential(input([3, 5]), nn.linear(5, 4), nn.layerNorm(4), ...head())),
  },
  {
    name: "nn.layerNorm over two dimensions",
    example: [3, 5],
    net: () => net(sequential(input([3, 5]), nn.linear(5, 4), nn.layerNorm([3, 4]), ...head())),
  },
  // nn: embedding, recurrent, attention
  {
    name: "nn.embedding",
    example: [5],
    vocabulary: 10,
    net: () => net(sequential(input([5]), nn.embedding(10, 4), ...head())),
  },
  {
    name: "nn.embedding paddingIdx",
    example: [5],
    vocabulary: 10,
    net: () => net(sequential(input([5]), nn.embedding(10, 4, { paddingIdx: 0 }), ...head())),
  },
  {
    name: "nn.embedding maxNorm",
    example: [5],
    vocabulary: 10,
    net: () => net(sequential(input([5]), nn.embedding(10, 4, { maxNorm: 1 }), ...head())),
  },
  { name: "nn.lstm", example: [4, 3], net: () => net(sequential(input([4, 3]), nn.lstm(3, 4), ...head())) },
  {
    name: "nn.lstm numLayers 2, bidirectional",
    example: [4, 3],
    net: () => net(sequential(input([4, 3]), nn.lstm(3, 4, { numLayers: 2, bidirectional: true }), ...head())),
  },
  {
    name: "nn.lstm projSize",
    example: [4, 3],
    net: () => net(sequential(input([4, 3]), nn.lstm(3, 4, { projSize: 2 }), ...head())),
  },
  {
    name: "nn.lstm projSize, numLayers 2, bidirectional",
    example: [4, 3],
    net: () =>
      net(sequential(input([4, 3]), nn.lstm(3, 4, { projSize: 2, numLayers: 2, bidirectional: true }), ...head())),
  },
  { name: "nn.gru", example: [4, 3], net: () => net(sequential(input([4, 3]), nn.gru(3, 4), ...head())) },
  {
    name: "nn.gru numLayers 2, bidirectional",
    example: [4, 3],
    net: () => net(sequential(input([4, 3]), nn.gru(3, 4, { numLayers: 2, bidirectional: true }), ...head())),
  },
  {
    name: "nn.multiheadAttention",
    example: [3, 8],
    net: () => net(sequential(input([3, 8]), nn.multiheadAttention(8, 2), ...head())),
  },
  // nn: dropout, identity, activations (after a linear or a conv)
  {
    name: "nn.dropout",
    example: [5],
    net: () => net(sequential(input([5]), nn.linear(5, 4), nn.dropout(0.3), ...head())),
  },
  {
    name: "nn.dropout2d",
    example: [2, 5, 5],
    net: () => net(sequential(input([2, 5, 5]), nn.conv2d(2, 3, 2), nn.dropout2d(0.3), ...head())),
  },
  {
    name: "nn.identity",
    example: [5],
    net: () => net(sequential(input([5]), nn.linear(5, 4), nn.identity(), ...head())),
  },
  { name: "nn.relu", example: [5], net: () => net(sequential(input([5]), nn.linear(5, 4), nn.relu(), ...head())) },
  {
    name: "nn.leakyRelu",
    example: [5],
    net: () => net(sequential(input([5]), nn.linear(5, 4), nn.leakyRelu(0.1), ...head())),
  },
  { name: "nn.gelu", example: [5], net: () => net(sequential(input([5]), nn.linear(5, 4), nn.gelu(), ...head())) },
  {
    name: "nn.sigmoid",
    example: [5],
    net: () => net(sequential(input([5]), nn.linear(5, 4), nn.sigmoid(), ...head())),
  },
  { name: "nn.tanh", example: [5], net: () => net(sequential(input([5]), nn.linear(5, 4), nn.tanh(), ...head())) },
  {
    name: "nn.softmax(1)",
    example: [5],
    net: () => net(sequential(input([5]), nn.linear(5, 4), nn.softmax(1), ...head())),
  },
  {
    name: "nn.softmax over channels of a conv",
    example: [2, 5, 5],
    net: () => net(sequential(input([2, 5, 5]), nn.conv2d(2, 3, 2), nn.softmax(1), ...head())),
  },
  {
    name: "nn.softmax over a non-last axis",
    example: [3, 5],
    net: () => net(sequential(input([3, 5]), nn.linear(5, 4), nn.softmax(1), ...head())),
  },
  {
    name: "nn.logSoftmax(1) (the model's end)",
    example: [5],
    net: () => net(sequential(input([5]), nn.linear(5, 3), nn.logSoftmax(1))),
  },
  {
    name: "nn.logSoftmax(-1) inside",
    example: [3, 5],
    net: () => net(sequential(input([3, 5]), nn.linear(5, 4), nn.logSoftmax(-1), ...head())),
  },
  // nn: blocks
  {
    name: "nn.residual",
    example: [4],
    net: () => net(sequential(input([4]), nn.residual(nn.linear(4, 4), nn.relu(), nn.linear(4, 4)), ...head())),
  },
  {
    name: "nn.residual of convs",
    example: [2, 5, 5],
    net: () =>
      net(
        sequential(
          input([2, 5, 5]),
          nn.conv2d(2, 3, 1),
          nn.residual(nn.conv2d(3, 3, 3, 1, 1), nn.batchNorm2d(3), nn.relu()),
          ...head(),
        ),
      ),
  },
  {
    name: "nn.residual with a projection",
    example: [2, 6, 6],
    net: () =>
      net(
        sequential(
          input([2, 6, 6]),
          nn.residual(
            { projection: [nn.conv2d(2, 4, 1, 2)] },
            nn.conv2d(2, 4, 3, 2, 1),
            nn.relu(),
            nn.conv2d(4, 4, 3, 1, 1),
          ),
          ...head(),
        ),
      ),
  },
  // tanh, not relu, after this tiny linear: a relu may be dead on all 4 random examples, and the weights rightly stay
  {
    name: "nn.concat",
    example: [4],
    net: () => net(sequential(input([4]), nn.concat(1, [nn.linear(4, 3)], [nn.linear(4, 2), nn.tanh()]), ...head())),
  },
  {
    name: "nn.concat of convs (channels)",
    example: [2, 5, 5],
    net: () =>
      net(
        sequential(
          input([2, 5, 5]),
          nn.concat(1, [nn.conv2d(2, 2, 1)], [nn.conv2d(2, 3, 3, 1, 1), nn.relu()]),
          ...head(),
        ),
      ),
  },

  // layers: tfjs's vocabulary, channels last
  {
    name: "layers.conv1d",
    example: [9, 2],
    net: () =>
      net(
        sequential(input([9, 2]), layers.conv1d({ filters: 3, kernelSize: 3, strides: 2, padding: "same" }), ...head()),
      ),
  },
  {
    name: "layers.conv1d dilationRate",
    example: [9, 2],
    net: () => net(sequential(input([9, 2]), layers.conv1d({ filters: 3, kernelSize: 3, dilationRate: 2 }), ...head())),
  },
  {
    name: "layers.conv2d",
    example: [6, 6, 2],
    net: () =>
      net(
        sequential(
          input([6, 6, 2]),
          layers.conv2d({ filters: 3, kernelSize: 3, strides: 2, padding: "same", activation: "relu" }),
          ...head(),
        ),
      ),
  },
  {
    name: "layers.conv1d dilationRate, padding same",
    example: [9, 2],
    net: () =>
      net(
        sequential(
          input([9, 2]),
          layers.conv1d({ filters: 3, kernelSize: 2, dilationRate: 3, padding: "same" }),
          ...head(),
        ),
      ),
  },
  {
    name: "layers.conv2d dilationRate",
    example: [6, 6, 2],
    net: () =>
      net(sequential(input([6, 6, 2]), layers.conv2d({ filters: 3, kernelSize: 3, dilationRate: 2 }), ...head())),
  },
  {
    name: "layers.conv2d dilationRate, padding same, relu, channelsFirst",
    example: [2, 6, 7],
    net: () =>
      net(
        sequential(
          input([2, 6, 7]),
          layers.conv2d({
            filters: 3,
            kernelSize: [3, 2],
            dilationRate: [2, 3],
            padding: "same",
            activation: "relu",
            dataFormat: "channelsFirst",
          }),
          ...head(),
        ),
      ),
  },
  {
    name: "layers.conv2d channelsFirst",
    example: [2, 6, 6],
    net: () =>
      net(
        sequential(
          input([2, 6, 6]),
          layers.conv2d({ filters: 3, kernelSize: 3, dataFormat: "channelsFirst" }),
          ...head(),
        ),
      ),
  },
  {
    name: "layers.maxPooling1d",
    example: [9, 2],
    net: () =>
      net(
        sequential(
          input([9, 2]),
          layers.conv1d({ filters: 3, kernelSize: 2 }),
          layers.maxPooling1d({ poolSize: 2 }),
          ...head(),
        ),
      ),
  },
  {
    name: "layers.averagePooling1d",
    example: [9, 2],
    net: () =>
      net(
        sequential(
          input([9, 2]),
          layers.conv1d({ filters: 3, kernelSize: 2 }),
          layers.averagePooling1d({ poolSize: 3, strides: 2, padding: "same" }),
          ...head(),
        ),
      ),
  },
  {
    name: "layers.maxPooling2d",
    example: [7, 7, 2],
    net: () =>
      net(
        sequential(
          input([7, 7, 2]),
          layers.conv2d({ filters: 3, kernelSize: 2 }),
          layers.maxPooling2d({ poolSize: 2 }),
          ...head(),
        ),
      ),
  },
  {
    name: "layers.averagePooling2d",
    example: [7, 7, 2],
    net: () =>
      net(
        sequential(
          input([7, 7, 2]),
          layers.conv2d({ filters: 3, kernelSize: 2 }),
          layers.averagePooling2d({ poolSize: 3, strides: 2, padding: "same" }),
          ...head(),
        ),
      ),
  },
  {
    name: "layers.globalAveragePooling1d",
    example: [9, 2],
    net: () =>
      net(
        sequential(
          input([9, 2]),
          layers.conv1d({ filters: 3, kernelSize: 2 }),
          layers.globalAveragePooling1d(),
          ...head(),
        ),
      ),
  },
  {
    name: "layers.globalMaxPooling1d",
    example: [9, 2],
    net: () =>
      net(
        sequential(input([9, 2]), layers.conv1d({ filters: 3, kernelSize: 2 }), layers.globalMaxPooling1d(), ...head()),
      ),
  },
  {
    name: "layers.globalAveragePooling2d",
    example: [5, 5, 2],
    net: () =>
      net(
        sequential(
          input([5, 5, 2]),
          layers.conv2d({ filters: 3, kernelSize: 2 }),
          layers.globalAveragePooling2d(),
          ...head(),
        ),
      ),
  },
  {
    name: "layers.globalMaxPooling2d",
    example: [5, 5, 2],
    net: () =>
      net(
        sequential(
          input([5, 5, 2]),
          layers.conv2d({ filters: 3, kernelSize: 2 }),
          layers.globalMaxPooling2d(),
          ...head(),
        ),
      ),
  },
  {
    name: "layers.flatten then layers.dense",
    example: [5, 5, 2],
    net: () =>
      net(
        sequential(
          input([5, 5, 2]),
          layers.conv2d({ filters: 3, kernelSize: 2 }),
          layers.flatten(),
          layers.dense({ units: 3 }),
          nn.logSoftmax(1),
        ),
      ),
  },
  {
    name: "layers.dense",
    example: [5],
    net: () => net(sequential(input([5]), layers.dense({ units: 4, activation: "tanh" }), ...head())),
  },
  {
    name: "layers.dense on [seq, features]",
    example: [3, 5],
    net: () => net(sequential(input([3, 5]), layers.dense({ units: 4 }), ...head())),
  },
  {
    name: "layers.dropout",
    example: [5],
    net: () => net(sequential(input([5]), layers.dense({ units: 4 }), layers.dropout({ rate: 0.3 }), ...head())),
  },
  {
    name: "layers.batchNormalization",
    example: [5, 5, 2],
    net: () =>
      net(
        sequential(
          input([5, 5, 2]),
          layers.conv2d({ filters: 3, kernelSize: 2 }),
          layers.batchNormalization(),
          ...head(),
        ),
      ),
  },
  {
    name: "layers.batchNormalization on [features]",
    example: [5],
    net: () => net(sequential(input([5]), layers.dense({ units: 4 }), layers.batchNormalization(), ...head())),
  },
  {
    name: "layers.reshape",
    example: [5],
    net: () =>
      net(
        sequential(
          input([5]),
          layers.dense({ units: 6 }),
          layers.reshape({ targetShape: [2, 3] }),
          layers.dense({ units: 2 }),
          ...head(),
        ),
      ),
  },
  {
    name: "layers.permute",
    example: [3, 5],
    net: () =>
      net(
        sequential(
          input([3, 5]),
          layers.dense({ units: 4 }),
          layers.permute({ dims: [2, 1] }),
          layers.dense({ units: 2 }),
          ...head(),
        ),
      ),
  },
  {
    name: "layers.embedding",
    example: [5],
    vocabulary: 10,
    net: () => net(sequential(input([5]), layers.embedding({ inputDim: 10, outputDim: 4 }), ...head())),
  },
  {
    name: "layers.zeroPadding2d",
    example: [5, 5, 2],
    net: () =>
      net(
        sequential(
          input([5, 5, 2]),
          layers.conv2d({ filters: 3, kernelSize: 2 }),
          layers.zeroPadding2d({ padding: 1 }),
          layers.conv2d({ filters: 2, kernelSize: 3 }),
          ...head(),
        ),
      ),
  },
  {
    name: "layers.upSampling2d",
    example: [4, 4, 2],
    net: () =>
      net(
        sequential(
          input([4, 4, 2]),
          layers.conv2d({ filters: 3, kernelSize: 2 }),
          layers.upSampling2d({ size: [2, 2] }),
          layers.conv2d({ filters: 2, kernelSize: 3 }),
          ...head(),
        ),
      ),
  },
  {
    name: "layers.activation",
    example: [5],
    net: () =>
      net(sequential(input([5]), layers.dense({ units: 4 }), layers.activation({ activation: "elu" }), ...head())),
  },
  {
    name: "layers.activation softmax",
    example: [5],
    net: () =>
      net(sequential(input([5]), layers.dense({ units: 4 }), layers.activation({ activation: "softmax" }), ...head())),
  },
  // both vocabularies in one model: a permute where the layouts meet
  {
    name: "nn.conv2d then layers.conv2d",
    example: [2, 6, 6],
    net: () =>
      net(
        sequential(
          input([2, 6, 6]),
          nn.conv2d(2, 3, 3),
          layers.permute({ dims: [2, 3, 1] }),
          layers.conv2d({ filters: 2, kernelSize: 2 }),
          ...head(),
        ),
      ),
  },
];

/** Two Adam steps of `entry`'s model on random data: finite losses, every trainable weight changed. */
async function trainsAndChangesEveryWeight(entry: Entry, backend: string): Promise<void> {
  assert.equal(tf.getBackend(), backend);
  const model = build(entry.net()).compile({ optimizer: tf.train.adam(0.01), loss: "nll" });
  const shape = [BATCH, ...entry.example];
  const x = entry.vocabulary
    ? tf.randomUniform(shape, 0, entry.vocabulary, "int32", 1)
    : tf.randomNormal(shape, 0, 1, "float32", 1);
  const y = tf.tensor1d([0, 1, 2, 0].slice(0, BATCH), "int32");
  const weights = model.tfjs.trainableWeights;
  const before = weights.map((w) => w.read().clone());
  try {
    assert.ok(weights.length > 0, "the model has trainable weights");
    const history = await model.fit(x as never, y as never, { epochs: 2, batchSize: BATCH, verbose: 0 });
    assert.equal(history.history.loss.length, 2);
    assert.ok(history.history.loss.every(Number.isFinite), `losses ${history.history.loss}`);
    const unchanged = weights
      .filter((w, i) => tf.tidy(() => tf.any(tf.notEqual(w.read(), before[i]!)).dataSync()[0]) !== 1)
      .map((w) => w.name);
    assert.deepEqual(unchanged, [], `weights that did not change: ${unchanged.join(", ")}`);
    const finite = weights
      .filter((w) => tf.tidy(() => tf.all(tf.isFinite(w.read())).dataSync()[0]) !== 1)
      .map((w) => w.name);
    assert.deepEqual(finite, [], `weights that are not finite: ${finite.join(", ")}`);
  } finally {
    tf.dispose([x, y, ...before]);
    model.dispose();
  }
}

for (const backend of ["wasm", "cpu"] as const) {
  describe(`every SPEC layer trains on ${backend}`, () => {
    before(async () => {
      assert.equal(await ready({ backend }), backend);
    });
    after(async () => {
      await ready();
    });
    for (const entry of entries) {
      test(`${entry.name} trains on ${backend}`, entry.todo ? { todo: entry.todo } : {}, () =>
        trainsAndChangesEveryWeight(entry, backend),
      );
    }
    test(`layers.conv1d/conv2d with a dilationRate on ${backend}: tfjs's function, and the gradients of tfjs's layer with the dilated kernel (zeros between taps)`, () => {
      for (const { example, args } of dilatedConvs) {
        const model = build(
          sequential(
            input(example),
            args.kernelSize.length === 1 ? layers.conv1d(args as never) : layers.conv2d(args as never),
          ),
        );
        const conv = model.tfjs.layers.find((l) => l.getClassName().startsWith("shapecheck>Conv"))!;
        assert.equal(conv.getClassName(), `shapecheck>Conv${args.kernelSize.length}D`);
        const [kernel, bias] = conv.getWeights() as [tf.Tensor, tf.Tensor];
        // tfjs's own layer, dilation 1, on the kernel with d − 1 zeros between taps: the same function
        const spread = spreadKernel(kernel, args.dilationRate);
        const reference = tfl.sequential({
          layers: [
            (args.kernelSize.length === 1 ? tfl.layers.conv1d : tfl.layers.conv2d)({
              ...args,
              kernelSize: spread.shape.slice(0, -2),
              dilationRate: 1,
              inputShape: example,
            } as never),
          ],
        });
        reference.setWeights([spread, bias]);
        const x = tf.randomNormal([2, ...example], 0, 1, "float32", 7);
        const own = conv.apply(x) as tf.Tensor;
        const theirs = reference.predict(x) as tf.Tensor;
        assert.deepEqual(own.shape, theirs.shape);
        assert.ok(tf.max(tf.abs(tf.sub(own, theirs))).dataSync()[0]! < 1e-5, `${JSON.stringify(args)}: outputs differ`);
        // gradients of sum(y · r) for the input, the kernel and the bias
        const r = tf.randomNormal(own.shape, 0, 1, "float32", 8);
        const gradients = (layer: tfl.layers.Layer) => {
          const [k, b] = layer.trainableWeights.map((w) => w.read() as tf.Variable);
          const { grads } = tf.variableGrads(
            () => tf.sum(tf.mul(layer.apply(x) as tf.Tensor, r)) as tf.Scalar,
            [k!, b!],
          );
          const dx = tf.grad((input: tf.Tensor) => tf.sum(tf.mul(layer.apply(input) as tf.Tensor, r)))(x);
          return { dx, dk: grads[k!.name]!, db: grads[b!.name]! };
        };
        const ours = gradients(conv);
        const ref = gradients(reference.layers[0]!);
        const close = (a: tf.Tensor, b: tf.Tensor, what: string) =>
          assert.ok(tf.max(tf.abs(tf.sub(a, b))).dataSync()[0]! < 1e-4, `${JSON.stringify(args)}: ${what} differs`);
        close(ours.dx, ref.dx, "the input's gradient");
        close(ours.dk, unspreadKernel(ref.dk, args.dilationRate), "the kernel's gradient");
        close(ours.db, ref.db, "the bias's gradient");
        model.dispose();
      }
    });
  });
}

const dilatedConvs: Array<{
  example: number[];
  args: {
    filters: number;
    kernelSize: number[];
    dilationRate: number[];
    padding: string;
    activation?: string;
    dataFormat?: string;
  };
}> = [
  { example: [10, 2], args: { filters: 3, kernelSize: [3], dilationRate: [2], padding: "valid" } },
  { example: [9, 2], args: { filters: 2, kernelSize: [2], dilationRate: [3], padding: "same", activation: "tanh" } },
  { example: [7, 8, 2], args: { filters: 3, kernelSize: [3, 2], dilationRate: [2, 3], padding: "valid" } },
  {
    example: [6, 7, 2],
    args: { filters: 2, kernelSize: [2, 3], dilationRate: [3, 2], padding: "same", activation: "relu" },
  },
  {
    example: [2, 6, 7],
    args: { filters: 3, kernelSize: [3, 3], dilationRate: [2, 2], padding: "same", dataFormat: "channelsFirst" },
  },
];

/** [...k, in, out] → [...(k − 1)·d + 1, in, out], taps d apart, zeros between. */
function spreadKernel(kernel: tf.Tensor, dilations: number[]): tf.Tensor {
  const rank = dilations.length;
  const shape = kernel.shape.map((n, i) => (i < rank ? (n - 1) * dilations[i]! + 1 : n));
  const out = tf.buffer(shape);
  const values = kernel.bufferSync();
  for (let flat = 0; flat < kernel.size; flat++) {
    const at = values.indexToLoc(flat);
    out.set(values.get(...at), ...at.map((n, i) => (i < rank ? n * dilations[i]! : n)));
  }
  return out.toTensor();
}

/** The taps of a spread kernel (every d-th position). */
const unspreadKernel = (spread: tf.Tensor, dilations: number[]): tf.Tensor =>
  tf.stridedSlice(
    spread,
    spread.shape.map(() => 0),
    spread.shape,
    [...dilations, 1, 1],
  );

test("a model with a dilated layers.conv2d saves and loads (shapecheck>Conv2D) with equal predictions", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "shapecheck-dilated-"));
  try {
    const net = () =>
      sequential(
        input([6, 6, 2]),
        layers.conv2d({ filters: 3, kernelSize: 3, dilationRate: 2, padding: "same" }),
        nn.flatten(),
        nn.linear(108, 3),
        nn.logSoftmax(1),
      );
    const model = build(net()).compile({ loss: "nll" });
    const x = tf.randomNormal([4, 6, 6, 2], 0, 1, "float32", 9);
    await model.fit(x, tf.tensor1d([0, 1, 2, 0], "int32"), { epochs: 1, verbose: 0 });
    await model.save(dir);
    assert.ok(readFileSync(path.join(dir, "model.json"), "utf8").includes('"class_name":"shapecheck>Conv2D"'));
    const loaded = await load(net(), dir);
    assert.deepEqual(loaded.predict(x).dataSync(), model.predict(x).dataSync());
    assert.deepEqual(Object.keys(loaded.stateDict()), ["0.kernel", "0.bias", "2.weight", "2.bias"]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
