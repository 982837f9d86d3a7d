// Tensor operations in helpers generic over their sizes (issues 17 and 18): the calls compile inside the
// helper (their checks wait for the sizes), and the helper called with literal sizes gives PyTorch's shapes.
import { expectType, type TypeEqual } from "ts-expect";
import { einops, input, nn, ops, type Shape, type Symbolic } from "shapecheck";

type X = Symbolic<["batch", "seq", 64]>;
const x = ops.relu(input(["seq", 64], { batch: "batch" }));
expectType<TypeEqual<typeof x, X>>(true);
const x1 = ops.unsqueeze(ops.mean(x, 1), 1); // ["batch", 1, 64]

// Multi-head attention's reshapes, with the number of heads a parameter.
function heads<H extends number>(t: X, h: H) {
  return ops.transpose(ops.view(t, ["batch", "seq", h, -1]), 1, 2);
}
const split = <H extends number>(t: X, h: H) => einops.rearrange(t, "b s (h d) -> b h s d", { h });
const rows = <H extends number>(t: X, h: H) => ops.reshape(t, [-1, h]);
const grouped = <H extends number>(t: X, h: H) => ops.unflatten(t, 2, [h, -1]);
const padded = <P extends number>(t: X, p: P) => ops.pad(t, [p, p]);
const moved = <D extends number>(t: X, d: D) => ops.permute(t, [0, d, 1]);
const squeezed = <D extends number>(t: Symbolic<["batch", 1, 64]>, d: D) => ops.squeeze(t, d);
const added = <D extends number>(t: X, d: D) => ops.unsqueeze(t, d);
const expanded = <C extends number>(t: Symbolic<["batch", 1, 64]>, c: C) => ops.expand(t, ["batch", c, 64]);
const tiled = <H extends number>(t: X, h: H) => ops.tile(t, [1, h]);
const first = <H extends number>(t: X, h: H) => ops.narrow(t, 1, 0, h);
const last = <D extends number, I extends number>(t: X, d: D, i: I) => ops.select(t, d, i);
const pieces = <H extends number>(t: X, h: H) => ops.split(t, h, -1);
const chunks = <H extends number>(t: X, h: H) => ops.chunk(t, h, -1);
const scores = <D extends number>(t: X, d: D) => ops.softmax(t, d);
const summed = <D extends number>(t: X, d: D) => ops.sum(t, d);
const joined = <D extends number>(t: X, d: D) => ops.cat([t, t], d);

expectType<TypeEqual<ReturnType<typeof heads<8>>, Symbolic<["batch", 8, "seq", 8]>>>(true);
const h8 = heads(x, 8);
expectType<TypeEqual<typeof h8, Symbolic<["batch", 8, "seq", 8]>>>(true);
expectType<TypeEqual<ReturnType<typeof split<4>>, Symbolic<["batch", 4, "seq", 16]>>>(true);
expectType<TypeEqual<ReturnType<typeof rows<16>>, Symbolic<[number, 16]>>>(true);
expectType<TypeEqual<ReturnType<typeof grouped<4>>, Symbolic<["batch", "seq", 4, 16]>>>(true);
expectType<TypeEqual<ReturnType<typeof padded<2>>, Symbolic<["batch", "seq", 68]>>>(true);
expectType<TypeEqual<ReturnType<typeof moved<2>>, Symbolic<["batch", 64, "seq"]>>>(true);
expectType<TypeEqual<ReturnType<typeof squeezed<1>>, Symbolic<["batch", 64]>>>(true);
expectType<TypeEqual<ReturnType<typeof added<-1>>, Symbolic<["batch", "seq", 64, 1]>>>(true);
expectType<TypeEqual<ReturnType<typeof expanded<10>>, Symbolic<["batch", 10, 64]>>>(true);
expectType<TypeEqual<ReturnType<typeof tiled<2>>, Symbolic<["batch", "seq", 128]>>>(true);
expectType<TypeEqual<ReturnType<typeof first<1>>, Symbolic<["batch", 1, 64]>>>(true);
expectType<TypeEqual<ReturnType<typeof last<1, -1>>, Symbolic<["batch", 64]>>>(true);
expectType<TypeEqual<ReturnType<typeof pieces<32>>, [Symbolic<["batch", "seq", 32]>, Symbolic<["batch", "seq", 32]>]>>(
  true,
);
expectType<TypeEqual<ReturnType<typeof chunks<2>>, [Symbolic<["batch", "seq", 32]>, Symbolic<["batch", "seq", 32]>]>>(
  true,
);
expectType<TypeEqual<ReturnType<typeof scores<-1>>, X>>(true);
expectType<TypeEqual<ReturnType<typeof summed<1>>, Symbolic<["batch", 64]>>>(true);
expectType<TypeEqual<ReturnType<typeof joined<-1>>, Symbolic<["batch", "seq", 128]>>>(true);

