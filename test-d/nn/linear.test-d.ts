import { expectType, type TypeEqual } from "ts-expect";
import { input, nn, sequential, type Linear, type Model, type OutputShape } from "shapecheck";

// [..., inFeatures] → [..., outFeatures], on the last dimension only.
const mlp = sequential(input([784], { batch: 64 }), nn.linear(784, 256), nn.relu(), nn.linear(256, 10));
expectType<TypeEqual<OutputShape<typeof mlp>, [64, 10]>>(true);
const tokens = sequential(
  input(["seq", 512], { batch: "batch" }),
  nn.linear(512, 2048),
  nn.gelu(),
  nn.linear(2048, 512),
);
expectType<TypeEqual<OutputShape<typeof tokens>, ["batch", "seq", 512]>>(true);
// lazyLinear infers inFeatures.
const lazy = sequential(input([7, 3, 5]), nn.flatten(), nn.lazyLinear(4));
expectType<TypeEqual<OutputShape<typeof lazy>, [number, 4]>>(true);
// An unknown last dimension is checked when the model is built.
const unknown = sequential(input([null]), nn.linear(12, 3));
expectType<TypeEqual<OutputShape<typeof unknown>, [number, 3]>>(true);
// Without bias (PyTorch's bias=False), as an option or positionally: the same shapes.
const noBias = sequential(input([784]), nn.linear(784, 256, { bias: false }), nn.linear(256, 10, false));
expectType<TypeEqual<OutputShape<typeof noBias>, [number, 10]>>(true);

type Head = Model<[9216], [Linear<9216, 128>, Linear<128, 10>]>;
expectType<TypeEqual<OutputShape<Head>, [number, 10]>>(true);
