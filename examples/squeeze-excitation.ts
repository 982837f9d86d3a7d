// A squeeze-and-excitation block (Hu et al., 2018) on 64 channels: global average pool, two 1×1
// convolutions (reduction 16) with ReLU and a sigmoid, and the gate broadcast over the feature map.
import { graph, input, nn, ops } from "shapecheck";

const features = input([64, "h", "w"]);
const pooled = ops.mean(features, [2, 3], { keepdim: true }); // [number, 64, 1, 1]
const gate = pooled.pipe(nn.conv2d(64, 4, 1), nn.relu(), nn.conv2d(4, 64, 1), nn.sigmoid()); // [number, 64, 1, 1]
export const excited = ops.mul(features, gate); // [number, 64, "h", "w"]: the gate broadcasts

export const squeezeExcitation = graph({ inputs: [features], outputs: [excited] });
