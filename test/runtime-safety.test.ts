// What the runtime guards (issue 21; docs/runtime.md, "What the runtime guards"): a save never
// destroys the model that was there, a load checks its files, training and prediction refuse
// non-finite values, the process's own error handlers decide after the wasm backend starts,
// nothing hangs or leaks, and inputs that tfjs would misread get shapecheck's own errors.
import assert from "node:assert/strict";
import { execFileSync, spawn, spawnSync } from "node:child_process";
import {
  appendFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import { fileURLToPath } from "node:url";
import * as tf from "@tensorflow/tfjs-core";
import * as tfl from "@tensorflow/tfjs-layers";
import { input, nn, sequential, ShapeError } from "../src/index.ts";
import { build, DataError, fileSystem, load, ModelFileError, ready } from "../src/tfjs.ts";

const dir = mkdtempSync(path.join(tmpdir(), "shapecheck-safety-"));
const here = path.dirname(fileURLToPath(import.meta.url));
const child = path.join(here, "runtime-safety-child.ts");
before(async () => {
  await ready();
});
after(() => rmSync(dir, { recursive: true, force: true }));

const small = () => sequential(input([4]), nn.linear(4, 3), nn.logSoftmax(1));
const conv = () =>
  sequential(
    input([1, 8, 8]),
    nn.conv2d(1, 4, 3, 1),
    nn.relu(),
    nn.maxPool2d(2),
    nn.flatten(),
    nn.linear(36, 10),
    nn.logSoftmax(1),
  );
/** Every weight's raw bytes. */
const bytes = (model: tfl.LayersModel) =>
  model.weights.map((w) => Buffer.from(w.read().dataSync().buffer).toString("hex"));
/** The weights file model.json names. */
const weightsFileOf = (where: string) =>
  path.join(where, JSON.parse(readFileSync(path.join(where, "model.json"), "utf8")).weightsManifest[0].paths[0]);
/** A model of `net` whose every weight is `value`. */
function filled<M extends { tfjs: tfl.LayersModel }>(model: M, value: number): M {
  model.tfjs.setWeights(model.tfjs.weights.map((w) => tf.fill(w.read().shape, value)));
  return model;
}
/** The one value of every weight of a model, or NaN when they differ. */
const onlyValue = (model: tfl.LayersModel): number => {
  const values = new Set(model.weights.flatMap((w) => [...w.read().dataSync()]));
  return values.size === 1 ? [...values][0]! : NaN;
};

// 1. Saves are atomic.

test("a save that fails part-way (disk full, on a real tmpfs) leaves the previous model loadable and unchanged", async (t) => {
  const disk = path.join(dir, "tmpfs");
  mkdirSync(disk);
  try {
    execFileSync("mount", ["-t", "tmpfs", "-o", "size=256k", "tmpfs", disk], { stdio: "ignore" });
  } catch {
    t.skip("cannot mount a tmpfs here (needs root)");
    return;
  }
  try {
    const where = path.join(disk, "model");
    const saved = filled(build(small()), 0.5);
    await saved.save(where);
    const before = { json: readFileSync(path.join(where, "model.json"), "utf8"), files: readdirSync(where).sort() };
    // The same directory, a model of 512·1024 weights: 2 MB on a 256 KB disk.
    const big = build(sequential(input([4]), nn.linear(4, 512), nn.linear(512, 1024), nn.logSoftmax(1)));
    await assert.rejects(big.save(where), (error: unknown) => {
      assert.ok(error instanceof ModelFileError);
      assert.match(
        error.message,
        new RegExp(
          `^save: cannot write ${where}/\\.weights\\.[0-9a-z]+\\.bin\\.partial \\(ENOSPC: no space left on device\\); the model that was in ${where} is unchanged$`,
        ),
      );
      return true;
    });
    // What the failed save left behind: nothing; the old model is as it was and loads.
    assert.deepEqual(readdirSync(where).sort(), before.files);
    assert.equal(readFileSync(path.join(where, "model.json"), "utf8"), before.json);
    const loaded = await load(small(), where);
    assert.deepEqual(bytes(loaded.tfjs), bytes(saved.tfjs));
    t.diagnostic(`after the failed save: ${readdirSync(where).join(", ")}`);
  } finally {
    execFileSync("umount", [disk]);
  }
});

test("a save killed part-way (SIGKILL of the saving process) leaves a complete model, the last or the one before", async (t) => {
  const where = path.join(dir, "killed");
  const delays = [150, 260, 370, 480, 590];
  for (const delay of delays) {
    const saver = spawn(process.execPath, ["--import", "tsx", child, "save-loop", where], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    let output = "";
    saver.stdout.on("data", (chunk) => (output += chunk));
    await new Promise<void>((resolve) => saver.stdout.on("data", () => output.includes("saved 1") && resolve()));
    await new Promise((resolve) => setTimeout(resolve, delay));
    saver.kill("SIGKILL");
    await new Promise((resolve) => saver.on("exit", resolve));
    const last = Math.max(...[...output.matchAll(/saved (\d+)/g)].map((m) => Number(m[1])));
    const loaded = await load(sequential(input([512]), nn.linear(512, 1024)), where);
    const value = onlyValue(loaded.tfjs);
    assert.ok(value === last || value === last + 1, `killed after "saved ${last}", loaded a model of ${value}`);
    t.diagnostic(
      `killed after ${delay} ms, after "saved ${last}": loaded ${value}; left: ${readdirSync(where).sort().join(", ")}`,
    );
    loaded.dispose();
  }
  // The next save removes what the killed ones left, once it is an hour old (a save still writing
  // its files has touched them recently).
  const fresh = path.join(where, ".weights.zzzz.bin.partial");
  writeFileSync(fresh, "");
  const hoursAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
  for (const name of readdirSync(where))
    if (name !== path.basename(fresh)) utimesSync(path.join(where, name), hoursAgo, hoursAgo);
  await build(sequential(input([512]), nn.linear(512, 1024))).save(where);
  assert.deepEqual(
    readdirSync(where).sort(),
    [path.basename(fresh), "model.json", path.basename(weightsFileOf(where))].sort(),
  );
});

test("10 saves to one directory at once leave one complete model and one weights file (5 rounds)", async () => {
  const net = () => sequential(input([512]), nn.linear(512, 1024)); // 2 MB: Node writes it in several pieces
  for (let round = 0; round < 5; round++) {
    const where = path.join(dir, `concurrent-${round}`);
    // Save i: every weight is i, and its model.json says i.
    const models = Array.from({ length: 10 }, (_, i) => filled(build(net()), i + 1));
    models.forEach((m, i) => m.tfjs.setUserDefinedMetadata({ ...m.tfjs.getUserDefinedMetadata(), save: i + 1 }));
    // Started a few milliseconds apart, so that one save's writes fall between another's.
    await Promise.all(
      models.map(async (m, i) => {
        await new Promise((resolve) => setTimeout(resolve, i * round));
        await m.save(where);
      }),
    );
    const files = readdirSync(where).sort();
    assert.deepEqual(files, ["model.json", path.basename(weightsFileOf(where))].sort());
    const loaded = await load(net(), where);
    const saved = (loaded.tfjs.getUserDefinedMetadata() as { save: number }).save;
    assert.equal(
      onlyValue(loaded.tfjs),
      saved,
      `round ${round}: model.json of save ${saved}, weights ${onlyValue(loaded.tfjs)}`,
    );
    models.forEach((m) => m.dispose());
    loaded.dispose();
  }
});

test("two processes saving to one directory in loops: every load meanwhile gets one complete model", async (t) => {
  const where = path.join(dir, "two-processes");
  const savers = [1, 100_001].map((first) =>
    spawn(process.execPath, ["--import", "tsx", child, "save-loop", where, String(first)], {
      stdio: ["ignore", "pipe", "inherit"],
    }),
  );
  try {
    await Promise.all(
      savers.map(
        (saver) =>
          new Promise<void>((resolve) =>
            saver.stdout.on("data", (chunk: Buffer) => chunk.toString().includes("saved") && resolve()),
          ),
      ),
    );
    const seen: number[] = [];
    for (let i = 0; i < 10; i++) {
      const loaded = await load(sequential(input([512]), nn.linear(512, 1024)), where);
      const value = onlyValue(loaded.tfjs);
      assert.ok(Number.isInteger(value), `load ${i} got weights of several saves`);
      seen.push(value);
      loaded.dispose();
      await new Promise((resolve) => setTimeout(resolve, 30));
    }
    t.diagnostic(`loaded while saving: ${seen.join(", ")}`);
  } finally {
    savers.forEach((saver) => saver.kill("SIGKILL"));
    await Promise.all(
      savers.map(
        (saver) =>
          new Promise((resolve) =>
            saver.exitCode !== null || saver.signalCode !== null ? resolve(null) : saver.on("exit", resolve),
          ),
      ),
    );
  }
  assert.ok(Number.isInteger(onlyValue((await load(sequential(input([512]), nn.linear(512, 1024)), where)).tfjs)));
});

test("a save to a .json path keeps one weights file next to it, named after it", async () => {
  const where = path.join(dir, "json-target");
  const model = build(small());
  await model.save(path.join(where, "net.json"));
  await model.save(path.join(where, "net.json"));
  const files = readdirSync(where).sort();
  assert.equal(files.length, 2);
  assert.match(files[1]!, /^net\.weights\.[0-9a-z]+\.bin$/);
  assert.deepEqual(bytes((await load(small(), path.join(where, "net.json"))).tfjs), bytes(model.tfjs));
});

// 2. Loads verify.

test("load refuses weights of another size than the manifest's, naming the files", async () => {
  const where = path.join(dir, "extra-bytes");
  await build(small()).save(where);
  const weights = weightsFileOf(where);
  appendFileSync(weights, Buffer.alloc(4096));
  await assert.rejects(load(small(), where), {
    name: "ModelFileError",
    message: `load: ${weights} holds 4156 bytes, the weights manifest of ${where}/model.json describes 60: the files do not belong together, or one is truncated`,
  });
});

test("load refuses weights that do not match the saved checksum", async () => {
  const where = path.join(dir, "flipped");
  await build(small()).save(where);
  const weights = weightsFileOf(where);
  const content = readFileSync(weights);
  content[7]! ^= 0x40; // one bit of one weight
  writeFileSync(weights, content);
  await assert.rejects(load(small(), where), {
    name: "ModelFileError",
    message: `load: ${weights} does not match the checksum (weightsSha256) in ${where}/model.json: the weights are corrupt or from another save`,
  });
});

test("load refuses a model.json without a weights manifest (it would load with random weights)", async () => {
  const where = path.join(dir, "no-manifest");
  await build(small()).save(where);
  const json = JSON.parse(readFileSync(path.join(where, "model.json"), "utf8"));
  delete json.weightsManifest;
  writeFileSync(path.join(where, "model.json"), JSON.stringify(json));
  await assert.rejects(load(small(), where), {
    name: "ModelFileError",
    message: `load: ${where}/model.json has no valid weightsManifest: it does not say where the weights are (the model would get random weights)`,
  });
});

test("load refuses a truncated model.json, naming it", async () => {
  const where = path.join(dir, "truncated");
  await build(small()).save(where);
  const text = readFileSync(path.join(where, "model.json"), "utf8");
  writeFileSync(path.join(where, "model.json"), text.slice(0, 100));
  await assert.rejects(load(small(), where), (error: unknown) => {
    assert.ok(error instanceof ModelFileError);
    assert.match(
      error.message,
      new RegExp(`^load: ${where}/model\\.json is not valid JSON \\(.+\\): it is truncated or corrupt$`),
    );
    return true;
  });
});

test("a saved model still loads with plain tf.loadLayersModel, checksum field and all", async () => {
  const where = path.join(dir, "plain");
  const model = build(small());
  await model.save(where);
  const plain = await tfl.loadLayersModel(fileSystem(where));
  assert.deepEqual(bytes(plain), bytes(model.tfjs));
  assert.match(JSON.parse(readFileSync(path.join(where, "model.json"), "utf8")).weightsSha256, /^[0-9a-f]{64}$/);
});

// 3. Non-finite values.

test("fit refuses a NaN pixel, naming the tensor and the first bad index; the weights stay as they were", async () => {
  const model = build(conv()).compile({ loss: "nll" });
  const before = bytes(model.tfjs);
  const pixels = tf.buffer([4, 1, 8, 8]);
  pixels.set(NaN, 2, 0, 3, 5);
  const labels = tf.tensor([0, 1, 2, 3], [4], "int32");
  await assert.rejects(model.fit(pixels.toTensor(), labels, { verbose: 0 }), {
    name: "DataError",
    message: "fit (x): the value at [2, 0, 3, 5] is NaN; the data must be finite numbers",
  });
  assert.deepEqual(bytes(model.tfjs), before);
  const mse = build(small()).compile({ loss: "meanSquaredError" });
  await assert.rejects(
    mse.fit(
      tf.zeros([2, 4]),
      tf.tensor([
        [0, 0, 0],
        [0, Infinity, 0],
      ]),
      { verbose: 0 },
    ),
    {
      name: "DataError",
      message: "fit (y): the value at [1, 1] is Infinity; the data must be finite numbers",
    },
  );
  await assert.rejects(model.evaluate(pixels.toTensor(), labels), {
    name: "DataError",
    message: "evaluate (x): the value at [2, 0, 3, 5] is NaN; the data must be finite numbers",
  });
});

test("a training step whose loss or weights become non-finite is undone, and fit says so", async () => {
  const model = build(small()).compile({ loss: "nll", optimizer: "sgd", learningRate: 1e38 });
  const x = tf.randomNormal([8, 4], 0, 10, "float32", 3);
  const y = tf.tensor([0, 1, 2, 0, 1, 2, 0, 1], [8], "int32");
  let beforeLastBatch: string[] = [];
  const remember = { onBatchBegin: () => void (beforeLastBatch = bytes(model.tfjs)) }; // runs before each step
  await assert.rejects(
    model.fit(x, y, { verbose: 0, batchSize: 8, epochs: 5, callbacks: remember }),
    (error: unknown) => {
      assert.ok(error instanceof DataError);
      assert.match(
        error.message,
        /^fit: (a weight became non-finite \(NaN or infinite\)|the loss became (NaN|Infinity)) in epoch \d, batch 1; training stopped and the weights are those from before that batch/,
      );
      return true;
    },
  );
  assert.deepEqual(bytes(model.tfjs), beforeLastBatch);
  assert.ok(model.tfjs.weights.every((w) => w.read().dataSync().every(Number.isFinite)));
});

test("predict refuses non-finite inputs (backends disagree on them)", () => {
  const model = build(small());
  assert.throws(
    () =>
      model.predict(
        tf.tensor([
          [0, 1, 2, 3],
          [4, 5, -Infinity, 7],
        ]),
      ),
    {
      name: "DataError",
      message: "predict: the value at [1, 2] is -Infinity; the data must be finite numbers",
    },
  );
});

test("the same on the cpu backend: NaN refused, a diverging step undone", async () => {
  await ready({ backend: "cpu" });
  try {
    const model = build(small()).compile({ loss: "nll", optimizer: "sgd", learningRate: 1e38 });
    assert.throws(() => model.predict(tf.tensor([[0, NaN, 2, 3]])), {
      name: "DataError",
      message: "predict: the value at [0, 1] is NaN; the data must be finite numbers",
    });
    const x = tf.randomNormal([8, 4], 0, 10, "float32", 3);
    await assert.rejects(
      model.fit(x, tf.tensor([0, 1, 2, 0, 1, 2, 0, 1], [8], "int32"), { verbose: 0, batchSize: 8, epochs: 5 }),
      { name: "DataError" },
    );
    assert.ok(model.tfjs.weights.every((w) => w.read().dataSync().every(Number.isFinite)));
  } finally {
    await ready({ backend: "wasm" });
  }
});

// 4. The process survives its user's errors.

test("after the wasm backend starts, the application's unhandledRejection handler decides (no exit code 7)", () => {
  const run = spawnSync(process.execPath, ["--import", "tsx", child, "rejection"], { encoding: "utf8" });
  assert.equal(run.status, 0, run.stderr.slice(0, 500));
  assert.equal(run.stdout, "handled: the application's own rejection\nstill running\n");
  const crash = spawnSync(process.execPath, ["--import", "tsx", child, "uncaught"], { encoding: "utf8" });
  assert.equal(crash.status, 1); // Node's own default, not Emscripten's rethrow (7)
  assert.match(crash.stderr, /Error: the application's own exception/);
  assert.ok(crash.stderr.length < 2000, `stderr is ${crash.stderr.length} characters`);
});

// 5. No hangs, no leaks.

test("a save to an impossible place fails promptly, naming the path", async () => {
  const started = Date.now();
  const timeout = new Promise((_, reject) =>
    setTimeout(() => reject(new Error("save did not settle in 5 s")), 5000).unref(),
  );
  await assert.rejects(Promise.race([build(small()).save("/proc/m"), timeout]), {
    name: "ModelFileError",
    message: "save: cannot create the directory /proc/m (ENOENT: no such file or directory)",
  });
  assert.ok(Date.now() - started < 1000);
  writeFileSync(path.join(dir, "a-file"), "");
  await assert.rejects(build(small()).save(path.join(dir, "a-file", "model")), {
    name: "ModelFileError",
    message: `save: cannot create the directory ${dir}/a-file/model (ENOTDIR: not a directory)`,
  });
});

test("tf.memory().numTensors is flat over 100 fits, 100 evaluates and 100 failed loads", async (t) => {
  const model = build(conv()).compile({ loss: "nll", metrics: ["accuracy"] });
  const x = tf.randomNormal([8, 1, 8, 8], 0, 1, "float32", 5);
  const y = tf.tensor([0, 1, 2, 3, 4, 5, 6, 7], [8], "int32");
  await model.fit(x, y, { verbose: 0, batchSize: 4 }); // the optimizer's state is made once
  const where = path.join(dir, "leaks");
  await model.save(where);
  const corrupt = path.join(dir, "leaks-corrupt");
  await model.save(corrupt);
  appendFileSync(weightsFileOf(corrupt), Buffer.alloc(8));
  const renamed = path.join(dir, "leaks-renamed"); // weights whose name the model lacks: tfjs fails after building the model
  await model.save(renamed);
  const json = JSON.parse(readFileSync(path.join(renamed, "model.json"), "utf8"));
  json.weightsManifest[0].weights[0].name = "renamed";
  writeFileSync(path.join(renamed, "model.json"), JSON.stringify(json));
  await assert.rejects(load(conv(), renamed), {
    name: "ModelFileError",
    message: `load(${renamed}): the stored weights do not fit the stored model (Provided weight data has no target variable: renamed)`,
  });
  const other = sequential(
    input([1, 8, 8]),
    nn.conv2d(1, 4, 3, 1),
    nn.relu(),
    nn.maxPool2d(2),
    nn.flatten(),
    nn.linear(36, 10),
    nn.softmax(1),
  );
  const failedLoads = [
    () => load(conv(), path.join(dir, "nowhere")),
    () => load(conv(), corrupt),
    () => load(other, where),
    () => load(conv(), renamed),
  ];

  const start = tf.memory().numTensors;
  for (let i = 0; i < 100; i++) await model.fit(x, y, { verbose: 0, batchSize: 4 });
  const afterFits = tf.memory().numTensors;
  for (let i = 0; i < 100; i++) await model.evaluate(x, y);
  const afterEvaluates = tf.memory().numTensors;
  for (let i = 0; i < 100; i++) await assert.rejects(failedLoads[i % 4]!());
  const afterLoads = tf.memory().numTensors;
  t.diagnostic(
    `tensors: ${start} before, ${afterFits} after 100 fits, ${afterEvaluates} after 100 evaluates, ${afterLoads} after 100 failed loads`,
  );
  assert.deepEqual([afterFits, afterEvaluates, afterLoads], [start, start, start]);
});

// 6. Inputs the boundary still let through.

test("class indices must all be integers, not only the smallest and largest", async () => {
  const model = build(small()).compile({ loss: "nll" });
  await assert.rejects(model.fit(tf.zeros([3, 4]), tf.tensor([0, 1.5, 2]), { verbose: 0 }), {
    name: "RangeError",
    message: "fit (y): class indices must be integers from 0 to 2, got 1.5 at [1]",
  });
});

test("empty batches, string tensors and disposed tensors get shapecheck's errors; Float64Array works", async () => {
  const model = build(small()).compile({ loss: "nll" });
  assert.throws(() => model.predict(tf.zeros([0, 4])), {
    name: "DataError",
    message: "predict: the batch is empty (0 examples, shape [0, 4])",
  });
  await assert.rejects(model.evaluate(tf.zeros([0, 4]), tf.zeros([0], "int32")), {
    name: "DataError",
    message: "evaluate (x): the batch is empty (0 examples, shape [0, 4])",
  });
  assert.throws(() => model.predict(tf.tensor([["a", "b", "c", "d"]])), {
    name: "DataError",
    message: "predict: expected numbers (a float32 or int32 tensor), got a string tensor",
  });
  assert.throws(() => model.predict([["a", "b", "c", "d"]] as never), {
    name: "DataError",
    message: "predict: expected numbers (a float32 or int32 tensor), got a string tensor",
  });
  const gone = tf.zeros([2, 4]);
  gone.dispose();
  assert.throws(() => model.predict(gone), { name: "DataError", message: "predict: the tensor has been disposed" });
  const values = Array.from({ length: 8 }, (_, i) => i / 8);
  assert.deepEqual(
    model.predict(new Float64Array(values)).dataSync(),
    model.predict(new Float32Array(values)).dataSync(),
  );
});

test("fit's options are checked: validationSplit a fraction, epochs a positive integer", async () => {
  const model = build(small()).compile({ loss: "nll" });
  const [x, y] = [tf.zeros([4, 4]), tf.tensor([0, 1, 2, 0], [4], "int32")];
  await assert.rejects(model.fit(x, y, { validationSplit: 1.5 }), {
    name: "RangeError",
    message: "fit: validationSplit must be a fraction from 0 up to (not including) 1, got 1.5",
  });
  await assert.rejects(model.fit(x, y, { epochs: -1 }), {
    name: "RangeError",
    message: "fit: epochs must be an integer of at least 1, got -1",
  });
  await assert.rejects(model.fit(x, y, { batchSize: 0 }), {
    name: "RangeError",
    message: "fit: batchSize must be an integer of at least 1, got 0",
  });
  await assert.rejects(model.fit(x, y, { epochs: 2, initialEpoch: 2 }), {
    name: "RangeError",
    message:
      "fit: initialEpoch (2) must be below epochs (2): as in tfjs, epochs is the index the training stops at, not a number of epochs to add",
  });
  await assert.rejects(model.fit(x, y, { validationSplit: 0.8, verbose: 0 }), {
    name: "RangeError",
    message: "fit: validationSplit 0.8 of 4 examples leaves none to train on",
  });
  assert.throws(() => model.predict(x, { batchSize: 1.5 }), {
    name: "RangeError",
    message: "predict: batchSize must be an integer of at least 1, got 1.5",
  });
});

test('save("") and load("") are refused (they would use the working directory)', async () => {
  const message =
    'save: expected a directory (such as "./my-model"), a file:// or other TensorFlow.js URL, or an IOHandler, got ""';
  await assert.rejects(build(small()).save(""), { name: "ModelFileError", message });
  await assert.rejects(load(small(), ""), { name: "ModelFileError", message: message.replace("save", "load") });
  assert.ok(!(await import("node:fs")).existsSync(path.join(process.cwd(), "model.json")));
});

test("ShapeError stays the error for shapes", () => {
  assert.throws(() => build(small()).predict(tf.zeros([2, 5])), ShapeError);
});
