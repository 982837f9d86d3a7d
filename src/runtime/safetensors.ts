// A built model's weights to and from safetensors, the format PyTorch's community shares weights in
// (https://github.com/huggingface/safetensors). The format is small enough to write here (npm's
// `safetensors` package is an unmaintained 0.0.1):
//   8 bytes   little-endian u64 N, the header's length
//   N bytes   JSON: { "<key>": { "dtype": "F32", "shape": [..], "data_offsets": [begin, end] }, "__metadata__"?: {..} }
//   the rest  every tensor's bytes, little-endian, row-major, at its offsets (relative to the end of the header)
// Keys and layouts are PyTorch's (the model's stateDict()), so the file loads into the emitted
// torch.nn.Module and a PyTorch state_dict saved with safetensors loads here.
import * as tf from "@tensorflow/tfjs-core";
import { platform } from "#platform";
import { ShapeError } from "../errors.ts";

/** One tensor of a safetensors file. */
export interface SafeTensor {
  readonly dtype: SafeDType;
  readonly shape: readonly number[];
  readonly data: Float32Array | Float64Array | Int32Array | BigInt64Array | Uint8Array;
}
export type SafeDType = "F32" | "F64" | "I32" | "I64" | "U8" | "BOOL";

const bytesPer: Record<SafeDType, number> = { F32: 4, F64: 8, I32: 4, I64: 8, U8: 1, BOOL: 1 };

/** What these functions need of a built model (TypedModel and GraphModel have it). */
export interface HasStateDict {
  stateDict(): Record<string, tf.Tensor>;
  loadStateDict(dict: Record<string, tf.Tensor | tf.TensorLike>, options?: { strict?: boolean }): void;
}

/** Writes tensors as a safetensors file (keys sorted, as the Python library writes them). */
export function encodeSafetensors(
  tensors: Readonly<Record<string, SafeTensor>>,
  metadata?: Record<string, string>,
): Uint8Array {
  const header: Record<string, unknown> = metadata ? { __metadata__: metadata } : {};
  const keys = Object.keys(tensors).sort();
  let offset = 0;
  for (const key of keys) {
    const t = tensors[key]!;
    header[key] = { dtype: t.dtype, shape: t.shape, data_offsets: [offset, offset + t.data.byteLength] };
    offset += t.data.byteLength;
  }
  let json = JSON.stringify(header);
  json += " ".repeat((8 - (json.length % 8)) % 8); // the data starts 8-byte aligned (the format allows padding spaces)
  const head = new TextEncoder().encode(json);
  const out = new Uint8Array(8 + head.length + offset);
  new DataView(out.buffer).setBigUint64(0, BigInt(head.length), true);
  out.set(head, 8);
  let at = 8 + head.length;
  for (const key of keys) {
    const data = tensors[key]!.data;
    out.set(new Uint8Array(data.buffer, data.byteOffset, data.byteLength), at);
    at += data.byteLength;
  }
  return out;
}

/** Reads a safetensors file's tensors (copies, aligned; this machine is little-endian as the format). */
export function decodeSafetensors(bytes: Uint8Array): Record<string, SafeTensor> {
  if (bytes.length < 8) throw new Error("safetensors: the file is shorter than its 8-byte header length");
  const length = Number(new DataView(bytes.buffer, bytes.byteOffset, 8).getBigUint64(0, true));
  if (8 + length > bytes.length)
    throw new Error(`safetensors: the header says ${length} bytes, the file has ${bytes.length - 8}`);
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + length))) as Record<
    string,
    { dtype: SafeDType; shape: number[]; data_offsets: [number, number] }
  >;
  const base = 8 + length;
  const tensors: Record<string, SafeTensor> = {};
  for (const [key, entry] of Object.entries(header)) {
    if (key === "__metadata__") continue;
    const size = bytesPer[entry.dtype];
    if (size === undefined)
      throw new Error(`safetensors (${key}): dtype ${entry.dtype} is not supported (F32, F64, I32, I64, U8, BOOL are)`);
    const [begin, end] = entry.data_offsets;
    const count = entry.shape.reduce((a, b) => a * b, 1);
    if (end - begin !== count * size)
      throw new Error(
        `safetensors (${key}): ${end - begin} bytes for shape [${entry.shape.join(", ")}] of ${entry.dtype}`,
      );
    const raw = new Uint8Array(end - begin); // a copy, aligned for the typed array (Buffer's slice() would be a view)
    raw.set(bytes.subarray(base + begin, base + end));
    const data =
      entry.dtype === "F32"
        ? new Float32Array(raw.buffer)
        : entry.dtype === "F64"
          ? new Float64Array(raw.buffer)
          : entry.dtype === "I32"
            ? new Int32Array(raw.buffer)
            : entry.dtype === "I64"
              ? new BigInt64Array(raw.buffer)
              : raw;
    tensors[key] = { dtype: entry.dtype, shape: entry.shape, data };
  }
  return tensors;
}

