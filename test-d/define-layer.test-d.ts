// defineLayer: a user's own layers, checked by the compiler with the user's rule, like the built-ins.
import { expectType, type TypeEqual } from "ts-expect";
import {
  defineLayer,
  graph,
  input,
  nn,
  sequential,
  type CustomLayer,
  type DimDivisible,
  type DimFits,
  type DimQuotient,
  type DimTimes,
  type OutputShape,
  type SameShape,
  type Shape,
  type ShapeRule,
} from "shapecheck";
import { myPixelShuffle, type MyPixelShuffleRule } from "../examples/custom-pixel-shuffle.ts";
import { positionalEmbedding, PositionalEmbedding, tagger } from "../examples/positional-embedding.ts";

// The helpers for dimensions that may be unknown (number) or named (a string).
expectType<TypeEqual<DimFits<64, 64>, true>>(true);
expectType<TypeEqual<DimFits<32, 64>, false>>(true);
expectType<TypeEqual<DimFits<number, 64>, true>>(true);
expectType<TypeEqual<DimFits<"d", 64>, true>>(true);
expectType<TypeEqual<DimFits<32, number>, true>>(true);
expectType<TypeEqual<DimTimes<8, 3>, 24>>(true);
expectType<TypeEqual<DimTimes<number, 3>, number>>(true);
expectType<TypeEqual<DimTimes<"h", 3>, number>>(true);
expectType<TypeEqual<DimDivisible<12, 4>, true>>(true);
expectType<TypeEqual<DimDivisible<10, 4>, false>>(true);
expectType<TypeEqual<DimDivisible<number, 4>, true>>(true);
expectType<TypeEqual<DimQuotient<12, 4>, 3>>(true);
expectType<TypeEqual<DimQuotient<"c", 4>, number>>(true);

// PixelShuffle as a custom layer: the same shapes as nn.pixelShuffle.
const custom = sequential(input([12, 8, 8]), myPixelShuffle(2));
const builtIn = sequential(input([12, 8, 8]), nn.pixelShuffle(2));
expectType<TypeEqual<OutputShape<typeof custom>, [number, 3, 16, 16]>>(true);
expectType<TypeEqual<OutputShape<typeof custom>, OutputShape<typeof builtIn>>>(true);
const unknownSize = sequential(input([18, null, "w"]), myPixelShuffle(3));
expectType<TypeEqual<OutputShape<typeof unknownSize>, [number, 2, number, number]>>(true);
expectType<TypeEqual<ReturnType<typeof myPixelShuffle<2>>, CustomLayer<MyPixelShuffleRule<2>>>>(true);

// The positional embedding keeps [batch, seq, dim]; unknown and named dimensions are left to the runtime.
expectType<TypeEqual<OutputShape<typeof tagger>, [number, 16, 5]>>(true);
const kept = sequential(input([16, 64]), positionalEmbedding(16, 64), nn.linear(64, 10));
expectType<TypeEqual<OutputShape<typeof kept>, [number, 16, 10]>>(true);
const named = sequential(input(["seq", null]), positionalEmbedding(16, 64));
expectType<TypeEqual<OutputShape<typeof named>, [number, "seq", number]>>(true);
// In the functional API, as any layer.
const tokens = input([16, 64]);
const mixed = graph({ inputs: [tokens], outputs: [tokens.pipe(positionalEmbedding(16, 64), nn.relu())] });
expectType<TypeEqual<OutputShape<typeof mixed>, [number, 16, 64]>>(true);

// Settings and parameter names are inferred from the definition: `forward` gets `{ weight }`.
PositionalEmbedding.layer({ seq: 4, dim: 8 });
// @ts-expect-error the settings are the definition's
PositionalEmbedding.layer({ seq: 4 });

// A layer made without a rule: the compiler does not know its output; the model's shape is Shape.
const Opaque = defineLayer({
  name: "opaqueForTypes",
  outputShape: (_settings: {}, input) => input,
  forward: (x) => x,
});
const opaque = sequential(input([10]), Opaque.layer({}));
expectType<TypeEqual<OutputShape<typeof opaque>, Shape>>(true);

// A rule that keeps the shape can be the library's SameShape.
const Twice = defineLayer({
  name: "twiceForTypes",
  outputShape: (_settings: {}, input) => input,
  forward: (x, _params, tf) => tf.mul(x, 2),
});
const twice = sequential(input([3, 4]), Twice.layer<SameShape>({}), nn.flatten());
expectType<TypeEqual<OutputShape<typeof twice>, [number, 12]>>(true);

// A rule on its own, for a type test of its own (see docs/custom-layers.md).
interface AddsOne extends ShapeRule {
  readonly "~output": this["~input"] extends [infer B, infer F extends number]
    ? [B, DimTimes<F, 2>]
    : "addsOne: rank 2";
}
type Applied = (AddsOne & { readonly "~input": [number, 5] })["~output"];
expectType<TypeEqual<Applied, [number, 10]>>(true);

// The forward gets the parameters the definition declares, by name.
defineLayer({
  name: "typoForTypes",
  outputShape: (_settings: {}, input) => input,
  params: () => ({ weight: [3] }),
  // @ts-expect-error the parameter is `weight`
  forward: (x, { wieght }, tf) => tf.add(x, wieght),
});
