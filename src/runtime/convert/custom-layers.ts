// Two layers tfjs-layers lacks, registered for (de)serialization as `shapecheck>Pad` and
// `shapecheck>AxisSoftmax`. A model.json that uses them loads where shapecheck is imported (they
// appear only for max pooling with padding or ceilMode, padded conv1d/conv3d, and softmax/logSoftmax
// over an axis that is not the last). The others, each in its file: `shapecheck>Conv`
// (conv-layer.ts), `>DilatedPool` (pool-layer.ts), `>CeilAvgPool` (ceil-avg-pool-layer.ts),
// `>AdaptivePool` (adaptive-pool-layer.ts), `>BatchNorm` (batch-norm-layer.ts), `>Embedding`
// (embedding-layer.ts), `>LSTM` (lstm-layer.ts), `>GRU` (gru-layer.ts), `>MultiheadAttention`
// (attention-layer.ts), `>ConvTranspose` (conv-transpose-layer.ts).
import * as tf from "@tensorflow/tfjs-core";
import * as tfl from "@tensorflow/tfjs-layers";

type Shape = (number | null)[];

/** The fill value as JSON keeps it (JSON has no −∞). */
type Fill = number | "-Infinity";

interface PadArgs {
  /** [before, after] per dimension after the batch. */
  paddings: [number, number][];
  /** 0, or "-Infinity" (max pooling's padding). */
  value?: Fill;
  name?: string;
}

/** Pads every non-batch dimension with a constant (PyTorch's F.pad). */
export class Pad extends tfl.layers.Layer {
  static className = "shapecheck>Pad";
  readonly paddings: [number, number][];
  readonly value: Fill;

  constructor(args: PadArgs) {
    super({ name: args.name });
    this.paddings = args.paddings.map(([before, after]) => [before, after]);
    this.value = args.value ?? 0;
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape {
    const shape = inputShape as Shape;
    return shape.map((dim, i) => {
      if (i === 0 || dim === null) return dim;
      const [before, after] = this.paddings[i - 1] ?? [0, 0];
      return dim + before + after;
    });
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    const x = Array.isArray(inputs) ? inputs[0]! : inputs;
    const value = this.value === "-Infinity" ? -Infinity : this.value;
    return tf.pad(x, [[0, 0], ...this.paddings], value);
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), paddings: this.paddings, value: this.value };
  }
}
tf.serialization.registerClass(Pad);

/**
 * softmax or log-softmax over one axis (tfjs's softmax and "logSoftmax" take the last axis only):
 * log-softmax is x − logSumExp(x), softmax its exp.
 */
export class AxisSoftmax extends tfl.layers.Layer {
  static className = "shapecheck>AxisSoftmax";
  readonly axis: number;
  readonly log: boolean;

  constructor(args: { axis: number; log: boolean; name?: string }) {
    super({ name: args.name });
    this.axis = args.axis;
    this.log = args.log;
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    const x = Array.isArray(inputs) ? inputs[0]! : inputs;
    return tf.tidy(() => {
      const logProbabilities = tf.sub(x, tf.logSumExp(x, this.axis, true));
      return this.log ? logProbabilities : tf.exp(logProbabilities);
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), axis: this.axis, log: this.log };
  }
}
tf.serialization.registerClass(AxisSoftmax);
