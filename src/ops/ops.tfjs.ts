// The operations of `ops` (src/ops/) in a converted graph: one `shapecheck>Op` layer per operation,
// its config the operation's name and arguments, run on tensors in PyTorch's order (the graph
// converter brings operands to that layout first). Its output shape is the operation's runtime rule
// on the shapes data has. A model.json that uses it loads where shapecheck is imported.
import * as tf from "@tensorflow/tfjs-core";
import * as tfl from "@tensorflow/tfjs-layers";
import { parseEinsum } from "./einsum.ts";
import { einopsPlan, type EinopsKind, type Reduction } from "./einops.ts";
import { opRules, type OpName } from "./rules.ts";
import { dimIndex } from "../shape/dim-index.ts";
import type { RuntimeShape } from "../shape/dims.ts";
import { applyMerge, mergeTfjsLayer } from "../families/merge/merge.tfjs.ts";
import type { MergeSpec } from "../families/merge/merge.ts";
import { perSpatial } from "../families/upsample/upsample.ts";
import { resample } from "../families/upsample/upsample.tfjs-layer.ts";
import { padTensor } from "./pad.tfjs.ts";

type Shape = (number | null)[];
/* eslint-disable @typescript-eslint/no-explicit-any */
type Impl = (xs: tf.Tensor[], args: any[], out: number[]) => tf.Tensor;

const axis = (dim: number, rank: number): number => dimIndex(dim, rank) as number;
/**
 * tf.broadcastTo with a gradient at every rank: a product with ones (tfjs 4.22's broadcastTo and tile have no
 * gradient at rank 5).
 */
const broadcastTo = (x: tf.Tensor, shape: readonly number[]): tf.Tensor =>
  shape.length === x.rank && shape.every((d, i) => d === x.shape[i]) ? x : tf.mul(x, tf.ones([...shape], x.dtype));
const reshaped: Impl = ([x], _, out) => tf.reshape(x!, out);
/** Operands back in order, numbers (kept in args, `null` where a tensor is) as scalars. */
const operands = (xs: tf.Tensor[], args: any[]): [tf.Tensor, tf.Tensor] => {
  let next = 0;
  return [0, 1].map((i) => (typeof args[i] === "number" ? tf.scalar(args[i]) : xs[next++]!)) as [tf.Tensor, tf.Tensor];
};
const binary =
  (f: (a: tf.Tensor, b: tf.Tensor) => tf.Tensor): Impl =>
  (xs, args) =>
    f(...operands(xs, args));
const axesOf = (dims: number | number[] | null, rank: number): number[] | undefined =>
  dims === null ? undefined : (typeof dims === "number" ? [dims] : dims).map((d) => axis(d, rank));
const reduce =
  (f: (x: tf.Tensor, axes: number[] | undefined, keep: boolean) => tf.Tensor): Impl =>
  ([x], [dims, keep], out) =>
    tf.reshape(f(x!, axesOf(dims, x!.rank), Boolean(keep)), out);
function variance(x: tf.Tensor, axes: number[] | undefined, correction: number): tf.Tensor {
  const all = axes ?? x.shape.map((_, i) => i);
  const count = all.reduce((n, a) => n * x.shape[a]!, 1);
  const centered = tf.sub(x, tf.mean(x, all, true));
  return tf.div(tf.sum(tf.square(centered), all), Math.max(count - correction, 0));
}
/** f on the last axis, `dim` moved there and back. */
const onAxis =
  (f: (x: tf.Tensor) => tf.Tensor): Impl =>
  ([x], [dim]) => {
    const a = axis(dim, x!.rank),
      last = x!.rank - 1;
    if (a === last) return f(x!);
    const perm = x!.shape.map((_, i) => (i === a ? last : i === last ? a : i));
    return tf.transpose(f(tf.transpose(x!, perm)), perm);
  };
const SQRT1_2 = Math.SQRT1_2;

/**
 * einsum by broadcasting: each operand's repeated letters reduced to their diagonal, its dimensions
 * put in one order of all letters (size 1 where it lacks one), the product, then the sum over the
 * letters not in the output. `...` is one letter per broadcast dimension, aligned at the end.
 */
