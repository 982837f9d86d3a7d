// LSTM, GRU and RNN as ONNX nodes. ONNX's recurrent ops take [seq, batch, features] and
// their gates in another order than PyTorch's (LSTM: PyTorch i f g o, ONNX i o f c; GRU: PyTorch
// r z n, ONNX z r h, with linear_before_reset = 1 as PyTorch computes n; RNN: tanh or relu); one node per layer.
import { ExportError, writeNoFormMessage } from "../errors.ts";
import type { LayerLike } from "../model-parts.ts";
import { valuesOf } from "./builder.ts";
import type { Context } from "./layers.ts";

const f = (layer: LayerLike, name: string): unknown => layer[name];

/** A PyTorch weight's row blocks reordered (`order[i]`: which PyTorch block is ONNX's block i). */
function reordered(
  values: ArrayLike<number>,
  rows: number,
  columns: number,
  gates: number,
  order: readonly number[],
): Float32Array {
  const block = (rows / gates) * columns;
  const out = new Float32Array(rows * columns);
  order.forEach((from, to) =>
    out.set(Array.prototype.slice.call(values, from * block, (from + 1) * block) as number[], to * block),
  );
  return out;
}

function get(c: Context, key: string, layer: LayerLike): { shape: readonly number[]; values: ArrayLike<number> } {
  const w = c.weights[key];
  if (!w)
    throw new ExportError(
      `toOnnx: no weight "${key}" for ${layer.written ?? layer.kind}: give the model's weights (toOnnx(net, { weights: model.stateDict() }))`,
    );
  return { shape: w.shape, values: valuesOf(w) };
}

/** nn.lstm / nn.gru / nn.rnn on [batch, seq, features] (batch first), the output sequence only. */
export function recurrent(c: Context, layer: LayerLike, x: string, key: string): string {
  return recurrentCall(c, layer, x, key, {}).y;
}

/**
 * nn.lstm / nn.gru (or a cell: one step, `cell`) from the initial state PyTorch takes (`h`, `c`: [layers·directions,
 * batch, hidden], a cell's [batch, hidden]; absent: zeros, as ONNX's default), giving the output and the final state
 * as PyTorch lays them out. Layer l of a stack reads its directions' rows of the state and gives its Y_h, Y_c rows.
 */
