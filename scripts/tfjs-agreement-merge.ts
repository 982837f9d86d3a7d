// Issue 16's merge layers (add, average, maximum, minimum, multiply, concatenate, dot) and preprocessing layers
// (resizing, centerCrop, randomWidth, categoryEncoding) against TensorFlow.js, on random configurations (seeded):
// - tfjs: a merge is applied to symbolic inputs (tfl.input with the same batchShape, null where shapecheck's
//   dimension is unknown: tfjs's computeOutputShape and build, its refusals included), then to zeros of those
//   shapes (the unknown sizes made concrete), whose shape must agree with the symbolic one where it is known; a
//   preprocessing layer is applied to zeros (batch 1) and its computeOutputShape is recorded apart (tfjs 4.22's is
//   wrong for Resizing, RandomWidth on a batch and CategoryEncoding 'int': counted, not compared). randomWidth's
//   width is random: tfjs's is checked against its bounds and reported unknown (null);
// - the runtime twin: `layers.x(args).apply([input(…), …]).shape` or `sequential(input(…), layer).outputShape`;
// - the type level: one generated line per case under .tmp/tfjs-agreement-merge/, compiled by TypeScript 5.9
//   and 7: an exact type where tfjs gives a shape, a compile error containing the twin's message where it refuses.
// Used by test/layers-merge.test.ts;  node --import tsx scripts/tfjs-agreement-merge.ts [cases per family = 200] [seed]
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import * as tf from "@tensorflow/tfjs-core";
import * as tfl from "@tensorflow/tfjs-layers";
import { input, layers, sequential, ShapeError } from "../src/index.ts";
import { compile, compilers, defined, random, root, type Random } from "./tfjs-agreement.ts";

export const mergeOutDir = join(root, ".tmp/tfjs-agreement-merge");

type Dim = number | null;
type Outcome = { shape: Dim[] } | { rejected: string };

/** One configuration: the call as code, and the three answers' sources. */
export interface MergeCase {
  family: string;
  code: string;
  /** The inputs' shapes with the batch (null unknown). */
  inputs: Dim[][];
  /** The layer's factory and argument object. */
  builder: string;
  args: object | undefined;
  /** A merge (several inputs, `apply`) or a layer of a chain. */
  merge: boolean;
  /** When set: tfjs accepts and shapecheck deliberately refuses (the reason). */
  stricter?: string;
}

const factory = (name: string) => (tfl.layers as unknown as Record<string, (args?: object) => tfl.layers.Layer>)[name]!;
const message = (error: unknown) => (error as Error).message.split("\n")[0]!;
const concrete = (shapes: Dim[][]): number[][] => {
  // an unknown size takes the size another input has at the same place from the end (else 2; the batch: 1)
  return shapes.map((s) =>
    s.map((d, i) => {
      if (d !== null) return d;
      if (i === 0) return shapes.map((o) => o[0]).find((o) => typeof o === "number") ?? 1;
      const fromEnd = s.length - i;
      const other = shapes.map((o) => o[o.length - fromEnd]).find((o) => typeof o === "number" && o !== 1);
      return typeof other === "number" ? other : i === 0 ? 1 : 2;
    }),
  );
};
/** The arguments as shapecheck's conversion passes them: concatenate's and dot's negative axes counted from the end. */
function converted(c: MergeCase): object | undefined {
  const args = c.args as { axis?: number; axes?: number | [number, number] } | undefined;
  if (c.builder === "concatenate" && args?.axis !== undefined && args.axis < 0)
    return { ...args, axis: c.inputs[0]!.length + args.axis };
  if (c.builder === "dot" && args !== undefined && c.inputs.length === 2) {
    const pair = typeof args.axes === "number" ? [args.axes, args.axes] : args.axes!;
    return { ...args, axes: pair.map((a, i) => (a < 0 ? c.inputs[i]!.length + a : a)) };
  }
  return args;
}

