// Loads a user's model file for the CLI (`shapecheck explain | pytorch | onnx <file>`) and `explainFile`:
// TypeScript through tsx, JavaScript with a plain import(). tsx is an optional peer dependency, imported
// here only when a file is loaded, so that `shapecheck/explain` and the CLI load without it.
import { pathToFileURL } from "node:url";

/** Says what to install when a TypeScript model file is given and tsx is not installed. */
export const writeNeedsTsxMessage = (file: string): string =>
  `${file} is TypeScript: loading it needs tsx (npm install --save-dev tsx), or give the compiled .js file`;

/** The module namespace of the file at `path` (an absolute path). */
export async function importModelFile(path: string): Promise<Record<string, unknown>> {
  const url = pathToFileURL(path).href;
  let tsx: typeof import("tsx/esm/api");
  try {
    tsx = await import("tsx/esm/api");
  } catch {
    if (/\.[cm]?js$/.test(path)) return (await import(url)) as Record<string, unknown>;
    throw new Error(writeNeedsTsxMessage(path));
  }
  return (await tsx.tsImport(url, import.meta.url)) as Record<string, unknown>;
}
