// The typed model: a tfjs LayersModel whose boundary knows the shapes. `predict` takes
// `Tensor<[number, 1, 28, 28]>` and returns `Tensor<[number, 10]>`; a typed tensor of another shape
// is a compile error on the argument; untyped data (arrays, tensors from elsewhere) is checked at
// run time with a ShapeError naming both shapes before TensorFlow.js sees it.
import * as tf from "@tensorflow/tfjs-core";
import * as tfl from "@tensorflow/tfjs-layers";
import type { Shape } from "../../types/shape/dims.ts";
import { ShapeError } from "../errors.ts";
import { showShape, type RuntimeShape, type RuntimeShapeOf } from "../shape/dims.ts";
import { convert, type Convertible, type ParamSpec } from "./convert/index.ts";
import { handlerFor } from "./io.ts";
import { crossEntropy, isSparse, isTorch, nll, classAxis, oneHotTargets, targetShape, torchAccuracy, type LossName, type TargetShape } from "./losses.ts";
import { progressCallback, type Verbosity } from "./progress.ts";
import { toTensor, type Tensor, type TensorArg, type TensorData } from "./tensor.ts";
import { loadStateDict, stateDict, type StateDict, type StateDictInput } from "./weights.ts";

/** Optimizers by tfjs's names (tfjs's default learning rates unless `learningRate` is given). */
export type OptimizerName = "adam" | "sgd" | "rmsprop" | "adagrad" | "adadelta" | "adamax";
/** Metrics by name: "accuracy" is the accuracy that fits the loss (PyTorch's losses: over dimension 1). */
export type MetricName =
  | "accuracy" | "binaryAccuracy" | "categoricalAccuracy" | "precision" | "recall"
  | "meanSquaredError" | "meanAbsoluteError" | "meanAbsolutePercentageError" | "cosineProximity";

export interface CompileOptions<Loss extends LossName = LossName, Metric extends MetricName = MetricName> {
  /** Default "adam"; a name (tfjs's default learning rate unless `learningRate`) or a `tf.train` optimizer. */
  readonly optimizer?: OptimizerName | tf.Optimizer;
  /** The learning rate of a named optimizer. */
  readonly learningRate?: number;
  /** "nll" / "crossEntropy" (PyTorch's, class-index targets) or a tfjs loss name. */
  readonly loss: Loss;
  /** Reported by fit and evaluate, under these names. */
  readonly metrics?: readonly Metric[];
}

export interface PredictOptions {
  /** Examples per batch (default 256); the output is the same, only memory and speed change. */
  readonly batchSize?: number;
}

export interface FitOptions<InputShape extends Shape, Target extends Shape> {
  /** Default 1. */
  readonly epochs?: number;
  /** Default 32. */
  readonly batchSize?: number;
  /** Shuffle the training examples before each epoch (default true). */
  readonly shuffle?: boolean;
  /** Hold out this fraction of the examples (the last ones) for validation. */
  readonly validationSplit?: number;
  /** Validation examples and targets, checked like the training data. */
  readonly validationData?: readonly [TensorData | Tensor<InputShape>, TensorData | Tensor<Target>];
  /** 0: quiet; 1 (default): a progress bar when stdout is a terminal; 2: one line per epoch. */
  readonly verbose?: Verbosity;
  /** tfjs callbacks (`{ onEpochEnd(epoch, logs) { … } }` or `tf.Callback`s); their logs use tfjs's names (`acc`). */
  readonly callbacks?: tfl.CustomCallbackArgs | ReadonlyArray<tfl.CustomCallbackArgs | tfl.Callback>;
  /** The epoch to start counting from (to resume training). */
  readonly initialEpoch?: number;
}

/** What fit returns: the loss and each metric per epoch (and `val_…` with validation data). */
export interface FitHistory<Metric extends string> {
  readonly epoch: number[];
  readonly history: { readonly loss: number[] } & { readonly [K in Metric]: number[] } & {
    readonly [K in "loss" | Metric as `val_${K}`]?: number[];
  };
}

/** What evaluate returns: the loss and each metric, by the names given to compile. */
export type Evaluation<Metric extends string> = { readonly loss: number } & { readonly [K in Metric]: number };

