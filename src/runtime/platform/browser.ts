// The runtime in a browser (or a web worker): what package.json's `#platform` import gives every
// environment but Node (see platform.ts). Backends WebGPU, WebGL, wasm, cpu; models are saved and
// loaded through tfjs's own IO (IndexedDB, local storage, downloads, HTTP); no file system, no
// terminal. Nothing here may import a Node module.
import * as tf from "@tensorflow/tfjs-core";
import { ModelFileError } from "../errors.ts";
import type { Platform } from "./platform.ts";

/** The message for a local path where there is no file system (`save: ./m is a local path, …`). */
export const writeNoFileSystemMessage = (mode: string, target: string): string =>
  `${mode}: ${target} is a local path, which needs Node's file system; in a browser use a TensorFlow.js URL ` +
  `(indexeddb://my-model, localstorage://my-model, downloads://my-model, https://…/model.json) or an IOHandler`;

export const platform: Platform = {
  name: "browser",
  backends: ["webgpu", "webgl", "wasm", "cpu"],
  env: () => undefined,
  // tfjs's default: the .wasm files next to the page (or the bundle); an app that serves them
  // elsewhere calls `setWasmPaths` of @tensorflow/tfjs-backend-wasm before `ready()`.
  prepareWasm: () => undefined,
  startWasm: () => tf.setBackend("wasm"),
  startingBackend: (start) => start(),
  fileSystem(target, mode) {
    throw new ModelFileError(writeNoFileSystemMessage(mode, target), target);
  },
  stdout: () => ({ isTTY: false, write: (text: string) => console.log(text.replace(/\n$/, "")) }),
  progressBar() {
    throw new Error("shapecheck: a browser has no terminal for a progress bar"); // never asked: stdout() is not a terminal
  },
  async readFile(file) {
    throw new Error(
      `shapecheck: cannot read ${file}: a browser has no file system (pass the bytes: new Uint8Array(await (await fetch(url)).arrayBuffer()))`,
    );
  },
  async writeFile(file) {
    throw new Error(`shapecheck: cannot write ${file}: a browser has no file system`);
  },
};
