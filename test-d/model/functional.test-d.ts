import { expectType, type TypeEqual } from "ts-expect";
import { einops, graph, input, nn, ops, type Graph, type Symbolic } from "shapecheck";

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
expectType<
  TypeEqual<
    typeof model,
    Graph<[[number, 3, 64, 64], ["batch", "seq", 64]], [[number, 32, 64, 64], ["batch", "seq", "seq"]]>
  >
>(true);

// input(…) written inside a call keeps its batch `number` (not inferred from the call's parameter type)
const catOfInputs = ops.cat([input([64, 32, 32]), input([64, 32, 32])], 1);
expectType<TypeEqual<typeof catOfInputs, Symbolic<[number, 128, 32, 32]>>>(true);

// ---- ops (src/ops/): named dimensions flow, a failed op gives an unknown shape ----
const tokens = input(["seq", 512], { batch: "b" });
const perHead = ops.view(tokens, ["b", "seq", 8, 64]);
expectType<TypeEqual<typeof perHead, Symbolic<["b", "seq", 8, 64]>>>(true);
const headsFirst = ops.transpose(perHead, 1, 2);
expectType<TypeEqual<typeof headsFirst, Symbolic<["b", 8, "seq", 64]>>>(true);
const attention = ops.softmax(ops.div(ops.matmul(headsFirst, ops.transpose(headsFirst, -2, -1)), 8), -1);
expectType<TypeEqual<typeof attention, Symbolic<["b", 8, "seq", "seq"]>>>(true);
const viaEinsum = ops.einsum("bhqd,bhkd->bhqk", headsFirst, headsFirst);
expectType<TypeEqual<typeof viaEinsum, Symbolic<["b", 8, "seq", "seq"]>>>(true);
const merged = einops.rearrange(ops.matmul(attention, headsFirst), "b h s d -> b s (h d)");
expectType<TypeEqual<typeof merged, Symbolic<["b", "seq", 512]>>>(true);
// arithmetic on a name gives `number` (checked when the model is built)
const flat = ops.flatten(tokens, 1);
expectType<TypeEqual<typeof flat, Symbolic<["b", number]>>>(true);
// x.view(x.size(0), -1) keeps an unknown batch
const maps = input([64, 7, 7]);
const vectors = ops.view(maps, [maps.size(0), -1]);
expectType<TypeEqual<typeof vectors, Symbolic<[number, 3136]>>>(true);
const [first, second] = ops.chunk(input(["seq", 10]), 2, -1);
expectType<TypeEqual<[typeof first, typeof second], [Symbolic<[number, "seq", 5]>, Symbolic<[number, "seq", 5]>]>>(
  true,
);
const lastStep = ops.select(input(["seq", 128]), 1, -1);
expectType<TypeEqual<typeof lastStep, Symbolic<[number, 128]>>>(true);
const broadcast = ops.mul(input([64, 8, 8]), ops.mean(input([64, 8, 8]), [2, 3], { keepdim: true }));
expectType<TypeEqual<typeof broadcast, Symbolic<[number, 64, 8, 8]>>>(true);
const batched = ops.matmul(input([3, 4, 5]), input([1, 5, 6], { batch: 1 }));
expectType<TypeEqual<typeof batched, Symbolic<[number, 3, 4, 6]>>>(true);
const unknownPlusKnown = ops.add(input([null, 64]), input([10, 64]));
expectType<TypeEqual<typeof unknownPlusKnown, Symbolic<[number, 10, 64]>>>(true);
