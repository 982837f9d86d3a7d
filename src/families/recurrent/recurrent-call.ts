// Twin of recurrent-call.types.ts: the output shapes of a recurrent layer or cell called on symbolic
// tensors with its states (`input`, then `hx` and `cx` when given), each argument checked in order.
import { argProblem, knownOf, type CallInputs } from "../../model/call.ts";
import type { RuntimeDim, RuntimeShape } from "../../shape/dims.ts";
import { anyDim, sameAs, sizedArgProblem, throwFirst } from "../attention/arg-problems.ts";

export interface SequenceSizes {
  readonly inputSize: number;
  readonly hiddenSize: number;
  readonly projSize: number;
  readonly numLayers: number;
  readonly directions: number;
}

/** PyTorch's state argument as a call's inputs: an LSTM's pair (hx, cx), the others' hx. */
export function stateInputs(lstm: boolean, input: unknown, state: unknown): Record<string, unknown> {
  const [hx, cx] = lstm ? ((state ?? []) as unknown[]) : [state];
  return { input, hx, cx };
}

/** [output, h_n] (gru, rnn) or [output, h_n, c_n] (lstm). */
export function sequenceCallShapes(
  layer: string,
  lstm: boolean,
  sizes: SequenceSizes,
  inputs: CallInputs,
): RuntimeShape[] {
  const { input: x, hx, cx } = inputs;
  const { inputSize, hiddenSize, projSize, numLayers, directions } = sizes;
  const out = projSize > 0 ? projSize : hiddenSize;
  const rows = numLayers * directions;
  const batch = x!.length === 3 ? x![0]! : undefined;
  const state = (arg: string, shape: RuntimeShape | undefined, size: number, sizeName: string) => () =>
    shape !== undefined &&
    argProblem(layer, arg, shape, `[numLayers·directions, batch, ${sizeName}]`, [
      ["first dimension", rows, "numLayers·directions", "size"],
      sameAs("batch", batch, "input's batch"),
      ["last dimension", size, sizeName, "size"],
    ]);
  throwFirst([
    () => sizedArgProblem(layer, "input", x!, [anyDim("batch"), anyDim("seq")], ["inputSize", inputSize]),
    state("hx", hx, out, projSize > 0 ? "projSize" : "hiddenSize"),
    state("cx", cx, hiddenSize, "hiddenSize"),
  ]);
  const b: RuntimeDim = hx ? knownOf(x![0]!, hx[1]!) : x![0]!;
  const shapes: RuntimeShape[] = [
    [b, x![1]!, out * directions],
    [rows, b, out],
  ];
  if (lstm) shapes.push([rows, b, hiddenSize]);
  return shapes;
}

/** [h'] (rnnCell, gruCell) or [h', c'] (lstmCell). */
export function cellCallShapes(
  layer: string,
  lstm: boolean,
  sizes: { readonly inputSize: number; readonly hiddenSize: number },
  inputs: CallInputs,
): RuntimeShape[] {
  const { input: x, hx, cx } = inputs;
  const batch = x!.length === 2 ? x![0]! : undefined;
  const state = (arg: string, shape: RuntimeShape | undefined) => () =>
    shape !== undefined &&
    sizedArgProblem(layer, arg, shape, [sameAs("batch", batch, "input's batch")], ["hiddenSize", sizes.hiddenSize]);
  throwFirst([
    () => sizedArgProblem(layer, "input", x!, [anyDim("batch")], ["inputSize", sizes.inputSize]),
    state("hx", hx),
    state("cx", cx),
  ]);
  const h: RuntimeShape = [hx ? knownOf(x![0]!, hx[0]!) : x![0]!, sizes.hiddenSize];
  return lstm ? [h, [...h]] : [h];
}
