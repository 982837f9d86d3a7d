// Issue 16's convolutions and poolings of `nn` once each (convTranspose3d, lazyConv*, lazyConvTranspose*, unfold, fold, maxPool3d,
// avgPool3d, lpPool1d/2d, adaptiveMaxPool1d, adaptiveAvgPool3d, adaptiveMaxPool3d); the lead adds it to
// bench/budgets.json.
import { input, nn, sequential, type OutputShape } from "shapecheck";

export const volume = sequential(
  input([4, 16, 16, 16]),
  nn.lazyConv3d(8, 3, 1, 1),
  nn.maxPool3d(2),
  nn.convTranspose3d(8, 4, 2, 2),
  nn.avgPool3d(2, { padding: 1, countIncludePad: false }),
  nn.lazyConvTranspose3d(4, 2, 2),
  nn.adaptiveMaxPool3d([4, null, 4]),
  nn.adaptiveAvgPool3d(2),
);
export type VolumeOut = OutputShape<typeof volume>; // [number, 4, 2, 2, 2]

export const signal = sequential(
  input([3, 64]),
  nn.lazyConv1d(8, 5),
  nn.lpPool1d(2, 2),
  nn.lazyConvTranspose1d(4, 3, 2),
  nn.adaptiveMaxPool1d(8),
);
export type SignalOut = OutputShape<typeof signal>; // [number, 4, 8]

export const image = sequential(
  input([3, 32, 32]),
  nn.lazyConv2d(16, 3, { padding: 1, groups: 1 }),
  nn.lpPool2d(2, 2, { ceilMode: true }),
  nn.lazyConvTranspose2d(8, 4, 2, 1),
  nn.unfold(2, { stride: 2 }),
  nn.fold(32, 2, { stride: 2 }),
);
export type ImageOut = OutputShape<typeof image>; // [number, 8, 32, 32]
