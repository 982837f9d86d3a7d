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
