// The typed model: a tfjs LayersModel whose boundary knows the shapes. `predict` takes
// `Tensor<[number, 1, 28, 28]>` and returns `Tensor<[number, 10]>`; a typed tensor of another shape
// is a compile error on the argument; untyped data (arrays, tensors from elsewhere) is checked at
// run time with a ShapeError naming both shapes before TensorFlow.js sees it.
import * as tf from "@tensorflow/tfjs-core";
import * as tfl from "@tensorflow/tfjs-layers";
import type { Shape } from "../../types/shape/dims.ts";
import { ShapeError } from "../errors.ts";
import { showShape, type RuntimeShape, type RuntimeShapeOf } from "../shape/dims.ts";
import type { ParamSpec } from "./convert/index.ts";
import { ModelFileError } from "./errors.ts";
import { handlerFor } from "./io.ts";
import { missingDefinition } from "../families/custom/custom.tfjs-layer.ts";
import {
  checkFinite,
  checkFiniteAsync,
  checkFitOptions,
  checkInteger,
  checkNotEmpty,
  checkSplit,
  FiniteStepGuard,
} from "./guards.ts";
import {
  crossEntropy,
  isSparse,
  isTorch,
  nll,
  classAxis,
  oneHotTargets,
  targetShape,
  torchAccuracy,
  type LossName,
  type TargetShape,
} from "./losses.ts";
import { walkGraph } from "../model/graph-walk.ts";
import { batchlessOf, type Batchless } from "./graph-model.ts";
import { meanPerOutput } from "./output-losses.ts";
import { progressCallback, type Verbosity } from "./progress.ts";
import { toTensor, type Tensor, type TensorArg, type TensorData } from "./tensor.ts";
import { loadStateDict, stateDict, type StateDict, type StateDictInput } from "./weights.ts";
import { describe, type Described, type Origin } from "./origin.ts";

export type { Origin } from "./origin.ts";

/** Optimizers by tfjs's names (tfjs's default learning rates unless `learningRate` is given). */
export type OptimizerName = "adam" | "sgd" | "rmsprop" | "adagrad" | "adadelta" | "adamax";
/** Metrics by name: "accuracy" is the accuracy that fits the loss (PyTorch's losses: over dimension 1). */
export type MetricName =
  | "accuracy"
  | "binaryAccuracy"
  | "categoricalAccuracy"
  | "precision"
  | "recall"
  | "meanSquaredError"
  | "meanAbsoluteError"
  | "meanAbsolutePercentageError"
  | "cosineProximity";

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
  /** Saves `model.json` + `weights.<id>.bin` atomically: a local directory, a `file://` URL, any tfjs URL or IOHandler. */
  save(where: string | tf.io.IOHandler): Promise<tf.io.SaveResult>;
  /** The parameters under PyTorch's names and in its layouts (`0.weight`: `[32, 1, 3, 3]`); new tensors. */
  stateDict(): StateDict;
  /** Sets parameters from PyTorch's names and layouts (checked first: keys, then shapes). */
  loadStateDict(dict: StateDictInput, options?: { strict?: boolean }): void;
  /** Frees the weights. */
  dispose(): void;
}

/** A compiled model: also fit and evaluate, with targets of shape `Target` (class indices for "nll"). */
export interface TrainableModel<
  InputShape extends Shape,
  OutputShape extends Shape,
  Target extends Shape,
  Metric extends string,
