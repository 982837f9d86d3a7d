// Twin of transformer.types.ts: the Transformer modules' shape rules and messages, and their
// PyTorch parameters (state_dict keys and shapes: the conversion's weights and explain's counts).
import { ShapeError } from "../../errors.ts";
import { argProblem, type CallInputs } from "../../model/call.ts";
import type { RuntimeDim, RuntimeShape } from "../../shape/dims.ts";
import { writeRankMessage } from "../conv/conv.ts";
import type {
  TransformerConfig,
  TransformerDecoderConfig,
  TransformerDecoderLayerConfig,
  TransformerEncoderConfig,
  TransformerEncoderLayerConfig,
} from "./transformer.nn.ts";

export const writeNheadMessage = (layer: string, dModel: number, nhead: number): string =>
  `${layer}: dModel ${dModel} must be divisible by nhead ${nhead}`;
export const writeDModelMessage = (layer: string, features: number): string =>
  `${layer}: dModel must equal the last input dimension ${features}`;
export const writeNeedsMemoryMessage = (layer: string): string =>
  `${layer}: needs the encoder's memory: call it as layer.call(tgt, memory)`;
export const writeNeedsSourceAndTargetMessage = (layer: string): string =>
  `${layer}: needs the source and the target: call it as layer.call(src, tgt)`;

/** The rule in `pipe`: [batch, S, dModel] → the same shape. */
export function transformerRule(layer: string, dModel: number, input: RuntimeShape): RuntimeShape {
  if (input.length !== 3) throw new ShapeError(writeRankMessage(layer, "[batch, seq, dModel] (rank 3)", input.length));
  const [batch, seq, features] = input;
  if (typeof features === "string") return input;
  if (features === null) return [batch!, seq!, dModel];
  if (features !== dModel) throw new ShapeError(writeDModelMessage(layer, features!));
  return input;
}

const dim = (shape: RuntimeShape | undefined, i: number): RuntimeDim | undefined =>
  shape !== undefined && shape.length === 3 ? shape[i]! : undefined;

export function sequenceProblem(
  layer: string,
  name: string,
  dModel: number,
  shape: RuntimeShape,
  batch?: RuntimeDim,
  batchOf = "",
): string | false {
  return argProblem(layer, name, shape, "[batch, seq, dModel]", [
    ["batch", batch, batchOf, "same"],
    ["seq", undefined, "", "same"],
    ["last dimension", dModel, "dModel", "size"],
  ]);
}
function paddingProblem(
  layer: string,
  name: string,
  mask: RuntimeShape | undefined,
  batch: RuntimeDim | undefined,
  len: RuntimeDim | undefined,
  lenOf: string,
): string | false {
  if (mask === undefined) return false;
  return argProblem(layer, name, mask, "[batch, seq]", [
    ["batch", batch, "the batch", "same"],
    ["seq", len, lenOf, "same"],
  ]);
}
function maskProblem(
  layer: string,
  name: string,
  mask: RuntimeShape | undefined,
  batch: RuntimeDim | undefined,
  nhead: number,
  l: RuntimeDim | undefined,
  lOf: string,
  s: RuntimeDim | undefined,
  sOf: string,
): string | false {
  if (mask === undefined) return false;
  const pattern = "[L, S] or [batch·nhead, L, S]";
  return mask.length === 3
    ? argProblem(layer, name, mask, pattern, [
        ["first dimension", typeof batch === "number" ? batch * nhead : undefined, "batch·nhead", "same"],
        ["L", l, lOf, "same"],
        ["S", s, sOf, "same"],
      ])
    : argProblem(layer, name, mask, pattern, [
        ["L", l, lOf, "same"],
        ["S", s, sOf, "same"],
      ]);
}

/** The first problem of a list (each run only when the ones before have none). */
function first(problems: readonly (() => string | false)[]): void {
  for (const problem of problems) {
    const found = problem();
    if (found !== false) throw new ShapeError(found);
  }
}

/** An encoder layer's or encoder's call: (src, { srcMask, srcKeyPaddingMask }) → src's shape. */
export function encoderCallShapes(layer: string, dModel: number, nhead: number, inputs: CallInputs): RuntimeShape[] {
  const src = inputs["src"]!;
  first([
    () => sequenceProblem(layer, "src", dModel, src),
    () =>
      maskProblem(
        layer,
        "srcMask",
        inputs["srcMask"],
        dim(src, 0),
        nhead,
        dim(src, 1),
        "src's seq",
        dim(src, 1),
        "src's seq",
      ),
    () =>
      paddingProblem(layer, "srcKeyPaddingMask", inputs["srcKeyPaddingMask"], dim(src, 0), dim(src, 1), "src's seq"),
  ]);
  return [[src[0]!, src[1]!, dModel]];
}

