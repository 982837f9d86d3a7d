import { expectType as expectExact } from "tsd";
import { expectType, type TypeEqual } from "ts-expect";
import {
  input,
  layers,
  sequential,
  type Conv2D,
  type Dense,
  type MaxPooling2D,
  type Model,
  type OutputShape,
  type ShapeTrace,
} from "shapecheck";

// Keras's MNIST convnet (keras.io/examples/vision/mnist_convnet), in tf.layers' words.
const net = sequential(
  input([28, 28, 1]),
  layers.conv2d({ filters: 32, kernelSize: 3, activation: "relu" }),
  layers.maxPooling2d({ poolSize: 2 }),
  layers.conv2d({ filters: 64, kernelSize: 3, activation: "relu" }),
  layers.maxPooling2d({ poolSize: 2 }),
  layers.flatten(),
  layers.dropout({ rate: 0.5 }),
  layers.dense({ units: 10, activation: "softmax" }),
);
expectType<TypeEqual<OutputShape<typeof net>, [number, 10]>>(true);
expectType<
  TypeEqual<
    ShapeTrace<typeof net>,
    [
      [number, 26, 26, 32],
      [number, 13, 13, 32],
      [number, 11, 11, 64],
      [number, 5, 5, 64],
      [number, 1600],
      [number, 1600],
      [number, 10],
    ]
  >
>(true);
expectExact<[null, 10]>(net.outputShape);

// The same model as a type alone.
type Net = Model<
  [28, 28, 1],
  [
    Conv2D<{ filters: 32; kernelSize: 3; activation: "relu" }>,
    MaxPooling2D<{ poolSize: 2 }>,
    Conv2D<{ filters: 64; kernelSize: 3; activation: "relu" }>,
    MaxPooling2D<{ poolSize: 2 }>,
    layers.Flatten,
    layers.Dropout<{ rate: 0.5 }>,
    Dense<{ units: 10; activation: "softmax" }>,
  ]
>;
expectType<TypeEqual<OutputShape<Net>, [number, 10]>>(true);
