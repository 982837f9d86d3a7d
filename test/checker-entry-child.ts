// Child process of test/checker-entry.test.ts (run with `node --import tsx`): imports the checker
// (src/index.ts) with a resolve hook that logs every module resolved, builds and checks models with
// it, then looks at tfjs's class registry. Prints a JSON report on stdout.
import { appendFileSync } from "node:fs";
import { register } from "node:module";

const log = process.argv[2]!;
register("./checker-entry-hook.mjs", import.meta.url, { data: { log } });
const globalsBefore = Object.keys(globalThis).sort();

// Phase 1: the checker alone.
const { defineLayer, einops, graph, input, layers, named, nn, ops, sequential, ShapeError } =
  await import("../src/index.ts");
const net = sequential(
  input([1, 28, 28]),
  nn.conv2d(1, 32, 3, 1),
  nn.relu(),
  nn.conv2d(32, 64, 3, 1),
  nn.relu(),
  nn.maxPool2d(2),
  nn.dropout(0.25),
  nn.flatten(),
  nn.linear(9216, 128),
  nn.relu(),
  nn.dropout(0.5),
  nn.linear(128, 10),
  nn.logSoftmax(1),
);
const x = input([3, 8, 8]);
const y = ops.add(x.pipe(nn.conv2d(3, 3, 3, 1, 1)), einops.rearrange(x, "b c h w -> b c h w"));
const model = graph({ inputs: [x], outputs: [y] });
const tfVocabulary = sequential(
  input([8, 8, 3]),
  layers.conv2d({ filters: 4, kernelSize: 3 }),
  layers.flatten(),
  layers.dense({ units: 2 }),
);
let message = "";
try {
  (sequential as (...args: unknown[]) => unknown)(input([9000]), nn.linear(9216, 128));
} catch (error) {
  message = error instanceof ShapeError ? error.message : String(error);
}
// The mechanisms added since: a custom layer (defineLayer), a model used as a layer (twice), calls on
// several tensors (an LSTM's states, transformer modules, attention, bilinear), tf.layers' merges, and
// the newer conv, pool, norm, upsample and loss kinds.
const Scale = defineLayer({
  name: "checkerEntryScale",
  outputShape: (_settings: { by: number }, shape) => shape,
  params: () => ({ gain: [4] }),
  forward: (x, { gain }, tf, { by }) => tf.mul(tf.mul(x, gain), by),
});
const block = named("block", sequential(input([4]), nn.linear(4, 4), nn.relu()));
const reused = sequential(input([4]), Scale.layer({ by: 2 }), block, block, nn.linear(4, 3));
const seq = input([5, 8]);
const [, [h, c]] = nn.lstm(8, 8).call(seq);
const [decoded] = nn.lstm(8, 8).call(seq, [h, c]);
const memory = seq.pipe(nn.transformerEncoderLayer(8, 2, { dimFeedforward: 16 }));
const attended = nn.transformerDecoderLayer(8, 2, { dimFeedforward: 16 }).call(decoded, memory);
const [mixed] = nn.multiheadAttention(8, 2).call(attended, memory, memory);
const pair = nn.bilinear(8, 8, 4).call(mixed, attended);
const calls = graph({ inputs: [seq], outputs: [pair] });
const [a, b] = [input([6, 2]), input([6, 2])];
const merged = graph({ inputs: [a, b], outputs: [layers.concatenate({ axis: -1 }).apply([a, b])] });
const image = input([4, 8, 8]);
const vision = graph({
  inputs: [image],
  outputs: [
    image.pipe(
      nn.upsample({ scaleFactor: 2, mode: "bilinear", alignCorners: false }),
      nn.groupNorm(2, 4),
      nn.instanceNorm2d(4),
      nn.lpPool2d(2, 2),
      nn.unfold(2, { stride: 2 }),
      nn.fold(8, 2, { stride: 2 }),
      nn.channelShuffle(2),
      nn.localResponseNorm(2),
    ),
  ],
});
const logits = input([16]);
const target = input([], { batch: "n" });
const [, loss] = nn.adaptiveLogSoftmaxWithLoss(16, 10, [4, 8]).call(logits.pipe(nn.linear(16, 16)), target);
const newKinds = {
  reused: reused.outputShape,
  calls: calls.outputShapes,
  merged: merged.outputShapes,
  vision: vision.outputShapes,
  loss: loss.shape,
};
const globalsAfter = Object.keys(globalThis).sort();
appendFileSync(log, "--- checker done\n");

// Phase 2: tfjs's class registry, before and after the runtime entry is imported.
const tf = await import("@tensorflow/tfjs-core");
const registered = () =>
  Object.keys(tf.serialization.SerializationMap.getMap().classNameMap).filter((name) => name.startsWith("shapecheck>"));
const before = registered();
await import("../src/tfjs.ts");
const after = registered();

process.stdout.write(
  JSON.stringify({
    outputShape: net.outputShape,
    graphOutputs: model.outputShapes,
    tfVocabulary: tfVocabulary.outputShape,
    methods: ["build", "compile", "toTfjs", "load"].filter((name) => name in net || name in model),
    message,
    newKinds,
    newModelMethods: ["build", "compile", "toTfjs", "load"].filter((name) =>
      [reused, calls, merged, vision].some((m) => name in m),
    ),
    newGlobals: globalsAfter.filter((key) => !globalsBefore.includes(key)),
    registered: { before, after },
  }),
);
