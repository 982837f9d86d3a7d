// Graph models run as sequential ones: one input and one output give a TypedModel; several give
// arrays, in the order of graph's inputs and outputs (tfjs's convention).
import { expectType as expectExact } from "tsd";
import { expectType, type TypeEqual } from "ts-expect";
import * as tf from "@tensorflow/tfjs-core";
import type * as tfl from "@tensorflow/tfjs-layers";
import { graph, input, nn, ops } from "shapecheck";
import {
  build,
  load,
  toTfjs,
  type GraphModel,
  type Tensor,
  type TrainableGraphModel,
  type TrainableModel,
  type TypedModel,
} from "shapecheck/tfjs";

// One input, one output: the same types as a sequential's.
const image = input([1, 16, 16]);
const features = image.pipe(nn.conv2d(1, 4, 3, 1, 1), nn.relu());
const mask = ops.cat([features, features.pipe(nn.conv2d(4, 4, 3, 1, 1))], 1).pipe(nn.conv2d(8, 2, 1));
const segmenter = graph({ inputs: [image], outputs: [mask] });

declare const images: Tensor<[number, 1, 16, 16]>;
const model = build(segmenter);
expectType<TypeEqual<typeof model, TypedModel<[number, 1, 16, 16], [number, 2, 16, 16]>>>(true);
expectExact<Tensor<[number, 2, 16, 16]>>(model.predict(images));
model.predict(tf.zeros([2, 1, 16, 16])); // untyped: checked at run time
const trainable = build(segmenter).compile({ loss: "crossEntropy", metrics: ["accuracy"] });
expectType<
  TypeEqual<typeof trainable, TrainableModel<[number, 1, 16, 16], [number, 2, 16, 16], [number, 16, 16], "accuracy">>
>(true);
const loaded = load(segmenter, "./segmenter");
expectType<TypeEqual<Awaited<typeof loaded>, TypedModel<[number, 1, 16, 16], [number, 2, 16, 16]>>>(true);
const layersModel = toTfjs(segmenter);
expectType<TypeEqual<typeof layersModel, tfl.LayersModel>>(true);

// Two inputs, two outputs: arrays in, a tuple out.
const tokens = input([5, 8]);
const summed = ops.add(tokens.pipe(nn.linear(8, 8)), tokens);
const pooled = ops.cat([summed, summed], 1);
const twoHeads = graph({ inputs: [image, tokens], outputs: [mask, pooled] });
declare const sequences: Tensor<[number, 5, 8]>;
const multi = build(twoHeads);
expectType<
  TypeEqual<typeof multi, GraphModel<[[number, 1, 16, 16], [number, 5, 8]], [[number, 2, 16, 16], [number, 10, 8]]>>
>(true);
const outputs = multi.predict([images, sequences]);
expectExact<[Tensor<[number, 2, 16, 16]>, Tensor<[number, 10, 8]>]>(outputs);
multi.predict([tf.zeros([2, 1, 16, 16]), [[[0]]]]); // untyped: checked at run time
expectExact<[[null, 1, 16, 16], [null, 5, 8]]>(multi.inputShapes);
expectExact<[[null, 2, 16, 16], [null, 10, 8]]>(multi.outputShapes);

// compile: one loss for every output; targets per output.
const multiTrainable = build(twoHeads).compile({ loss: "meanSquaredError" });
expectType<
  TypeEqual<
    typeof multiTrainable,
    TrainableGraphModel<
      [[number, 1, 16, 16], [number, 5, 8]],
      [[number, 2, 16, 16], [number, 10, 8]],
      [[number, 2, 16, 16], [number, 10, 8]]
    >
  >
>(true);
declare const maskTargets: Tensor<[number, 2, 16, 16]>;
declare const pooledTargets: Tensor<[number, 10, 8]>;
void multiTrainable.fit([images, sequences], [maskTargets, pooledTargets], { epochs: 1 });

// One input, two outputs: a tensor in, a tuple out.
const fanOut = build(graph({ inputs: [tokens], outputs: [summed, pooled] }));
expectExact<[Tensor<[number, 5, 8]>, Tensor<[number, 10, 8]>]>(fanOut.predict(sequences));
