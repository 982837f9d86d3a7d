// layers' merges on several symbolic tensors: exact output types (tfjs's rules: broadcasting from the end after
// the batch, an unknown size unknown in the output; concatenate's axis; dot's axes).
import { expectType, type TypeEqual } from "ts-expect";
import { graph, input, layers, type Graph } from "shapecheck";

type ShapeOf<T> = T extends { readonly "~shape": infer S } ? S : never;

const a = input([8, 16]);
const b = input([16]);
const c = input([1, 16]);

const sum = layers.add().apply([a, b]);
expectType<TypeEqual<ShapeOf<typeof sum>, [number, 8, 16]>>(true);
const mean = layers.average().apply([a, c, a]);
expectType<TypeEqual<ShapeOf<typeof mean>, [number, 8, 16]>>(true);
const max = layers.maximum().apply([input([null, 16]), a]);
expectType<TypeEqual<ShapeOf<typeof max>, [number, number, 16]>>(true);
const min = layers.minimum().apply([input([4], { batch: 2 }), input([4])]);
expectType<TypeEqual<ShapeOf<typeof min>, [2, 4]>>(true);
const gate = layers.multiply().apply([input([8, 8, 64]), input([1, 1, 64])]);
expectType<TypeEqual<ShapeOf<typeof gate>, [number, 8, 8, 64]>>(true);

const joined = layers.concatenate().apply([input([32, 32, 64]), input([32, 32, 32])]);
expectType<TypeEqual<ShapeOf<typeof joined>, [number, 32, 32, 96]>>(true);
const rows = layers.concatenate({ axis: 1 }).apply([input([3, 5]), input([4, 5]), input([1, 5])]);
expectType<TypeEqual<ShapeOf<typeof rows>, [number, 8, 5]>>(true);
const open = layers.concatenate({ axis: -1 }).apply([input(["seq", 5]), input(["seq", null])]);
expectType<TypeEqual<ShapeOf<typeof open>, [number, "seq", number]>>(true);

const scores = layers.dot({ axes: 2 }).apply([input([4, 8]), input([5, 8])]);
expectType<TypeEqual<ShapeOf<typeof scores>, [number, 4, 5]>>(true);
const attend = layers.dot({ axes: [2, 1] }).apply([input([4, 5]), input([5, 8])]);
expectType<TypeEqual<ShapeOf<typeof attend>, [number, 4, 8]>>(true);
const cosine = layers.dot({ axes: 1, normalize: true }).apply([input([8]), input([8])]);
expectType<TypeEqual<ShapeOf<typeof cosine>, [number, 1]>>(true);
const mixed = layers.dot({ axes: [1, 2] }).apply([input([8]), input([3, 8])]);
expectType<TypeEqual<ShapeOf<typeof mixed>, [number, 3]>>(true);

const model = graph({ inputs: [a, b], outputs: [sum] });
expectType<TypeEqual<typeof model, Graph<[[number, 8, 16], [number, 16]], [[number, 8, 16]]>>>(true);
