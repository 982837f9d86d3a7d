// Twin of cross-attention.types.ts: MultiheadAttention called on query, key and value (batch first),
// each argument checked on its own, in the order of the call's parameters.
import { ShapeError } from "../../errors.ts";
import { argProblem, knownOf, type CallInputs, type DimSpec } from "../../model/call.ts";
import type { RuntimeDim, RuntimeShape } from "../../shape/dims.ts";

export interface AttentionCallSizes {
  readonly embedDim: number;
  readonly numHeads: number;
  readonly kdim: number;
  readonly vdim: number;
}

/** The first problem of a list (each run only when the ones before have none), thrown. */
export function throwFirst(problems: readonly (() => string | false)[]): void {
  for (const problem of problems) {
    const found = problem();
    if (found !== false) throw new ShapeError(found);
  }
}

/**
 * An attention mask, [L, S] or [batch·heads, L, S] (`heads`: how the number of heads is called, `count` its value):
 * its problem, or `false` (also when it is not given).
 */
export function attnMaskProblem(
  layer: string,
  name: string,
  mask: RuntimeShape | undefined,
  batch: RuntimeDim | undefined,
  [heads, count]: [string, number],
  ls: DimSpec[],
): string | false {
  if (mask === undefined) return false;
  const first: DimSpec = [
    "first dimension",
    typeof batch === "number" ? batch * count : undefined,
    `batch·${heads}`,
    "same",
  ];
  return argProblem(layer, name, mask, `[L, S] or [batch·${heads}, L, S]`, mask.length === 3 ? [first, ...ls] : ls);
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
  const sameBatch: DimSpec = ["batch", batch, "query's batch", "same"];
  const sameS: DimSpec = ["S", s, "key's S", "same"];
  throwFirst([
    () =>
      argProblem(layer, "query", q!, "[batch, L, embedDim]", [
        ["batch", undefined, "", "same"],
        ["L", undefined, "", "same"],
        ["last dimension", sizes.embedDim, "embedDim", "size"],
      ]),
    () =>
      argProblem(layer, "key", k!, "[batch, S, kdim]", [
        sameBatch,
        ["S", undefined, "", "same"],
        ["last dimension", sizes.kdim, "kdim", "size"],
      ]),
    () =>
      argProblem(layer, "value", v!, "[batch, S, vdim]", [
        sameBatch,
        sameS,
        ["last dimension", sizes.vdim, "vdim", "size"],
      ]),
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
        [["L", l, "query's L", "same"], sameS],
      ),
  ]);
  const batchOut = knownOf(q![0]!, k![0]!);
  const weights = options["averageAttnWeights"] === false ? [batchOut, sizes.numHeads, l!, s!] : [batchOut, l!, s!];
  return [[batchOut, l!, sizes.embedDim], weights];
}
