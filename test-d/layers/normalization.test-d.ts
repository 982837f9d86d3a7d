import { expectType, type TypeEqual } from "ts-expect";
import { input, layers, sequential, type BatchNormalization, type OutputShape } from "shapecheck";

// The shape is kept; axis -1 (the channels, last) by default.
const normalized = sequential(input([26, 26, 32]), layers.batchNormalization());
expectType<TypeEqual<OutputShape<typeof normalized>, [number, 26, 26, 32]>>(true);
expectType<TypeEqual<(typeof normalized.layers)[0], BatchNormalization<{}>>>(true);
expectType<TypeEqual<(typeof normalized.layers)[0]["axis"], -1>>(true);
const channelsFirst = sequential(input([32, "h", "w"]), layers.batchNormalization({ axis: 1, momentum: 0.9 }));
expectType<TypeEqual<OutputShape<typeof channelsFirst>, [number, 32, "h", "w"]>>(true);
const features = sequential(input([64]), layers.batchNormalization({ axis: -1 }));
expectType<TypeEqual<OutputShape<typeof features>, [number, 64]>>(true);
