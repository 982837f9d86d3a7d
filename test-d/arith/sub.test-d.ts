import { expectType, type TypeEqual } from "ts-expect";
import type { Invalid, Sub } from "shapecheck";

// the doc comment's examples
expectType<TypeEqual<Sub<28, 3>, 25>>(true);
expectType<TypeEqual<Sub<3, 5>, Invalid<"Sub<3, 5>: the result would be below zero">>>(true);

expectType<TypeEqual<Sub<1000, 1>, 999>>(true);
expectType<TypeEqual<Sub<1000, 999>, 1>>(true);
expectType<TypeEqual<Sub<5, 5>, 0>>(true);
expectType<TypeEqual<Sub<0, 0>, 0>>(true);
expectType<TypeEqual<Sub<7, 0>, 7>>(true);
expectType<TypeEqual<Sub<100000, 99999>, 1>>(true);
expectType<TypeEqual<Sub<9007199254740991, 1>, 9007199254740990>>(true);
expectType<TypeEqual<Sub<9007199254740991, 9007199254740991>, 0>>(true);
expectType<TypeEqual<Sub<9007199254740991, 4503599627370496>, 4503599627370495>>(true);
expectType<TypeEqual<Sub<number, 3>, number>>(true);
expectType<TypeEqual<Sub<3, number>, number>>(true);

// below zero, however far
expectType<TypeEqual<Sub<0, 1>, Invalid<"Sub<0, 1>: the result would be below zero">>>(true);
expectType<TypeEqual<Sub<999, 1000>, Invalid<"Sub<999, 1000>: the result would be below zero">>>(true);
expectType<TypeEqual<Sub<1, 9007199254740991>, Invalid<"Sub<1, 9007199254740991>: the result would be below zero">>>(
  true,
);

// a bad operand
expectType<TypeEqual<Sub<3, -1>, Invalid<"Sub<3, -1>: -1 is negative">>>(true);
expectType<TypeEqual<Sub<2.5, 1>, Invalid<"Sub<2.5, 1>: 2.5 is not an integer">>>(true);
expectType<TypeEqual<Sub<3, 1 | 2>, Invalid<"Sub<3, union>: an operand is a union; a dimension must be one number">>>(
  true,
);
