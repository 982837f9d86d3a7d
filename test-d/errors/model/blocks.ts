// Residual and concat blocks: a mistake inside a block is reported on the block, with the inner layer's message.
import { input, nn, sequential } from "shapecheck";

export const strideInResidual = sequential(
  input([64, 56, 56]),
  nn.residual(nn.conv2d(64, 64, 3, 1, 1), nn.relu(), nn.conv2d(64, 64, 3, 2, 1)), // error: "residual(3 layers): the block's output [number, 64, 28, 28] must equal its input [number, 64, 56, 56] (input [number, 64, 56, 56])"
  nn.relu(),
);

export const wrongLayerInResidual = sequential(
  input([64, 56, 56]),
  nn.residual(nn.conv2d(64, 64, 3, 1, 1), nn.relu(), nn.conv2d(32, 64, 3, 1, 1)), // error: "residual(3 layers), layer 2: conv2d(32, 64, 3, 1, 1): inChannels must equal the input's channel dimension 64 (input [number, 64, 56, 56])"'
);

export const wrongProjection = sequential(
  input([64, 56, 56]),
  nn.residual({ projection: [nn.conv2d(64, 128, 1)] }, nn.conv2d(64, 128, 3, 2, 1)), // error: "residual(1 layers): the block's output [number, 128, 28, 28] must equal the projection's output [number, 128, 56, 56] (input [number, 64, 56, 56])"
);

export const misalignedBranches = sequential(
  input([64, 56, 56]),
  nn.concat(1, [nn.conv2d(64, 32, 1)], [nn.conv2d(64, 64, 3)]), // error: "concat(1, 2 branches): [number, 32, 56, 56] and [number, 64, 54, 54] can only be joined along dimension 1 if every other dimension is equal: dimension 2 is 56 and 54 (input [number, 64, 56, 56])"
);
