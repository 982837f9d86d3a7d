// The functional API: pipe checks each layer like sequential; joins check their operands.
import { input, nn, ops } from "shapecheck";

const x = input([3, 64, 64]);
const down = x.pipe(nn.conv2d(3, 16, 3, 1, 1), nn.relu());
const deeper = down.pipe(nn.maxPool2d(2), nn.conv2d(16, 32, 3, 1, 1));

export const wrongPipe = x.pipe(nn.conv2d(3, 16, 3), nn.conv2d(8, 16, 3)); // error: "conv2d(8, 16, 3): inChannels must equal the input's channel dimension 16 (input [number, 16, 62, 62])"
export const uncalledInPipe = x.pipe(nn.conv2d(3, 16, 3), nn.relu); // error: "not a layer: a layer is what a builder returns, as in nn.relu()"
export const wrongAdd = ops.add(down, deeper); // error: "add: the first operand [number, 16, 64, 64] must equal the second [number, 32, 32, 32]"
export const wrongCat = ops.cat([down, deeper], 1); // error: "cat(…, 1): [number, 16, 64, 64] and [number, 32, 32, 32] can only be joined along dimension 1 if every other dimension is equal"
const q = input(["seq", 64], { batch: "batch" });
const k = input([32, "seq"], { batch: "batch" });
export const wrongMatmul = ops.matmul(q, k); // error: "matmul: [batch, seq, 64] × [batch, 32, seq]: the first's last dimension must equal the second's next-to-last, and the leading dimensions must agree"
