// The recurrent `layers` factories (issue 16) against TensorFlow.js: simpleRNN, lstm, gru, rnn with the cells and
// stackedRNNCells; convLstm2d; the wrappers timeDistributed and bidirectional. For each random configuration
// (seeded), tfjs's own layer applied to zeros (batch 1) — and its computeOutputShape, which must give the same
// shape — the runtime twin, and the type level under TypeScript 5.9 and 7 (generated files under
// .tmp/tfjs-agreement-recurrent/). A configuration is a call tree (a wrapper holds a layer, rnn holds cells), built
// three times: as tfjs's layers, as shapecheck's, and as code. Used by test/layers-recurrent.test.ts;
//   node --import tsx scripts/tfjs-agreement-recurrent.ts [cases per family = 200] [seed]
import * as tf from "@tensorflow/tfjs-core";
import * as tfl from "@tensorflow/tfjs-layers";
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ShapeError } from "../src/errors.ts";
// tfjs's default recurrentInitializer (orthogonal) needs chained ops that tf-recurrent.tfjs.ts registers
import "../src/families/recurrent/tf-recurrent.tfjs.ts";
import * as layers from "../src/layers/index.ts";
import { input } from "../src/model/input.ts";
import { sequential } from "../src/model/sequential.ts";
import {
  compile,
  compilers,
  defined,
  dims,
  random,
  root,
  type Diagnostic,
  type FamilyReport,
  type Outcome,
  type Random,
  type Report,
} from "./tfjs-agreement.ts";

export const recurrentOutDir = join(root, ".tmp/tfjs-agreement-recurrent");

/** A factory call of `layers` / `tf.layers`; its options may hold calls (a wrapped layer, cells). */
export interface Call {
  readonly fn: string;
  readonly options: Record<string, unknown>;
}
const call = (fn: string, options: Record<string, unknown>): Call => ({ fn, options });
const isCall = (value: unknown): value is Call =>
  typeof value === "object" && value !== null && "fn" in value && "options" in value;

/** The call with its nested calls made by `make` (tfjs's factories, or shapecheck's). */
function build(value: unknown, make: (fn: string, options: object) => unknown): unknown {
  if (Array.isArray(value)) return value.map((one) => build(one, make));
  if (!isCall(value)) return value;
  const options = Object.fromEntries(Object.entries(value.options).map(([k, v]) => [k, build(v, make)]));
  return make(value.fn, options);
}
const tfjsMake = (fn: string, options: object) =>
  (tfl.layers as unknown as Record<string, (args: object) => unknown>)[fn]!(options);
const twinMake = (fn: string, options: object) =>
  (layers as unknown as Record<string, (args: object) => unknown>)[fn]!(options);

/** The call as code: `layers.rnn({ "cell": layers.lstmCell({ "units": 3 }) })`. */
export function code(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(code).join(", ")}]`;
  if (isCall(value))
    return `layers.${value.fn}({ ${Object.entries(value.options)
      .map(([k, v]) => `${k}: ${code(v)}`)
      .join(", ")} })`;
  return JSON.stringify(value);
}

export interface RecurrentCase {
  family: string;
  /** One example's shape (no batch). */
  example: number[];
  layer: Call;
  /** When set: tfjs accepts this configuration and shapecheck deliberately does not (the reason). */
  stricter?: string;
}
type Generator = (r: Random) => Omit<RecurrentCase, "family">;

/** tfjs's answer on a batch of one; its computeOutputShape must agree with the shape apply produces. */
export function runTfjs(c: RecurrentCase): Outcome {
  try {
    const shape = tf.tidy(() => {
      const layer = build(c.layer, tfjsMake) as tfl.layers.Layer;
      const x = tf.zeros([1, ...c.example]);
      let y = layer.apply(x) as tf.Tensor | tf.Tensor[];
      let computed = layer.computeOutputShape([null, ...c.example]) as (number | null)[] | (number | null)[][];
      // returnState: the output and the states (shapecheck refuses it: `stricter`); the output is compared
      if (Array.isArray(y)) [y, computed] = [y[0]!, computed[0] as (number | null)[]];
      const produced = [null, ...y.shape.slice(1)];
      if (JSON.stringify(computed) !== JSON.stringify(produced))
        throw new Error(
          `computeOutputShape ${JSON.stringify(computed)} differs from apply's ${JSON.stringify(produced)}`,
        );
      return y.shape;
    });
    if (shape.some((d) => !(d > 0))) return { rejected: `degenerate shape [${shape.join(", ")}]` };
    return { shape: [null, ...shape.slice(1)] };
  } catch (error) {
    return { rejected: (error as Error).message.split("\n")[0]! };
  } finally {
    tf.disposeVariables();
  }
}

