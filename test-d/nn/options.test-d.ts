// PyTorch's call styles (issue 13, item 3): positional arguments up to PyTorch's order, then one options object;
// options that change nothing here (`batchFirst: true`, `inplace`) are accepted. Runtime twin: test/nn-options.test.ts.
import { expectType, type TypeEqual } from "ts-expect";
import { input, nn, sequential, type Conv2d, type ConvTranspose2d, type MaxPool2d, type OutputShape } from "shapecheck";

// DCGAN's discriminator: nn.Conv2d(3, 64, 4, 2, 1, bias=False).
const dcgan = sequential(
  input([3, 64, 64]),
  nn.conv2d(3, 64, 4, 2, 1, { bias: false }),
  nn.leakyRelu(0.2, true),
  nn.conv2d(64, 128, 4, 2, { padding: 1, bias: false }),
);
expectType<TypeEqual<OutputShape<typeof dcgan>, [number, 128, 16, 16]>>(true);
expectType<TypeEqual<ReturnType<typeof nn.conv2d<3, 64, 4, 2, 1, { bias: false }>>, Conv2d<3, 64, 4, 2, 1, 1, 1>>>(
  true,
);
// DCGAN's generator: nn.ConvTranspose2d(64, 32, 4, 2, 1, bias=False).
const generator = sequential(
  input([64, 8, 8]),
  nn.convTranspose2d(64, 32, 4, 2, 1, { bias: false }),
  nn.convTranspose2d(32, 16, 3, 2, 1, 1, { bias: false }),
  nn.convTranspose2d(16, 8, 3, { stride: 2, padding: 1, outputPadding: 1 }),
);
expectType<TypeEqual<OutputShape<typeof generator>, [number, 8, 64, 64]>>(true);
expectType<
  TypeEqual<
    ReturnType<typeof nn.convTranspose2d<16, 8, 3, 2, 1, 1, { bias: false }>>,
    ConvTranspose2d<16, 8, 3, 2, 1, 1, 1, 1>
  >
>(true);
// ResNet's stem: nn.MaxPool2d(kernel_size=3, stride=2, padding=1); with ceil_mode=True, 17 instead of 16.
const pools = sequential(input([8, 32, 32]), nn.maxPool2d(3, { stride: 2, padding: 1, ceilMode: true }));
expectType<TypeEqual<OutputShape<typeof pools>, [number, 8, 17, 17]>>(true);
const pools2 = sequential(
  input([8, 32, 32]),
  nn.maxPool2d(3, 2, 1, { ceilMode: true }),
  nn.maxPool2d(3, 2, { padding: 1 }),
  nn.avgPool2d(2, 2, 0, { ceilMode: true }),
);
expectType<TypeEqual<OutputShape<typeof pools2>, [number, 8, 5, 5]>>(true);
expectType<TypeEqual<ReturnType<typeof nn.maxPool2d<3, 2, 1, { ceilMode: true }>>, MaxPool2d<3, 2, 1, 1, true>>>(true);
// Recurrent layers: nn.LSTM(10, 20, 2, batch_first=True).
const recurrent = sequential(
  input([12, 10]),
  nn.lstm(10, 20, 2, { batchFirst: true }),
  nn.gru(20, 8, { bidirectional: true, batchFirst: true }),
  nn.multiheadAttention(16, 4, { batchFirst: true }),
);
expectType<TypeEqual<OutputShape<typeof recurrent>, [number, 12, 16]>>(true);
expectType<TypeEqual<ReturnType<typeof nn.lstm<10, 20, 2, {}>>["numLayers"], 2>>(true);
// inplace changes nothing; dropout's p positionally or as an option.
const activations = sequential(
  input([10]),
  nn.relu(true),
  nn.relu({ inplace: true }),
  nn.leakyRelu({ negativeSlope: 0.1 }),
  nn.dropout(0.2, true),
  nn.dropout({ p: 0.3 }),
  nn.linear(10, 5, true),
  nn.linear(5, 3, { bias: true }),
);
expectType<TypeEqual<OutputShape<typeof activations>, [number, 3]>>(true);
expectType<TypeEqual<ReturnType<typeof nn.dropout<{ p: 0.3 }>>["p"], 0.3>>(true);
