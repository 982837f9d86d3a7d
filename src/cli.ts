// The `shapecheck` command: `shapecheck explain <file> [--format text|markdown|json|mermaid|dot] [--model name]`.
import { Command, InvalidArgumentError } from "commander";
import { ExplainError, explainFile, formats, isFormat, render, type Format } from "./explain/index.ts";
import { onnxCommand, pytorchCommand } from "./export/cli.ts";

const parseFormat = (value: string): Format => {
  if (!isFormat(value)) throw new InvalidArgumentError(`use one of ${Object.keys(formats).join(", ")}.`);
  return value;
};

/** Runs the command line; resolves to the exit code (0: explained; 1: a model does not fit, or the file cannot be explained). */
export async function main(
  argv: readonly string[],
  out: (text: string) => void = (text) => process.stdout.write(text),
  err: (text: string) => void = (text) => process.stderr.write(text),
): Promise<number> {
  let code = 0;
  const program = new Command("shapecheck")
    .description("Neural-network tensor shapes, checked at compile time")
    .exitOverride()
    .configureOutput({ writeOut: out, writeErr: err });
  program
    .command("explain")
    .description(
      "print every layer of the models a file exports: output shape, the arithmetic behind each changed dimension, parameter count",
    )
    .argument("<file>", "a .ts or .js file that exports sequential(...) or graph(...) models")
    .addHelpText(
      "after",
      "\nExample:\n  npx shapecheck explain examples/mnist.ts --format markdown\n\nExits with 1 when a model has a shape error (it is explained up to the error) or the file cannot be explained.",
    )
    .option("-f, --format <format>", `output format: ${Object.keys(formats).join(", ")}`, parseFormat, "text" as Format)
    .option("-m, --model <name>", "only the model exported under this name")
    .action(async (file: string, options: { format: Format; model?: string }) => {
      try {
        const explained = await explainFile(file, options.model === undefined ? {} : { model: options.model });
        out(render(explained, options.format));
        if (explained.models.some((model) => model.error !== undefined)) code = 1;
      } catch (error) {
        if (!(error instanceof ExplainError)) throw error;
        err(`shapecheck explain: ${error.message}\n`);
        code = 1;
      }
    });
  // pytorch / onnx: the exports (src/export/cli.ts); a problem is one line on stderr and exit code 1.
  const exporting = (name: string, run: () => Promise<string>) => async (): Promise<void> => {
    try {
      out(await run());
    } catch (error) {
      const known =
        error instanceof Error &&
        ["ExportError", "ExportFileError", "ShapeError", "NotConvertibleError"].includes(error.name);
      if (!known) throw error;
      err(`shapecheck ${name}: ${error.message}\n`);
      code = 1;
    }
  };
  program
    .command("pytorch")
    .description(
      "write each exported model as a torch.nn.Module (Python), and a train.py for DistributedDataParallel under torchrun",
    )
    .argument("<file>", "a .ts or .js file that exports sequential(...) or graph(...) models")
    .option("-o, --out <dir>", "write <model>.py and train_<model>.py there (default: print the module)")
    .option("-m, --model <name>", "only the model exported under this name")
    .addHelpText(
      "after",
      "\nExample:\n  npx shapecheck pytorch examples/mnist.ts --out py/\n  cd py && torchrun --standalone --nproc-per-node 2 train_mnist.py --data data.safetensors",
    )
    .action((file: string, options: { out?: string; model?: string }) =>
      exporting("pytorch", () => pytorchCommand(file, options))(),
    );
  program
    .command("onnx")
    .description("write each exported model as an ONNX file (opset 17) with its weights")
    .argument("<file>", "a .ts or .js file that exports sequential(...) or graph(...) models")
    .option("-o, --out <dir>", "directory of the <model>.onnx files", ".")
    .option("-m, --model <name>", "only the model exported under this name")
    .option(
      "-w, --weights <file>",
      "safetensors weights (saveSafetensors, or a PyTorch state_dict); default: a fresh model's",
    )
    .action((file: string, options: { out?: string; model?: string; weights?: string }) =>
      exporting("onnx", () => onnxCommand(file, options))(),
    );
  try {
    await program.parseAsync([...argv], { from: "user" });
  } catch (error) {
    // commander has printed its message (unknown option, missing argument) or the help.
    const exit = (error as { exitCode?: number }).exitCode;
    if (exit === undefined) throw error;
    return exit;
  }
  return code;
}

const invoked = process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].replace(/\\/g, "/"));
if (invoked) process.exitCode = await main(process.argv.slice(2));
