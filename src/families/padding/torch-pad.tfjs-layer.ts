// `shapecheck>TorchPad`: PyTorch's constant, reflection and replication padding of the last N dimensions of a
// channels-first tensor (tf.pad, tf.mirrorPad "reflect", edge slices tiled); registered for (de)serialization.
import * as tf from "@tensorflow/tfjs-core";
import * as tfl from "@tensorflow/tfjs-layers";

type Shape = (number | null)[];

export interface TorchPadArgs {
  mode: "constant" | "reflect" | "replicate";
  /** 2N numbers, PyTorch's order (last dimension first). */
  pads: number[];
  value: number;
  name?: string;
}

/** An edge slice of `x` (index 0 or the last along `axis`) repeated `count` times along it. */
function edge(x: tf.Tensor, axis: number, last: boolean, count: number): tf.Tensor {
  const begin = x.shape.map((d, i) => (i === axis && last ? d! - 1 : 0));
  const size = x.shape.map((d, i) => (i === axis ? 1 : d!));
  return tf.tile(
    tf.slice(x, begin, size),
    x.shape.map((_, i) => (i === axis ? count : 1)),
  );
}

export class TorchPad extends tfl.layers.Layer {
  static className = "shapecheck>TorchPad";
  readonly settings: TorchPadArgs;

  constructor(args: TorchPadArgs) {
    super({ name: args.name });
    this.settings = { mode: args.mode, pads: [...args.pads], value: args.value };
  }

  /** [before, after] per axis of a tensor of `rank`. */
  private paddings(rank: number): [number, number][] {
    const n = this.settings.pads.length / 2;
    return Array.from({ length: rank }, (_, axis) => {
      const k = rank - 1 - axis;
      return k < n ? [this.settings.pads[2 * k]!, this.settings.pads[2 * k + 1]!] : [0, 0];
    });
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape {
    const shape = inputShape as Shape;
    const paddings = this.paddings(shape.length);
    return shape.map((d, i) => (d === null ? null : d + paddings[i]![0] + paddings[i]![1]));
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    const x = Array.isArray(inputs) ? inputs[0]! : inputs;
    const paddings = this.paddings(x.rank);
    return tf.tidy(() => {
      if (this.settings.mode === "constant") return tf.pad(x, paddings, this.settings.value);
      if (this.settings.mode === "reflect") return tf.mirrorPad(x, paddings, "reflect");
      let y = x;
      paddings.forEach(([before, after], axis) => {
        if (before === 0 && after === 0) return;
        const parts = [
          ...(before > 0 ? [edge(y, axis, false, before)] : []),
          y,
          ...(after > 0 ? [edge(y, axis, true, after)] : []),
        ];
        y = tf.concat(parts, axis);
      });
      return y;
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), mode: this.settings.mode, pads: this.settings.pads, value: this.settings.value };
  }
}
tf.serialization.registerClass(TorchPad);
