// Issue 16, `layers` group 3 (convolution): conv3d, conv2dTranspose, conv3dTranspose, depthwiseConv2d, separableConv2d.
// - agreement: for 200 random configurations per family, tfjs's own layer (apply on zeros, and computeOutputShape),
//   the runtime twin and the type level (TypeScript 5.9 and 7) agree, tfjs's refusals included
//   (scripts/tfjs-agreement-conv.ts; TFJS_AGREEMENT_CASES sets the count);
// - each factory converts to tfjs's own layer and trains on wasm and cpu;
// - explain's parameter counts are tfjs's countParams().
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import * as tf from "@tensorflow/tfjs-core";
import * as tfl from "@tensorflow/tfjs-layers";
import { input, layers, nn, sequential, ShapeError, type Sequential, type Shape } from "../src/index.ts";
import { build, ready, toTfjs } from "../src/tfjs.ts";
import { tfConv, tfConvTranspose, tfDepthwiseConv } from "../src/families/conv/tf-conv.explain.ts";
import { compare, compilers, formatReport, type Report } from "../scripts/tfjs-agreement.ts";
import { convFamilies, convOutDir } from "../scripts/tfjs-agreement-conv.ts";

const perFamily = Number(process.env["TFJS_AGREEMENT_CASES"] ?? 200);

