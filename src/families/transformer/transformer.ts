// Twin of transformer.types.ts: the Transformer modules' shape rules and messages, and their
// PyTorch parameters (state_dict keys and shapes: the conversion's weights and explain's counts).
import { argProblem, type CallInputs } from "../../model/call.ts";
import { attentionRule } from "../attention/attention.ts";
import { anyDim, attnMaskProblem, sameAs, sizedArgProblem, throwFirst } from "../attention/arg-problems.ts";
import type { RuntimeDim, RuntimeShape } from "../../shape/dims.ts";
import type { DecoderCallOptions, EncoderCallOptions } from "./transformer.types.ts";
import type {
  TransformerConfig,
  TransformerDecoderConfig,
  TransformerDecoderLayerConfig,
  TransformerEncoderConfig,
  TransformerEncoderLayerConfig,
} from "./transformer.nn.ts";

export const writeNheadMessage = (layer: string, dModel: number, nhead: number): string =>
  `${layer}: dModel ${dModel} must be divisible by nhead ${nhead}`;
export const writeNeedsMemoryMessage = (layer: string): string =>
  `${layer}: needs the encoder's memory: call it as layer.call(tgt, memory)`;
export const writeNeedsSourceAndTargetMessage = (layer: string): string =>
  `${layer}: needs the source and the target: call it as layer.call(src, tgt)`;

/** The rule in `pipe`: [batch, S, dModel] → the same shape (self-attention's, with dModel). */
export const transformerRule = (layer: string, dModel: number, input: RuntimeShape): RuntimeShape =>
  attentionRule(layer, dModel, input, "dModel");

const dim = (shape: RuntimeShape | undefined, i: number): RuntimeDim | undefined =>
  shape !== undefined && shape.length === 3 ? shape[i]! : undefined;

export const sequenceProblem = (
  layer: string,
  name: string,
  dModel: number,
  shape: RuntimeShape,
  batch?: RuntimeDim,
  batchOf = "",
): string | false =>
  sizedArgProblem(layer, name, shape, [sameAs("batch", batch, batchOf), anyDim("seq")], ["dModel", dModel]);
/**
 * A call's masks: the mask's name, the sequence that gives its batch (and L), the sequence that gives its seq (S).
 * Key padding masks are [batch, seq], attention masks [L, S] or [batch·nhead, L, S].
 */
type Masks = readonly (readonly [name: string, first: string, second: string])[];
export const encoderMasks = [
  ["srcMask", "src", "src"],
  ["srcKeyPaddingMask", "src", "src"],
] as const satisfies readonly (readonly [keyof EncoderCallOptions, string, string])[];
export const decoderMasks = [
  ["tgtMask", "tgt", "tgt"],
  ["memoryMask", "tgt", "memory"],
  ["tgtKeyPaddingMask", "tgt", "tgt"],
  ["memoryKeyPaddingMask", "tgt", "memory"],
] as const satisfies readonly (readonly [keyof DecoderCallOptions, string, string])[];
function maskProblems(layer: string, nhead: number, inputs: CallInputs, masks: Masks) {
  return masks.map(([name, first, second]) => () => {
    const mask = inputs[name];
    if (mask === undefined) return false;
    const batch = dim(inputs[first], 0);
    const seq = dim(inputs[second], 1);
    if (name.endsWith("PaddingMask"))
      return argProblem(layer, name, mask, "[batch, seq]", [
        sameAs("batch", batch, "the batch"),
        sameAs("seq", seq, `${second}'s seq`),
      ]);
    const l = sameAs("L", dim(inputs[first], 1), `${first}'s seq`);
    return attnMaskProblem(layer, name, mask, batch, ["nhead", nhead], [l, sameAs("S", seq, `${second}'s seq`)]);
  });
}

/**
 * What each module is called on (PyTorch's forward): its tensors, checked in this order (the second must have the
 * first's batch), and its masks (the transformer's memory is the encoder's output: src's shape).
 */
export const roles = {
  encoder: { tensors: ["src"], masks: encoderMasks },
  decoder: { tensors: ["tgt", "memory"], masks: decoderMasks },
  transformer: { tensors: ["src", "tgt"], masks: [...encoderMasks, ...decoderMasks] },
} as const satisfies Record<string, { tensors: readonly string[]; masks: Masks }>;

/**
 * A module's call (`role`: its tensors and masks) → tgt's shape (src's for an encoder), its batch from the other
 * tensor when unknown.
 */
export function moduleCallShapes(
  layer: string,
  dModel: number,
  nhead: number,
  { tensors: [first, second], masks }: (typeof roles)[keyof typeof roles],
  inputs: CallInputs,
): RuntimeShape[] {
  const a = inputs[first]!;
  const b = inputs[second!]!;
  throwFirst([
    () => sequenceProblem(layer, first, dModel, a),
    ...(second === undefined ? [] : [() => sequenceProblem(layer, second, dModel, b, a[0], `${first}'s batch`)]),
    ...maskProblems(layer, nhead, first === "src" ? { ...inputs, memory: a } : inputs, masks),
  ]);
  const [out, other] = second === undefined ? [a, a] : first === "tgt" ? [a, b] : [b, a];
  return [[out[0] === null ? other[0]! : out[0]!, out[1]!, dModel]];
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
