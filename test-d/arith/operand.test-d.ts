import { expectType, type TypeEqual } from "ts-expect";
import type { Add, CeilDiv, Compare, FloorDiv, Invalid, Mod, Mul, Sub } from "shapecheck";

// every operation checks both operands the same way, A before B
expectType<TypeEqual<Mul<-3, 1.5>, Invalid<"Mul<-3, 1.5>: -3 is negative">>>(true);
expectType<TypeEqual<Sub<1.5, -3>, Invalid<"Sub<1.5, -3>: 1.5 is not an integer">>>(true);
expectType<TypeEqual<Add<-1.5, 2>, Invalid<"Add<-1.5, 2>: -1.5 is negative">>>(true);
expectType<TypeEqual<Mod<1e21, 7>, Invalid<"Mod<1e+21, 7>: 1e+21 is past Number.MAX_SAFE_INTEGER">>>(true);
expectType<TypeEqual<FloorDiv<1e-7, 7>, Invalid<"FloorDiv<1e-7, 7>: 1e-7 is not an integer">>>(true);
expectType<
  TypeEqual<
    CeilDiv<9007199254740993, 7>,
    Invalid<"CeilDiv<9007199254740992, 7>: 9007199254740992 is past Number.MAX_SAFE_INTEGER">
  >
>(true);
expectType<TypeEqual<Compare<"3", 3>, Invalid<'Compare<"3", 3>: an operand is not a number'>>>(true);
expectType<TypeEqual<Add<3, string>, Invalid<"Add<3, string>: an operand is not a number">>>(true);
expectType<TypeEqual<Add<3n, 3>, Invalid<"Add<3n, 3>: an operand is not a number">>>(true);
expectType<TypeEqual<Add<3, 1 | number>, number>>(true); // 1 | number is number
expectType<
  TypeEqual<Mul<any, never>, Invalid<"Mul<any, never>: an operand is any; a dimension must be a number literal">>
>(true);
expectType<TypeEqual<Mul<2, 3 | 4>, Invalid<"Mul<2, union>: an operand is a union; a dimension must be one number">>>(
  true,
);
expectType<TypeEqual<Add<number, -1>, Invalid<"Add<number, -1>: -1 is negative">>>(true); // unknown does not hide a wrong operand

// an Invalid operand is passed on unchanged, so the first mistake is the one reported
type Below = Sub<3, 5>;
expectType<TypeEqual<Add<Below, 1>, Invalid<"Sub<3, 5>: the result would be below zero">>>(true);
expectType<TypeEqual<Mul<2, Below>, Below>>(true);
expectType<TypeEqual<FloorDiv<Below, 0>, Below>>(true);
expectType<TypeEqual<Compare<Below, 1>, Below>>(true);
expectType<TypeEqual<Add<Mul<2, Add<Below, 1>>, 7>, Below>>(true);
expectType<TypeEqual<Add<Below, -1>, Below>>(true); // A's problem comes first
expectType<TypeEqual<Add<-1, Below>, Invalid<"Add<-1, Invalid>: -1 is negative">>>(true);

// what is not a number says so, whatever it is
expectType<TypeEqual<Add<boolean, 1>, Invalid<"Add<boolean, 1>: an operand is not a number">>>(true);
expectType<TypeEqual<Add<1 | "a", 1>, Invalid<"Add<union, 1>: an operand is not a number">>>(true);
expectType<TypeEqual<Mul<2, null>, Invalid<"Mul<2, null>: an operand is not a number">>>(true);
expectType<TypeEqual<Mul<2, undefined>, Invalid<"Mul<2, undefined>: an operand is not a number">>>(true);