describe("layers convolutions agree with TensorFlow.js", { timeout: 1_800_000 }, () => {
  let report: Report;
  before(
    async () => {
      assert.equal(await ready({ backend: "cpu" }), "cpu");
      report = await compare(perFamily, undefined, convFamilies, convOutDir);
      console.log(formatReport(report));
    },
    { timeout: 1_800_000 },
  );
  for (const family of Object.keys(convFamilies)) {
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
    name: "conv3d",
    example: [4, 5, 5, 2],
    net: () => net(sequential(input([4, 5, 5, 2]), layers.conv3d({ filters: 3, kernelSize: 2 }), ...head())),
  },
  {
    name: "conv3d (dilated)",
    example: [5, 5, 5, 2],
    net: () =>
      net(sequential(input([5, 5, 5, 2]), layers.conv3d({ filters: 2, kernelSize: 2, dilationRate: 2 }), ...head())),
  },
  {
    name: "conv2dTranspose",
    example: [4, 4, 3],
    net: () =>
      net(
        sequential(
          input([4, 4, 3]),
          layers.conv2dTranspose({ filters: 2, kernelSize: 3, strides: 2, padding: "same" }),
          ...head(),
        ),
      ),
  },
  {
    name: "conv3dTranspose",
    example: [2, 3, 3, 2],
    net: () =>
      net(
        sequential(input([2, 3, 3, 2]), layers.conv3dTranspose({ filters: 2, kernelSize: 3, strides: 2 }), ...head()),
      ),
  },
  {
    name: "depthwiseConv2d",
    example: [6, 6, 2],
    net: () =>
      net(sequential(input([6, 6, 2]), layers.depthwiseConv2d({ kernelSize: 3, depthMultiplier: 2 }), ...head())),
  },
  {
    name: "separableConv2d",
    example: [6, 6, 2],
    net: () =>
      net(
        sequential(
          input([6, 6, 2]),
          layers.separableConv2d({ filters: 3, kernelSize: 3, strides: 2, padding: "same" }),
          ...head(),
        ),
      ),
  },
];

for (const backend of ["wasm", "cpu"] as const) {
  describe(`layers convolutions train on ${backend}`, () => {
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

test("explain counts the convolutions' parameters as tfjs does", async () => {
  await ready({ backend: "cpu" });
  const cases = [
    [[4, 5, 5, 2], layers.conv3d({ filters: 3, kernelSize: [2, 3, 1] }), tfConv],
    [[4, 4, 3], layers.conv2dTranspose({ filters: 2, kernelSize: 3, strides: 2 }), tfConvTranspose],
    [[2, 3, 3, 2], layers.conv3dTranspose({ filters: 4, kernelSize: 2, useBias: false }), tfConvTranspose],
    [[6, 6, 2], layers.depthwiseConv2d({ kernelSize: 3, depthMultiplier: 3 }), tfDepthwiseConv],
    [[6, 6, 5], layers.depthwiseConv2d({ kernelSize: [3, 2], useBias: false }), tfDepthwiseConv],
    [[6, 6, 2], layers.separableConv2d({ filters: 4, kernelSize: 3, depthMultiplier: 2 }), tfDepthwiseConv],
  ] as const;
  for (const [example, layer, explainer] of cases) {
    const model = sequential(input(example as never), layer as never) as unknown as Net & { outputShape: Shape };
    const tfModel = toTfjs(model as never) as unknown as { countParams(): number };
    const explained = explainer(layer as never, [null, ...example], model.outputShape as never);
    assert.equal(explained.params, tfModel.countParams(), (layer as { written: string }).written);
  }
  const { arithmetic } = tfConvTranspose(
    layers.conv2dTranspose({ filters: 2, kernelSize: 3, strides: 2 }) as never,
    [null, 14, 7, 3],
    [null, 29, 15, 2],
  );
  assert.deepEqual(arithmetic, ["C → 2", "H: 14·2 + max(3 − 2, 0) = 29", "W: 7·2 + max(3 − 2, 0) = 15"]);
});

test("run-time messages: options tfjs ignores or gets wrong", () => {
  const L = layers as unknown as Record<string, (args?: object) => unknown>;
  const throws = (f: () => unknown, message: string) =>
    assert.throws(f, (e: unknown) => e instanceof ShapeError && e.message === message);
  throws(
    () => L["conv2dTranspose"]!({ filters: 2, kernelSize: 3, dilationRate: 2 }),
    "conv2dTranspose({ filters: 2, kernelSize: 3, dilationRate: 2 }): dilationRate above 1 is ignored by TensorFlow.js's Conv2DTranspose (its output would not be dilated)",
  );
  throws(
    () => L["separableConv2d"]!({ filters: 2, kernelSize: 3, dataFormat: "channelsFirst" }),
    "separableConv2d({ filters: 2, kernelSize: 3, dataFormat: 'channelsFirst' }): dataFormat 'channelsFirst' is not supported: TensorFlow.js's SeparableConv2D gets it wrong (use channels last)",
  );
  throws(
    () => L["depthwiseConv2d"]!({ kernelSize: 3, kernelInitializer: "zeros" }),
    "depthwiseConv2d({ kernelSize: 3 }): kernelInitializer is not an option of TensorFlow.js's depthwiseConv2d",
  );
});

test("layers.maxPooling3d converts to what tfjs's own layer gives on cpu, on wasm too (tfjs-backend-wasm's MaxPool3D is wrong on negative windows)", async () => {
  const cases = [
    [[5, 6, 7, 2], { poolSize: 2 }],
    [[5, 6, 7, 2], { poolSize: [3, 2, 2], strides: [2, 1, 2], padding: "same" }],
    [[2, 5, 6, 7], { poolSize: 2, padding: "same", dataFormat: "channelsFirst" }],
  ] as const;
  for (const [example, args] of cases) {
    await ready({ backend: "cpu" });
    const x = tf.neg(tf.abs(tf.randomNormal([2, ...example], 0, 1, "float32", 3)));
    const tfLayer = tfl.layers.maxPooling3d({ ...args } as never);
    const expected = (tfLayer.apply(x) as tf.Tensor).arraySync();
    for (const backend of ["cpu", "wasm"] as const) {
      await ready({ backend });
      const model = build(net(sequential(input(example as never), layers.maxPooling3d(args as never))));
      const y = model.predict(tf.tensor(x.arraySync() as number[]) as never) as tf.Tensor;
      const worst = tf.max(tf.abs(tf.sub(y, tf.tensor(expected as number[])))).dataSync()[0]!;
      assert.ok(worst < 1e-6, `${JSON.stringify(args)} on ${backend}: max |Δ| ${worst}`);
    }
  }
  await ready();
});
