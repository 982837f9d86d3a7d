// `shapecheck>ConvTranspose`: a channels-last transposed convolution (1, 2 or 3 spatial dimensions)
// with what tfjs's conv2dTranspose lacks: groups and dilations. It is the convolution whose gradient
// it is, run forward: (stride − 1) zeros between the input's elements, dilation·(kernel − 1) −
// padding zeros on each side (+ outputPadding after; a negative amount crops), then a stride-1
// convolution with the given groups and dilation (conv-layer.ts's, which trains with a dilation).
// Weights: `kernel` is that convolution's, [...kernel, in/groups, out] (PyTorch's spatially flipped,
// in and out swapped per group), and `bias` [out].
import * as tf from "@tensorflow/tfjs-core";
import { GroupedConvLayer, groupedConv } from "./conv.tfjs-layer.ts";
import { convTransposeSize } from "./conv-transpose.ts";

type Shape = (number | null)[];

export interface ConvTransposeArgs {
  filters: number;
  kernelSize: number[];
  strides: number[];
  /** PyTorch's padding and outputPadding, per spatial dimension. */
  paddings: number[];
  outputPaddings: number[];
  dilations: number[];
  groups: number;
  useBias: boolean;
  /** Initial weights and bias: U(−bound, bound) (PyTorch's 1/√fanIn, fanIn = out/groups · kernel). */
  initBound: number;
  name?: string;
  trainable?: boolean;
}

/** (stride − 1) zeros between neighbours along each spatial dimension: length (L − 1)·stride + 1. */
function insertZeros(x: tf.Tensor, strides: number[]): tf.Tensor {
  if (strides.every((s) => s === 1)) return x;
  // x is phase 0 of the result, zeros its other phases; batchToSpaceND interleaves them.
  const phases = strides.reduce((a, b) => a * b, 1);
  const zeros = tf.zerosLike(x);
  const stacked = tf.concat([x, ...Array.from({ length: phases - 1 }, () => zeros)], 0);
  return tf.batchToSpaceND(
    stacked,
    strides,
    strides.map((s) => [0, s - 1]),
  );
}

/** Pads each spatial dimension by [before, after]; negative amounts crop. */
function padOrCrop(x: tf.Tensor, amounts: [number, number][]): tf.Tensor {
  const padded = tf.pad(x, [
    [0, 0],
    ...amounts.map(([b, a]): [number, number] => [Math.max(b, 0), Math.max(a, 0)]),
    [0, 0],
  ]);
  if (amounts.every(([b, a]) => b >= 0 && a >= 0)) return padded;
  const begin = [0, ...amounts.map(([b]) => Math.max(-b, 0)), 0];
  const size = [-1, ...amounts.map(([b, a], i) => x.shape[i + 1]! + b + a), -1];
  return tf.slice(padded, begin, size);
}

export class ConvTranspose extends GroupedConvLayer<ConvTransposeArgs> {
  static className = "shapecheck>ConvTranspose";

  override computeOutputShape(inputShape: Shape | Shape[]): Shape {
    const [batch, ...rest] = inputShape as Shape;
    const { kernelSize, strides, paddings, outputPaddings, dilations, filters } = this.settings;
    // PyTorch's rule (conv-transpose.ts).
    const spatial = rest
      .slice(0, -1)
      .map((n, i) =>
        convTransposeSize(
          this.name,
          i + 1,
          n,
          kernelSize[i]!,
          strides[i]!,
          paddings[i]!,
          outputPaddings[i]!,
          dilations[i]!,
        ),
      );
    return [batch!, ...spatial, filters];
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    const x = Array.isArray(inputs) ? inputs[0]! : inputs;
    const { kernelSize, strides, paddings, outputPaddings, dilations, groups } = this.settings;
    return tf.tidy(() => {
      const edges = kernelSize.map((k, i): [number, number] => {
        const edge = dilations[i]! * (k - 1) - paddings[i]!;
        return [edge, edge + outputPaddings[i]!];
      });
      const spread = padOrCrop(insertZeros(x, strides), edges);
      const y = groupedConv(
        spread,
        this.kernel!.read(),
        groups,
        strides.map(() => 1),
        dilations,
      );
      return this.bias ? tf.add(y, this.bias.read()) : y;
    });
  }
}
tf.serialization.registerClass(ConvTranspose);
