// Backend selection: `await ready()` picks the fastest TensorFlow.js backend
// available, registers the kernels it lacks, and returns its name.
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import * as tf from "@tensorflow/tfjs-core";
// tfjs-layers' bundle registers the gradient functions of tfjs-core's ops.
import "@tensorflow/tfjs-layers";
import { installChainedOps } from "./kernels/chained-ops.ts";
import { registerKernels } from "./kernels/index.ts";

export type BackendName = "tensorflow" | "wasm" | "cpu";
export interface ReadyOptions {
  /** Use this backend (or fail); default: `SHAPECHECK_BACKEND`, else the best available. */
  backend?: BackendName;
}

export const BACKENDS: readonly BackendName[] = ["tensorflow", "wasm", "cpu"]; // best first

/** Makes a backend known to tfjs; resolves to null when it can be used, else to why not. */
export type Loader = () => Promise<string | null>;

const require = createRequire(import.meta.url);

export const defaultLoaders: Record<BackendName, Loader> = {
  async tensorflow() {
    // Optional peer dependency: a variable specifier keeps tsc from requiring it.
    const specifier = "@tensorflow/tfjs-node";
    try {
      await import(specifier);
    } catch (e) {
      return `@tensorflow/tfjs-node cannot be imported (${(e as Error).message.split("\n")[0]})`;
    }
    return tf.findBackendFactory("tensorflow") ? null : "@tensorflow/tfjs-node did not register its backend";
  },
  async wasm() {
    let wasm: typeof import("@tensorflow/tfjs-backend-wasm");
    try {
      wasm = await import("@tensorflow/tfjs-backend-wasm");
    } catch (e) {
      return `@tensorflow/tfjs-backend-wasm cannot be imported (${(e as Error).message.split("\n")[0]})`;
    }
    if (!(await tf.env().getAsync("WASM_HAS_SIMD_SUPPORT"))) return "this WebAssembly engine has no SIMD";
    if (!wasmPathsSet) {
      // The .wasm binaries sit next to the package's entry point; point the
      // loader there so it works from any working directory.
      const dir = path.dirname(require.resolve("@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm"));
      wasm.setWasmPaths(dir + path.sep);
      wasmPathsSet = true;
    }
    return null;
  },
  async cpu() {
    try {
      await import("@tensorflow/tfjs-backend-cpu");
    } catch (e) {
      return `@tensorflow/tfjs-backend-cpu cannot be imported (${(e as Error).message.split("\n")[0]})`;
    }
    return null;
  },
};
let wasmPathsSet = false;

/**
 * Loads and initializes the requested backend, or the best one that works,
 * and makes it tfjs's current backend. An explicit request that cannot be met throws.
 */
export async function selectBackend(
  requested: BackendName | undefined,
  loaders: Record<BackendName, Loader> = defaultLoaders,
): Promise<BackendName> {
  const candidates = requested ? [requested] : BACKENDS;
  const reasons: string[] = [];
  for (const name of candidates) {
    const reason = (await loaders[name]()) ?? (await activate(name));
    if (reason === null) return name;
    reasons.push(`${name}: ${reason}`);
  }
  const what = requested ? `The "${requested}" backend is not available` : "No TensorFlow.js backend is available";
  throw new Error(`shapecheck: ${what}: ${reasons.join("; ")}`);
}

async function activate(name: BackendName): Promise<string | null> {
  if (tf.getBackend() === name) return null;
  try {
    if (name === "wasm" ? await startWasm() : await tf.setBackend(name)) return null;
  } catch (e) {
    return `initialization failed (${(e as Error).message})`;
  }
  return "initialization failed";
}

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
      URL.createObjectURL = (blob: Blob) => (blob?.type === "application/javascript" ? workerFile : createObjectURL(blob));
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
  const dir = path.dirname(require.resolve("@tensorflow/tfjs-backend-wasm/wasm-out/tfjs-backend-wasm-threaded-simd.js"));
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

function requestedBackend(options: ReadyOptions | undefined): BackendName | undefined {
  const value = options?.backend ?? (process.env.SHAPECHECK_BACKEND || undefined);
  if (value !== undefined && !BACKENDS.includes(value as BackendName)) {
    const source = options?.backend !== undefined ? "ready({ backend })" : "SHAPECHECK_BACKEND";
    throw new Error(`shapecheck: unknown backend "${value}" in ${source}; expected one of ${BACKENDS.map((b) => `"${b}"`).join(", ")}`);
  }
  return value as BackendName | undefined;
}

const chosen = new Map<string, BackendName>();

/** The process events on which Emscripten's glue installs a listener that rethrows. */
const RETHROWN = ["uncaughtException", "unhandledRejection"] as const;

/** Emscripten's listeners: `function(ex){if(!(ex instanceof ExitStatus)){throw ex}}` and `function(reason){throw reason}`. */
const isEmscriptens = (listener: unknown): boolean => /ExitStatus|throw reason/.test(String(listener));

/**
 * Runs `start` (which starts a backend), then removes the process listeners that the wasm backend's
 * Emscripten glue added meanwhile: they rethrow every uncaught exception and unhandled rejection,
 * so the process exits with code 7 and prints the glue's minified source even when the application
 * has its own handlers (emscripten#11768, tfjs#5852). Without them, the application's handlers (or
 * Node's default: print the error, exit with code 1) decide.
 */
async function withoutRethrowingListeners<T>(start: () => Promise<T>): Promise<T> {
  const emitter: NodeJS.EventEmitter = process; // untyped events: one loop for both
  const before = new Map(RETHROWN.map((event) => [event, new Set(emitter.listeners(event))]));
  try {
    return await start();
  } finally {
    for (const event of RETHROWN) {
      for (const listener of emitter.listeners(event)) {
        if (!before.get(event)!.has(listener) && isEmscriptens(listener)) emitter.removeListener(event, listener as (...args: unknown[]) => void);
      }
    }
  }
}

/**
 * Picks the best backend (tfjs-node when installed, else WebAssembly with
 * SIMD, else plain JavaScript) or the one asked for by `options.backend` or the
 * `SHAPECHECK_BACKEND` environment variable, registers the kernels it lacks,
 * and returns its name. Calling it again is cheap.
 */
export async function ready(options?: ReadyOptions): Promise<BackendName> {
  const requested = requestedBackend(options);
  const key = requested ?? "best";
  let name = chosen.get(key);
  if (name === undefined) {
    name = await withoutRethrowingListeners(() => selectBackend(requested));
    chosen.set(key, name);
  } else if (tf.getBackend() !== name) {
    await tf.setBackend(name);
  }
  installChainedOps();
  registerKernels(name);
  return name;
}
