// layers (issue 16): the recurrent layers, the cells with rnn and stackedRNNCells, convLstm2d, and the wrappers
// timeDistributed and bidirectional, as exact output types (tfjs's computeOutputShape).
import { expectType, type TypeEqual } from "ts-expect";
import { graph, input, layers, sequential, type OutputShape, type Symbolic } from "shapecheck";

// [batch, time, features] → [batch, units], or every step with returnSequences
const last = sequential(input([10, 4]), layers.lstm({ units: 8 }));
expectType<TypeEqual<OutputShape<typeof last>, [number, 8]>>(true);
const every = sequential(input([10, 4]), layers.gru({ units: 6, returnSequences: true }));
expectType<TypeEqual<OutputShape<typeof every>, [number, 10, 6]>>(true);
const stackedLayers = sequential(
  input([20, 3]),
  layers.simpleRNN({ units: 16, returnSequences: true }),
  layers.lstm({ units: 5, returnSequences: false }),
  layers.dense({ units: 2 }),
);
expectType<TypeEqual<OutputShape<typeof stackedLayers>, [number, 2]>>(true);

// rnn of a cell, of an array of cells (the last one's units), of stackedRNNCells
const cell = sequential(input([7, 3]), layers.rnn({ cell: layers.simpleRNNCell({ units: 5 }) }));
expectType<TypeEqual<OutputShape<typeof cell>, [number, 5]>>(true);
const cells = sequential(
  input([7, 3]),
  layers.rnn({ cell: [layers.lstmCell({ units: 8 }), layers.gruCell({ units: 4 })], returnSequences: true }),
);
expectType<TypeEqual<OutputShape<typeof cells>, [number, 7, 4]>>(true);
const stacked = sequential(
  input([7, 3]),
  layers.rnn({
    cell: layers.stackedRNNCells({ cells: [layers.lstmCell({ units: 8 }), layers.lstmCell({ units: 2 })] }),
  }),
);
expectType<TypeEqual<OutputShape<typeof stacked>, [number, 2]>>(true);

// convLstm2d: tfjs's convOutputLength per spatial dimension, channels last or first
const convLast = sequential(input([5, 10, 10, 2]), layers.convLstm2d({ filters: 4, kernelSize: 3 }));
expectType<TypeEqual<OutputShape<typeof convLast>, [number, 8, 8, 4]>>(true);
const convSeq = sequential(
  input([5, 10, 9, 2]),
  layers.convLstm2d({ filters: 3, kernelSize: [3, 2], strides: 2, padding: "same", returnSequences: true }),
);
expectType<TypeEqual<OutputShape<typeof convSeq>, [number, 5, 5, 5, 3]>>(true);
const convFirst = sequential(
  input([5, 2, 12, 12]),
  layers.convLstm2d({ filters: 6, kernelSize: 3, dilationRate: 2, dataFormat: "channelsFirst" }),
);
expectType<TypeEqual<OutputShape<typeof convFirst>, [number, 6, 8, 8]>>(true);

// timeDistributed: the wrapped layer at every step
const distributed = sequential(input([10, 8]), layers.timeDistributed({ layer: layers.dense({ units: 3 }) }));
expectType<TypeEqual<OutputShape<typeof distributed>, [number, 10, 3]>>(true);
const frames = sequential(
  input([6, 28, 28, 1]),
  layers.timeDistributed({ layer: layers.conv2d({ filters: 4, kernelSize: 3 }) }),
  layers.timeDistributed({ layer: layers.flatten() }),
  layers.lstm({ units: 16 }),
);
expectType<TypeEqual<OutputShape<typeof frames>, [number, 16]>>(true);

// bidirectional: 'concat' doubles the last dimension, the other modes keep it
const both = sequential(input([10, 4]), layers.bidirectional({ layer: layers.lstm({ units: 8 }) }));
expectType<TypeEqual<OutputShape<typeof both>, [number, 16]>>(true);
const summed = sequential(
  input([10, 4]),
  layers.bidirectional({ layer: layers.gru({ units: 8, returnSequences: true }), mergeMode: "sum" }),
);
expectType<TypeEqual<OutputShape<typeof summed>, [number, 10, 8]>>(true);
const convBoth = sequential(
  input([5, 10, 10, 2]),
  layers.bidirectional({ layer: layers.convLstm2d({ filters: 4, kernelSize: 3 }), mergeMode: "concat" }),
);
expectType<TypeEqual<OutputShape<typeof convBoth>, [number, 8, 8, 8]>>(true);

// returnState in the functional API: layer.call(x) gives [output, ...states], as tfjs's apply (issue 16)
const x = input([10, 4]);
const withStates = layers.lstm({ units: 8, returnState: true }).call(x);
expectType<TypeEqual<typeof withStates, [Symbolic<[number, 8]>, Symbolic<[number, 8]>, Symbolic<[number, 8]>]>>(true);
const gruStates = layers.gru({ units: 6, returnSequences: true, returnState: true }).call(x);
expectType<TypeEqual<typeof gruStates, [Symbolic<[number, 10, 6]>, Symbolic<[number, 6]>]>>(true);
const noState = layers.simpleRNN({ units: 3 }).call(x);
expectType<TypeEqual<typeof noState, [Symbolic<[number, 3]>]>>(true);
// stacked cells: tfjs lists the last cell's states first
const cellStates = layers
  .rnn({ cell: [layers.gruCell({ units: 5 }), layers.lstmCell({ units: 2 })], returnState: true })
  .call(x);
expectType<
  TypeEqual<
    typeof cellStates,
    [Symbolic<[number, 2]>, Symbolic<[number, 2]>, Symbolic<[number, 2]>, Symbolic<[number, 5]>]
  >
>(true);
const clip = input([5, 10, 10, 2]);
const convStates = layers
  .convLstm2d({ filters: 3, kernelSize: 3, returnSequences: true, returnState: true })
  .call(clip);
expectType<
  TypeEqual<
    typeof convStates,
    [Symbolic<[number, 5, 8, 8, 3]>, Symbolic<[number, 8, 8, 3]>, Symbolic<[number, 8, 8, 3]>]
  >
>(true);
const [, h] = withStates;
export const encoder = graph({ inputs: [x], outputs: [h.pipe(layers.dense({ units: 2 }))] });
