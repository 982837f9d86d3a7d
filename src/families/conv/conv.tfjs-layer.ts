// `shapecheck>Conv`: a channels-last convolution (1, 2 or 3 spatial dimensions, "valid") with what
// tfjs's conv layers lack: groups (1 < groups, not depthwise), a stride > 1 with a dilation > 1, and
// a dilation that trains (tfjs-core's conv gradients refuse dilations). Built from tf ops whose
// gradients exist (see dilation.ts). Weights as tfjs's conv layers: `kernel` [...kernel, in/groups,
// out] (group j's outputs are the j-th slice of `out`, PyTorch's order) and `bias` [out].
import * as tf from "@tensorflow/tfjs-core";
import * as tfl from "@tensorflow/tfjs-layers";
import { stridedDilated } from "./dilation.tfjs.ts";
import { convSize } from "./conv.ts";

type Shape = (number | null)[];

export interface ConvArgs {
  rank: 1 | 2 | 3;
  filters: number;
  kernelSize: number[];
  strides: number[];
  dilations: number[];
  groups: number;
  useBias: boolean;
  /** A following relu, applied here. */
  activation?: "relu" | null;
  /** Initial weights and bias: U(−bound, bound) (PyTorch's 1/√fanIn). */
  initBound: number;
  name?: string;
  trainable?: boolean;
}

/** One "valid" convolution with no dilation. */
function convolve(x: tf.Tensor, kernel: tf.Tensor, strides: number[]): tf.Tensor {
  if (x.rank === 3) return tf.conv1d(x as tf.Tensor3D, kernel as tf.Tensor3D, strides[0]!, "valid");
  if (x.rank === 4) return tf.conv2d(x as tf.Tensor4D, kernel as tf.Tensor4D, strides as [number, number], "valid");
  return tf.conv3d(x as tf.Tensor5D, kernel as tf.Tensor5D, strides as [number, number, number], "valid");
}

/** A depthwise convolution (groups = channels) of 1 or 2 spatial dimensions; kernel [...kernel, 1, out]. */
function depthwise(x: tf.Tensor, kernel: tf.Tensor, strides: number[]): tf.Tensor {
  const channels = x.shape.at(-1)!;
  const [k1, k2] = kernel.rank === 3 ? [1, kernel.shape[0]] : kernel.shape;
  // Output c·m + j comes from channel c: tfjs's depthwise order, a reshape away.
  const filter = tf.reshape(kernel, [k1!, k2!, channels, kernel.shape.at(-1)! / channels]) as tf.Tensor4D;
  if (x.rank === 4) return tf.depthwiseConv2d(x as tf.Tensor4D, filter, strides as [number, number], "valid");
  const y = tf.depthwiseConv2d(tf.expandDims(x, 1) as tf.Tensor4D, filter, [1, strides[0]!], "valid");
  return tf.squeeze(y, [1]);
}

/** A "valid" channels-last convolution with groups, strides and dilations; kernel [...kernel, in/groups, out]. */
export function groupedConv(
  x: tf.Tensor,
  kernel: tf.Tensor,
  groups: number,
  strides: number[],
  dilations: number[],
): tf.Tensor {
  const op = (input: tf.Tensor, steps: number[]): tf.Tensor => {
    if (groups === 1) return convolve(input, kernel, steps);
    if (groups === input.shape.at(-1) && input.rank <= 4) return depthwise(input, kernel, steps);
    const parts = tf.split(input, groups, -1);
    const kernels = tf.split(kernel, groups, -1);
    return tf.concat(
      parts.map((part, j) => convolve(part, kernels[j]!, steps)),
      -1,
    );
  };
  return stridedDilated(x, strides, dilations, op);
}

/** What a grouped convolution's weights need to know. */
type WeightArgs = Pick<ConvArgs, "filters" | "kernelSize" | "groups" | "useBias" | "initBound" | "name" | "trainable">;

/**
 * What `shapecheck>Conv` and `>ConvTranspose` share: their settings (saved as the config), and a
 * grouped convolution's weights in tfjs's layout — kernel [...kernelSize, channels/groups, filters],
 * bias [filters] — drawn from U(−initBound, initBound) as PyTorch's.
 */
export abstract class GroupedConvLayer<Args extends WeightArgs> extends tfl.layers.Layer {
  readonly settings: Args;
  protected kernel?: tfl.LayerVariable;
  protected bias?: tfl.LayerVariable;

  constructor(args: Args) {
    super({ name: args.name, trainable: args.trainable });
    this.settings = args;
  }

  override build(inputShape: Shape | Shape[]): void {
    const channels = (inputShape as Shape).at(-1) as number;
    const { kernelSize, groups, filters, useBias, initBound } = this.settings;
    const init = tfl.initializers.randomUniform({ minval: -initBound, maxval: initBound });
    this.kernel = this.addWeight("kernel", [...kernelSize, channels / groups, filters], "float32", init);
    if (useBias) this.bias = this.addWeight("bias", [filters], "float32", init);
    this.built = true;
  }

  override getConfig(): tf.serialization.ConfigDict {
    const { name: _name, trainable: _trainable, ...args } = this.settings;
    return { ...super.getConfig(), ...args };
  }
}

export class Conv extends GroupedConvLayer<ConvArgs> {
  static className = "shapecheck>Conv";

  constructor(args: ConvArgs) {
    super({ ...args, activation: args.activation ?? null });
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape {
    const [batch, ...rest] = inputShape as Shape;
    const { kernelSize, strides, dilations, filters } = this.settings;
    // PyTorch's rule (conv.ts) with padding 0: the converter pads before this layer.
    const spatial = rest
      .slice(0, -1)
      .map((n, i) => convSize(this.name, i + 1, n, kernelSize[i]!, strides[i]!, 0, dilations[i]!) as number | null);
    return [batch!, ...spatial, filters];
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    const x = Array.isArray(inputs) ? inputs[0]! : inputs;
    const { groups, strides, dilations, activation } = this.settings;
    return tf.tidy(() => {
      let y = groupedConv(x, this.kernel!.read(), groups, strides, dilations);
      if (this.bias) y = tf.add(y, this.bias.read());
      return activation === "relu" ? tf.relu(y) : y;
    });
  }
}
tf.serialization.registerClass(Conv);
