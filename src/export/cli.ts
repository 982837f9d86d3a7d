// `shapecheck pytorch <file>` and `shapecheck onnx <file>`: load the models a TypeScript (or JS)
// file exports (through tsx, as `shapecheck explain` does) and write their exports.
//   pytorch: without --out the Python source on stdout; with --out dir, <name>.py and train_<name>.py per model
//   onnx:    <out>/<name>.onnx per model, weights from --weights file.safetensors or a fresh build
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { importModelFile } from "../explain/import-file.ts";
import { isModel, type ModelLike } from "./model-parts.ts";
import { toPyTorch } from "./pytorch/module.ts";
import { trainScript } from "./pytorch/train.ts";
import type { WeightLike } from "./onnx/builder.ts";
import { toOnnx } from "./onnx/model.ts";

/** A problem the user fixes from its message alone (no stack trace). */
export class ExportFileError extends Error {
  override name = "ExportFileError";
}

/** The models a file exports, by export name, in the order the file declares them; `only` picks one. */
export async function modelsOf(file: string, only?: string): Promise<[string, ModelLike][]> {
  const path = resolve(file);
  if (!existsSync(path)) throw new ExportFileError(`cannot find ${file}`);
  const exports = await importModelFile(path);
  const source = readFileSync(path, "utf8");
  const at = (name: string) => {
    const i = source.search(new RegExp(`\\b${name}\\b`));
    return i < 0 ? Infinity : i;
  };
  const models = Object.entries(exports)
    .filter((entry): entry is [string, ModelLike] => isModel(entry[1]))
    .sort(([a], [b]) => at(a) - at(b));
  if (models.length === 0)
    throw new ExportFileError(`${file} exports no model: export a sequential(...) or graph(...)`);
  const chosen = only === undefined ? models : models.filter(([name]) => name === only);
  if (chosen.length === 0)
    throw new ExportFileError(
      `${file} exports no model named ${only} (its models: ${models.map(([n]) => n).join(", ")})`,
    );
  return chosen;
}

/** `shapecheck pytorch`: returns what to print (the source, or the files written). */
export async function pytorchCommand(file: string, options: { out?: string; model?: string }): Promise<string> {
  const models = await modelsOf(file, options.model);
  if (options.out === undefined) return models.map(([name, net]) => toPyTorch(net, { name })).join("\n\n");
  mkdirSync(options.out, { recursive: true });
  const written: string[] = [];
  for (const [name, net] of models) {
    writeFileSync(join(options.out, `${name}.py`), toPyTorch(net, { name }));
    written.push(join(options.out, `${name}.py`));
    if (net.kind === "sequential" || (net.kind === "graph" && net.outputs.length === 1)) {
      writeFileSync(join(options.out, `train_${name}.py`), trainScript(net, { module: name }));
      written.push(join(options.out, `train_${name}.py`));
    }
  }
  return `wrote ${written.join(", ")}\n`;
}

/** `shapecheck onnx`: writes <out>/<name>.onnx per model; returns what to print. */
export async function onnxCommand(
  file: string,
  options: { out?: string; model?: string; weights?: string },
): Promise<string> {
  const models = await modelsOf(file, options.model);
  const out = options.out ?? ".";
  mkdirSync(out, { recursive: true });
  const written: string[] = [];
  for (const [name, net] of models) {
    let weights: Record<string, WeightLike>;
    if (options.weights !== undefined) {
      const { decodeSafetensors } = await import("../runtime/safetensors.ts");
      weights = decodeSafetensors(new Uint8Array(readFileSync(options.weights)));
    } else {
      // No weights given: the fresh model's (PyTorch's initialization), through the TensorFlow.js runtime.
      const { build, ready } = await import("../tfjs.ts");
      await ready();
      weights = build(net as unknown as Parameters<typeof build>[0]).stateDict();
    }
    writeFileSync(join(out, `${name}.onnx`), toOnnx(net, { weights, name }));
    written.push(join(out, `${name}.onnx`));
  }
  return `wrote ${written.join(", ")}\n`;
}
