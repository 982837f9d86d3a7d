import { expectType, type TypeEqual } from "ts-expect";
import { input, nn, sequential, type MaxPool2d, type Model, type OutputShape } from "shapecheck";

// stride defaults to the kernel size.
const halve = sequential(input([64, 24, 24]), nn.maxPool2d(2));
expectType<TypeEqual<OutputShape<typeof halve>, [number, 64, 12, 12]>>(true);
const odd = sequential(input([64, 25, 25]), nn.avgPool2d(2));
expectType<TypeEqual<OutputShape<typeof odd>, [number, 64, 12, 12]>>(true);
const resnet = sequential(input([64, 112, 112]), nn.maxPool2d(3, 2, 1));
expectType<TypeEqual<OutputShape<typeof resnet>, [number, 64, 56, 56]>>(true);
const tuples = sequential(input([3, 10, 20]), nn.maxPool2d([2, 4], { stride: [1, 3], padding: [1, 2] }));
expectType<TypeEqual<OutputShape<typeof tuples>, [number, 3, 11, 7]>>(true);
const dilated = sequential(input([3, 12]), nn.maxPool1d(3, { stride: 1, dilation: 2 }));
expectType<TypeEqual<OutputShape<typeof dilated>, [number, 3, 8]>>(true);

// ceilMode: ⌈…⌉ instead of ⌊…⌋ ...
const ceil = sequential(input([3, 7]), nn.maxPool1d(2, { ceilMode: true }));
expectType<TypeEqual<OutputShape<typeof ceil>, [number, 3, 4]>>(true);
const floor = sequential(input([3, 7]), nn.maxPool1d(2));
expectType<TypeEqual<OutputShape<typeof floor>, [number, 3, 3]>>(true);
// ... but a last window that would start in the right padding is dropped (PyTorch's rule).
const dropped = sequential(input([3, 5]), nn.avgPool1d(2, { stride: 2, padding: 1, ceilMode: true }));
expectType<TypeEqual<OutputShape<typeof dropped>, [number, 3, 3]>>(true);
const kept = sequential(input([3, 3]), nn.maxPool1d(3, { stride: 3, padding: 1, ceilMode: true }));
expectType<TypeEqual<OutputShape<typeof kept>, [number, 3, 2]>>(true);
// In ceil mode an input shorter than the kernel still gives one window (PyTorch accepts it).
const short = sequential(input([3, 2]), nn.maxPool1d(3, { ceilMode: true }));
expectType<TypeEqual<OutputShape<typeof short>, [number, 3, 1]>>(true);
const exact = sequential(input([3, 6, 6]), nn.avgPool2d(2, { ceilMode: true }));
expectType<TypeEqual<OutputShape<typeof exact>, [number, 3, 3, 3]>>(true);

// Unknown sizes stay unknown, channels and batch pass through.
const anySize = sequential(input(["channels", null, 8], { batch: "batch" }), nn.maxPool2d(2));
expectType<TypeEqual<OutputShape<typeof anySize>, ["batch", "channels", number, 4]>>(true);

type Pool = Model<[64, 24, 24], [MaxPool2d<2>]>;
expectType<TypeEqual<OutputShape<Pool>, [number, 64, 12, 12]>>(true);
