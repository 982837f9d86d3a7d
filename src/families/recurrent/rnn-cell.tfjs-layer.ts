// `shapecheck>RecurrentCell`: one step of PyTorch's RNNCell, LSTMCell or GRUCell, from a zero state (in a
// chain) or from the states given (the graph node "call": inputs [x, h?, c?], an LSTM cell's outputs [h', c']), in tf
// ops (gradients by autodiff), with PyTorch's weights in PyTorch's layout and names: weight_ih [G·H, in],
// weight_hh [G·H, H], bias_ih, bias_hh [G·H] (G = 1, 4 (gates i, f, g, o) or 3 (r, z, n)). The step
// functions are PyTorch's equations:
//   rnn:  h' = act(W_ih x + b_ih + W_hh h + b_hh)
//   lstm: i, f, g, o = σ, σ, tanh, σ of (W_ih x + b_ih + W_hh h + b_hh);  c' = f ⊙ c + i ⊙ g;  h' = o ⊙ tanh(c')
//   gru:  r, z = σ(W_i· x + b_i· + W_h· h + b_h·);  n = tanh(W_in x + b_in + r ⊙ (W_hn h + b_hn));
//         h' = (1 − z) ⊙ n + z ⊙ h   (the reset gate after the recurrent product, unlike tfjs's GRU)
import * as tf from "@tensorflow/tfjs-core";
import * as tfl from "@tensorflow/tfjs-layers";
import { affine } from "./recurrent.tfjs-layer.ts";
import { rnnActivation } from "./rnn.tfjs-layer.ts";

type Shape = (number | null)[];
export type CellKind = "rnnCell" | "lstmCell" | "gruCell";

export interface CellArgs {
  kind: CellKind;
  inputSize: number;
  hiddenSize: number;
  useBias: boolean;
  nonlinearity: "tanh" | "relu";
  /** The inputs given, in order (default ["input"]): "input", then "hx" and "cx" (lstmCell) when given. */
  inputs?: string[];
  /** lstmCell called on symbolic tensors: outputs [h', c'] (else h' only). */
  returnCell?: boolean;
  name?: string;
  trainable?: boolean;
}

/** How many blocks of hiddenSize rows a cell's weights have. */
export const cellGates = (kind: CellKind): number => (kind === "lstmCell" ? 4 : kind === "gruCell" ? 3 : 1);

/** One step: `xProj` = W_ih x + b_ih, `hProj` = W_hh h + b_hh ([batch, G·H]); returns h' (and c' for an LSTM). */
export function cellStep(
  kind: CellKind,
  nonlinearity: "tanh" | "relu",
  xProj: tf.Tensor,
  hProj: tf.Tensor,
  h: tf.Tensor,
  c?: tf.Tensor,
): { h: tf.Tensor; c?: tf.Tensor } {
  if (kind === "rnnCell") return { h: rnnActivation(nonlinearity, tf.add(xProj, hProj)) };
  if (kind === "lstmCell") {
    const [i, f, g, o] = tf.split(tf.add(xProj, hProj), 4, 1);
    const next = tf.add(tf.mul(tf.sigmoid(f!), c ?? tf.zerosLike(h)), tf.mul(tf.sigmoid(i!), tf.tanh(g!)));
    return { h: tf.mul(tf.sigmoid(o!), tf.tanh(next)), c: next };
  }
  const [xr, xz, xn] = tf.split(xProj, 3, 1);
  const [hr, hz, hn] = tf.split(hProj, 3, 1);
  const r = tf.sigmoid(tf.add(xr!, hr!));
  const z = tf.sigmoid(tf.add(xz!, hz!));
  const n = tf.tanh(tf.add(xn!, tf.mul(r, hn!)));
  return { h: tf.add(n, tf.mul(z, tf.sub(h, n))) };
}

export class RecurrentCellLayer extends tfl.layers.Layer {
  static className = "shapecheck>RecurrentCell";
  readonly settings: CellArgs;
  private cellWeights?: {
    weightIh: tfl.LayerVariable;
    weightHh: tfl.LayerVariable;
    biasIh?: tfl.LayerVariable;
    biasHh?: tfl.LayerVariable;
  };

  constructor(args: CellArgs) {
    super({ name: args.name, trainable: args.trainable });
    this.settings = args;
  }

  override build(): void {
    const { kind, inputSize, hiddenSize, useBias } = this.settings;
    const rows = cellGates(kind) * hiddenSize;
    const bound = 1 / Math.sqrt(hiddenSize); // PyTorch: every weight and bias U(−1/√H, 1/√H)
    const init = tfl.initializers.randomUniform({ minval: -bound, maxval: bound });
    const add = (name: string, shape: number[]) => this.addWeight(name, shape, "float32", init);
    this.cellWeights = {
      weightIh: add("weight_ih", [rows, inputSize]),
      weightHh: add("weight_hh", [rows, hiddenSize]),
      ...(useBias ? { biasIh: add("bias_ih", [rows]), biasHh: add("bias_hh", [rows]) } : {}),
    };
    this.built = true;
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape | Shape[] {
    const x = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as Shape;
    const shape = [x[0]!, this.settings.hiddenSize];
    return this.settings.returnCell ? [shape, [...shape]] : shape;
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor | tf.Tensor[] {
    const list = Array.isArray(inputs) ? inputs : [inputs];
    const names = this.settings.inputs ?? ["input"];
    const given = (name: string) => (names.includes(name) ? list[names.indexOf(name)] : undefined);
    const x = list[0]!;
    const { kind, nonlinearity, hiddenSize } = this.settings;
    const w = this.cellWeights!;
    return tf.tidy(() => {
      const h = given("hx") ?? tf.zeros([x.shape[0], hiddenSize]);
      const c = given("cx");
      const next = cellStep(kind, nonlinearity, affine(x, w.weightIh, w.biasIh), affine(h, w.weightHh, w.biasHh), h, c);
      return this.settings.returnCell ? [next.h, next.c!] : next.h;
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    const { name: _name, trainable: _trainable, ...args } = this.settings;
    return { ...super.getConfig(), ...args };
  }
}
tf.serialization.registerClass(RecurrentCellLayer);
