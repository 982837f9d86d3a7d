// The typed model: the shapes predict, fit and evaluate take and return, by the loss and metrics compiled.
import { expectType as expectExact } from "tsd";
import { expectType, type TypeEqual } from "ts-expect";
import * as tf from "@tensorflow/tfjs-core";
import type * as tfl from "@tensorflow/tfjs-layers";
import { input, nn, sequential } from "shapecheck";
import {
  build,
  load,
  toTfjs,
  type Evaluation,
  type FitHistory,
  type TargetShape,
  type Tensor,
  type TrainableModel,
  type TypedModel,
} from "shapecheck/tfjs";

const net = sequential(
  input([1, 28, 28]),
  nn.conv2d(1, 32, 3, 1),
  nn.relu(),
  nn.conv2d(32, 64, 3, 1),
  nn.relu(),
  nn.maxPool2d(2),
  nn.dropout(0.25),
  nn.flatten(),
  nn.linear(9216, 128),
  nn.relu(),
  nn.dropout(0.5),
  nn.linear(128, 10),
  nn.logSoftmax(1),
);

declare const images: Tensor<[number, 1, 28, 28]>;
declare const batch: Tensor<[64, 1, 28, 28]>;
declare const labels: Tensor<[number]>;

// predict: [number, 1, 28, 28] in, [number, 10] out; a known batch, unknown dims and untyped data are accepted.
const model = build(net);
expectType<TypeEqual<typeof model, TypedModel<[number, 1, 28, 28], [number, 10]>>>(true);
expectType<TypeEqual<ReturnType<typeof model.predict>, Tensor<[number, 10]>>>(true);
expectExact<Tensor<[number, 10]>>(model.predict(images));
model.predict(batch);
model.predict(null! as Tensor<[number, number, number, number]>);
model.predict(tf.zeros([2, 1, 28, 28])); // untyped: checked at run time
model.predict([[[[0]]]]);
expectExact<[null, 1, 28, 28]>(model.inputShape);
expectExact<[null, 10]>(model.outputShape);

// compile: the loss decides the targets' shape; the metrics name evaluate's and fit's results.
const trainable = build(net).compile({ optimizer: "adam", loss: "nll", metrics: ["accuracy"] });
expectType<TypeEqual<typeof trainable, TrainableModel<[number, 1, 28, 28], [number, 10], [number], "accuracy">>>(true);
void trainable.fit(images, labels, { epochs: 1, batchSize: 64, validationData: [images, labels] });
expectType<TypeEqual<Awaited<ReturnType<typeof trainable.fit>>, FitHistory<"accuracy">>>(true);
declare const history: FitHistory<"accuracy">;
expectType<TypeEqual<typeof history.history.accuracy, number[]>>(true);
expectType<TypeEqual<typeof history.history.val_accuracy, number[] | undefined>>(true);
declare const evaluation: Awaited<ReturnType<typeof trainable.evaluate>>;
expectType<TypeEqual<typeof evaluation, Evaluation<"accuracy">>>(true);
expectType<TypeEqual<typeof evaluation.accuracy, number>>(true);
expectType<TypeEqual<typeof evaluation.loss, number>>(true);

const oneHot = build(net).compile({ loss: "meanSquaredError" });
expectType<TypeEqual<typeof oneHot, TrainableModel<[number, 1, 28, 28], [number, 10], [number, 10], never>>>(true);

// Targets per loss: class indices without the class dimension (1 for PyTorch's, the last for tfjs's sparse loss).
expectType<TypeEqual<TargetShape<[number, 10], "nll">, [number]>>(true);
expectType<TypeEqual<TargetShape<[number, 21, 64, 64], "crossEntropy">, [number, 64, 64]>>(true);
expectType<TypeEqual<TargetShape<[number, 7, 5], "sparseCategoricalCrossentropy">, [number, 7]>>(true);
expectType<TypeEqual<TargetShape<[number, 10], "categoricalCrossentropy">, [number, 10]>>(true);
expectType<TypeEqual<TargetShape<["batch", 10], "nll">, ["batch"]>>(true);

// load(net, where): a typed model of the declared shapes.
const loaded = load(net, "./mnist-model");
expectType<TypeEqual<Awaited<typeof loaded>, TypedModel<[number, 1, 28, 28], [number, 10]>>>(true);

// toTfjs: the escape hatch is a plain tfjs LayersModel.
const layersModel = toTfjs(net);
expectType<TypeEqual<typeof layersModel, tfl.LayersModel>>(true);
// A named batch flows to predict's output.
const namedNet = sequential(input([16], { batch: "batch" }), nn.linear(16, 4));
const namedModel = build(namedNet);
expectType<TypeEqual<ReturnType<typeof namedModel.predict>, Tensor<["batch", 4]>>>(true);
