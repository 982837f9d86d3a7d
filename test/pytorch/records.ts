// The PyTorch shape fixtures (test/fixtures/pytorch-shapes.json, written by scripts/pytorch_fixtures.py from
// PyTorch 1.13's real modules) as shapecheck calls: one `nn.*(...)` builder call and one `input(...)` per record.
// The runtime agreement test evaluates these texts; the type-level test compiles them.
import { readFileSync } from "node:fs";

export type Args = Record<string, unknown>;
export interface PytorchRecord {
  readonly args: Args;
  readonly input: number[];
  readonly output?: number[];
  readonly error?: string;
  /** batchNorm: ran in training mode (PyTorch then also wants more than one value per channel). */
  readonly training?: boolean;
  /** maxPool1d: what PyTorch's no-grad fast path returns where a training step raises `error`. */
  readonly noGradOutput?: number[];
  readonly noneInOutputSize?: boolean;
}

export const fixturePath = new URL("../fixtures/pytorch-shapes.json", import.meta.url);
export const loadRecords = (): Record<string, PytorchRecord[]> => JSON.parse(readFileSync(fixturePath, "utf8"));

/** Why a record is not checked, or `false`. */
export function skipReason(record: PytorchRecord): string | false {
  if (record.training) return "training-mode batch statistics (more than one value per channel), not a shape rule";
  return false;
}

const text = (value: unknown): string => JSON.stringify(value);

/** `{ stride: 2, padding: [1, 0] }` from the keys of `args` that are present, or "" when none is. */
function options(args: Args, keys: readonly string[]): string {
  const present = keys.filter((key) => key in args);
  return present.length === 0 ? "" : `{ ${present.map((key) => `${key}: ${text(args[key])}`).join(", ")} }`;
}

/** The arguments after the leading ones: positional (PyTorch's order) when `positional` and only those are given, else an options object. */
function tail(
  args: Args,
  positionalKeys: readonly string[],
  optionKeys: readonly string[],
  defaults: Record<string, unknown>,
  positional: boolean,
): string {
  const given = optionKeys.filter((key) => key in args);
  if (positional && given.every((key) => positionalKeys.includes(key)) && given.length > 0) {
    const last = Math.max(...given.map((key) => positionalKeys.indexOf(key)));
    return positionalKeys
      .slice(0, last + 1)
      .map((key) => `, ${text(key in args ? args[key] : defaults[key])}`)
      .join("");
  }
  const object = options(args, optionKeys);
  return object === "" ? "" : `, ${object}`;
}

/**
 * The builder call for a record: `nn.conv2d(3, 8, [3, 2], { padding: 1 })`. Records with an even `index` use
 * PyTorch's positional order where they can (`nn.conv2d(3, 8, 3, 2, 1)`), so both forms are covered.
 */
export function layerCall(family: string, args: Args, index: number): string {
  const positional = index % 2 === 0;
  const a = (key: string) => text(args[key]);
  switch (family) {
    case "conv1d":
    case "conv2d":
    case "conv3d":
      return `nn.${family}(${a("inChannels")}, ${a("outChannels")}, ${a("kernelSize")}${tail(args, ["stride", "padding"], ["stride", "padding", "dilation", "groups", "bias"], { stride: 1, padding: 0 }, positional)})`;
    case "convTranspose1d":
    case "convTranspose2d":
      return `nn.${family}(${a("inChannels")}, ${a("outChannels")}, ${a("kernelSize")}${tail(args, ["stride", "padding", "outputPadding"], ["stride", "padding", "outputPadding", "dilation", "groups", "bias"], { stride: 1, padding: 0, outputPadding: 0 }, positional)})`;
    case "maxPool1d":
    case "maxPool2d":
    case "avgPool1d":
    case "avgPool2d":
      return `nn.${family}(${a("kernelSize")}${tail(args, ["stride", "padding"], ["stride", "padding", "dilation", "ceilMode"], { stride: args["kernelSize"], padding: 0 }, positional)})`;
    case "adaptiveAvgPool1d":
    case "adaptiveAvgPool2d":
    case "adaptiveMaxPool2d":
      return `nn.${family}(${a("outputSize")})`;
    case "flatten":
      return "endDim" in args
        ? `nn.flatten(${text(args["startDim"] ?? 1)}, ${a("endDim")})`
        : "startDim" in args
          ? `nn.flatten(${a("startDim")})`
          : "nn.flatten()";
    case "unflatten":
      return `nn.unflatten(${a("dim")}, ${a("sizes")})`;
    case "linear":
      return `nn.linear(${a("inFeatures")}, ${a("outFeatures")})`;
    case "embedding":
      return `nn.embedding(${a("numEmbeddings")}, ${a("embeddingDim")})`;
    case "batchNorm1d":
    case "batchNorm2d":
      return `nn.${family}(${a("numFeatures")})`;
    case "layerNorm":
      return `nn.layerNorm(${a("normalizedShape")})`;
    case "lstm":
    case "gru": {
      const object = options(args, ["numLayers", "bidirectional"]);
      return `nn.${family}(${a("inputSize")}, ${a("hiddenSize")}${object === "" ? "" : `, ${object}`})`;
    }
    case "multiheadAttention":
      return `nn.multiheadAttention(${a("embedDim")}, ${a("numHeads")})`;
    case "softmax":
    case "logSoftmax":
      return `nn.${family}(${a("dim")})`;
    default:
      throw new Error(`no call for family ${family}`);
  }
}

/** The model input for a record's input shape (batch first): `input([3, 17, 9], { batch: 2 })`. */
export const inputCall = (shape: readonly number[]): string => `input(${text(shape.slice(1))}, { batch: ${shape[0]} })`;

/** The whole model: `sequential(input([3, 17, 9], { batch: 2 }), nn.conv2d(3, 8, 3))`. */
export const modelCall = (family: string, record: PytorchRecord, index: number): string =>
  `sequential(${inputCall(record.input)}, ${layerCall(family, record.args, index)})`;
