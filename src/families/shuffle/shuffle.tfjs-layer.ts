// `shapecheck>Shuffle`: PyTorch's pixel_shuffle, pixel_unshuffle and channel_shuffle as reshapes and a
// transpose, on a channels-first tensor (so the element order is PyTorch's); registered for (de)serialization.
import * as tf from "@tensorflow/tfjs-core";
import * as tfl from "@tensorflow/tfjs-layers";

type Shape = (number | null)[];

export interface ShuffleArgs {
  fn: "pixelShuffle" | "pixelUnshuffle" | "channelShuffle";
  factor: number;
  name?: string;
}

/** The output shape of PyTorch's rearrangement (null: unknown). */
export function shuffledShape(fn: ShuffleArgs["fn"], r: number, shape: Shape): Shape {
  if (fn === "channelShuffle") return shape;
  const lead = shape.slice(0, -3);
  const [c, h, w] = shape.slice(-3);
  const scale = (d: number | null | undefined, by: number) => (d == null ? null : d * by);
  return fn === "pixelShuffle"
    ? [...lead, scale(c, 1 / (r * r)), scale(h, r), scale(w, r)]
    : [...lead, scale(c, r * r), scale(h, 1 / r), scale(w, 1 / r)];
}

export function shuffle(fn: ShuffleArgs["fn"], r: number, x: tf.Tensor): tf.Tensor {
  const shape = x.shape;
  if (fn === "channelShuffle") {
    const [n, c, ...rest] = shape as number[];
    const grouped = tf.reshape(x, [n!, r, c! / r, ...rest]);
    const order = [0, 2, 1, ...rest.map((_, i) => i + 3)];
    return tf.reshape(tf.transpose(grouped, order), shape);
  }
  const lead = shape.slice(0, -3);
  const [c, h, w] = shape.slice(-3) as [number, number, number];
  const k = lead.length;
  const leadAxes = lead.map((_, i) => i);
  if (fn === "pixelShuffle") {
    // [..., C, r, r, H, W] → [..., C, H, r, W, r]
    const split = tf.reshape(x, [...lead, c / (r * r), r, r, h, w]);
    const moved = tf.transpose(split, [...leadAxes, k, k + 3, k + 1, k + 4, k + 2]);
    return tf.reshape(moved, [...lead, c / (r * r), h * r, w * r]);
  }
  // pixelUnshuffle: [..., C, H/r, r, W/r, r] → [..., C, r, r, H/r, W/r]
  const split = tf.reshape(x, [...lead, c, h / r, r, w / r, r]);
  const moved = tf.transpose(split, [...leadAxes, k, k + 2, k + 4, k + 1, k + 3]);
  return tf.reshape(moved, [...lead, c * r * r, h / r, w / r]);
}

export class Shuffle extends tfl.layers.Layer {
  static className = "shapecheck>Shuffle";
  readonly settings: ShuffleArgs;

  constructor(args: ShuffleArgs) {
    super({ name: args.name });
    this.settings = { fn: args.fn, factor: args.factor };
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape {
    return shuffledShape(this.settings.fn, this.settings.factor, inputShape as Shape);
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    const x = Array.isArray(inputs) ? inputs[0]! : inputs;
    return tf.tidy(() => shuffle(this.settings.fn, this.settings.factor, x));
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), fn: this.settings.fn, factor: this.settings.factor };
  }
}
tf.serialization.registerClass(Shuffle);
