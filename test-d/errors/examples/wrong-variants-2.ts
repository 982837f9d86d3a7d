// AlexNet, ResNet-18, U-Net and the Transformer encoder layer, each with one typical mistake.
import { graph, input, nn, ops, sequential } from "shapecheck";

export const alexnetOldFeatures = sequential(
  input([3, 224, 224]),
  nn.conv2d(3, 64, 11, 4, 2),
  nn.relu(),
  nn.maxPool2d(3, 2),
  nn.conv2d(64, 192, 5, 1, 2),
  nn.relu(),
  nn.maxPool2d(3, 2),
  nn.conv2d(192, 384, 3, 1, 1),
  nn.relu(),
  nn.conv2d(384, 256, 3, 1, 1),
  nn.relu(),
  nn.conv2d(256, 256, 3, 1, 1),
  nn.relu(), // the last max pool is missing
  nn.flatten(),
  nn.linear(9216, 4096), // error: "linear(9216, 4096): inFeatures must equal the last input dimension 43264 (input [number, 256·13·13 = 43264])"
);

// prettier-ignore
export const resnetMissingProjection = sequential(
  input([64, 56, 56]),
  nn.residual(nn.conv2d(64, 128, 3, { stride: 2, padding: 1, bias: false }), nn.batchNorm2d(128), nn.relu(), nn.conv2d(128, 128, 3, { padding: 1, bias: false }), nn.batchNorm2d(128)), // error: "residual(5 layers): the block's output [number, 128, 28, 28] must equal its input [number, 64, 56, 56] (input [number, 64, 56, 56])"
);

const image = input([1, 64, 64]);
const down1 = image.pipe(nn.conv2d(1, 16, 3, 1, 1), nn.relu());
const bottom = down1.pipe(nn.maxPool2d(2), nn.conv2d(16, 32, 3, 1, 1), nn.relu());
export const unetUnpadded = ops.cat([bottom.pipe(nn.convTranspose2d(32, 16, 3, { stride: 2 })), down1], 1); // error: "cat(…, 1): [number, 16, 65, 65] and [number, 16, 64, 64] can only be joined along dimension 1 if every other dimension is equal: dimension 2 is 65 and 64"
export const unet = graph({ inputs: [image], outputs: [bottom] });

export const transformerWrongHeads = sequential(
  input(["seq", 512], { batch: "batch" }),
  nn.residual(nn.multiheadAttention(512, 7), nn.dropout(0.1)), // error: "multiheadAttention(512, 7): numHeads (7) must divide embedDim (512)"
  nn.layerNorm(512),
);
