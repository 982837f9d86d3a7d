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
    case "transformerEncoderLayer":
    case "transformerEncoder":
    case "transformerDecoderLayer":
    case "transformerDecoder":
    case "transformer":
      return [transformerCall(c, layer, arg, key)];
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
 */
function attention(
  c: Context,
  node: CallNode,
  arg: (name: string) => { readonly name: string; readonly shape: RuntimeShape } | undefined,
  key: string,
): string[] {
  const attnMask = arg("attnMask");
  const { out, weights } = multiHead(c, node.layer, key, [arg("query")!.name, arg("key")!.name, arg("value")!.name], {
    padding: arg("keyPaddingMask")?.name,
    attn: attnMask && { name: attnMask.name, rank: attnMask.shape.length },
  });
  const average = node.options["averageAttnWeights"] !== false;
  return [out, average ? c.g.node("ReduceMean", [weights], { axes: [1], keepdims: 0 }) : weights];
}

/** Attention masks as PyTorch's boolean masks (a value > 0.5: not attended): key padding [B, S]; attn [L, S] or [B·H, L, S]. */
export interface AttentionMasks {
  readonly padding?: string | undefined;
  readonly attn?: { readonly name: string; readonly rank: number } | undefined;
}

/**
 * Multi-head attention of `layer` (embedDim, numHeads; its weights under `key`: in_proj_weight or q/k/v_proj_weight,
 * in_proj_bias, out_proj) on query, key and value [B, T, ·]: the output [B, L, E] and the weights [B, H, L, S].
 */
export function multiHead(
  c: Context,
  layer: LayerLike,
  key: string,
  [query, keys, values]: readonly [string, string, string],
  masks: AttentionMasks,
): { out: string; weights: string } {
  const g = c.g;
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
  const q = project(query, 0, "q");
  const k = project(keys, 1, "k");
  const v = project(values, 2, "v");
  let scores = g.node("Div", [
    g.node("MatMul", [q, g.node("Transpose", [k], { perm: [0, 1, 3, 2] })]),
    g.scalar(Math.sqrt(d)),
  ]); // [B, H, L, S]
  const masked: string[] = [];
  if (masks.padding) masked.push(g.node("Reshape", [masks.padding, g.ints(g.fresh(`${key}mask`), [0, 1, 1, -1])])); // [B, 1, 1, S]
  if (masks.attn)
    masked.push(
      masks.attn.rank === 2
        ? g.node("Unsqueeze", [masks.attn.name, g.ints(g.fresh("axes"), [0, 1])]) // [1, 1, L, S]
        : g.node("Reshape", [masks.attn.name, g.ints(g.fresh(`${key}mask`), [-1, heads, 0, 0])]), // [B·H, L, S] → [B, H, L, S]
    );
  if (masked.length > 0) {
    const where = masked.map((m) => g.node("Greater", [m, g.scalar(0.5)])).reduce((p, q2) => g.node("Or", [p, q2]));
    scores = g.node("Where", [where, g.scalar(-Infinity), scores]);
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
    `${key}attention`,
  );
  const outBias = c.weights[`${key}out_proj.bias`] ? weight(c, `${key}out_proj.bias`, layer) : undefined;
  return { out: outBias === undefined ? out : g.node("Add", [out, outBias]), weights };
}

/** A Linear's weights under `key` (`linear1.`): x Wᵀ + b. */
function dense(c: Context, layer: LayerLike, x: string, key: string): string {
  const w = c.weights[`${key}weight`];
  const y = c.g.node("MatMul", [x, projection(c, `${key}weight`, layer, 0, w?.shape[0] ?? 0, `${key}weight.T`)]);
  return c.weights[`${key}bias`] ? c.g.node("Add", [y, weight(c, `${key}bias`, layer)]) : y;
}

/** A LayerNorm over the last dimension, its weights under `key` (`norm1.`). */
function layerNorm(c: Context, layer: LayerLike, x: string, key: string, eps: number): string {
  return c.g.node(
    "LayerNormalization",
    [x, weight(c, `${key}weight`, layer), weight(c, `${key}bias`, layer)],
    { axis: -1, epsilon: { float: eps } },
    `${key}layerNorm`,
  );
}

/** The feed-forward block of a transformer layer: linear2(activation(linear1(x))), relu or exact gelu. */
function feedForward(c: Context, layer: LayerLike, h: string, key: string): string {
  const g = c.g;
  const hidden = dense(c, layer, h, `${key}linear1.`);
  const active =
    f(layer, "activation") === "gelu"
      ? g.node("Mul", [
          g.node("Mul", [hidden, g.scalar(0.5)]),
          g.node("Add", [g.node("Erf", [g.node("Div", [hidden, g.scalar(Math.SQRT2)])]), g.scalar(1)]),
        ])
      : g.node("Relu", [hidden]);
  return dense(c, layer, active, `${key}linear2.`);
}

/** A transformer layer's attention (`self_attn.`, `multihead_attn.`) on query and memory, its output only. */
function layerAttention(
  c: Context,
  layer: LayerLike,
  key: string,
  q: string,
  kv: string,
  masks: AttentionMasks,
): string {
  const attention = { kind: "multiheadAttention", embedDim: f(layer, "dModel"), numHeads: f(layer, "nhead") };
  return multiHead(c, attention, key, [q, kv, kv], masks).out;
}

