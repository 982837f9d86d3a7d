// Generic helpers in the tf.layers vocabulary (issue 17): an options object with a generic member waits (its
// checks run where the helper is called with literal sizes), and so does `input` with a generic dimension. The
// shapes are tfjs-layers' (test/helpers-layers.test.ts builds the same models with tfjs). docs/reusable.md.
import { expectType, type TypeEqual } from "ts-expect";
import { input, layers, sequential, type OutputShape, type ShapeTrace } from "../../src/index.ts";

// The helper: a conv block and a pooling, generic over their sizes.
function block<F extends number, K extends number, S extends number>(f: F, k: K, s: S) {
  return [
    layers.conv2d({ filters: f, kernelSize: k, strides: s, padding: "same" }),
    layers.dense({ units: f }),
  ] as const;
}
const pool = <P extends number>(p: P) => layers.maxPooling2d({ poolSize: p });
const mnist = sequential(
  input([28, 28, 1]),
  ...block(8, 3, 1),
  pool(2),
  ...block(16, 3, 2),
  layers.flatten(),
  layers.dense({ units: 10 }),
);
expectType<
  TypeEqual<
    ShapeTrace<typeof mnist>,
    [
      [number, 28, 28, 8],
      [number, 28, 28, 8],
      [number, 14, 14, 8],
      [number, 7, 7, 16],
      [number, 7, 7, 16],
      [number, 784],
      [number, 10],
    ]
  >
>(true);

// Every layers builder that takes sizes, with generic sizes (tuples with a generic element too).
const conv1 = <F extends number, K extends number, S extends number>(f: F, k: K, s: S) =>
  layers.conv1d({ filters: f, kernelSize: k, strides: s });
const conv3 = <F extends number, K extends number>(f: F, k: K) =>
  layers.conv3d({ filters: f, kernelSize: k, padding: "same" });
const transposed = <F extends number, K extends number, S extends number>(f: F, k: K, s: S) =>
  layers.conv2dTranspose({ filters: f, kernelSize: k, strides: s });
const depthwise = <K extends number, M extends number>(k: K, m: M) =>
  layers.depthwiseConv2d({ kernelSize: k, depthMultiplier: m });
const separable = <F extends number, K extends number>(f: F, k: K) =>
  layers.separableConv2d({ filters: f, kernelSize: k });
const maxPool1 = <P extends number>(p: P) => layers.maxPooling1d({ poolSize: p });
const avgPool2 = <P extends number, S extends number>(p: P, s: S) =>
  layers.averagePooling2d({ poolSize: p, strides: s });
const repeat = <N extends number>(n: N) => layers.repeatVector({ n });
const reshape = <A extends number, B extends number>(a: A, b: B) => layers.reshape({ targetShape: [a, b] });
const embedding = <V extends number, D extends number>(v: V, d: D) => layers.embedding({ inputDim: v, outputDim: d });
const padding = <P extends number>(p: P) => layers.zeroPadding2d({ padding: p });
const upsampling = <S extends number>(s: S) => layers.upSampling2d({ size: [s, s] });
const lstm = <U extends number>(u: U) => layers.lstm({ units: u, returnSequences: true });
const gru = <U extends number>(u: U) => layers.gru({ units: u });
const rnn = <U extends number>(u: U) => layers.simpleRNN({ units: u });
const crop = <C extends number>(c: C) => layers.cropping2D({ cropping: c });
const dense = <U extends number, I extends number>(u: U, i: I) => layers.dense({ units: u, inputDim: i });
// input with a generic dimension
const sequence = <T extends number>(t: T) => input([t, 8]);

const recurrent = sequential(
  sequence(16),
  conv1(4, 3, 1),
  maxPool1(2),
  lstm(5),
  gru(6),
  repeat(3),
  rnn(2),
  dense(7, 2),
);
expectType<
  TypeEqual<
    ShapeTrace<typeof recurrent>,
    [[number, 14, 4], [number, 7, 4], [number, 7, 5], [number, 6], [number, 3, 6], [number, 2], [number, 7]]
  >
>(true);
const image = sequential(
  input([32, 32, 3]),
  padding(1),
  transposed(4, 3, 2),
  depthwise(3, 2),
  separable(8, 3),
  avgPool2(2, 2),
  crop(1),
  upsampling(2),
);
expectType<
  TypeEqual<
    ShapeTrace<typeof image>,
    [
      [number, 34, 34, 3],
      [number, 69, 69, 4],
      [number, 67, 67, 8],
      [number, 65, 65, 8],
      [number, 32, 32, 8],
      [number, 30, 30, 8],
      [number, 60, 60, 8],
    ]
  >
>(true);
const volume = sequential(input([8, 8, 8, 1]), conv3(4, 3));
expectType<TypeEqual<OutputShape<typeof volume>, [number, 8, 8, 8, 4]>>(true);
const tokens = sequential(input([12]), embedding(100, 5), layers.flatten(), reshape(6, 10));
expectType<TypeEqual<ShapeTrace<typeof tokens>, [[number, 12, 5], [number, 60], [number, 6, 10]]>>(true);
