import { expectType, type TypeEqual } from "ts-expect";
import { input, nn, sequential, type OutputShape } from "shapecheck";

// PyTorch's later arguments positionally (issue 13): shapes as PyTorch 1.13 gives them.
// maxPool(kernel, stride, padding, dilation, returnIndices, ceilMode)
const dilated = sequential(input([3, 16, 16]), nn.maxPool2d(3, 2, 1, 2));
expectType<TypeEqual<OutputShape<typeof dilated>, [number, 3, 7, 7]>>(true);
const ceil = sequential(input([3, 16, 16]), nn.maxPool2d(3, 2, 1, 1, false, true));
expectType<TypeEqual<OutputShape<typeof ceil>, [number, 3, 9, 9]>>(true);
const ceil1d = sequential(input([3, 15]), nn.maxPool1d(3, 2, 1, 2, false, true));
expectType<TypeEqual<OutputShape<typeof ceil1d>, [number, 3, 7]>>(true);
const ceil3d = sequential(input([2, 9, 9, 9]), nn.maxPool3d(2, 2, 0, 2, false, true));
expectType<TypeEqual<OutputShape<typeof ceil3d>, [number, 2, 4, 4, 4]>>(true);
const withOptions = sequential(input([3, 16, 16]), nn.maxPool2d(3, 2, 1, 1, { ceilMode: true }));
expectType<TypeEqual<OutputShape<typeof withOptions>, [number, 3, 9, 9]>>(true);
// avgPool(kernel, stride, padding, ceilMode, countIncludePad, divisorOverride)
const avgCeil = sequential(input([3, 16, 16]), nn.avgPool2d(3, 2, 0, true));
expectType<TypeEqual<OutputShape<typeof avgCeil>, [number, 3, 8, 8]>>(true);
const avg1d = sequential(input([3, 15]), nn.avgPool1d(4, 3, 1, true, false));
expectType<TypeEqual<OutputShape<typeof avg1d>, [number, 3, 6]>>(true);
const avg3d = sequential(input([2, 9, 9, 9]), nn.avgPool3d(3, 2, 1, true, true, 2));
expectType<TypeEqual<OutputShape<typeof avg3d>, [number, 2, 5, 5, 5]>>(true);
