// BatchMatMul / _FusedMatMul for wasm. The wasm backend uses XNNPACK only for
// a plain a·b with batch 1; any transpose (every matMul in a dense layer's
// gradient) or batch > 1 falls back to a naive loop that is 5–7× slower.
// We transpose explicitly (cheap) and call the original kernel on its fast path.
import { broadcast_util, util, type KernelConfig, type KernelFunc, type TensorInfo } from "@tensorflow/tfjs-core";
import { Ctx } from "./util.ts";

// Below this many multiply-adds per batch entry, the naive loop beats one
// XNNPACK call per entry (measured).
const PER_BATCH_MIN_WORK = 1 << 17;

export function matMulConfig(
  kernelName: "BatchMatMul" | "_FusedMatMul",
  backendName: string,
  original: KernelConfig,
): KernelConfig {
  const kernelFunc: KernelFunc = ({ inputs, backend, attrs }) => {
    const { a, b } = inputs as { a: TensorInfo; b: TensorInfo };
    const { transposeA, transposeB } = attrs as { transposeA: boolean; transposeB: boolean };
    const c = new Ctx(backend, backendName);
    const callOriginal = (a: TensorInfo, b: TensorInfo, tA: boolean, tB: boolean) =>
      original.kernelFunc({
        inputs: { ...inputs, a, b },
        backend,
        attrs: { ...attrs, transposeA: tA, transposeB: tB },
      }) as TensorInfo;
    const batchA = util.sizeFromShape(a.shape.slice(0, -2));
    const batchB = util.sizeFromShape(b.shape.slice(0, -2));
    const [ra, ca] = a.shape.slice(-2),
      [rb, cb] = b.shape.slice(-2);
    const [m, k] = transposeA ? [ca, ra] : [ra, ca];
    const n = transposeB ? rb : cb;
    const outBatch = broadcast_util.assertAndGetBroadcastShape(a.shape.slice(0, -2), b.shape.slice(0, -2));

    if (!transposeA && !transposeB && batchA === 1 && batchB === 1) return callOriginal(a, b, false, false);
    // Batched products: one XNNPACK call per entry pays off for large entries.
    // The naive loop also mishandles a bias (adds it once per 48-wide block of
    // k, and at the wrong index), so _FusedMatMul always goes per entry.
    const batched = batchA > 1 || batchB > 1;
    const prelu = (inputs as { preluActivationWeights?: TensorInfo }).preluActivationWeights;
    const simpleBroadcast =
      (batchA === batchB || batchA === 1 || batchB === 1) && (!prelu || util.sizeFromShape(prelu.shape) <= n);
    if (batched && !(simpleBroadcast && (kernelName === "_FusedMatMul" || m * k * n >= PER_BATCH_MIN_WORK))) {
      return callOriginal(a, b, transposeA, transposeB);
    }
    // [batch, r, c] → [batch, c, r] when the flag is set.
    const plain = (t: TensorInfo, batch: number, r: number, cc: number, transposed: boolean) => {
      const t3 = c.reshape(t, [batch, r, cc]);
      if (!transposed) return t3;
      const out = c.transpose(t3, [0, 2, 1]);
      c.free(t3);
      return out;
    };
    if (batchA === 1 && batchB === 1) {
      // a·b = (bᵀ·aᵀ)ᵀ: pick the cheaper form. Costs in transposed floats;
      // XNNPACK packs the right operand (fresh each training step) at ~4× that.
      const PACK = 4;
      const direct = (transposeA ? m * k : 0) + (transposeB ? k * n : 0) + PACK * k * n;
      const swapped = (transposeA ? 0 : m * k) + (transposeB ? 0 : k * n) + m * n + PACK * m * k;
      if (kernelName === "BatchMatMul" && swapped < direct) {
        const bt = plain(b, 1, rb, cb, !transposeB),
          at = plain(a, 1, ra, ca, !transposeA);
        const ct = callOriginal(bt, at, false, false);
        const ct2 = c.reshape(ct, [n, m]);
        const out = c.transpose(ct2, [1, 0]);
        c.free(bt, at, ct, ct2);
        return c.reshapeOwned(out, [...outBatch, m, n]);
      }
      const a2 = plain(a, 1, ra, ca, transposeA),
        b2 = plain(b, 1, rb, cb, transposeB);
      const out = callOriginal(a2, b2, false, false);
      c.free(a2, b2);
      return c.reshapeOwned(out, [...outBatch, m, n]);
    }
    // Large batched product: one fast call per batch entry (broadcasting a batch of 1).
    const batch = Math.max(batchA, batchB);
    const a3 = plain(a, batchA, ra, ca, transposeA),
      b3 = plain(b, batchB, rb, cb, transposeB);
    const out = c.alloc([batch, m, n]);
    for (let i = 0; i < batch; i++) {
      const ai = c.entry(a3, batchA === 1 ? 0 : i),
        bi = c.entry(b3, batchB === 1 ? 0 : i);
      const oi = callOriginal(ai, bi, false, false);
      c.f32(out).set(c.f32(oi), i * m * n);
      c.free(ai, bi, oi);
    }
    c.free(a3, b3);
    return c.reshapeOwned(out, [...outBatch, m, n]);
  };
  return { kernelName, backendName, kernelFunc, setupFunc: original.setupFunc, disposeFunc: original.disposeFunc };
}