> extends TypedModel<InputShape, OutputShape> {
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

interface Training {
  readonly loss: LossName;
  /** tfjs's log key → the user's name (`acc` → `accuracy`, `val_acc` → `val_accuracy`). */
  readonly names: (key: string) => string;
}

const makeOptimizer = (name: OptimizerName, learningRate: number): tf.Optimizer => {
  switch (name) {
    case "adam":
      return tf.train.adam(learningRate);
    case "sgd":
      return tf.train.sgd(learningRate);
    case "rmsprop":
      return tf.train.rmsprop(learningRate);
    case "adagrad":
      return tf.train.adagrad(learningRate);
    case "adadelta":
      return tf.train.adadelta(learningRate);
    case "adamax":
      return tf.train.adamax(learningRate);
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
  if (
    (lastLayer.kind === "linear" || lastLayer.kind === "lazyLinear") &&
    (probabilities.includes(loss) || loss === "nll")
  ) {
    return `the model ends in ${lastLayer.written}, whose outputs are logits: use loss "crossEntropy" (PyTorch's CrossEntropyLoss), or end in softmax / logSoftmax`;
  }
  return null;
}

/** The message when a model of several inputs (outputs) is not given an array of one tensor per input (output). */
export const writeTensorCountMessage = (where: string, count: number, per: "input" | "output"): string =>
  `${where}: expected an array of ${count} tensors, one per ${per}`;

/** The message when two inputs of one call of predict, evaluate or fit have different numbers of examples. */
export const writeExamplesMessage = (first: string, firstCount: number, other: string, otherCount: number): string =>
  `${other}: ${otherCount} examples, but ${first} has ${firstCount}: every input must have the same number of examples (its first dimension)`;

/** The inputs and outputs not batch-first, in words: `input 2 [3, 7] and output 1 [2, null, 8]`. */
const showBatchless = (batchless: Batchless, origin: Described): string =>
  (["input", "output"] as const)
    .flatMap((which) =>
      (which === "input" ? batchless.inputs : batchless.outputs).flatMap((is, i) => {
        if (!is) return [];
        const many = which === "input" ? origin.manyInputs : origin.manyOutputs;
        const shape = (which === "input" ? origin.inputShapes : origin.outputShapes)[i]!;
        return [`${many ? `${which} ${i}` : which} ${showShape(shape)}`];
      }),
    )
    .join(" and ");

/**
 * The message when a model with inputs or outputs whose first dimension is not the batch (an
 * attention mask, a recurrent state) is given to predict in several batches, or to evaluate or fit,
 * which slice (and fit shuffles) every input and target by rows.
 */
export const writeBatchlessMessage = (
  where: "predict" | "evaluate" | "fit",
  which: string,
  examples = 0,
  batchSize = 0,
): string =>
  `${where}: the first dimension of ${which} is not the batch (an attention mask or a recurrent state); ` +
  (where === "predict"
    ? `predict would split the ${examples} examples into batches of ${batchSize} and slice or join them on the wrong dimension: predict in one batch ({ batchSize: ${examples} }) or use model.tfjs.execute`
    : where === "evaluate"
      ? `evaluate slices every input and target by rows: compute the loss on the outputs of predict in one batch, or of model.tfjs.execute`
      : `fit slices, shuffles and splits every input and target by rows: train such a model with a loop of your own on model.tfjs (model.tfjs.execute and an optimizer's minimize)`);

/**
 * The inputs and outputs of a model whose first dimension is not the batch (none in a sequential),
 * and for a graph, the walk of its layers on the shapes data has (which checks such an input's
 * first dimension, an attention mask's batch·numHeads, once the batch is known).
 */
interface BatchlessOf extends Batchless {
  walk?(shapes: readonly RuntimeShape[]): void;
}
const batchlessOfOrigin = (origin: Origin): BatchlessOf =>
  origin.kind === "graph"
    ? { ...batchlessOf(origin), walk: (shapes) => void walkGraph(origin.inputs, origin.outputs, shapes) }
    : { inputs: [false], outputs: [false] };

/** The runtime object behind TypedModel and TrainableModel (their types are applied where it is made). */
class Model {
  private params: readonly ParamSpec[] | null;
  readonly inputShapes: readonly RuntimeShape[];
  readonly outputShapes: readonly RuntimeShape[];
  /** A sequential's (or one-input, one-output graph's) shapes. */
  readonly inputShape: RuntimeShape;
  readonly outputShape: RuntimeShape;

  constructor(
    readonly tfjs: tfl.LayersModel,
    private readonly origin: Described,
    params: readonly ParamSpec[] | null,
    /** The inputs and outputs whose first dimension is not the batch (graph-model.ts). */
    private readonly batchless: BatchlessOf,
    private readonly training: Training | null = null,
  ) {
    this.params = params;
    this.inputShapes = origin.inputShapes;
    this.outputShapes = origin.outputShapes;
    this.inputShape = origin.inputShapes[0]!;
    this.outputShape = origin.outputShapes[0]!;
  }

  /**
   * Data for the model's inputs (or targets), checked: one tensor, named `one` in messages, or with
   * `many`, an array of one per input (output), tensor i named `${name} ${i})`: `predict (input 1)`.
   */
  private tensors(
    [one, name]: readonly [string, string],
    data: TensorData | readonly TensorData[],
    shapes: readonly RuntimeShape[],
    many: boolean,
    per: "input" | "output",
  ): { tensors: tf.Tensor[]; names: string[]; dispose: () => void } {
    const owned: tf.Tensor[] = [];
    const dispose = () => owned.forEach((t) => t.dispose());
    if (
      many &&
      !(
        Array.isArray(data) &&
        data.length === shapes.length &&
        data.every((d) => d instanceof tf.Tensor || Array.isArray(d) || ArrayBuffer.isView(d))
      )
    ) {
      throw new ShapeError(writeTensorCountMessage(one, shapes.length, per));
    }
    const items = many ? (data as readonly TensorData[]) : [data as TensorData];
    const names = items.map((_, i) => (many ? `${name} ${i})` : one));
    try {
      const tensors = items.map((item, i) => {
        const { tensor, owned: mine } = toTensor(names[i]!, item, shapes[i]!);
        if (mine) owned.push(tensor);
        checkNotEmpty(names[i]!, tensor);
        return tensor;
      });
      if (per === "input") this.origin.checkData?.(tensors.map((t) => t.shape));
      return { tensors, names, dispose };
    } catch (error) {
      dispose();
      throw error;
    }
  }

  predict(x: TensorData | readonly TensorData[], options?: PredictOptions): tf.Tensor | tf.Tensor[] {
    const { manyInputs } = this.origin;
    checkInteger("predict", "batchSize", options?.batchSize, 1);
    const { tensors, names, dispose } = this.tensors(
      ["predict", "predict (input"],
      x,
      this.inputShapes,
      manyInputs,
      "input",
    );
    try {
      tensors.forEach((t, i) => checkFinite(names[i]!, t)); // a NaN gives NaN on one backend, a number on another
      const batchSize = options?.batchSize ?? 256;
      const examples = this.examples(tensors, names);
      const which = this.batchlessNames();
      if (which === "") return this.tfjs.predict(manyInputs ? tensors : tensors[0]!, { batchSize });
      if (examples > batchSize) throw new ShapeError(writeBatchlessMessage("predict", which, examples, batchSize));
      if (this.batchless.inputs.includes(true)) this.batchless.walk?.(tensors.map((t) => t.shape));
      // one batch: the whole graph at once (tfjs's predict would still slice every input to the examples' rows);
      // in a tidy, as tfjs's predict is (execute keeps every intermediate tensor: 6 per call for one LSTM)
      const got = tf.tidy(
        () =>
          this.tfjs.execute(
            manyInputs ? tensors : tensors[0]!,
            this.tfjs.outputs.map((o) => o.name),
          ) as tf.Tensor[],
      );
      return this.origin.manyOutputs ? got : got[0]!;
    } finally {
      dispose();
    }
  }

  /**
   * The number of examples: the first dimension of the inputs that have the batch first, which must
   * all be equal (else a ShapeError naming two); that of the first input when none has.
   */
  private examples(tensors: readonly tf.Tensor[], names: readonly string[]): number {
    const batched = tensors.map((_, i) => i).filter((i) => !this.batchless.inputs[i]);
    const [first] = batched;
    if (first === undefined) return tensors[0]!.shape[0] ?? 1;
    for (const i of batched) {
      if (tensors[i]!.shape[0] !== tensors[first]!.shape[0])
        throw new ShapeError(
          writeExamplesMessage(names[first]!, tensors[first]!.shape[0]!, names[i]!, tensors[i]!.shape[0]!),
        );
    }
    return tensors[first]!.shape[0]!;
  }

  /** The inputs and outputs without the batch first, in words; "" when there is none. */
  private batchlessNames(): string {
    return showBatchless(this.batchless, this.origin);
  }

  compile(options: CompileOptions): Model {
    const { loss } = options;
    for (const last of this.origin.lastLayers) {
      const mismatch = lossMismatch(last, loss);
      if (mismatch) throw new Error(`compile: ${mismatch}`);
    }
    if (isSparse(loss)) {
      for (const shape of this.outputShapes) {
        const classes = shape[classAxis(loss, shape.length)];
        if (shape.length < 2 || typeof classes !== "number") {
          throw new ShapeError(
            `compile: loss "${loss}" needs a known class dimension, the output is ${showShape(shape)}`,
          );
        }
      }
    }
    const lossFn =
      loss === "nll"
        ? nll
        : loss === "crossEntropy"
          ? crossEntropy
          : loss === "sparseCategoricalCrossentropy"
            ? "categoricalCrossentropy"
            : loss;
    const metrics = options.metrics ?? [];
    const optimizer = options.optimizer ?? "adam";
    this.tfjs.compile({
      optimizer:
        typeof optimizer === "string" && options.learningRate !== undefined
          ? makeOptimizer(optimizer, options.learningRate)
          : optimizer,
      loss: this.origin.manyOutputs ? meanPerOutput(lossFn, loss) : lossFn,
      metrics: metrics.map((metric) => (metric === "accuracy" && isTorch(loss) ? torchAccuracy : metric)),
    });
    const renamed = new Map<string, string>();
    // With several outputs, tfjs names each output's loss and metrics (`cat.1_acc`): kept as they are.
    if (!this.origin.manyOutputs)
      this.tfjs.metricsNames.slice(1).forEach((tfjsName, i) => renamed.set(tfjsName, metrics[i] ?? tfjsName));
    const names = (key: string) =>
      key.startsWith("val_") ? `val_${renamed.get(key.slice(4)) ?? key.slice(4)}` : (renamed.get(key) ?? key);
    return new Model(this.tfjs, this.origin, this.params, this.batchless, { loss, names });
  }

  private compiled(where: string): Training {
    if (!this.training)
      throw new Error(
        `${where}: compile the model first: model.compile({ optimizer: "adam", loss: "nll", metrics: ["accuracy"] })`,
      );
    return this.training;
  }

  /** Inputs and targets checked and made ready for tfjs (class indices become one-hot). */
  private async data(
    where: string,
    x: TensorData | readonly TensorData[],
    y: TensorData | readonly TensorData[],
    training: Training,
  ): Promise<{ xs: tf.Tensor | tf.Tensor[]; ys: tf.Tensor | tf.Tensor[]; dispose: () => void }> {
    const { manyInputs, manyOutputs } = this.origin;
    const owned: tf.Tensor[] = [];
    const disposers: (() => void)[] = [() => owned.forEach((t) => t.dispose())];
    const dispose = () => disposers.forEach((d) => d());
    try {
      const inputs = this.tensors([`${where} (x)`, `${where} (x`], x, this.inputShapes, manyInputs, "input");
      disposers.push(inputs.dispose);
      const expected = this.outputShapes.map((shape) => targetShape(shape, training.loss));
      const targets = this.tensors([`${where} (y)`, `${where} (y`], y, expected, manyOutputs, "output");
      disposers.push(targets.dispose);
      const [xs, ys] = [inputs.tensors, targets.tensors];
      this.examples(xs, inputs.names);
      for (const [i, t] of xs.entries()) await checkFiniteAsync(inputs.names[i]!, t);
      for (const [i, t] of ys.entries()) await checkFiniteAsync(targets.names[i]!, t);
      const batches = [...xs, ...ys].map((t) => t.shape[0]);
      if (batches.some((b) => b !== batches[0])) {
        throw new ShapeError(
          `${where}: x has ${xs.map((t) => t.shape[0]).join(", ")} examples and y has ${ys.map((t) => t.shape[0]).join(", ")}: the batch dimensions must be equal`,
        );
      }
      const ready = await Promise.all(
        ys.map(async (target, i) => {
          const shape = this.outputShapes[i]!;
          let out = target;
          if (isSparse(training.loss)) {
            const axis = classAxis(training.loss, shape.length);
            out = await oneHotTargets(
              manyOutputs ? `${where} (y ${i})` : `${where} (y)`,
              target,
              shape[axis] as number,
              axis,
            );
            owned.push(out);
          } else if (target.dtype !== "float32") {
            out = tf.cast(target, "float32");
            owned.push(out);
          }
          return out;
        }),
      );
      return { xs: manyInputs ? xs : xs[0]!, ys: manyOutputs ? ready : ready[0]!, dispose };
    } catch (error) {
      dispose();
      throw error;
    }
  }

  async fit(
    x: TensorData | readonly TensorData[],
    y: TensorData | readonly TensorData[],
    options: FitOptions<Shape, Shape> = {},
  ): Promise<FitHistory<string>> {
    const training = this.compiled("fit");
    checkFitOptions(options);
    const which = this.batchlessNames();
    if (which !== "") throw new ShapeError(writeBatchlessMessage("fit", which));
    const train = await this.data("fit", x, y, training);
    const validation = options.validationData
      ? await this.data("fit (validationData)", options.validationData[0], options.validationData[1], training).catch(
          (error) => {
            train.dispose();
            throw error;
          },
        )
      : null;
    const guard = new FiniteStepGuard(this.tfjs);
    try {
      if (!options.validationData)
        checkSplit(
          (Array.isArray(train.xs) ? train.xs[0]! : (train.xs as tf.Tensor)).shape[0]!,
          options.validationSplit,
        );
      const progress = progressCallback({ verbose: options.verbose ?? 1, names: training.names });
      const user =
        options.callbacks === undefined
          ? []
          : Array.isArray(options.callbacks)
            ? options.callbacks
            : [options.callbacks];
      const callbacks = [
        guard,
        ...(progress ? [progress] : []),
        ...user.map((c) => (c instanceof tfl.Callback ? c : new tfl.CustomCallback(c as tfl.CustomCallbackArgs))),
      ];
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
      if (guard.failure) throw guard.failure;
      const renamed = Object.fromEntries(
        Object.entries(history.history).map(([key, values]) => [training.names(key), values as number[]]),
      );
      return { epoch: history.epoch, history: renamed as FitHistory<string>["history"] };
    } finally {
      guard.release();
      train.dispose();
      validation?.dispose();
    }
  }

  async evaluate(
    x: TensorData | readonly TensorData[],
    y: TensorData | readonly TensorData[],
    options: { batchSize?: number } = {},
  ): Promise<Evaluation<string>> {
    const training = this.compiled("evaluate");
    checkInteger("evaluate", "batchSize", options.batchSize, 1);
    const which = this.batchlessNames();
    if (which !== "") throw new ShapeError(writeBatchlessMessage("evaluate", which));
    const data = await this.data("evaluate", x, y, training);
    try {
      const result = this.tfjs.evaluate(data.xs, data.ys, { batchSize: options.batchSize ?? 256 });
      const scalars = Array.isArray(result) ? result : [result];
      const values = await Promise.all(scalars.map(async (s) => (await s.data())[0]!));
      scalars.forEach((s) => s.dispose());
      return Object.fromEntries(
        this.tfjs.metricsNames.map((name, i) => [training.names(name), values[i]!]),
      ) as Evaluation<string>;
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
    const rebuilt = this.origin.convert();
    disposeLayersModel(rebuilt.model);
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
    disposeLayersModel(this.tfjs);
  }
}

/**
 * Disposes a tfjs model and all its weights. tfjs-layers counts a layer's applications and disposes
 * its weights when as many `dispose()` calls have come, but a model's `dispose()` calls each layer's
 * once: a layer applied twice (a shared layer, a model used twice as a layer) kept its weights (2
 * tensors per nn.linear, every build or load). The weights still alive are disposed here.
 */
export function disposeLayersModel(model: tfl.LayersModel): void {
  let variables: tf.Tensor[] = [];
  try {
    variables = model.weights.map((w) => w.read());
  } catch {
    // disposed already: model.dispose() below throws tfjs's message
  }
  model.dispose();
  for (const variable of variables) if (!variable.isDisposed) variable.dispose();
}

/** Metadata saved in model.json (`userDefinedMetadata.shapecheck`): what loading checks. */
export interface SavedShapes {
  /** A sequential's shapes. */
  readonly inputShape?: RuntimeShape;
  readonly outputShape?: RuntimeShape;
  /** A graph's. */
  readonly inputShapes?: readonly RuntimeShape[];
  readonly outputShapes?: readonly RuntimeShape[];
  readonly layers: readonly string[];
}

/** Builds the TensorFlow.js model of an `nn` model and wraps it (PyTorch's initial weights). */
export function buildTyped<Typed>(origin: Origin): Typed {
  const described = describe(origin);
  const { model, params } = described.convert();
  const shapes: SavedShapes =
    origin.kind === "graph"
      ? { inputShapes: described.inputShapes, outputShapes: described.outputShapes, layers: described.written }
      : { inputShape: described.inputShapes[0], outputShape: described.outputShapes[0], layers: described.written };
  model.setUserDefinedMetadata({ shapecheck: shapes as unknown as Record<string, never> });
  return new Model(model, described, params, batchlessOfOrigin(origin)) as unknown as Typed;
}

/** A model's weights: tfjs's name (without the suffix tfjs adds to make it unique) and shape. */
const weightsOf = (model: tfl.LayersModel): string[] =>
  model.weights.map((w) => `${w.originalName} ${showShape(w.shape)}`);

export const writeStoredWeightsMessage = (label: string, stored: string, declared: string): string =>
  `load(${label}): the stored model's weights differ from the declared one's: stored ${stored}, declared ${declared}`;

/** The first difference between the stored weights and the declared model's, in words; null when they agree. */
function weightsProblem(label: string, stored: readonly string[], declared: readonly string[]): string | null {
  const at = stored.findIndex((weight, i) => weight !== declared[i]);
  const i = at === -1 ? (stored.length === declared.length ? -1 : stored.length) : at;
  if (i === -1) return null;
  return writeStoredWeightsMessage(label, stored[i] ?? "nothing more", declared[i] ?? "nothing more");
}

const isRecord = (value: unknown): value is Readonly<Record<string, unknown>> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** A value of a saved topology without names, connections and what a reloaded model adds (`seed: null`, `custom_objects`). */
function settingsOf(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(settingsOf);
  if (!isRecord(value)) return value;
  const dropped = ["name", "inbound_nodes", "customObjects", "custom_objects", "trainable"]; // trainable: frozen by the user
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key, v]) => !dropped.includes(key) && v !== null && v !== undefined)
      .map(([key, v]) => [key, settingsOf(v)]),
  );
}

