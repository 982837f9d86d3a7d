// `shapecheck>TorchPad`: PyTorch's constant, reflection and replication padding of the last N dimensions of a
// channels-first tensor, computed by ops.pad's padTensor (ops with gradients in every mode: tf.mirrorPad's gradient
// in tfjs 4.22 drops the reflected part, tf.tile has none at rank 5); registered for (de)serialization.
import * as tf from "@tensorflow/tfjs-core";
import * as tfl from "@tensorflow/tfjs-layers";
import { padTensor } from "../../ops/pad.tfjs.ts";

type Shape = (number | null)[];

export interface TorchPadArgs {
  mode: "constant" | "reflect" | "replicate";
  /** 2N numbers, PyTorch's order (last dimension first). */
  pads: number[];
  value: number;
  name?: string;
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
    return tf.tidy(() => padTensor(x, this.settings.pads, this.settings.mode, this.settings.value));
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), mode: this.settings.mode, pads: this.settings.pads, value: this.settings.value };
  }
}
tf.serialization.registerClass(TorchPad);
