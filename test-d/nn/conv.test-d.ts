import { expectType, type TypeEqual } from "ts-expect";
import { input, nn, sequential, type Conv1d, type Conv2d, type Model, type OutputShape } from "shapecheck";

// out = ⌊(L + 2·padding − dilation·(kernel − 1) − 1) / stride⌋ + 1, per spatial dimension.
const positional = sequential(input([3, 32, 32], { batch: 8 }), nn.conv2d(3, 16, 5, 2, 1));
expectType<TypeEqual<OutputShape<typeof positional>, [8, 16, 15, 15]>>(true);
const tuples = sequential(input([3, 17, 9]), nn.conv2d(3, 8, [3, 1], [2, 1], [1, 0]));
expectType<TypeEqual<OutputShape<typeof tuples>, [number, 8, 9, 9]>>(true);
const dilated = sequential(input([3, 17, 9]), nn.conv2d(3, 8, 3, { dilation: [2, 1], padding: 1 }));
expectType<TypeEqual<OutputShape<typeof dilated>, [number, 8, 15, 9]>>(true);
// "same" keeps the size (also with an even or dilated kernel), "valid" is padding 0.
const same = sequential(input([64, 13, 10]), nn.conv2d(64, 64, 4, { padding: "same", dilation: 3 }));
expectType<TypeEqual<OutputShape<typeof same>, [number, 64, 13, 10]>>(true);
const samePositional = sequential(input([4, 9]), nn.conv1d(4, 2, 6, 1, "same"));
expectType<TypeEqual<OutputShape<typeof samePositional>, [number, 2, 9]>>(true);
const valid = sequential(input([4, 9]), nn.conv1d(4, 2, 3, { padding: "valid", stride: 2 }));
expectType<TypeEqual<OutputShape<typeof valid>, [number, 2, 4]>>(true);
// groups divides both channel counts (depthwise: groups = inChannels).
const depthwise = sequential(input([32, 28, 28]), nn.conv2d(32, 64, 3, { groups: 32, padding: 1 }));
expectType<TypeEqual<OutputShape<typeof depthwise>, [number, 64, 28, 28]>>(true);
// The kernel exactly as large as the padded input gives 1.
const exact = sequential(input([1, 3, 5]), nn.conv2d(1, 1, [5, 7], { padding: 1 }));
expectType<TypeEqual<OutputShape<typeof exact>, [number, 1, 1, 1]>>(true);
const volume = sequential(input([2, 9, 8, 7]), nn.conv3d(2, 4, [3, 2, 1], { stride: [1, 2, 3], padding: [1, 0, 0] }));
expectType<TypeEqual<OutputShape<typeof volume>, [number, 4, 9, 4, 3]>>(true);

// Unknown and named spatial sizes stay unknown; an unknown channel dimension becomes known after the layer.
const anySize = sequential(input([null, null, "width"]), nn.conv2d(3, 8, 3));
expectType<TypeEqual<OutputShape<typeof anySize>, [number, 8, number, number]>>(true);
// A size-keeping convolution (stride 1, an odd kernel padded by half, or a 1×1 kernel) keeps a named size.
const keepsNames = sequential(
  input([64, "seq"], { batch: "batch" }),
  nn.conv1d(64, 32, 3, 1, 1),
  nn.conv1d(32, 16, 1),
  nn.conv1d(16, 8, 5, { padding: 2 }),
);
expectType<TypeEqual<OutputShape<typeof keepsNames>, ["batch", 8, "seq"]>>(true);
const stridedNamed = sequential(input([64, "seq"]), nn.conv1d(64, 32, 3, 2, 1));
expectType<TypeEqual<OutputShape<typeof stridedNamed>, [number, 32, number]>>(true);

type Stem = Model<[3, 224, 224], [Conv2d<3, 64, 7, 2, 3>]>;
expectType<TypeEqual<OutputShape<Stem>, [number, 64, 112, 112]>>(true);
type Audio = Model<[1, 16000], [Conv1d<1, 32, 80, 16>]>;
expectType<TypeEqual<OutputShape<Audio>, [number, 32, 996]>>(true);
