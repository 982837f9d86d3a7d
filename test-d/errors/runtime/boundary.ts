// A typed tensor of another shape is a compile error on the argument, with the run-time message.
import { input, nn, sequential } from "shapecheck";
import { build, tensor, type Tensor } from "shapecheck/tfjs";

const net = sequential(
  input([1, 28, 28]),
  nn.conv2d(1, 8, 3),
  nn.relu(),
  nn.flatten(),
  nn.linear(5408, 10),
  nn.logSoftmax(1),
);
const model = build(net);
declare const cifar: Tensor<[number, 3, 32, 32]>;
declare const flat: Tensor<[number, 784]>;

model.predict(cifar); // error: Argument of type 'Tensor<[number, 3, 32, 32]>' is not assignable to parameter of type '"predict: expected a tensor of shape [number, 1, 28, 28], got [number, 3, 32, 32]"'.
model.predict(flat); // error: '"predict: expected a tensor of shape [number, 1, 28, 28], got [number, 784]"'
model.predict(tensor(new Float32Array(784), [1, 1, 28, 27])); // error: '"predict: expected a tensor of shape [number, 1, 28, 28], got [1, 1, 28, 27]"'

const trainable = build(net).compile({ loss: "nll", metrics: ["accuracy"] });
declare const images: Tensor<[number, 1, 28, 28]>;
declare const oneHot: Tensor<[number, 10]>;
declare const labels: Tensor<[number]>;
void trainable.fit(images, oneHot); // error: '"fit (y): expected a tensor of shape [number], got [number, 10]"'
void trainable.fit(labels, labels); // error: '"fit (x): expected a tensor of shape [number, 1, 28, 28], got [number]"'
void trainable.evaluate(images, labels).then((result) => result.precision); // error: Property 'precision' does not exist

// fit and evaluate need compile first.
void model.fit(images, labels); // error: Property 'fit' does not exist on type 'TypedModel<[number, 1, 28, 28], [number, 10]>'.
// An unknown loss or metric name.
build(net).compile({ loss: "nllLoss" }); // error: Type '"nllLoss"' is not assignable to type 'LossName'.
build(net).compile({ loss: "nll", metrics: ["accuracyy"] }); // error: Type '"accuracyy"' is not assignable to type 'MetricName'.
