// tensor(): a typed tensor of the shape given (`null` an unknown dimension); it is a tf.Tensor of that rank.
import { expectType, type TypeEqual } from "ts-expect";
import type * as tf from "@tensorflow/tfjs-core";
import { tensor, writeTensorShapeMessage, type Tensor, type TensorArg } from "shapecheck/tfjs";

const images = tensor(new Float32Array(64 * 784), [null, 1, 28, 28]);
expectType<TypeEqual<typeof images, Tensor<[number, 1, 28, 28]>>>(true);
expectType<TypeEqual<typeof images.shape, [number, number, number, number]>>(true);
const batch = tensor(new Float32Array(64 * 784), [64, 1, 28, 28]);
expectType<TypeEqual<typeof batch, Tensor<[64, 1, 28, 28]>>>(true);
const labels = tensor(new Int32Array(64), [null], "int32");
expectType<TypeEqual<typeof labels, Tensor<[number]>>>(true);
const named = tensor([[1, 2]], ["batch", 2]);
expectType<TypeEqual<typeof named, Tensor<["batch", 2]>>>(true);
const t: tf.Tensor = images; // a typed tensor is a tfjs tensor
void t;

// The compile-time check of a tensor argument: the argument, or the message.
expectType<TypeEqual<TensorArg<Tensor<[64, 1, 28, 28]>, [number, 1, 28, 28], "predict">, Tensor<[64, 1, 28, 28]>>>(
  true,
);
expectType<TypeEqual<TensorArg<Tensor<[number, number]>, [number, 10], "predict">, Tensor<[number, number]>>>(true);
expectType<
  TypeEqual<
    TensorArg<Tensor<[number, 3, 32, 32]>, [number, 1, 28, 28], "predict">,
    "predict: expected a tensor of shape [number, 1, 28, 28], got [number, 3, 32, 32]"
  >
>(true);
expectType<
  TypeEqual<
    TensorArg<Tensor<[number, 784]>, [number, 1, 28, 28], "fit (x)">,
    writeTensorShapeMessage<"fit (x)", "[number, 1, 28, 28]", "[number, 784]">
  >
>(true);
expectType<TypeEqual<TensorArg<tf.Tensor, [number, 10], "predict">, tf.Tensor>>(true); // untyped: checked at run time
expectType<TypeEqual<TensorArg<number[][], [number, 10], "predict">, number[][]>>(true);
