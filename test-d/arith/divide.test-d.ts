import { expectType, type TypeEqual } from "ts-expect";
import type { CeilDiv, FloorDiv, Invalid, Mod } from "shapecheck";

// the doc comments' examples
expectType<TypeEqual<FloorDiv<25, 2>, 12>>(true);
expectType<TypeEqual<FloorDiv<1, 0>, Invalid<"FloorDiv<1, 0>: division by zero">>>(true);
expectType<TypeEqual<CeilDiv<28, 3>, 10>>(true);
expectType<TypeEqual<Mod<28, 3>, 1>>(true);

// by one digit, by two that are a product of digits, by two, three and more digits
expectType<TypeEqual<FloorDiv<26, 2>, 13>>(true);
expectType<TypeEqual<FloorDiv<9216, 64>, 144>>(true);
expectType<TypeEqual<FloorDiv<987654, 13>, 75973>>(true);
expectType<TypeEqual<FloorDiv<987654, 123>, 8029>>(true);
expectType<TypeEqual<FloorDiv<987654, 123456>, 8>>(true);
expectType<TypeEqual<FloorDiv<123456789012345, 98765432>, 1249999>>(true);
expectType<TypeEqual<FloorDiv<5, 123>, 0>>(true);
expectType<TypeEqual<FloorDiv<0, 5>, 0>>(true);
expectType<TypeEqual<FloorDiv<7, 7>, 1>>(true);
expectType<TypeEqual<FloorDiv<7, 1>, 7>>(true);
expectType<TypeEqual<FloorDiv<9007199254740991, 1>, 9007199254740991>>(true);
expectType<TypeEqual<FloorDiv<9007199254740991, 9007199254740991>, 1>>(true);
expectType<TypeEqual<FloorDiv<9007199254740991, 2>, 4503599627370495>>(true);

expectType<TypeEqual<CeilDiv<27, 3>, 9>>(true);
expectType<TypeEqual<CeilDiv<0, 3>, 0>>(true);
expectType<TypeEqual<CeilDiv<1, 3>, 1>>(true);
expectType<TypeEqual<CeilDiv<999, 1>, 999>>(true);
expectType<TypeEqual<CeilDiv<9999, 100>, 100>>(true);
expectType<TypeEqual<CeilDiv<987654, 64>, 15433>>(true);
expectType<TypeEqual<CeilDiv<987654, 123456>, 9>>(true);
expectType<TypeEqual<CeilDiv<9007199254740991, 2>, 4503599627370496>>(true);

expectType<TypeEqual<Mod<64, 8>, 0>>(true);
expectType<TypeEqual<Mod<5, 123>, 5>>(true);
expectType<TypeEqual<Mod<0, 7>, 0>>(true);
expectType<TypeEqual<Mod<987654, 64>, 6>>(true);
expectType<TypeEqual<Mod<987654, 123>, 87>>(true);
expectType<TypeEqual<Mod<987654, 123456>, 6>>(true);
expectType<TypeEqual<Mod<9007199254740991, 10>, 1>>(true);
expectType<TypeEqual<Mod<123456789012345, 98765432>, 97777777>>(true);

// unknown in, unknown out; but a zero divisor is wrong whatever the dividend
expectType<TypeEqual<FloorDiv<number, 2>, number>>(true);
expectType<TypeEqual<Mod<9, number>, number>>(true);
expectType<TypeEqual<FloorDiv<number, 0>, Invalid<"FloorDiv<number, 0>: division by zero">>>(true);
expectType<TypeEqual<CeilDiv<28, 0>, Invalid<"CeilDiv<28, 0>: division by zero">>>(true);
expectType<TypeEqual<Mod<0, 0>, Invalid<"Mod<0, 0>: division by zero">>>(true);

// a bad operand
expectType<TypeEqual<FloorDiv<-4, 2>, Invalid<"FloorDiv<-4, 2>: -4 is negative">>>(true);
expectType<TypeEqual<Mod<4, 0.5>, Invalid<"Mod<4, 0.5>: 0.5 is not an integer">>>(true);