// The helpers called with literal sizes: each call is checked there.
const calls = [
  split(x, 4),
  rows(x, 16),
  grouped(x, 4),
  padded(x, 2),
  moved(x, 2),
  squeezed(x1, 1),
  added(x, -1),
  expanded(x1, 10),
  tiled(x, 2),
  first(x, 1),
  last(x, 1, -1),
  scores(x, -1),
  summed(x, 1),
  joined(x, -1),
] as const;
expectType<TypeEqual<typeof x1, Symbolic<["batch", 1, 64]>>>(true);
expectType<
  TypeEqual<
    typeof calls,
    readonly [
      Symbolic<["batch", 4, "seq", 16]>,
      Symbolic<[number, 16]>,
      Symbolic<["batch", "seq", 4, 16]>,
      Symbolic<["batch", "seq", 68]>,
      Symbolic<["batch", 64, "seq"]>,
      Symbolic<["batch", 64]>,
      Symbolic<["batch", "seq", 64, 1]>,
      Symbolic<["batch", 10, 64]>,
      Symbolic<["batch", "seq", 128]>,
      Symbolic<["batch", 1, 64]>,
      Symbolic<["batch", 64]>,
      X,
      Symbolic<["batch", 64]>,
      Symbolic<["batch", "seq", 128]>,
    ]
  >
>(true);
expectType<TypeEqual<ReturnType<typeof pieces<32>>, ReturnType<typeof chunks<2>>>>(true);

// A wrong helper call: the compiler cannot report it on the call (the helper's parameters are plain `H`), so the
// shape is unknown and the build throws the operation's message (test/helpers-ops.test.ts, test-d/errors/model/helpers.ts).
const five = heads(x, 5);
expectType<TypeEqual<typeof five, Symbolic<Shape>>>(true);

// Elementwise operations on tensors whose shape is a parameter of the helper (a residual, a scale): the
// broadcast waits for the call, which gives the shape.
const doubled = <S extends Shape>(t: Symbolic<S>) => ops.add(t, t);
const scaledBy = <S extends Shape, N extends number>(t: Symbolic<S>, n: N) => ops.mul(t, n);
const gated = <S extends Shape, G extends Shape>(t: Symbolic<S>, g: Symbolic<G>) => ops.mul(t, g);
expectType<TypeEqual<ReturnType<typeof doubled<["batch", "seq", 64]>>, X>>(true);
expectType<TypeEqual<ReturnType<typeof scaledBy<["batch", "seq", 64], 2>>, X>>(true);
expectType<TypeEqual<ReturnType<typeof gated<["batch", "seq", 64], ["batch", 1, 64]>>, X>>(true);

