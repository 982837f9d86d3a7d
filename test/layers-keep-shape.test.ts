// Issue 16, `layers` group 1: tfjs's aliases and the factories that keep the shape (activation layers, dropouts and
// noise, masking, rescaling, layerNormalization); from group 3, the 3D pooling layers and cropping2D; from
// group 4, repeatVector.
// - agreement: for 200 random configurations per family, tfjs's own layer (apply on zeros, and computeOutputShape),
//   the runtime twin and the type level (TypeScript 5.9 and 7) agree, tfjs's refusals included
//   (scripts/tfjs-agreement-layers.ts; TFJS_AGREEMENT_CASES sets the count);
// - each factory converts to tfjs's own layer and trains on wasm and cpu;
// - explain's parameter counts are tfjs's countParams().
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import * as tf from "@tensorflow/tfjs-core";
import { input, layers, nn, sequential, ShapeError, type Sequential, type Shape } from "../src/index.ts";
import { build, ready, toTfjs } from "../src/tfjs.ts";
import { tfLayerNormalization, tfPReLU } from "../src/families/activation/tf-activation.explain.ts";
import { tfPool3d } from "../src/families/pool/tf-pool3d.explain.ts";
import { compare, compilers, formatReport, type Report } from "../scripts/tfjs-agreement.ts";
import { layersFamilies, layersOutDir } from "../scripts/tfjs-agreement-layers.ts";

const perFamily = Number(process.env["TFJS_AGREEMENT_CASES"] ?? 200);