/** tfjs's answer. Merges: symbolic apply (computeOutputShape and build), then apply on zeros. */
export function runTfjsMerge(c: MergeCase): Outcome & { computed?: boolean } {
  try {
    if (c.merge) {
      const layer = factory(c.builder)(c.args === undefined ? undefined : structuredClone(c.args));
      const symbolic = c.inputs.map((s) => tfl.input({ batchShape: s }));
      const out = layer.apply(c.inputs.length === 1 ? symbolic : symbolic) as tfl.SymbolicTensor;
      const shape = out.shape as Dim[];
      if (shape.some((d) => d !== null && !(d > 0))) return { rejected: `degenerate shape [${shape.join(", ")}]` };
      const real = tf.tidy(() => {
        // tfjs's call with the arguments as converted (its Concatenate joins on the last axis for any negative axis)
        const args = converted(c);
        const fresh = factory(c.builder)(args === undefined ? undefined : structuredClone(args));
        return (fresh.apply(concrete(c.inputs).map((s) => tf.zeros(s))) as tf.Tensor).shape;
      });
      const batchKnown = c.inputs.some((s) => s[0] !== null);
      if (real.length !== shape.length || shape.some((d, i) => d !== null && (i > 0 || batchKnown) && d !== real[i]))
        return { rejected: `its call gives [${real.join(", ")}], its computeOutputShape [${shape.join(", ")}]` };
      return { shape };
    }
    const layer = factory(c.builder)(c.args === undefined ? undefined : structuredClone(c.args));
    const example = c.inputs[0]!;
    const zeros = example.map((d, i) => (i === 0 ? 1 : (d ?? 2)));
    const shape = tf.tidy(() => (layer.apply(tf.zeros(zeros)) as tf.Tensor).shape);
    if (shape.some((d) => !(d > 0))) return { rejected: `degenerate shape [${shape.join(", ")}]` };
    let computed = false;
    try {
      computed =
        JSON.stringify(layer.computeOutputShape([null, ...zeros.slice(1)])) ===
        JSON.stringify([null, ...shape.slice(1)]);
    } catch {
      computed = false;
    }
    const result: Dim[] = [null, ...shape.slice(1)];
    if (c.builder === "randomWidth") {
      // the width is drawn: within its bounds, it is unknown
      const [lower, upper] =
        typeof (c.args as { factor: unknown }).factor === "number"
          ? [-(c.args as { factor: number }).factor, (c.args as { factor: number }).factor]
          : (c.args as { factor: [number, number] }).factor;
      const width = zeros[2]!;
      if (shape[2]! < Math.round(width * (1 + lower)) || shape[2]! > Math.round(width * (1 + upper)))
        return { rejected: `width ${shape[2]} outside its bounds` };
      result[2] = null;
    }
    return { shape: result, computed };
  } catch (error) {
    return { rejected: message(error) };
  } finally {
    tf.disposeVariables();
  }
}

/** The runtime twin's answer. */
export function runTwinMerge(c: MergeCase): Outcome {
  try {
    const builder = (layers as unknown as Record<string, (args?: object) => unknown>)[c.builder]!;
    const inputs = c.inputs.map((s) =>
      input(s.slice(1) as never, s[0] === null ? undefined : ({ batch: s[0] } as never)),
    );
    const layer = builder(c.args === undefined ? undefined : structuredClone(c.args));
    if (c.merge) return { shape: [...(layer as { apply: (x: unknown) => { shape: Dim[] } }).apply(inputs).shape] };
    return {
      shape: [
        ...(sequential as unknown as (...args: unknown[]) => { outputShape: Dim[] })(inputs[0], layer).outputShape,
      ],
    };
  } catch (error) {
    if (error instanceof ShapeError) return { rejected: error.message };
    throw error;
  }
}

const inputCode = (s: Dim[]) => `input(${JSON.stringify(s.slice(1))}${s[0] === null ? "" : `, { batch: ${s[0]} }`})`;
const argsCode = (args: object | undefined) => (args === undefined ? "" : JSON.stringify(args));
const typeOf = (shape: Dim[]) => `[${shape.map((d) => (d === null ? "number" : String(d))).join(", ")}]`;

/** One line per case: an exact type assertion where tfjs gives a shape, the bare call where it refuses. */
function typeLine(c: MergeCase, index: number, expected: Outcome): string {
  const call = c.merge
    ? `layers.${c.builder}(${argsCode(c.args)}).apply([${c.inputs.map(inputCode).join(", ")}])`
    : `sequential(${inputCode(c.inputs[0]!)}, layers.${c.builder}(${argsCode(c.args)}))`;
  if ("rejected" in expected || c.stricter !== undefined) return `${call};`;
  const read = c.merge ? `(typeof m${index})["~shape"]` : `OutputShape<typeof m${index}>`;
  return `const m${index} = ${call}; expectType<TypeEqual<${read}, ${typeOf(expected.shape)}>>(true);`;
}

// ---- random configurations

