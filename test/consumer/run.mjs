// Consumer tests of the packed package, as a user meets it (issue 15). Run by test/consumer.test.ts,
// or alone: node test/consumer/run.mjs [types|node|browser|checker ...] (default: all; --keep keeps the project).
//  1. `npm pack` (its `prepare` builds dist/), then a fresh project outside the repository (so nothing
//     resolves into the repo's node_modules) installs the tarball, its TensorFlow.js peers, @types/node
//     and ts-expect with `npm install --prefer-offline` (from npm's cache when it holds them).
//  2. types: TypeScript 5.9 and 7 (the repo's compilers), strictest settings, moduleResolution
//     "bundler" and "nodenext": no error in shapecheck's declarations; MNIST's output type is
//     [number, 10]; the 9000 version gets exactly one error, on its line, with the text the sources give;
//     a sample of test-d (exact-type assertions and error fixtures) holds against the package.
//  3. node: an .mjs script builds a model, trains one step on the default backend, catches a
//     ShapeError; a CommonJS script require()s the package and gets the same ShapeError class (one
//     module instance: require(esm)); the CLI explains a .mjs model file without tsx.
//  4. browser: examples/web bundled with esbuild from the installed package, run in headless Chromium:
//     the page shows the shape error text, finished training steps and a prediction, with no page error.
//  5. checker: a project with the tarball alone (npm adds the required peers tfjs-core and -layers, no
//     backend, no tsx) imports `shapecheck`, builds models, catches ShapeErrors; no declaration error.
import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";

export const root = resolve(import.meta.dirname, "../..");
export const compilers = {
  "TypeScript 5.9": join(root, "node_modules/typescript/bin/tsc"),
  "TypeScript 7": join(root, "node_modules/typescript-7/bin/tsc"),
};
const versionOf = (name) => JSON.parse(readFileSync(join(root, "node_modules", name, "package.json"), "utf8")).version;

