// MaxPoolGrad for wasm (its own is a naive loop, ~40 ms for one MNIST batch):
// find each window's first maximum in x, as TensorFlow.js does, and add dy
// there. One pass over x, channels innermost.
import { backend_util, type KernelConfig, type KernelFunc, type TensorInfo } from "@tensorflow/tfjs-core";
import { Ctx } from "./util.ts";

export function maxPoolGradConfig(backendName: string): KernelConfig {
  const kernelFunc: KernelFunc = ({ inputs, backend, attrs }) => {
    const c = new Ctx(backend, backendName);
    const { dy, input } = inputs as { dy: TensorInfo; input: TensorInfo };
    const { filterSize, strides, pad, dimRoundingMode } = attrs as any;
    const info = backend_util.computePool2DInfo(
      input.shape as [number, number, number, number],
      filterSize,
      strides,
      1,
      pad,
      dimRoundingMode,
    );
    const { batchSize: N, inHeight: H, inWidth: W, inChannels: C, outHeight: OH, outWidth: OW } = info;
    const { effectiveFilterHeight: FH, effectiveFilterWidth: FW, strideHeight: sh, strideWidth: sw } = info;
    const { dilationHeight: dh, dilationWidth: dw } = info;
    const dx = c.alloc(input.shape);
    const xs = c.f32(input),
      dys = c.f32(dy),
      dxs = c.f32(dx);
    dxs.fill(0);
    const best = new Float32Array(C),
      at = new Int32Array(C);
    for (let n = 0; n < N; n++)
      for (let oh = 0; oh < OH; oh++)
        for (let ow = 0; ow < OW; ow++) {
          const h0 = oh * sh - info.padInfo.top,
            w0 = ow * sw - info.padInfo.left;
          let first = true;
          for (let h = h0; h < h0 + FH; h += dh) {
            if (h < 0 || h >= H) continue;
            for (let w = w0; w < w0 + FW; w += dw) {
              if (w < 0 || w >= W) continue;
              const base = ((n * H + h) * W + w) * C;
              if (first) {
                for (let ch = 0; ch < C; ch++) ((best[ch] = xs[base + ch]), (at[ch] = base + ch));
                first = false;
                continue;
              }
              for (let ch = 0; ch < C; ch++) {
                const v = xs[base + ch];
                if (v > best[ch]) ((best[ch] = v), (at[ch] = base + ch));
              }
            }
          }
          if (first) continue; // the window lies in the padding
          const d0 = ((n * OH + oh) * OW + ow) * C;
          for (let ch = 0; ch < C; ch++) dxs[at[ch]] += dys[d0 + ch];
        }
    return dx;
  };
  return { kernelName: "MaxPoolGrad", backendName, kernelFunc };
}
