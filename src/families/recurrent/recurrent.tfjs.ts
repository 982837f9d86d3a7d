// lstm → tfjs lstm layers (one per PyTorch layer, bidirectional wrapped, dropout between), batch
// first, returning the whole sequence as PyTorch's output. Gates are in the same order (i, f, g, o);
// weights transpose ([4H, in] ↔ [in, 4H]) and PyTorch's two biases add into tfjs's one. An lstm with
// projSize is shapecheck's LSTM layers (lstm.tfjs-layer.ts), with PyTorch's weights as they are.
// gru → shapecheck's GRU layers (gru.tfjs-layer.ts: PyTorch's gate equations; tfjs's GRU applies the reset
// gate before the recurrent product), one per PyTorch layer, dropout between; weights keep PyTorch's
// names and layout. rnn → shapecheck's RNN layers (rnn.tfjs-layer.ts, tanh or relu), the same way.
// multiheadAttention → shapecheck's MultiheadAttention layer (attention.tfjs-layer.ts).
import * as tf from "@tensorflow/tfjs-core";
import * as tfl from "@tensorflow/tfjs-layers";
import { ProjectedLSTM } from "./lstm.tfjs-layer.ts";
import { type Converter, type ConvertContext, type ParamSpec } from "../../runtime/convert/context.ts";
import { GRU } from "./gru.tfjs-layer.ts";
import { RNN } from "./rnn.tfjs-layer.ts";
import { torchUniform } from "../../runtime/convert/init.ts";
import type { RecurrentConfig } from "./recurrent.nn.ts";

const transposed = (key: string, layer: string, weight: string, shape: number[]): ParamSpec => ({
  key,
  layer,
  weight,
  shape,
  toTfjs: (w) => tf.transpose(w),
  fromTfjs: (w) => tf.transpose(w),
});

/** PyTorch's options of LSTM and GRU, with its defaults. */
function recurrentOptions(layer: RecurrentConfig) {
  const { hiddenSize, numLayers, bidirectional, bias: useBias, dropout } = layer;
  return { hiddenSize, numLayers, bidirectional, useBias, dropout };
}

/** PyTorch's dropout on the outputs of every stacked layer but the last: before layer k > 0. */
const dropoutBetween = (ctx: ConvertContext, x: tfl.SymbolicTensor, k: number, rate: number): tfl.SymbolicTensor =>
  k > 0 && rate > 0 ? (tfl.layers.dropout({ rate, name: ctx.name(`dropout${k}`) }).apply(x) as tfl.SymbolicTensor) : x;

export const lstm: Converter<RecurrentConfig> = {
  layout: () => "first",
  convert(layer, ctx) {
    const projSize = layer.projSize ?? 0;
    if (projSize > 0) return projectedLstm(layer, ctx, projSize);
    const { hiddenSize: hidden, numLayers, bidirectional, useBias, dropout } = recurrentOptions(layer);
    const params: ParamSpec[] = [];
    let x = ctx.x;
    let inputSize = layer.inputSize;
    for (let k = 0; k < numLayers; k++) {
      x = dropoutBetween(ctx, x, k, dropout);
      const cellName = ctx.name(`l${k}`);
      const cell = tfl.layers.lstm({
        units: hidden,
        returnSequences: true,
        recurrentActivation: "sigmoid",
        unitForgetBias: false,
        useBias,
        name: cellName,
        kernelInitializer: torchUniform(hidden),
        recurrentInitializer: torchUniform(hidden),
        biasInitializer: torchUniform(hidden),
      });
      const outer = bidirectional ? ctx.name(`l${k}.bidirectional`) : cellName;
      x = (bidirectional ? tfl.layers.bidirectional({ layer: cell, mergeMode: "concat", name: outer }) : cell).apply(
        x,
      ) as tfl.SymbolicTensor;
      for (const direction of bidirectional ? ["", "_reverse"] : [""]) {
        const prefix = bidirectional ? `${direction === "" ? "forward" : "backward"}_${cellName}/` : "";
        const key = (name: string) => `${ctx.path}.${name}_l${k}${direction}`;
        params.push(
          transposed(key("weight_ih"), outer, `${prefix}kernel`, [4 * hidden, inputSize]),
          transposed(key("weight_hh"), outer, `${prefix}recurrent_kernel`, [4 * hidden, hidden]),
        );
        if (useBias) {
          params.push(
            {
              key: key("bias_ih"),
              layer: outer,
              weight: `${prefix}bias`,
              shape: [4 * hidden],
              toTfjs: (b) => tf.clone(b),
              fromTfjs: (b) => tf.clone(b),
            },
            {
              key: key("bias_hh"),
              layer: outer,
              weight: `${prefix}bias`,
              shape: [4 * hidden],
              toTfjs: (b) => tf.clone(b),
              fromTfjs: (b) => tf.zerosLike(b),
              accumulate: true,
            },
          );
        }
      }
      inputSize = hidden * (bidirectional ? 2 : 1);
    }
    return { y: x, layout: "first", params };
  },
};

