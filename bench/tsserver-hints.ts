// Editor latency of shapecheck/ts-plugin (issue 19), measured as bench/tsserver.ts measures hover:
// TypeScript 5.9's tsserver over its stdio protocol, the plugin loaded from a temp project's
// node_modules (test/ts-plugin-server.ts), on examples/resnet18-written-out.ts (ResNet-18 with every layer written, so that every layer gets a hint), the 200-layer sequential
// and examples/resnet18.ts (helpers: the shapes after them come from the compiler's trace)
// (scripts/gen-long-model.mjs). Per model:
//  - inlay hints of the whole file once it is checked (after semantic diagnostics): target ≤ 50 ms;
//  - the first inlay hints after an edit (a comment added at the end, as a keystroke): target ≤ 150 ms;
//  - a re-check after an edit (semantic diagnostics, then inlay hints, as an editor asks), with the
//    plugin and in the same project without it: the plugin adds ≤ 10%.
// Medians of N rounds (wall-clock ms, and the server's CPU ms from /proc in 10 ms steps).
//
//   node --import tsx bench/tsserver-hints.ts [--runs N]
import { readFileSync, writeFileSync } from "node:fs";
import ts from "typescript";
import { Analyzer } from "../src/ts-plugin/analyze.ts";
import { join } from "node:path";
import { longModel } from "../scripts/gen-long-model.mjs";
import { buildPlugin, makeProject, OpenFile, root, TsServer } from "../test/ts-plugin-server.ts";

interface Timed {
  wall: number;
  cpu: number;
}

async function timed(server: TsServer, run: () => Promise<unknown>): Promise<Timed> {
  const cpu = server.cpu();
  const started = performance.now();
  await run();
  return { wall: performance.now() - started, cpu: server.cpu() - cpu };
}

const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;
const show = (runs: readonly Timed[]) =>
  `${Math.round(median(runs.map((r) => r.wall)))} ms (CPU ${Math.round(median(runs.map((r) => r.cpu)))} ms)`;

interface Measured {
  hintsChecked: Timed[];
  hintsAfterEdit: Timed[];
  diagnosticsAfterEdit: Timed[];
  recheck: Timed[];
  recheckPlain: Timed[];
  hints: number;
}

/**
 * Opens the model in two fresh servers, one whose project lists the plugin and one without, and
 * times both in alternating rounds (the machine's load then weighs on both alike).
 */
async function measure(source: string, name: string, runs: number): Promise<Measured> {
  const servers = [true, false].map((plugin) => {
    const dir = makeProject(`bench-hints-${plugin ? "plugin" : "plain"}`, plugin ? {} : null);
    return { dir, server: new TsServer(dir) };
  });
  try {
    const [withPlugin, plain] = await Promise.all(
      servers.map(({ dir, server }) => OpenFile.open(server, join(dir, `${name}.ts`), source)),
    );
    const files = [withPlugin!, plain!];
    for (const file of files) await file.diagnostics(); // checked
    const hints = (await withPlugin!.hints()).length;
    const hintsChecked: Timed[] = [];
    for (let i = 0; i < runs; i++) hintsChecked.push(await timed(withPlugin!.server, () => withPlugin!.hints()));
    let edits = 0;
    const edit = (file: OpenFile) => file.change(file.text.length, file.text.length, `// edit ${edits++}\n`);
    // Warm the servers up by editing (as bench/tsserver.ts does), then measure.
    for (let i = 0; i < runs; i++) {
      for (const file of files) {
        edit(file);
        await file.diagnostics();
        await file.hints();
      }
    }
    const hintsAfterEdit: Timed[] = [];
    const diagnosticsAfterEdit: Timed[] = [];
    const recheck: Timed[] = [];
    const recheckPlain: Timed[] = [];
    for (let i = 0; i < runs; i++) {
      edit(withPlugin!);
      hintsAfterEdit.push(await timed(withPlugin!.server, () => withPlugin!.hints()));
      edit(plain!);
      diagnosticsAfterEdit.push(await timed(plain!.server, () => plain!.diagnostics()));
      for (const [file, into] of [
        [withPlugin!, recheck],
        [plain!, recheckPlain],
      ] as const) {
        edit(file);
        into.push(
          await timed(file.server, async () => {
            await file.diagnostics();
            await file.hints();
          }),
        );
      }
    }
    return { hintsChecked, hintsAfterEdit, diagnosticsAfterEdit, recheck, recheckPlain, hints };
  } finally {
    for (const { server } of servers) server.close();
  }
}

