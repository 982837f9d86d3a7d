import { expectType, type TypeEqual } from "ts-expect";
import type { Invalid, Max, Min } from "shapecheck";

// the doc comments' examples
expectType<TypeEqual<Max<3, 12>, 12>>(true);
expectType<TypeEqual<Max<3, number>, number>>(true);
expectType<TypeEqual<Min<3, 12>, 3>>(true);

expectType<TypeEqual<Max<12, 3>, 12>>(true);
expectType<TypeEqual<Min<12, 3>, 3>>(true);
expectType<TypeEqual<Max<7, 7>, 7>>(true);
expectType<TypeEqual<Min<0, 9007199254740991>, 0>>(true);
expectType<TypeEqual<Max<0, 9007199254740991>, 9007199254740991>>(true);
expectType<TypeEqual<Min<number, 3>, number>>(true);
expectType<TypeEqual<Max<-1, 3>, Invalid<"Max<-1, 3>: -1 is negative">>>(true);
expectType<TypeEqual<Min<3, any>, Invalid<"Min<3, any>: an operand is any; a dimension must be a number literal">>>(
  true,
);
