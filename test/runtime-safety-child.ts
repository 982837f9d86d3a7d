// Child processes for test/runtime-safety.test.ts (run with `node --import tsx`):
//   save-loop <dir> [first]: saves models whose every weight is k (k = first, first + 1, …; first
//                    defaults to 1) to <dir>, printing "saved k" after each, until killed;
//   rejection:       an unhandled rejection that the application handles, after the wasm backend started;
//   uncaught:        an uncaught exception without a handler, after the wasm backend started.
import { input, nn, sequential } from "../src/index.ts";
import { build, ready } from "../src/tfjs.ts";
import * as tf from "@tensorflow/tfjs-core";

const [mode, dir, first = "1"] = process.argv.slice(2);
await ready({ backend: "wasm" });

if (mode === "save-loop") {
  const model = build(sequential(input([512]), nn.linear(512, 1024))); // 2 MB of weights
  for (let k = Number(first); ; k++) {
    model.tfjs.setWeights(model.tfjs.weights.map((w) => tf.fill(w.read().shape, k)));
    await model.save(dir!);
    process.stdout.write(`saved ${k}\n`);
  }
} else if (mode === "rejection") {
  process.on("unhandledRejection", (reason) => {
    console.log(`handled: ${(reason as Error).message}`);
  });
  void Promise.reject(new Error("the application's own rejection"));
  setTimeout(() => console.log("still running"), 50);
} else if (mode === "uncaught") {
  setTimeout(() => {
    throw new Error("the application's own exception");
  }, 0);
}
