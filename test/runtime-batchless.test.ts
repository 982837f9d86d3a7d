// Graph inputs and outputs whose first dimension is not the batch: a sequence layer's states
// (`[numLayers·directions, batch, hidden]`) and an attention mask given as an input (`[L, S]`,
// `[batch·numHeads, L, S]`). tfjs's predict / evaluate / fit slice every input by its first
// dimension and join each output's batches on it: before, a state output predicted in several
// batches came back joined on the wrong dimension (40 examples in batches of 8: h_n [10, 8, 8]
// instead of [2, 40, 8]), and a mask input crashed inside tfjs or was shuffled by fit. Now: a
// ShapeError before tfjs sees anything, or (predict in one batch) the whole graph at once.
import assert from "node:assert/strict";
import { before, describe, test } from "node:test";
import * as tf from "@tensorflow/tfjs-core";
import { graph, input, layers, nn, ops, ShapeError } from "../src/index.ts";
import { batchlessOf } from "../src/runtime/graph-model.ts";
import { build, ready } from "../src/tfjs.ts";
import { gan } from "../examples/gan.ts";
import { lstmClassifier } from "../examples/lstm-classifier.ts";
import { squeezeExcitation } from "../examples/squeeze-excitation.ts";
import { transformerBlock } from "../examples/transformer-block.ts";
import { unet } from "../examples/unet.ts";
import { vitPatches } from "../examples/vit-patches.ts";

before(async () => {
  assert.equal(await ready({ backend: "cpu" }), "cpu");
});

type Runnable = {
  predict(x: unknown, options?: { batchSize?: number }): tf.Tensor | tf.Tensor[];
  compile(options: unknown): Runnable;
  fit(x: unknown, y: unknown, options?: unknown): Promise<unknown>;
  evaluate(x: unknown, y: unknown, options?: unknown): Promise<unknown>;
  tfjs: {
    execute(x: tf.Tensor | tf.Tensor[], outputs: string[]): tf.Tensor | tf.Tensor[];
    outputs: { name: string }[];
  };
};
const run = (net: unknown) => build(net as never) as unknown as Runnable;
const list = (t: tf.Tensor | tf.Tensor[]) => (Array.isArray(t) ? t : [t]);
const executed = (model: Runnable, xs: tf.Tensor[]) =>
  list(
    model.tfjs.execute(
      xs.length === 1 ? xs[0]! : xs,
      model.tfjs.outputs.map((o) => o.name),
    ),
  );
const maxDiff = (a: tf.Tensor, b: tf.Tensor) => {
  assert.deepEqual(a.shape, b.shape);
  return tf.max(tf.abs(tf.sub(a, b))).dataSync()[0]!;
};
const mha = (e: number, h: number) => nn.multiheadAttention(e, h) as unknown as { call(...a: unknown[]): unknown[] };

/** An encoder LSTM whose states are outputs (the seq2seq encoder of docs/recurrent.md). */
function lstmStates() {
  const x = input([5, 4]);
  const [out, [h, c]] = nn.lstm(4, 8, 2).call(x);
  return graph({ inputs: [x], outputs: [out, h, c] });
}

/** Attention with an attnMask input: `[L, S]` (2D) or `[batch·numHeads, L, S]` (3D, the batch of `batch`). */
function maskedAttention(l: number, s: number, dims: 2 | 3, batch?: number) {
  const q = input([l, 8]);
  const k = input([s, 8]);
  const mask = dims === 2 ? input([s], { batch: l }) : input([l, s], { batch: 2 * (batch ?? 1) });
  const [out] = mha(8, 2).call(q, k, k, { attnMask: mask });
  return graph({ inputs: [q, k, mask], outputs: [out as never] });
}

