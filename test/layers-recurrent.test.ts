// Issue 16, `layers`: the recurrent factories (simpleRNN, lstm, gru, rnn with simpleRNNCell / lstmCell / gruCell /
// stackedRNNCells, convLstm2d) and the wrappers (timeDistributed, bidirectional).
// - agreement: for 200 random configurations per family, tfjs's own layer (apply on zeros, and computeOutputShape),
//   the runtime twin and the type level (TypeScript 5.9 and 7) agree, tfjs's refusals included
//   (scripts/tfjs-agreement-recurrent.ts; TFJS_AGREEMENT_CASES sets the count);
// - each factory converts to tfjs's own layer and trains on wasm and cpu;
// - explain's parameter counts are tfjs's countParams().
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import * as tf from "@tensorflow/tfjs-core";
import * as tfl from "@tensorflow/tfjs-layers";
import {
  graph,
  input,
  layers,
  nn,
  sequential,
  ShapeError,
  type Sequential,
  type Shape,
  type Symbolic,
} from "../src/index.ts";
import { build, ready, toTfjs } from "../src/tfjs.ts";
import { explainKind } from "../src/explain/kinds/index.ts";
import { compilers, formatReport, type Report } from "../scripts/tfjs-agreement.ts";
import { compare, recurrentFamilies } from "../scripts/tfjs-agreement-recurrent.ts";

const perFamily = Number(process.env["TFJS_AGREEMENT_CASES"] ?? 200);

describe("layers' recurrent factories agree with TensorFlow.js", { timeout: 1_800_000 }, () => {
  let report: Report;
  before(
    async () => {
      assert.equal(await ready({ backend: "cpu" }), "cpu");
      report = await compare(perFamily);
      console.log(formatReport(report));
    },
    { timeout: 1_800_000 },
  );
  for (const family of Object.keys(recurrentFamilies)) {
    test(family, () => {
      const counts = report.families[family]!;
      const show = JSON.stringify(report.disagreements.filter((d) => d.family === family).slice(0, 5), null, 1);
      assert.equal(counts.cases, perFamily);
      assert.equal(counts.runtime, counts.cases, `runtime twin disagrees with tfjs:\n${show}`);
      for (const name of Object.keys(compilers))
        assert.equal(counts.typeLevel[name], counts.cases, `${name} disagrees with tfjs:\n${show}`);
    });
  }
  test("no compile error outside the cases' lines", () => assert.deepEqual(report.stray, []));
});

type Net = Pick<Sequential<Shape, Shape>, "kind" | "~shapes">;
const net = <N>(model: N) => model as unknown as Net;
const head = () => [nn.flatten(), nn.lazyLinear(3), nn.logSoftmax(1)] as const;

const entries: { name: string; example: number[]; net: () => Net }[] = [
  {
    name: "simpleRNN, gru",
    example: [6, 4],
    net: () =>
      net(
        sequential(
          input([6, 4]),
          layers.simpleRNN({ units: 5, returnSequences: true }),
          layers.gru({ units: 4 }),
          ...head(),
        ),
      ),
  },
  {
    name: "lstm",
    example: [6, 4],
    net: () => net(sequential(input([6, 4]), layers.lstm({ units: 5 }), ...head())),
  },
  {
    name: "rnn of stackedRNNCells",
    example: [5, 3],
    net: () =>
      net(
        sequential(
          input([5, 3]),
          layers.rnn({
            cell: layers.stackedRNNCells({ cells: [layers.lstmCell({ units: 4 }), layers.gruCell({ units: 3 })] }),
          }),
          ...head(),
        ),
      ),
  },
  {
    name: "rnn of cells",
    example: [5, 3],
    net: () =>
      net(
        sequential(
          input([5, 3]),
          layers.rnn({ cell: [layers.simpleRNNCell({ units: 4 })], returnSequences: true }),
          ...head(),
        ),
      ),
  },
  {
    name: "convLstm2d",
    example: [3, 6, 6, 2],
    net: () => net(sequential(input([3, 6, 6, 2]), layers.convLstm2d({ filters: 2, kernelSize: 3 }), ...head())),
  },
  {
    name: "timeDistributed",
    example: [5, 4],
    net: () =>
      net(
        sequential(
          input([5, 4]),
          layers.timeDistributed({ layer: layers.dense({ units: 3 }) }),
          layers.lstm({ units: 4 }),
          ...head(),
        ),
      ),
  },
  {
    name: "bidirectional",
    example: [5, 4],
    net: () =>
      net(
        sequential(
          input([5, 4]),
          layers.bidirectional({ layer: layers.gru({ units: 3, returnSequences: true }), mergeMode: "sum" }),
          layers.bidirectional({ layer: layers.lstm({ units: 3 }) }),
          ...head(),
        ),
      ),
  },
];

