// A layer called on several tensors (`layer.call(…)`, graph node "call") as ONNX nodes: recurrent
// layers and cells from an initial state (ONNX's LSTM/GRU with initial_h, initial_c; their outputs
// Y_h, Y_c are PyTorch's h_n, c_n), multi-head attention on query, key and value with its masks and
// weights (written out as the self-attention export is: projections, heads, softmax(QKᵀ/√d)V), and
// bilinear (Einsum). Other called layers are an ExportError naming them.
import { ExportError, writeNoFormMessage } from "../errors.ts";
import type { LayerLike, RuntimeShape } from "../model-parts.ts";
import { valuesOf } from "./builder.ts";
import type { Context } from "./layers.ts";
import { recurrentCall } from "./recurrent.ts";

/** A call node: the layer, its arguments' names (`query`, `hx`), the options (flags), the outputs' shapes. */
export interface CallNode {
  readonly layer: LayerLike;
  readonly names: readonly string[];
  readonly options: Readonly<Record<string, unknown>>;
  readonly shapes: readonly (RuntimeShape | null)[];
}

const f = (layer: LayerLike, name: string): unknown => layer[name];

/** The call's outputs' names (the first the call's own tensor), from its arguments (name and shape each). */
export function emitCall(
  c: Context,
  node: CallNode,
  args: readonly { readonly name: string; readonly shape: RuntimeShape }[],
  key: string,
): string[] {
  const layer = node.layer;
  const arg = (name: string) => {
    const i = node.names.indexOf(name);
    return i < 0 ? undefined : args[i];
  };
  switch (layer.kind) {
    case "lstm":
    case "gru":
    case "rnn":
    case "lstmCell":
    case "gruCell":
    case "rnnCell": {
      const cell = layer.kind.endsWith("Cell");
      const out = recurrentCall(c, layer, arg("input")!.name, key, { h: arg("hx")?.name, c: arg("cx")?.name }, cell);
      if (cell) return out.c === undefined ? [out.h] : [out.h, out.c];
      return out.c === undefined ? [out.y, out.h] : [out.y, out.h, out.c];
    }
    case "multiheadAttention":
      return attention(c, node, arg, key);
    case "bilinear": {
      // y_k = x1ᵀ W_k x2 + b_k on the last dimension, any leading ones
      const w = weight(c, `${key}weight`, layer);
      const y = c.g.node("Einsum", [arg("input1")!.name, w, arg("input2")!.name], { equation: "...i,kij,...j->...k" });
      return [c.weights[`${key}bias`] ? c.g.node("Add", [y, weight(c, `${key}bias`, layer)], {}, `${key}bias`) : y];
    }
  }
  throw new ExportError(
    writeNoFormMessage(
      "toOnnx",
      `${layer.written ?? layer.kind}.call(…) (kind "${layer.kind}")`,
      layer.kind === "adaptiveLogSoftmaxWithLoss"
        ? "its loss gathers each target's cluster (a training loss, not exported for inference)"
        : /^[A-Z]/.test(layer.kind)
          ? "it is a TensorFlow.js layer (the `layers` vocabulary); write it with `nn`"
          : "a call of this kind is not written to ONNX yet",
    ),
  );
}

function weight(c: Context, key: string, layer: LayerLike): string {
  const w = c.weights[key];
  if (!w)
    throw new ExportError(
      `toOnnx: no weight "${key}" for ${layer.written ?? layer.kind}: give the model's weights (toOnnx(net, { weights: model.stateDict() }))`,
    );
  return c.g.floats(key, [...w.shape], valuesOf(w));
}

/** Rows [from, to) of a [rows, columns] weight, transposed ([columns, to - from]): a projection for MatMul. */
function projection(c: Context, key: string, layer: LayerLike, from: number, to: number, name: string): string {
  const w = c.weights[key];
  if (!w) return weight(c, key, layer); // the missing weight's message
  const values = valuesOf(w);
  const columns = w.shape[1]!;
  const rows = to - from;
  const t = new Float32Array(rows * columns);
  for (let i = 0; i < rows; i++) for (let j = 0; j < columns; j++) t[j * rows + i] = values[(from + i) * columns + j]!;
  return c.g.floats(name, [columns, rows], t);
}
function biasPart(c: Context, key: string, from: number, to: number, name: string): string | undefined {
  const b = c.weights[key];
  if (!b) return undefined;
  return c.g.floats(name, [to - from], Array.prototype.slice.call(valuesOf(b), from, to) as number[]);
}

