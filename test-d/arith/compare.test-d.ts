import { expectType, type TypeEqual } from "ts-expect";
import type { Compare, Invalid } from "shapecheck";

// the doc comment's example
expectType<TypeEqual<Compare<9216, 9000>, "gt">>(true);

expectType<TypeEqual<Compare<5, 5>, "eq">>(true);
expectType<TypeEqual<Compare<0, 0>, "eq">>(true);
expectType<TypeEqual<Compare<0, 1>, "lt">>(true);
expectType<TypeEqual<Compare<99, 100>, "lt">>(true);
expectType<TypeEqual<Compare<100, 99>, "gt">>(true);
expectType<TypeEqual<Compare<123456, 123457>, "lt">>(true);
expectType<TypeEqual<Compare<9007199254740991, 9007199254740990>, "gt">>(true);
expectType<TypeEqual<Compare<9007199254740991, 9007199254740991>, "eq">>(true);

// unknown: any order is possible
expectType<TypeEqual<Compare<number, 3>, "lt" | "eq" | "gt">>(true);
expectType<TypeEqual<Compare<3, number>, "lt" | "eq" | "gt">>(true);

// a bad operand
expectType<
  TypeEqual<Compare<1 | 2, 3>, Invalid<"Compare<union, 3>: an operand is a union; a dimension must be one number">>
>(true);
expectType<TypeEqual<Compare<3, -3>, Invalid<"Compare<3, -3>: -3 is negative">>>(true);
