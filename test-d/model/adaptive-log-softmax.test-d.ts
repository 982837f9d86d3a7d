// nn.adaptiveLogSoftmaxWithLoss called on an input and a target (two inputs, two outputs: its type tests are calls).
import { expectType, type TypeEqual } from "ts-expect";
import { input, nn, type Shape, type Symbolic } from "shapecheck";

const asm = nn.adaptiveLogSoftmaxWithLoss(16, 100, [10, 50]);
expectType<TypeEqual<typeof asm.cutoffs, readonly [10, 50]>>(true);

// input [batch, in], target [batch] → [output [batch], loss []]
const [output, loss] = asm.call(input([16]), input([]));
expectType<TypeEqual<typeof output, Symbolic<[number]>>>(true);
expectType<TypeEqual<typeof loss, Symbolic<[]>>>(true);

// a known batch on either side is the output's
const known = asm.call(input([16]), input([], { batch: 32 }));
expectType<TypeEqual<typeof known, [Symbolic<[32]>, Symbolic<[]>]>>(true);

// options; one cutoff
const small = nn.adaptiveLogSoftmaxWithLoss(8, 10, [3], { divValue: 2, headBias: true }).call(input([8]), input([]));
expectType<TypeEqual<typeof small, [Symbolic<[number]>, Symbolic<[]>]>>(true);

// cutoffs unknown to the compiler are checked at run time
declare const cutoffs: number[];
const later = nn.adaptiveLogSoftmaxWithLoss(16, 100, cutoffs).call(input([16]), input([]));
expectType<TypeEqual<typeof later, [Symbolic<[number]>, Symbolic<[]>]>>(true);

// after a mistake (an error on the argument), the outputs are of unknown shape
// @ts-expect-error input's last dimension 12 must equal inFeatures 16
const [wrongOutput, wrongLoss] = asm.call(input([12]), input([]));
expectType<TypeEqual<typeof wrongOutput, Symbolic<Shape>>>(true);
expectType<TypeEqual<typeof wrongLoss, Symbolic<Shape>>>(true);

// the output feeds other operations
const scaled = output.pipe(nn.relu());
expectType<TypeEqual<typeof scaled, Symbolic<[number]>>>(true);