/**
 * mha.call(query, key, value, { keyPaddingMask, attnMask, needWeights, averageAttnWeights }) as PyTorch 1.13
 * computes it in eval mode: outputs [out [B, L, E], weights [B, L, S] (averaged over heads) or [B, H, L, S]].
 * Masks are PyTorch's boolean masks (a value > 0.5: not attended, −∞ before the softmax).
 */
function attention(
  c: Context,
  node: CallNode,
  arg: (name: string) => { readonly name: string; readonly shape: RuntimeShape } | undefined,
  key: string,
): string[] {
  const g = c.g;
  const layer = node.layer;
  const embed = f(layer, "embedDim") as number,
    heads = f(layer, "numHeads") as number;
  const d = embed / heads;
  const packed = c.weights[`${key}in_proj_weight`] !== undefined;
  const project = (input: string, i: number, name: string): string => {
    const w = packed
      ? projection(c, `${key}in_proj_weight`, layer, i * embed, (i + 1) * embed, `${key}in_proj_weight.${name}.T`)
      : projection(c, `${key}${name}_proj_weight`, layer, 0, embed, `${key}${name}_proj_weight.T`);
    const b = biasPart(c, `${key}in_proj_bias`, i * embed, (i + 1) * embed, `${key}in_proj_bias.${name}`);
    const y = g.node("MatMul", [input, w], {}, `${key}${name}`);
    const biased = b === undefined ? y : g.node("Add", [y, b]);
    const headed = g.node("Reshape", [biased, g.ints(g.fresh(`${key}heads`), [0, 0, heads, d])]); // [B, T, H, d]
    return g.node("Transpose", [headed], { perm: [0, 2, 1, 3] }); // [B, H, T, d]
  };
  const q = project(arg("query")!.name, 0, "q");
  const k = project(arg("key")!.name, 1, "k");
  const v = project(arg("value")!.name, 2, "v");
  let scores = g.node("Div", [
    g.node("MatMul", [q, g.node("Transpose", [k], { perm: [0, 1, 3, 2] })]),
    g.scalar(Math.sqrt(d)),
  ]); // [B, H, L, S]
  const masks: string[] = [];
  const padding = arg("keyPaddingMask");
  if (padding) masks.push(g.node("Reshape", [padding.name, g.ints(g.fresh(`${key}mask`), [0, 1, 1, -1])])); // [B, 1, 1, S]
  const attnMask = arg("attnMask");
  if (attnMask)
    masks.push(
      attnMask.shape.length === 2
        ? g.node("Unsqueeze", [attnMask.name, g.ints(g.fresh("axes"), [0, 1])]) // [1, 1, L, S]
        : g.node("Reshape", [attnMask.name, g.ints(g.fresh(`${key}mask`), [-1, heads, 0, 0])]), // [B·H, L, S] → [B, H, L, S]
    );
  if (masks.length > 0) {
    const masked = masks.map((m) => g.node("Greater", [m, g.scalar(0.5)])).reduce((p, q2) => g.node("Or", [p, q2]));
    scores = g.node("Where", [masked, g.scalar(-Infinity), scores]);
  }
  const weights = g.node("Softmax", [scores], { axis: -1 }, `${key}weights`); // [B, H, L, S]
  const attended = g.node("MatMul", [weights, v]); // [B, H, L, d]
  const merged = g.node("Reshape", [
    g.node("Transpose", [attended], { perm: [0, 2, 1, 3] }),
    g.ints(g.fresh(`${key}merge`), [0, 0, embed]),
  ]);
  const out = g.node(
    "MatMul",
    [merged, projection(c, `${key}out_proj.weight`, layer, 0, embed, `${key}out_proj.weight.T`)],
    {},
    `${key}multiheadAttention`,
  );
  const outBias = c.weights[`${key}out_proj.bias`] ? weight(c, `${key}out_proj.bias`, layer) : undefined;
  const y = outBias === undefined ? out : g.node("Add", [out, outBias]);
  const average = node.options["averageAttnWeights"] !== false;
  return [y, average ? g.node("ReduceMean", [weights], { axes: [1], keepdims: 0 }) : weights];
}