/** The decoder's masks (the target `tgt`, the memory `memory`). */
function decoderMaskProblems(
  layer: string,
  nhead: number,
  tgt: RuntimeShape,
  memory: RuntimeShape,
  inputs: CallInputs,
) {
  return [
    () =>
      maskProblem(
        layer,
        "tgtMask",
        inputs["tgtMask"],
        dim(tgt, 0),
        nhead,
        dim(tgt, 1),
        "tgt's seq",
        dim(tgt, 1),
        "tgt's seq",
      ),
    () =>
      maskProblem(
        layer,
        "memoryMask",
        inputs["memoryMask"],
        dim(tgt, 0),
        nhead,
        dim(tgt, 1),
        "tgt's seq",
        dim(memory, 1),
        "memory's seq",
      ),
    () =>
      paddingProblem(layer, "tgtKeyPaddingMask", inputs["tgtKeyPaddingMask"], dim(tgt, 0), dim(tgt, 1), "tgt's seq"),
    () =>
      paddingProblem(
        layer,
        "memoryKeyPaddingMask",
        inputs["memoryKeyPaddingMask"],
        dim(tgt, 0),
        dim(memory, 1),
        "memory's seq",
      ),
  ];
}

/** A decoder layer's or decoder's call: (tgt, memory, { masks }) → tgt's shape. */
export function decoderCallShapes(layer: string, dModel: number, nhead: number, inputs: CallInputs): RuntimeShape[] {
  const tgt = inputs["tgt"]!;
  const memory = inputs["memory"]!;
  first([
    () => sequenceProblem(layer, "tgt", dModel, tgt),
    () => sequenceProblem(layer, "memory", dModel, memory, tgt[0], "tgt's batch"),
    ...decoderMaskProblems(layer, nhead, tgt, memory, inputs),
  ]);
  return [[tgt[0] === null ? memory[0]! : tgt[0]!, tgt[1]!, dModel]];
}

/** A transformer's call: (src, tgt, { masks }) → tgt's shape (the memory is the encoder's output, src's shape). */
export function transformerCallShapes(
  layer: string,
  dModel: number,
  nhead: number,
  inputs: CallInputs,
): RuntimeShape[] {
  const src = inputs["src"]!;
  const tgt = inputs["tgt"]!;
  first([
    () => sequenceProblem(layer, "src", dModel, src),
    () => sequenceProblem(layer, "tgt", dModel, tgt, src[0], "src's batch"),
    () =>
      maskProblem(
        layer,
        "srcMask",
        inputs["srcMask"],
        dim(src, 0),
        nhead,
        dim(src, 1),
        "src's seq",
        dim(src, 1),
        "src's seq",
      ),
    () =>
      paddingProblem(layer, "srcKeyPaddingMask", inputs["srcKeyPaddingMask"], dim(src, 0), dim(src, 1), "src's seq"),
    ...decoderMaskProblems(layer, nhead, tgt, src, inputs),
  ]);
  return [[tgt[0] === null ? src[0]! : tgt[0]!, tgt[1]!, dModel]];
}

// ---- Parameters ------------------------------------------------------------------------------------

/** What every Transformer layer shares (PyTorch's arguments in camelCase, defaults filled in). */
export interface TransformerSettings {
  readonly dModel: number;
  readonly nhead: number;
  readonly dimFeedforward: number;
  readonly dropout: number;
  readonly activation: "relu" | "gelu";
  readonly layerNormEps: number;
  readonly normFirst: boolean;
}

/** The structure of a Transformer module: its layers, and whether each stack ends with a LayerNorm. */
export interface TransformerStructure {
  /** Key prefix of each encoder layer (`layers.0.`, `encoder.layers.1.`, `` for a lone layer). */
  readonly encoderLayers: readonly string[];
  readonly decoderLayers: readonly string[];
  /** The key prefix of the final norms (`norm.`, `encoder.norm.`), when there is one. */
  readonly encoderNorm?: string;
  readonly decoderNorm?: string;
}

