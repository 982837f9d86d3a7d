// lstm / gru / rnn and the cells called on symbolic tensors with their states (graph node "call") →
// shapecheck's RecurrentStack (recurrent-stack.tfjs-layer.ts) and RecurrentCell (rnn-cell.tfjs-layer.ts)
// layers, inputs [input, hx?, cx?] and outputs as PyTorch's ([out, h_n, c_n?]; [h', c'?]); weights keep
// PyTorch's names and layout (state_dict keys weight_ih_l0 …, a cell's weight_ih …).
import * as tf from "@tensorflow/tfjs-core";
import type * as tfl from "@tensorflow/tfjs-layers";
import type { CallConverter } from "../../runtime/convert/call.ts";
import type { ParamSpec } from "../../runtime/convert/context.ts";
import type { RecurrentConfig } from "./recurrent.nn.ts";
import { RecurrentStack } from "./recurrent-stack.tfjs-layer.ts";
import type { RecurrentCellConfig } from "./rnn-cell.nn.ts";
import { cellGates, RecurrentCellLayer } from "./rnn-cell.tfjs-layer.ts";

const same = (key: string, layer: string, weight: string, shape: number[]): ParamSpec => ({
  key,
  layer,
  weight,
  shape,
  toTfjs: (w) => tf.clone(w),
  fromTfjs: (w) => tf.clone(w),
});
const outputs = (ys: tfl.SymbolicTensor | tfl.SymbolicTensor[]) => (Array.isArray(ys) ? ys : [ys]);

export const recurrentCall: CallConverter<RecurrentConfig> = {
  call(layer, ctx) {
    const name = ctx.name();
    const { kind, inputSize, hiddenSize, numLayers, bidirectional, bias: useBias, dropout } = layer;
    const projSize = layer.projSize ?? 0;
    const stack = new RecurrentStack({
      kind,
      inputSize,
      hiddenSize,
      numLayers,
      bidirectional,
      useBias,
      projSize,
      nonlinearity: layer.nonlinearity ?? "tanh",
      dropout,
      inputs: [...ctx.names],
      name,
    });
    const ys = outputs(stack.apply([...ctx.inputs]) as tfl.SymbolicTensor | tfl.SymbolicTensor[]);
    const rows = { rnn: 1, lstm: 4, gru: 3 }[kind] * hiddenSize;
    const out = projSize > 0 ? projSize : hiddenSize;
    const directions = bidirectional ? ["", "_reverse"] : [""];
    const params: ParamSpec[] = [];
    for (let k = 0; k < numLayers; k++) {
      for (const suffix of directions) {
        const param = (weight: string, shape: number[]) =>
          same(`${ctx.path}.${weight}_l${k}${suffix}`, name, `${weight}_l${k}${suffix}`, shape);
        params.push(
          param("weight_ih", [rows, k === 0 ? inputSize : out * directions.length]),
          param("weight_hh", [rows, out]),
        );
        if (useBias) params.push(param("bias_ih", [rows]), param("bias_hh", [rows]));
        if (projSize > 0) params.push(param("weight_hr", [projSize, hiddenSize]));
      }
    }
    return { ys, params };
  },
};

export const recurrentCellCall: CallConverter<RecurrentCellConfig> = {
  call(layer, ctx) {
    const name = ctx.name();
    const { kind, inputSize, hiddenSize, bias: useBias } = layer;
    const cell = new RecurrentCellLayer({
      kind,
      inputSize,
      hiddenSize,
      useBias,
      nonlinearity: layer.nonlinearity ?? "tanh",
      inputs: [...ctx.names],
      returnCell: kind === "lstmCell",
      name,
    });
    const ys = outputs(cell.apply([...ctx.inputs]) as tfl.SymbolicTensor | tfl.SymbolicTensor[]);
    const rows = cellGates(kind) * hiddenSize;
    const param = (weight: string, shape: number[]) => same(`${ctx.path}.${weight}`, name, weight, shape);
    const params = [param("weight_ih", [rows, inputSize]), param("weight_hh", [rows, hiddenSize])];
    if (useBias) params.push(param("bias_ih", [rows]), param("bias_hh", [rows]));
    return { ys, params };
  },
};
