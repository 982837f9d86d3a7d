// Every example's output shape, and the dimensions a PyTorch user writes by hand.
import { expectType, type TypeEqual } from "ts-expect";
import type { OutputShape, ShapeTrace } from "shapecheck";
import { lenet5 } from "../../examples/lenet5.ts";
import { mnist } from "../../examples/mnist.ts";
import { vgg16 } from "../../examples/vgg16.ts";

expectType<TypeEqual<OutputShape<typeof mnist>, [number, 10]>>(true);
expectType<TypeEqual<ShapeTrace<typeof mnist>[6], [number, 9216]>>(true);

expectType<TypeEqual<OutputShape<typeof lenet5>, [number, 10]>>(true);
expectType<TypeEqual<ShapeTrace<typeof lenet5>[6], [number, 400]>>(true);

expectType<TypeEqual<OutputShape<typeof vgg16>, [number, 1000]>>(true);
expectType<TypeEqual<ShapeTrace<typeof vgg16>[31], [number, 25088]>>(true);

import { alexnet } from "../../examples/alexnet.ts";
import { resnet18 } from "../../examples/resnet18.ts";
import { transformerEncoderLayer } from "../../examples/transformer.ts";
import { unet } from "../../examples/unet.ts";
import type { Graph } from "shapecheck";

expectType<TypeEqual<OutputShape<typeof alexnet>, [number, 1000]>>(true);
expectType<TypeEqual<ShapeTrace<typeof alexnet>[14], [number, 9216]>>(true);

expectType<TypeEqual<OutputShape<typeof resnet18>, [number, 1000]>>(true);
expectType<TypeEqual<ShapeTrace<typeof resnet18>[19], [number, 512, 7, 7]>>(true);

expectType<TypeEqual<typeof unet, Graph<[[number, 1, 64, 64]], [[number, 2, 64, 64]]>>>(true);

expectType<TypeEqual<OutputShape<typeof transformerEncoderLayer>, ["batch", "seq", 512]>>(true);

import { kerasMnist } from "../../examples/keras-mnist.ts";
expectType<TypeEqual<OutputShape<typeof kerasMnist>, [number, 10]>>(true);
expectType<TypeEqual<ShapeTrace<typeof kerasMnist>[4], [number, 1600]>>(true);
