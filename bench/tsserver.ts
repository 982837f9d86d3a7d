// Editor latency (issue 7): drives TypeScript 5.9's tsserver over its stdio protocol, as an editor
// does, and times each answer once the file is open:
//  - quickinfo (hover) on the model variable of a one-layer model (the baseline: what any hover costs
//    after an edit), of ResNet-18 (examples/resnet18.ts) and of the 200-layer sequential: the first
//    answer, then warm ones;
//  - completionInfo after `nn.` on a line inserted inside the 200-layer sequential(...) (an
//    updateOpen request, as an editor sends a keystroke): the first answer after the edit, warm
//    ones, and the first after each further keystroke.
// Wall-clock ms and the server's CPU ms (from /proc, 10 ms steps) per answer. Target: < 100 ms each.
//
//   node --import tsx bench/tsserver.ts [--runs N] [--only REGEX] [--import-from PATH]
//   (also the "editor" section of `npm run bench:types`, which passes its options on)
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { exampleCases, root, slug, syntheticCase, writeCase, type ModelCase } from "./types-models.ts";

const tsserverPath = join(root, "node_modules/typescript/lib/tsserver.js");

interface Answer {
  readonly body?: unknown;
  readonly success: boolean;
  readonly message?: string;
}
/** One timed answer: wall-clock and server CPU milliseconds. */
interface Timed {
  readonly wall: number;
  readonly cpu: number;
  readonly answer: Answer;
}

/** A tsserver process and its protocol: one JSON request a line in, `Content-Length`-framed JSON out. */
export class TsServer {
  private readonly process: ChildProcessWithoutNullStreams;
  private buffer = Buffer.alloc(0);
  private seq = 0;
  private readonly waiting = new Map<number, (answer: Answer) => void>();

  constructor() {
    this.process = spawn(
      process.execPath,
      [tsserverPath, "--disableAutomaticTypingAcquisition", "--suppressDiagnosticEvents", "--locale", "en"],
      { cwd: root },
    );
    this.process.stdout.on("data", (chunk: Buffer) => this.read(chunk));
    this.process.stderr.on("data", () => {});
  }