/** An lstm with projSize: shapecheck's LSTM layers (tfjs's have no projection). */
function projectedLstm(layer: RecurrentConfig, ctx: ConvertContext, projSize: number) {
  const { hiddenSize, bidirectional, useBias } = recurrentOptions(layer);
  return ownLayers(
    layer,
    ctx,
    4,
    projSize,
    (inputSize, name) => new ProjectedLSTM({ inputSize, hiddenSize, projSize, bidirectional, useBias, name }),
    [["weight_hr", [projSize, hiddenSize]]],
  );
}

const same = (key: string, layer: string, weight: string, shape: number[]): ParamSpec => ({
  key,
  layer,
  weight,
  shape,
  toTfjs: (w) => tf.clone(w),
  fromTfjs: (w) => tf.clone(w),
});

/**
 * shapecheck's own recurrent layers, one per PyTorch layer with dropout between, whose weights carry
 * PyTorch's names, layouts and order (`weight_ih_l0`, `weight_hh_l0`, biases, then `extra`; `_reverse`).
 * `gates` blocks of hiddenSize rows; each layer outputs `outputSize` features per direction.
 */
function ownLayers(
  layer: RecurrentConfig,
  ctx: ConvertContext,
  gates: number,
  outputSize: number,
  make: (inputSize: number, name: string) => tfl.layers.Layer,
  extra: readonly [string, number[]][] = [],
) {
  const { hiddenSize, numLayers, bidirectional, useBias, dropout } = recurrentOptions(layer);
  const params: ParamSpec[] = [];
  let x = ctx.x;
  let inputSize = layer.inputSize;
  for (let k = 0; k < numLayers; k++) {
    x = dropoutBetween(ctx, x, k, dropout);
    const name = ctx.name(`l${k}`);
    x = make(inputSize, name).apply(x) as tfl.SymbolicTensor;
    for (const direction of bidirectional ? ["", "_reverse"] : [""]) {
      const param = (weight: string, shape: number[]) =>
        same(`${ctx.path}.${weight}_l${k}${direction}`, name, `${weight}${direction}`, shape);
      params.push(
        param("weight_ih", [gates * hiddenSize, inputSize]),
        param("weight_hh", [gates * hiddenSize, outputSize]),
      );
      if (useBias) params.push(param("bias_ih", [gates * hiddenSize]), param("bias_hh", [gates * hiddenSize]));
      for (const [weight, shape] of extra) params.push(param(weight, shape));
    }
    inputSize = outputSize * (bidirectional ? 2 : 1);
  }
  return { y: x, layout: "first" as const, params };
}

export const gru: Converter<RecurrentConfig> = {
  layout: () => "first",
  convert(layer, ctx) {
    const { hiddenSize, bidirectional, useBias } = recurrentOptions(layer);
    return ownLayers(
      layer,
      ctx,
      3,
      hiddenSize,
      (inputSize, name) => new GRU({ inputSize, hiddenSize, bidirectional, useBias, name }),
    );
  },
};

export const rnn: Converter<RecurrentConfig> = {
  layout: () => "first",
  convert(layer, ctx) {
    const { hiddenSize, bidirectional, useBias } = recurrentOptions(layer);
    const nonlinearity = layer.nonlinearity ?? "tanh";
    return ownLayers(
      layer,
      ctx,
      1,
      hiddenSize,
      (inputSize, name) => new RNN({ inputSize, hiddenSize, bidirectional, useBias, nonlinearity, name }),
    );
  },
};
