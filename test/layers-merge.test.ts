// Issue 16, `layers`: the merges (add, average, maximum, minimum, multiply, concatenate, dot, on several symbolic
// tensors) and the preprocessing layers (resizing, centerCrop, randomWidth, categoryEncoding).
// - agreement: for 200 random configurations per family, tfjs (its symbolic apply with computeOutputShape and
//   build, its call on zeros), the runtime twin and the type level (TypeScript 5.9 and 7) agree, tfjs's refusals
//   included (scripts/tfjs-agreement-merge.ts; TFJS_AGREEMENT_CASES sets the count);
// - merges convert to tfjs's own merge layers with tfjs's values; each layer trains on wasm and cpu;
// - explain rows.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import * as tf from "@tensorflow/tfjs-core";
import { graph, input, layers, sequential, ShapeError, type Shape, type Symbolic } from "../src/index.ts";
import { build, ready, toTfjs } from "../src/tfjs.ts";
import { explainGraph } from "../src/explain/index.ts";
import { compilers } from "../scripts/tfjs-agreement.ts";
import { compareMerges, formatMergeReport, type MergeReport } from "../scripts/tfjs-agreement-merge.ts";

const perFamily = Number(process.env["TFJS_AGREEMENT_CASES"] ?? 200);

describe("merges and preprocessing agree with TensorFlow.js", { timeout: 1_800_000 }, () => {
  let report: MergeReport;
  before(
    async () => {
      assert.equal(await ready({ backend: "cpu" }), "cpu");
      report = await compareMerges(perFamily);
      console.log(formatMergeReport(report));
    },
    { timeout: 1_800_000 },
  );
  for (const family of [
    "merge.elementwise",
    "merge.concatenate",
    "merge.dot",
    "preprocessing.images",
    "preprocessing.categoryEncoding",
  ]) {
    test(family, () => {
      const counts = report.families[family]!;
      const show = JSON.stringify(report.disagreements.filter((d) => d.family === family).slice(0, 5), null, 1);
      assert.equal(counts.cases, perFamily);
      assert.ok(counts.tfjsAccepted > 0 && counts.tfjsRejected > 0, "both accepted and refused configurations");
      assert.equal(counts.runtime, counts.cases, `runtime twin disagrees with tfjs:\n${show}`);
      for (const name of Object.keys(compilers))
        assert.equal(counts.typeLevel[name], counts.cases, `${name} disagrees with tfjs:\n${show}`);
    });
  }
  test("no compile error outside the cases' lines", () => assert.deepEqual(report.stray, []));
});

/** A two-input graph: each input through a dense layer, merged, then a head of 3 log-probabilities. */
function mergeNet(merge: (a: Symbolic<Shape>, b: Symbolic<Shape>) => Symbolic<Shape>, shapes: [number[], number[]]) {
  const a = input(shapes[0] as never),
    b = input(shapes[1] as never);
  const fa = (a as Symbolic<Shape>).pipe(layers.dense({ units: 4 }) as never);
  const fb = (b as Symbolic<Shape>).pipe(layers.dense({ units: 4 }) as never);
  const merged = merge(fa, fb);
  const out = merged.pipe(layers.flatten() as never, layers.dense({ units: 3, activation: "softmax" }) as never);
  return graph({ inputs: [a, b], outputs: [out] } as never);
}
const apply = (layer: unknown) => (a: Symbolic<Shape>, b: Symbolic<Shape>) =>
  (layer as { apply: (x: unknown) => Symbolic<Shape> }).apply([a, b]);

const merges: { name: string; className: string; net: () => unknown; shapes: [number[], number[]] }[] = [
  {
    name: "add",
    className: "Add",
    net: () =>
      mergeNet(apply(layers.add()), [
        [5, 2],
        [5, 2],
      ]),
    shapes: [
      [5, 2],
      [5, 2],
    ],
  },
  {
    name: "average",
    className: "Average",
    net: () =>
      mergeNet(apply(layers.average()), [
        [5, 2],
        [1, 2],
      ]),
    shapes: [
      [5, 2],
      [1, 2],
    ],
  },
  {
    name: "maximum",
    className: "Maximum",
    net: () => mergeNet(apply(layers.maximum()), [[5, 2], [2]]),
    shapes: [[5, 2], [2]],
  },
  {
    name: "minimum",
    className: "Minimum",
    net: () =>
      mergeNet(apply(layers.minimum()), [
        [5, 2],
        [5, 2],
      ]),
    shapes: [
      [5, 2],
      [5, 2],
    ],
  },
  {
    name: "multiply",
    className: "Multiply",
    net: () =>
      mergeNet(apply(layers.multiply()), [
        [5, 2],
        [5, 2],
      ]),
    shapes: [
      [5, 2],
      [5, 2],
    ],
  },
  {
    name: "concatenate",
    className: "Concatenate",
    net: () =>
      mergeNet(apply(layers.concatenate({ axis: -2 })), [
        [5, 2],
        [3, 2],
      ]),
    shapes: [
      [5, 2],
      [3, 2],
    ],
  },
  {
    name: "dot",
    className: "Dot",
    net: () =>
      mergeNet(apply(layers.dot({ axes: [1, 1] })), [
        [5, 2],
        [5, 3],
      ]),
    shapes: [
      [5, 2],
      [5, 3],
    ],
  },
];

