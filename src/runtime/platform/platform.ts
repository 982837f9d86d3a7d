// What the runtime does differently in Node and in a browser, behind one interface. The runtime
// imports `#platform`, which package.json's "imports" maps by export condition: `node` (Node, and
// bundlers building for Node) → ./node.ts, anything else (a browser bundle: esbuild's
// `--platform=browser`, Vite, webpack) → ./browser.ts. So the Node-only modules (node:fs, node:os,
// node:path, node:crypto, worker_threads, cli-progress) are in node.ts and node-files.ts alone, and
// a browser bundle of `shapecheck/tfjs` never reaches them.
import type * as tf from "@tensorflow/tfjs-core";

/** A TensorFlow.js backend by tfjs's name. */
export type BackendName = "tensorflow" | "webgpu" | "webgl" | "wasm" | "cpu";

/** Where fit's progress goes: a terminal gets a bar, anything else one line per epoch. */
export interface ProgressStream {
  readonly isTTY?: boolean;
  write(text: string): unknown;
}

/** A progress bar of one epoch (cli-progress's SingleBar in a terminal). */
export interface ProgressBar {
  start(total: number, value: number, payload: Record<string, string>): void;
  update(value: number, payload: Record<string, string>): void;
  stop(): void;
}

export interface Platform {
  /** `"node"`, or `"browser"` for anything else (a page, a web worker). */
  readonly name: "node" | "browser";
  /** The backends `ready()` tries, best first; the only names it accepts here. */
  readonly backends: readonly BackendName[];
  /** An environment variable (`SHAPECHECK_BACKEND`); a browser has none. */
  env(name: string): string | undefined;
  /** Points the wasm backend at its .wasm binaries (Node: the installed package; a browser: tfjs's default, or the app's `setWasmPaths`). */
  prepareWasm(wasm: { setWasmPaths(prefixOrFileMap: string): void }): void;
  /** Makes wasm tfjs's backend (in Node with several threads when it can); false when it cannot start. */
  startWasm(): Promise<boolean>;
  /**
   * Runs `start`, which starts a backend, and then removes what the wasm backend's Emscripten glue
   * installed meanwhile that would take decisions from the application (Node: process listeners).
   */
  startingBackend<T>(start: () => Promise<T>): Promise<T>;
  /**
   * The IOHandler of a local path (a directory, a `.json` file, a `file://` URL): Node's file system;
   * a browser has none and throws a ModelFileError that says what to use (`mode` starts the message).
   */
  fileSystem(target: string, mode: string): tf.io.IOHandler;
  /** fit's progress output by default (Node: stdout; a browser: the console, never a terminal). */
  stdout(): ProgressStream;
  /** A progress bar drawn on a terminal stream. */
  progressBar(stream: ProgressStream, options: { format: string; fps: number }): ProgressBar;
  /** A file's bytes (safetensors from a path): Node; a browser throws (pass bytes from fetch()). */
  readFile(path: string): Promise<Uint8Array>;
  /** Writes a file (safetensors to a path): Node; a browser throws. */
  writeFile(path: string, data: Uint8Array): Promise<void>;
}
