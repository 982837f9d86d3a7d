// Type-checking cost of models (issue 7), under TypeScript 5.9 and TypeScript 7: every model in
// examples/ (read at run time), the SPEC.md MNIST network, and synthetic sequentials of 10, 50, 200
// and 300 layers whose every layer has a different shape (scripts/gen-long-model.mjs).
//
// Two measures, each above an empty file that imports the same package:
//  - whole program, cold (what `tsc` pays): `tsc --extendedDiagnostics` on the model file; median
//    check time of several runs, CPU time of the process, instantiations and memory;
//  - the model file alone, the library already checked (what the editor pays for the open file,
//    and what bench/budgets.json budgets): TypeScript 5.9 through its API (a program per case, only
//    the model file checked, after 12 checks of the cases that warm the JIT up, as an editor's
//    checker is); TypeScript 7 (no JavaScript API) by `tsc --incremental` after a build of the
//    empty file (only the changed file is checked).
//
//   node --import tsx bench/types-models.ts [--runs N] [--only REGEX] [--compiler 5.9|7]
//        [--skip-cold] [--skip-alone] [--write-budgets] [--json FILE]
//   node --import tsx bench/types-models.ts --trace REGEX    (where the cost of the matching cases goes)
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import ts from "typescript";
import { longModel } from "../scripts/gen-long-model.mjs";

export const root = resolve(import.meta.dirname, "..");

export type CompilerName = "TypeScript 5.9" | "TypeScript 7";
export const compilerNames: readonly CompilerName[] = ["TypeScript 5.9", "TypeScript 7"];
const compilers: Record<CompilerName, { tsc: string; extra: string[] }> = {
  "TypeScript 5.9": { tsc: join(root, "node_modules/typescript/bin/tsc"), extra: [] },
  // TypeScript 7 refuses files on the command line next to a tsconfig.json without this.
  "TypeScript 7": { tsc: join(root, "node_modules/typescript-7/bin/tsc"), extra: ["--ignoreConfig"] },
};
/** The project's tsconfig.json options, as command-line flags (the model files are given on the command line). */
export const flags = [
  "--noEmit",
  "--strict",
  "--target",
  "es2022",
  "--module",
  "nodenext",
  "--moduleResolution",
  "nodenext",
  "--skipLibCheck",
  "--allowImportingTsExtensions",
  "--verbatimModuleSyntax",
  "--types",
  "node",
  "--pretty",
  "false",
];

// ---- the cases

/** A model to check: its name (the key in bench/budgets.json), its source, and the file it came from. */
export interface ModelCase {
  readonly name: string;
  readonly source: string;
  /** The original file (examples/): relative imports in `source` are relative to it. */
  readonly file?: string;
  /** The exported model variable (hovered by bench/tsserver.ts). */
  readonly variable?: string;
}

/** The baseline: a file that imports the package and checks nothing. */
export const emptyCase: ModelCase = {
  name: "empty file",
  source: `import { input, nn, sequential } from "shapecheck";\n\nexport const used = [input, nn, sequential];\n`,
};

/** The network of SPEC.md (PyTorch's MNIST example), as SPEC.md writes it. */
export const specMnistCase: ModelCase = {
  name: "SPEC.md MNIST",
  variable: "net",
  source: `import { input, nn, sequential, type OutputShape } from "shapecheck";

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
export const output: [number, 10] = null! as OutputShape<typeof net>;
`,
};

/** A synthetic sequential of `layers` layers, each of a different shape: convs on 224 × 224, pools, flatten, linear. */
export function syntheticCase(layers: number): ModelCase {
  return { name: `sequential of ${layers}`, variable: "net", source: longModel(layers, "shapecheck").source };
}
export const syntheticLayers = [10, 50, 200, 300] as const;

/** Every .ts file in examples/ now (the examples are being written: read at run time). */
export function exampleCases(): ModelCase[] {
  const dir = join(root, "examples");
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith(".ts") && !name.endsWith(".d.ts"))
    .sort()
    .map((name) => {
      const file = join(dir, name);
      const source = readFileSync(file, "utf8");
      const variable =
        source.match(/^export const (\w+)\s*(?::[^=]+)?=\s*(?:sequential|graph)\b/m)?.[1] ??
        source.match(/^export const (\w+)/m)?.[1];
      return { name: `examples/${name}`, source, file, variable };
    });
}

