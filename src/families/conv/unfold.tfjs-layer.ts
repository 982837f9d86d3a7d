// `shapecheck>Unfold`: PyTorch's Unfold (im2col) on a channels-first [N, C, H, W] tensor: zero padding, then for each
// kernel offset (i, j) the input at rows i·dilation + y·stride and columns j·dilation + x·stride, stacked after the
// channel (PyTorch's column order c·kH·kW + i·kW + j) and flattened over the blocks (y·outW + x). Built from pad,
// slice and reshape (a stride takes every s-th element as a reshape and a slice), whose gradients exist.
import * as tf from "@tensorflow/tfjs-core";
import * as tfl from "@tensorflow/tfjs-layers";
import { convSize, paddedSize } from "./conv.ts";
import { unfoldRule } from "./unfold.ts";

type Shape = (number | null)[];

export interface UnfoldArgs {
  kernels: number[];
  strides: number[];
  paddings: number[];
  dilations: number[];
  name?: string;
}

/** x[:, :, start : start + count·step : step] along `axis` (2 or 3), as slice and reshape. */
function every(x: tf.Tensor, axis: number, start: number, count: number, step: number): tf.Tensor {
  const size = x.shape.slice();
  const begin = x.shape.map(() => 0);
  begin[axis] = start;
  size[axis] = count * step;
  const short = start + count * step - x.shape[axis]!; // the last step may reach past the end: pad it
  const padded =
    short > 0
      ? tf.pad(
          x,
          x.shape.map((_, a): [number, number] => (a === axis ? [0, short] : [0, 0])),
        )
      : x;
  const taken = tf.slice(padded, begin, size);
  if (step === 1) return taken;
  const split = [...x.shape.slice(0, axis), count, step, ...x.shape.slice(axis + 1)];
  const firsts = tf.slice(
    tf.reshape(taken, split),
    split.map(() => 0),
    split.map((n, a) => (a === axis + 1 ? 1 : n)),
  );
  return tf.reshape(firsts, [...x.shape.slice(0, axis), count, ...x.shape.slice(axis + 1)]);
}

export class Unfold extends tfl.layers.Layer {
  static className = "shapecheck>Unfold";
  readonly settings: UnfoldArgs;

  constructor(args: UnfoldArgs) {
    super({ name: args.name });
    this.settings = args;
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape {
    // PyTorch's rule (unfold.ts)
    return unfoldRule(this.name, this.settings, inputShape as Shape) as Shape;
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    const input = Array.isArray(inputs) ? inputs[0]! : inputs;
    const { kernels, strides, paddings, dilations } = this.settings;
    return tf.tidy(() => {
      const [n, c] = input.shape as number[];
      const x = tf.pad(input, [[0, 0], [0, 0], ...paddings.map((p): [number, number] => [p, p])]);
      // the blocks along each axis: conv.ts's output size (the input is padded already)
      const outs = [2, 3].map(
        (axis, i) => convSize(this.name, axis, x.shape[axis]!, kernels[i]!, strides[i]!, 0, dilations[i]!) as number,
      );
      const columns: tf.Tensor[] = [];
      for (let i = 0; i < kernels[0]!; i++) {
        const rows = every(x, 2, i * dilations[0]!, outs[0]!, strides[0]!);
        for (let j = 0; j < kernels[1]!; j++) columns.push(every(rows, 3, j * dilations[1]!, outs[1]!, strides[1]!));
      }
      return tf.reshape(tf.stack(columns, 2), [n!, c! * kernels[0]! * kernels[1]!, outs[0]! * outs[1]!]);
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    const { name: _name, ...args } = this.settings;
    return { ...super.getConfig(), ...args };
  }
}
tf.serialization.registerClass(Unfold);

export interface FoldArgs extends UnfoldArgs {
  outputSize: number[];
}

/**
 * `shapecheck>Fold`: PyTorch's Fold (col2im) on a channels-first [N, C·kH·kW, L] tensor: each kernel offset's block
 * grid spread by the stride (zeros between), shifted by the offset·dilation into the padded output and summed; then
 * the padding cropped. Built from reshape, pad, slice and add.
 */
export class Fold extends tfl.layers.Layer {
  static className = "shapecheck>Fold";
  readonly settings: FoldArgs;

  constructor(args: FoldArgs) {
    super({ name: args.name });
    this.settings = args;
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape {
    const [batch, columns] = inputShape as Shape;
    const { kernels, outputSize } = this.settings;
    return [batch!, columns === null ? null : columns! / (kernels[0]! * kernels[1]!), ...outputSize];
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    const input = Array.isArray(inputs) ? inputs[0]! : inputs;
    const { kernels, strides, paddings, dilations, outputSize } = this.settings;
    return tf.tidy(() => {
      const [n, columns] = input.shape as number[];
      const [kh, kw] = kernels as [number, number];
      const c = columns! / (kh * kw);
      const padded = outputSize.map((size, i) => paddedSize(size, paddings[i]!)) as [number, number];
      // the blocks along each axis of the padded output: conv.ts's output size
      const blocks = outputSize.map(
        (size, i) => convSize(this.name, i + 2, size, kernels[i]!, strides[i]!, paddings[i]!, dilations[i]!) as number,
      );
      const [bh, bw] = blocks as [number, number];
      const [sh, sw] = strides as [number, number];
      const grid = tf.reshape(input, [n!, c, kh, kw, bh, bw]);
      let sum: tf.Tensor | null = null;
      for (let i = 0; i < kh; i++)
        for (let j = 0; j < kw; j++) {
          const part = tf.reshape(tf.slice(grid, [0, 0, i, j, 0, 0], [n!, c, 1, 1, bh, bw]), [n!, c, bh, 1, bw, 1]);
          // zeros between the blocks: element (y, x) at (y·sh, x·sw)
          const spread = tf.reshape(
            tf.pad(part, [
              [0, 0],
              [0, 0],
              [0, 0],
              [0, sh - 1],
              [0, 0],
              [0, sw - 1],
            ]),
            [n!, c, bh * sh, bw * sw],
          );
          const [top, left] = [i * dilations[0]!, j * dilations[1]!];
          const shifted = tf.pad(spread, [
            [0, 0],
            [0, 0],
            [top, Math.max(0, padded[0] - top - bh * sh)],
            [left, Math.max(0, padded[1] - left - bw * sw)],
          ]);
          const placed = tf.slice(shifted, [0, 0, 0, 0], [n!, c, padded[0], padded[1]]);
          sum = sum === null ? placed : tf.add(sum, placed);
        }
      return tf.slice(sum!, [0, 0, paddings[0]!, paddings[1]!], [n!, c, outputSize[0]!, outputSize[1]!]);
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    const { name: _name, ...args } = this.settings;
    return { ...super.getConfig(), ...args };
  }
}
tf.serialization.registerClass(Fold);
