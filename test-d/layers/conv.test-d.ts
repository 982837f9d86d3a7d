import { expectType, type TypeEqual } from "ts-expect";
import { input, layers, sequential, type Conv1D, type Conv2D, type OutputShape } from "shapecheck";

// tfjs's convOutputLength: "valid" ⌈(n − dilatedKernel + 1) / strides⌉, "same" ⌈n / strides⌉; channels last.
const valid = sequential(input([28, 28, 1]), layers.conv2d({ filters: 32, kernelSize: 3 }));
expectType<TypeEqual<OutputShape<typeof valid>, [number, 26, 26, 32]>>(true);

const strided = sequential(input([28, 28, 3]), layers.conv2d({ filters: 8, kernelSize: 3, strides: 2 }));
expectType<TypeEqual<OutputShape<typeof strided>, [number, 13, 13, 8]>>(true);

const same = sequential(input([28, 27, 3]), layers.conv2d({ filters: 8, kernelSize: 5, strides: 2, padding: "same" }));
expectType<TypeEqual<OutputShape<typeof same>, [number, 14, 14, 8]>>(true);

const tuples = sequential(input([32, 20, 3]), layers.conv2d({ filters: 4, kernelSize: [5, 3], strides: [1, 3] }));
expectType<TypeEqual<OutputShape<typeof tuples>, [number, 28, 6, 4]>>(true);

// dilation: extent d·(k − 1) + 1 = 2·2 + 1 = 5
const dilated = sequential(input([12, 12, 1]), layers.conv2d({ filters: 2, kernelSize: 3, dilationRate: 2 }));
expectType<TypeEqual<OutputShape<typeof dilated>, [number, 8, 8, 2]>>(true);

const channelsFirst = sequential(
  input([3, 32, 16]),
  layers.conv2d({ filters: 6, kernelSize: 5, dataFormat: "channelsFirst" }),
);
expectType<TypeEqual<OutputShape<typeof channelsFirst>, [number, 6, 28, 12]>>(true);

// The options that do not change the shape are tfjs's own.
const relu = layers.conv2d({
  filters: 8,
  kernelSize: 3,
  activation: "relu",
  useBias: false,
  kernelInitializer: "heNormal",
  name: "c1",
});
expectType<
  TypeEqual<
    typeof relu,
    Conv2D<{
      readonly filters: 8;
      readonly kernelSize: 3;
      readonly activation: "relu";
      readonly useBias: false;
      readonly kernelInitializer: "heNormal";
      readonly name: "c1";
    }>
  >
>(true);

// Unknown sizes stay unknown; "same" with strides 1 keeps a dimension as it is, named ones too.
const unknown = sequential(input([null, 28, 3]), layers.conv2d({ filters: 4, kernelSize: 3 }));
expectType<TypeEqual<OutputShape<typeof unknown>, [number, number, 26, 4]>>(true);
const named = sequential(
  input(["height", "width", 3], { batch: "batch" }),
  layers.conv2d({ filters: 4, kernelSize: 3, padding: "same" }),
);
expectType<TypeEqual<OutputShape<typeof named>, ["batch", "height", "width", 4]>>(true);
// The channel dimension is unknown to the compiler: checked when the model is built.
declare const channels: number;
const someChannels = sequential(input([8, 8, channels]), layers.conv2d({ filters: 4, kernelSize: 3 }));
expectType<TypeEqual<OutputShape<typeof someChannels>, [number, 6, 6, 4]>>(true);

// conv1d on [batch, length, channels]
const sequence = sequential(input([100, 8]), layers.conv1d({ filters: 16, kernelSize: 5, strides: 2 }));
expectType<TypeEqual<OutputShape<typeof sequence>, [number, 48, 16]>>(true);
const sequenceSame = sequential(
  input([100, 8]),
  layers.conv1d({ filters: 16, kernelSize: [7], padding: "same", dilationRate: 3 }),
);
expectType<TypeEqual<OutputShape<typeof sequenceSame>, [number, 100, 16]>>(true);
expectType<
  TypeEqual<
    (typeof sequenceSame.layers)[0],
    Conv1D<{
      readonly filters: 16;
      readonly kernelSize: readonly [7];
      readonly padding: "same";
      readonly dilationRate: 3;
    }>
  >
>(true);

// The layer's fields, with tfjs's defaults.
expectType<TypeEqual<(typeof valid.layers)[0]["strides"], 1>>(true);
expectType<TypeEqual<(typeof valid.layers)[0]["padding"], "valid">>(true);
expectType<TypeEqual<(typeof valid.layers)[0]["dataFormat"], "channelsLast">>(true);