for (const backend of ["wasm", "cpu"] as const) {
  describe(`layers' recurrent factories train on ${backend}`, () => {
    before(async () => assert.equal(await ready({ backend }), backend));
    after(async () => {
      await ready();
    });
    for (const entry of entries) {
      test(`layers.${entry.name} trains on ${backend}`, async () => {
        const model = build(entry.net()).compile({ optimizer: tf.train.adam(0.01), loss: "nll" });
        const x = tf.randomNormal([4, ...entry.example], 0, 1, "float32", 1);
        const y = tf.tensor1d([0, 1, 2, 0], "int32");
        const weights = model.tfjs.trainableWeights;
        const before = weights.map((w) => w.read().clone());
        try {
          const history = await model.fit(x as never, y as never, { epochs: 2, batchSize: 4, verbose: 0 });
          assert.ok(history.history.loss.every(Number.isFinite), `losses ${history.history.loss}`);
          const unchanged = weights
            .filter((w, i) => tf.tidy(() => tf.any(tf.notEqual(w.read(), before[i]!)).dataSync()[0]) !== 1)
            .map((w) => w.name);
          assert.deepEqual(unchanged, []);
        } finally {
          tf.dispose([x, y, ...before]);
          model.dispose();
        }
      });
    }
  });
}

test("explain counts the recurrent layers' parameters as tfjs's countParams does", async () => {
  await ready({ backend: "cpu" });
  const cases: [number[], unknown][] = [
    [[6, 4], layers.simpleRNN({ units: 5 })],
    [[6, 4], layers.lstm({ units: 5, useBias: false })],
    [[6, 4], layers.gru({ units: 7, returnSequences: true })],
    [[6, 4], layers.rnn({ cell: [layers.lstmCell({ units: 3 }), layers.gruCell({ units: 2 })] })],
    [
      [6, 4],
      layers.rnn({
        cell: layers.stackedRNNCells({ cells: [layers.simpleRNNCell({ units: 3 }), layers.lstmCell({ units: 2 })] }),
      }),
    ],
    [[3, 8, 8, 2], layers.convLstm2d({ filters: 3, kernelSize: [3, 2] })],
    [[3, 2, 8, 8], layers.convLstm2d({ filters: 3, kernelSize: 3, dataFormat: "channelsFirst", useBias: false })],
    [[6, 4], layers.bidirectional({ layer: layers.lstm({ units: 5 }) })],
    [[6, 4], layers.bidirectional({ layer: layers.gru({ units: 2 }), mergeMode: "ave" })],
    [[6, 4], layers.timeDistributed({ layer: layers.dense({ units: 3 }) })],
    [[6, 5, 4], layers.timeDistributed({ layer: layers.lstm({ units: 3 }) })],
  ];
  for (const [example, layer] of cases) {
    const model = sequential(input(example as never), layer as never) as unknown as {
      inputShape: (number | null)[];
      outputShape: (number | null)[];
    };
    const tfjsModel = toTfjs(model as never) as unknown as { countParams(): number };
    const config = layer as { written: string } & Parameters<typeof explainKind>[0];
    const { params } = explainKind(config, [null, ...example], model.outputShape);
    assert.equal(params, tfjsModel.countParams(), config.written);
  }
});

test("run-time messages: what JavaScript can pass that the types refuse", () => {
  const L = layers as unknown as Record<string, (args?: object) => unknown>;
  const throws = (f: () => unknown, message: string) =>
    assert.throws(f, (e: unknown) => e instanceof ShapeError && e.message === message);
  throws(() => L["lstm"]!({}), "lstm(): units is required by TensorFlow.js's lstm");
  throws(
    () => L["rnn"]!({ cell: layers.dense({ units: 3 }) }),
    "rnn({ cell: … }): cell must be a cell of layers (simpleRNNCell, lstmCell, gruCell or stackedRNNCells)",
  );
  throws(
    () => L["bidirectional"]!({ layer: layers.lstm({ units: 3 }), mergeMode: "max" }),
    "bidirectional({ layer: …, mergeMode: 'max' }): mergeMode must be 'concat', 'sum', 'mul' or 'ave'",
  );
  throws(
    () => L["timeDistributed"]!({ layer: nn.linear(3, 4) }),
    "timeDistributed({ layer: … }): layer must be a layer of layers (TensorFlow.js's vocabulary)",
  );
  throws(
    () => sequential(input([5, 4]), L["lstm"]!({ units: 3, returnState: true as boolean }) as never),
    "lstm({ units: 3, returnState: true }): returnState gives several outputs (the output and the states): call the layer on a symbolic tensor, layer.call(x), in the functional API (input [number, 5, 4])",
  );
});

