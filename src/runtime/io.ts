// Saving and loading models on the local file system in the TensorFlow.js format: `model.json`
// (topology + weights manifest) and `weights.bin`, the files `tf.loadLayersModel` reads in a
// browser. tfjs-node has such a handler; without it, this one is registered for `file://` URLs.
import { mkdir, readFile, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as tf from "@tensorflow/tfjs-core";

const SCHEME = "file://";
export const MODEL_JSON = "model.json";
export const WEIGHTS_BIN = "weights.bin";

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

/**
 * An IOHandler that saves to and loads from the local file system: a directory (or a `.json` file
 * path) gets `model.json` and `weights.bin` next to it.
 *
 * @example
 * await model.tfjs.save(fileSystem("./mnist-model"));
 * const same = await tf.loadLayersModel(fileSystem("./mnist-model"));
 */
export function fileSystem(target: string): tf.io.IOHandler {
  const where = localPath(target);
  return {
    async save(artifacts: tf.io.ModelArtifacts): Promise<tf.io.SaveResult> {
      const jsonPath = where.endsWith(".json") ? where : path.join(where, MODEL_JSON);
      const dir = path.dirname(jsonPath);
      await mkdir(dir, { recursive: true });
      const weightsName = where.endsWith(".json") ? `${path.basename(where, ".json")}.weights.bin` : WEIGHTS_BIN;
      const weightData = artifacts.weightData === undefined ? new ArrayBuffer(0) : tf.io.CompositeArrayBuffer.join(artifacts.weightData);
      const modelJson: tf.io.ModelJSON = {
        modelTopology: artifacts.modelTopology as tf.io.ModelJSON["modelTopology"],
        format: artifacts.format,
        generatedBy: artifacts.generatedBy,
        convertedBy: artifacts.convertedBy,
        weightsManifest: [{ paths: [weightsName], weights: artifacts.weightSpecs ?? [] }],
        ...(artifacts.trainingConfig ? { trainingConfig: artifacts.trainingConfig } : {}),
        ...(artifacts.userDefinedMetadata ? { userDefinedMetadata: artifacts.userDefinedMetadata } : {}),
        ...(artifacts.signature ? { signature: artifacts.signature } : {}),
        ...(artifacts.modelInitializer ? { modelInitializer: artifacts.modelInitializer } : {}),
      };
      await writeFile(path.join(dir, weightsName), new Uint8Array(weightData));
      await writeFile(jsonPath, JSON.stringify(modelJson));
      return { modelArtifactsInfo: tf.io.getModelArtifactsInfoForJSON(artifacts) };
    },

    async load(): Promise<tf.io.ModelArtifacts> {
      const jsonPath = await modelJsonPath(where);
      let text: string;
      try {
        text = await readFile(jsonPath, "utf8");
      } catch (error) {
        throw new Error(`load: cannot read ${jsonPath} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
      }
      const modelJson = JSON.parse(text) as tf.io.ModelJSON;
      if (modelJson.modelTopology == null) throw new Error(`load: ${jsonPath} has no modelTopology: it is not a TensorFlow.js layers model`);
      const dir = path.dirname(jsonPath);
      return tf.io.getModelArtifactsForJSON(modelJson, async (manifest) => {
        const specs: tf.io.WeightsManifestEntry[] = [];
        const buffers: ArrayBuffer[] = [];
        for (const group of manifest) {
          specs.push(...group.weights);
          for (const file of group.paths) {
            const bytes = await readFile(path.join(dir, file));
            buffers.push(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
          }
        }
        return [specs, tf.io.CompositeArrayBuffer.join(buffers)];
      });
    },
  };
}

/** Registers `file://` URLs for `tf.loadLayersModel` and `model.save`, unless a handler (tfjs-node's) exists. */
export function registerFileSystemRouter(): void {
  if (tf.io.getSaveHandlers(`${SCHEME}probe`).length === 0) {
    tf.io.registerSaveRouter((url) => (typeof url === "string" && url.startsWith(SCHEME) ? fileSystem(url) : null) as tf.io.IOHandler);
  }
  if (tf.io.getLoadHandlers(`${SCHEME}probe`).length === 0) {
    tf.io.registerLoadRouter((url) => (typeof url === "string" && url.startsWith(SCHEME) ? fileSystem(url) : null) as tf.io.IOHandler);
  }
}
registerFileSystemRouter();

/** The handler for where a model is saved or loaded: an IOHandler, a URL with a scheme (tfjs's routers), or a local path. */
export function handlerFor(where: string | tf.io.IOHandler, mode: "save" | "load"): tf.io.IOHandler {
  if (typeof where !== "string") return where;
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(where)) return fileSystem(where);
  const handlers = mode === "save" ? tf.io.getSaveHandlers(where) : tf.io.getLoadHandlers(where);
  if (handlers.length === 0) throw new Error(`${mode}: no TensorFlow.js handler for ${where}`);
  return handlers[0]!;
}