function einsum(xs: tf.Tensor[], equation: string, out: number[]): tf.Tensor {
  const { inputs, output } = parseEinsum(equation);
  const ellipsisRank = Math.max(
    0,
    ...inputs.map((term, i) => (term.includes("*") ? xs[i]!.rank - term.length + 1 : 0)),
  );
  const expand = (term: readonly string[], rank: number) =>
    term.flatMap((c) => (c === "*" ? Array.from({ length: rank }, (_, j) => `*${ellipsisRank - rank + j}`) : [c]));
  const all: string[] = [];
  const terms = inputs.map((term, i) => expand(term, term.includes("*") ? xs[i]!.rank - term.length + 1 : 0));
  terms.flat().forEach((c) => all.includes(c) || all.push(c));
  const outLetters = expand(output, ellipsisRank);
  const spread = xs.map((x, i) => {
    let letters = [...terms[i]!];
    let t = x;
    for (let q = letters.length - 1; q >= 0; q--) {
      const p = letters.indexOf(letters[q]!);
      if (p === q) continue;
      const n = t.shape[q]!;
      const eye = tf.reshape(
        tf.eye(n),
        t.shape.map((s, j) => (j === p || j === q ? n : 1)),
      );
      t = tf.sum(tf.mul(t, eye), q);
      letters = letters.filter((_, j) => j !== q);
    }
    const order = all.filter((c) => letters.includes(c));
    t = tf.transpose(
      t,
      order.map((c) => letters.indexOf(c)),
    );
    return tf.reshape(
      t,
      all.map((c) => (order.includes(c) ? t.shape[order.indexOf(c)]! : 1)),
    );
  });
  const product = spread.reduce((a, b) => tf.mul(a, b));
  const summed = all.map((c, i) => (outLetters.includes(c) ? -1 : i)).filter((i) => i >= 0);
  const reduced = summed.length > 0 ? tf.sum(product, summed) : product;
  const kept = all.filter((c) => outLetters.includes(c));
  const moved =
    kept.length > 1
      ? tf.transpose(
          reduced,
          outLetters.map((c) => kept.indexOf(c)),
        )
      : reduced;
  return tf.reshape(broadcastTo(moved, out.length === moved.rank ? out : moved.shape), out);
}

/** rearrange / reduce / repeat: split into the left side's axes, reduce, reorder, add new axes, merge. */
function einops(
  kind: EinopsKind,
  x: tf.Tensor,
  pattern: string,
  lengths: Record<string, number>,
  reduction: Reduction | undefined,
  out: number[],
): tf.Tensor {
  const plan = einopsPlan(kind, pattern, x.shape, lengths);
  // Every axis of the left side, in einops' order (a group's first axis outermost): the anonymous ones
  // too ("#i": a 1, or a literal length in a group, the 2 of "(h 2)", which reduce reduces).
  const left = plan.left;
  let t = tf.reshape(
    x,
    left.map((a) => plan.sizes.get(a) as number),
  );
  const gone = left.map((a, i) => (plan.right.includes(a) ? -1 : i)).filter((i) => i >= 0);
  if (gone.length > 0) {
    const f = { sum: tf.sum, mean: tf.mean, max: tf.max, min: tf.min, prod: tf.prod }[reduction ?? "sum"];
    t = f(t, gone);
  }
  const kept = left.filter((a) => plan.right.includes(a));
  const order = plan.right.filter((a) => kept.includes(a));
  if (order.length > 1)
    t = tf.transpose(
      t,
      order.map((a) => kept.indexOf(a)),
    );
  t = tf.reshape(
    t,
    plan.right.map((a) => (kept.includes(a) ? (plan.sizes.get(a) as number) : 1)),
  );
  if (plan.right.some((a) => !kept.includes(a))) t = broadcastTo(t, plan.rightSizes as number[]);
  return tf.reshape(t, out);
}

