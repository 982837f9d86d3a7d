// nn.bilinear called on two symbolic tensors (a two-input layer: its type tests are calls, not sequential models).
import { expectType, type TypeEqual } from "ts-expect";
import { input, nn, type Shape, type Symbolic } from "shapecheck";

const layer = nn.bilinear(4, 5, 3);
expectType<TypeEqual<typeof layer.in1Features, 4>>(true);

// [batch, in1] and [batch, in2] → [batch, out]
const flat = layer.call(input([4]), input([5]));
expectType<TypeEqual<typeof flat, Symbolic<[number, 3]>>>(true);

// leading dimensions kept: [batch, seq, in1], [batch, seq, in2] → [batch, seq, out]
const seq = layer.call(input([7, 4]), input([7, 5]));
expectType<TypeEqual<typeof seq, Symbolic<[number, 7, 3]>>>(true);

// a known batch on one side is the output's; named dimensions pass through
const batched = nn.bilinear(2, 6, 8, { bias: false }).call(input([3, 2], { batch: 16 }), input([3, 6]));
expectType<TypeEqual<typeof batched, Symbolic<[16, 3, 8]>>>(true);
const named = layer.call(input(["seq", 4]), input(["seq", 5]));
expectType<TypeEqual<typeof named, Symbolic<[number, "seq", 3]>>>(true);

// rank 4
const image = nn.bilinear(3, 3, 1).call(input([5, 6, 3]), input([5, 6, 3]));
expectType<TypeEqual<typeof image, Symbolic<[number, 5, 6, 1]>>>(true);

// after a mistake (an error on the argument), the result is of unknown shape: later lines accept it
// @ts-expect-error input2's last dimension 6 must equal in2Features 5
const wrong = layer.call(input([7, 4]), input([7, 6]));
expectType<TypeEqual<typeof wrong, Symbolic<Shape>>>(true);

// in a graph, then through other layers
const x1 = input([10, 4]);
const x2 = input([10, 5]);
const y = layer.call(x1, x2).pipe(nn.relu(), nn.linear(3, 2));
expectType<TypeEqual<typeof y, Symbolic<[number, 10, 2]>>>(true);