/** The runtime twin: `sequential(input(example), layer).outputShape`, or its ShapeError. */
export function runTwin(c: RecurrentCase): Outcome {
  try {
    const layer = build(c.layer, twinMake);
    const model = sequential(input(c.example as never), layer as never) as unknown as {
      outputShape: (number | null)[];
    };
    return { shape: [...model.outputShape] };
  } catch (error) {
    if (error instanceof ShapeError) return { rejected: error.message };
    throw error;
  }
}

// ---- the generators

const units = (r: Random) => (r.chance(0.05) ? r.pick([0, -2, 1.5]) : r.int(1, 6));
const rnnRank = (r: Random) => (r.chance(0.92) ? 2 : r.pick([1, 3]));
const sequences = (r: Random) => r.pick([undefined, undefined, true, false]);

const cellCall = (r: Random, depth = 0): Call => {
  // tfjs exports convLstm2dCell, but its RNN refuses it (ndim 3): both must refuse it in rnn and stackedRNNCells
  if (r.chance(0.03)) return call("convLstm2dCell", { filters: r.int(1, 3), kernelSize: r.int(1, 3) });
  if (depth === 0 && r.chance(0.15))
    return call("stackedRNNCells", {
      cells: Array.from({ length: r.chance(0.05) ? 0 : r.int(1, 3) }, () => cellCall(r, 1)),
    });
  const fn = r.pick(["simpleRNNCell", "lstmCell", "gruCell"]);
  return call(fn, defined({ units: units(r), resetAfter: fn === "gruCell" && r.chance(0.05) ? true : undefined }));
};

/** A recurrent layer call (simpleRNN, lstm, gru or rnn of cells), with returnState when `state` allows. */
function recurrentCall(r: Random, state: boolean): { layer: Call; stricter?: string } {
  const fn = r.pick(["simpleRNN", "lstm", "gru", "rnn"]);
  const returnState = state && r.chance(0.05) ? true : undefined;
  const stateful = state && r.chance(0.03) ? true : undefined;
  const common = defined({
    returnSequences: sequences(r),
    returnState,
    stateful,
    goBackwards: r.chance(0.1) || undefined,
  });
  const options =
    fn === "rnn"
      ? {
          cell: r.chance(0.7)
            ? cellCall(r)
            : Array.from({ length: r.chance(0.05) ? 0 : r.int(1, 3) }, () => cellCall(r, 1)),
          ...common,
        }
      : { units: units(r), ...common };
  const stricter =
    returnState !== undefined
      ? "returnState in a sequential model (one output per layer): tfjs refuses it there too; layer.call(x) gives the states"
      : stateful !== undefined
        ? "stateful: tfjs needs the batch size fixed in the model"
        : undefined;
  return { layer: call(fn, options), ...(stricter === undefined ? {} : { stricter }) };
}

const recurrent: Generator = (r) => ({ example: dims(r, rnnRank(r), 8), ...recurrentCall(r, true) });

/** A convLstm2d call and an input that fits it most of the time. */
function convLstmCall(r: Random): { layer: Call; example: number[] } {
  const channelsFirst = r.chance(0.3);
  const size = () => (r.chance(0.5) ? r.int(1, 4) : [r.int(1, 4), r.int(1, 4)]);
  const strides = r.chance(0.6) ? undefined : size();
  const dilationRate = r.chance(0.7) ? undefined : size();
  const options = defined({
    filters: r.chance(0.04) ? r.pick([0, 2.5]) : r.int(1, 4),
    kernelSize: size(),
    strides,
    padding: r.pick([undefined, "valid", "same", r.chance(0.1) ? "causal" : "same"]),
    dilationRate,
    dataFormat: channelsFirst ? "channelsFirst" : r.chance(0.1) ? "channelsLast" : undefined,
    returnSequences: sequences(r),
    unroll: r.chance(0.03) ? true : undefined,
  });
  const spatial = [r.int(1, 9), r.int(1, 9)];
  const channels = r.int(1, 3);
  const image = channelsFirst ? [channels, ...spatial] : [...spatial, channels];
  const example = r.chance(0.05) ? image : [r.int(1, 4), ...image];
  return { layer: call("convLstm2d", options), example };
}
const convLstm: Generator = (r) => convLstmCall(r);