describe("which inputs and outputs do not have the batch first", () => {
  test("states of nn.lstm / gru / rnn, what is made of them, masks and state inputs; not the cells' or layers'", () => {
    assert.deepEqual(batchlessOf(lstmStates() as never), { inputs: [false], outputs: [false, true, true] });
    const x = input([5, 3]);
    const [, hGru] = nn.gru(3, 4, { bidirectional: true }).call(x);
    const [out, hRnn] = nn.rnn(3, 4, 2).call(x, hGru);
    const flat = x.pipe(nn.flatten(), nn.linear(15, 4));
    const [h, c] = nn.lstmCell(4, 4).call(flat, [flat, flat]);
    const states = layers.lstm({ units: 6, returnState: true }).call(x) as unknown as unknown[];
    const net = graph({
      inputs: [x],
      outputs: [out, hRnn, hRnn.pipe(nn.linear(4, 2)), h, c, ...(states as never[])] as never,
    });
    assert.deepEqual(batchlessOf(net as never).outputs, [false, true, true, false, false, false, false, false]);
    // a state given as an input: [numLayers, batch, hidden]
    const h0 = input([3, 4], { batch: 2 });
    const [seq] = nn.gru(3, 4, 2).call(x, h0);
    assert.deepEqual(batchlessOf(graph({ inputs: [x, h0], outputs: [seq] }) as never).inputs, [false, true]);
    // a mask, also through an op before the call
    const q = input([3, 8]);
    const raw = input([3], { batch: 3 });
    const [attended] = mha(8, 2).call(q, q.pipe(nn.linear(8, 8)), q, { attnMask: ops.mul(raw, raw) });
    assert.deepEqual(batchlessOf(graph({ inputs: [q, raw], outputs: [attended as never] }) as never).inputs, [
      false,
      true,
    ]);
  });

  test("a transformer module's srcMask / tgtMask / memoryMask input", () => {
    const src = input([4, 8]);
    const srcMask = input([4], { batch: 4 });
    const encoded = nn.transformerEncoderLayer(8, 2, { dimFeedforward: 16 }).call(src, { srcMask });
    const net = graph({ inputs: [src, srcMask], outputs: [encoded] });
    assert.deepEqual(batchlessOf(net as never), { inputs: [false, true], outputs: [false] });
    const model = run(net);
    const data = [tf.randomNormal([6, 4, 8]), tf.zeros([4, 4])];
    assert.equal(maxDiff(list(model.predict(data))[0]!, executed(model, data)[0]!), 0);
    assert.throws(() => model.predict(data, { batchSize: 2 }), { name: "ShapeError", message: /^predict: the first/ });
  });

  test("the examples' graphs have none", () => {
    for (const net of [gan, lstmClassifier, squeezeExcitation, transformerBlock, unet, vitPatches]) {
      const found = batchlessOf(net as never);
      assert.ok(![...found.inputs, ...found.outputs].includes(true));
    }
  });

  test("a seq2seq whose states stay inside the graph has none", () => {
    const src = input([6, 5]);
    const tgt = input([4, 3]);
    const [, [h, c]] = nn.lstm(5, 8, 2).call(src);
    const [decoded] = nn.lstm(3, 8, 2).call(tgt, [h, c]);
    const net = graph({ inputs: [src, tgt], outputs: [decoded.pipe(nn.linear(8, 2))] });
    assert.deepEqual(batchlessOf(net as never), { inputs: [false, false], outputs: [false] });
  });
});