describe("returnState in the functional API: layer.call(x) gives [output, ...states] as tfjs's apply", () => {
  const cases: [number[], () => { call(x: unknown): unknown }, () => tfl.layers.Layer][] = [
    [
      [10, 4],
      () => layers.lstm({ units: 8, returnState: true }),
      () => tfl.layers.lstm({ units: 8, returnState: true }),
    ],
    [
      [10, 4],
      () => layers.gru({ units: 6, returnSequences: true, returnState: true }),
      () => tfl.layers.gru({ units: 6, returnSequences: true, returnState: true }),
    ],
    [[10, 4], () => layers.simpleRNN({ units: 3 }), () => tfl.layers.simpleRNN({ units: 3 })],
    [
      [10, 4],
      () => layers.rnn({ cell: [layers.gruCell({ units: 5 }), layers.lstmCell({ units: 2 })], returnState: true }),
      () =>
        tfl.layers.rnn({
          cell: [tfl.layers.gruCell({ units: 5 }), tfl.layers.lstmCell({ units: 2 })],
          returnState: true,
        }),
    ],
    [
      [10, 4],
      () =>
        layers.rnn({
          cell: layers.stackedRNNCells({ cells: [layers.lstmCell({ units: 3 }), layers.simpleRNNCell({ units: 2 })] }),
          returnState: true,
        }),
      () =>
        tfl.layers.rnn({
          cell: tfl.layers.stackedRNNCells({
            cells: [tfl.layers.lstmCell({ units: 3 }), tfl.layers.simpleRNNCell({ units: 2 })],
          }),
          returnState: true,
        }),
    ],
    [
      [5, 10, 9, 2],
      () => layers.convLstm2d({ filters: 3, kernelSize: [3, 2], strides: 2, returnState: true }),
      () => tfl.layers.convLstm2d({ filters: 3, kernelSize: [3, 2], strides: 2, returnState: true }),
    ],
  ];
  for (const [example, ours, theirs] of cases) {
    test(`${(ours() as unknown as { written: string }).written} on [batch, ${example.join(", ")}]`, async () => {
      await ready({ backend: "cpu" });
      const x = input(example as never);
      const outputs = ours().call(x) as Symbolic<Shape>[];
      const applied = tf.tidy(() => theirs().apply(tf.zeros([2, ...example])) as tf.Tensor | tf.Tensor[]);
      const tfjs = (Array.isArray(applied) ? applied : [applied]).map((y) => [null, ...y.shape.slice(1)]);
      tf.dispose(applied);
      assert.deepEqual(
        outputs.map((y) => [...y.shape]),
        tfjs,
      );
      // converted: the tfjs model gives the same shapes on data
      const model = build(graph({ inputs: [x], outputs }));
      const predicted = model.tfjs.predict(tf.zeros([2, ...example])) as tf.Tensor | tf.Tensor[];
      assert.deepEqual(
        (Array.isArray(predicted) ? predicted : [predicted]).map((y) => [null, ...y.shape.slice(1)]),
        tfjs,
      );
      tf.dispose(predicted);
      model.dispose();
    });
  }
  for (const backend of ["wasm", "cpu"] as const) {
    test(`an encoder's states into a dense head train on ${backend}`, async () => {
      assert.equal(await ready({ backend }), backend);
      const x = input([6, 4]);
      const [, h, c] = layers.lstm({ units: 5, returnState: true }).call(x);
      const y = h.pipe(layers.dense({ units: 3 }));
      const z = c.pipe(layers.dense({ units: 3 }));
      const model = build(graph({ inputs: [x], outputs: [y, z] })).compile({
        optimizer: "adam",
        learningRate: 0.01,
        loss: "meanSquaredError",
      });
      const weights = model.tfjs.trainableWeights;
      const before = weights.map((w) => w.read().clone());
      const history = await model.fit(
        tf.randomNormal([4, 6, 4]) as never,
        [tf.randomNormal([4, 3]), tf.randomNormal([4, 3])] as never,
        { epochs: 2, batchSize: 4, verbose: 0 },
      );
      assert.ok((history as { history: { loss: number[] } }).history.loss.every(Number.isFinite));
      const unchanged = weights
        .filter((w, i) => tf.tidy(() => tf.any(tf.notEqual(w.read(), before[i]!)).dataSync()[0]) !== 1)
        .map((w) => w.name);
      assert.deepEqual(unchanged, []);
      tf.dispose(before);
      model.dispose();
    });
  }
});