/** The model's weights (PyTorch's names and layouts) as a safetensors file. `num_batches_tracked` is I64, as PyTorch's. */
export function safetensorsOf(model: HasStateDict): Uint8Array {
  const dict = model.stateDict();
  const tensors: Record<string, SafeTensor> = {};
  for (const [key, t] of Object.entries(dict)) {
    const values = t.dataSync() as Float32Array | Int32Array;
    tensors[key] = key.endsWith("num_batches_tracked")
      ? { dtype: "I64", shape: t.shape, data: BigInt64Array.from(values, (v) => BigInt(Math.round(v))) }
      : { dtype: "F32", shape: t.shape, data: Float32Array.from(values) };
    t.dispose();
  }
  return encodeSafetensors(tensors, { format: "pt" });
}

export const writeMissingTensorMessage = (keys: readonly string[]): string =>
  `loadSafetensors: the file has no tensor ${keys.map((k) => `"${k}"`).join(", ")} (the model's weights are named as its PyTorch module's state_dict)`;
export const writeExtraTensorMessage = (keys: readonly string[]): string =>
  `loadSafetensors: the model has no weight ${keys.map((k) => `"${k}"`).join(", ")} (was the file saved from this model?)`;
export const writeTensorShapeMismatchMessage = (
  key: string,
  expected: readonly number[],
  got: readonly number[],
): string => `loadSafetensors (${key}): expected a tensor of shape [${expected.join(", ")}], got [${got.join(", ")}]`;

/**
 * Loads a safetensors file (bytes) into the model. Every tensor is checked against the model's
 * parameters before any is written: a missing, extra or mis-shaped tensor is a ShapeError naming it.
 */
export function loadSafetensorsBytes(model: HasStateDict, bytes: Uint8Array): void {
  const file = decodeSafetensors(bytes);
  const own = model.stateDict();
  const shapes = Object.fromEntries(Object.entries(own).map(([k, t]) => [k, t.shape]));
  Object.values(own).forEach((t) => t.dispose());
  const missing = Object.keys(shapes).filter((k) => !(k in file));
  if (missing.length > 0) throw new ShapeError(writeMissingTensorMessage(missing));
  const extra = Object.keys(file).filter((k) => !(k in shapes));
  if (extra.length > 0) throw new ShapeError(writeExtraTensorMessage(extra));
  for (const [key, shape] of Object.entries(shapes)) {
    const got = file[key]!.shape;
    if (got.length !== shape.length || got.some((d, i) => d !== shape[i]))
      throw new ShapeError(writeTensorShapeMismatchMessage(key, shape, got));
  }
  const dict: Record<string, tf.Tensor> = {};
  for (const [key, t] of Object.entries(file)) {
    const values =
      t.data instanceof BigInt64Array
        ? Float32Array.from(t.data, Number)
        : Float32Array.from(t.data as ArrayLike<number>);
    dict[key] = tf.tensor(values, [...t.shape], "float32");
  }
  try {
    model.loadStateDict(dict);
  } finally {
    Object.values(dict).forEach((t) => t.dispose());
  }
}

// Node-only: the file system, in these two functions alone (the browser passes bytes from fetch()).
// Through `#platform` (src/runtime/platform/), so that a browser bundle has no Node module.

/** Writes the model's weights to `path` as safetensors (Node). */
export async function saveSafetensors(model: HasStateDict, path: string): Promise<void> {
  await platform.writeFile(path, safetensorsOf(model));
}

/** Loads safetensors weights into the model: bytes (browser: `new Uint8Array(await (await fetch(url)).arrayBuffer())`) or a path (Node). */
export async function loadSafetensors(model: HasStateDict, from: Uint8Array | ArrayBuffer | string): Promise<void> {
  const bytes =
    typeof from === "string" ? await platform.readFile(from) : from instanceof Uint8Array ? from : new Uint8Array(from);
  loadSafetensorsBytes(model, bytes);
}