/** Each tfjs layer of a saved topology (model.json's modelTopology): its class and settings, as text. */
function layerSettings(topology: unknown): { layer: string; settings: Readonly<Record<string, string>> }[] {
  const config = isRecord(topology) ? topology["config"] : undefined;
  const layers = isRecord(config) && Array.isArray(config["layers"]) ? config["layers"] : [];
  return layers.filter(isRecord).map((layer) => {
    const settings = settingsOf(layer["config"]);
    return {
      layer: `${String(layer["class_name"])} ${String(layer["name"])}`,
      settings: Object.fromEntries(
        Object.entries(isRecord(settings) ? settings : {}).map(([key, v]) => [key, JSON.stringify(v)]),
      ),
    };
  });
}

export const writeStoredSettingsMessage = (label: string, layer: string, stored: string, declared: string): string =>
  `load(${label}): the stored model computes otherwise than the declared one in its layer ${layer}: stored ${stored}, declared ${declared}`;

/**
 * The first setting of a tfjs layer in which the stored model differs from the declared one converted
 * again (what a layer's text does not show: nn.upsample's alignCorners, a transformer's activation);
 * null when they agree.
 */
function settingsProblem(
  label: string,
  stored: ReturnType<typeof layerSettings>,
  declared: ReturnType<typeof layerSettings>,
): string | null {
  for (const [i, mine] of declared.entries()) {
    const theirs = stored[i];
    if (theirs === undefined) return null; // the layers' count is checked with the weights and texts
    for (const key of new Set([...Object.keys(theirs.settings), ...Object.keys(mine.settings)])) {
      if (theirs.settings[key] !== mine.settings[key])
        return writeStoredSettingsMessage(
          label,
          theirs.layer,
          `${key} ${theirs.settings[key] ?? "not set"}`,
          `${key} ${mine.settings[key] ?? "not set"}`,
        );
    }
  }
  return null;
}