describe("state outputs", () => {
  test("predict in several batches: a ShapeError (before: h_n [10, 8, 8] instead of [2, 40, 8])", () => {
    const model = run(lstmStates());
    const x = tf.randomNormal([40, 5, 4]);
    assert.throws(() => model.predict(x, { batchSize: 8 }), {
      name: "ShapeError",
      message:
        "predict: the first dimension of output 1 [2, number, 8] and output 2 [2, number, 8] is not the batch (an attention mask or a recurrent state); predict would split the 40 examples into batches of 8 and slice or join them on the wrong dimension: predict in one batch ({ batchSize: 40 }) or use model.tfjs.execute",
    });
  });

  test("predict in one batch equals model.tfjs.execute", () => {
    const model = run(lstmStates());
    const x = tf.randomNormal([40, 5, 4]);
    const expected = executed(model, [x]);
    for (const options of [undefined, { batchSize: 40 }]) {
      const got = list(model.predict(x, options));
      assert.deepEqual(
        got.map((t) => t.shape),
        [
          [40, 5, 8],
          [2, 40, 8],
          [2, 40, 8],
        ],
      );
      got.forEach((t, i) => assert.equal(maxDiff(t, expected[i]!), 0, `output ${i}`));
    }
  });

  test("with dropout: predict in one batch is tfjs's one-batch predict (dropout off)", () => {
    const x = input([5, 4]);
    const [out, [h, c]] = nn.lstm(4, 8, 2, { dropout: 0.5 }).call(x.pipe(nn.dropout(0.5)));
    const model = run(graph({ inputs: [x], outputs: [out, h, c] }));
    const data = tf.randomNormal([40, 5, 4]);
    const tfjsPredict = (model.tfjs as unknown as { predict(x: tf.Tensor, o: object): tf.Tensor[] }).predict(data, {
      batchSize: 40,
    });
    list(model.predict(data)).forEach((t, i) => assert.equal(maxDiff(t, tfjsPredict[i]!), 0, `output ${i}`));
  });

  test("gru and rnn states, and a layer on a state, likewise", () => {
    const x = input([5, 3]);
    const [, hGru] = nn.gru(3, 4, { bidirectional: true }).call(x);
    const [, hRnn] = nn.rnn(3, 4).call(x);
    const model = run(graph({ inputs: [x], outputs: [hGru, hRnn.pipe(nn.linear(4, 2))] }));
    const data = tf.randomNormal([12, 5, 3]);
    assert.throws(() => model.predict(data, { batchSize: 5 }), {
      name: "ShapeError",
      message:
        /^predict: the first dimension of output 0 \[2, number, 4\] and output 1 \[1, number, 2\] is not the batch/,
    });
    const got = list(model.predict(data));
    assert.deepEqual(
      got.map((t) => t.shape),
      [
        [2, 12, 4],
        [1, 12, 2],
      ],
    );
  });

  test("evaluate and fit: a ShapeError (they slice and shuffle every target by rows)", async () => {
    const model = run(lstmStates()).compile({ loss: "meanSquaredError" });
    const x = tf.randomNormal([8, 5, 4]);
    const y = [tf.zeros([8, 5, 8]), tf.zeros([2, 8, 8]), tf.zeros([2, 8, 8])];
    await assert.rejects(model.fit(x, y, { verbose: 0 }), {
      name: "ShapeError",
      message:
        "fit: the first dimension of output 1 [2, number, 8] and output 2 [2, number, 8] is not the batch (an attention mask or a recurrent state); fit slices, shuffles and splits every input and target by rows: train such a model with a loop of your own on model.tfjs (model.tfjs.execute and an optimizer's minimize)",
    });
    await assert.rejects(model.evaluate(x, y), {
      name: "ShapeError",
      message: /^evaluate: the first dimension of output 1 .* evaluate slices every input and target by rows/,
    });
  });
});

