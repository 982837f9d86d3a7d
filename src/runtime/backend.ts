// Backend selection: `await ready()` picks the fastest TensorFlow.js backend
// available, registers the kernels it lacks, and returns its name. The candidates, best first,
// are the platform's (src/runtime/platform/): in Node tfjs-node, wasm, cpu; in a browser WebGPU,
// WebGL, wasm, cpu.
import * as tf from "@tensorflow/tfjs-core";
// tfjs-layers' bundle registers the gradient functions of tfjs-core's ops.
import "@tensorflow/tfjs-layers";
import { platform } from "#platform";
import { installChainedOps } from "./kernels/chained-ops.ts";
import { registerKernels } from "./kernels/index.ts";
import type { BackendName } from "./platform/platform.ts";

export type { BackendName } from "./platform/platform.ts";
export interface ReadyOptions {
  /** Use this backend (or fail); default: `SHAPECHECK_BACKEND` (Node), else the best available. */
  backend?: BackendName;
}

/** The backends `ready()` tries here, best first (Node: tensorflow, wasm, cpu; a browser: webgpu, webgl, wasm, cpu). */
export const BACKENDS: readonly BackendName[] = platform.backends;

/** Makes a backend known to tfjs; resolves to null when it can be used, else to why not. */
export type Loader = () => Promise<string | null>;

/**
 * Imports an optional backend package (a peer dependency the application may not have installed),
 * unless the application imported it already (its backend is then registered). The specifier is a
 * variable: bundlers and tsc leave the import alone, so a missing package is a reason, not a build error.
 */
async function importOptional(name: BackendName, specifier: string): Promise<string | null> {
  if (tf.findBackendFactory(name)) return null;
  try {
    await import(/* @vite-ignore */ /* webpackIgnore: true */ specifier);
  } catch (e) {
    return `${specifier} cannot be imported (${(e as Error).message.split("\n")[0]}); install it, or import it in the application before ready()`;
  }
  return tf.findBackendFactory(name) ? null : `${specifier} did not register its backend`;
}

/** What a browser has (read without the DOM's types, which a Node program may not load). */
const web = globalThis as { navigator?: { gpu?: unknown }; document?: unknown; OffscreenCanvas?: unknown };

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
  async webgpu() {
    if (!web.navigator?.gpu) return "no WebGPU here (navigator.gpu)";
    return importOptional("webgpu", "@tensorflow/tfjs-backend-webgpu");
  },
  async webgl() {
    if (web.document === undefined && web.OffscreenCanvas === undefined)
      return "no WebGL here (neither a document nor OffscreenCanvas)";
    return importOptional("webgl", "@tensorflow/tfjs-backend-webgl");
  },
  async wasm() {
    let wasm: typeof import("@tensorflow/tfjs-backend-wasm");
    try {
      wasm = await import("@tensorflow/tfjs-backend-wasm");
    } catch (e) {
      return `@tensorflow/tfjs-backend-wasm cannot be imported (${(e as Error).message.split("\n")[0]})`;
    }
    if (!(await tf.env().getAsync("WASM_HAS_SIMD_SUPPORT"))) return "this WebAssembly engine has no SIMD";
    platform.prepareWasm(wasm);
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

/**
 * Loads and initializes the requested backend, or the best one that works,
 * and makes it tfjs's current backend. An explicit request that cannot be met throws.
 */
export async function selectBackend(
  requested: BackendName | undefined,
  loaders: Partial<Record<BackendName, Loader>> = defaultLoaders,
): Promise<BackendName> {
  const candidates = requested ? [requested] : BACKENDS;
  const reasons: string[] = [];
  for (const name of candidates) {
    const loader = loaders[name];
    const reason = loader ? ((await loader()) ?? (await activate(name))) : "no loader";
    if (reason === null) return name;
    reasons.push(`${name}: ${reason}`);
  }
  const what = requested ? `The "${requested}" backend is not available` : "No TensorFlow.js backend is available";
  throw new Error(`shapecheck: ${what}: ${reasons.join("; ")}`);
}

async function activate(name: BackendName): Promise<string | null> {
  if (tf.getBackend() === name) return null;
  try {
    if (name === "wasm" ? await platform.startWasm() : await tf.setBackend(name)) return null;
  } catch (e) {
    return `initialization failed (${(e as Error).message})`;
  }
  return "initialization failed";
}

function requestedBackend(options: ReadyOptions | undefined): BackendName | undefined {
  const value = options?.backend ?? (platform.env("SHAPECHECK_BACKEND") || undefined);
  if (value !== undefined && !BACKENDS.includes(value as BackendName)) {
    const source = options?.backend !== undefined ? "ready({ backend })" : "SHAPECHECK_BACKEND";
    throw new Error(
      `shapecheck: unknown backend "${value}" in ${source}; expected one of ${BACKENDS.map((b) => `"${b}"`).join(", ")}`,
    );
  }
  return value as BackendName | undefined;
}

const chosen = new Map<string, BackendName>();

/**
 * Picks the best backend (Node: tfjs-node when installed, else WebAssembly with SIMD, else plain
 * JavaScript; a browser: WebGPU, WebGL, WebAssembly, plain JavaScript) or the one asked for by
 * `options.backend` or the `SHAPECHECK_BACKEND` environment variable, registers the kernels it
 * lacks, and returns its name. Calling it again is cheap.
 */
export async function ready(options?: ReadyOptions): Promise<BackendName> {
  const requested = requestedBackend(options);
  const key = requested ?? "best";
  let name = chosen.get(key);
  if (name === undefined) {
    name = await platform.startingBackend(() => selectBackend(requested));
    chosen.set(key, name);
  } else if (tf.getBackend() !== name) {
    await tf.setBackend(name);
  }
  installChainedOps();
  registerKernels(name);
  return name;
}
