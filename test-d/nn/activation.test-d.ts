import { expectType, type TypeEqual } from "ts-expect";
import {
  input,
  nn,
  sequential,
  type Dropout,
  type LogSoftmax,
  type Model,
  type OutputShape,
  type ReLU,
  type Softmax,
} from "shapecheck";

// Activations and dropout keep the shape.
const kept = sequential(
  input([3, null, "w"]),
  nn.relu(),
  nn.leakyRelu(0.2),
  nn.gelu(),
  nn.sigmoid(),
  nn.tanh(),
  nn.identity(),
  nn.dropout(0.1),
  nn.dropout2d(),
  nn.dropout(0),
  nn.dropout(1),
);
expectType<TypeEqual<OutputShape<typeof kept>, [number, 3, number, "w"]>>(true);
// softmax over any dim in range, negative counting from the end.
const lastDim = sequential(input([10]), nn.softmax(-1));
expectType<TypeEqual<OutputShape<typeof lastDim>, [number, 10]>>(true);
const firstDim = sequential(input([10]), nn.logSoftmax(-2), nn.softmax(0), nn.softmax(1));
expectType<TypeEqual<OutputShape<typeof firstDim>, [number, 10]>>(true);
const channels = sequential(input([21, 64, 64]), nn.softmax(1), nn.logSoftmax(3), nn.softmax(-4));
expectType<TypeEqual<OutputShape<typeof channels>, [number, 21, 64, 64]>>(true);

type Classifier = Model<[10], [ReLU, Dropout<0.5>, Softmax<1>, LogSoftmax<-1>]>;
expectType<TypeEqual<OutputShape<Classifier>, [number, 10]>>(true);