/** PyTorch's state_dict of a module of this structure: key → shape, in PyTorch's order. */
export function transformerParams(s: TransformerSettings, structure: TransformerStructure): [string, number[]][] {
  const e = s.dModel;
  const f = s.dimFeedforward;
  const attention = (p: string): [string, number[]][] => [
    [`${p}in_proj_weight`, [3 * e, e]],
    [`${p}in_proj_bias`, [3 * e]],
    [`${p}out_proj.weight`, [e, e]],
    [`${p}out_proj.bias`, [e]],
  ];
  const norm = (p: string): [string, number[]][] => [
    [`${p}weight`, [e]],
    [`${p}bias`, [e]],
  ];
  const feedforward = (p: string): [string, number[]][] => [
    [`${p}linear1.weight`, [f, e]],
    [`${p}linear1.bias`, [f]],
    [`${p}linear2.weight`, [e, f]],
    [`${p}linear2.bias`, [e]],
  ];
  const params: [string, number[]][] = [];
  for (const p of structure.encoderLayers)
    params.push(...attention(`${p}self_attn.`), ...feedforward(p), ...norm(`${p}norm1.`), ...norm(`${p}norm2.`));
  if (structure.encoderNorm !== undefined) params.push(...norm(structure.encoderNorm));
  for (const p of structure.decoderLayers)
    params.push(
      ...attention(`${p}self_attn.`),
      ...attention(`${p}multihead_attn.`),
      ...feedforward(p),
      ...norm(`${p}norm1.`),
      ...norm(`${p}norm2.`),
      ...norm(`${p}norm3.`),
    );
  if (structure.decoderNorm !== undefined) params.push(...norm(structure.decoderNorm));
  return params;
}

/** The config of any Transformer module. */
export type AnyTransformerConfig =
  | TransformerEncoderLayerConfig
  | TransformerEncoderConfig
  | TransformerDecoderLayerConfig
  | TransformerDecoderConfig
  | TransformerConfig;

/** A module's settings, its role and its structure (its layers' key prefixes, its final norms). */
export interface TransformerModule extends TransformerSettings {
  readonly role: "encoder" | "decoder" | "transformer";
  readonly structure: TransformerStructure;
  readonly encoderNormEps?: number;
  readonly decoderNormEps?: number;
  /** nn.Transformer initializes every matrix with Xavier-uniform. */
  readonly xavier?: boolean;
}

const prefixes = (n: number, prefix: string): string[] => Array.from({ length: n }, (_, i) => `${prefix}layers.${i}.`);
const settingsOf = (s: TransformerSettings): TransformerSettings => ({
  dModel: s.dModel,
  nhead: s.nhead,
  dimFeedforward: s.dimFeedforward,
  dropout: s.dropout,
  activation: s.activation,
  layerNormEps: s.layerNormEps,
  normFirst: s.normFirst,
});

export function transformerModule(layer: AnyTransformerConfig): TransformerModule {
  switch (layer.kind) {
    case "transformerEncoderLayer":
      return { ...settingsOf(layer), role: "encoder", structure: { encoderLayers: [""], decoderLayers: [] } };
    case "transformerDecoderLayer":
      return { ...settingsOf(layer), role: "decoder", structure: { encoderLayers: [], decoderLayers: [""] } };
    case "transformerEncoder":
      return {
        ...settingsOf(layer.layer),
        role: "encoder",
        structure: {
          encoderLayers: prefixes(layer.numLayers, ""),
          decoderLayers: [],
          ...(layer.norm ? { encoderNorm: "norm." } : {}),
        },
        ...(layer.norm ? { encoderNormEps: layer.norm.eps } : {}),
      };
    case "transformerDecoder":
      return {
        ...settingsOf(layer.layer),
        role: "decoder",
        structure: {
          encoderLayers: [],
          decoderLayers: prefixes(layer.numLayers, ""),
          ...(layer.norm ? { decoderNorm: "norm." } : {}),
        },
        ...(layer.norm ? { decoderNormEps: layer.norm.eps } : {}),
      };
    case "transformer":
      return {
        ...settingsOf(layer),
        role: "transformer",
        xavier: true,
        structure: {
          encoderLayers: prefixes(layer.numEncoderLayers, "encoder."),
          decoderLayers: prefixes(layer.numDecoderLayers, "decoder."),
          encoderNorm: "encoder.norm.",
          decoderNorm: "decoder.norm.",
        },
      };
  }
}