/**
 * A transformer layer in eval mode (batch first), keys as PyTorch's: its blocks (self-attention, cross-attention for
 * a decoder layer, feed-forward), each with its norm (norm1, norm2, norm3). Post-norm: x = norm(x + block(x));
 * pre-norm (normFirst): x = x + block(norm(x)).
 */
function transformerLayer(
  c: Context,
  layer: LayerLike,
  x: string,
  key: string,
  blocks: readonly ((h: string) => string)[],
): string {
  const g = c.g;
  const eps = f(layer, "layerNormEps") as number;
  let y = x;
  blocks.forEach((block, i) => {
    const norm = (h: string) => layerNorm(c, layer, h, `${key}norm${i + 1}.`, eps);
    y = f(layer, "normFirst") === true ? g.node("Add", [y, block(norm(y))]) : norm(g.node("Add", [y, block(y)]));
  });
  return y;
}

/** nn.transformerEncoderLayer: self-attention (`self_attn.`), feed-forward (`linear1.`, `linear2.`). */
export function encoderLayer(c: Context, layer: LayerLike, x: string, key: string, masks: AttentionMasks): string {
  return transformerLayer(c, layer, x, key, [
    (h) => layerAttention(c, layer, `${key}self_attn.`, h, h, masks),
    (h) => feedForward(c, layer, h, key),
  ]);
}

/** nn.transformerDecoderLayer: self-attention on the target, attention on the memory (`multihead_attn.`), feed-forward. */
function decoderLayer(
  c: Context,
  layer: LayerLike,
  x: string,
  memory: string,
  key: string,
  masks: { readonly tgt: AttentionMasks; readonly memory: AttentionMasks },
): string {
  return transformerLayer(c, layer, x, key, [
    (h) => layerAttention(c, layer, `${key}self_attn.`, h, h, masks.tgt),
    (h) => layerAttention(c, layer, `${key}multihead_attn.`, h, memory, masks.memory),
    (h) => feedForward(c, layer, h, key),
  ]);
}

/** nn.transformerEncoder: its numLayers encoder layers (`layers.i.`), then its final norm (`norm.`) when it has one. */
export function encoder(c: Context, layer: LayerLike, x: string, key: string, masks: AttentionMasks): string {
  const inner = f(layer, "layer") as LayerLike;
  let y = x;
  for (let i = 0; i < (f(layer, "numLayers") as number); i++)
    y = encoderLayer(c, inner, y, `${key}layers.${i}.`, masks);
  const norm = f(layer, "norm") as LayerLike | null;
  return norm ? layerNorm(c, layer, y, `${key}norm.`, f(norm, "eps") as number) : y;
}

/** nn.transformerDecoder: its decoder layers (`layers.i.`) on the target and the memory, then its norm. */
function decoder(
  c: Context,
  layer: LayerLike,
  x: string,
  memory: string,
  key: string,
  masks: { readonly tgt: AttentionMasks; readonly memory: AttentionMasks },
): string {
  const inner = f(layer, "layer") as LayerLike;
  let y = x;
  for (let i = 0; i < (f(layer, "numLayers") as number); i++)
    y = decoderLayer(c, inner, y, memory, `${key}layers.${i}.`, masks);
  const norm = f(layer, "norm") as LayerLike | null;
  return norm ? layerNorm(c, layer, y, `${key}norm.`, f(norm, "eps") as number) : y;
}

/** A transformer layer's call: src or tgt (and memory), its masks by PyTorch's names. */
function transformerCall(
  c: Context,
  layer: LayerLike,
  arg: (name: string) => { readonly name: string; readonly shape: RuntimeShape } | undefined,
  key: string,
): string {
  const masks = (attn: string, padding: string): AttentionMasks => {
    const a = arg(attn);
    return { padding: arg(padding)?.name, attn: a && { name: a.name, rank: a.shape.length } };
  };
  const src = masks("srcMask", "srcKeyPaddingMask");
  const decoding = { tgt: masks("tgtMask", "tgtKeyPaddingMask"), memory: masks("memoryMask", "memoryKeyPaddingMask") };
  switch (layer.kind) {
    case "transformerEncoderLayer":
      return encoderLayer(c, layer, arg("src")!.name, key, src);
    case "transformerEncoder":
      return encoder(c, layer, arg("src")!.name, key, src);
    case "transformerDecoderLayer":
      return decoderLayer(c, layer, arg("tgt")!.name, arg("memory")!.name, key, decoding);
    case "transformerDecoder":
      return decoder(c, layer, arg("tgt")!.name, arg("memory")!.name, key, decoding);
  }
  // nn.transformer: the encoder (its layers and norm) on src, the decoder on tgt and that memory
  const eps = f(layer, "layerNormEps") as number;
  let memory = arg("src")!.name;
  for (let i = 0; i < (f(layer, "numEncoderLayers") as number); i++)
    memory = encoderLayer(c, layer, memory, `${key}encoder.layers.${i}.`, src);
  memory = layerNorm(c, layer, memory, `${key}encoder.norm.`, eps);
  let y = arg("tgt")!.name;
  for (let i = 0; i < (f(layer, "numDecoderLayers") as number); i++)
    y = decoderLayer(c, layer, y, memory, `${key}decoder.layers.${i}.`, decoding);
  return layerNorm(c, layer, y, `${key}decoder.norm.`, eps);
}
