// rnnCell / lstmCell / gruCell → shapecheck's RecurrentCell layer (rnn-cell.tfjs-layer.ts: PyTorch's
// equations, one step from a zero state), whose weights keep PyTorch's names and layout
// (weight_ih, weight_hh, bias_ih, bias_hh).
import * as tf from "@tensorflow/tfjs-core";
import type * as tfl from "@tensorflow/tfjs-layers";
import type { Converter, ParamSpec } from "../../runtime/convert/context.ts";
import type { RecurrentCellConfig } from "./rnn-cell.nn.ts";
import { cellGates, RecurrentCellLayer } from "./rnn-cell.tfjs-layer.ts";

export const recurrentCell: Converter<RecurrentCellConfig> = {
  layout: () => "first",
  convert(layer, ctx) {
    const name = ctx.name();
    const { kind, inputSize, hiddenSize, bias: useBias } = layer;
    const nonlinearity = layer.nonlinearity ?? "tanh";
    const y = new RecurrentCellLayer({ kind, inputSize, hiddenSize, useBias, nonlinearity, name }).apply(
      ctx.x,
    ) as tfl.SymbolicTensor;
    const rows = cellGates(kind) * hiddenSize;
    const param = (weight: string, shape: number[]): ParamSpec => ({
      key: `${ctx.path}.${weight}`,
      layer: name,
      weight,
      shape,
      toTfjs: (w) => tf.clone(w),
      fromTfjs: (w) => tf.clone(w),
    });
    const params = [param("weight_ih", [rows, inputSize]), param("weight_hh", [rows, hiddenSize])];
    if (useBias) params.push(param("bias_ih", [rows]), param("bias_hh", [rows]));
    return { y, layout: "first", params };
  },
};