const pickDim = (r: Random) => r.int(1, 6);
/** A merge input derived from a base shape (without batch): some leading dims dropped, some 1, some changed. */
function variant(r: Random, base: number[], elementwise: boolean): Dim[] {
  let dims: Dim[] = [...base];
  if (elementwise && r.chance(0.25)) dims = dims.slice(r.int(1, dims.length));
  dims = dims.map((d) => (elementwise && r.chance(0.15) ? 1 : r.chance(0.08) ? pickDim(r) : d));
  return dims.map((d) => (r.chance(0.08) ? null : d));
}
const batchOf = (r: Random, known: boolean) => (known ? r.pick([1, 2, 4]) : null);

const elementwise = (r: Random): MergeCase => {
  const builder = r.pick(["add", "average", "maximum", "minimum", "multiply"]);
  const count = r.chance(0.05) ? 1 : r.chance(0.7) ? 2 : 3;
  const base = Array.from({ length: r.int(0, 3) }, () => pickDim(r));
  const batches = r.chance(0.12);
  const inputs = Array.from({ length: count }, () => [batchOf(r, batches && r.chance(0.7)), ...variant(r, base, true)]);
  return { family: "merge.elementwise", code: builder, inputs, builder, args: undefined, merge: true };
};

const concatenate = (r: Random): MergeCase => {
  const count = r.chance(0.05) ? 1 : r.chance(0.7) ? 2 : 3;
  const rank = r.int(1, 3);
  const base = Array.from({ length: rank }, () => pickDim(r));
  const axis = r.chance(0.25) ? undefined : r.chance(0.9) ? r.int(-rank - 1, rank) : r.pick([-rank - 2, rank + 1]);
  const index = axis === undefined ? rank : axis < 0 ? rank + 1 + axis : axis;
  const inputs = Array.from({ length: count }, () => {
    const dims = variant(r, base, false);
    if (index >= 1 && index <= rank && r.chance(0.8)) dims[index - 1] = pickDim(r);
    if (r.chance(0.04)) dims.push(2);
    return [null, ...dims];
  });
  return {
    family: "merge.concatenate",
    code: "concatenate",
    inputs,
    builder: "concatenate",
    args: defined({ axis }),
    merge: true,
    stricter:
      index === 0 && count > 1
        ? "concatenate on axis 0, the batch: tfjs joins the batch (not a model's layer)"
        : undefined,
  };
};

const dot = (r: Random): MergeCase => {
  const rankA = r.chance(0.06) ? r.pick([1, 4]) : r.int(2, 3);
  const rankB = r.chance(0.06) ? r.pick([1, 4]) : r.int(2, 3);
  const a = [null, ...Array.from({ length: rankA - 1 }, () => pickDim(r))] as Dim[];
  const b = [null, ...Array.from({ length: rankB - 1 }, () => pickDim(r))] as Dim[];
  const axisIn = (rank: number) => (r.chance(0.9) ? r.int(1, rank - 1) : r.int(-rank, rank - 1));
  const pair = r.chance(0.6);
  const x = axisIn(Math.max(rankA, 2));
  const y = pair ? axisIn(Math.max(rankB, 2)) : x;
  const [ia, ib] = [x < 0 ? rankA + x : x, y < 0 ? rankB + y : y];
  if (r.chance(0.85) && ia > 0 && ib > 0 && ia < rankA && ib < rankB) b[ib] = a[ia]!;
  if (r.chance(0.08)) a[Math.max(1, ia)] = null;
  const inputs = r.chance(0.04) ? [a] : [a, b];
  const axes = pair ? [x, y] : x;
  const batchAxis = ia === 0 || ib === 0;
  return {
    family: "merge.dot",
    code: "dot",
    inputs,
    builder: "dot",
    args: defined({ axes, normalize: r.chance(0.2) ? true : undefined }),
    merge: true,
    stricter:
      batchAxis && inputs.length === 2 && rankA <= 3 && rankB <= 3 && rankA >= 2 && rankB >= 2
        ? "dot on axis 0, the batch"
        : pair && x < 0 && y < 0 && inputs.length === 2
          ? "dot with negative axes in a pair: tfjs's Dot compares undefined sizes (no check), shapecheck asks for axes from the start"
          : undefined,
  };
};

