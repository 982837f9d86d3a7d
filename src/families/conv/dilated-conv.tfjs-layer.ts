// `shapecheck>Conv1D`, `>Conv2D` and `>Conv3D`: the `layers` vocabulary's conv1d / conv2d / conv3d with a
// dilationRate above 1. tfjs's own Conv1D / Conv2D compute it but do not train (tfjs-core's conv
// gradients refuse dilations, on every backend); these are the same classes (same arguments,
// initializers, weights `kernel` [...kernel, in, out] and `bias`, config) whose forward pass runs
// the dilation on the input's phases (dilation.ts), from ops whose gradients exist.
import * as tf from "@tensorflow/tfjs-core";
import * as tfl from "@tensorflow/tfjs-layers"; // a value import: its classes must be registered first
import { stridedDilated } from "./dilation.tfjs.ts";
import { dilatedKernel } from "./conv.ts";
import { tfConvLength } from "./tf-conv.ts";

/** What tfjs's Conv layers keep (tfjs-layers' BaseConv / Conv fields). */
interface ConvFields {
  readonly rank: number;
  readonly kernel: tfl.LayerVariable;
  readonly bias: tfl.LayerVariable | null;
  readonly kernelSize: number[];
  readonly strides: number[];
  readonly dilationRate: number | number[];
  readonly padding: string;
  readonly dataFormat: string;
  readonly activation: { apply(x: tf.Tensor): tf.Tensor } | null;
}

type LayerClass = new (...args: any[]) => tfl.layers.Layer;

/** tfjs-layers' registered class for a name ("Conv2D"); tfjs-layers does not export the classes. */
const tfjsClass = (name: string): LayerClass => {
  const entry = tf.serialization.SerializationMap.getMap().classNameMap[name];
  if (!entry) throw new Error(`tfjs-layers has no ${name} layer`);
  return entry[0] as unknown as LayerClass;
};

/** [before, after] per spatial dimension: tfjs's "same" (the odd pixel after), or none for "valid". */
function paddings(
  sizes: number[],
  kernels: number[],
  strides: number[],
  dilations: number[],
  padding: string,
): [number, number][] {
  return sizes.map((n, i) => {
    if (padding !== "same") return [0, 0];
    // tfjs's "same" (tf-conv.ts): the padding that gives its output size.
    const out = tfConvLength("", i + 1, n, kernels[i]!, strides[i]!, "same", dilations[i]!) as number;
    const total = Math.max(0, (out - 1) * strides[i]! + dilatedKernel(kernels[i]!, dilations[i]!) - n);
    return [Math.floor(total / 2), total - Math.floor(total / 2)];
  });
}

function trainablyDilated(base: LayerClass, className: string): LayerClass {
  class DilatedConv extends base {
    static className = className;

    override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
      const layer = this as unknown as ConvFields;
      const input = Array.isArray(inputs) ? inputs[0]! : inputs;
      const rank = layer.rank;
      const spatial = Array.from({ length: rank }, (_, i) => i + 1);
      const dilations =
        typeof layer.dilationRate === "number" ? spatial.map(() => layer.dilationRate as number) : layer.dilationRate;
      const channelsFirst = layer.dataFormat === "channelsFirst";
      return tf.tidy(() => {
        // channels-last inside: [n, ...spatial, c]
        let x = channelsFirst ? tf.transpose(input, [0, ...spatial.map((i) => i + 1), 1]) : input;
        const pads = paddings(x.shape.slice(1, -1), layer.kernelSize, layer.strides, dilations, layer.padding);
        if (pads.some(([before, after]) => before + after > 0)) x = tf.pad(x, [[0, 0], ...pads, [0, 0]]);
        const kernel = layer.kernel.read();
        let y = stridedDilated(x, layer.strides, dilations, (part, steps) =>
          rank === 1
            ? tf.conv1d(part as tf.Tensor3D, kernel as tf.Tensor3D, steps[0]!, "valid")
            : rank === 2
              ? tf.conv2d(part as tf.Tensor4D, kernel as tf.Tensor4D, steps as [number, number], "valid")
              : tf.conv3d(part as tf.Tensor5D, kernel as tf.Tensor5D, steps as [number, number, number], "valid"),
        );
        if (layer.bias) y = tf.add(y, layer.bias.read());
        if (layer.activation) y = layer.activation.apply(y);
        return channelsFirst ? tf.transpose(y, [0, rank + 1, ...spatial]) : y;
      });
    }
  }
  tf.serialization.registerClass(DilatedConv as never);
  return DilatedConv;
}

/** tfjs's Conv1D / Conv2D / Conv3D that train with a dilation, by kind ("Conv1D", …). */
export const DILATED_CONVS: Record<string, LayerClass> = {
  Conv1D: trainablyDilated(tfjsClass("Conv1D"), "shapecheck>Conv1D"),
  Conv2D: trainablyDilated(tfjsClass("Conv2D"), "shapecheck>Conv2D"),
  Conv3D: trainablyDilated(tfjsClass("Conv3D"), "shapecheck>Conv3D"),
};

/** Whether tfjs's layer of this kind and arguments computes a dilation it cannot train. */
export function needsTrainableDilation(
  kind: string,
  args: { dilationRate?: number | readonly number[]; padding?: string },
): boolean {
  if (!(kind in DILATED_CONVS) || args.padding === "causal") return false;
  const rate = args.dilationRate ?? 1;
  return (typeof rate === "number" ? [rate] : rate).some((d) => d > 1);
}
