// AvgPoolGrad for wasm (its own is a naive loop): spread each dy over its
// window, channels innermost. Like TensorFlow.js's cpu kernel, every window
// divides by the full filter size, also where it hangs over the padding.
import { backend_util, type KernelConfig, type KernelFunc, type TensorInfo } from "@tensorflow/tfjs-core";
import { Ctx } from "./util.ts";

export function avgPoolGradConfig(backendName: string): KernelConfig {
  const kernelFunc: KernelFunc = ({ inputs, backend, attrs }) => {
    const c = new Ctx(backend, backendName);
    const { dy, input } = inputs as { dy: TensorInfo; input: TensorInfo };
    const { filterSize, strides, pad } = attrs as any;
    const info = backend_util.computePool2DInfo(
      input.shape as [number, number, number, number],
      filterSize,
      strides,
      1,
      pad,
    );
    const { batchSize: N, inHeight: H, inWidth: W, inChannels: C, outHeight: OH, outWidth: OW } = info;
    const { filterHeight: FH, filterWidth: FW, strideHeight: sh, strideWidth: sw } = info;
    const scale = 1 / (FH * FW);
    const dx = c.alloc(input.shape);
    const dys = c.f32(dy),
      dxs = c.f32(dx);
    dxs.fill(0);
    for (let n = 0; n < N; n++)
      for (let oh = 0; oh < OH; oh++)
        for (let ow = 0; ow < OW; ow++) {
          const d0 = ((n * OH + oh) * OW + ow) * C;
          const h0 = oh * sh - info.padInfo.top,
            w0 = ow * sw - info.padInfo.left;
          for (let h = Math.max(0, h0); h < Math.min(H, h0 + FH); h++)
            for (let w = Math.max(0, w0); w < Math.min(W, w0 + FW); w++) {
              const x0 = ((n * H + h) * W + w) * C;
              for (let ch = 0; ch < C; ch++) dxs[x0 + ch] += dys[d0 + ch] * scale;
            }
        }
    return dx;
  };
  return { kernelName: "AvgPoolGrad", backendName, kernelFunc };
}
