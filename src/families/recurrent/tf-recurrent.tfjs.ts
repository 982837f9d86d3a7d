// layers.simpleRNN / lstm / gru / rnn / convLstm2d / timeDistributed / bidirectional → tfjs's own layers, with the
// same arguments; the cells and wrapped layers (configs of `layers`) become tfjs's cells and layers first. Weights
// keep tfjs's names and layouts under the layer's path (`0.kernel`, `0.forward_lstm_1/kernel`, …).
import * as tf from "@tensorflow/tfjs-core";
import * as tfl from "@tensorflow/tfjs-layers";
import type { CallConverter } from "../../runtime/convert/call.ts";
import type { Converter, ParamSpec } from "../../runtime/convert/context.ts";
import { notConvertible } from "../../runtime/convert/context.ts";
import { isTfjsKind, tfjsArgs, tfjsFactory } from "../../runtime/convert/tfjs-layers.ts";
import type { LayerConfig } from "../layer-config.ts";
import type { TfCellConfig, TfConvLstmConfig, TfRecurrentConfig } from "./tf-recurrent.layers.ts";
import type { TfWrapperConfig } from "./tf-wrappers.layers.ts";

// tfjs's default recurrentInitializer, 'orthogonal', calls `tensor.flatten().stridedSlice(…)`: chained ops that
// only the @tensorflow/tfjs bundle registers (not tfjs-core + tfjs-layers, which shapecheck uses). The five it
// needs (`.flatten().stridedSlice(…)`, `.sign()`, `.transpose()`, `.reshape(…)`), as tfjs-core's chained_ops/ define them:
const chained = tf.Tensor.prototype as unknown as Record<string, unknown>;
chained["flatten"] ??= function (this: tf.Tensor) {
  return tf.reshape(this, [this.size]);
};
chained["stridedSlice"] ??= function (this: tf.Tensor, ...args: number[][]) {
  return tf.stridedSlice(this, args[0]!, args[1]!, args[2]);
};
chained["sign"] ??= function (this: tf.Tensor) {
  return tf.sign(this);
};
chained["reshape"] ??= function (this: tf.Tensor, shape: number[]) {
  return tf.reshape(this, shape);
};
chained["transpose"] ??= function (this: tf.Tensor, perm?: number[]) {
  return tf.transpose(this, perm);
};

type Config = TfRecurrentConfig | TfConvLstmConfig | TfWrapperConfig;
type Args = Record<string, unknown>;

/** tfjs's cell for a cell config of `layers`. */
function tfjsCell(cell: TfCellConfig): tfl.layers.Layer {
  const args = tfjsArgs(cell);
  switch (cell.kind) {
    case "SimpleRNNCell":
      return tfl.layers.simpleRNNCell(args as never);
    case "LSTMCell":
      return tfl.layers.lstmCell(args as never);
    case "GRUCell":
      return tfl.layers.gruCell(args as never);
    case "StackedRNNCells":
      return tfl.layers.stackedRNNCells({ ...args, cells: cell.cells.map(tfjsCell) } as never);
  }
}

/** tfjs's layer for a config of `layers` (the recurrent kinds and wrappers here, any other tfjs kind by its factory). */
export function tfjsRecurrentLayer(layer: LayerConfig, extra: Args = {}): tfl.layers.Layer {
  const args = { ...tfjsArgs(layer), ...extra };
  switch (layer.kind) {
    case "SimpleRNN":
      return tfl.layers.simpleRNN(args as never);
    case "LSTM":
      return tfl.layers.lstm(args as never);
    case "GRU":
      return tfl.layers.gru(args as never);
    case "ConvLSTM2D":
      return tfl.layers.convLstm2d(args as never);
    case "RNN": {
      const given = "cell" in layer.args ? layer.args.cell : undefined;
      const cell = Array.isArray(given) ? layer.cells.map(tfjsCell) : tfjsCell(layer.cells[0]!);
      return tfl.layers.rnn({ ...args, cell } as never);
    }
    case "Bidirectional":
      return tfl.layers.bidirectional({ ...args, layer: tfjsRecurrentLayer(layer.layer) } as never);
    case "TimeDistributed":
      return tfl.layers.timeDistributed({ ...args, layer: tfjsRecurrentLayer(layer.layer) } as never);
  }
  if (!isTfjsKind(layer.kind)) throw notConvertible(layer, `${layer.kind} is not a layer of TensorFlow.js`);
  return tfjsFactory(layer.kind)(args);
}

/** The weights of a tfjs layer named `name`, as they are (tfjs's names and layouts) under the layer's path. */
function params(tfLayer: tfl.layers.Layer, name: string, path: string): ParamSpec[] {
  return tfLayer.weights.map((w) => {
    const weight = w.originalName.startsWith(`${name}/`) ? w.originalName.slice(name.length + 1) : w.originalName;
    return {
      key: `${path}.${weight}`,
      layer: name,
      weight,
      shape: w.shape as number[],
      toTfjs: (v: tf.Tensor) => tf.clone(v),
      fromTfjs: (v: tf.Tensor) => tf.clone(v),
    };
  });
}

export const tfRecurrent: Converter<Config> = {
  layout: () => "first",
  convert(layer, ctx) {
    const name = ctx.name();
    const tfLayer = tfjsRecurrentLayer(layer, { name });
    const y = tfLayer.apply(ctx.x) as tfl.SymbolicTensor;
    return { y, layout: "first", params: params(tfLayer, name, ctx.path) };
  },
};

/** `layer.call(x)` in the functional API: tfjs's layer on the input, its outputs `[output, ...states]` as tfjs gives them. */
export const tfRecurrentCall: CallConverter<TfRecurrentConfig | TfConvLstmConfig> = {
  call(layer, ctx) {
    const name = ctx.name();
    const tfLayer = tfjsRecurrentLayer(layer, { name });
    const ys = tfLayer.apply(ctx.inputs[0]!) as tfl.SymbolicTensor | tfl.SymbolicTensor[];
    return { ys: Array.isArray(ys) ? ys : [ys], params: params(tfLayer, name, ctx.path) };
  },
};