export const opImplementations: Record<OpName, Impl> = {
  reshape: reshaped,
  view: reshaped,
  flatten: reshaped,
  unflatten: reshaped,
  squeeze: reshaped,
  unsqueeze: reshaped,
  expand: ([x], _, out) => broadcastTo(x!, out),
  permute: ([x], [dims]) =>
    tf.transpose(
      x!,
      (dims as number[]).map((d) => axis(d, x!.rank)),
    ),
  transpose: ([x], [d0, d1]) => {
    const [a0, a1] = [axis(d0, x!.rank), axis(d1, x!.rank)];
    return tf.transpose(
      x!,
      x!.shape.map((_, i) => (i === a0 ? a1 : i === a1 ? a0 : i)),
    );
  },
  select: ([x], [dim, index], out) => {
    const a = axis(dim, x!.rank),
      size = x!.shape[a]!;
    const begin = x!.shape.map((_, i) => (i === a ? (index < 0 ? size + index : index) : 0));
    return tf.reshape(
      tf.slice(
        x!,
        begin,
        x!.shape.map((s, i) => (i === a ? 1 : s)),
      ),
      out,
    );
  },
  narrow: ([x], [dim, start, length]) => {
    const a = axis(dim, x!.rank),
      size = x!.shape[a]!;
    return tf.slice(
      x!,
      x!.shape.map((_, i) => (i === a ? (start < 0 ? size + start : start) : 0)),
      x!.shape.map((s, i) => (i === a ? length : s)),
    );
  },
  stack: (xs, [dim]) => tf.stack(xs, axis(dim, xs[0]!.rank + 1)),
  add: binary(tf.add),
  sub: binary(tf.sub),
  mul: binary(tf.mul),
  div: binary(tf.div),
  pow: binary(tf.pow),
  maximum: binary(tf.maximum),
  minimum: binary(tf.minimum),
  relu: ([x]) => tf.relu(x!),
  sigmoid: ([x]) => tf.sigmoid(x!),
  tanh: ([x]) => tf.tanh(x!),
  exp: ([x]) => tf.exp(x!),
  log: ([x]) => tf.log(x!),
  sqrt: ([x]) => tf.sqrt(x!),
  rsqrt: ([x]) => tf.rsqrt(x!),
  abs: ([x]) => tf.abs(x!),
  neg: ([x]) => tf.neg(x!),
  sin: ([x]) => tf.sin(x!),
  cos: ([x]) => tf.cos(x!),
  reciprocal: ([x]) => tf.reciprocal(x!),
  square: ([x]) => tf.square(x!),
  gelu: ([x]) => tf.mul(tf.mul(x!, 0.5), tf.add(1, tf.erf(tf.mul(x!, SQRT1_2)))),
  silu: ([x]) => tf.mul(x!, tf.sigmoid(x!)),
  sum: reduce((x, axes, keep) => tf.sum(x, axes, keep)),
  mean: reduce((x, axes, keep) => tf.mean(x, axes, keep)),
  amax: reduce((x, axes, keep) => tf.max(x, axes, keep)),
  amin: reduce((x, axes, keep) => tf.min(x, axes, keep)),
  logsumexp: reduce((x, axes, keep) => tf.logSumExp(x, axes, keep)),
  var: ([x], [dims, , correction], out) => tf.reshape(variance(x!, axesOf(dims, x!.rank), correction ?? 1), out),
  std: ([x], [dims, , correction], out) =>
    tf.reshape(tf.sqrt(variance(x!, axesOf(dims, x!.rank), correction ?? 1)), out),
  argmax: ([x], [dim], out) =>
    tf.reshape(dim === null ? tf.argMax(tf.reshape(x!, [-1])) : tf.argMax(x!, axis(dim, x!.rank)), out),
  softmax: onAxis((x) => tf.softmax(x)),
  logSoftmax: onAxis((x) => tf.logSoftmax(x)),
  matmul: ([a, b], _, out) => {
    const left = a!.rank === 1 ? tf.reshape(a!, [1, -1]) : a!,
      right = b!.rank === 1 ? tf.reshape(b!, [-1, 1]) : b!;
    const batch = out.slice(0, Math.max(left.rank, right.rank) - 2);
    const lead = (t: tf.Tensor) =>
      t.rank === 2 && batch.length === 0 ? t : broadcastTo(t, [...batch, ...t.shape.slice(-2)]);
    return tf.reshape(tf.matMul(lead(left), lead(right)), out);
  },
  bmm: ([a, b]) => tf.matMul(a!, b!),
  einsum: (xs, [equation], out) => einsum(xs, equation, out),
  tile: ([x], [reps]) => {
    const all = [...Array(Math.max(0, x!.rank - reps.length)).fill(1), ...reps] as number[];
    const t = all.length > x!.rank ? tf.reshape(x!, [...Array(all.length - x!.rank).fill(1), ...x!.shape]) : x!;
    // Axis by axis, a broadcasting product with ones (tf.tile has no gradient at rank 5 in tfjs 4.22): the axis
    // gets a new axis of `k` before it, which the reshape folds into it — torch.tile's order.
    return all.reduce((y, k, axis) => {
      if (k === 1) return y;
      const s = y.shape;
      const spread = tf.mul(
        tf.reshape(y, [...s.slice(0, axis), 1, ...s.slice(axis)]),
        tf.ones([...s.slice(0, axis), k, ...s.slice(axis)]),
      );
      return tf.reshape(spread, [...s.slice(0, axis), k * s[axis]!, ...s.slice(axis + 1)]);
    }, t);
  },
  pad: ([x], [padding, value, mode]) => padTensor(x!, padding, mode ?? "constant", value ?? 0),
  // PyTorch's sampling (nn.upsample's, src/families/upsample/upsample.tfjs-layer.ts): nearest on 1 to 3 spatial
  // dimensions, bilinear on 2
  interpolate: ([x], [o], out) => {
    if (x!.rank < 3 || x!.rank > 5 || (o.mode === "bilinear" && x!.rank !== 4))
      throw new Error(`interpolate: mode ${o.mode} does not take an input of rank ${x!.rank}`);
    const factors = o.scaleFactor === null ? null : perSpatial(o.scaleFactor, x!.rank - 2);
    return resample(x!, o.mode, false, out.slice(2) as number[], factors);
  },
  rearrange: ([x], [pattern, lengths], out) => einops("rearrange", x!, pattern, lengths, undefined, out),
  einopsReduce: ([x], [pattern, lengths, reduction], out) => einops("reduce", x!, pattern, lengths, reduction, out),
  repeat: ([x], [pattern, lengths], out) => einops("repeat", x!, pattern, lengths, undefined, out),
  tfMerge: (xs, [spec]) => applyMerge(xs, spec),
};