/**
 * A model whose inputs and outputs have known shapes: predict, save, weights in PyTorch's layout,
 * and `compile` for training.
 */
export interface TypedModel<InputShape extends Shape, OutputShape extends Shape> {
  /** The TensorFlow.js model (the escape hatch): its input and output are in PyTorch's layout. */
  readonly tfjs: tfl.LayersModel;
  /** `[null, 1, 28, 28]` */
  readonly inputShape: RuntimeShapeOf<InputShape>;
  /** `[null, 10]` */
  readonly outputShape: RuntimeShapeOf<OutputShape>;
  /**
   * The outputs for a batch of inputs (dropout off). A typed tensor of another shape does not
   * compile; untyped data is checked at run time.
   *
   * @example
   * const x = tensor(pixels, [null, 1, 28, 28]); // Tensor<[number, 1, 28, 28]>
   * const y = model.predict(x);                  // Tensor<[number, 10]>
   */
  predict<X extends TensorData>(x: TensorArg<X, InputShape, "predict">, options?: PredictOptions): Tensor<OutputShape>;
  /**
   * Prepares training (as Keras' compile) and returns the model with fit and evaluate; the weights
   * are shared with this model.
   *
   * @example
   * const trainable = model.compile({ optimizer: "adam", loss: "nll", metrics: ["accuracy"] });
   */
  compile<const Loss extends LossName, const Metric extends MetricName = never>(
    options: CompileOptions<Loss, Metric>,
  ): TrainableModel<InputShape, OutputShape, TargetShape<OutputShape, Loss>, Metric>;
  /** Saves `model.json` + `weights.bin`: a local directory, a `file://` URL, any tfjs URL or IOHandler. */
  save(where: string | tf.io.IOHandler): Promise<tf.io.SaveResult>;
  /** The parameters under PyTorch's names and in its layouts (`0.weight`: `[32, 1, 3, 3]`); new tensors. */
  stateDict(): StateDict;
  /** Sets parameters from PyTorch's names and layouts (checked first: keys, then shapes). */
  loadStateDict(dict: StateDictInput, options?: { strict?: boolean }): void;
  /** Frees the weights. */
  dispose(): void;
}

/** A compiled model: also fit and evaluate, with targets of shape `Target` (class indices for "nll"). */
export interface TrainableModel<InputShape extends Shape, OutputShape extends Shape, Target extends Shape, Metric extends string>
  extends TypedModel<InputShape, OutputShape> {
  /**
   * Trains on `x` and targets `y` with a progress bar (see FitOptions.verbose).
   *
   * @example
   * await model.fit(images, labels, { epochs: 3, batchSize: 64, validationSplit: 0.1 });
   */
  fit<X extends TensorData, Y extends TensorData>(
    x: TensorArg<X, InputShape, "fit (x)">,
    y: TensorArg<Y, Target, "fit (y)">,
    options?: FitOptions<InputShape, Target>,
  ): Promise<FitHistory<Metric>>;
  /** The loss and metrics on `x` and `y` (dropout off). */
  evaluate<X extends TensorData, Y extends TensorData>(
    x: TensorArg<X, InputShape, "evaluate (x)">,
    y: TensorArg<Y, Target, "evaluate (y)">,
    options?: { readonly batchSize?: number },
  ): Promise<Evaluation<Metric>>;
}

/** What the runtime keeps of the `nn` model a TensorFlow.js model was built from. */
export interface Origin extends Convertible {
  readonly outputShape: RuntimeShape;
  readonly layers: readonly { readonly kind: string; readonly written: string }[];
}

interface Training {
  readonly loss: LossName;
  /** tfjs's log key → the user's name (`acc` → `accuracy`, `val_acc` → `val_accuracy`). */
  readonly names: (key: string) => string;
}

const makeOptimizer = (name: OptimizerName, learningRate: number): tf.Optimizer => {
  switch (name) {
    case "adam": return tf.train.adam(learningRate);
    case "sgd": return tf.train.sgd(learningRate);
    case "rmsprop": return tf.train.rmsprop(learningRate);
    case "adagrad": return tf.train.adagrad(learningRate);
    case "adadelta": return tf.train.adadelta(learningRate);
    case "adamax": return tf.train.adamax(learningRate);
  }
};

