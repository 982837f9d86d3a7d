// lstm → tfjs lstm layers (one per PyTorch layer, bidirectional wrapped, dropout between), batch
// first, returning the whole sequence as PyTorch's output. Gates are in the same order (i, f, g, o);
// weights transpose ([4H, in] ↔ [in, 4H]) and PyTorch's two biases add into tfjs's one. An lstm with
// projSize is shapecheck's LSTM layers (lstm-layer.ts), with PyTorch's weights as they are.
// gru → shapecheck's GRU layers (gru-layer.ts: PyTorch's gate equations; tfjs's GRU applies the reset
// gate before the recurrent product), one per PyTorch layer, dropout between; weights keep PyTorch's
// names and layout. multiheadAttention → shapecheck's MultiheadAttention layer (attention-layer.ts).
import * as tf from "@tensorflow/tfjs-core";
import * as tfl from "@tensorflow/tfjs-layers";
import { ProjectedLSTM } from "./lstm-layer.ts";
import { type Converter, type ConvertContext, type LayerConfig, type ParamSpec } from "./context.ts";
import { GRU } from "./gru-layer.ts";
import { torchUniform } from "./init.ts";

export { multiheadAttention } from "./attention.ts";

const transposed = (key: string, layer: string, weight: string, shape: number[]): ParamSpec => ({
  key, layer, weight, shape, toTfjs: (w) => tf.transpose(w), fromTfjs: (w) => tf.transpose(w),
});

/** PyTorch's options of LSTM and GRU, with its defaults. */
function recurrentOptions(layer: LayerConfig) {
  return {
    hiddenSize: layer.hiddenSize as number,
    numLayers: (layer.numLayers as number | undefined) ?? 1,
    bidirectional: (layer.bidirectional as boolean | undefined) ?? false,
    useBias: (layer.bias as boolean | undefined) ?? true,
    dropout: (layer.dropout as number | undefined) ?? 0,
  };
}

/** PyTorch's dropout on the outputs of every stacked layer but the last: before layer k > 0. */
const dropoutBetween = (ctx: ConvertContext, x: tfl.SymbolicTensor, k: number, rate: number): tfl.SymbolicTensor =>
  k > 0 && rate > 0 ? tfl.layers.dropout({ rate, name: ctx.name(`dropout${k}`) }).apply(x) as tfl.SymbolicTensor : x;

export const lstm: Converter = {
  layout: () => "first",
  convert(layer: LayerConfig, ctx: ConvertContext) {
    const projSize = (layer.projSize as number | undefined) ?? 0;
    if (projSize > 0) return projectedLstm(layer, ctx, projSize);
    const { hiddenSize: hidden, numLayers, bidirectional, useBias, dropout } = recurrentOptions(layer);
    const params: ParamSpec[] = [];
    let x = ctx.x;
    let inputSize = layer.inputSize as number;
    for (let k = 0; k < numLayers; k++) {
      x = dropoutBetween(ctx, x, k, dropout);
      const cellName = ctx.name(`l${k}`);
      const cell = tfl.layers.lstm({
        units: hidden, returnSequences: true, recurrentActivation: "sigmoid", unitForgetBias: false, useBias, name: cellName,
        kernelInitializer: torchUniform(hidden), recurrentInitializer: torchUniform(hidden), biasInitializer: torchUniform(hidden),
      });
      const outer = bidirectional ? ctx.name(`l${k}.bidirectional`) : cellName;
      x = (bidirectional ? tfl.layers.bidirectional({ layer: cell as never, mergeMode: "concat", name: outer }) : cell).apply(x) as tfl.SymbolicTensor;
      for (const direction of bidirectional ? ["", "_reverse"] : [""]) {
        const prefix = bidirectional ? `${direction === "" ? "forward" : "backward"}_${cellName}/` : "";
        const key = (name: string) => `${ctx.path}.${name}_l${k}${direction}`;
        params.push(
          transposed(key("weight_ih"), outer, `${prefix}kernel`, [4 * hidden, inputSize]),
          transposed(key("weight_hh"), outer, `${prefix}recurrent_kernel`, [4 * hidden, hidden]),
        );
        if (useBias) {
          params.push(
            { key: key("bias_ih"), layer: outer, weight: `${prefix}bias`, shape: [4 * hidden], toTfjs: (b) => tf.clone(b), fromTfjs: (b) => tf.clone(b) },
            { key: key("bias_hh"), layer: outer, weight: `${prefix}bias`, shape: [4 * hidden], toTfjs: (b) => tf.clone(b), fromTfjs: (b) => tf.zerosLike(b), accumulate: true },
          );
        }
      }
      inputSize = hidden * (bidirectional ? 2 : 1);
    }
    return { y: x, layout: "first", params };
  },
};

/** An lstm with projSize: shapecheck's LSTM layers, one per PyTorch layer, dropout between. */
function projectedLstm(layer: LayerConfig, ctx: ConvertContext, projSize: number) {
  const { hiddenSize, numLayers, bidirectional, useBias, dropout } = recurrentOptions(layer);
  const params: ParamSpec[] = [];
  let x = ctx.x;
  let inputSize = layer.inputSize as number;
  for (let k = 0; k < numLayers; k++) {
    x = dropoutBetween(ctx, x, k, dropout);
    const name = ctx.name(`l${k}`);
    x = new ProjectedLSTM({ inputSize, hiddenSize, projSize, bidirectional, useBias, name }).apply(x) as tfl.SymbolicTensor;
    for (const direction of bidirectional ? ["", "_reverse"] : [""]) {
      const param = (weight: string, shape: number[]) => same(`${ctx.path}.${weight}_l${k}${direction}`, name, `${weight}${direction}`, shape);
      params.push(param("weight_ih", [4 * hiddenSize, inputSize]), param("weight_hh", [4 * hiddenSize, projSize]));
      if (useBias) params.push(param("bias_ih", [4 * hiddenSize]), param("bias_hh", [4 * hiddenSize]));
      params.push(param("weight_hr", [projSize, hiddenSize]));
    }
    inputSize = projSize * (bidirectional ? 2 : 1);
  }
  return { y: x, layout: "first" as const, params };
}

const same = (key: string, layer: string, weight: string, shape: number[]): ParamSpec => ({
  key, layer, weight, shape, toTfjs: (w) => tf.clone(w), fromTfjs: (w) => tf.clone(w),
});

export const gru: Converter = {
  layout: () => "first",
  convert(layer: LayerConfig, ctx: ConvertContext) {
    const { hiddenSize, numLayers, bidirectional, useBias, dropout } = recurrentOptions(layer);
    const params: ParamSpec[] = [];
    let x = ctx.x;
    let inputSize = layer.inputSize as number;
    for (let k = 0; k < numLayers; k++) {
      x = dropoutBetween(ctx, x, k, dropout);
      const name = ctx.name(`l${k}`);
      x = new GRU({ inputSize, hiddenSize, bidirectional, useBias, name }).apply(x) as tfl.SymbolicTensor;
      for (const direction of bidirectional ? ["", "_reverse"] : [""]) {
        const param = (weight: string, shape: number[]) => same(`${ctx.path}.${weight}_l${k}${direction}`, name, `${weight}${direction}`, shape);
        params.push(param("weight_ih", [3 * hiddenSize, inputSize]), param("weight_hh", [3 * hiddenSize, hiddenSize]));
        if (useBias) params.push(param("bias_ih", [3 * hiddenSize]), param("bias_hh", [3 * hiddenSize]));
      }
      inputSize = hiddenSize * (bidirectional ? 2 : 1);
    }
    return { y: x, layout: "first", params };
  },
};
