import { expectType, type TypeEqual } from "ts-expect";
import type { Invalid, Mul } from "shapecheck";

// the doc comment's example
expectType<TypeEqual<Mul<Mul<64, 12>, 12>, 9216>>(true);

expectType<TypeEqual<Mul<64, 12>, 768>>(true);
expectType<TypeEqual<Mul<512, 49>, 25088>>(true);
expectType<TypeEqual<Mul<Mul<224, 224>, 64>, 3211264>>(true);
expectType<TypeEqual<Mul<0, 123>, 0>>(true);
expectType<TypeEqual<Mul<123, 0>, 0>>(true);
expectType<TypeEqual<Mul<1, 123>, 123>>(true);
expectType<TypeEqual<Mul<123, 1>, 123>>(true);
expectType<TypeEqual<Mul<9, 9>, 81>>(true);
expectType<TypeEqual<Mul<999, 999>, 998001>>(true);
expectType<TypeEqual<Mul<7, 123456>, 864192>>(true);
expectType<TypeEqual<Mul<123456, 654321>, 80779853376>>(true);
expectType<TypeEqual<Mul<12345678, 87654321>, 1082152022374638>>(true);
expectType<TypeEqual<Mul<94906265, 94906265>, 9007199136250225>>(true);
expectType<TypeEqual<Mul<3, 3002399751580330>, 9007199254740990>>(true);
expectType<TypeEqual<Mul<1000000, 1000000>, 1000000000000>>(true);
// both factors from 2 to 64 come from a table; its edges, and the digits just past them
expectType<TypeEqual<Mul<2, 2>, 4>>(true);
expectType<TypeEqual<Mul<4, 16>, 64>>(true);
expectType<TypeEqual<Mul<16, 4>, 64>>(true);
expectType<TypeEqual<Mul<64, 64>, 4096>>(true);
expectType<TypeEqual<Mul<2, 64>, 128>>(true);
expectType<TypeEqual<Mul<65, 64>, 4160>>(true);
expectType<TypeEqual<Mul<64, 65>, 4160>>(true);
expectType<TypeEqual<Mul<65, 2>, 130>>(true);
expectType<TypeEqual<Mul<0, 64>, 0>>(true);
expectType<TypeEqual<Mul<64, 1>, 64>>(true);
expectType<TypeEqual<Mul<number, 2>, number>>(true);
expectType<TypeEqual<Mul<2, number>, number>>(true);

// past Number.MAX_SAFE_INTEGER: the exact product in the message
expectType<
  TypeEqual<
    Mul<94906267, 94906267>,
    Invalid<"Mul<94906267, 94906267>: the result 9007199515875289 is past Number.MAX_SAFE_INTEGER">
  >
>(true);
expectType<
  TypeEqual<
    Mul<2, 4503599627370496>,
    Invalid<"Mul<2, 4503599627370496>: the result 9007199254740992 is past Number.MAX_SAFE_INTEGER">
  >
>(true);
expectType<
  TypeEqual<
    Mul<999999999999999, 999999999999999>,
    Invalid<"Mul<999999999999999, 999999999999999>: the result 999999999999998000000000000001 is past Number.MAX_SAFE_INTEGER">
  >
>(true);

// a bad operand
expectType<TypeEqual<Mul<3, 1.5>, Invalid<"Mul<3, 1.5>: 1.5 is not an integer">>>(true);
expectType<TypeEqual<Mul<-2, 3>, Invalid<"Mul<-2, 3>: -2 is negative">>>(true);
expectType<TypeEqual<Mul<3, never>, Invalid<"Mul<3, never>: an operand is never">>>(true);
// the table's range: the same refusals before it is read
expectType<TypeEqual<Mul<4 | 8, 16>, Invalid<"Mul<union, 16>: an operand is a union; a dimension must be one number">>>(
  true,
);
expectType<TypeEqual<Mul<16, 2.5>, Invalid<"Mul<16, 2.5>: 2.5 is not an integer">>>(true);
