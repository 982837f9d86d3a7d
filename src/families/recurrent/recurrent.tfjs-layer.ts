// What shapecheck's recurrent layers (`shapecheck>GRU`, `shapecheck>LSTM`) share: PyTorch's weights
// per direction (names, layouts, U(−1/√H, 1/√H) initialisation; `_reverse` for the backward one), the
// input's product with weight_ih for every step at once, and both directions joined on the features.
// Each layer writes only its cell.
import * as tf from "@tensorflow/tfjs-core";
import * as tfl from "@tensorflow/tfjs-layers";

type Shape = (number | null)[];

export interface RecurrentArgs {
  inputSize: number;
  hiddenSize: number;
  bidirectional: boolean;
  useBias: boolean;
  name?: string;
  trainable?: boolean;
}

/** One direction's weights: weight_ih [gates·H, in], weight_hh [gates·H, state], biases [gates·H], and the layer's own. */
export interface DirectionWeights {
  weightIh: tfl.LayerVariable;
  weightHh: tfl.LayerVariable;
  biasIh?: tfl.LayerVariable;
  biasHh?: tfl.LayerVariable;
  extra: Record<string, tfl.LayerVariable>;
}

/** x @ wᵀ (+ b) over the last dimension of x (rank 2). */
export const affine = (x: tf.Tensor, w: tfl.LayerVariable, b?: tfl.LayerVariable): tf.Tensor => {
  const y = tf.matMul(x as tf.Tensor2D, w.read() as tf.Tensor2D, false, true);
  return b ? tf.add(y, b.read()) : y;
};

export abstract class RecurrentLayer<Args extends RecurrentArgs> extends tfl.layers.Layer {
  readonly settings: Args;
  private directions: DirectionWeights[] = [];

  constructor(args: Args) {
    super({ name: args.name, trainable: args.trainable });
    this.settings = args;
  }

  /** How many blocks of hiddenSize rows weight_ih has (GRU 3, LSTM 4). */
  protected abstract gates(): number;
  /** The features of h, which weight_hh multiplies and each direction outputs (H, or an LSTM's projSize). */
  protected abstract stateSize(): number;
  /** Weights besides PyTorch's four, in state_dict order: name → shape. */
  protected extraWeights(): [string, number[]][] {
    return [];
  }
  /** One direction: `perStep[t]` is W_ih x_t + b_ih, [batch, gates·H]; returns h for every step, [batch, seq, state]. */
  protected abstract runCell(
    perStep: tf.Tensor[],
    weights: DirectionWeights,
    batch: number,
    reverse: boolean,
  ): tf.Tensor;

  override build(): void {
    const { inputSize, hiddenSize, bidirectional, useBias } = this.settings;
    const rows = this.gates() * hiddenSize;
    const bound = 1 / Math.sqrt(hiddenSize); // PyTorch: every weight and bias U(−1/√H, 1/√H)
    const init = tfl.initializers.randomUniform({ minval: -bound, maxval: bound });
    const add = (name: string, shape: number[]) => this.addWeight(name, shape, "float32", init);
    this.directions = (bidirectional ? ["", "_reverse"] : [""]).map((suffix) => ({
      weightIh: add(`weight_ih${suffix}`, [rows, inputSize]),
      weightHh: add(`weight_hh${suffix}`, [rows, this.stateSize()]),
      ...(useBias ? { biasIh: add(`bias_ih${suffix}`, [rows]), biasHh: add(`bias_hh${suffix}`, [rows]) } : {}),
      extra: Object.fromEntries(this.extraWeights().map(([name, shape]) => [name, add(`${name}${suffix}`, shape)])),
    }));
    this.built = true;
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape {
    const [batch, steps] = inputShape as Shape;
    return [batch!, steps!, this.stateSize() * (this.settings.bidirectional ? 2 : 1)];
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    const x = Array.isArray(inputs) ? inputs[0]! : inputs;
    const [batch, steps, features] = x.shape as [number, number, number];
    return tf.tidy(() => {
      const outputs = this.directions.map((weights, i) => {
        const products = affine(tf.reshape(x, [batch * steps, features]), weights.weightIh, weights.biasIh);
        const perStep = tf.unstack(tf.reshape(products, [batch, steps, -1]), 1);
        return this.runCell(perStep, weights, batch, i === 1);
      });
      return outputs.length === 1 ? outputs[0]! : tf.concat(outputs, -1);
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    const { name: _name, trainable: _trainable, ...args } = this.settings;
    return { ...super.getConfig(), ...args };
  }
}