/**
 * The plugin's own work once the file is checked, in process (no protocol, no other process's
 * load in between): the analysis behind the hints, on a program whose checker has checked the file.
 */
function ownWork(source: string, name: string, runs: number): { ms: number; steps: number } {
  const dir = makeProject("bench-hints-in-process", null);
  const file = join(dir, `${name}.ts`);
  writeFileSync(file, source);
  const config = ts.getParsedCommandLineOfConfigFile(
    join(dir, "tsconfig.json"),
    {},
    { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} },
  )!;
  const program = ts.createProgram([file], config.options);
  const sourceFile = program.getSourceFile(file)!;
  program.getSemanticDiagnostics(sourceFile); // checked
  const times: number[] = [];
  let steps = 0;
  for (let i = 0; i < 3 * runs; i++) {
    const started = performance.now();
    steps = new Analyzer(ts as never).analyze(program, sourceFile).steps.length; // a new analyzer: nothing cached
    times.push(performance.now() - started);
  }
  return { ms: median(times.slice(2 * runs)), steps }; // the last third: the plugin's code warmed up, as in an editing session
}

export async function main(argv: readonly string[] = process.argv.slice(2)): Promise<void> {
  let runs = 10;
  for (let i = 0; i < argv.length; i++) if (argv[i] === "--runs") runs = Number(argv[++i]);
  buildPlugin();
  const models = [
    {
      name: "resnet18",
      label: "examples/resnet18-written-out.ts",
      source: readFileSync(join(root, "examples/resnet18-written-out.ts"), "utf8"),
    },
    { name: "long-200", label: "200-layer sequential", source: longModel(200).source },
    {
      // built with torchvision's helpers: the hints after them are read from the compiler's trace ("~trace")
      name: "resnet18-helpers",
      label: "examples/resnet18.ts (helpers)",
      source: readFileSync(join(root, "examples/resnet18.ts"), "utf8"),
    },
  ];
  const rows = ["| model | request | median | target |", "| --- | --- | --: | --- |"];
  for (const model of models) {
    process.stderr.write(`tsserver-hints: ${model.label}…\n`);
    const measured = await measure(model.source, model.name, runs);
    const ratio = (of: (t: Timed) => number) =>
      median(measured.recheck.map(of)) / median(measured.recheckPlain.map(of)) - 1;
    const percent = (value: number) => `${value >= 0 ? "+" : ""}${(value * 100).toFixed(1)}%`;
    const own = ownWork(model.source, model.name, runs);
    rows.push(
      `| ${model.label} | the plugin's own analysis of the checked file, in process, warmed up (${own.steps} layers) | ${own.ms.toFixed(1)} ms | |`,
      `| ${model.label} | inlay hints, file checked (${measured.hints} hints) | ${show(measured.hintsChecked)} | ≤ 50 ms |`,
      `| ${model.label} | first inlay hints after an edit | ${show(measured.hintsAfterEdit)} | ≤ 150 ms |`,
      `| ${model.label} | (for comparison: semantic diagnostics after an edit, no plugin) | ${show(measured.diagnosticsAfterEdit)} | |`,
      `| ${model.label} | re-check after an edit (diagnostics + hints), plugin | ${show(measured.recheck)} | |`,
      `| ${model.label} | re-check after an edit (diagnostics + hints), no plugin | ${show(measured.recheckPlain)} | |`,
      `| ${model.label} | what the plugin adds to a re-check (wall; CPU) | ${percent(ratio((t) => t.wall))}; ${percent(ratio((t) => t.cpu))} | ≤ 10% |`,
    );
  }
  console.log(rows.join("\n"));
}

if (process.argv[1] === import.meta.filename) await main();