const images = (r: Random): MergeCase => {
  const builder = r.pick(["resizing", "centerCrop", "randomWidth"]);
  const rank = r.chance(0.08) ? r.pick([2, 3, 5]) : 4;
  const example = Array.from({ length: rank - 1 }, () => r.int(1, 12));
  const size = () => (r.chance(0.04) ? r.pick([0, -2]) : r.int(1, 14));
  const args =
    builder === "randomWidth"
      ? defined({
          factor: r.chance(0.5)
            ? r.chance(0.1)
              ? -r.int(1, 5) / 10
              : r.int(1, 9) / 10
            : [r.int(-12, 6) / 10, r.int(-12, 10) / 10],
          interpolation: r.chance(0.3) ? r.pick(["bilinear", "nearest"]) : undefined,
          seed: r.chance(0.3) ? r.int(1, 100) : undefined,
        })
      : defined({
          height: size(),
          width: size(),
          interpolation: builder === "resizing" && r.chance(0.3) ? r.pick(["bilinear", "nearest"]) : undefined,
          cropToAspectRatio: builder === "resizing" && r.chance(0.2) ? r.chance(0.5) : undefined,
        });
  const lower = (f: unknown) => (typeof f === "number" ? -f : (f as number[])[0]!);
  const zeroWidth =
    builder === "randomWidth" &&
    rank === 4 &&
    example[1]! * (1e6 + Math.round(lower((args as { factor: unknown }).factor) * 1e6)) < 5e5; // exact: W · (1 + lower) < 0.5
  return {
    family: "preprocessing.images",
    code: builder,
    inputs: [[null, ...example]],
    builder,
    args,
    merge: false,
    stricter:
      rank === 3
        ? `${builder} on [batch, H, W]: tfjs takes a rank-3 tensor as one image (the batch as its rows)`
        : zeroWidth
          ? "randomWidth whose width can round to 0 (tfjs fails when it draws it)"
          : undefined,
  };
};

const categoryEncoding = (r: Random): MergeCase => {
  const outputMode = r.chance(0.25) ? undefined : r.pick(["oneHot", "multiHot", "count", "int", "tfIdf"] as const);
  const rank = r.chance(0.15) ? r.pick([1, 3]) : 2;
  const example = Array.from({ length: rank - 1 }, () => (outputMode === "oneHot" && r.chance(0.6) ? 1 : r.int(1, 6)));
  const numTokens = r.chance(0.04) ? r.pick([0, -1]) : r.int(1, 12);
  const mode = outputMode ?? "multiHot";
  return {
    family: "preprocessing.categoryEncoding",
    code: "categoryEncoding",
    inputs: [[null, ...example]],
    builder: "categoryEncoding",
    args: defined({ numTokens, outputMode }),
    merge: false,
    stricter:
      rank === 1 && (mode === "multiHot" || mode === "count")
        ? `categoryEncoding '${mode}' on [batch]: tfjs counts the whole batch as one example`
        : rank === 1 && mode === "oneHot"
          ? "categoryEncoding 'oneHot' on [batch]: tfjs drops the batch when it is 1"
          : undefined,
  };
};

export const mergeFamilies: Record<string, (r: Random) => MergeCase> = {
  "merge.elementwise": elementwise,
  "merge.concatenate": concatenate,
  "merge.dot": dot,
  "preprocessing.images": images,
  "preprocessing.categoryEncoding": categoryEncoding,
};

// ---- the comparison

export interface MergeReport {
  families: Record<
    string,
    {
      cases: number;
      tfjsAccepted: number;
      tfjsRejected: number;
      stricter: number;
      runtime: number;
      typeLevel: Record<string, number>;
      /** Preprocessing: cases tfjs accepts whose computeOutputShape (batch unknown) is what its call gives. */
      computeOutputShape?: number;
    }
  >;
  disagreements: {
    family: string;
    code: string;
    inputs: Dim[][];
    tfjs: Outcome;
    runtime: Outcome;
    typeLevel: Record<string, string>;
  }[];
  stray: { file: string; line: number; text: string }[];
  stricterReasons: Record<string, number>;
}

