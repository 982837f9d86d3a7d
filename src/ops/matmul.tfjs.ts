// ops.matmul in a converted graph: the `shapecheck>MatMul` layer (tfjs-layers' Dot layer takes rank ≤ 3
// only), the product of the last two dimensions, leading dimensions batched. A model.json that uses it
// loads where shapecheck is imported (it registers the class).
import * as tf from "@tensorflow/tfjs-core";
import * as tfl from "@tensorflow/tfjs-layers";

type Shape = (number | null)[];

/** [..., n, k] × [..., k, m] → [..., n, m] (torch.matmul on equal leading dimensions). */
export class MatMul extends tfl.layers.Layer {
  static className = "shapecheck>MatMul";

  constructor(args: { name?: string } = {}) {
    super(args);
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape {
    const [a, b] = inputShape as Shape[];
    return [...a!.slice(0, -1), b!.at(-1)!];
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    const [a, b] = inputs as tf.Tensor[];
    return tf.matMul(a!, b!);
  }
}
tf.serialization.registerClass(MatMul);
