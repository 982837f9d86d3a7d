// Where a model is saved and loaded: an IOHandler, a URL with a scheme (tfjs's IO: `indexeddb://`,
// `localstorage://`, `downloads://`, `http(s)://`, and `file://`), or a local path. A local path is
// Node's file system (src/runtime/platform/node-files.ts: atomic saves, checked loads); in a browser
// it is an error that names the URLs to use instead.
import * as tf from "@tensorflow/tfjs-core";
import { platform } from "#platform";
import { ModelFileError } from "./errors.ts";

const SCHEME = "file://";

/**
 * An IOHandler that saves to and loads from the local file system (Node): a directory (or a `.json`
 * file path) gets `model.json` and a weights file next to it (`weights.<id>.bin`, a new name each save).
 *
 * @example
 * await model.tfjs.save(fileSystem("./mnist-model"));
 * const same = await tf.loadLayersModel(fileSystem("./mnist-model"));
 */
export function fileSystem(target: string): tf.io.IOHandler {
  checkWhere(target, "fileSystem");
  return platform.fileSystem(target, "fileSystem");
}

/**
 * Registers `file://` URLs for `tf.loadLayersModel` and `model.save` in Node, unless a handler
 * (tfjs-node's, or this one) exists. Called when `shapecheck/tfjs` is imported, and again (a no-op
 * then) by handlerFor. A browser has no file system: nothing is registered there.
 */
export function registerFileSystemRouter(): void {
  if (platform.name !== "node") return;
  if (tf.io.getSaveHandlers(`${SCHEME}probe`).length === 0) {
    tf.io.registerSaveRouter(
      (url) => (typeof url === "string" && url.startsWith(SCHEME) ? fileSystem(url) : null) as tf.io.IOHandler,
    );
  }
  if (tf.io.getLoadHandlers(`${SCHEME}probe`).length === 0) {
    tf.io.registerLoadRouter(
      (url) => (typeof url === "string" && url.startsWith(SCHEME) ? fileSystem(url) : null) as tf.io.IOHandler,
    );
  }
}

/** An empty path would save into (or load from) the working directory: refused. */
function checkWhere(where: unknown, mode: string): void {
  if (
    typeof where === "string"
      ? where.trim() === "" || where.trim() === SCHEME
      : where === null || typeof where !== "object"
  ) {
    throw new ModelFileError(
      `${mode}: expected a directory (such as "./my-model"), a file:// or other TensorFlow.js URL, or an IOHandler, got ${JSON.stringify(where) ?? String(where)}`,
      String(where),
    );
  }
}

/** The handler for where a model is saved or loaded: an IOHandler, a URL with a scheme (tfjs's routers), or a local path. */
export function handlerFor(where: string | tf.io.IOHandler, mode: "save" | "load"): tf.io.IOHandler {
  checkWhere(where, mode);
  if (typeof where !== "string") return where;
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(where)) return platform.fileSystem(where, mode);
  registerFileSystemRouter();
  const handlers = mode === "save" ? tf.io.getSaveHandlers(where) : tf.io.getLoadHandlers(where);
  if (handlers.length === 0) throw new ModelFileError(`${mode}: no TensorFlow.js handler for ${where}`, where);
  return handlers[0]!;
}