/** Packs the package (building it) and installs it in a fresh project; returns the project's directory. */
export function makeProject() {
  const work = mkdtempSync(join(tmpdir(), "shapecheck-consumer-"));
  execFileSync("npm", ["pack", "--silent", "--pack-destination", work], {
    cwd: root,
    stdio: ["ignore", "ignore", "inherit"],
  });
  const tarball = readdirSync(work).find((name) => name.endsWith(".tgz"));
  const project = join(work, "project");
  mkdirSync(project);
  writeFileSync(join(project, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module" }));
  const peers = [
    "@tensorflow/tfjs-core",
    "@tensorflow/tfjs-layers",
    "@tensorflow/tfjs-backend-wasm",
    "@tensorflow/tfjs-backend-cpu",
    "@types/node",
    "ts-expect",
  ].map((name) => `${name}@${versionOf(name)}`);
  execFileSync(
    "npm",
    ["install", "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error", join(work, tarball), ...peers],
    { cwd: project, stdio: ["ignore", "ignore", "inherit"] },
  );
  return project;
}

/** A compiler's diagnostics on a project: { file (relative to the project), line, text }. */
export function diagnostics(tsc, project, config) {
  const run = spawnSync(process.execPath, [tsc, "-p", config, "--pretty", "false"], {
    cwd: project,
    encoding: "utf8",
    maxBuffer: 1 << 28,
  });
  const found = [];
  for (const line of `${run.stdout}${run.stderr}`.split("\n")) {
    const head = line.match(/^(.+?)\((\d+),(\d+)\): error (TS\d+): (.*)$/);
    if (head)
      found.push({
        file: relative(project, resolve(project, head[1])),
        line: Number(head[2]),
        text: `${head[4]}: ${head[5]}`,
      });
    else if (/^error TS/.test(line)) found.push({ file: "", line: 0, text: line });
    else if (line.startsWith(" ") && found.length > 0) found.at(-1).text += `\n${line.trim()}`;
  }
  return found;
}

const strictest = {
  target: "ES2022",
  strict: true,
  exactOptionalPropertyTypes: true,
  noUncheckedIndexedAccess: true,
  verbatimModuleSyntax: true,
  skipLibCheck: false,
  noEmit: true,
  types: ["node"],
};

/** The MNIST network of the spec, its output type, and the 9000 version (its error line marked). */
export const mnistFile = `import { input, nn, sequential, type OutputShape } from "shapecheck";
import { expectType, type TypeEqual } from "ts-expect";

export const net = sequential(
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
expectType<TypeEqual<OutputShape<typeof net>, [number, 10]>>(true);

export const wrong = sequential(
  input([1, 28, 28]),
  nn.conv2d(1, 32, 3, 1),
  nn.relu(),
  nn.conv2d(32, 64, 3, 1),
  nn.relu(),
  nn.maxPool2d(2),
  nn.dropout(0.25),
  nn.flatten(),
  nn.linear(9000, 128), // the one error
  nn.relu(),
  nn.dropout(0.5),
  nn.linear(128, 10),
  nn.logSoftmax(1),
);
`;
const wrongLine = mnistFile.split("\n").findIndex((line) => line.includes("// the one error")) + 1;

/** test-d files run against the package: exact-type assertions (ts-expect) and error fixtures (`// error: <text>`). */
export const testDSample = [
  "test-d/arith/divide.test-d.ts",
  "test-d/nn/conv.test-d.ts",
  "test-d/layers/conv.test-d.ts",
  "test-d/model/functional.test-d.ts",
  "test-d/errors/nn/linear.ts",
  "test-d/errors/layers/conv.ts",
  "test-d/errors/model/spec-network.ts",
  "test-d/errors/runtime/boundary.ts",
  "test-d/errors/arith/invalid-as-dimension.ts",
  // later features: user-defined layers, models as layers, recurrent states, ops and einops, transformers,
  // the layers vocabulary's option types
  "test-d/define-layer.test-d.ts",
  "test-d/errors/define-layer.ts",
  "test-d/model/model-as-layer.test-d.ts",
  "test-d/errors/model/model-as-layer.ts",
  "test-d/nn/rnn-states.test-d.ts",
  "test-d/errors/nn/recurrent-states.ts",
  "test-d/model/ops-examples.test-d.ts",
  "test-d/model/helpers-ops.test-d.ts",
  "test-d/errors/model/functional.ts",
  "test-d/nn/transformer.test-d.ts",
  "test-d/errors/nn/transformer.ts",
  "test-d/layers/recurrent.test-d.ts",
  "test-d/errors/layers/options.ts",
];

/**
 * Copies a repository file into the project's types/ at the same relative path, and the files it imports
 * with a relative specifier (test-d files import examples/), those specifiers written with `.js` as users
 * write them (the repository's `.ts` specifiers need allowImportingTsExtensions).
 */
function copyWithImports(file, dir, copied = new Set()) {
  if (copied.has(file)) return copied;
  copied.add(file);
  const text = readFileSync(join(root, file), "utf8");
  const target = join(dir, file);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, text.replace(/(from\s*["'])(\.{1,2}\/[^"'\n]*?)\.ts(["'])/g, "$1$2.js$3"));
  for (const [, specifier] of text.matchAll(/from\s*["'](\.{1,2}\/[^"'\n]*?\.ts)["']/g))
    copyWithImports(relative(root, resolve(root, dirname(file), specifier)), dir, copied);
  return copied;
}

/** What the sources say on the 9000 line, per compiler (the repo's tsconfig maps the package's names to src/). */
function sourceMessages() {
  const dir = join(root, ".tmp", "consumer-sources");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "mnist.ts"), mnistFile);
  writeFileSync(
    join(dir, "tsconfig.json"),
    JSON.stringify({ extends: "../../tsconfig.json", include: ["mnist.ts"], exclude: [] }),
  );
  const messages = {};
  for (const [name, tsc] of Object.entries(compilers))
    messages[name] = diagnostics(tsc, dir, "tsconfig.json").map(({ line, text }) => ({ line, text }));
  rmSync(dir, { recursive: true, force: true });
  return messages;
}

/** Every entry's public names (SPEC), for their declarations under each resolution. */
const entriesFile = `import { defineLayer, einops, graph, input, layers, nn, ops, sequential, ShapeError } from "shapecheck";
import { build, load, ready, tensor, toTfjs } from "shapecheck/tfjs";
import { explainFile, render } from "shapecheck/explain";
import { toPyTorch } from "shapecheck/pytorch";
import { toOnnx } from "shapecheck/onnx";

export const entries = [defineLayer, einops, graph, input, layers, nn, ops, sequential, ShapeError];
export const runtime = [build, load, ready, tensor, toTfjs, explainFile, render, toPyTorch, toOnnx];
`;