/** Every .ts file in bench/models/: models written for the benchmark (each new layer family once). */
export function benchModelCases(): ModelCase[] {
  const dir = join(root, "bench/models");
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith(".ts") && !name.endsWith(".d.ts"))
    .sort()
    .map((name) => {
      const file = join(dir, name);
      const source = readFileSync(file, "utf8");
      return { name: `bench/models/${name}`, source, file, variable: source.match(/^export const (\w+)/m)?.[1] };
    });
}

/** All cases of the benchmark, the examples as they are now. */
export function allCases(): ModelCase[] {
  return [...exampleCases(), ...benchModelCases(), specMnistCase, ...syntheticLayers.map(syntheticCase)];
}

/** Writes a case to `path`, its relative imports pointing at the same files as from its original place. */
export function writeCase(model: ModelCase, path: string): string {
  let source = model.source;
  if (model.file) {
    const from = dirname(model.file);
    source = source.replace(
      /(\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(["'])(\.\.?\/[^"']+)\2/g,
      (_, head: string, quote: string, specifier: string) => {
        let moved = relative(dirname(path), resolve(from, specifier)).replaceAll("\\", "/");
        if (!moved.startsWith(".")) moved = `./${moved}`;
        return `${head}${quote}${moved}${quote}`;
      },
    );
  }
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, source);
  return path;
}

export const slug = (name: string): string =>
  name
    .replace(/[^A-Za-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .toLowerCase();

// ---- one compiler run

/** What one `tsc --extendedDiagnostics` run reports. Times in seconds, memory in MB. */
export interface TscRun {
  /** "Check time" (wall clock, as tsc reports it). */
  readonly check: number;
  readonly instantiations: number;
  readonly types: number;
  readonly memory: number;
  /** User + system CPU time of the process (less sensitive than wall clock to a busy machine). */
  readonly cpu: number;
  readonly wall: number;
  readonly errors: readonly string[];
}

/** Runs a compiler with the project's flags and `--extendedDiagnostics` on `args`. */
export function runTsc(compiler: CompilerName, args: readonly string[], cwd = root): TscRun {
  const { tsc, extra } = compilers[compiler];
  const started = performance.now();
  // bash's `times` prints the CPU time of the children it waited for (the Go binary of TypeScript 7 included).
  const result = spawnSync(
    "bash",
    [
      "-c",
      '"$@"; status=$?; times >&2; exit $status',
      "bash",
      process.execPath,
      tsc,
      ...flags,
      ...extra,
      "--extendedDiagnostics",
      ...args,
    ],
    { cwd, encoding: "utf8", maxBuffer: 1 << 28 },
  );
  const wall = (performance.now() - started) / 1000;
  const out = result.stdout ?? "";
  const field = (name: string): number => {
    const match = out.match(new RegExp(`^${name}:\\s+([\\d.]+)`, "m"));
    if (!match)
      throw new Error(
        `${compiler} printed no "${name}" (exit ${result.status}):\n${out.slice(0, 2000)}${result.stderr ?? ""}`,
      );
    return Number(match[1]);
  };
  const children = (result.stderr ?? "").trim().split("\n").at(-1) ?? "";
  const cpu = [...children.matchAll(/(\d+)m([\d.]+)s/g)].reduce((sum, m) => sum + Number(m[1]) * 60 + Number(m[2]), 0);
  return {
    check: field("Check time"),
    instantiations: field("Instantiations"),
    types: field("Types"),
    memory: field("Memory used") / 1024,
    cpu,
    wall,
    errors: out.split("\n").filter((line) => line.includes("error TS")),
  };
}

// ---- the model file alone

/** What checking the model file alone costs: instantiations, check time (s), CPU time (s). */
export interface AloneRun {
  readonly instantiations: number;
  readonly check: number;
  readonly cpu: number;
  readonly errors: readonly string[];
}

/**
 * TypeScript 5.9 through its API: a new program (and checker) per case, the library's source files
 * parsed once and shared, and only the model file checked (as the editor does for the open file). As for
 * TypeScript 7, the figures are above the empty file's (checked just before, in a program of its own): what
 * every file that imports the package pays (the checker's creation, resolving the import) is not the model's.
 */
export class Alone59 {
  private readonly options: ts.CompilerOptions;
  private readonly host: ts.CompilerHost;
  private readonly sources = new Map<string, ts.SourceFile>();
  private readonly caseDir: string;

  constructor(caseDir: string) {
    this.caseDir = resolve(caseDir);
    this.options = ts.parseCommandLine(flags).options;
    this.host = ts.createCompilerHost(this.options);
    const read = this.host.getSourceFile.bind(this.host);
    this.host.getSourceFile = (fileName, languageVersion, onError, create) => {
      if (resolve(fileName).startsWith(this.caseDir)) return read(fileName, languageVersion, onError, create);
      let source = this.sources.get(fileName);
      if (!source) {
        source = read(fileName, languageVersion, onError, create);
        if (source) this.sources.set(fileName, source);
      }
      return source;
    };
  }

  /** The model file's figures minus the empty file's (checked in a program of its own just before). */
  check(model: ModelCase): AloneRun {
    const empty = this.checkOne(emptyCase);
    const run = this.checkOne(model);
    return {
      instantiations: run.instantiations - empty.instantiations,
      check: run.check - empty.check,
      cpu: run.cpu - empty.cpu,
      errors: run.errors,
    };
  }

  /** One program, the given file checked: its raw figures (the checker's creation included). */
  checkOne(model: ModelCase): AloneRun {
    const file = writeCase(model, join(this.caseDir, `${slug(model.name)}.ts`));
    const program = ts.createProgram([file], this.options, this.host);
    const source = program.getSourceFile(file)!;
    const cpu = process.cpuUsage();
    const started = performance.now();
    const diagnostics = [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)];
    const check = (performance.now() - started) / 1000;
    const used = process.cpuUsage(cpu);
    return {
      instantiations: program.getInstantiationCount(),
      check,
      cpu: (used.user + used.system) / 1e6,
      errors: diagnostics.map(
        (d) =>
          `${d.start === undefined ? "" : `line ${source.getLineAndCharacterOfPosition(d.start).line + 1}: `}error TS${d.code}: ${ts.flattenDiagnosticMessageText(d.messageText, " ")}`,
      ),
    };
  }
}

/**
 * TypeScript 7 by `tsc --incremental` on one file path whose content changes: the empty file is
 * built before each case (so a library file changed meanwhile is checked then, not counted for the
 * case), then the case; only the changed file is checked. Figures are the case's minus the empty's.
 */
export class Alone7 {
  private readonly file: string;
  private readonly buildInfo: string;

  /** `baseline`: the empty file, importing the same library as the cases. */
  constructor(
    private readonly caseDir: string,
    private readonly baseline: ModelCase = emptyCase,
  ) {
    this.file = join(caseDir, "case.ts");
    this.buildInfo = join(caseDir, "case.tsbuildinfo");
  }

  private build(model: ModelCase): TscRun {
    writeCase(model, this.file);
    return runTsc("TypeScript 7", ["--incremental", "--tsBuildInfoFile", this.buildInfo, this.file], this.caseDir);
  }

  check(model: ModelCase): AloneRun {
    let empty: TscRun;
    for (let attempt = 1; ; attempt++) {
      this.build(this.baseline); // checks the library files changed since the last build (all of them the first time)
      empty = this.build({ ...this.baseline, source: `${this.baseline.source}// again\n` }); // checks this file only
      // More than a few thousand: a library file changed in between (others edit the checkout): again.
      if (empty.instantiations < 5_000 || attempt === 3) break;
    }
    const run = this.build(model);
    return {
      instantiations: run.instantiations - empty.instantiations,
      check: run.check - empty.check,
      cpu: run.cpu - empty.cpu,
      errors: run.errors,
    };
  }
}

// ---- budgets

export const budgetsFile = join(root, "bench/budgets.json");
/** A count more than this fraction over its budget fails test/type-budgets.test.ts. */
export const tolerance = 0.2;
export interface Budgets {
  readonly about: string;
  readonly cases: Record<string, Partial<Record<CompilerName, number>>>;
}
export const readBudgets = (): Budgets =>
  existsSync(budgetsFile) ? (JSON.parse(readFileSync(budgetsFile, "utf8")) as Budgets) : { about: "", cases: {} };

/** How a count compares with its budget: "ok", "over" (fails), "under" (the budget could be lowered), or "none". */
export function judge(count: number, budget: number | undefined): "ok" | "over" | "under" | "none" {
  if (budget === undefined) return "none";
  if (count > budget * (1 + tolerance)) return "over";
  if (count < budget * (1 - tolerance)) return "under";
  return "ok";
}

// ---- the benchmark

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};
const range = (values: readonly number[]): string => {
  const low = Math.min(...values),
    high = Math.max(...values);
  return low === high ? "" : ` (${low.toLocaleString("en-US")}–${high.toLocaleString("en-US")})`;
};
const count = (n: number): string => Math.round(n).toLocaleString("en-US");
const seconds = (s: number): string => `${s.toFixed(2)} s`;
const signed = (text: string): string => (text.startsWith("-") ? `−${text.slice(1)}` : `+${text}`);
const ms = (s: number): string => `${Math.round(s * 1000)} ms`;
const table = (head: readonly string[], rows: readonly (readonly string[])[]): string =>
  [head, head.map(() => "---"), ...rows].map((cells) => `| ${cells.join(" | ")} |`).join("\n");

interface Options {
  runs?: number;
  only?: RegExp;
  compilers: readonly CompilerName[];
  cold: boolean;
  alone: boolean;
  writeBudgets: boolean;
  json?: string;
  trace?: RegExp;
}

function parseOptions(argv: readonly string[]): Options {
  const options: Options = { compilers: compilerNames, cold: true, alone: true, writeBudgets: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--runs") options.runs = Number(argv[++i]);
    else if (arg === "--only") options.only = new RegExp(argv[++i]!, "i");
    else if (arg === "--compiler")
      ((options.compilers = compilerNames.filter((name) => name.endsWith(` ${argv[i + 1]}`))), i++);
    else if (arg === "--skip-cold") options.cold = false;
    else if (arg === "--skip-alone") options.alone = false;
    else if (arg === "--write-budgets") options.writeBudgets = true;
    else if (arg === "--json") options.json = argv[++i];
    else if (arg === "--trace") options.trace = new RegExp(argv[++i]!, "i");
    else if (arg === "--help") {
      console.log(
        "node --import tsx bench/types-models.ts [--runs N] [--only REGEX] [--compiler 5.9|7] [--skip-cold] [--skip-alone] [--write-budgets] [--json FILE] [--trace REGEX]",
      );
      process.exit(0);
    } else throw new Error(`unknown option ${arg}`);
  }
  return options;
}

const progress = (text: string) => process.stderr.write(`\r\x1b[K${text}`);

/** Whole-program runs, round robin over the cases (so the baseline sees the same load), `runs` each. */
function measureCold(compiler: CompilerName, models: readonly ModelCase[], runs: number, dir: string) {
  const files = [emptyCase, ...models].map((model) => ({
    model,
    file: writeCase(model, join(dir, `${slug(model.name)}.ts`)),
  }));
  const results = new Map<string, TscRun[]>(files.map(({ model }) => [model.name, []]));
  for (let run = 1; run <= runs; run++) {
    for (const { model, file } of files) {
      progress(`${compiler}, whole program, run ${run}/${runs}: ${model.name}`);
      results.get(model.name)!.push(runTsc(compiler, [file], dir));
    }
  }
  progress("");
  return results;
}

function coldTable(compiler: CompilerName, results: Map<string, TscRun[]>): string {
  const base = results.get(emptyCase.name)!;
  const baseCheck = median(base.map((r) => r.check)),
    baseCpu = median(base.map((r) => r.cpu));
  const baseMemory = median(base.map((r) => r.memory)),
    baseCount = median(base.map((r) => r.instantiations));
  const rows = [...results].map(([name, runs]) => {
    const errors = runs[0]!.errors.length ? ` ⚠ ${runs[0]!.errors.length} errors` : "";
    if (name === emptyCase.name) {
      return [
        `${name} (baseline)`,
        seconds(baseCheck),
        seconds(baseCpu),
        count(baseCount) + range(runs.map((r) => r.instantiations)),
        `${Math.round(baseMemory)} MB`,
      ];
    }
    return [
      name + errors,
      signed(seconds(median(runs.map((r) => r.check)) - baseCheck)),
      signed(seconds(median(runs.map((r) => r.cpu)) - baseCpu)),
      `${signed(count(median(runs.map((r) => r.instantiations)) - baseCount))}${range(runs.map((r) => r.instantiations))}`,
      signed(`${Math.round(median(runs.map((r) => r.memory)) - baseMemory)} MB`),
    ];
  });
  const runs = base.length;
  return (
    `### ${compiler}, whole program (cold \`tsc\`), median of ${runs} run${runs > 1 ? "s" : ""}, above the empty file\n\n` +
    table(["case", "check time", "CPU time", "instantiations", "memory"], rows)
  );
}

/** How many checks of the cases (round robin, one round at least) run before TypeScript 5.9's measured runs. */
const warmUpChecks = 12;

function measureAlone(
  models: readonly ModelCase[],
  compilersToRun: readonly CompilerName[],
  runs: Record<CompilerName, number>,
  dir: string,
) {
  const results = new Map<string, Partial<Record<CompilerName, AloneRun[]>>>(models.map((m) => [m.name, {}]));
  if (compilersToRun.includes("TypeScript 5.9")) {
    const alone = new Alone59(join(dir, "alone-ts5"));
    // The first checks of a file run before the JIT has compiled the checker's paths for it: the first
    // three to eight checks of the 41-op block take 2-3 times as long as the rest. An editor's checker
    // (tsserver) has run for a while: the runs measured follow `warmUpChecks` checks of the cases
    // themselves, round robin (one round at least).
    alone.check(emptyCase);
    alone.check(syntheticCase(10));
    const rounds = Math.max(1, Math.ceil(warmUpChecks / models.length));
    for (let round = 1; round <= rounds; round++) {
      for (const model of models) {
        progress(`TypeScript 5.9, model alone, warming up ${round}/${rounds}: ${model.name}`);
        alone.check(model);
      }
    }
    for (let run = 1; run <= runs["TypeScript 5.9"]; run++) {
      for (const model of models) {
        progress(`TypeScript 5.9, model alone, run ${run}/${runs["TypeScript 5.9"]}: ${model.name}`);
        (results.get(model.name)!["TypeScript 5.9"] ??= []).push(alone.check(model));
      }
    }
  }
  if (compilersToRun.includes("TypeScript 7")) {
    const alone = new Alone7(join(dir, "alone-ts7"));
    for (let run = 1; run <= runs["TypeScript 7"]; run++) {
      for (const model of models) {
        progress(`TypeScript 7, model alone, run ${run}/${runs["TypeScript 7"]}: ${model.name}`);
        (results.get(model.name)!["TypeScript 7"] ??= []).push(alone.check(model));
      }
    }
  }
  progress("");
  return results;
}

function aloneTable(
  results: Map<string, Partial<Record<CompilerName, AloneRun[]>>>,
  compilersToRun: readonly CompilerName[],
  budgets: Budgets,
): string {
  const head = ["case"];
  for (const compiler of compilersToRun) head.push(`${compiler}: instantiations`, "check time", "CPU time", "budget");
  const rows = [...results].map(([name, byCompiler]) => {
    const cells = [name];
    for (const compiler of compilersToRun) {
      const runs = byCompiler[compiler] ?? [];
      if (!runs.length) {
        cells.push("", "", "", "");
        continue;
      }
      const counted = Math.round(median(runs.map((r) => r.instantiations)));
      const budget = budgets.cases[name]?.[compiler];
      const verdict = { ok: "ok", over: "**over by more than 20%**", under: "far under: lower it", none: "none" }[
        judge(counted, budget)
      ];
      cells.push(
        count(counted) +
          range(runs.map((r) => r.instantiations)) +
          (runs[0]!.errors.length ? ` ⚠ ${runs[0]!.errors.length} errors` : ""),
        ms(median(runs.map((r) => r.check))),
        ms(median(runs.map((r) => r.cpu))),
        budget === undefined ? "none" : `${count(budget)}: ${verdict}`,
      );
    }
    return cells;
  });
  return (
    "### The model file alone (library already checked; what the editor pays and the budgets hold)\n\n" +
    "TypeScript 5.9: its API, only the model file checked (check and CPU time of that check), after 12 checks of the cases that warm the JIT up. TypeScript 7: " +
    "`tsc --incremental` after a build of the empty file (its figures subtracted; CPU time of the process).\n\n" +
    table(head, rows)
  );
}

/** Runs the model benchmark and prints its tables (Markdown). */
export async function main(argv: readonly string[] = process.argv.slice(2)): Promise<void> {
  const options = parseOptions(argv);
  const models = allCases().filter((model) => !options.only || options.only.test(model.name));
  const dir = join(root, ".tmp/bench-types");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  if (options.trace) {
    for (const model of allCases().filter((m) => options.trace!.test(m.name)))
      console.log(`${traceCase(model, join(dir, "trace"))}\n`);
    return;
  }
  const budgets = readBudgets();
  const out: string[] = [];
  const raw: Record<string, unknown> = {
    date: new Date().toISOString(),
    load: readFileSync("/proc/loadavg", "utf8").trim(),
  };
  console.log(`## Type-checking cost of models (${models.length} cases; load average ${raw.load})\n`);

  const cold: Partial<Record<CompilerName, Map<string, TscRun[]>>> = {};
  if (options.cold) {
    raw.cold = {};
    for (const compiler of options.compilers) {
      const runs = options.runs ?? (compiler === "TypeScript 7" ? 5 : 3);
      const results = measureCold(compiler, models, runs, join(dir, "cold"));
      cold[compiler] = results;
      (raw.cold as Record<string, unknown>)[compiler] = Object.fromEntries(results);
      const text = coldTable(compiler, results);
      out.push(text);
      console.log(`${text}\n`);
    }
  }
  let alone: ReturnType<typeof measureAlone> | undefined;
  if (options.alone) {
    const runs = { "TypeScript 5.9": options.runs ?? 3, "TypeScript 7": options.runs ?? 5 };
    alone = measureAlone(models, options.compilers, runs, dir);
    raw.alone = Object.fromEntries(alone);
    const text = aloneTable(alone, options.compilers, budgets);
    out.push(text);
    console.log(`${text}\n`);
    console.log(goals(alone, cold));
  }
  if (options.writeBudgets && alone) {
    const cases = { ...budgets.cases };
    for (const [name, byCompiler] of alone) {
      cases[name] = { ...cases[name] };
      for (const [compiler, runs] of Object.entries(byCompiler))
        cases[name]![compiler as CompilerName] = Math.round(median(runs!.map((r) => r.instantiations)));
    }
    writeFileSync(budgetsFile, `${JSON.stringify({ about: budgetsAbout, cases }, null, 2)}\n`);
    console.log(`wrote ${relative(root, budgetsFile)}`);
  }
  if (options.json) writeFileSync(options.json, `${JSON.stringify(raw, null, 1)}\n`);
}

const budgetsAbout =
  "Instantiation counts of each model file checked alone (the library already checked), per compiler, " +
  "as measured by `npm run bench:types -- --section models --skip-cold --write-budgets` (bench/types-models.ts). test/type-budgets.test.ts fails when a " +
  "count is more than 20% over its budget, and says when one is more than 20% under (lower the budget then).";

// ---- where the cost goes: TypeScript 5.9's --generateTrace, the case's program against the empty file's

interface TraceEvent {
  readonly name: string;
  readonly ph: string;
  readonly ts: number;
  readonly dur?: number;
  readonly args?: Record<string, unknown>;
}
interface TracedType {
  readonly id: number;
  readonly symbolName?: string;
  readonly intrinsicName?: string;
  readonly flags: readonly string[];
  readonly firstDeclaration?: { path: string; start: { line: number } };
}

/**
 * Runs TypeScript 5.9 with --generateTrace on the empty file and on the case (whole programs), and
 * reports the check time of the case's file, the types its check creates beyond the empty file's,
 * by the type alias, interface or kind that declares them, and the slowest expressions and type
 * comparisons in the file.
 */
export function traceCase(model: ModelCase, dir: string): string {
  const run = (m: ModelCase) => {
    const file = writeCase(m, join(dir, `${slug(m.name)}.ts`));
    const out = join(dir, `trace-${slug(m.name)}`);
    rmSync(out, { recursive: true, force: true });
    const result = runTsc("TypeScript 5.9", ["--generateTrace", out, file], dir);
    return {
      file,
      result,
      source: readFileSync(file, "utf8"),
      events: JSON.parse(readFileSync(join(out, "trace.json"), "utf8")) as TraceEvent[],
      types: JSON.parse(readFileSync(join(out, "types.json"), "utf8")) as TracedType[],
    };
  };
  const base = run(emptyCase);
  const traced = run(model);
  const begin = traced.events.find((e) => e.name === "checkSourceFile" && e.ph === "B" && e.args?.path === traced.file);
  const end = traced.events.find(
    (e) => e.name === "checkSourceFile" && e.ph === "E" && begin && e.ts >= begin.ts && e.args?.path === traced.file,
  );
  const key = (t: TracedType) => {
    const where = t.firstDeclaration
      ? ` (${relative(root, t.firstDeclaration.path)}:${t.firstDeclaration.start.line + 1})`
      : "";
    return `${t.symbolName ?? t.intrinsicName ?? "(anonymous)"} ${t.flags.filter((f) => !f.startsWith("Includes") && f !== "Object").join("|") || "Object"}${where}`;
  };
  const tally = (types: readonly TracedType[]) =>
    types.reduce((m, t) => m.set(key(t), (m.get(key(t)) ?? 0) + 1), new Map<string, number>());
  const before = tally(base.types);
  const after = tally(traced.types);
  const grown = [...after]
    .map(([k, n]) => [k, n - (before.get(k) ?? 0)] as const)
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1]);
  const inFile = traced.events.filter((e) => e.ph === "X" && begin && end && e.ts >= begin.ts && e.ts <= end.ts);
  const slow = inFile
    .sort((a, b) => b.dur! - a.dur!)
    .slice(0, 12)
    .map((e) => {
      const at =
        typeof e.args?.pos === "number" && e.args.path === traced.file
          ? ` \`${traced.source
              .slice(e.args.pos as number, e.args.end as number)
              .trim()
              .replace(/\s+/g, " ")
              .slice(0, 70)}\``
          : "";
      const types = ["sourceId", "targetId"].flatMap((k) =>
        typeof e.args?.[k] === "number" ? [key(traced.types[(e.args[k] as number) - 1]!)] : [],
      );
      return `${Math.round(e.dur! / 1000)} ms ${e.name}${at}${types.length ? ` ${types.join(" → ")}` : ""}`;
    });
  return [
    `### Trace of ${model.name} (TypeScript 5.9, whole program)`,
    "",
    `- check of the file: ${begin && end ? ms((end.ts - begin.ts) / 1e6) : "?"}; instantiations above the empty file: ${count(traced.result.instantiations - base.result.instantiations)}; ` +
      `types: ${count(traced.types.length - base.types.length)} more`,
    "- types created beyond the empty file's, by declaration (top 25):",
    "",
    table(
      ["types", "declared as"],
      grown.slice(0, 25).map(([k, n]) => [count(n), `\`${k}\``]),
    ),
    "",
    "- slowest events while checking the file (nested events overlap):",
    "",
    ...slow.map((line) => `  - ${line}`),
  ].join("\n");
}

