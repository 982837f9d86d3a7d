// Issue 16's convolutions and poolings: exact output types (the numbers are PyTorch 1.13's).
import { expectType, type TypeEqual } from "ts-expect";
import { input, nn, sequential, type ConvTranspose3d, type LazyConv2d, type OutputShape } from "shapecheck";

// (L − 1)·stride − 2·padding + dilation·(kernel − 1) + outputPadding + 1 per dimension
const up3d = sequential(input([8, 4, 5, 6]), nn.convTranspose3d(8, 4, 2, 2));
expectType<TypeEqual<OutputShape<typeof up3d>, [number, 4, 8, 10, 12]>>(true);
const up3dOptions = sequential(
  input([4, 3, 3, 4]),
  nn.convTranspose3d(4, 2, [3, 2, 3], { stride: 2, padding: 1, outputPadding: [1, 0, 1], groups: 2 }),
);
expectType<TypeEqual<OutputShape<typeof up3dOptions>, [number, 2, 6, 4, 8]>>(true);
expectType<TypeEqual<ConvTranspose3d<8, 4, 2, 2>["kind"], "convTranspose3d">>(true);

// lazy: inChannels is the input's channel dimension
const lazy = sequential(input([3, 28, 28]), nn.lazyConv2d(16, 3, 1, 1), nn.lazyConv2d(8, 3, { groups: 2 }));
expectType<TypeEqual<OutputShape<typeof lazy>, [number, 8, 26, 26]>>(true);
const lazyAny = sequential(input([null, 20]), nn.lazyConv1d(4, 5, 5));
expectType<TypeEqual<OutputShape<typeof lazyAny>, [number, 4, 4]>>(true);
const lazyUp = sequential(input([2, 4, 4, 4]), nn.lazyConvTranspose3d(3, 2, 2));
expectType<TypeEqual<OutputShape<typeof lazyUp>, [number, 3, 8, 8, 8]>>(true);
const lazyUp1d = sequential(input([8, 10]), nn.lazyConvTranspose1d(4, 3, 2));
expectType<TypeEqual<OutputShape<typeof lazyUp1d>, [number, 4, 21]>>(true);
expectType<TypeEqual<LazyConv2d<16, 3>["kind"], "lazyConv2d">>(true);

// 3D pooling: PyTorch's formula, ceil mode's last window; avgPool3d's options do not change the shape
const pooled = sequential(
  input([8, 16, 16, 16]),
  nn.maxPool3d(2),
  nn.maxPool3d(3, { stride: 2, padding: 1, ceilMode: true }),
  nn.avgPool3d(2, { stride: 1, countIncludePad: false, divisorOverride: 3 }),
);
expectType<TypeEqual<OutputShape<typeof pooled>, [number, 8, 4, 4, 4]>>(true);
const averaged = sequential(input([3, 9, 9]), nn.avgPool2d(3, { stride: 2, padding: 1, countIncludePad: false }));
expectType<TypeEqual<OutputShape<typeof averaged>, [number, 3, 5, 5]>>(true);

// LP pooling: average pooling's size with padding 0
const lp = sequential(input([16, 24, 24]), nn.lpPool2d(2, 3, 2), nn.lpPool2d(1.5, 2, { ceilMode: true }));
expectType<TypeEqual<OutputShape<typeof lp>, [number, 16, 6, 6]>>(true);
const lp1d = sequential(input([4, 50]), nn.lpPool1d(3, 3));
expectType<TypeEqual<OutputShape<typeof lp1d>, [number, 4, 16]>>(true);

// adaptive pooling: the spatial dimensions become outputSize (null keeps that size)
const adaptive = sequential(input([8, 5, 6, 7]), nn.adaptiveAvgPool3d([1, null, 2]), nn.adaptiveMaxPool3d(2));
expectType<TypeEqual<OutputShape<typeof adaptive>, [number, 8, 2, 2, 2]>>(true);
const adaptive1d = sequential(input([16, "length"]), nn.adaptiveMaxPool1d(4));
expectType<TypeEqual<OutputShape<typeof adaptive1d>, [number, 16, 4]>>(true);

// unfold: [n, C, H, W] → [n, C·kH·kW, blocks], the blocks as the convolution's output positions
const columns = sequential(input([3, 8, 6]), nn.unfold(2, { stride: 2 }));
expectType<TypeEqual<OutputShape<typeof columns>, [number, 12, 12]>>(true);
const columnsPadded = sequential(input([2, 7, 8]), nn.unfold([3, 2], { dilation: [1, 2], padding: 1, stride: [2, 3] }));
expectType<TypeEqual<OutputShape<typeof columnsPadded>, [number, 12, 12]>>(true);
const columnsNamed = sequential(input(["c", 9, 9]), nn.unfold(3, { padding: 1 }));
expectType<TypeEqual<OutputShape<typeof columnsNamed>, [number, number, 81]>>(true);

// fold: [n, C·kH·kW, L] → [n, C, ...outputSize], L the blocks of outputSize
const image = sequential(input([12, 9]), nn.fold([4, 5], 2, { padding: 1, stride: 2 }));
expectType<TypeEqual<OutputShape<typeof image>, [number, 3, 4, 5]>>(true);
const roundTrip = sequential(
  input([2, 6, 6]),
  nn.unfold(3, { padding: 1, stride: 2 }),
  nn.fold(6, 3, { padding: 1, stride: 2 }),
);
expectType<TypeEqual<OutputShape<typeof roundTrip>, [number, 2, 6, 6]>>(true);
const unknownColumns = sequential(input([null, 9]), nn.fold([4, 5], 2, { padding: 1, stride: 2 }));
expectType<TypeEqual<OutputShape<typeof unknownColumns>, [number, number, 4, 5]>>(true);