/** The type checks; returns { failures, notes }. */
export function checkTypes(project) {
  const failures = [];
  const notes = [];
  const dir = join(project, "types");
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "mnist.ts"), mnistFile);
  writeFileSync(join(dir, "entries.ts"), entriesFile);
  const expected = [{ file: "types/mnist.ts", line: wrongLine, text: null }];
  for (const file of testDSample) {
    const target = join(dir, file);
    copyWithImports(file, dir);
    readFileSync(target, "utf8")
      .split("\n")
      .forEach((text, index) => {
        const match = text.match(/\/\/ error: (.*)$/);
        if (match) expected.push({ file: relative(project, target), line: index + 1, text: match[1].trim() });
      });
  }
  const fromSources = sourceMessages();
  for (const resolution of ["bundler", "nodenext"]) {
    const config = `tsconfig.${resolution}.json`;
    writeFileSync(
      join(project, config),
      JSON.stringify({
        compilerOptions: {
          ...strictest,
          module: resolution === "bundler" ? "esnext" : "nodenext",
          moduleResolution: resolution,
        },
        include: ["types/**/*.ts"],
      }),
    );
    for (const [name, tsc] of Object.entries(compilers)) {
      const where = `${name}, moduleResolution ${resolution}`;
      const found = diagnostics(tsc, project, config);
      // Errors in other packages' declarations (TensorFlow.js's, @webgpu/types' against the compiler's
      // lib.dom) are theirs: noted, not failed. shapecheck's declarations must give none.
      const mine = (d) => d.file.startsWith("types/") || d.file.startsWith("node_modules/shapecheck/");
      const others = found.filter((d) => !mine(d));
      if (others.length > 0) {
        const packages = [
          ...new Set(
            others.map(
              (d) => d.file.match(/^node_modules\/((?:@[^/]+\/)?[^/]+)/)?.[1] ?? d.file.replace(/^.*\/lib\//, "lib/"),
            ),
          ),
        ];
        notes.push(
          `${where}: ${others.length} errors in other packages' declarations (skipLibCheck: false): ${packages.join(", ")}`,
        );
      }
      for (const d of found.filter((d) => d.file.startsWith("node_modules/shapecheck/")))
        failures.push(`${where}: error in shapecheck's declarations: ${d.file}:${d.line}: ${d.text}`);
      const ours = found.filter((d) => d.file.startsWith("types/"));
      for (const want of expected) {
        const here = ours.filter((d) => d.file === want.file && d.line === want.line);
        if (want.text === null) {
          // the 9000 line: exactly one error, with the sources' text
          const source = fromSources[name].filter((d) => d.line === want.line);
          if (here.length !== 1)
            failures.push(`${where}: ${want.file}:${want.line}: ${here.length} errors, expected 1`);
          else if (source.length !== 1 || source[0].text !== here[0].text)
            failures.push(
              `${where}: the 9000 line's message differs from the sources':\n  package: ${here[0].text}\n  sources: ${source.map((d) => d.text).join(" | ")}`,
            );
          else notes.push(`${where}: the 9000 line: ${here[0].text.split("\n")[0]}`);
        } else if (!here.some((d) => d.text.includes(want.text)))
          failures.push(
            `${where}: ${want.file}:${want.line}: expected an error containing ${want.text}, got ${here.map((d) => d.text).join(" | ") || "none"}`,
          );
      }
      for (const d of ours)
        if (!expected.some((want) => want.file === d.file && want.line === d.line))
          failures.push(`${where}: unexpected error: ${d.file}:${d.line}: ${d.text}`);
      const sourceOthers = fromSources[name].filter((d) => d.line !== wrongLine);
      if (sourceOthers.length > 0)
        failures.push(`${name}: the sources give other errors on mnist.ts: ${JSON.stringify(sourceOthers)}`);
    }
  }
  return { failures, notes };
}

