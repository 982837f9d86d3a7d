// Twin of src/families/conv/unfold.types.ts: [batch, C, H, W] → [batch, C·kH·kW, L], L = the product of the
// convolution's output sizes (conv.ts's convSize).
import { ShapeError } from "../../errors.ts";
import { convSize, rankText, writeRankMessage } from "./conv.ts";
import { valueOf, type RuntimeDim, type RuntimeShape } from "../../shape/dims.ts";

export interface UnfoldOptions {
  kernels: number[];
  strides: number[];
  paddings: number[];
  dilations: number[];
}

const times = (a: RuntimeDim, b: RuntimeDim): number | null => {
  const [x, y] = [valueOf(a), valueOf(b)];
  return x === null || y === null ? null : x * y;
};

/** The unfold rule: [batch, channels, height, width] → [batch, channels·kH·kW, blocks]. */
export function unfoldRule(layer: string, options: UnfoldOptions, input: RuntimeShape): RuntimeShape {
  if (input.length !== 4) throw new ShapeError(writeRankMessage(layer, rankText(2), input.length));
  const [batch, channels, ...spatial] = input;
  const { kernels, strides, paddings, dilations } = options;
  const [height, width] = spatial.map((size, i) =>
    convSize(layer, i + 2, size, kernels[i]!, strides[i]!, paddings[i]!, dilations[i]!),
  );
  return [batch!, times(channels!, kernels[0]! * kernels[1]!), times(height!, width!)];
}
