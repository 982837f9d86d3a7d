// PixelShuffle written as a custom layer (defineLayer), as a user would write a layer the library
// lacked: its shape rule as a type and as a function (the runtime twin), its forward computation in
// TensorFlow.js ops. It computes what the built-in nn.pixelShuffle does (test/define-layer.test.ts
// compares them); ESPCN (Shi et al., 2016), the super-resolution network it was made for, uses it.
import {
  defineLayer,
  dimDivisible,
  dimQuotient,
  dimTimes,
  input,
  nn,
  sequential,
  type DimDivisible,
  type DimQuotient,
  type DimTimes,
  type ShapeRule,
} from "shapecheck";

/** The shape rule, as a type: [N, C, H, W] → [N, C / r², H·r, W·r]; C must be divisible by r². */
export interface MyPixelShuffleRule<R extends number> extends ShapeRule {
  readonly "~output": this["~input"] extends [infer N, infer C, infer H, infer W]
    ? DimTimes<R, R> extends infer R2 extends number
      ? DimDivisible<C, R2> extends true
        ? [N, DimQuotient<C, R2>, DimTimes<H, R>, DimTimes<W, R>]
        : `myPixelShuffle(${R}): the channels must be divisible by upscaleFactor² = ${R2}`
      : never
    : `myPixelShuffle(${R}): expects an input [batch, channels, height, width]`;
}

/** The definition: the same rule as a function, and the forward computation. */
export const MyPixelShuffle = defineLayer({
  name: "myPixelShuffle",
  outputShape: ({ upscaleFactor: r }: { upscaleFactor: number }, input) => {
    if (input.length !== 4) return `myPixelShuffle(${r}): expects an input [batch, channels, height, width]`;
    const [n, c, h, w] = input;
    if (!dimDivisible(c, r * r))
      return `myPixelShuffle(${r}): the channels must be divisible by upscaleFactor² = ${r * r}`;
    return [n!, dimQuotient(c, r * r), dimTimes(h, r), dimTimes(w, r)];
  },
  // [N, C·r·r, H, W] → [N, C, r, r, H, W] → [N, C, H, r, W, r] → [N, C, H·r, W·r]
  forward: (x, _params, tf, { upscaleFactor: r }) => {
    const [n, c, h, w] = x.shape as [number, number, number, number];
    const split = tf.reshape(x, [n, c / (r * r), r, r, h, w]);
    return tf.reshape(tf.transpose(split, [0, 1, 4, 2, 5, 3]), [n, c / (r * r), h * r, w * r]);
  },
});

/** The builder: `myPixelShuffle(3)`, checked by the compiler with MyPixelShuffleRule. */
export const myPixelShuffle = <const R extends number>(upscaleFactor: R) =>
  MyPixelShuffle.layer<MyPixelShuffleRule<R>>({ upscaleFactor });

/** ESPCN for a 3× upscale of a one-channel image of any size. */
export const espcn = sequential(
  input([1, "h", "w"]),
  nn.conv2d(1, 64, 5, 1, 2),
  nn.tanh(),
  nn.conv2d(64, 32, 3, 1, 1),
  nn.tanh(),
  nn.conv2d(32, 9, 3, 1, 1),
  myPixelShuffle(3),
); // output [number, 1, number, number]