export async function compareMerges(count: number, seed = 20261206): Promise<MergeReport> {
  const cases = Object.entries(mergeFamilies).flatMap(([family, generate], k) => {
    const r = random(seed + k * 7919);
    return Array.from({ length: count }, () => ({ ...generate(r), family }));
  });
  const tfjs = cases.map(runTfjsMerge);
  const twin = cases.map(runTwinMerge);
  rmSync(mergeOutDir, { recursive: true, force: true });
  mkdirSync(mergeOutDir, { recursive: true });
  writeFileSync(
    join(mergeOutDir, "tsconfig.json"),
    JSON.stringify({
      extends: "../../tsconfig.json",
      compilerOptions: { noErrorTruncation: true },
      include: ["*.ts"],
      exclude: [],
    }),
  );
  const header = [
    `// Generated by scripts/tfjs-agreement-merge.ts: one line per configuration.`,
    `import { expectType, type TypeEqual } from "ts-expect";`,
    `import { input } from "../../src/model/input.ts";`,
    `import { sequential, type OutputShape } from "../../src/model/sequential.ts";`,
    `import * as layers from "../../src/layers/index.ts";`,
    `void sequential; export type { OutputShape };`,
  ];
  const files = new Map<string, string[]>();
  const where = cases.map((c, i) => {
    const file = join(mergeOutDir, `${c.family.replace(".", "-")}.ts`);
    if (!files.has(file)) files.set(file, [...header]);
    const lines = files.get(file)!;
    lines.push(typeLine(c, i, tfjs[i]!));
    return { file, line: lines.length };
  });
  for (const [file, lines] of files) writeFileSync(file, [...lines, ""].join("\n"));
  const diagnostics = Object.fromEntries(
    await Promise.all(
      Object.entries(compilers).map(async ([name, tsc]) => [name, await compile(tsc, mergeOutDir)] as const),
    ),
  );
  const report: MergeReport = { families: {}, disagreements: [], stray: [], stricterReasons: {} };
  const used = new Set<string>();
  cases.forEach((c, i) => {
    const f = (report.families[c.family] ??= {
      cases: 0,
      tfjsAccepted: 0,
      tfjsRejected: 0,
      stricter: 0,
      runtime: 0,
      typeLevel: Object.fromEntries(Object.keys(compilers).map((n) => [n, 0])),
      ...(c.merge ? {} : { computeOutputShape: 0 }),
    });
    const t = tfjs[i]!,
      w = twin[i]!;
    f.cases++;
    if ("shape" in t) f.tfjsAccepted++;
    else f.tfjsRejected++;
    if ("shape" in t && t.computed && f.computeOutputShape !== undefined) f.computeOutputShape++;
    if (c.stricter !== undefined) {
      f.stricter++;
      report.stricterReasons[c.stricter] = (report.stricterReasons[c.stricter] ?? 0) + 1;
    }
    const reject = "rejected" in t || c.stricter !== undefined;
    const same = "shape" in t && "shape" in w && JSON.stringify(t.shape) === JSON.stringify(w.shape);
    const runtimeAgrees = reject ? "rejected" in w : same;
    if (runtimeAgrees) f.runtime++;
    const { file, line } = where[i]!;
    used.add(`${file}:${line}`);
    const typeLevel: Record<string, string> = {};
    for (const name of Object.keys(compilers)) {
      const here = diagnostics[name]!.filter((d) => d.file === file && d.line === line);
      const agrees = reject
        ? here.some((d) => ("rejected" in w ? d.text.includes(w.rejected) : true))
        : here.length === 0;
      if (agrees) f.typeLevel[name]!++;
      else typeLevel[name] = here.length === 0 ? "no error" : here.map((d) => d.text).join(" | ");
    }
    if (!runtimeAgrees || Object.keys(typeLevel).length > 0)
      report.disagreements.push({
        family: c.family,
        code: typeLine(c, i, t),
        inputs: c.inputs,
        tfjs: t,
        runtime: w,
        typeLevel,
      });
  });
  report.stray = Object.values(diagnostics)
    .flat()
    .filter((d) => !used.has(`${d.file}:${d.line}`));
  return report;
}

export function formatMergeReport(report: MergeReport): string {
  const names = Object.keys(compilers);
  const rows = [
    [
      "family",
      "cases",
      "tfjs accepts",
      "tfjs rejects",
      "stricter",
      "runtime agrees",
      ...names.map((n) => `${n} agrees`),
      "computeOutputShape right",
    ],
  ];
  for (const [family, f] of Object.entries(report.families))
    rows.push([
      family,
      String(f.cases),
      String(f.tfjsAccepted),
      String(f.tfjsRejected),
      String(f.stricter),
      String(f.runtime),
      ...names.map((n) => String(f.typeLevel[n])),
      f.computeOutputShape === undefined ? "—" : `${f.computeOutputShape} of ${f.tfjsAccepted}`,
    ]);
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  const table = rows
    .map((row) => row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join("  "))
    .join("\n");
  const reasons = Object.entries(report.stricterReasons).map(([reason, n]) => `  stricter (${n}): ${reason}`);
  return [table, ...reasons].join("\n");
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await (await import("../src/tfjs.ts")).ready({ backend: "cpu" });
  const report = await compareMerges(
    Number(process.argv[2] ?? 200),
    process.argv[3] === undefined ? undefined : Number(process.argv[3]),
  );
  console.log(formatMergeReport(report));
  for (const d of report.disagreements.slice(0, 30)) console.log(JSON.stringify(d));
  if (report.stray.length > 0) console.log("stray:", JSON.stringify(report.stray.slice(0, 5)));
}