  private read(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf("\r\n\r\n");
      if (headerEnd < 0) return;
      const length = Number(
        this.buffer
          .subarray(0, headerEnd)
          .toString()
          .match(/Content-Length: (\d+)/)?.[1],
      );
      if (this.buffer.length < headerEnd + 4 + length) return;
      const message = JSON.parse(this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString());
      this.buffer = this.buffer.subarray(headerEnd + 4 + length);
      if (message.type === "response") this.waiting.get(message.request_seq)?.(message);
    }
  }

  /** CPU milliseconds the server has used (user + system). */
  private cpu(): number {
    const fields = readFileSync(`/proc/${this.process.pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return (Number(fields[11]) + Number(fields[12])) * 10; // utime, stime in clock ticks of 10 ms
  }

  /** Sends a request and waits for its answer. */
  async request(command: string, args: unknown): Promise<Timed> {
    const seq = ++this.seq;
    const cpu = this.cpu();
    const started = performance.now();
    const answer = await new Promise<Answer>((resolve) => {
      this.waiting.set(seq, resolve);
      this.process.stdin.write(`${JSON.stringify({ seq, type: "request", command, arguments: args })}\n`);
    });
    this.waiting.delete(seq);
    return { wall: performance.now() - started, cpu: this.cpu() - cpu, answer };
  }

  /** A notification (open, updateOpen, …): no answer but the next request's; sent without waiting. */
  notify(command: string, args: unknown): void {
    this.process.stdin.write(`${JSON.stringify({ seq: ++this.seq, type: "request", command, arguments: args })}\n`);
  }

  close(): void {
    this.process.kill();
  }
}

/** 1-based line and offset of the first match of `pattern`'s group 1 (or whole match) in `text`. */
function position(text: string, pattern: RegExp): { line: number; offset: number } {
  const match = pattern.exec(text);
  if (!match) throw new Error(`no ${pattern} in the file`);
  const at = match.index + (match[1] ? match[0].indexOf(match[1]) : 0);
  const before = text.slice(0, at).split("\n");
  return { line: before.length, offset: before.at(-1)!.length + 1 };
}

const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;
const describe = (runs: readonly Timed[]) =>
  `${Math.round(median(runs.map((r) => r.wall)))} ms (CPU ${Math.round(median(runs.map((r) => r.cpu)))} ms)`;

interface Row {
  model: string;
  request: string;
  first: string;
  warm: string;
  note: string;
}

/** Opens a model in a fresh tsserver and times hover, and completion after `nn.` inside its layer list. */
async function measure(model: ModelCase, dir: string, runs: number, completions: boolean): Promise<Row[]> {
  const file = writeCase(model, join(dir, `${slug(model.name)}.ts`));
  const text = readFileSync(file, "utf8");
  const server = new TsServer();
  const rows: Row[] = [];
  try {
    server.notify("open", { file, fileContent: text, scriptKindName: "TS", projectRootPath: dir });
    // Loads the project and builds the program (no type checking), so what follows is the checker's work.
    const load = await server.request("syntacticDiagnosticsSync", { file });
    const variable = model.variable ?? "net";
    const at = position(text, new RegExp(`export const (${variable})\\b`));
    const first = await server.request("quickinfo", { file, ...at });
    if (!first.answer.success) throw new Error(`quickinfo failed: ${first.answer.message}`);
    const warm: Timed[] = [];
    for (let i = 0; i < runs; i++) warm.push(await server.request("quickinfo", { file, ...at }));
    const shown = String((first.answer.body as { displayString?: string }).displayString ?? "").replace(/\s+/g, " ");
    rows.push({
      model: model.name,
      request: `hover \`${variable}\``,
      first: describe([first]),
      warm: describe(warm),
      note: `project load ${Math.round(load.wall)} ms; shows \`${shown.length > 90 ? `${shown.slice(0, 90)}…` : shown}\``,
    });
    // An edit elsewhere in the file (a comment at its end): a new program and checker, as after any keystroke.
    const lastLine = text.split("\n").length;
    server.notify("updateOpen", {
      changedFiles: [
        {
          fileName: file,
          textChanges: [
            { start: { line: lastLine, offset: 1 }, end: { line: lastLine, offset: 1 }, newText: "// edited\n" },
          ],
        },
      ],
    });
    const afterEdit = await server.request("quickinfo", { file, ...at });
    rows.push({
      model: model.name,
      request: `hover \`${variable}\` after an edit elsewhere`,
      first: describe([afterEdit]),
      warm: "",
      note: "a comment added at the end: the checker starts again",
    });
    // More edits, each followed by a hover: the server's own code warms up, as in an editing session.
    const edits: Timed[] = [];
    for (let i = 0; i < 2 * runs; i++) {
      const end = text.split("\n").length + 1 + i;
      server.notify("updateOpen", {
        changedFiles: [
          {
            fileName: file,
            textChanges: [
              { start: { line: end, offset: 1 }, end: { line: end, offset: 1 }, newText: `// edit ${i}\n` },
            ],
          },
        ],
      });
      edits.push(await server.request("quickinfo", { file, ...at }));
    }
    rows.push({
      model: model.name,
      request: `hover \`${variable}\` after each further edit`,
      first: describe(edits.slice(runs)),
      warm: "",
      note: `median of the last ${runs} of ${2 * runs} edit-and-hover rounds (a server warmed up by editing)`,
    });
    const diagnostics = await server.request("semanticDiagnosticsSync", { file });
    rows.push({
      model: model.name,
      request: "semantic diagnostics of the file",
      first: describe([diagnostics]),
      warm: "",
      note: `${(diagnostics.answer.body as unknown[]).length} diagnostics (after the hover)`,
    });

    if (completions) {
      // A new line `nn.` in the middle of the layer list, as typed: inserted by updateOpen.
      const lines = text.split("\n");
      const indentOf = (line: string) => line.match(/^\s*/)![0];
      const top = indentOf(lines.find((l) => /^\s+input\(/.test(l)) ?? "  "); // the sequential's own arguments
      const layerLines = lines.flatMap((l, index) => (indentOf(l) === top && /^\s+nn\.\w+\(/.test(l) ? [index] : []));
      const lineIndex = layerLines[layerLines.length >> 1]!; // a layer in the middle: the line goes after it
      const line = lineIndex + 2;
      const indent = top;
      const edit = (offset: number, newText: string) =>
        server.notify("updateOpen", {
          changedFiles: [
            { fileName: file, textChanges: [{ start: { line, offset }, end: { line, offset }, newText }] },
          ],
        });
      server.notify("updateOpen", {
        changedFiles: [
          {
            fileName: file,
            textChanges: [{ start: { line, offset: 1 }, end: { line, offset: 1 }, newText: `${indent}nn.\n` }],
          },
        ],
      });
      let offset = indent.length + 4;
      const complete = () =>
        server.request("completionInfo", {
          file,
          line,
          offset,
          triggerCharacter: ".",
          includeExternalModuleExports: false,
        });
      const afterEdit = await complete();
      const entries = (afterEdit.answer.body as { entries?: { name: string }[] } | undefined)?.entries ?? [];
      if (!entries.some((entry) => entry.name === "conv2d"))
        throw new Error(`no conv2d among the completions: ${entries.map((e) => e.name).join(", ")}`);
      const warmCompletions: Timed[] = [];
      for (let i = 0; i < runs; i++) warmCompletions.push(await complete());
      rows.push({
        model: model.name,
        request: `completions after \`nn.\` (line ${line} of ${lines.length + 1})`,
        first: describe([afterEdit]),
        warm: describe(warmCompletions),
        note: `${entries.length} entries`,
      });
      // Further keystrokes, `nn.c`, `nn.co`, …: each a change, then completions (the typing loop).
      const typed: Timed[] = [];
      for (const char of "conv") {
        edit(offset, char);
        offset += 1;
        typed.push(await server.request("completionInfo", { file, line, offset, includeExternalModuleExports: false }));
      }
      rows.push({
        model: model.name,
        request: "completions after each keystroke (`nn.c` … `nn.conv`)",
        first: describe(typed),
        warm: "",
        note: `median of ${typed.length}, each the first after its edit`,
      });
      const hoverAfter = await server.request("quickinfo", { file, ...at });
      rows.push({
        model: model.name,
        request: `hover \`${variable}\` after the edits`,
        first: describe([hoverAfter]),
        warm: "",
        note: "the model now has an error",
      });
    }
  } finally {
    server.close();
  }
  return rows;
}

