// Node: saving and loading models on the local file system in the TensorFlow.js format: `model.json`
// (topology + weights manifest) and one weights file next to it, the files `tf.loadLayersModel`
// reads in a browser. tfjs-node has such a handler; without it, this one is registered for
// `file://` URLs (src/runtime/io.ts). Only src/runtime/platform/node.ts imports this file.
//
// A save never destroys the model that was there: the weights go to a file whose name is new for
// every save (`weights.<id>.bin`), model.json to a temporary file, and model.json is renamed over
// the old one last (a rename is atomic). Until that rename the old model.json and the weights it
// names are untouched; after it, the weights files the old model.json named are removed. Of saves
// that run at the same time, the last rename wins and its weights file is never removed by the
// others (they only remove files named by a model.json they read before their own rename).
// A save killed before its last rename leaves files behind (`.….partial`, an unnamed weights file):
// the next save to the directory removes those that are more than an hour old (no save still
// writing them: a file being written has a recent modification time).
// A load checks the files before TensorFlow.js sees them: valid JSON, a weights manifest, weights
// files of the size the manifest describes, and the SHA-256 checksum that save wrote.
import { createHash, randomBytes } from "node:crypto";
import { mkdir, open, readdir, readFile, rename, stat, unlink } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as tf from "@tensorflow/tfjs-core";
import { ModelFileError } from "../errors.ts";

const SCHEME = "file://";
export const MODEL_JSON = "model.json";

/** model.json as shapecheck writes it: tfjs's fields, and the checksum of the weights (hex SHA-256 of the weights files, in manifest order). */
export type SavedModelJson = tf.io.ModelJSON & { weightsSha256?: string };

/** The local path of a `file://` URL or of a plain path (`file:///abs`, `file://./rel`, `./rel`). */
export function localPath(url: string): string {
  if (!url.startsWith(SCHEME)) return path.resolve(url);
  if (url.startsWith("file:///")) return fileURLToPath(url);
  return path.resolve(url.slice(SCHEME.length));
}

/** Where model.json is: `dir/model.json` for a directory (or a path not ending in .json), else the path itself. */
async function modelJsonPath(target: string): Promise<string> {
  if (target.endsWith(".json")) return target;
  const info = await stat(target).catch(() => null);
  return info?.isFile() ? target : path.join(target, MODEL_JSON);
}

/** `ENOSPC: no space left on device` from a Node file-system error (its code and text, without the path). */
function reason(error: unknown): string {
  const { code, message } = error as NodeJS.ErrnoException;
  if (code && message?.startsWith(`${code}: `))
    return message.slice(0, message.indexOf(",") === -1 ? undefined : message.indexOf(","));
  return code ?? String((error as Error)?.message ?? error);
}

/**
 * Creates `dir` and its missing parents, one level at a time (Node's `mkdir({ recursive: true })`
 * never settles for some paths, such as `/proc/m`): a level that cannot be made is an error that
 * names it.
 */
async function ensureDirectory(dir: string): Promise<void> {
  const made = await mkdir(dir).then(
    () => null,
    (error: NodeJS.ErrnoException) => error,
  );
  if (made === null) return;
  if (made.code === "EEXIST") {
    if ((await stat(dir)).isDirectory()) return;
    throw new ModelFileError(`save: cannot create the directory ${dir}: a file of that name exists`, dir);
  }
  const parent = path.dirname(dir);
  if (made.code !== "ENOENT" || parent === dir) {
    throw new ModelFileError(`save: cannot create the directory ${dir} (${reason(made)})`, dir, { cause: made });
  }
  await ensureDirectory(parent);
  // Once more now that the parent exists; a second failure is final (no loop).
  await mkdir(dir).catch(async (error: NodeJS.ErrnoException) => {
    if (error.code === "EEXIST" && (await stat(dir)).isDirectory()) return;
    throw new ModelFileError(`save: cannot create the directory ${dir} (${reason(error)})`, dir, { cause: error });
  });
}

/** Writes a new file (never an existing one) and flushes it to the disk before returning. */
async function writeNewFile(file: string, data: Uint8Array | string): Promise<void> {
  const handle = await open(file, "wx");
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Flushes a directory's entries (the renames) to the disk; not possible everywhere, so best effort. */
async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, "r").catch(() => null);
  await handle?.sync().catch(() => undefined);
  await handle?.close();
}

/** The weights files that the model.json at `jsonPath` names, inside its directory ([] when there is none or it does not parse). */
async function weightsFilesOf(jsonPath: string): Promise<string[]> {
  const text = await readFile(jsonPath, "utf8").catch(() => null);
  if (text === null) return [];
  try {
    const manifest = (JSON.parse(text) as tf.io.ModelJSON).weightsManifest ?? [];
    const dir = path.dirname(jsonPath);
    return manifest
      .flatMap((group) => group.paths)
      .map((file) => path.resolve(dir, file))
      .filter((file) => path.dirname(file) === dir);
  } catch {
    return [];
  }
}

