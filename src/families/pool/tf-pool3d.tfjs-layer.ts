// `shapecheck>MaxPooling3D`: tfjs's MaxPooling3D (poolSize, strides, "valid" or "same", channels last or first)
// computed as two 2D max poolings (pool.tfjs-layer.ts's maxPool3d): tfjs-backend-wasm 4.22's MaxPool3D starts each
// window's max at the smallest positive float, so a window of negative values gives 1.2e-38 there. "same" pads with
// −∞ as tfjs does (the odd element after).
import * as tf from "@tensorflow/tfjs-core";
import * as tfl from "@tensorflow/tfjs-layers";
import { maxPool3d } from "./pool.tfjs-layer.ts";
import { tfConvLength } from "../conv/tf-conv.ts";
import { tfPoolRule } from "./tf-pool.ts";

type Shape = (number | null)[];

export interface MaxPooling3DArgs {
  poolSize: number[];
  strides: number[];
  padding: "valid" | "same";
  dataFormat: "channelsLast" | "channelsFirst";
  name?: string;
}

export class MaxPooling3D extends tfl.layers.Layer {
  static className = "shapecheck>MaxPooling3D";
  readonly settings: MaxPooling3DArgs;

  constructor(args: MaxPooling3DArgs) {
    super({ name: args.name });
    this.settings = args;
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape {
    const { poolSize, strides, padding, dataFormat } = this.settings;
    // tfjs's rule (tf-pool.ts)
    return tfPoolRule(this.name, 3, { kernels: poolSize, strides, padding, dataFormat }, inputShape as Shape) as Shape;
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    const input = Array.isArray(inputs) ? inputs[0]! : inputs;
    const { poolSize, strides, padding, dataFormat } = this.settings;
    return tf.tidy(() => {
      const first = dataFormat === "channelsFirst";
      let x = first ? tf.transpose(input, [0, 2, 3, 4, 1]) : input;
      if (padding === "same") {
        const pads = x.shape.slice(1, -1).map((n, i): [number, number] => {
          const out = tfConvLength(this.name, i, n, poolSize[i]!, strides[i]!, "same", 1) as number; // ⌈n / stride⌉
          const total = Math.max((out - 1) * strides[i]! + poolSize[i]! - n, 0);
          return [Math.floor(total / 2), total - Math.floor(total / 2)];
        });
        if (pads.some(([a, b]) => a + b > 0)) x = tf.pad(x, [[0, 0], ...pads, [0, 0]], -Infinity);
      }
      const y = maxPool3d(x, poolSize, strides);
      return first ? tf.transpose(y, [0, 4, 1, 2, 3]) : y;
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    const { name: _name, ...args } = this.settings;
    return { ...super.getConfig(), ...args };
  }
}
tf.serialization.registerClass(MaxPooling3D);