// Helpers generic over a whole shape (`<S extends Shape>(t: Symbolic<S>)`): an operation on such a tensor waits
// for the call (its dims, sizes and operands are accepted inside the helper), and the call gives PyTorch's shape.
const attention = <S extends Shape, T extends Shape>(q: Symbolic<S>, kT: Symbolic<T>) => ops.matmul(q, kT);
const probabilities = <S extends Shape>(t: Symbolic<S>) => ops.softmax(t, -1);
const normed = <S extends Shape>(t: Symbolic<S>) => ops.sub(t, ops.mean(t, -1, { keepdim: true }));
const shifted = <S extends Shape>(t: Symbolic<S>) => ops.add(t, 1);
const regrouped = <S extends Shape>(t: Symbolic<S>) => ops.view(t, ["batch", "seq", 4, -1]);
const swapped = <S extends Shape>(t: Symbolic<S>) => ops.transpose(t, -2, -1);
const reordered = <S extends Shape>(t: Symbolic<S>) => ops.permute(t, [0, 2, 1]);
const lastStep = <S extends Shape>(t: Symbolic<S>) => ops.select(t, 1, -1);
const halves = <S extends Shape>(t: Symbolic<S>) => ops.chunk(t, 2, -1);
const narrowed = <S extends Shape>(t: Symbolic<S>) => ops.narrow(t, 1, 0, 2);
const unit = <S extends Shape>(t: Symbolic<S>) => ops.squeeze(t, 1);
const flipped = <S extends Shape>(t: Symbolic<S>) => einops.rearrange(t, "b s d -> b d s");
const batched = <S extends Shape, T extends Shape>(a: Symbolic<S>, b: Symbolic<T>) => ops.bmm(a, b);
const larger = <S extends Shape, T extends Shape>(a: Symbolic<S>, b: Symbolic<T>) => ops.maximum(a, b);
const xT = ops.transpose(x, 1, 2); // ["batch", 64, "seq"]
const shapeCalls = [
  attention(x, xT),
  probabilities(x),
  normed(x),
  shifted(x),
  regrouped(x),
  swapped(x),
  reordered(x),
  lastStep(x),
  narrowed(x),
  unit(x1),
  flipped(x),
  batched(x, xT),
  larger(x, x1),
] as const;
expectType<
  TypeEqual<
    typeof shapeCalls,
    readonly [
      Symbolic<["batch", "seq", "seq"]>,
      X,
      X,
      X,
      Symbolic<["batch", "seq", 4, 16]>,
      Symbolic<["batch", 64, "seq"]>,
      Symbolic<["batch", 64, "seq"]>,
      Symbolic<["batch", 64]>,
      Symbolic<["batch", 2, 64]>,
      Symbolic<["batch", 64]>,
      Symbolic<["batch", 64, "seq"]>,
      Symbolic<["batch", "seq", "seq"]>,
      X,
    ]
  >
>(true);
expectType<TypeEqual<ReturnType<typeof halves<["batch", "seq", 64]>>, ReturnType<typeof chunks<2>>>>(true);
// Chains of operations on such a tensor: scaled dot-product attention's scores, a pool after a reshape.
const weights = <S extends Shape, T extends Shape>(q: Symbolic<S>, k: Symbolic<T>) =>
  ops.softmax(ops.div(ops.matmul(q, ops.transpose(k, -2, -1)), 8), -1);
const pooled = <S extends Shape>(t: Symbolic<S>) => ops.amax(ops.squeeze(ops.unsqueeze(t, 1), 1), 1);
const residual = <S extends Shape>(t: Symbolic<S>) => ops.add(t, ops.mul(ops.sigmoid(t), 0.5));
expectType<
  TypeEqual<ReturnType<typeof weights<["batch", "seq", 64], ["batch", "seq", 64]>>, Symbolic<["batch", "seq", "seq"]>>
>(true);
expectType<TypeEqual<ReturnType<typeof pooled<["batch", "seq", 64]>>, Symbolic<["batch", 64]>>>(true);
expectType<TypeEqual<ReturnType<typeof residual<["batch", "seq", 64]>>, X>>(true);
// Layers piped on such a tensor: accepted inside the helper, walked where it is called.
const block = <S extends Shape>(t: Symbolic<S>) => t.pipe(nn.linear(64, 128), nn.relu());
const normalized = <S extends Shape>(t: Symbolic<S>) => ops.add(t, t.pipe(nn.layerNorm(64)));
expectType<TypeEqual<ReturnType<typeof block<["batch", "seq", 64]>>, Symbolic<["batch", "seq", 128]>>>(true);
expectType<TypeEqual<ReturnType<typeof normalized<["batch", "seq", 64]>>, X>>(true);
const narrowTokens = ops.relu(input(["seq", 32], { batch: "batch" }));
const blockMisfit = block(narrowTokens); // linear(64, 128) on [batch, seq, 32]: unknown; the build throws linear's message
expectType<TypeEqual<typeof blockMisfit, Symbolic<Shape>>>(true);
const chained = [weights(x, x), pooled(x), residual(x)] as const;
expectType<TypeEqual<typeof chained, readonly [Symbolic<["batch", "seq", "seq"]>, Symbolic<["batch", 64]>, X]>>(true);
// Called with shapes that do not fit, the shape is unknown (the build throws the operation's message).
const misfit = attention(x, x);
expectType<TypeEqual<typeof misfit, Symbolic<Shape>>>(true);
