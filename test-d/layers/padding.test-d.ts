import { expectType, type TypeEqual } from "ts-expect";
import { input, layers, sequential, type OutputShape, type ZeroPadding2D } from "shapecheck";

// zeroPadding2d: 1 on every side by default; [rows, cols]; [[top, bottom], [left, right]].
const padded = sequential(input([28, 28, 3]), layers.zeroPadding2d());
expectType<TypeEqual<OutputShape<typeof padded>, [number, 30, 30, 3]>>(true);
expectType<TypeEqual<(typeof padded.layers)[0]["padding"], [[1, 1], [1, 1]]>>(true);
const symmetric = sequential(input([28, 28, 3]), layers.zeroPadding2d({ padding: [2, 0] }));
expectType<TypeEqual<OutputShape<typeof symmetric>, [number, 32, 28, 3]>>(true);
const asymmetric = sequential(
  input([4, 5, 2]),
  layers.zeroPadding2d({
    padding: [
      [1, 2],
      [0, 3],
    ],
  }),
);
expectType<TypeEqual<OutputShape<typeof asymmetric>, [number, 7, 8, 2]>>(true);
expectType<
  TypeEqual<
    (typeof asymmetric.layers)[0],
    ZeroPadding2D<{ readonly padding: readonly [readonly [1, 2], readonly [0, 3]] }>
  >
>(true);
const channelsFirst = sequential(
  input([3, null, 10]),
  layers.zeroPadding2d({ padding: 3, dataFormat: "channelsFirst" }),
);
expectType<TypeEqual<OutputShape<typeof channelsFirst>, [number, 3, number, 16]>>(true);

// upSampling2d: rows · size[0], cols · size[1]; [2, 2] by default.
const doubled = sequential(input([7, 7, 64]), layers.upSampling2d());
expectType<TypeEqual<OutputShape<typeof doubled>, [number, 14, 14, 64]>>(true);
const scaled = sequential(input([4, 5, 2]), layers.upSampling2d({ size: [2, 3], interpolation: "bilinear" }));
expectType<TypeEqual<OutputShape<typeof scaled>, [number, 8, 15, 2]>>(true);
const scaledFirst = sequential(input([2, 4, 5]), layers.upSampling2d({ size: [3, 1], dataFormat: "channelsFirst" }));
expectType<TypeEqual<OutputShape<typeof scaledFirst>, [number, 2, 12, 5]>>(true);