export function recurrentCall(
  c: Context,
  layer: LayerLike,
  x: string,
  key: string,
  state: { readonly h?: string; readonly c?: string },
  cell = false,
): { y: string; h: string; c?: string } {
  const g = c.g;
  const lstm = layer.kind === "lstm" || layer.kind === "lstmCell";
  const rnn = layer.kind === "rnn" || layer.kind === "rnnCell";
  if (lstm && ((f(layer, "projSize") as number | undefined) ?? 0) > 0)
    throw new ExportError(
      writeNoFormMessage("toOnnx", `${layer.written} (kind "lstm")`, "ONNX's LSTM has no projection (projSize)"),
    );
  const hidden = f(layer, "hiddenSize") as number;
  const gates = lstm ? 4 : rnn ? 1 : 3;
  const order = lstm ? [0, 3, 1, 2] : rnn ? [0] : [1, 0, 2];
  const directions = !cell && f(layer, "bidirectional") ? ["", "_reverse"] : [""];
  const bias = f(layer, "bias") !== false;
  const D = directions.length;
  // [seq, batch, features]; a cell's step is a sequence of one
  let y = cell
    ? g.node("Unsqueeze", [x, g.ints(g.fresh("axes"), [0])], {}, `${key}step`)
    : g.node("Transpose", [x], { perm: [1, 0, 2] }, `${key}seq_first`);
  const asLayers = (s: string | undefined): string | undefined =>
    s === undefined || !cell ? s : g.node("Unsqueeze", [s, g.ints(g.fresh("axes"), [0])]); // a cell's [B, H] → [1, B, H]
  const [h0, c0] = [asLayers(state.h), asLayers(state.c)];
  const rowsOf = (s: string | undefined, l: number): string =>
    s === undefined
      ? ""
      : g.node("Slice", [
          s,
          g.ints(g.fresh("start"), [l * D]),
          g.ints(g.fresh("end"), [(l + 1) * D]),
          g.ints(g.fresh("axis"), [0]),
        ]);
  const finalH: string[] = [];
  const finalC: string[] = [];
  const layers = cell ? 1 : ((f(layer, "numLayers") as number) ?? 1);
  for (let l = 0; l < layers; l++) {
    const suffix = cell ? "" : `_l${l}`;
    const stack = (name: string) => {
      const parts = directions.map((d) => get(c, `${key}${name}${suffix}${d}`, layer));
      const [rows, columns] = [parts[0]!.shape[0]!, parts[0]!.shape[1] ?? 1];
      const data = new Float32Array(parts.length * rows * columns);
      parts.forEach((p, i) => data.set(reordered(p.values, rows, columns, gates, order), i * rows * columns));
      return { data, rows, columns };
    };
    const w = stack("weight_ih"),
      r = stack("weight_hh");
    const inputs = [
      y,
      g.floats(`${key}W${suffix}`, [D, w.rows, w.columns], w.data),
      g.floats(`${key}R${suffix}`, [D, r.rows, r.columns], r.data),
    ];
    if (bias) {
      const bi = stack("bias_ih"),
        bh = stack("bias_hh");
      const b = new Float32Array(D * 2 * bi.rows);
      directions.forEach((_, i) => {
        b.set(bi.data.subarray(i * bi.rows, (i + 1) * bi.rows), i * 2 * bi.rows);
        b.set(bh.data.subarray(i * bh.rows, (i + 1) * bh.rows), i * 2 * bi.rows + bi.rows);
      });
      inputs.push(g.floats(`${key}B${suffix}`, [D, 2 * bi.rows], b));
    } else if (h0 !== undefined) inputs.push("");
    if (h0 !== undefined) inputs.push("", rowsOf(h0, l)); // sequence_lens left out
    if (lstm && c0 !== undefined) inputs.push(rowsOf(c0, l));
    const nonlinearity = f(layer, "nonlinearity") === "relu" ? "Relu" : "Tanh";
    const [out, yh, yc] = g.nodeOutputs(
      lstm ? "LSTM" : rnn ? "RNN" : "GRU",
      inputs,
      lstm ? 3 : 2,
      {
        hidden_size: hidden,
        direction: D === 2 ? "bidirectional" : "forward",
        ...(lstm
          ? {}
          : rnn
            ? { activations: { strings: directions.map(() => nonlinearity) } }
            : { linear_before_reset: 1 }),
      },
      `${key}${layer.kind}${suffix}`,
    ); // Y: [seq, directions, batch, hidden]; Y_h, Y_c: [directions, batch, hidden]
    finalH.push(yh!);
    if (yc) finalC.push(yc);
    const batchMiddle = g.node("Transpose", [out!], { perm: [0, 2, 1, 3] }); // [seq, batch, directions, hidden]
    y = g.node("Reshape", [batchMiddle, g.ints(g.fresh(`${key}shape`), [0, 0, -1])]);
  }
  const join = (parts: string[]): string => (parts.length === 1 ? parts[0]! : g.node("Concat", parts, { axis: 0 }));
  if (cell) {
    const squeeze = (s: string): string => g.node("Squeeze", [s, g.ints(g.fresh("axes"), [0])]);
    const h = squeeze(join(finalH));
    return { y: h, h, ...(lstm ? { c: squeeze(join(finalC)) } : {}) };
  }
  return {
    y: g.node("Transpose", [y], { perm: [1, 0, 2] }, `${key}${layer.kind}`), // [batch, seq, directions·hidden]
    h: join(finalH),
    ...(lstm ? { c: join(finalC) } : {}),
  };
}