test("merges convert to tfjs's own merge layers, with tfjs's values", async () => {
  await ready({ backend: "cpu" });
  const a = tf.randomNormal([2, 3, 4], 0, 1, "float32", 1),
    b = tf.randomNormal([2, 1, 4], 0, 1, "float32", 2),
    c = tf.randomNormal([2, 5, 4], 0, 1, "float32", 3);
  const cases: [unknown, tf.Tensor[], tf.Tensor, string][] = [
    [layers.add(), [a, b], tf.add(a, b), "Add"],
    [layers.average(), [a, b], tf.div(tf.add(a, b), 2), "Average"],
    [layers.maximum(), [a, b], tf.maximum(a, b), "Maximum"],
    [layers.minimum(), [a, b], tf.minimum(a, b), "Minimum"],
    [layers.multiply(), [a, b], tf.mul(a, b), "Multiply"],
    [layers.concatenate({ axis: -2 }), [a, c], tf.concat([a, c], 1), "Concatenate"],
    [layers.dot({ axes: -1 }), [a, c], tf.matMul(a, c, false, true), "Dot"],
  ];
  for (const [layer, xs, expected, className] of cases) {
    const inputs = xs.map((x) => input(x.shape.slice(1) as never) as Symbolic<Shape>);
    const y = (layer as { apply: (x: unknown) => Symbolic<Shape> }).apply(inputs);
    assert.deepEqual(y.shape.slice(1), expected.shape.slice(1), className);
    const model = toTfjs(graph({ inputs, outputs: [y] } as never));
    assert.ok(
      model.layers.some((l) => l.getClassName() === className),
      `${className} in ${model.layers.map((l) => l.getClassName())}`,
    );
    const got = model.predict(xs) as tf.Tensor;
    const diff = tf.max(tf.abs(tf.sub(got, expected))).dataSync()[0]!;
    assert.ok(diff < 1e-5, `${className}: max |Δ| ${diff}`);
  }
});

test("a merge that does not fit is a ShapeError before tfjs sees it, also on the shapes data has", async () => {
  await ready({ backend: "cpu" });
  assert.throws(
    () => (layers.add() as unknown as { apply: (x: unknown) => unknown }).apply([input([3]), input([4])]),
    (e: unknown) =>
      e instanceof ShapeError &&
      e.message ===
        "add(): input 1 [number, 4] does not broadcast with the inputs before it [number, 3]: dimension -1 is 3 and 4 (sizes must be equal, or one of them 1)",
  );
  assert.throws(
    () => (layers.add() as unknown as { apply: (x: unknown) => unknown }).apply(input([3])),
    (e: unknown) => e instanceof ShapeError && e.message.startsWith("add(): apply takes an array of symbolic tensors"),
  );
  // unknown to the compiler, known when the model runs: the graph's walk checks the data's shapes
  const x = input([null]),
    y = input([4]);
  const net = graph({ inputs: [x, y], outputs: [layers.add().apply([x, y])] });
  const model = build(net);
  assert.throws(
    () => model.predict([tf.zeros([2, 3]), tf.zeros([2, 4])] as never),
    (e: unknown) => e instanceof ShapeError && e.message.startsWith("add(): input 1 [2, 4] does not broadcast"),
  );
  model.dispose();
});

type Net = Parameters<typeof build>[0];
const preprocessing: { name: string; net: () => Net; x: () => tf.Tensor }[] = [
  {
    name: "resizing",
    net: () =>
      sequential(
        input([8, 6, 2]),
        layers.resizing({ height: 4, width: 3 }),
        layers.flatten(),
        layers.dense({ units: 3, activation: "softmax" }),
      ) as never,
    x: () => tf.randomNormal([4, 8, 6, 2], 0, 1, "float32", 4),
  },
  {
    name: "centerCrop",
    net: () =>
      sequential(
        input([8, 6, 2]),
        layers.centerCrop({ height: 4, width: 4 }),
        layers.flatten(),
        layers.dense({ units: 3, activation: "softmax" }),
      ) as never,
    x: () => tf.randomNormal([4, 8, 6, 2], 0, 1, "float32", 5),
  },
  {
    name: "randomWidth",
    net: () =>
      sequential(
        input([8, 6, 2]),
        layers.randomWidth({ factor: 0.5, seed: 1 }),
        layers.globalAveragePooling2d({}),
        layers.dense({ units: 3, activation: "softmax" }),
      ) as never,
    x: () => tf.randomNormal([4, 8, 6, 2], 0, 1, "float32", 6),
  },
  {
    name: "categoryEncoding",
    net: () =>
      sequential(
        input([3]),
        layers.categoryEncoding({ numTokens: 6, outputMode: "count" }),
        layers.dense({ units: 3, activation: "softmax" }),
      ) as never,
    x: () =>
      tf.tensor2d([
        [0, 1, 1],
        [5, 4, 3],
        [2, 2, 2],
        [0, 5, 1],
      ]),
  },
];