/** Saves to one model.json at a time within this process (other processes are safe too, see the top of this file). */
const saving = new Map<string, Promise<unknown>>();
function oneAtATime<T>(key: string, run: () => Promise<T>): Promise<T> {
  const previous = saving.get(key) ?? Promise.resolve();
  const next = previous.then(run, run);
  const settled = next.then(
    () => undefined,
    () => undefined,
  );
  saving.set(key, settled);
  void settled.then(() => saving.get(key) === settled && saving.delete(key));
  return next;
}

/** Writes model.json and its weights file as described at the top of this file. */
async function writeModel(jsonPath: string, artifacts: tf.io.ModelArtifacts): Promise<tf.io.SaveResult> {
  const dir = path.dirname(jsonPath);
  const id = `${Date.now().toString(36)}${randomBytes(4).toString("hex")}`;
  const stem = path.basename(jsonPath) === MODEL_JSON ? "weights" : `${path.basename(jsonPath, ".json")}.weights`;
  const weightsName = `${stem}.${id}.bin`;
  const weightsFile = path.join(dir, weightsName);
  const weightsPartial = path.join(dir, `.${weightsName}.partial`);
  const jsonPartial = path.join(dir, `.${path.basename(jsonPath)}.${id}.partial`);
  const weightData = new Uint8Array(
    artifacts.weightData === undefined ? new ArrayBuffer(0) : tf.io.CompositeArrayBuffer.join(artifacts.weightData),
  );
  const modelJson: SavedModelJson = {
    modelTopology: artifacts.modelTopology as tf.io.ModelJSON["modelTopology"],
    format: artifacts.format,
    generatedBy: artifacts.generatedBy,
    convertedBy: artifacts.convertedBy,
    weightsManifest: [{ paths: [weightsName], weights: artifacts.weightSpecs ?? [] }],
    weightsSha256: createHash("sha256").update(weightData).digest("hex"),
    ...(artifacts.trainingConfig ? { trainingConfig: artifacts.trainingConfig } : {}),
    ...(artifacts.userDefinedMetadata ? { userDefinedMetadata: artifacts.userDefinedMetadata } : {}),
    ...(artifacts.signature ? { signature: artifacts.signature } : {}),
    ...(artifacts.modelInitializer ? { modelInitializer: artifacts.modelInitializer } : {}),
  };
  const leftovers = [weightsPartial, jsonPartial]; // removed if the save fails before model.json is replaced
  let step = weightsPartial;
  let replaced: string[];
  try {
    await writeNewFile(weightsPartial, weightData);
    step = jsonPartial;
    await writeNewFile(jsonPartial, JSON.stringify(modelJson));
    replaced = await weightsFilesOf(jsonPath);
    step = weightsFile;
    await rename(weightsPartial, weightsFile);
    leftovers.push(weightsFile);
    step = jsonPath;
    await rename(jsonPartial, jsonPath); // the commit: from here on model.json is the new model
  } catch (error) {
    await Promise.all(leftovers.map((file) => unlink(file).catch(() => undefined)));
    throw new ModelFileError(
      `save: cannot write ${step} (${reason(error)}); the model that was in ${dir} is unchanged`,
      step,
      { cause: error },
    );
  }
  await syncDirectory(dir);
  await Promise.all(replaced.filter((file) => file !== weightsFile).map((file) => unlink(file).catch(() => undefined)));
  await removeLeftovers(jsonPath, stem);
  return { modelArtifactsInfo: tf.io.getModelArtifactsInfoForJSON(artifacts) };
}

/** How old a killed save's files must be before a later save removes them. */
export const LEFTOVER_AGE_MS = 60 * 60 * 1000;

/**
 * Removes what killed saves of this model left in its directory: temporary files
 * (`.model.json.<id>.partial`, `.weights.<id>.bin.partial`) and weights files of this model's
 * naming that its model.json does not name, when they are older than LEFTOVER_AGE_MS.
 */
async function removeLeftovers(jsonPath: string, stem: string): Promise<void> {
  const dir = path.dirname(jsonPath);
  const named = new Set(await weightsFilesOf(jsonPath));
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const ours = new RegExp(
    `^(\\.${escape(path.basename(jsonPath))}\\.[0-9a-z]+\\.partial|\\.?${escape(stem)}\\.[0-9a-z]+\\.bin(\\.partial)?)$`,
  );
  const names = await readdir(dir).catch(() => [] as string[]);
  await Promise.all(
    names
      .filter((name) => ours.test(name) && !named.has(path.join(dir, name)))
      .map(async (name) => {
        const file = path.join(dir, name);
        const info = await stat(file).catch(() => null);
        if (info?.isFile() && Date.now() - info.mtimeMs > LEFTOVER_AGE_MS) await unlink(file).catch(() => undefined);
      }),
  );
}

/** Bytes per element of each weight dtype (strings have no fixed size). */
const BYTES_PER_ELEMENT: Record<string, number> = {
  float32: 4,
  int32: 4,
  bool: 1,
  complex64: 8,
  uint8: 1,
  uint16: 2,
  float16: 2,
};

