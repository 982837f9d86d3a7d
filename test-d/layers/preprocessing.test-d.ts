// layers.resizing, centerCrop, randomWidth, categoryEncoding: exact output types.
import { expectType, type TypeEqual } from "ts-expect";
import { input, layers, sequential, type OutputShape } from "shapecheck";

const resized = sequential(input([28, 28, 3]), layers.resizing({ height: 14, width: 10, interpolation: "nearest" }));
expectType<TypeEqual<OutputShape<typeof resized>, [number, 14, 10, 3]>>(true);
const named = sequential(input(["h", "w", 3]), layers.resizing({ height: 64, width: 64 }));
expectType<TypeEqual<OutputShape<typeof named>, [number, 64, 64, 3]>>(true);
const cropped = sequential(input([32, 32, 3]), layers.centerCrop({ height: 24, width: 24 }));
expectType<TypeEqual<OutputShape<typeof cropped>, [number, 24, 24, 3]>>(true);
const wide = sequential(input([28, 28, 1]), layers.randomWidth({ factor: 0.2 }));
expectType<TypeEqual<OutputShape<typeof wide>, [number, 28, number, 1]>>(true);
const narrow = sequential(input([28, 28, 1]), layers.randomWidth({ factor: [-0.5, 0] }));
expectType<TypeEqual<OutputShape<typeof narrow>, [number, 28, number, 1]>>(true);
const multiHot = sequential(input([4]), layers.categoryEncoding({ numTokens: 10 }));
expectType<TypeEqual<OutputShape<typeof multiHot>, [number, 10]>>(true);
const counts = sequential(input([null]), layers.categoryEncoding({ numTokens: 10, outputMode: "count" }));
expectType<TypeEqual<OutputShape<typeof counts>, [number, 10]>>(true);
const oneHot = sequential(input([1]), layers.categoryEncoding({ numTokens: 5, outputMode: "oneHot" }));
expectType<TypeEqual<OutputShape<typeof oneHot>, [number, 5]>>(true);
const ids = sequential(input([4]), layers.categoryEncoding({ numTokens: 5, outputMode: "int" }));
expectType<TypeEqual<OutputShape<typeof ids>, [number, 4]>>(true);
