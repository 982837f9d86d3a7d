// Twin of cross-attention.types.ts: MultiheadAttention called on query, key and value (batch first),
// each argument checked on its own, in the order of the call's parameters.
import { ShapeError } from "../../errors.ts";
import { argProblem, knownOf, type CallInputs } from "../../model/call.ts";
import type { RuntimeShape } from "../../shape/dims.ts";

export interface AttentionCallSizes {
  readonly embedDim: number;
  readonly numHeads: number;
  readonly kdim: number;
  readonly vdim: number;
}

/** The problem of each argument present, in order (query, key, value, keyPaddingMask, attnMask), or `false`. */
export function attentionCallProblem(layer: string, sizes: AttentionCallSizes, inputs: CallInputs): string | false {
  const { query: q, key: k, value: v, keyPaddingMask, attnMask } = inputs;
  const batch = q!.length === 3 ? q![0]! : undefined;
  const l = q!.length === 3 ? q![1]! : undefined;
  const s = k!.length === 3 ? k![1]! : undefined;
  const problems = [
    () =>
      argProblem(layer, "query", q!, "[batch, L, embedDim]", [
        ["batch", undefined, "", "same"],
        ["L", undefined, "", "same"],
        ["last dimension", sizes.embedDim, "embedDim", "size"],
      ]),
    () =>
      argProblem(layer, "key", k!, "[batch, S, kdim]", [
        ["batch", batch, "query's batch", "same"],
        ["S", undefined, "", "same"],
        ["last dimension", sizes.kdim, "kdim", "size"],
      ]),
    () =>
      argProblem(layer, "value", v!, "[batch, S, vdim]", [
        ["batch", batch, "query's batch", "same"],
        ["S", s, "key's S", "same"],
        ["last dimension", sizes.vdim, "vdim", "size"],
      ]),
    () =>
      keyPaddingMask !== undefined &&
      argProblem(layer, "keyPaddingMask", keyPaddingMask, "[batch, S]", [
        ["batch", batch, "query's batch", "same"],
        ["S", s, "key's S", "same"],
      ]),
    () =>
      attnMask !== undefined &&
      argProblem(
        layer,
        "attnMask",
        attnMask,
        "[L, S] or [batch·numHeads, L, S]",
        attnMask.length === 3
          ? [
              [
                "first dimension",
                typeof batch === "number" ? batch * sizes.numHeads : undefined,
                "batch·numHeads",
                "same",
              ],
              ["L", l, "query's L", "same"],
              ["S", s, "key's S", "same"],
            ]
          : [
              ["L", l, "query's L", "same"],
              ["S", s, "key's S", "same"],
            ],
      ),
  ];
  for (const problem of problems) {
    const found = problem();
    if (found !== false) return found;
  }
  return false;
}

/** The output shapes [output, weights] of a call (the weights' shape even when not asked for). */
export function attentionCallShapes(
  layer: string,
  sizes: AttentionCallSizes,
  inputs: CallInputs,
  options: Readonly<Record<string, unknown>>,
): RuntimeShape[] {
  const problem = attentionCallProblem(layer, sizes, inputs);
  if (problem !== false) throw new ShapeError(problem);
  const [qBatch, l] = inputs["query"]!;
  const [kBatch, s] = inputs["key"]!;
  const batch = knownOf(qBatch!, kBatch!);
  const weights = options["averageAttnWeights"] === false ? [batch, sizes.numHeads, l!, s!] : [batch, l!, s!];
  return [[batch, l!, sizes.embedDim], weights];
}