/** Runs the editor-latency benchmark and prints a Markdown table. */
export async function main(argv: readonly string[] = process.argv.slice(2)): Promise<void> {
  let runs = 10; // 20 edit-and-hover rounds: a server warmed up as in an editing session
  let only: RegExp | undefined;
  let importFrom: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--runs") runs = Number(argv[++i]);
    else if (argv[i] === "--only") only = new RegExp(argv[++i]!, "i");
    else if (argv[i] === "--import-from")
      importFrom = argv[++i]; // e.g. a patched copy of the package: /path/src/index.ts
    else if (argv[i]!.startsWith("--") && argv[i + 1] !== undefined && !argv[i + 1]!.startsWith("--")) i++; // another section's option and its value
  }
  const dir = join(root, ".tmp/bench-tsserver");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  // A project of its own, with the options of the repository's tsconfig.json.
  const config = JSON.parse(readFileSync(join(root, "tsconfig.json"), "utf8"));
  writeFileSync(
    join(dir, "tsconfig.json"),
    JSON.stringify({ compilerOptions: config.compilerOptions, include: ["*.ts"] }, null, 2),
  );
  const resnet = exampleCases().find((model) => model.name === "examples/resnet18.ts") ?? resnetLike();
  // A one-layer model first: what any hover costs after an edit (the new checker resolves the library's and lib's types).
  const oneLayer: ModelCase = {
    name: "one layer (baseline)",
    variable: "net",
    source: `import { input, nn, sequential } from "shapecheck";\n\nexport const net = sequential(input([4]), nn.linear(4, 2));\n`,
  };
  // And a file without shapecheck: the server's own floor.
  const plain: ModelCase = {
    name: "no shapecheck (floor)",
    variable: "net",
    source: `export const net = [1, 2, 3].map((x) => x * 2);\n`,
  };
  const models: [ModelCase, boolean][] = (
    [
      [plain, false],
      [oneLayer, false],
      [resnet, true],
      [syntheticCase(200), true],
    ] as [ModelCase, boolean][]
  ).map(([model, completions]) => [
    importFrom ? { ...model, source: model.source.replaceAll(`"shapecheck"`, JSON.stringify(importFrom)) } : model,
    completions,
  ]);
  const rows: Row[] = [];
  for (const [model, completions] of models) {
    if (only && !only.test(model.name)) continue;
    process.stderr.write(`tsserver: ${model.name}…\n`);
    rows.push(...(await measure(model, dir, runs, completions)));
  }
  console.log(
    `### Editor latency, TypeScript 5.9 tsserver (load average ${readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ")})\n`,
  );
  console.log(`Wall-clock ms (the server's CPU ms); warm: median of ${runs}. Target: under 100 ms an answer.\n`);
  console.log("| model | request | first | warm | note |\n| --- | --- | --- | --- | --- |");
  for (const row of rows) console.log(`| ${row.model} | ${row.request} | ${row.first} | ${row.warm} | ${row.note} |`);
}

