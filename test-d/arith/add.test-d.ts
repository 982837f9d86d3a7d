import { expectType as expectExact } from "tsd";
import { expectType, type TypeEqual } from "ts-expect";
import type { Add, Invalid } from "shapecheck";

// the doc comment's examples
expectType<TypeEqual<Add<9007199254740990, 1>, 9007199254740991>>(true);
expectType<TypeEqual<Add<number, 1>, number>>(true);

// number in, number out; carries through every digit; the edges 0, 1 and the limit
expectType<TypeEqual<Add<999, 1>, 1000>>(true);
expectType<TypeEqual<Add<1, 999>, 1000>>(true);
expectType<TypeEqual<Add<0, 0>, 0>>(true);
expectType<TypeEqual<Add<0, 7>, 7>>(true);
expectType<TypeEqual<Add<1, 1>, 2>>(true);
expectType<TypeEqual<Add<26, 1>, 27>>(true);
expectType<TypeEqual<Add<5, 12345>, 12350>>(true);
expectType<TypeEqual<Add<99999999, 1>, 100000000>>(true);
expectType<TypeEqual<Add<123456789012345, 987654321098765>, 1111111110111110>>(true);
expectType<TypeEqual<Add<999999999999999, 999999999999999>, 1999999999999998>>(true);
expectType<TypeEqual<Add<4503599627370495, 4503599627370496>, 9007199254740991>>(true);
expectType<TypeEqual<Add<1, number>, number>>(true);
expectType<TypeEqual<Add<number, number>, number>>(true);

// past Number.MAX_SAFE_INTEGER: the exact digits, never a rounded number
expectType<
  TypeEqual<
    Add<9007199254740991, 1>,
    Invalid<"Add<9007199254740991, 1>: the result 9007199254740992 is past Number.MAX_SAFE_INTEGER">
  >
>(true);
expectType<
  TypeEqual<
    Add<9007199254740991, 9007199254740991>,
    Invalid<"Add<9007199254740991, 9007199254740991>: the result 18014398509481982 is past Number.MAX_SAFE_INTEGER">
  >
>(true);

// a bad operand
expectType<TypeEqual<Add<-1, 3>, Invalid<"Add<-1, 3>: -1 is negative">>>(true);
expectType<TypeEqual<Add<3, 1.5>, Invalid<"Add<3, 1.5>: 1.5 is not an integer">>>(true);
expectType<TypeEqual<Add<1 | 2, 3>, Invalid<"Add<union, 3>: an operand is a union; a dimension must be one number">>>(
  true,
);
expectType<TypeEqual<Add<never, 3>, Invalid<"Add<never, 3>: an operand is never">>>(true);
expectType<TypeEqual<Add<any, 3>, Invalid<"Add<any, 3>: an operand is any; a dimension must be a number literal">>>(
  true,
);
expectType<
  TypeEqual<
    Add<9007199254740992, 0>,
    Invalid<"Add<9007199254740992, 0>: 9007199254740992 is past Number.MAX_SAFE_INTEGER">
  >
>(true);

declare const sum: Add<2, 2>;
expectExact<4>(sum);