/** The loss a model's last layer calls for, when another was chosen: why, and what to use. */
export function lossMismatch(lastLayer: { kind: string; written: string } | undefined, loss: string): string | null {
  if (!lastLayer) return null;
  const probabilities = ["categoricalCrossentropy", "sparseCategoricalCrossentropy"];
  if (lastLayer.kind === "logSoftmax" && loss !== "nll" && (probabilities.includes(loss) || loss === "crossEntropy")) {
    return `the model ends in ${lastLayer.written}, whose outputs are log-probabilities: use loss "nll" (PyTorch's NLLLoss)`;
  }
  if (lastLayer.kind === "softmax" && isTorch(loss)) {
    return `the model ends in ${lastLayer.written}, whose outputs are probabilities: use loss "categoricalCrossentropy" (one-hot targets) or "sparseCategoricalCrossentropy" (class indices)`;
  }
  if ((lastLayer.kind === "linear" || lastLayer.kind === "lazyLinear") && (probabilities.includes(loss) || loss === "nll")) {
    return `the model ends in ${lastLayer.written}, whose outputs are logits: use loss "crossEntropy" (PyTorch's CrossEntropyLoss), or end in softmax / logSoftmax`;
  }
  return null;
}

/** The runtime object behind TypedModel and TrainableModel (their types are applied where it is made). */
class Model {
  private params: readonly ParamSpec[] | null;

  constructor(
    readonly tfjs: tfl.LayersModel,
    readonly inputShape: RuntimeShape,
    readonly outputShape: RuntimeShape,
    private readonly origin: Origin | null,
    params: readonly ParamSpec[] | null,
    private readonly training: Training | null = null,
  ) {
    this.params = params;
  }

  predict(x: TensorData, options?: PredictOptions): tf.Tensor {
    const { tensor, owned } = toTensor("predict", x, this.inputShape);
    try {
      return this.tfjs.predict(tensor, { batchSize: options?.batchSize ?? 256 }) as tf.Tensor;
    } finally {
      if (owned) tensor.dispose();
    }
  }

  compile(options: CompileOptions): Model {
    const { loss } = options;
    const mismatch = lossMismatch(this.origin?.layers.at(-1), loss);
    if (mismatch) throw new Error(`compile: ${mismatch}`);
    if (isSparse(loss)) {
      const classes = this.outputShape[classAxis(loss, this.outputShape.length)];
      if (this.outputShape.length < 2 || typeof classes !== "number") {
        throw new ShapeError(`compile: loss "${loss}" needs a known class dimension, the output is ${showShape(this.outputShape)}`);
      }
    }
    const lossFn = loss === "nll" ? nll : loss === "crossEntropy" ? crossEntropy : loss === "sparseCategoricalCrossentropy" ? "categoricalCrossentropy" : loss;
    const metrics = options.metrics ?? [];
    const optimizer = options.optimizer ?? "adam";
    this.tfjs.compile({
      optimizer: typeof optimizer === "string" && options.learningRate !== undefined ? makeOptimizer(optimizer, options.learningRate) : optimizer,
      loss: lossFn,
      metrics: metrics.map((metric) => (metric === "accuracy" && isTorch(loss) ? torchAccuracy : metric)),
    });
    const renamed = new Map<string, string>();
    this.tfjs.metricsNames.slice(1).forEach((tfjsName, i) => renamed.set(tfjsName, metrics[i] ?? tfjsName));
    const names = (key: string) => (key.startsWith("val_") ? `val_${renamed.get(key.slice(4)) ?? key.slice(4)}` : (renamed.get(key) ?? key));
    return new Model(this.tfjs, this.inputShape, this.outputShape, this.origin, this.params, { loss, names });
  }

  private compiled(where: string): Training {
    if (!this.training) throw new Error(`${where}: compile the model first: model.compile({ optimizer: "adam", loss: "nll", metrics: ["accuracy"] })`);
    return this.training;
  }

