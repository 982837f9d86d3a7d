// Twin of tf-recurrent.types.ts: tfjs-layers' recurrent layers and wrappers (RNN, ConvRNN2D, TimeDistributed,
// Bidirectional), the same formulas and messages, throwing ShapeError.
import { ShapeError } from "../../errors.ts";
import type { RuntimeLayer } from "../../model/layer.ts";
import { showShape, valueOf, type RuntimeShape } from "../../shape/dims.ts";
import type { DataFormat } from "../../shape/tf-options.ts";
import { writeRankMessage } from "../conv/conv.ts";
import { tfConvLength, type TfPadding } from "../conv/tf-conv.ts";

export const tfRecurrentRankText = "[batch, time, features] (rank 3)";

export const writeReturnStateMessage = (layer: string): string =>
  `${layer}: returnState gives several outputs (the output and the states): call the layer on a symbolic tensor, layer.call(x), in the functional API`;

export const writeFeaturesUnknownMessage = (layer: string, axis: number): string =>
  `${layer}: the feature dimension (axis ${axis}) must be known: TensorFlow.js sizes the kernel from it`;

export const writeCellMessage = (layer: string): string =>
  `${layer}: a cell is not a layer: give it to layers.rnn({ cell }) or layers.stackedRNNCells({ cells })`;

/** Twin of `TfRecurrentRule`. */
export function tfRecurrentRule(
  layer: string,
  units: number,
  returnSequences: boolean,
  input: RuntimeShape,
): RuntimeShape {
  if (input.length !== 3) throw new ShapeError(writeRankMessage(layer, tfRecurrentRankText, input.length));
  const [batch, time, features] = input;
  if (valueOf(features!) === null) throw new ShapeError(writeFeaturesUnknownMessage(layer, 2));
  return returnSequences ? [batch!, time!, units] : [batch!, units];
}

export const tfConvLstmRankText = (format: DataFormat): string =>
  `[batch, time, ${format === "channelsFirst" ? "channels, height, width" : "height, width, channels"}] (rank 5)`;

export interface TfConvLstmOptions {
  filters: number;
  kernels: number[];
  strides: number[];
  padding: TfPadding;
  dilations: number[];
  dataFormat: DataFormat;
  returnSequences: boolean;
}

/** Twin of `TfConvLstmRule`. */
export function tfConvLstmRule(layer: string, options: TfConvLstmOptions, input: RuntimeShape): RuntimeShape {
  const { filters, kernels, strides, padding, dilations, dataFormat, returnSequences } = options;
  if (input.length !== 5) throw new ShapeError(writeRankMessage(layer, tfConvLstmRankText(dataFormat), input.length));
  const first = dataFormat === "channelsFirst";
  const [batch, time, a, b, c] = input;
  if (valueOf(first ? a! : c!) === null) throw new ShapeError(writeFeaturesUnknownMessage(layer, first ? 2 : 4));
  const spatial = first ? [b!, c!] : [a!, b!];
  const axis = first ? 3 : 2;
  const [h, w] = spatial.map((size, i) =>
    tfConvLength(layer, axis + i, size, kernels[i]!, strides[i]!, padding, dilations[i]!),
  );
  const image = first ? [filters, h!, w!] : [h!, w!, filters];
  return returnSequences ? [batch!, time!, ...image] : [batch!, ...image];
}

/** Twin of `writeWrappedMessage`. */
export const writeWrappedMessage = (wrapper: string, message: string, stepInput = ""): string =>
  stepInput === "" ? `${wrapper}: ${message}` : `${wrapper}: ${message} (input ${stepInput})`;

export const writeTimeRankMessage = (layer: string, got: number): string =>
  `${layer}: expects an input [batch, time, ...] (rank 3 or more), got rank ${got}`;

/** The inner layer's output, or its ShapeError rethrown as the wrapper's. */
function inner(wrapper: string, layer: RuntimeLayer, input: RuntimeShape, showInput: boolean): RuntimeShape {
  try {
    return layer.outputShape(input);
  } catch (error) {
    if (!(error instanceof ShapeError)) throw error;
    const withInput = showInput && !error.message.includes(" (input [");
    throw new ShapeError(writeWrappedMessage(wrapper, error.message, withInput ? showShape(input) : ""));
  }
}

/** Twin of `TfTimeDistributedRule`. */
export function tfTimeDistributedRule(wrapper: string, layer: RuntimeLayer, input: RuntimeShape): RuntimeShape {
  if (input.length < 3) throw new ShapeError(writeTimeRankMessage(wrapper, input.length));
  const [batch, time, ...rest] = input;
  const [outBatch, ...outRest] = inner(wrapper, layer, [batch!, ...rest], true);
  return [outBatch!, time!, ...outRest];
}

export type MergeMode = "concat" | "sum" | "mul" | "ave";

/** Twin of `TfBidirectionalRule`. */
export function tfBidirectionalRule(
  wrapper: string,
  layer: RuntimeLayer,
  mode: MergeMode,
  input: RuntimeShape,
): RuntimeShape {
  const out = inner(wrapper, layer, input, false);
  if (mode !== "concat") return out;
  const last = valueOf(out.at(-1)!);
  return [...out.slice(0, -1), last === null ? null : last * 2];
}

// ---- returnState (twin of CellStateSizes / TfStateShapes)

/** A cell's state sizes in tfjs's order (stacked cells: the last cell's first). */
export function cellStateSizes(cell: { kind: string; units: number; cells?: readonly unknown[] }): number[] {
  if (cell.kind === "LSTMCell") return [cell.units, cell.units];
  if (cell.kind === "StackedRNNCells") return stackedStateSizes(cell.cells ?? []);
  return [cell.units];
}
export const stackedStateSizes = (cells: readonly unknown[]): number[] =>
  cells
    .slice()
    .reverse()
    .flatMap((cell) => cellStateSizes(cell as { kind: string; units: number }));
