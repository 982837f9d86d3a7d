import { expectType, type TypeEqual } from "ts-expect";
import type { Add, CeilDiv, Compare, FloorDiv, Invalid, Mod, Mul, Product, Sub } from "shapecheck";

// 15-digit operands everywhere, without "Type instantiation is excessively deep"
expectType<TypeEqual<Add<987654321098765, 123456789012345>, 1111111110111110>>(true);
expectType<TypeEqual<Sub<987654321098765, 123456789012345>, 864197532086420>>(true);
expectType<TypeEqual<Mul<987654321, 1234567>, 1219325432114007>>(true);
expectType<TypeEqual<FloorDiv<987654321098765, 123456789012345>, 8>>(true);
expectType<TypeEqual<CeilDiv<987654321098765, 123456789>, 8000001>>(true);
expectType<TypeEqual<Mod<987654321098765, 123456789012345>, 9000005>>(true);
expectType<TypeEqual<FloorDiv<987654321098765, 7>, 141093474442680>>(true);
expectType<TypeEqual<Compare<987654321098765, 987654321098766>, "lt">>(true);

// a hundred additions in a row, through a recursive type
type AddTimes<Sum, Step, Count extends unknown[]> = Count extends [unknown, ...infer Rest]
  ? AddTimes<Add<Sum, Step>, Step, Rest>
  : Sum;
type Hundred = [...Ten, ...Ten, ...Ten, ...Ten, ...Ten, ...Ten, ...Ten, ...Ten, ...Ten, ...Ten];
type Ten = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
expectType<TypeEqual<AddTimes<0, 7, Hundred>, 700>>(true);
expectType<TypeEqual<AddTimes<9007199254740000, 9, Hundred>, 9007199254740900>>(true);

// and nested by hand: each operation's result is computed before it is an operand
expectType<TypeEqual<Add<Add<Add<Add<Add<Add<Add<Add<Add<Add<1, 1>, 1>, 1>, 1>, 1>, 1>, 1>, 1>, 1>, 1>, 11>>(true);
expectType<TypeEqual<Mul<Mul<Mul<Mul<Mul<Mul<Mul<2, 2>, 2>, 2>, 2>, 2>, 2>, 2>, 256>>(true);

// conv output sizes, as the layers compute them: ⌊(28 + 2·1 − 3) / 1⌋ + 1 and friends
expectType<TypeEqual<Add<FloorDiv<Sub<Add<28, Mul<2, 1>>, 3>, 1>, 1>, 28>>(true);
expectType<TypeEqual<Add<FloorDiv<Sub<Add<224, Mul<2, 3>>, 7>, 2>, 1>, 112>>(true);
expectType<TypeEqual<Product<[64, Add<FloorDiv<Sub<24, 2>, 2>, 1>, 12]>, 9216>>(true);

// the example of docs/arith.md (the README's arithmetic section)
type ConvSize<Size, Kernel, Stride, Padding> = Add<FloorDiv<Sub<Add<Size, Mul<2, Padding>>, Kernel>, Stride>, 1>;
expectType<TypeEqual<ConvSize<224, 7, 2, 3>, 112>>(true);
expectType<TypeEqual<Product<[64, 12, 12]>, 9216>>(true);
expectType<TypeEqual<ConvSize<number, 3, 1, 0>, number>>(true);
expectType<TypeEqual<ConvSize<2, 5, 1, 0>, Invalid<"Sub<2, 5>: the result would be below zero">>>(true);
