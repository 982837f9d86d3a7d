// `shapecheck>RecurrentStack`: a whole PyTorch RNN, LSTM or GRU (every layer, one or both directions,
// dropout between layers in training) with its states: inputs [x, h0?, c0?], outputs [y, h_n] (LSTM:
// [y, h_n, c_n]), as PyTorch's `out, (h, c) = lstm(x, (h0, c0))` with batch_first=True:
//   x [batch, seq, in], y [batch, seq, directions·(projSize or H)],
//   h0, h_n [numLayers·directions, batch, projSize or H], c0, c_n [numLayers·directions, batch, H]
// (row k·directions + d: layer k, direction d). Missing initial states are zeros. In tf ops with the
// step equations of rnn-cell.tfjs-layer.ts (gradients by autodiff); weights are PyTorch's, in its
// layout and names: weight_ih_l{k}, weight_hh_l{k}, bias_ih_l{k}, bias_hh_l{k}, weight_hr_l{k} (LSTM with
// projSize), `_reverse` for the backward direction. The graph node "call" of lstm / gru / rnn.
import * as tf from "@tensorflow/tfjs-core";
import * as tfl from "@tensorflow/tfjs-layers";
import { cellStep, type CellKind } from "./rnn-cell.tfjs-layer.ts";

type Shape = (number | null)[];

export interface RecurrentStackArgs {
  kind: "rnn" | "lstm" | "gru";
  inputSize: number;
  hiddenSize: number;
  numLayers: number;
  bidirectional: boolean;
  useBias: boolean;
  /** LSTM only; 0: none. */
  projSize: number;
  nonlinearity: "tanh" | "relu";
  dropout: number;
  /** The inputs given, in order: "input", then "hx" and "cx" (h_0, c_0) when given. */
  inputs: string[];
  name?: string;
  trainable?: boolean;
}

interface Weights {
  weightIh: tfl.LayerVariable;
  weightHh: tfl.LayerVariable;
  biasIh?: tfl.LayerVariable;
  biasHh?: tfl.LayerVariable;
  weightHr?: tfl.LayerVariable;
}

/** x @ wᵀ (+ b) for a rank-2 x. */
const affine = (x: tf.Tensor, w: tfl.LayerVariable, b?: tfl.LayerVariable): tf.Tensor => {
  const y = tf.matMul(x as tf.Tensor2D, w.read() as tf.Tensor2D, false, true);
  return b ? tf.add(y, b.read()) : y;
};

const cellKind = { rnn: "rnnCell", lstm: "lstmCell", gru: "gruCell" } as const satisfies Record<string, CellKind>;

export class RecurrentStack extends tfl.layers.Layer {
  static className = "shapecheck>RecurrentStack";
  readonly settings: RecurrentStackArgs;
  /** [layer][direction]. */
  private stack: Weights[][] = [];

  constructor(args: RecurrentStackArgs) {
    super({ name: args.name, trainable: args.trainable });
    this.settings = args;
  }

  private get directions(): number {
    return this.settings.bidirectional ? 2 : 1;
  }
  /** The features of h: projSize or hiddenSize. */
  private get outSize(): number {
    return this.settings.projSize > 0 ? this.settings.projSize : this.settings.hiddenSize;
  }

  override build(): void {
    const { kind, inputSize, hiddenSize, numLayers, useBias, projSize } = this.settings;
    const rows = { rnn: 1, lstm: 4, gru: 3 }[kind] * hiddenSize;
    const bound = 1 / Math.sqrt(hiddenSize); // PyTorch: every weight and bias U(−1/√H, 1/√H)
    const init = tfl.initializers.randomUniform({ minval: -bound, maxval: bound });
    const add = (name: string, shape: number[]) => this.addWeight(name, shape, "float32", init);
    this.stack = [];
    for (let k = 0; k < numLayers; k++) {
      const layerInput = k === 0 ? inputSize : this.outSize * this.directions;
      this.stack.push(
        (this.settings.bidirectional ? ["", "_reverse"] : [""]).map((suffix) => {
          const name = (weight: string) => `${weight}_l${k}${suffix}`;
          return {
            weightIh: add(name("weight_ih"), [rows, layerInput]),
            weightHh: add(name("weight_hh"), [rows, this.outSize]),
            ...(useBias ? { biasIh: add(name("bias_ih"), [rows]), biasHh: add(name("bias_hh"), [rows]) } : {}),
            ...(projSize > 0 ? { weightHr: add(name("weight_hr"), [projSize, hiddenSize]) } : {}),
          };
        }),
      );
    }
    this.built = true;
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape[] {
    const [batch, steps] = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as Shape;
    const rows = this.settings.numLayers * this.directions;
    const shapes: Shape[] = [
      [batch!, steps!, this.outSize * this.directions],
      [rows, batch!, this.outSize],
    ];
    if (this.settings.kind === "lstm") shapes.push([rows, batch!, this.settings.hiddenSize]);
    return shapes;
  }

  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: { training?: boolean }): tf.Tensor[] {
    const list = Array.isArray(inputs) ? inputs : [inputs];
    const given = (name: string) => {
      const at = this.settings.inputs.indexOf(name);
      return at === -1 ? undefined : list[at];
    };
    const { kind, numLayers, hiddenSize, dropout, nonlinearity } = this.settings;
    return tf.tidy(() => {
      let x = list[0]!;
      const [batch, steps] = x.shape as [number, number, number];
      const h0 = given("hx");
      const c0 = given("cx");
      const hs: tf.Tensor[] = [];
      const cs: tf.Tensor[] = [];
      for (let k = 0; k < numLayers; k++) {
        if (k > 0 && dropout > 0 && kwargs?.training) x = tf.dropout(x, dropout);
        const features = x.shape[2]!;
        const flat = tf.reshape(x, [batch * steps, features]);
        const outputs = this.stack[k]!.map((w, d) => {
          const row = k * this.directions + d;
          let h: tf.Tensor = h0
            ? tf.squeeze(tf.slice(h0, [row, 0, 0], [1, -1, -1]), [0])
            : tf.zeros([batch, this.outSize]);
          let c: tf.Tensor | undefined =
            kind !== "lstm"
              ? undefined
              : c0
                ? tf.squeeze(tf.slice(c0, [row, 0, 0], [1, -1, -1]), [0])
                : tf.zeros([batch, hiddenSize]);
          const perStep = tf.unstack(tf.reshape(affine(flat, w.weightIh, w.biasIh), [batch, steps, -1]), 1);
          const ys: tf.Tensor[] = new Array(steps);
          for (let i = 0; i < steps; i++) {
            const t = d === 1 ? steps - 1 - i : i;
            const next = cellStep(cellKind[kind], nonlinearity, perStep[t]!, affine(h, w.weightHh, w.biasHh), h, c);
            h = w.weightHr ? affine(next.h, w.weightHr) : next.h;
            c = next.c;
            ys[t] = h;
          }
          hs.push(h);
          if (c) cs.push(c);
          return tf.stack(ys, 1);
        });
        x = outputs.length === 1 ? outputs[0]! : tf.concat(outputs, -1);
      }
      return kind === "lstm" ? [x, tf.stack(hs), tf.stack(cs)] : [x, tf.stack(hs)];
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    const { name: _name, trainable: _trainable, ...args } = this.settings;
    return { ...super.getConfig(), ...args };
  }
}
tf.serialization.registerClass(RecurrentStack);
