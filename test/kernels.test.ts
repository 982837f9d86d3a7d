// Our gradient kernels against TensorFlow.js's reference cpu kernels, on many
// small random configurations (every padding kind, strides, dilations, layouts).
import { test } from "node:test";
import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs-core";
import { getKernel, type KernelBackend, type KernelConfig, type TensorInfo } from "@tensorflow/tfjs-core";
import { ready } from "../src/runtime/backend.ts";
import { originalKernel, registerKernels } from "../src/runtime/kernels/index.ts";

const TOLERANCE = 1e-4; // max |ours − reference| / max |reference|

type Data = { shape: number[]; values: Float32Array | Int32Array; dtype?: "float32" | "int32" };

// Deterministic random numbers (mulberry32).
let seed = 12345;
function rand(): number {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
function random(shape: number[]): Data {
  const values = new Float32Array(shape.reduce((a, b) => a * b, 1));
  for (let i = 0; i < values.length; i++) values[i] = rand() * 2 - 1;
  return { shape, values };
}

/** Runs one kernel directly on a backend's data, bypassing the engine. */
function run(kernel: KernelConfig, backendName: string, inputs: Record<string, Data>, attrs: object): Data {
  const backend = tf.engine().findBackend(backendName) as KernelBackend;
  const infos: Record<string, TensorInfo> = {};
  for (const [k, d] of Object.entries(inputs)) {
    const dtype = d.dtype ?? "float32";
    infos[k] = { dataId: backend.write(d.values, d.shape, dtype), shape: d.shape, dtype };
  }
  const out = kernel.kernelFunc({ inputs: infos, backend, attrs: attrs as any }) as TensorInfo;
  const values = backend.readSync(out.dataId) as Float32Array;
  const result = { shape: out.shape, values: Float32Array.from(values) };
  backend.disposeData(out.dataId);
  for (const t of Object.values(infos)) backend.disposeData(t.dataId);
  return result;
}

const reference = (name: string) => originalKernel(name, "cpu") ?? getKernel(name, "cpu")!;

const stats = new Map<string, { cases: number; worst: number }>();
function compare(ours: Data, ref: Data, what: string): void {
  assert.deepEqual(ours.shape, ref.shape, `shape, ${what}`);
  let maxRef = 0,
    maxDiff = 0;
  for (let i = 0; i < ref.values.length; i++) {
    maxRef = Math.max(maxRef, Math.abs(ref.values[i]));
    maxDiff = Math.max(maxDiff, Math.abs(ours.values[i] - ref.values[i]));
  }
  const err = maxDiff / Math.max(maxRef, 1e-30);
  const key = what.split(":")[0],
    st = stats.get(key) ?? { cases: 0, worst: 0 };
  stats.set(key, { cases: st.cases + 1, worst: Math.max(st.worst, maxRef === 0 ? maxDiff : err) });
  assert.ok(maxRef === 0 ? maxDiff === 0 : err <= TOLERANCE, `relative error ${err} > ${TOLERANCE}: ${what}`);
}

// --- random convolution geometry -------------------------------------------

interface Conv {
  x: number[]; // NHWC
  filter: number[]; // [KH, KW, Cin, Cout] or depthwise [KH, KW, C, M]
  strides: [number, number];
  dilations: [number, number];
  pad: "valid" | "same" | number | number[][];
  dimRoundingMode?: "floor" | "round" | "ceil";
  out: number[]; // NHWC
}

function randomConv(depthwise: boolean): Conv {
  for (;;) {
    const N = int(1, 3),
      H = int(1, 9),
      W = int(1, 9),
      C = rand() < 0.5 ? int(1, 5) : int(8, 12),
      O = depthwise ? int(1, 3) : int(1, 5);
    const KH = int(1, 4),
      KW = int(1, 4);
    const strides: [number, number] = [pick([1, 1, 2, 3]), pick([1, 1, 2, 3])];
    const dilations: [number, number] = [pick([1, 1, 1, 2, 3]), pick([1, 1, 1, 2, 3])];
    const kind = pick(["valid", "same", "explicit", "explicit", "number"] as const);
    let pad: Conv["pad"] = kind === "explicit" || kind === "number" ? "valid" : kind;
    let dimRoundingMode: Conv["dimRoundingMode"];
    if (kind === "explicit")
      pad = [
        [0, 0],
        [int(0, 3), int(0, 3)],
        [int(0, 3), int(0, 3)],
        [0, 0],
      ];
    if (kind === "number") [pad, dimRoundingMode] = [int(0, 2), pick(["floor", "round", "ceil"] as const)];
    const filter = [KH, KW, C, O];
    const info = tf.backend_util.computeConv2DInfo(
      [N, H, W, C],
      filter as any,
      strides,
      dilations,
      pad as any,
      dimRoundingMode,
      depthwise,
    );
    if (info.outHeight < 1 || info.outWidth < 1) continue;
    return { x: [N, H, W, C], filter, strides, dilations, pad, dimRoundingMode, out: info.outShape };
  }
}

const describe = (c: Conv, extra = "") =>
  `x ${c.x} filter ${c.filter} strides ${c.strides} dilations ${c.dilations} pad ${JSON.stringify(c.pad)} ${c.dimRoundingMode ?? ""} ${extra}`;

// The reference kernels ignore dilation; a dilated filter is the undilated
// filter of size (K−1)·d+1 with zeros between the taps.
function dilateFilter(f: Data, [dh, dw]: [number, number]): Data {
  const [KH, KW, A, B] = f.shape;
  const EH = (KH - 1) * dh + 1,
    EW = (KW - 1) * dw + 1;
  const values = new Float32Array(EH * EW * A * B);
  for (let h = 0; h < KH; h++)
    for (let w = 0; w < KW; w++)
      values.set(f.values.subarray((h * KW + w) * A * B, (h * KW + w + 1) * A * B), (h * dh * EW + w * dw) * A * B);
  return { shape: [EH, EW, A, B], values };
}
function undilateFilter(f: Data, [KH, KW]: number[], [dh, dw]: [number, number]): Data {
  const [, EW, A, B] = f.shape;
  const values = new Float32Array(KH * KW * A * B);
  for (let h = 0; h < KH; h++)
    for (let w = 0; w < KW; w++)
      values.set(
        f.values.subarray((h * dh * EW + w * dw) * A * B, (h * dh * EW + w * dw + 1) * A * B),
        (h * KW + w) * A * B,
      );
  return { shape: [KH, KW, A, B], values };
}
const nchw = (d: Data): Data => transpose4(d, [0, 3, 1, 2]);
function transpose4(d: Data, perm: number[]): Data {
  const s = d.shape,
    shape = perm.map((p) => s[p]);
  const values = new Float32Array(d.values.length);
  const stride = [s[1] * s[2] * s[3], s[2] * s[3], s[3], 1];
  let o = 0;
  for (let a = 0; a < shape[0]; a++)
    for (let b = 0; b < shape[1]; b++)
      for (let c = 0; c < shape[2]; c++)
        for (let e = 0; e < shape[3]; e++) {
          const idx = [a, b, c, e];
          let i = 0;
          for (let k = 0; k < 4; k++) i += idx[k] * stride[perm[k]];
          values[o++] = d.values[i];
        }
  return { shape, values };
}

function checkConvFilter(backend: string, c: Conv, layout: "NHWC" | "NCHW"): void {
  const x = random(c.x),
    dy = random(c.out);
  const attrs = { strides: c.strides, pad: c.pad, dimRoundingMode: c.dimRoundingMode, dataFormat: layout };
  const ours =
    layout === "NHWC"
      ? run(
          getKernel("Conv2DBackpropFilter", backend)!,
          backend,
          { x, dy },
          { ...attrs, filterShape: c.filter, dilations: c.dilations },
        )
      : run(
          getKernel("Conv2DBackpropFilter", backend)!,
          backend,
          { x: nchw(x), dy: nchw(dy) },
          { ...attrs, filterShape: c.filter, dilations: c.dilations },
        );
  const effective = dilateFilter(random(c.filter), c.dilations).shape;
  const refAttrs = { ...attrs, dataFormat: "NHWC", filterShape: effective };
  const ref = undilateFilter(run(reference("Conv2DBackpropFilter"), "cpu", { x, dy }, refAttrs), c.filter, c.dilations);
  compare(ours, ref, `Conv2DBackpropFilter on ${backend} ${layout}: ${describe(c)}`);
}

function checkConvInput(backend: string, c: Conv, layout: "NHWC" | "NCHW"): void {
  const filter = random(c.filter),
    dy = random(c.out);
  const attrs = { strides: c.strides, pad: c.pad, dimRoundingMode: c.dimRoundingMode };
  const inputShape = layout === "NHWC" ? c.x : [c.x[0], c.x[3], c.x[1], c.x[2]];
  const ours = run(
    getKernel("Conv2DBackpropInput", backend)!,
    backend,
    { dy: layout === "NHWC" ? dy : nchw(dy), filter },
    { ...attrs, dataFormat: layout, inputShape, dilations: c.dilations },
  );
  let ref = run(
    reference("Conv2DBackpropInput"),
    "cpu",
    { dy, filter: dilateFilter(filter, c.dilations) },
    { ...attrs, dataFormat: "NHWC", inputShape: c.x },
  );
  if (layout === "NCHW") ref = nchw(ref);
  compare(ours, ref, `Conv2DBackpropInput on ${backend} ${layout}: ${describe(c)}`);
}

function checkDepthwiseFilter(backend: string, c: Conv): void {
  const x = random(c.x),
    dy = random(c.out);
  const attrs = { strides: c.strides, pad: c.pad, dimRoundingMode: c.dimRoundingMode };
  const ours = run(
    getKernel("DepthwiseConv2dNativeBackpropFilter", backend)!,
    backend,
    { x, dy },
    { ...attrs, dilations: c.dilations, filterShape: c.filter },
  );
  const effective = dilateFilter(random(c.filter), c.dilations).shape;
  const ref = undilateFilter(
    run(
      reference("DepthwiseConv2dNativeBackpropFilter"),
      "cpu",
      { x, dy },
      { ...attrs, dilations: [1, 1], filterShape: effective },
    ),
    c.filter,
    c.dilations,
  );
  compare(ours, ref, `DepthwiseConv2dNativeBackpropFilter on ${backend}: ${describe(c)}`);
}

function checkDepthwiseInput(backend: string, c: Conv): void {
  const filter = random(c.filter),
    dy = random(c.out);
  const attrs = { strides: c.strides, pad: c.pad, dimRoundingMode: c.dimRoundingMode, inputShape: c.x };
  const ours = run(
    getKernel("DepthwiseConv2dNativeBackpropInput", backend)!,
    backend,
    { dy, filter },
    { ...attrs, dilations: c.dilations },
  );
  const ref = run(
    reference("DepthwiseConv2dNativeBackpropInput"),
    "cpu",
    { dy, filter: dilateFilter(filter, c.dilations) },
    { ...attrs, dilations: [1, 1] },
  );
  compare(ours, ref, `DepthwiseConv2dNativeBackpropInput on ${backend}: ${describe(c)}`);
}

function checkMatMul(backend: string, fused: boolean): void {
  const m = int(1, 70),
    k = int(1, 70),
    n = int(1, 70);
  const tA = rand() < 0.5,
    tB = rand() < 0.5;
  // Batch shapes: none, equal, or one side broadcast; big entries take the per-entry path.
  const batch = fused ? pick([[1], [int(2, 4)]]) : pick([[1], [1], [int(2, 4)], [int(2, 3), 2]]);
  const bBatch = fused || rand() < 0.7 ? batch : batch.map(() => 1);
  const a = random([...batch, ...(tA ? [k, m] : [m, k])]);
  const b = random([...bBatch, ...(tB ? [n, k] : [k, n])]);
  const inputs: Record<string, Data> = { a, b };
  const attrs: Record<string, unknown> = { transposeA: tA, transposeB: tB };
  if (fused) {
    inputs.bias = random([n]);
    attrs.activation = pick(["linear", "relu", "relu6"]);
  }
  const name = fused ? "_FusedMatMul" : "BatchMatMul";
  const ours = run(getKernel(name, backend)!, backend, inputs, attrs);
  const ref = run(reference(name), "cpu", inputs, attrs);
  compare(ours, ref, `${name} on ${backend}: a ${a.shape} b ${b.shape} transposeA ${tA} transposeB ${tB}`);
}

function checkSegmentSum(backend: string): void {
  const rows = int(1, 20),
    inner = [int(1, 4), int(1, 3)].slice(0, int(0, 2)),
    numSegments = int(1, 6);
  const x = random([rows, ...inner]);
  const ids = Int32Array.from({ length: rows }, () => int(-1, numSegments)); // -1 and numSegments are dropped
  const inputs: Record<string, Data> = { x, segmentIds: { shape: [rows], values: ids, dtype: "int32" } };
  const ours = run(getKernel("UnsortedSegmentSum", backend)!, backend, inputs, { numSegments });
  const ref = run(
    reference("UnsortedSegmentSum"),
    "cpu",
    { ...inputs, segmentIds: { ...inputs.segmentIds, values: ids.map((i) => (i >= numSegments ? -1 : i)) } },
    { numSegments },
  );
  compare(ours, ref, `UnsortedSegmentSum on ${backend}: x ${x.shape} ids ${ids}`);
}

function checkPoolGrad(backend: string, name: "MaxPoolGrad" | "AvgPoolGrad"): void {
  for (;;) {
    const x = random([int(1, 3), int(1, 9), int(1, 9), int(1, 5)]);
    const filterSize: [number, number] = [int(1, 3), int(1, 3)],
      strides: [number, number] = [int(1, 3), int(1, 3)];
    const kind = pick(["valid", "same", "number"] as const);
    // (AvgPoolGrad takes no rounding mode: tfjs's avgPool gradient drops it.)
    const rounding = name === "MaxPoolGrad" ? pick(["floor", "round", "ceil"] as const) : undefined;
    const [pad, dimRoundingMode] = kind === "number" ? [int(0, 1), rounding] : [kind, undefined];
    if (typeof pad === "number" && (pad >= filterSize[0] || pad >= filterSize[1])) continue;
    const info = tf.backend_util.computePool2DInfo(x.shape as any, filterSize, strides, 1, pad, dimRoundingMode);
    if (info.outHeight < 1 || info.outWidth < 1) continue;
    const attrs = { filterSize, strides, pad, dimRoundingMode };
    const output = run(getKernel("MaxPool", "cpu")!, "cpu", { x }, attrs);
    const inputs: Record<string, Data> = { dy: random(output.shape), input: x };
    if (name === "MaxPoolGrad") inputs.output = output;
    const ours = run(getKernel(name, backend)!, backend, inputs, attrs);
    const ref = run(reference(name), "cpu", inputs, attrs);
    return compare(ours, ref, `${name} on ${backend}: x ${x.shape} ${JSON.stringify(attrs)}`);
  }
}

function checkReduce(backend: string, name: "Sum" | "Mean"): void {
  const rank = int(1, 4),
    x = random(Array.from({ length: rank }, () => int(1, 6)));
  const axis = [...Array(rank).keys()].filter(() => rand() < 0.5);
  if (rand() < 0.6) {
    // often a block of axes, as in bias gradients and batch norm
    const first = int(0, rank - 1),
      last = int(first, rank - 1);
    axis.splice(0, axis.length, ...[...Array(last - first + 1).keys()].map((i) => first + i));
  }
  const attrs = { axis, keepDims: rand() < 0.5 };
  compare(
    run(getKernel(name, backend)!, backend, { x }, attrs),
    run(reference(name), "cpu", { x }, attrs),
    `${name} on ${backend}: x ${x.shape} ${JSON.stringify(attrs)}`,
  );
}

// The cpu backend must exist for the references; our cpu kernels replace its
// own, which stay available through originalKernel().
await import("@tensorflow/tfjs-backend-cpu");
await ready({ backend: "wasm" });
registerKernels("cpu");
await tf.setBackend("cpu");
await tf.setBackend("wasm");

const N = Number(process.env.KERNEL_CASES ?? 150);

for (const backend of ["wasm", "cpu"]) {
  test(`Conv2DBackpropFilter on ${backend} matches the reference`, () => {
    for (let i = 0; i < N; i++) checkConvFilter(backend, randomConv(false), i % 5 === 4 ? "NCHW" : "NHWC");
  });
  test(`Conv2DBackpropFilter on ${backend}, large batch (convolved in chunks)`, () => {
    for (const pad of ["valid", "same"] as const) {
      const info = tf.backend_util.computeConv2DInfo([40, 24, 24, 16], [3, 3, 16, 3], 1, 1, pad);
      checkConvFilter(
        backend,
        { x: [40, 24, 24, 16], filter: [3, 3, 16, 3], strides: [1, 1], dilations: [1, 1], pad, out: info.outShape },
        "NHWC",
      );
    }
  });
  test(`Conv2DBackpropInput on ${backend} matches the reference`, () => {
    for (let i = 0; i < N; i++) checkConvInput(backend, randomConv(false), i % 5 === 4 ? "NCHW" : "NHWC");
  });
}

test("DepthwiseConv2dNativeBackpropFilter on wasm matches the reference", () => {
  for (let i = 0; i < N; i++) checkDepthwiseFilter("wasm", randomConv(true));
});
test("DepthwiseConv2dNativeBackpropInput on wasm matches the reference", () => {
  for (let i = 0; i < N; i++) checkDepthwiseInput("wasm", randomConv(true));
});
test("BatchMatMul and _FusedMatMul on wasm match the reference", () => {
  for (let i = 0; i < N; i++) checkMatMul("wasm", i % 3 === 2);
});
test("MaxPoolGrad and AvgPoolGrad on wasm match the reference", () => {
  for (let i = 0; i < N; i++) checkPoolGrad("wasm", i % 2 ? "AvgPoolGrad" : "MaxPoolGrad");
});
test("ResizeNearestNeighborGrad on wasm matches the reference", () => {
  for (let i = 0; i < N / 3; i++) {
    const images = random([int(1, 2), int(1, 7), int(1, 7), int(1, 4)]);
    const size = rand() < 0.5 ? [images.shape[1] * int(1, 3), images.shape[2] * int(1, 3)] : [int(1, 12), int(1, 12)];
    const alignCorners = rand() < 0.3,
      halfPixelCenters = !alignCorners && rand() < 0.4;
    const dy = random([images.shape[0], size[0], size[1], images.shape[3]]);
    const attrs = { alignCorners, halfPixelCenters };
    // The cpu gradient kernel is not the adjoint of the forward resize when
    // halfPixelCenters or alignCorners is set; the reference here is: resize
    // an image of element indices with the cpu forward kernel, then add each
    // dy element onto the element it was copied from.
    const index: Data = { shape: images.shape, values: Float32Array.from(images.values, (_, i) => i) };
    const from = run(getKernel("ResizeNearestNeighbor", "cpu")!, "cpu", { images: index }, { ...attrs, size });
    const adjoint = new Float32Array(images.values.length);
    from.values.forEach((src, i) => (adjoint[src] += dy.values[i]));
    compare(
      run(getKernel("ResizeNearestNeighborGrad", "wasm")!, "wasm", { images, dy }, attrs),
      { shape: images.shape, values: adjoint },
      `ResizeNearestNeighborGrad on wasm: images ${images.shape} size ${size} ${JSON.stringify(attrs)}`,
    );
  }
});
test("Sum and Mean on wasm match the reference", () => {
  for (let i = 0; i < N; i++) checkReduce("wasm", i % 2 ? "Mean" : "Sum");
});
test("Identity and same-dtype Cast on wasm share the data and keep it alive", () => {
  const x = random([3, 4]);
  compare(run(getKernel("Identity", "wasm")!, "wasm", { x }, {}), x, "Identity"); // run() disposes x after the kernel
  compare(run(getKernel("Cast", "wasm")!, "wasm", { x }, { dtype: "float32" }), x, "Cast");
  const ints: Data = { shape: [2, 3], values: Int32Array.from([1, -2, 3, 4, 5, -6]), dtype: "int32" };
  compare(
    run(getKernel("Cast", "wasm")!, "wasm", { x: ints }, { dtype: "float32" }),
    { shape: [2, 3], values: Float32Array.from(ints.values) },
    "Cast",
  );
});
test("UnsortedSegmentSum on wasm matches the reference", () => {
  for (let i = 0; i < Math.ceil(N / 3); i++) checkSegmentSum("wasm");
});

test("gradients of a conv net on wasm match the cpu reference kernels", async () => {
  // End to end through tf.grads: conv2d (strided, same), depthwise, dense, gather.
  const x = tf.randomNormal([2, 9, 9, 3], 0, 1, "float32", 1),
    w = tf.randomNormal([3, 3, 3, 4], 0, 1, "float32", 2);
  const dw = tf.randomNormal([3, 3, 4, 2], 0, 1, "float32", 3),
    v = tf.randomNormal([5 * 5 * 8, 6], 0, 1, "float32", 4);
  const table = tf.randomNormal([7, 6], 0, 1, "float32", 5),
    ids = tf.tensor1d([1, 3, 3, 6], "int32");
  const f = (x: tf.Tensor4D, w: tf.Tensor4D, dw: tf.Tensor4D, v: tf.Tensor2D, table: tf.Tensor2D) => {
    const h = tf.relu(tf.conv2d(x, w, 2, "same"));
    const d = tf.depthwiseConv2d(h, dw, 1, "same");
    const y = tf.matMul(tf.reshape(d, [2, -1]), v);
    return tf.add(tf.sum(tf.square(y)), tf.sum(tf.mul(tf.gather(table, ids), 0.5)));
  };
  const grads = async () =>
    Promise.all(
      tf
        .grads(f as any)([x, w, dw, v, table])
        .map((g) => g.data()),
    );
  const ours = await grads();
  // Reference: the cpu backend with its own kernels.
  for (const name of ["Conv2DBackpropFilter", "Conv2DBackpropInput"]) {
    tf.unregisterKernel(name, "cpu");
    tf.registerKernel(originalKernel(name, "cpu")!);
  }
  await tf.setBackend("cpu");
  const ref = await grads();
  await tf.setBackend("wasm");
  ours.forEach((g, i) =>
    compare(
      { shape: [g.length], values: g as Float32Array },
      { shape: [g.length], values: ref[i] as Float32Array },
      `gradient ${i}`,
    ),
  );
});

test("every kernel above was compared on random cases, all within the tolerance", (t) => {
  assert.ok(stats.size > 0, "no random case was compared");
  let cases = 0,
    worst = 0;
  for (const [key, st] of stats) {
    assert.ok(st.cases > 0 && st.worst <= TOLERANCE, `${key}: ${st.cases} cases, max relative error ${st.worst}`);
    t.diagnostic(`${key}: ${st.cases} cases, max relative error ${st.worst.toExponential(2)}`);
    cases += st.cases;
    worst = Math.max(worst, st.worst);
  }
  t.diagnostic(`total: ${cases} random cases, max relative error ${worst.toExponential(2)}`);
});