  /** Inputs and targets checked and made ready for tfjs (class indices become one-hot). */
  private async data(where: string, x: TensorData, y: TensorData, training: Training): Promise<{ xs: tf.Tensor; ys: tf.Tensor; dispose: () => void }> {
    const owned: tf.Tensor[] = [];
    try {
      const input = toTensor(`${where} (x)`, x, this.inputShape);
      if (input.owned) owned.push(input.tensor);
      const expected = targetShape(this.outputShape, training.loss);
      const target = toTensor(`${where} (y)`, y, expected);
      if (target.owned) owned.push(target.tensor);
      const [xs, ys] = [input.tensor, target.tensor];
      if (xs.shape[0] !== ys.shape[0]) throw new ShapeError(`${where}: x has ${xs.shape[0]} examples and y has ${ys.shape[0]}: the batch dimensions must be equal`);
      let ready = ys;
      if (isSparse(training.loss)) {
        const axis = classAxis(training.loss, this.outputShape.length);
        ready = await oneHotTargets(`${where} (y)`, ys, this.outputShape[axis] as number, axis);
        owned.push(ready);
      } else if (ys.dtype !== "float32") {
        ready = tf.cast(ys, "float32");
        owned.push(ready);
      }
      return { xs, ys: ready, dispose: () => owned.forEach((t) => t.dispose()) };
    } catch (error) {
      owned.forEach((t) => t.dispose());
      throw error;
    }
  }

  async fit(x: TensorData, y: TensorData, options: FitOptions<Shape, Shape> = {}): Promise<FitHistory<string>> {
    const training = this.compiled("fit");
    const train = await this.data("fit", x, y, training);
    const validation = options.validationData ? await this.data("fit (validationData)", options.validationData[0], options.validationData[1], training).catch((error) => {
      train.dispose();
      throw error;
    }) : null;
    try {
      const progress = progressCallback({ verbose: options.verbose ?? 1, names: training.names });
      const user = options.callbacks === undefined ? [] : Array.isArray(options.callbacks) ? options.callbacks : [options.callbacks];
      const callbacks = [...(progress ? [progress] : []), ...user.map((c) => (c instanceof tfl.Callback ? c : new tfl.CustomCallback(c as tfl.CustomCallbackArgs)))];
      const history = await this.tfjs.fit(train.xs, train.ys, {
        epochs: options.epochs ?? 1,
        batchSize: options.batchSize ?? 32,
        shuffle: options.shuffle ?? true,
        validationSplit: options.validationSplit,
        validationData: validation ? [validation.xs, validation.ys] : undefined,
        initialEpoch: options.initialEpoch,
        verbose: 0,
        callbacks,
      });
      const renamed = Object.fromEntries(Object.entries(history.history).map(([key, values]) => [training.names(key), values as number[]]));
      return { epoch: history.epoch, history: renamed as FitHistory<string>["history"] };
    } finally {
      train.dispose();
      validation?.dispose();
    }
  }

  async evaluate(x: TensorData, y: TensorData, options: { batchSize?: number } = {}): Promise<Evaluation<string>> {
    const training = this.compiled("evaluate");
    const data = await this.data("evaluate", x, y, training);
    try {
      const result = this.tfjs.evaluate(data.xs, data.ys, { batchSize: options.batchSize ?? 256 });
      const scalars = Array.isArray(result) ? result : [result];
      const values = await Promise.all(scalars.map(async (s) => (await s.data())[0]!));
      scalars.forEach((s) => s.dispose());
      return Object.fromEntries(this.tfjs.metricsNames.map((name, i) => [training.names(name), values[i]!])) as Evaluation<string>;
    } finally {
      data.dispose();
    }
  }

  async save(where: string | tf.io.IOHandler): Promise<tf.io.SaveResult> {
    return this.tfjs.save(handlerFor(where, "save"));
  }

  /** The PyTorch ↔ tfjs parameter map: from the conversion, or rebuilt from the origin for a loaded model. */
  private paramSpecs(where: string): readonly ParamSpec[] {
    if (this.params) return this.params;
    if (!this.origin) throw new Error(`${where}: this model was not built from an nn model, so its weights have no PyTorch names`);
    const rebuilt = convert(this.origin);
    rebuilt.model.dispose();
    this.params = rebuilt.params;
    return this.params;
  }