/** A layer for timeDistributed, and the shape of one step that fits it most of the time. */
function stepLayer(r: Random): { layer: Call; step: number[]; stricter?: string } {
  const kind = r.pick(["dense", "dense", "conv2d", "flatten", "maxPooling2d", "recurrent", "convLstm2d", "cell"]);
  // tfjs's TimeDistributed calls the layer without its input checks (InputSpec, inputDim): where they would refuse
  // the step, tfjs may still give a shape (Flatten keeps [batch, features], conv2d reads a rank-3 step as one
  // unbatched image); shapecheck applies the layer's rule as it is.
  const skipped = (fits: boolean) =>
    fits ? {} : { stricter: "a step the layer refuses: tfjs's TimeDistributed skips the layer's input checks" };
  if (kind === "dense") {
    const step = dims(r, r.chance(0.8) ? 1 : 2, 6);
    const inputDim = r.chance(0.1) ? r.int(1, 6) : undefined;
    return {
      layer: call("dense", defined({ units: r.int(1, 6), inputDim })),
      step,
      ...skipped(inputDim === undefined || inputDim === step.at(-1)),
    };
  }
  if (kind === "conv2d") {
    const step = dims(r, r.chance(0.9) ? 3 : 2, 7);
    return {
      layer: call("conv2d", defined({ filters: r.int(1, 4), kernelSize: r.int(1, 4) })),
      step,
      ...skipped(step.length === 3),
    };
  }
  if (kind === "flatten") {
    const step = dims(r, r.int(1, 3), 5);
    return { layer: call("flatten", {}), step, ...skipped(step.length > 1) };
  }
  if (kind === "maxPooling2d") {
    const step = dims(r, r.chance(0.9) ? 3 : 1, 7);
    return { layer: call("maxPooling2d", defined({ poolSize: r.int(1, 3) })), step, ...skipped(step.length === 3) };
  }
  if (kind === "recurrent") {
    const recurrent = recurrentCall(r, true);
    const { layer } = recurrent;
    const stricter =
      layer.options["returnState"] === true ? "returnState inside a wrapper (several outputs)" : recurrent.stricter;
    const step = dims(r, rnnRank(r), 6);
    return { layer, step, ...(stricter === undefined ? skipped(step.length === 2) : { stricter }) };
  }
  if (kind === "convLstm2d") {
    const { layer, example } = convLstmCall(r);
    return { layer, step: example, ...skipped(example.length === 4) };
  }
  return { layer: cellCall(r, 1), step: dims(r, 2, 5) };
}

const wrappers: Generator = (r) => {
  if (r.chance(0.5)) {
    const { layer, step, stricter } = stepLayer(r);
    const time = r.int(1, 4);
    const example = r.chance(0.05) ? step.slice(1) : [time, ...step];
    return { example, layer: call("timeDistributed", { layer }), ...(stricter === undefined ? {} : { stricter }) };
  }
  const mergeMode = r.pick([undefined, "concat", "sum", "mul", "ave"]);
  if (r.chance(0.15)) {
    const { layer, example } = convLstmCall(r);
    return { example, layer: call("bidirectional", defined({ layer, mergeMode })) };
  }
  if (r.chance(0.04))
    return {
      example: dims(r, 2, 6),
      layer: call("bidirectional", defined({ layer: call("dense", { units: 3 }), mergeMode })),
      stricter: "bidirectional of a layer that is not recurrent: tfjs runs it twice and merges",
    };
  const recurrent = recurrentCall(r, true);
  const { layer } = recurrent;
  // a wrapped layer with returnState: refused on the argument (several outputs inside a wrapper)
  const stricter =
    layer.options["returnState"] === true ? "returnState inside a wrapper (several outputs)" : recurrent.stricter;
  const example = dims(r, rnnRank(r), 8);
  return {
    example,
    layer: call("bidirectional", defined({ layer, mergeMode })),
    ...(stricter === undefined ? {} : { stricter }),
  };
};

export const recurrentFamilies: Record<string, Generator> = {
  "layers.recurrent": recurrent,
  "layers.convLstm2d": convLstm,
  "layers.wrappers": wrappers,
};

// ---- the comparison (as scripts/tfjs-agreement.ts's, on call trees)

const header = [
  `// Generated by scripts/tfjs-agreement-recurrent.ts: one line per configuration.`,
  `import { expectType, type TypeEqual } from "ts-expect";`,
  `import { input } from "../../src/model/input.ts";`,
  `import { sequential, type OutputShape } from "../../src/model/sequential.ts";`,
  `import * as layers from "../../src/layers/index.ts";`,
  `void layers;`,
];

function typeLine(c: RecurrentCase, index: number, expected: Outcome): string {
  const model = `sequential(input(${JSON.stringify(c.example)}), ${code(c.layer)})`;
  if ("rejected" in expected || c.stricter !== undefined) return `${model};`;
  const shape = `[${expected.shape.map((d) => (d === null ? "number" : String(d))).join(", ")}]`;
  return `const m${index} = ${model}; expectType<TypeEqual<OutputShape<typeof m${index}>, ${shape}>>(true);`;
}

const sameShape = (a: Outcome, b: Outcome) =>
  "shape" in a && "shape" in b && a.shape.length === b.shape.length && a.shape.every((d, i) => d === b.shape[i]);

