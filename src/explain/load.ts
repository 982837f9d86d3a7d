// Loads a model file (TypeScript or JavaScript, through tsx) and explains every model it exports.
// What can go wrong is said in one line, never with a stack trace: a missing file, a file that does
// not compile or load, a file without models. A model that throws a ShapeError while it is built is
// explained up to the layer that does not fit.
import { existsSync, readFileSync, statSync } from "node:fs";
import { isAbsolute, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { importModelFile } from "./import-file.ts";
import { explainGraph, explainSequential, isGraph, isSequential, isShapeError } from "./explain.ts";
import type { ExplainedFile, ExplainedModel } from "./explanation.ts";

/** A problem with the file itself (not with a model's shapes): its message is all the user needs. */
export class ExplainError extends Error {
  override name = "ExplainError";
}

export const writeMissingFileMessage = (file: string): string => `cannot find ${file}`;
export const writeDirectoryMessage = (file: string): string => `${file} is a directory: give the model file`;
export const writeCompileMessage = (file: string, details: string): string => `${file} does not compile:\n${details}`;
export const writeLoadMessage = (file: string, details: string): string => `${file} does not load: ${details}`;
export const writeNoModelMessage = (file: string, names: readonly string[]): string =>
  `${file} exports no model: export a sequential(...) or graph(...), e.g. \`export const net = sequential(input([1, 28, 28]), ...)\`` +
  (names.length === 0 ? " (it exports nothing)" : ` (its exports: ${names.join(", ")})`);
export const writeNoSuchModelMessage = (file: string, name: string, names: readonly string[]): string =>
  `${file} exports no model named ${name} (its models: ${names.join(", ")})`;

/** Options of `explainFile`. */
export interface ExplainFileOptions {
  /** Only the model exported under this name. */
  readonly model?: string;
  /** Paths in messages are written relative to this directory (default: the working directory). */
  readonly cwd?: string;
}

/**
 * Every model a file exports, explained in the order the file declares them.
 *
 * @example
 * const { models } = await explainFile("examples/mnist.ts");
 * models[0].params.total; // 1199882
 */
export async function explainFile(file: string, options: ExplainFileOptions = {}): Promise<ExplainedFile> {
  const cwd = options.cwd ?? process.cwd();
  const path = resolve(cwd, file);
  const near = relative(cwd, path);
  const shown = near === "" || near.startsWith("..") || isAbsolute(near) ? path : near;
  if (!existsSync(path)) throw new ExplainError(writeMissingFileMessage(shown));
  if (statSync(path).isDirectory()) throw new ExplainError(writeDirectoryMessage(shown));
  const source = readFileSync(path, "utf8");

  let exports: Record<string, unknown>;
  try {
    exports = await importModelFile(path);
  } catch (error) {
    return { file: shown, models: [failedModel(error, path, shown, source)] };
  }

  const entries = Object.entries(exports).filter(([name]) => name !== "module.exports");
  const models = entries
    .filter(([, value]) => isSequential(value) || isGraph(value))
    .sort(([a], [b]) => declaredAt(source, a) - declaredAt(source, b));
  if (models.length === 0)
    throw new ExplainError(
      writeNoModelMessage(
        shown,
        entries.map(([name]) => name),
      ),
    );
  const chosen = options.model === undefined ? models : models.filter(([name]) => name === options.model);
  if (chosen.length === 0)
    throw new ExplainError(
      writeNoSuchModelMessage(
        shown,
        options.model!,
        models.map(([name]) => name),
      ),
    );
  return {
    file: shown,
    models: chosen.map(([name, value]) =>
      isSequential(value)
        ? explainSequential(name, value.inputShape, value.layers)
        : explainGraph(name, value as Parameters<typeof explainGraph>[1]),
    ),
  };
}

/** The model that threw while the file was loading, explained up to its error; anything else is an ExplainError. */
function failedModel(error: unknown, path: string, shown: string, source: string): ExplainedModel {
  if (error instanceof Error && (error.name === "TransformError" || error.message.startsWith("Transform failed"))) {
    throw new ExplainError(
      writeCompileMessage(
        shown,
        error.message.replace(/^Transform failed with \d+ errors?:\n/, "").replaceAll(path, shown),
      ),
    );
  }
  const line = lineIn(error, path);
  const where = line === undefined ? shown : `${shown}:${line}`;
  if (!isShapeError(error)) {
    const details = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    throw new ExplainError(writeLoadMessage(line === undefined ? shown : where, details.replaceAll(path, shown)));
  }
  const name = (line === undefined ? undefined : exportAbove(source, line)) ?? "model";
  const partial = error.partial;
  if (partial !== undefined)
    return { ...explainSequential(name, partial.input, partial.layers, error.message), location: where };
  // A mistake found before the layers were chained (a layer's own arguments, a graph's inputs).
  return {
    name,
    location: where,
    kind: "sequential",
    inputs: [],
    layers: [],
    outputs: [],
    params: { total: 0, complete: true },
    error: { id: "", layer: "", message: error.message },
  };
}

/** The line of `path` in an error's stack (tsx maps it to the source), if any. */
function lineIn(error: unknown, path: string): number | undefined {
  const stack = error instanceof Error ? (error.stack ?? "") : "";
  for (const frame of stack.split("\n")) {
    const match = /\(?((?:file:\/\/)?[^()\s]+):(\d+):\d+\)?$/.exec(frame.trim());
    if (!match) continue;
    const file = match[1]!.startsWith("file://") ? fileURLToPath(match[1]!) : match[1]!;
    if (file === path) return Number(match[2]);
  }
  return undefined;
}

/**
 * The name of the export whose top-level statement holds `line` (`net` for `export const net = sequential(`),
 * found by going up to the statement's first line (the first line that starts at column 0).
 */
function exportAbove(source: string, line: number): string | undefined {
  const lines = source.split("\n").slice(0, line).reverse();
  for (const text of lines) {
    if (!/^[^\s)\]}/*]/.test(text)) continue;
    const named = /^export\s+(?:const|let|var)\s+([\w$]+)/.exec(text);
    if (named) return named[1];
    return /^export\s+default\b/.test(text) ? "default" : undefined;
  }
  return undefined;
}

/** Where the file declares an export, to list models in the file's order (exports are sorted by name). */
function declaredAt(source: string, name: string): number {
  const escaped = name.replace(/[$]/g, "\\$");
  const patterns =
    name === "default"
      ? [/\bexport\s+default\b/]
      : [new RegExp(`\\b(?:const|let|var|function|class)\\s+${escaped}\\b`), new RegExp(`\\b${escaped}\\b`)];
  for (const pattern of patterns) {
    const at = source.search(pattern);
    if (at !== -1) return at;
  }
  return Number.MAX_SAFE_INTEGER;
}