/** When examples/resnet18.ts does not exist: ResNet-18's layers (torchvision), written here. */
function resnetLike(): ModelCase {
  const block = (c: number) =>
    `nn.residual(nn.conv2d(${c}, ${c}, 3, { padding: 1, bias: false }), nn.batchNorm2d(${c}), nn.relu(), nn.conv2d(${c}, ${c}, 3, { padding: 1, bias: false }), nn.batchNorm2d(${c}))`;
  const down = (c: number) =>
    `nn.residual({ projection: [nn.conv2d(${c / 2}, ${c}, 1, { stride: 2, bias: false }), nn.batchNorm2d(${c})] }, nn.conv2d(${c / 2}, ${c}, 3, { stride: 2, padding: 1, bias: false }), nn.batchNorm2d(${c}), nn.relu(), nn.conv2d(${c}, ${c}, 3, { padding: 1, bias: false }), nn.batchNorm2d(${c}))`;
  const layers = [
    "nn.conv2d(3, 64, 7, { stride: 2, padding: 3, bias: false })",
    "nn.batchNorm2d(64)",
    "nn.relu()",
    "nn.maxPool2d(3, 2, 1)",
    block(64),
    "nn.relu()",
    block(64),
    "nn.relu()",
    down(128),
    "nn.relu()",
    block(128),
    "nn.relu()",
    down(256),
    "nn.relu()",
    block(256),
    "nn.relu()",
    down(512),
    "nn.relu()",
    block(512),
    "nn.relu()",
    "nn.adaptiveAvgPool2d(1)",
    "nn.flatten()",
    "nn.linear(512, 1000)",
  ];
  return {
    name: "ResNet-18 (written by bench/tsserver.ts)",
    variable: "resnet18",
    source: `import { input, nn, sequential } from "shapecheck";\n\nexport const resnet18 = sequential(\n  input([3, 224, 224]),\n  ${layers.join(",\n  ")},\n);\n`,
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