export function drawCases(count: number, seed = 20261206): RecurrentCase[] {
  return Object.entries(recurrentFamilies).flatMap(([family, generate], index) => {
    const r = random(seed + index * 7919);
    return Array.from({ length: count }, () => ({ family, ...generate(r) }));
  });
}

/** Draws `count` cases per family and compares tfjs, the runtime twin and the type level under both compilers. */
export async function compare(count: number, seed?: number, dir = recurrentOutDir): Promise<Report> {
  const cases = drawCases(count, seed);
  let start = performance.now();
  const tfjsOutcomes = cases.map(runTfjs);
  const tfjsSeconds = (performance.now() - start) / 1000;
  start = performance.now();
  const twinOutcomes = cases.map(runTwin);
  const runtimeSeconds = (performance.now() - start) / 1000;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, "tsconfig.json"),
    JSON.stringify(
      { extends: "../../tsconfig.json", compilerOptions: { noErrorTruncation: true }, include: ["*.ts"], exclude: [] },
      null,
      2,
    ),
  );
  const lines = new Map<string, string[]>();
  const locations = cases.map((c, index) => {
    const file = join(dir, `${c.family.replace(".", "-")}.ts`);
    if (!lines.has(file)) lines.set(file, [...header]);
    const text = lines.get(file)!;
    text.push(typeLine(c, index, tfjsOutcomes[index]!));
    return { file, line: text.length };
  });
  for (const [file, text] of lines) writeFileSync(file, [...text, ""].join("\n"));
  const typeSeconds: Record<string, number> = {};
  const diagnostics: Record<string, Diagnostic[]> = Object.fromEntries(
    await Promise.all(
      Object.entries(compilers).map(async ([name, compiler]) => {
        const begin = performance.now();
        const found = await compile(compiler, dir);
        typeSeconds[name] = (performance.now() - begin) / 1000;
        return [name, found] as const;
      }),
    ),
  );
  const families: Record<string, FamilyReport> = {};
  const disagreements: Report["disagreements"] = [];
  const stricterReasons: Record<string, number> = {};
  const used = new Set<string>();
  cases.forEach((c, index) => {
    const report = (families[c.family] ??= {
      cases: 0,
      tfjsAccepted: 0,
      tfjsRejected: 0,
      stricter: 0,
      runtime: 0,
      typeLevel: Object.fromEntries(Object.keys(compilers).map((name) => [name, 0])),
    });
    const tfjs = tfjsOutcomes[index]!;
    const twin = twinOutcomes[index]!;
    report.cases++;
    if ("shape" in tfjs) report.tfjsAccepted++;
    else report.tfjsRejected++;
    if (c.stricter !== undefined && "shape" in tfjs) {
      report.stricter++;
      stricterReasons[c.stricter] = (stricterReasons[c.stricter] ?? 0) + 1;
    }
    const shouldReject = "rejected" in tfjs || c.stricter !== undefined;
    const runtimeAgrees = shouldReject ? "rejected" in twin : sameShape(tfjs, twin);
    if (runtimeAgrees) report.runtime++;
    const { file, line } = locations[index]!;
    used.add(`${file}:${line}`);
    const typeLevel: Record<string, string> = {};
    for (const name of Object.keys(compilers)) {
      const here = diagnostics[name]!.filter((d) => d.file === file && d.line === line);
      const agrees = shouldReject
        ? here.some((d) => ("rejected" in twin ? d.text.includes(twin.rejected) : true))
        : here.length === 0;
      if (agrees) report.typeLevel[name]!++;
      else typeLevel[name] = here.length === 0 ? "no error" : here.map((d) => d.text).join(" | ");
    }
    if (!runtimeAgrees || Object.keys(typeLevel).length > 0)
      disagreements.push({ family: c.family, code: code(c.layer), example: c.example, tfjs, runtime: twin, typeLevel });
  });
  const generated = new Set(readdirSync(dir).map((name) => join(dir, name)));
  const stray = Object.values(diagnostics)
    .flat()
    .filter((d) => generated.has(d.file) && !used.has(`${d.file}:${d.line}`));
  return {
    families,
    disagreements,
    stray,
    seconds: { tfjs: tfjsSeconds, runtime: runtimeSeconds, typeLevel: typeSeconds },
    stricterReasons,
  };
}

if (process.argv[1]?.endsWith("tfjs-agreement-recurrent.ts")) {
  await import("@tensorflow/tfjs-backend-cpu");
  await tf.setBackend("cpu");
  const { formatReport } = await import("./tfjs-agreement.ts");
  const report = await compare(
    Number(process.argv[2] ?? 200),
    process.argv[3] === undefined ? undefined : Number(process.argv[3]),
  );
  console.log(formatReport(report));
  for (const d of report.disagreements.slice(0, 40)) console.log(JSON.stringify(d));
  for (const d of report.stray.slice(0, 10)) console.log("stray:", JSON.stringify(d));
}