/** A stored dimension fits a declared one: the same size, or unknown in the stored model. */
const storedFits = (declared: RuntimeShape, stored: readonly (number | null)[]): boolean =>
  declared.length === stored.length && declared.every((dim, i) => stored[i] === null || stored[i] === dim);

/** The message when a stored model's input or output does not have the declared shape. */
export const writeStoredShapeMessage = (
  where: string,
  which: string,
  stored: readonly (number | null)[],
  declared: RuntimeShape,
): string =>
  `load(${where}): the stored model's ${which} shape ${showShape(stored)} differs from the declared ${showShape(declared)}`;

/**
 * tfjs's `loadLayersModel`, except that weights which do not fit the model (a name or shape the
 * model lacks) free the model and the decoded weights before the error is thrown; tfjs keeps them
 * (8 tensors lost per failed load of the MNIST network). The error is a ModelFileError.
 */
async function loadLayersModel(
  handler: tf.io.IOHandler,
  label: string,
): Promise<{ model: tfl.LayersModel; topology: unknown }> {
  if (!handler.load) throw new ModelFileError(`load(${label}): this IOHandler cannot load`, label);
  const artifacts = await handler.load();
  const topology = artifacts.modelTopology;
  // The topology alone: tfjs builds the model with fresh weights, which are then replaced here.
  const model = await tfl
    .loadLayersModel({ load: async () => ({ ...artifacts, weightData: undefined, weightSpecs: undefined }) })
    .catch((error: unknown) => {
      // A custom layer (defineLayer) whose definition is not imported here: say which.
      const missing = missingDefinition(error, label);
      throw missing === undefined ? error : new ModelFileError(missing, label, { cause: error });
    });
  if (artifacts.weightData === undefined) return { model, topology };
  let decoded: tf.NamedTensorMap = {};
  try {
    if (!artifacts.weightSpecs) throw new Error("the weights come without their specification (weightSpecs)");
    decoded = tf.io.decodeWeights(artifacts.weightData, artifacts.weightSpecs);
    // Optimizer state (saved with includeOptimizer) is not loaded: the loaded model is not compiled.
    const optimizer = new Set(
      artifacts.weightSpecs.filter((spec) => spec.group === "optimizer").map((spec) => spec.name),
    );
    model.loadWeights(Object.fromEntries(Object.entries(decoded).filter(([name]) => !optimizer.has(name))));
    return { model, topology };
  } catch (error) {
    disposeLayersModel(model);
    throw new ModelFileError(
      `load(${label}): the stored weights do not fit the stored model (${(error as Error).message})`,
      label,
      { cause: error },
    );
  } finally {
    tf.dispose(Object.values(decoded));
  }
}