for (const backend of ["wasm", "cpu"] as const) {
  describe(`merges and preprocessing train on ${backend}`, () => {
    before(async () => assert.equal(await ready({ backend }), backend));
    after(async () => {
      await ready();
    });
    const y = () => tf.oneHot(tf.tensor1d([0, 1, 2, 0], "int32"), 3);
    const trains = async (net: Net, x: tf.Tensor | tf.Tensor[]) => {
      const model = build(net).compile({ optimizer: tf.train.adam(0.01), loss: "categoricalCrossentropy" });
      const weights = model.tfjs.trainableWeights;
      const start = weights.map((w) => w.read().clone());
      const target = y();
      try {
        const fit = model.fit.bind(model) as unknown as (
          x: unknown,
          y: unknown,
          options: object,
        ) => Promise<{ history: { loss: number[] } }>;
        const history = await fit(x, target, { epochs: 2, batchSize: 4, verbose: 0 });
        assert.ok(history.history.loss.every(Number.isFinite), `losses ${history.history.loss}`);
        const unchanged = weights
          .filter((w, i) => tf.tidy(() => tf.any(tf.notEqual(w.read(), start[i]!)).dataSync()[0]) !== 1)
          .map((w) => w.name);
        assert.deepEqual(unchanged, []);
      } finally {
        tf.dispose([target, ...start, ...(Array.isArray(x) ? x : [x])]);
        model.dispose();
      }
    };
    for (const entry of merges)
      test(`layers.${entry.name} trains on ${backend}`, () =>
        trains(
          entry.net() as Net,
          entry.shapes.map((s, i) => tf.randomNormal([4, ...s], 0, 1, "float32", i + 1)),
        ));
    for (const entry of preprocessing)
      test(`layers.${entry.name} trains on ${backend}`, () => trains(entry.net(), entry.x()));
  });
}

test("explain: a merge's row is its layer as written, concatenate's axis sum", () => {
  const a = input([32, 32, 64]),
    b = input([32, 32, 32]);
  const net = graph({ inputs: [a, b], outputs: [layers.concatenate().apply([a, b])] });
  const model = explainGraph("net", net as never);
  const row = model.layers.find((r) => r.layer.startsWith("layers."))!;
  assert.equal(row.layer, "layers.concatenate().apply([…])");
  assert.deepEqual(row.arithmetic, [
    "[number, 32, 32, 64] and [number, 32, 32, 32] → [number, 32, 32, 96]",
    "axis 3: 64 + 32 = 96",
  ]);
  assert.equal(row.params, 0);
});

test("a converted model with merges and preprocessing saves and loads with tfjs (its subclasses registered)", async () => {
  await ready({ backend: "cpu" });
  const a = input([6, 6, 2]),
    b = input([6, 6, 2]);
  const r = a.pipe(layers.resizing({ height: 4, width: 4 }), layers.centerCrop({ height: 3, width: 3 }));
  const s = b.pipe(layers.randomWidth({ factor: 0.3, seed: 2 }), layers.resizing({ height: 3, width: 3 }));
  const y = layers.concatenate().apply([r, s]);
  const model = toTfjs(graph({ inputs: [a, b], outputs: [y] }));
  let artifacts: tf.io.ModelArtifacts | undefined;
  await model.save(
    tf.io.withSaveHandler(async (saved) => {
      artifacts = saved;
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: "JSON" } };
    }),
  );
  const tfl = await import("@tensorflow/tfjs-layers");
  const loaded = await tfl.loadLayersModel(tf.io.fromMemory(artifacts!));
  assert.deepEqual(
    loaded.layers.map((l) => l.getClassName()).filter((name) => name !== "InputLayer"),
    ["shapecheck>Resizing", "shapecheck>RandomWidth", "shapecheck>CenterCrop", "shapecheck>Resizing", "Concatenate"],
  );
  const out = loaded.predict([tf.ones([2, 6, 6, 2]), tf.ones([2, 6, 6, 2])]) as tf.Tensor;
  assert.deepEqual(out.shape, [2, 3, 3, 4]);
});