  stateDict(): StateDict {
    return stateDict(this.tfjs, this.paramSpecs("stateDict"));
  }

  loadStateDict(dict: StateDictInput, options?: { strict?: boolean }): void {
    loadStateDict(this.tfjs, this.paramSpecs("loadStateDict"), dict, options);
  }

  dispose(): void {
    this.tfjs.dispose();
  }
}

/** Metadata saved in model.json (`userDefinedMetadata.shapecheck`): what loading checks. */
export interface SavedShapes {
  readonly inputShape: RuntimeShape;
  readonly outputShape: RuntimeShape;
  readonly layers: readonly string[];
}

/** Builds the TensorFlow.js model of an `nn` model and wraps it (PyTorch's initial weights). */
export function build<InputShape extends Shape, OutputShape extends Shape>(origin: Origin): TypedModel<InputShape, OutputShape> {
  const { model, params } = convert(origin);
  const shapes: SavedShapes = { inputShape: origin.inputShape, outputShape: origin.outputShape, layers: origin.layers.map((layer) => layer.written) };
  model.setUserDefinedMetadata({ shapecheck: shapes as unknown as Record<string, never> });
  return new Model(model, origin.inputShape, origin.outputShape, origin, params) as unknown as TypedModel<InputShape, OutputShape>;
}

/** A stored dimension fits a declared one: the same size, or unknown in the stored model. */
const storedFits = (declared: RuntimeShape, stored: readonly (number | null)[]): boolean =>
  declared.length === stored.length && declared.every((dim, i) => stored[i] === null || stored[i] === dim);

/** The message when a stored model's input or output does not have the declared shape. */
export const writeStoredShapeMessage = (where: string, which: "input" | "output", stored: readonly (number | null)[], declared: RuntimeShape): string =>
  `load(${where}): the stored model's ${which} shape ${showShape(stored)} differs from the declared ${showShape(declared)}`;

/**
 * Loads a saved model (TensorFlow.js format) as a typed model of `origin`'s shapes, after checking
 * that the stored model has them: its input and output shapes, and, when it was saved by
 * shapecheck, its layers. A difference is a ShapeError that names both.
 */
export async function load<InputShape extends Shape, OutputShape extends Shape>(origin: Origin, where: string | tf.io.IOHandler): Promise<TypedModel<InputShape, OutputShape>> {
  const label = typeof where === "string" ? where : "IOHandler";
  const model = await tfl.loadLayersModel(handlerFor(where, "load"));
  try {
    if (model.inputs.length !== 1 || model.outputs.length !== 1) {
      throw new ShapeError(`load(${label}): the stored model has ${model.inputs.length} inputs and ${model.outputs.length} outputs, the declared one 1 and 1`);
    }
    const storedInput = model.inputs[0]!.shape;
    const storedOutput = model.outputs[0]!.shape;
    if (!storedFits(origin.inputShape, storedInput)) throw new ShapeError(writeStoredShapeMessage(label, "input", storedInput, origin.inputShape));
    if (!storedFits(origin.outputShape, storedOutput)) throw new ShapeError(writeStoredShapeMessage(label, "output", storedOutput, origin.outputShape));
    const saved = (model.getUserDefinedMetadata() as { shapecheck?: SavedShapes } | undefined)?.shapecheck;
    if (saved?.layers) {
      const declared = origin.layers.map((layer) => layer.written);
      const at = declared.findIndex((written, i) => saved.layers[i] !== written);
      if (at !== -1 || saved.layers.length !== declared.length) {
        const i = at === -1 ? declared.length : at;
        throw new ShapeError(
          saved.layers.length !== declared.length && (at === -1 || at >= Math.min(saved.layers.length, declared.length))
            ? `load(${label}): the stored model has ${saved.layers.length} layers, the declared one ${declared.length}`
            : `load(${label}): the stored model differs from the declared one at layer ${i}: stored ${saved.layers[i]}, declared ${declared[i]}`,
        );
      }
    }
  } catch (error) {
    model.dispose();
    throw error;
  }
  return new Model(model, origin.inputShape, origin.outputShape, origin, null) as unknown as TypedModel<InputShape, OutputShape>;
}