describe("layers group 1 agrees with TensorFlow.js", { timeout: 1_800_000 }, () => {
  let report: Report;
  before(
    async () => {
      assert.equal(await ready({ backend: "cpu" }), "cpu");
      report = await compare(perFamily, undefined, layersFamilies, layersOutDir);
      console.log(formatReport(report));
    },
    { timeout: 1_800_000 },
  );
  for (const family of Object.keys(layersFamilies)) {
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
    name: "reLU",
    example: [5],
    net: () => net(sequential(input([5]), layers.dense({ units: 4 }), layers.reLU({ maxValue: 6 }), ...head())),
  },
  {
    name: "leakyReLU",
    example: [5],
    net: () => net(sequential(input([5]), layers.dense({ units: 4 }), layers.leakyReLU({ alpha: 0.1 }), ...head())),
  },
  {
    name: "elu",
    example: [5],
    net: () => net(sequential(input([5]), layers.dense({ units: 4 }), layers.elu(), ...head())),
  },
  {
    name: "thresholdedReLU",
    example: [5],
    net: () =>
      net(sequential(input([5]), layers.dense({ units: 4 }), layers.thresholdedReLU({ theta: -1 }), ...head())),
  },
  {
    name: "prelu",
    example: [3, 4],
    net: () => net(sequential(input([3, 4]), layers.dense({ units: 4 }), layers.prelu({ sharedAxes: 1 }), ...head())),
  },
  {
    name: "softmax",
    example: [3, 4],
    net: () => net(sequential(input([3, 4]), layers.dense({ units: 4 }), layers.softmax({ axis: -1 }), ...head())),
  },
  {
    name: "spatialDropout1d",
    example: [3, 4],
    net: () =>
      net(sequential(input([3, 4]), layers.dense({ units: 4 }), layers.spatialDropout1d({ rate: 0.3 }), ...head())),
  },
  {
    name: "gaussianNoise",
    example: [5],
    net: () =>
      net(sequential(input([5]), layers.dense({ units: 4 }), layers.gaussianNoise({ stddev: 0.1 }), ...head())),
  },
  {
    name: "gaussianDropout",
    example: [5],
    net: () =>
      net(sequential(input([5]), layers.dense({ units: 4 }), layers.gaussianDropout({ rate: 0.2 }), ...head())),
  },
  {
    name: "alphaDropout",
    example: [5],
    net: () => net(sequential(input([5]), layers.dense({ units: 4 }), layers.alphaDropout({ rate: 0.2 }), ...head())),
  },
  {
    name: "masking",
    example: [3, 4],
    net: () => net(sequential(input([3, 4]), layers.masking(), layers.dense({ units: 4 }), ...head())),
  },
  {
    name: "rescaling",
    example: [5],
    net: () =>
      net(sequential(input([5]), layers.rescaling({ scale: 0.5, offset: 1 }), layers.dense({ units: 4 }), ...head())),
  },
  {
    name: "layerNormalization",
    example: [3, 4],
    net: () =>
      net(
        sequential(input([3, 4]), layers.dense({ units: 4 }), layers.layerNormalization({ axis: [1, 2] }), ...head()),
      ),
  },
  {
    name: "avgPool2d",
    example: [4, 4, 2],
    net: () =>
      net(
        sequential(
          input([4, 4, 2]),
          layers.conv2d({ filters: 2, kernelSize: 1 }),
          layers.avgPool2d({ poolSize: 2 }),
          ...head(),
        ),
      ),
  },
  {
    name: "maxPool1d",
    example: [6, 2],
    net: () =>
      net(sequential(input([6, 2]), layers.conv1d({ filters: 2, kernelSize: 1 }), layers.maxPool1d(), ...head())),
  },
  {
    name: "globalMaxPool2d",
    example: [4, 4, 2],
    net: () =>
      net(
        sequential(input([4, 4, 2]), layers.conv2d({ filters: 2, kernelSize: 1 }), layers.globalMaxPool2d(), ...head()),
      ),
  },
  {
    name: "maxPooling3d",
    example: [4, 4, 4, 2],
    net: () =>
      net(sequential(input([4, 4, 4, 2]), layers.dense({ units: 2 }), layers.maxPooling3d({ poolSize: 2 }), ...head())),
  },
  {
    name: "avgPool3d channelsFirst",
    example: [2, 4, 4, 4],
    net: () =>
      net(
        sequential(
          input([2, 4, 4, 4]),
          layers.dense({ units: 4 }),
          layers.avgPool3d({ poolSize: [1, 2, 2], dataFormat: "channelsFirst", padding: "same" }),
          ...head(),
        ),
      ),
  },
  {
    name: "cropping2D",
    example: [6, 6, 2],
    net: () =>
      net(
        sequential(
          input([6, 6, 2]),
          layers.conv2d({ filters: 2, kernelSize: 1 }),
          layers.cropping2D({
            cropping: [
              [1, 2],
              [0, 1],
            ],
          }),
          ...head(),
        ),
      ),
  },
  {
    name: "repeatVector",
    example: [5],
    net: () => net(sequential(input([5]), layers.dense({ units: 4 }), layers.repeatVector({ n: 3 }), ...head())),
  },
];

for (const backend of ["wasm", "cpu"] as const) {
  describe(`layers group 1 trains on ${backend}`, () => {
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

test("explain counts PReLU's and LayerNormalization's parameters as tfjs does", async () => {
  await ready({ backend: "cpu" });
  const cases = [
    [[3, 4, 5], layers.prelu()],
    [[3, 4, 5], layers.prelu({ sharedAxes: [1, 2] })],
    [[3, 4, 5], layers.layerNormalization()],
    [[3, 4, 5], layers.layerNormalization({ axis: [1, -1], center: false })],
  ] as const;
  for (const [example, layer] of cases) {
    const model = toTfjs(sequential(input(example as never), layer as never) as never) as unknown as {
      countParams(): number;
    };
    const shape = [null, ...example];
    const explainer = layer.kind === "PReLU" ? tfPReLU : tfLayerNormalization;
    assert.equal(explainer(layer as never, shape, shape).params, model.countParams(), layer.written);
  }
});

test("explain writes tfjs's pooling arithmetic for the 3D pooling layers", () => {
  const layer = layers.maxPooling3d({ poolSize: [2, 3, 3], strides: 2 });
  const { arithmetic, params } = tfPool3d(layer as never, [null, 16, 32, 31, 8], [null, 8, 15, 15, 8]);
  assert.deepEqual(arithmetic, [
    "D: ⌈(16 − 2 + 1) / 2⌉ = 8",
    "H: ⌈(32 − 3 + 1) / 2⌉ = 15",
    "W: ⌈(31 − 3 + 1) / 2⌉ = 15",
  ]);
  assert.equal(params, 0);
});

test("run-time messages: options that tfjs refuses or that are not options", () => {
  const L = layers as unknown as Record<string, (args?: object) => unknown>;
  const throws = (f: () => unknown, message: string) =>
    assert.throws(f, (e: unknown) => e instanceof ShapeError && e.message === message);
  throws(() => L["elu"]!({ alpha: 2 }), "elu({ alpha: 2 }): TensorFlow.js's ELU layer supports alpha 1 only");
  throws(() => L["reLU"]!({ maxValue: -1 }), "reLU({ maxValue: -1 }): maxValue must be 0 or more");
  throws(() => L["gaussianDropout"]!({ rate: 2 }), "gaussianDropout({ rate: 2 }): rate must be between 0 and 1");
  throws(
    () => L["leakyReLU"]!({ Alpha: 0.2 }),
    "leakyReLU(): Alpha is not an option of TensorFlow.js's leakyReLU; did you mean `alpha`?",
  );
  // an axis option that is neither a number nor a list of them: words, not a TypeError
  throws(
    () => L["prelu"]!({ sharedAxes: true }),
    "prelu({ sharedAxes: true }): sharedAxes must be a number or an array of numbers",
  );
  throws(() => L["softmax"]!({ axis: true }), "softmax({ axis: true }): axis must be a number or an array of numbers");
  throws(
    () => L["prelu"]!({ sharedAxes: "12" }),
    "prelu({ sharedAxes: '12' }): sharedAxes must be a number or an array of numbers",
  );
  throws(
    () => L["layerNormalization"]!({ axis: [1, null] }),
    "layerNormalization({ axis: [1, null] }): axis must be a number or an array of numbers",
  );
});
