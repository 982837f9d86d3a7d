import { expectType, type TypeEqual } from "ts-expect";
import {
  input,
  nn,
  sequential,
  type ConvTranspose1d,
  type ConvTranspose2d,
  type Model,
  type OutputShape,
} from "shapecheck";

// out = (L − 1)·stride − 2·padding + dilation·(kernel − 1) + outputPadding + 1
const upsample = sequential(input([16, 14, 14], { batch: 2 }), nn.convTranspose2d(16, 8, 3, 2, 1, 1));
expectType<TypeEqual<OutputShape<typeof upsample>, [2, 8, 28, 28]>>(true);
const dcgan = sequential(
  input([100, 1, 1]),
  nn.convTranspose2d(100, 512, 4, 1, 0),
  nn.convTranspose2d(512, 256, 4, 2, 1),
  nn.convTranspose2d(256, 3, 4, 2, 1),
);
expectType<TypeEqual<OutputShape<typeof dcgan>, [number, 3, 16, 16]>>(true);
const oneD = sequential(input([8, 10]), nn.convTranspose1d(8, 4, 3, 2));
expectType<TypeEqual<OutputShape<typeof oneD>, [number, 4, 21]>>(true);

// Options: tuples, dilation, groups, outputPadding < dilation (allowed although not < stride).
const options = sequential(
  input([6, 5, 7]),
  nn.convTranspose2d(6, 4, [3, 2], {
    stride: [1, 2],
    padding: [1, 0],
    outputPadding: [1, 1],
    dilation: [2, 1],
    groups: 2,
  }),
);
expectType<TypeEqual<OutputShape<typeof options>, [number, 4, 8, 15]>>(true);
const shrinking = sequential(input([4, 9]), nn.convTranspose1d(4, 4, 1, { padding: 3 }));
expectType<TypeEqual<OutputShape<typeof shrinking>, [number, 4, 3]>>(true);

// Unknown and named sizes flow through; channels stay known.
const unknown = sequential(input([16, null, "width"]), nn.convTranspose2d(16, 8, 4, 2, 1));
expectType<TypeEqual<OutputShape<typeof unknown>, [number, 8, number, number]>>(true);
const unknownChannels = sequential(input([null, 5]), nn.convTranspose1d(3, 2, 2, 2));
expectType<TypeEqual<OutputShape<typeof unknownChannels>, [number, 2, 10]>>(true);

// The public types, in a model declared as a type.
type Decoder = Model<[16, 14, 14], [ConvTranspose2d<16, 8, 3, 2, 1, 1>, ConvTranspose2d<8, 1, 3, 1, 1>]>;
expectType<TypeEqual<OutputShape<Decoder>, [number, 1, 28, 28]>>(true);
const layer = nn.convTranspose1d(8, 4, 3, 2);
expectType<TypeEqual<typeof layer, ConvTranspose1d<8, 4, 3, 2>>>(true);