const nodeScript = `import { input, nn, sequential, ShapeError } from "shapecheck";
import { build, ready, tensor } from "shapecheck/tfjs";

const backend = await ready();
const net = sequential(input([1, 8, 8]), nn.conv2d(1, 4, 3), nn.relu(), nn.flatten(), nn.linear(144, 10), nn.logSoftmax(1));
const model = build(net).compile({ optimizer: "adam", loss: "nll" });
const images = tensor(Array.from({ length: 4 * 64 }, (_, i) => (i % 7) / 7), [null, 1, 8, 8]);
const labels = tensor([1, 2, 3, 4], [null], "int32");
const history = await model.fit(images, labels, { epochs: 1, batchSize: 4, verbose: 0 });
let error;
try {
  const layers = [nn.flatten(), nn.linear(60, 10)];
  sequential(input([1, 8, 8]), ...layers);
} catch (e) {
  error = e;
}
console.log(JSON.stringify({ backend, loss: history.history.loss, shapeError: error instanceof ShapeError, message: error?.message }));
`;
const cjsScript = `const { ShapeError, nn } = require("shapecheck");
const tfjs = require("shapecheck/tfjs");
import("shapecheck").then(async (esm) => {
  const esmTfjs = await import("shapecheck/tfjs");
  let error;
  try { nn.linear(0, 3); } catch (e) { error = e; }
  // every other entry: require() gives the module import() gives (one instance)
  const entries = ["shapecheck/explain", "shapecheck/pytorch", "shapecheck/onnx", "shapecheck/ts-plugin"];
  const others = [];
  for (const entry of entries) {
    const required = require(entry);
    const imported = await import(entry);
    const same =
      imported.default === required || // the plugin is CommonJS: import() gives its module.exports as default
      (Object.keys(imported).length > 0 && Object.keys(imported).every((key) => imported[key] === required[key]));
    if (!same)
      others.push(entry);
  }
  console.log(JSON.stringify({
    sameClass: esm.ShapeError === ShapeError,
    sameRuntime: esmTfjs.build === tfjs.build,
    caught: error instanceof esm.ShapeError,
    sameEntries: others.length === 0 ? true : others,
  }));
});
`;
const cliModel = `import { input, nn, sequential } from "shapecheck";
export const net = sequential(input([1, 28, 28]), nn.flatten(), nn.linear(784, 10));
`;

/** Plain Node: returns { failures, notes }. */
export function checkNode(project) {
  const failures = [];
  const notes = [];
  const run = (args) => {
    const result = spawnSync(process.execPath, args, { cwd: project, encoding: "utf8", timeout: 180_000 });
    if (result.status !== 0) failures.push(`node ${args.join(" ")} failed (${result.status}): ${result.stderr}`);
    return result.stdout;
  };
  writeFileSync(join(project, "app.mjs"), nodeScript);
  writeFileSync(join(project, "app.cjs"), cjsScript);
  writeFileSync(join(project, "model.mjs"), cliModel);
  const esm = run(["app.mjs"]);
  try {
    const report = JSON.parse(esm.trim().split("\n").at(-1));
    notes.push(`app.mjs: ${esm.trim()}`);
    if (!(report.loss?.length === 1 && Number.isFinite(report.loss[0])))
      failures.push(`app.mjs: no training step: ${esm}`);
    if (!report.shapeError) failures.push(`app.mjs: no ShapeError caught: ${esm}`);
    if (!/^linear\(60, 10\): inFeatures must equal the last input dimension 64/.test(report.message ?? ""))
      failures.push(`app.mjs: unexpected message ${report.message}`);
  } catch {
    failures.push(`app.mjs printed ${esm}`);
  }
  const cjs = run(["app.cjs"]);
  notes.push(`app.cjs: ${cjs.trim()}`);
  if (
    !cjs.includes('"sameClass":true') ||
    !cjs.includes('"sameRuntime":true') ||
    !cjs.includes('"caught":true') ||
    !cjs.includes('"sameEntries":true')
  )
    failures.push(`app.cjs: require and import do not give one module: ${cjs}`);
  const explained = run(["node_modules/shapecheck/bin/shapecheck.mjs", "explain", "model.mjs"]);
  if (!explained.includes("[number, 10]")) failures.push(`shapecheck explain model.mjs: ${explained}`);
  else notes.push("shapecheck explain model.mjs (no tsx installed): explains the model");
  return { failures, notes };
}