/** The bytes the weights of a manifest take, or null when it cannot be known (string weights). */
function manifestBytes(specs: readonly tf.io.WeightsManifestEntry[]): number | null {
  let total = 0;
  for (const spec of specs) {
    const perElement = BYTES_PER_ELEMENT[spec.quantization?.dtype ?? spec.dtype];
    if (perElement === undefined) return null;
    total += spec.shape.reduce((size, dim) => size * dim, 1) * perElement;
  }
  return total;
}

/** The error of a weights file that a save has just replaced and removed (model.json changed meanwhile): read again. */
class ReplacedMeanwhile extends Error {}

/**
 * Reads and checks model.json and its weights files; every problem is a ModelFileError naming the
 * file. A save that commits between reading model.json and its weights removes the weights it
 * named: then model.json is read again (a few times at most).
 */
async function readModel(jsonPath: string): Promise<tf.io.ModelArtifacts> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await readModelOnce(jsonPath, attempt < 5);
    } catch (error) {
      if (!(error instanceof ReplacedMeanwhile)) throw error;
    }
  }
}

async function readModelOnce(jsonPath: string, retry: boolean): Promise<tf.io.ModelArtifacts> {
  let text: string;
  try {
    text = await readFile(jsonPath, "utf8");
  } catch (error) {
    throw new ModelFileError(`load: cannot read ${jsonPath} (${reason(error)})`, jsonPath, { cause: error });
  }
  let modelJson: SavedModelJson;
  try {
    modelJson = JSON.parse(text) as SavedModelJson;
  } catch (error) {
    throw new ModelFileError(
      `load: ${jsonPath} is not valid JSON (${(error as Error).message}): it is truncated or corrupt`,
      jsonPath,
      { cause: error },
    );
  }
  if (typeof modelJson !== "object" || modelJson === null || modelJson.modelTopology == null) {
    throw new ModelFileError(
      `load: ${jsonPath} has no modelTopology: it is not a TensorFlow.js layers model`,
      jsonPath,
    );
  }
  const manifest = modelJson.weightsManifest;
  const wellFormed =
    Array.isArray(manifest) &&
    manifest.every(
      (group) =>
        Array.isArray(group?.paths) && group.paths.every((p) => typeof p === "string") && Array.isArray(group.weights),
    );
  if (!wellFormed) {
    throw new ModelFileError(
      `load: ${jsonPath} has no valid weightsManifest: it does not say where the weights are (the model would get random weights)`,
      jsonPath,
    );
  }
  const dir = path.dirname(jsonPath);
  const files = manifest.flatMap((group) => group.paths).map((file) => path.resolve(dir, file));
  const contents: Uint8Array[] = [];
  for (const file of files) {
    try {
      contents.push(await readFile(file));
    } catch (error) {
      const replaced =
        retry &&
        (error as NodeJS.ErrnoException).code === "ENOENT" &&
        (await readFile(jsonPath, "utf8").catch(() => text)) !== text;
      if (replaced) throw new ReplacedMeanwhile();
      throw new ModelFileError(
        `load: cannot read the weights file ${file} named by ${jsonPath} (${reason(error)})`,
        file,
        { cause: error },
      );
    }
  }
  const specs = manifest.flatMap((group) => group.weights);
  const expected = manifestBytes(specs);
  const actual = contents.reduce((total, bytes) => total + bytes.byteLength, 0);
  const named = files.length === 1 ? files[0]! : `the weights files ${files.join(", ")}`;
  if (expected !== null && actual !== expected) {
    throw new ModelFileError(
      `load: ${named} holds ${actual} bytes, the weights manifest of ${jsonPath} describes ${expected}: the files do not belong together, or one is truncated`,
      files[0] ?? jsonPath,
    );
  }
  if (modelJson.weightsSha256 !== undefined) {
    const hash = createHash("sha256");
    contents.forEach((bytes) => hash.update(bytes));
    if (hash.digest("hex") !== modelJson.weightsSha256) {
      throw new ModelFileError(
        `load: ${named} does not match the checksum (weightsSha256) in ${jsonPath}: the weights are corrupt or from another save`,
        files[0] ?? jsonPath,
      );
    }
  }
  const buffers = contents.map(
    (bytes) => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
  );
  return tf.io.getModelArtifactsForJSON(modelJson, async () => [specs, tf.io.CompositeArrayBuffer.join(buffers)]);
}

/**
 * The IOHandler of a local directory (or a `.json` file path, or a `file://` URL): model.json and a
 * weights file next to it (`weights.<id>.bin`, a new name each save).
 */
export function localFiles(target: string): tf.io.IOHandler {
  const where = localPath(target);
  return {
    async save(artifacts: tf.io.ModelArtifacts): Promise<tf.io.SaveResult> {
      const jsonPath = where.endsWith(".json") ? where : path.join(where, MODEL_JSON);
      await ensureDirectory(path.dirname(jsonPath));
      return oneAtATime(jsonPath, () => writeModel(jsonPath, artifacts));
    },
    async load(): Promise<tf.io.ModelArtifacts> {
      return readModel(await modelJsonPath(where));
    },
  };
}
