import { expectType as expectExact } from "tsd";
import { expectType, type TypeEqual } from "ts-expect";
import type { Add } from "shapecheck";

expectType<TypeEqual<Add<999, 1>, 1000>>(true);
declare const sum: Add<2, 2>;
expectExact<4>(sum);