const checkerScript = `import { input, nn, sequential, ShapeError } from "shapecheck";
const net = sequential(input([1, 28, 28]), nn.flatten(), nn.linear(784, 10));
let message;
try {
  const layers = [nn.flatten(), nn.linear(700, 10)];
  sequential(input([1, 28, 28]), ...layers);
} catch (error) {
  message = error instanceof ShapeError ? error.message : String(error);
}
console.log(JSON.stringify({ outputShape: net.outputShape, message }));
`;

/**
 * The checker alone: a second project installs only the tarball (npm adds the required peers,
 * @tensorflow/tfjs-core and -layers, and no optional one: no backend, no tsx), and `shapecheck` loads,
 * builds models and throws ShapeErrors; its declarations give no error (skipLibCheck: false).
 * Returns { failures, notes }.
 */
export function checkChecker(project) {
  const failures = [];
  const notes = [];
  const work = resolve(project, "..");
  const alone = join(work, "checker-only");
  mkdirSync(alone, { recursive: true });
  writeFileSync(join(alone, "package.json"), JSON.stringify({ name: "checker-only", private: true, type: "module" }));
  const tarball = readdirSync(work).find((name) => name.endsWith(".tgz"));
  execFileSync(
    "npm",
    [
      "install",
      "--prefer-offline",
      "--no-audit",
      "--no-fund",
      "--loglevel=error",
      join(work, tarball),
      `ts-expect@${versionOf("ts-expect")}`,
    ],
    { cwd: alone, stdio: ["ignore", "ignore", "inherit"] },
  );
  const installed = readdirSync(join(alone, "node_modules")).filter((name) => !name.startsWith("."));
  notes.push(`installed with the checker: ${installed.join(", ")}`);
  // npm installs the required peers (@tensorflow/tfjs-core and -layers, whose types the `layers`
  // vocabulary uses), and none of the optional ones (backends, tfjs-node, tsx)
  const tensorflow = installed.includes("@tensorflow") ? readdirSync(join(alone, "node_modules/@tensorflow")) : [];
  notes.push(`@tensorflow/: ${tensorflow.join(", ") || "nothing"}`);
  if (
    tensorflow.some((name) => name !== "tfjs-core" && name !== "tfjs-layers") ||
    installed.includes("tsx") ||
    installed.includes("esbuild")
  )
    failures.push(
      `the checker alone installs an optional peer: ${installed.join(", ")}; @tensorflow/${tensorflow.join(", ")}`,
    );
  writeFileSync(join(alone, "app.mjs"), checkerScript);
  const run = spawnSync(process.execPath, ["app.mjs"], { cwd: alone, encoding: "utf8", timeout: 60_000 });
  if (run.status !== 0)
    failures.push(
      `import "shapecheck" without TensorFlow.js fails: ${run.stderr.split("\n").find((line) => /Error/.test(line)) ?? run.stderr}`,
    );
  else if (
    !run.stdout.includes('"outputShape":[null,10]') ||
    !run.stdout.includes("linear(700, 10): inFeatures must equal")
  )
    failures.push(`the checker alone: ${run.stdout}`);
  else notes.push(`app.mjs: ${run.stdout.trim()}`);
  writeFileSync(join(alone, "mnist.ts"), mnistFile);
  writeFileSync(
    join(alone, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: { ...strictest, types: [], module: "esnext", moduleResolution: "bundler" },
      include: ["mnist.ts"],
    }),
  );
  for (const [name, tsc] of Object.entries(compilers)) {
    const found = diagnostics(tsc, alone, "tsconfig.json");
    const others = found.filter(
      (d) => d.file.startsWith("node_modules/shapecheck/") || (d.file === "mnist.ts" && d.line !== wrongLine),
    );
    if (others.length > 0)
      failures.push(
        `${name}, the checker alone (skipLibCheck: false): ${others.length} other errors, e.g. ${others[0].file}:${others[0].line}: ${others[0].text}`,
      );
    if (!found.some((d) => d.file === "mnist.ts" && d.line === wrongLine))
      failures.push(`${name}, the checker alone: no error on the 9000 line`);
  }
  // The declaration files the root entry reaches: none of tfjs-layers' (the `layers` vocabulary's option
  // types are types/shape/tf-layer-args.d.ts); tfjs-core's only through defineLayer's `forward` (its tensors).
  const listed = spawnSync(process.execPath, [compilers["TypeScript 5.9"], "-p", "tsconfig.json", "--listFilesOnly"], {
    cwd: alone,
    encoding: "utf8",
  }).stdout.split("\n");
  const count = (name) => listed.filter((file) => file.includes(`/node_modules/${name}/`)).length;
  notes.push(
    `declaration files read: shapecheck ${count("shapecheck")}, @tensorflow/tfjs-core ${count("@tensorflow/tfjs-core")}, @tensorflow/tfjs-layers ${count("@tensorflow/tfjs-layers")}`,
  );
  if (count("shapecheck") === 0) failures.push("the checker alone: tsc --listFilesOnly lists no file of shapecheck");
  if (count("@tensorflow/tfjs-layers") > 0)
    failures.push(
      `importing the root entry reads ${count("@tensorflow/tfjs-layers")} declaration files of tfjs-layers`,
    );
  return { failures, notes };
}

