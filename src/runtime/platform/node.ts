// The runtime in Node (package.json maps `#platform` here under the `node` condition; see
// platform.ts): backends tfjs-node, wasm (multi-threaded), cpu; models saved as files; fit's
// progress bar on the terminal.
import fs from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import cliProgress from "cli-progress";
import * as tf from "@tensorflow/tfjs-core";
import { localFiles } from "./node-files.ts";
import type { Platform, ProgressStream } from "./platform.ts";

const require = createRequire(import.meta.url);

/** Threads for XNNPACK: SHAPECHECK_WASM_THREADS, else one per core (at most 4). */
function wasmThreads(): number {
  const env = Number(process.env.SHAPECHECK_WASM_THREADS);
  if (Number.isInteger(env) && env >= 1) return env;
  return Math.min(4, os.availableParallelism?.() ?? os.cpus().length);
}

/**
 * Starts the wasm backend, multi-threaded when possible (XNNPACK then runs
 * convolutions and matrix products ~1.7× faster on 2 cores). tfjs-backend-wasm
 * turns threads off in Node (tfjs issue 3830): its pthread workers are started
 * from blob: URLs, which Node's Worker refuses, and would inherit the parent's
 * node flags; it also caps the pool at os.cpus().length / 2. While it
 * initializes we hand it a worker script written to a file, start workers
 * without flags, and show it the core count it should use; afterwards we unref
 * the workers so they do not keep the process alive. Falls back to one thread.
 */
async function startWasm(): Promise<boolean> {
  const threads = wasmThreads();
  if (threads > 1 && typeof SharedArrayBuffer === "function") {
    const wasm = await import("@tensorflow/tfjs-backend-wasm");
    const cpus = os.cpus;
    const createObjectURL = URL.createObjectURL;
    const threadsModule: { Worker: typeof import("node:worker_threads").Worker } = require("node:worker_threads");
    const NodeWorker = threadsModule.Worker;
    try {
      const workerFile = wasmWorkerFile();
      tf.env().set("WASM_HAS_MULTITHREAD_SUPPORT", true);
      wasm.setThreadsCount(threads);
      (os as { cpus: () => os.CpuInfo[] }).cpus = () => Array.from({ length: 2 * threads }, () => cpus()[0]);
      URL.createObjectURL = (blob: Blob) =>
        blob?.type === "application/javascript" ? workerFile : createObjectURL(blob);
      threadsModule.Worker = class extends NodeWorker {
        constructor(file: string | URL, options?: import("node:worker_threads").WorkerOptions) {
          super(file, { ...options, execArgv: [] });
        }
      };
      if (await tf.setBackend("wasm")) {
        const pthread = (tf.backend() as unknown as { wasm: { PThread?: Record<string, unknown> } }).wasm.PThread ?? {};
        const workers = [pthread.unusedWorkers, pthread.runningWorkers, Object.values(pthread.pthreads ?? {})].flat();
        for (const w of workers as Array<{ unref?: () => void }>) w?.unref?.();
        return true;
      }
    } catch {
      // fall through to one thread
    } finally {
      (os as { cpus: () => os.CpuInfo[] }).cpus = cpus;
      URL.createObjectURL = createObjectURL;
      threadsModule.Worker = NodeWorker;
    }
    tf.env().set("WASM_HAS_MULTITHREAD_SUPPORT", false);
  }
  return tf.setBackend("wasm");
}

/** The pthread worker script of the threaded wasm build, as a file Node can start. */
function wasmWorkerFile(): string {
  const dir = path.dirname(
    require.resolve("@tensorflow/tfjs-backend-wasm/wasm-out/tfjs-backend-wasm-threaded-simd.js"),
  );
  const contents: string = require(path.join(dir, "tfjs-backend-wasm-threaded-simd.worker.js")).wasmWorkerContents;
  // The worker receives the main script as a Blob too: point it at the file.
  const mainScript = path.join(dir, "tfjs-backend-wasm-threaded-simd.js");
  const source =
    `URL.createObjectURL = () => ${JSON.stringify(mainScript)}; URL.revokeObjectURL = () => {};\n` +
    contents.replace(/\n/g, "\\n"); // as tfjs does: newlines only occur inside string literals
  const version = require("@tensorflow/tfjs-backend-wasm/package.json").version;
  const file = path.join(os.tmpdir(), `shapecheck-tfjs-wasm-${version}-worker.cjs`);
  if (!fs.existsSync(file) || fs.readFileSync(file, "utf8") !== source) {
    const tmp = `${file}.${process.pid}`; // write, then rename: other processes never see half a file
    fs.writeFileSync(tmp, source);
    fs.renameSync(tmp, file);
  }
  return file;
}

let wasmPathsSet = false;

/** The process events on which Emscripten's glue installs a listener that rethrows. */
const RETHROWN = ["uncaughtException", "unhandledRejection"] as const;

/** Emscripten's listeners: `function(ex){if(!(ex instanceof ExitStatus)){throw ex}}` and `function(reason){throw reason}`. */
const isEmscriptens = (listener: unknown): boolean => /ExitStatus|throw reason/.test(String(listener));

export const platform: Platform = {
  name: "node",
  backends: ["tensorflow", "wasm", "cpu"],
  env: (name) => process.env[name],
  prepareWasm(wasm) {
    if (wasmPathsSet) return;
    // The .wasm binaries sit next to the package's entry point; point the
    // loader there so it works from any working directory.
    const dir = path.dirname(require.resolve("@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm"));
    wasm.setWasmPaths(dir + path.sep);
    wasmPathsSet = true;
  },
  startWasm,
  /**
   * Removes the process listeners that the wasm backend's Emscripten glue added while `start` ran:
   * they rethrow every uncaught exception and unhandled rejection, so the process exits with code 7
   * and prints the glue's minified source even when the application has its own handlers
   * (emscripten#11768, tfjs#5852). Without them, the application's handlers (or Node's default:
   * print the error, exit with code 1) decide.
   */
  async startingBackend(start) {
    const emitter: NodeJS.EventEmitter = process; // untyped events: one loop for both
    const before = new Map(RETHROWN.map((event) => [event, new Set(emitter.listeners(event))]));
    try {
      return await start();
    } finally {
      for (const event of RETHROWN) {
        for (const listener of emitter.listeners(event)) {
          if (!before.get(event)!.has(listener) && isEmscriptens(listener))
            emitter.removeListener(event, listener as (...args: unknown[]) => void);
        }
      }
    }
  },
  fileSystem: (target) => localFiles(target),
  stdout: () => process.stdout,
  progressBar(stream: ProgressStream, { format, fps }) {
    return new cliProgress.SingleBar(
      {
        stream: stream as NodeJS.WriteStream,
        format,
        barsize: 24,
        hideCursor: true,
        clearOnComplete: false,
        fps,
      },
      cliProgress.Presets.shades_classic,
    );
  },
  readFile: async (file) => new Uint8Array(await readFile(file)),
  writeFile: (file, data) => writeFile(file, data),
};