/** The output shape of an operation on concrete shapes. */
const outputShape = (fn: OpName, shapes: readonly RuntimeShape[], args: readonly unknown[]): Shape =>
  opRules[fn](shapes, args).map((dim) => (typeof dim === "number" ? dim : null));

/** One operation of `ops` as a tfjs layer. */
export class Op extends tfl.layers.Layer {
  static className = "shapecheck>Op";
  readonly fn: OpName;
  readonly args: unknown[];

  constructor(config: { fn: OpName; args: readonly unknown[]; name?: string }) {
    super({ name: config.name });
    this.fn = config.fn;
    this.args = [...config.args];
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape {
    const shapes = (Array.isArray(inputShape[0]) || inputShape.length === 0 ? inputShape : [inputShape]) as Shape[];
    return outputShape(this.fn, shapes, this.args);
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return tf.tidy(() => {
      const xs = Array.isArray(inputs) ? inputs : [inputs];
      const out = outputShape(
        this.fn,
        xs.map((x) => x.shape),
        this.args,
      ) as number[];
      return opImplementations[this.fn](xs, this.args, out);
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), fn: this.fn, args: this.args as tf.serialization.ConfigDictValue };
  }
}
tf.serialization.registerClass(Op);

/** The tfjs layer of an operation node: tfjs's own merge layer for layers.add(), concatenate(), …, else an `Op`. */
export const opLayer = (fn: OpName, args: readonly unknown[], name: string): tfl.layers.Layer =>
  fn === "tfMerge" ? mergeTfjsLayer(args[0] as MergeSpec, name) : new Op({ fn, args, name });