/** The example page in headless Chromium: returns { failures, notes }. */
export async function checkBrowser(project) {
  const failures = [];
  const notes = [];
  const web = join(project, "web");
  mkdirSync(web, { recursive: true });
  for (const file of ["main.ts", "index.html", "digits.json"])
    copyFileSync(join(root, "examples/web", file), join(web, file));
  // the project's own tsconfig, so that esbuild does not find the repository's (it maps "shapecheck" to src/)
  writeFileSync(
    join(project, "tsconfig.json"),
    JSON.stringify({ compilerOptions: { ...strictest, module: "esnext", moduleResolution: "bundler" } }),
  );
  const { buildPage } = await import("../../examples/web/build.mjs");
  const { metafile } = await buildPage({ out: join(web, "dist"), entry: join(web, "main.ts"), from: project });
  const inputs = Object.keys(metafile.inputs);
  if (!inputs.some((input) => input.includes("node_modules/shapecheck/dist/src/")))
    failures.push(
      `the page's bundle does not use the installed package: ${inputs
        .filter((i) => i.includes("shapecheck"))
        .slice(0, 5)
        .join(", ")}`,
    );
  const { runPage } = await import("./browser.mjs");
  const { status, log, errors } = await runPage(join(web, "dist"));
  notes.push(`page (${status}):\n${log}`);
  if (status !== "done") failures.push(`the page did not finish: ${status}\n${log}`);
  for (const error of errors) failures.push(`the page: ${error}`);
  if (!/shape error: linear\(9000, 128\): inFeatures must equal the last input dimension 9216/.test(log))
    failures.push("the page does not show the shape error");
  if (!/trained: \d+ steps, loss \d/.test(log)) failures.push("the page does not report finished training steps");
  if (!/predicted: (\d ){9}\d/.test(log)) failures.push("the page does not show a prediction");
  return { failures, notes };
}

if (process.argv[1] && resolve(process.argv[1]) === import.meta.filename) {
  const wanted = process.argv.slice(2).filter((arg) => !arg.startsWith("--"));
  const parts = wanted.length > 0 ? wanted : ["types", "node", "browser", "checker"];
  const started = performance.now();
  const project = makeProject();
  console.log(`project: ${project} (${((performance.now() - started) / 1000).toFixed(0)} s)`);
  let failed = false;
  for (const part of parts) {
    const t = performance.now();
    const { failures, notes } = await {
      types: checkTypes,
      node: checkNode,
      browser: checkBrowser,
      checker: checkChecker,
    }[part](project);
    for (const note of notes) console.log(`  ${part}: ${note}`);
    for (const failure of failures) console.error(`✖ ${part}: ${failure}`);
    failed ||= failures.length > 0;
    console.log(`${failures.length === 0 ? "✔" : "✖"} ${part} (${((performance.now() - t) / 1000).toFixed(0)} s)`);
  }
  if (!process.argv.includes("--keep")) rmSync(resolve(project, ".."), { recursive: true, force: true });
  process.exitCode = failed ? 1 : 0;
}
