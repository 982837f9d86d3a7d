// nn.repeat(n, ...block) (issue 17): n copies of a block, checked once per distinct shape.
import { expectType, type TypeEqual } from "ts-expect";
import { input, nn, sequential, type OutputShape, type ShapeTrace } from "../../src/index.ts";
import { resnet50 } from "../../examples/resnet50.ts";
import { resnet50WrittenOut } from "../../examples/resnet50-written-out.ts";

const keep = sequential(input([64, 56, 56]), nn.repeat(3, nn.conv2d(64, 64, 3, 1, 1), nn.relu()), nn.flatten());
expectType<TypeEqual<OutputShape<typeof keep>, [number, 200704]>>(true);

// A block that changes the shape is applied n times.
const halve = sequential(input([64, 56, 56]), nn.repeat(2, nn.conv2d(64, 64, 3, 2, 1)));
expectType<TypeEqual<OutputShape<typeof halve>, [number, 64, 14, 14]>>(true);

// A count unknown to the compiler: a block that keeps the shape keeps it; one that changes it makes it unknown.
const count: number = 4;
const unknownCount = sequential(input([16, 8, 8]), nn.repeat(count, nn.conv2d(16, 16, 3, 1, 1)), nn.flatten());
expectType<TypeEqual<OutputShape<typeof unknownCount>, [number, 1024]>>(true);

// ResNet-50 with helpers and nn.repeat: PyTorch's shapes, the same as written out.
expectType<TypeEqual<OutputShape<typeof resnet50>, [number, 1000]>>(true);
expectType<TypeEqual<OutputShape<typeof resnet50WrittenOut>, [number, 1000]>>(true);
expectType<TypeEqual<ShapeTrace<typeof resnet50>[15], [number, 2048, 7, 7]>>(true);
expectType<TypeEqual<ShapeTrace<typeof resnet50>[17], [number, 2048]>>(true);
