// A temp project that uses shapecheck/ts-plugin as a user's would, and a tsserver (TypeScript 5.9)
// driven over its stdio protocol: shared by test/ts-plugin.test.ts and bench/tsserver-hints.ts.
//
// The project's tsconfig.json lists `{ "name": "shapecheck/ts-plugin" }`; its node_modules/shapecheck
// is a symlink to this package; tsserver is started with `--pluginProbeLocations <project>`, so it
// `require`s the plugin from the project's node_modules, as an editor's tsserver does.
import { execFileSync, spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";

export const root = resolve(import.meta.dirname, "..");
const tsserverPath = join(root, "node_modules/typescript/lib/tsserver.js");

/** Builds dist/ts-plugin/index.cjs (`npm run build:plugin`). */
export function buildPlugin(): void {
  execFileSync("npm", ["run", "--silent", "build:plugin"], { cwd: root, stdio: "pipe" });
}

/** A fresh project under .tmp/ with the plugin in its tsconfig.json (and `extra` in the plugin's entry; `null`: no plugin). */
export function makeProject(name: string, extra: Record<string, unknown> | null = {}): string {
  const dir = join(root, ".tmp", name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, "node_modules"), { recursive: true });
  symlinkSync(root, join(dir, "node_modules/shapecheck"), "dir");
  const options = JSON.parse(readFileSync(join(root, "tsconfig.json"), "utf8")).compilerOptions;
  // The repo's `paths` (the package's names mapped to its sources), made absolute for this project.
  options.paths = Object.fromEntries(
    Object.entries(options.paths as Record<string, string[]>).map(([name, targets]) => [
      name,
      targets.map((target) => join(root, target)),
    ]),
  );
  writeFileSync(
    join(dir, "tsconfig.json"),
    JSON.stringify(
      {
        compilerOptions: { ...options, plugins: extra === null ? [] : [{ name: "shapecheck/ts-plugin", ...extra }] },
        include: ["*.ts"],
      },
      null,
      2,
    ),
  );
  return dir;
}

export interface Answer {
  readonly body?: any;
  readonly success: boolean;
  readonly message?: string;
}

/** A tsserver process: one JSON request a line in, `Content-Length`-framed JSON out. */
export class TsServer {
  private readonly process: ChildProcessWithoutNullStreams;
  private buffer = Buffer.alloc(0);
  private seq = 0;
  private readonly waiting = new Map<number, (answer: Answer) => void>();

  /** `probe`: where plugins are looked for (`--pluginProbeLocations`); `extra`: more arguments (`--globalPlugins`, as VS Code passes). */
  constructor(probe: string, extra: readonly string[] = []) {
    this.process = spawn(
      process.execPath,
      [
        tsserverPath,
        "--disableAutomaticTypingAcquisition",
        "--suppressDiagnosticEvents",
        "--locale",
        "en",
        "--pluginProbeLocations",
        probe,
        ...extra,
      ],
      { cwd: probe },
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

  /** CPU milliseconds the server has used (user + system, 10 ms steps). */
  cpu(): number {
    const fields = readFileSync(`/proc/${this.process.pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return (Number(fields[11]) + Number(fields[12])) * 10;
  }

  /** Sends a request and waits for its answer. */
  request(command: string, args: unknown): Promise<Answer> {
    const seq = ++this.seq;
    return new Promise<Answer>((done) => {
      this.waiting.set(seq, (answer) => {
        this.waiting.delete(seq);
        done(answer);
      });
      this.process.stdin.write(`${JSON.stringify({ seq, type: "request", command, arguments: args })}\n`);
    });
  }

  /** A request without an answer of its own (open, updateOpen). */
  notify(command: string, args: unknown): void {
    this.process.stdin.write(`${JSON.stringify({ seq: ++this.seq, type: "request", command, arguments: args })}\n`);
  }

  close(): void {
    this.process.kill();
  }
}

/** A file of the project, open in a server: protocol positions to and from text offsets. */
export class OpenFile {
  constructor(
    readonly server: TsServer,
    readonly file: string,
    public text: string,
  ) {}

  static async open(server: TsServer, file: string, text: string): Promise<OpenFile> {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
    server.notify("open", { file, fileContent: text, scriptKindName: "TS", projectRootPath: dirname(file) });
    await server.request("syntacticDiagnosticsSync", { file }); // the project is loaded
    return new OpenFile(server, file, text);
  }

  /** 1-based line and offset of a text offset. */
  location(at: number): { line: number; offset: number } {
    const before = this.text.slice(0, at).split("\n");
    return { line: before.length, offset: before.at(-1)!.length + 1 };
  }

  offsetOf(location: { line: number; offset: number }): number {
    const lines = this.text.split("\n");
    return lines.slice(0, location.line - 1).reduce((sum, line) => sum + line.length + 1, 0) + location.offset - 1;
  }

  /** Inlay hints of the whole file: `{ text, at }` with `at` the offset in the text. */
  async hints(): Promise<{ text: string; at: number }[]> {
    const answer = await this.server.request("provideInlayHints", {
      file: this.file,
      start: 0,
      length: this.text.length,
    });
    if (!answer.success) throw new Error(`provideInlayHints: ${answer.message}`);
    return (answer.body as { text: string; position: { line: number; offset: number } }[]).map((hint) => ({
      text: hint.text,
      at: this.offsetOf(hint.position),
    }));
  }

  async quickInfo(at: number): Promise<{ displayString: string; documentation: string } | undefined> {
    const answer = await this.server.request("quickinfo", { file: this.file, ...this.location(at) });
    if (!answer.success) throw new Error(`quickinfo: ${answer.message}`);
    return answer.body;
  }

  async diagnostics(): Promise<
    { text: string; code: number; start: { line: number; offset: number }; end: { line: number; offset: number } }[]
  > {
    return (await this.server.request("semanticDiagnosticsSync", { file: this.file })).body;
  }

  /** Replaces the text (an editor's change), as updateOpen. */
  change(start: number, end: number, newText: string): void {
    this.server.notify("updateOpen", {
      changedFiles: [
        { fileName: this.file, textChanges: [{ start: this.location(start), end: this.location(end), newText }] },
      ],
    });
    this.text = this.text.slice(0, start) + newText + this.text.slice(end);
  }

  /** Applies protocol text edits (of a code fix) to this file, last first. */
  apply(
    changes: {
      fileName: string;
      textChanges: {
        start: { line: number; offset: number };
        end: { line: number; offset: number };
        newText: string;
      }[];
    }[],
  ): void {
    const edits = changes
      .filter((change) => change.fileName === this.file)
      .flatMap((change) => change.textChanges)
      .map((edit) => ({ start: this.offsetOf(edit.start), end: this.offsetOf(edit.end), newText: edit.newText }))
      .sort((a, b) => b.start - a.start);
    for (const edit of edits) this.change(edit.start, edit.end, edit.newText);
  }
}