/** The goals of issue 7: instantiations of the model file alone; check time above the empty file, whole program and alone. */
function goals(
  alone: Map<string, Partial<Record<CompilerName, AloneRun[]>>>,
  cold: Partial<Record<CompilerName, Map<string, TscRun[]>>>,
): string {
  const lines = ["### Goals (issue 7)", ""];
  const mark = (ok: boolean) => (ok ? "met" : "**not met**");
  const long = syntheticCase(200).name;
  for (const compiler of compilerNames) {
    const runs = alone.get(long)?.[compiler];
    if (!runs) continue;
    const n = Math.round(median(runs.map((r) => r.instantiations)));
    const limit = compiler === "TypeScript 5.9" ? 0.6 : 0.1;
    const check = median(runs.map((r) => r.check));
    const times = [`the file alone: ${ms(check)} (${mark(check < limit)}; CPU ${ms(median(runs.map((r) => r.cpu)))})`];
    const whole = cold[compiler];
    if (whole?.has(long)) {
      const above = (key: "check" | "cpu") =>
        median(whole.get(long)!.map((r) => r[key])) - median(whole.get(emptyCase.name)!.map((r) => r[key]));
      times.unshift(
        `whole program: ${signed(ms(above("check")))} (${mark(above("check") < limit)}; CPU ${signed(ms(above("cpu")))})`,
      );
    }
    lines.push(
      `- ${compiler}, ${long}: ${count(n)} instantiations (goal < 250,000: ${mark(n < 250_000)}); ` +
        `check time above the empty file (goal < ${limit} s): ${times.join("; ")}`,
    );
  }
  for (const compiler of compilerNames) {
    const runs = alone.get("examples/resnet18.ts")?.[compiler];
    const n = runs && Math.round(median(runs.map((r) => r.instantiations)));
    if (n !== undefined)
      lines.push(`- ${compiler}, ResNet-18: ${count(n)} instantiations (goal < 50,000: ${mark(n < 50_000)})`);
  }
  return lines.join("\n");
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
