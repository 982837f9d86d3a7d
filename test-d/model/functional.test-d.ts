import { expectType, type TypeEqual } from "ts-expect";
import { graph, input, nn, ops, type Graph, type Symbolic } from "shapecheck";

// A small U-Net-like graph: skip connections joined with cat, checked symbolically.
const x = input([3, 64, 64]);
const down = x.pipe(nn.conv2d(3, 16, 3, 1, 1), nn.relu());
const bottom = down.pipe(nn.maxPool2d(2), nn.conv2d(16, 32, 3, 1, 1), nn.relu());
const up = bottom.pipe(nn.conv2d(32, 16, 1));
expectType<TypeEqual<typeof up, Symbolic<[number, 16, 32, 32]>>>(true);
const joined = ops.cat([down, down.pipe(nn.conv2d(16, 16, 3, 1, 1))], 1);
expectType<TypeEqual<typeof joined, Symbolic<[number, 32, 64, 64]>>>(true);
const summed = ops.add(down, down.pipe(nn.conv2d(16, 16, 3, 1, 1)));
expectType<TypeEqual<typeof summed, Symbolic<[number, 16, 64, 64]>>>(true);

// Named dimensions are equal where the name is the same: attention scores are [batch, seq, seq].
const q = input(["seq", 64], { batch: "batch" });
const kT = input([64, "seq"], { batch: "batch" });
const scores = ops.matmul(q, kT);
expectType<TypeEqual<typeof scores, Symbolic<["batch", "seq", "seq"]>>>(true);

// A shared layer applied twice.
const shared = nn.linear(64, 64);
const twice = q.pipe(shared).pipe(shared);
expectType<TypeEqual<typeof twice, Symbolic<["batch", "seq", 64]>>>(true);

// Several inputs and outputs.
const model = graph({ inputs: [x, q], outputs: [joined, scores] });
expectType<TypeEqual<typeof model, Graph<[[number, 3, 64, 64], ["batch", "seq", 64]], [[number, 32, 64, 64], ["batch", "seq", "seq"]]>>>(true);

// input(…) written inside a call keeps its batch `number` (not inferred from the call's parameter type)
const catOfInputs = ops.cat([input([64, 32, 32]), input([64, 32, 32])], 1);
expectType<TypeEqual<typeof catOfInputs, Symbolic<[number, 128, 32, 32]>>>(true);
