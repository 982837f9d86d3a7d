// Child process of test/checker-entry.test.ts (run with `node --import tsx`): imports the checker
// (src/index.ts) with a resolve hook that logs every module resolved, builds and checks models with
// it, then looks at tfjs's class registry. Prints a JSON report on stdout.
import { appendFileSync } from "node:fs";
import { register } from "node:module";

const log = process.argv[2]!;
register("./checker-entry-hook.mjs", import.meta.url, { data: { log } });
const globalsBefore = Object.keys(globalThis).sort();

// Phase 1: the checker alone.
const { einops, graph, input, layers, nn, ops, sequential, ShapeError } = await import("../src/index.ts");
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
    newGlobals: globalsAfter.filter((key) => !globalsBefore.includes(key)),
    registered: { before, after },
  }),
);