/**
 * Loads a saved model (TensorFlow.js format) as a typed model of `origin`'s shapes, after checking
 * that the stored model has them: its input and output shapes, and, when it was saved by
 * shapecheck, its layers. A difference is a ShapeError that names both.
 */
export async function loadTyped<Typed>(origin: Origin, where: string | tf.io.IOHandler): Promise<Typed> {
  const label = typeof where === "string" ? where : "IOHandler";
  const described = describe(origin);
  const { inputShapes, outputShapes } = described;
  const { model, topology } = await loadLayersModel(handlerFor(where, "load"), label);
  let params: readonly ParamSpec[] | null = null;
  try {
    if (model.inputs.length !== inputShapes.length || model.outputs.length !== outputShapes.length) {
      throw new ShapeError(
        `load(${label}): the stored model has ${model.inputs.length} inputs and ${model.outputs.length} outputs, the declared one ${inputShapes.length} and ${outputShapes.length}`,
      );
    }
    const check = (which: string, stored: readonly tfl.SymbolicTensor[], declared: readonly RuntimeShape[]) =>
      stored.forEach((t, i) => {
        const name = declared.length === 1 ? which : `${which} ${i}`;
        if (!storedFits(declared[i]!, t.shape))
          throw new ShapeError(writeStoredShapeMessage(label, name, t.shape, declared[i]!));
      });
    check("input", model.inputs, inputShapes);
    check("output", model.outputs, outputShapes);
    const saved = (model.getUserDefinedMetadata() as { shapecheck?: SavedShapes } | undefined)?.shapecheck;
    if (saved?.layers) {
      const declared = described.written;
      const at = declared.findIndex((written, i) => saved.layers[i] !== written);
      if (at !== -1 || saved.layers.length !== declared.length) {
        const i = at === -1 ? declared.length : at;
        throw new ShapeError(
          saved.layers.length !== declared.length && (at === -1 || at >= Math.min(saved.layers.length, declared.length))
            ? `load(${label}): the stored model has ${saved.layers.length} layers, the declared one ${declared.length}`
            : `load(${label}): the stored model differs from the declared one at layer ${i}: stored ${saved.layers[i]}, declared ${declared[i]}`,
        );
      }
      // A layer's text does not show every option (nn.lstm's bias): the declared model, converted again,
      // must have the stored weights, by name and shape (its parameter map is then the loaded model's).
      const conversion = described.convert();
      try {
        const problem =
          weightsProblem(label, weightsOf(model), weightsOf(conversion.model)) ??
          settingsProblem(label, layerSettings(topology), layerSettings(conversion.model.toJSON(null, false)));
        if (problem !== null) throw new ShapeError(problem);
        params = conversion.params;
      } finally {
        disposeLayersModel(conversion.model);
      }
    }
  } catch (error) {
    disposeLayersModel(model);
    throw error;
  }
  return new Model(model, described, params, batchlessOfOrigin(origin)) as unknown as Typed;
}
