import { expectType, type TypeEqual } from "ts-expect";
import type { Invalid, Product, Sub } from "shapecheck";

// the doc comment's examples
expectType<TypeEqual<Product<[64, 12, 12]>, 9216>>(true);
expectType<TypeEqual<Product<[64, number, 12]>, number>>(true);

expectType<TypeEqual<Product<[]>, 1>>(true);
expectType<TypeEqual<Product<[7]>, 7>>(true);
expectType<TypeEqual<Product<[512, 7, 7]>, 25088>>(true);
expectType<TypeEqual<Product<[224, 224, 64]>, 3211264>>(true);
expectType<TypeEqual<Product<readonly [2, 3, 4]>, 24>>(true);
expectType<TypeEqual<Product<[2, 0, 5]>, 0>>(true);

// twenty dimensions, each product computed before the next
expectType<TypeEqual<Product<[2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 2, 2, 2, 2, 2, 2, 2, 2]>, 1594117324800>>(true);

// the first problem is the answer
expectType<
  TypeEqual<
    Product<[1000000, 1000000, 1000000]>,
    Invalid<"Mul<1000000000000, 1000000>: the result 1000000000000000000 is past Number.MAX_SAFE_INTEGER">
  >
>(true);
expectType<TypeEqual<Product<[2, -1, 3]>, Invalid<"Mul<2, -1>: -1 is negative">>>(true);
expectType<TypeEqual<Product<[2, Sub<1, 2>]>, Invalid<"Sub<1, 2>: the result would be below zero">>>(true);