describe("an attention mask as an input", () => {
  for (const l of [6, 3]) {
    test(`[L, S] with L = ${l} and 4 examples: predict in one batch equals execute (before: a crash inside tfjs)`, () => {
      const model = run(maskedAttention(l, 7, 2));
      const xs = [tf.randomNormal([4, l, 8]), tf.randomNormal([4, 7, 8]), tf.less(tf.randomUniform([l, 7]), 0.3)];
      const mask = tf.where(xs[2]!, tf.fill([l, 7], -1e9), tf.zeros([l, 7]));
      const data = [xs[0]!, xs[1]!, mask];
      const got = list(model.predict(data));
      assert.equal(maxDiff(got[0]!, executed(model, data)[0]!), 0);
      assert.throws(() => model.predict(data, { batchSize: 3 }), {
        name: "ShapeError",
        message: `predict: the first dimension of input 2 [${l}, 7] is not the batch (an attention mask or a recurrent state); predict would split the 4 examples into batches of 3 and slice or join them on the wrong dimension: predict in one batch ({ batchSize: 4 }) or use model.tfjs.execute`,
      });
    });
  }

  test("a mask of another shape than declared, and [batch·numHeads, L, S] of another batch: a ShapeError", () => {
    const model = run(maskedAttention(3, 7, 2));
    assert.throws(() => model.predict([tf.zeros([4, 3, 8]), tf.zeros([4, 7, 8]), tf.zeros([4, 7])]), {
      name: "ShapeError",
      message: /^predict \(input 2\)/,
    });
    const q = input([3, 8]);
    const k = input([7, 8]);
    const mask = input([3, 7]); // [batch·numHeads, 3, 7], the first dimension unknown
    const [out] = mha(8, 2).call(q, k, k, { attnMask: mask });
    const open = run(graph({ inputs: [q, k, mask], outputs: [out as never] }));
    assert.throws(() => open.predict([tf.zeros([4, 3, 8]), tf.zeros([4, 7, 8]), tf.zeros([6, 3, 7])]), {
      name: "ShapeError",
      message: "multiheadAttention(8, 2): attnMask [6, 3, 7]: its first dimension 6 must equal batch·numHeads 8",
    });
    assert.deepEqual(
      list(open.predict([tf.zeros([4, 3, 8]), tf.zeros([4, 7, 8]), tf.zeros([8, 3, 7])]))[0]!.shape,
      [4, 3, 8],
    );
  });

  test("fit and evaluate: a ShapeError (before: fit shuffled the mask's rows, or crashed inside tfjs)", async () => {
    const model = run(maskedAttention(3, 7, 3, 2)).compile({ loss: "meanSquaredError" });
    const xs = [tf.zeros([2, 3, 8]), tf.zeros([2, 7, 8]), tf.zeros([4, 3, 7])];
    await assert.rejects(model.fit(xs, tf.zeros([2, 3, 8]), { verbose: 0 }), {
      name: "ShapeError",
      message: /^fit: the first dimension of input 2 \[4, 3, 7\] is not the batch/,
    });
    await assert.rejects(model.evaluate(xs, tf.zeros([2, 3, 8])), {
      name: "ShapeError",
      message: /^evaluate: the first dimension of input 2 \[4, 3, 7\] is not the batch/,
    });
    // L = the number of examples: before, fit trained with the mask's rows shuffled with the examples
    const square = run(maskedAttention(3, 7, 2)).compile({ loss: "meanSquaredError" });
    const data = [tf.zeros([3, 3, 8]), tf.zeros([3, 7, 8]), tf.zeros([3, 7])];
    await assert.rejects(square.fit(data, tf.zeros([3, 3, 8]), { verbose: 0 }), {
      name: "ShapeError",
      message: /^fit: the first dimension of input 2 \[3, 7\] is not the batch/,
    });
  });
});

test("inputs of different numbers of examples: a ShapeError naming both (before: sliced by the first input's)", async () => {
  const a = input([3]);
  const b = input([2]);
  const model = run(graph({ inputs: [a, b], outputs: [ops.cat([a, b], 1)] }));
  assert.throws(() => model.predict([tf.zeros([4, 3]), tf.zeros([6, 2])]), {
    name: "ShapeError",
    message:
      "predict (input 1): 6 examples, but predict (input 0) has 4: every input must have the same number of examples (its first dimension)",
  });
  assert.deepEqual(list(model.predict([tf.zeros([4, 3]), tf.zeros([4, 2])], { batchSize: 3 }))[0]!.shape, [4, 5]);
  const trainable = model.compile({ loss: "meanSquaredError" });
  await assert.rejects(trainable.fit([tf.zeros([4, 3]), tf.zeros([6, 2])], tf.zeros([4, 5]), { verbose: 0 }), {
    name: "ShapeError",
    message: /^fit \(x 1\): 6 examples, but fit \(x 0\) has 4/,
  });
});

test("ordinary models are untouched: layers.lstm's returned states predict in batches", () => {
  const x = input([5, 3]);
  const states = layers.lstm({ units: 6, returnState: true }).call(x) as unknown as unknown[];
  const model = run(graph({ inputs: [x], outputs: states as never }));
  const data = tf.randomNormal([10, 5, 3]);
  const batched = list(model.predict(data, { batchSize: 3 }));
  const whole = executed(model, [data]);
  batched.forEach((t, i) => assert.ok(maxDiff(t, whole[i]!) < 1e-5, `output ${i}`));
  assert.ok(ShapeError);
});
