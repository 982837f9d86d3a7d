// Twin of cross-attention.types.ts: MultiheadAttention called on query, key and value (batch first),
// each argument checked on its own, in the order of the call's parameters.
import { argProblem, knownOf, type CallInputs } from "../../model/call.ts";
import type { RuntimeShape } from "../../shape/dims.ts";
import { anyDim, attnMaskProblem, sameAs, sizedArgProblem, throwFirst } from "./arg-problems.ts";

export interface AttentionCallSizes {
  readonly embedDim: number;
  readonly numHeads: number;
  readonly kdim: number;
  readonly vdim: number;
}

/**
 * The output shapes [output, weights] of a call (the weights' shape even when not asked for), each argument present
 * checked in order (query, key, value, keyPaddingMask, attnMask).
 */
export function attentionCallShapes(
  layer: string,
  sizes: AttentionCallSizes,
  inputs: CallInputs,
  options: Readonly<Record<string, unknown>>,
): RuntimeShape[] {
  const { query: q, key: k, value: v, keyPaddingMask, attnMask } = inputs;
  const batch = q!.length === 3 ? q![0]! : undefined;
  const l = q!.length === 3 ? q![1]! : undefined;
  const s = k!.length === 3 ? k![1]! : undefined;
  const sameBatch = sameAs("batch", batch, "query's batch");
  const sameS = sameAs("S", s, "key's S");
  throwFirst([
    () => sizedArgProblem(layer, "query", q!, [anyDim("batch"), anyDim("L")], ["embedDim", sizes.embedDim]),
    () => sizedArgProblem(layer, "key", k!, [sameBatch, anyDim("S")], ["kdim", sizes.kdim]),
    () => sizedArgProblem(layer, "value", v!, [sameBatch, sameS], ["vdim", sizes.vdim]),
    () =>
      keyPaddingMask !== undefined &&
      argProblem(layer, "keyPaddingMask", keyPaddingMask, "[batch, S]", [sameBatch, sameS]),
    () =>
      attnMaskProblem(
        layer,
        "attnMask",
        attnMask,
        batch,
        ["numHeads", sizes.numHeads],
        [sameAs("L", l, "query's L"), sameS],
      ),
  ]);
  const batchOut = knownOf(q![0]!, k![0]!);
  const weights = options["averageAttnWeights"] === false ? [batchOut, sizes.numHeads, l!, s!] : [batchOut, l!, s!];
  return [[batchOut, l!, sizes.embedDim], weights];
}
