// A small U-Net (Ronneberger et al., 2015) with the functional API: two down steps, a bottom,
// two up steps whose transposed convs double the size, and skip connections joined with ops.cat
// along the channels — each join checked: the sizes must match.
import { graph, input, nn, ops } from "shapecheck";

const image = input([1, 64, 64]);
const down1 = image.pipe(nn.conv2d(1, 16, 3, 1, 1), nn.relu(), nn.conv2d(16, 16, 3, 1, 1), nn.relu()); // 16 × 64 × 64
const down2 = down1.pipe(nn.maxPool2d(2), nn.conv2d(16, 32, 3, 1, 1), nn.relu(), nn.conv2d(32, 32, 3, 1, 1), nn.relu()); // 32 × 32 × 32
const bottom = down2.pipe(
  nn.maxPool2d(2),
  nn.conv2d(32, 64, 3, 1, 1),
  nn.relu(),
  nn.conv2d(64, 64, 3, 1, 1),
  nn.relu(),
); // 64 × 16 × 16
const up2 = ops
  .cat([bottom.pipe(nn.convTranspose2d(64, 32, 2, { stride: 2 })), down2], 1) // 64 × 32 × 32
  .pipe(nn.conv2d(64, 32, 3, 1, 1), nn.relu());
const up1 = ops
  .cat([up2.pipe(nn.convTranspose2d(32, 16, 2, { stride: 2 })), down1], 1) // 32 × 64 × 64
  .pipe(nn.conv2d(32, 16, 3, 1, 1), nn.relu());
const mask = up1.pipe(nn.conv2d(16, 2, 1)); // 2 classes per pixel

export const unet = graph({ inputs: [image], outputs: [mask] });
