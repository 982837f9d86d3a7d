// DepthwiseConv2dNativeBackpropFilter, missing on wasm: a direct loop in JS on
// the backend's memory (depthwise convs do little arithmetic per byte, so the
// loop is not the bottleneck). Accumulates in float64.
import { backend_util, type KernelConfig, type KernelFunc, type TensorInfo } from "@tensorflow/tfjs-core";
import { Ctx } from "./util.ts";

export function depthwiseBackpropFilterConfig(backendName: string): KernelConfig {
  const kernelFunc: KernelFunc = ({ inputs, backend, attrs }) => {
    const c = new Ctx(backend, backendName);
    const { x, dy } = inputs as { x: TensorInfo; dy: TensorInfo };
    const { strides, dilations, pad, dimRoundingMode, filterShape } = attrs as any;
    const info = backend_util.computeConv2DInfo(
      x.shape as [number, number, number, number],
      filterShape,
      strides,
      dilations ?? 1,
      pad,
      dimRoundingMode,
      true,
    );
    const { batchSize: N, inHeight: H, inWidth: W, inChannels: C, outHeight: OH, outWidth: OW } = info;
    const {
      filterHeight: KH,
      filterWidth: KW,
      strideHeight: sh,
      strideWidth: sw,
      dilationHeight: dh,
      dilationWidth: dw,
    } = info;
    const M = filterShape[3],
      CM = C * M;
    const acc = new Float64Array(KH * KW * CM);
    const xs = c.f32(x),
      dys = c.f32(dy);
    for (let n = 0; n < N; n++)
      for (let oh = 0; oh < OH; oh++)
        for (let ow = 0; ow < OW; ow++) {
          const d0 = ((n * OH + oh) * OW + ow) * CM;
          for (let kh = 0; kh < KH; kh++) {
            const ih = oh * sh + kh * dh - info.padInfo.top;
            if (ih < 0 || ih >= H) continue;
            for (let kw = 0; kw < KW; kw++) {
              const iw = ow * sw + kw * dw - info.padInfo.left;
              if (iw < 0 || iw >= W) continue;
              const x0 = ((n * H + ih) * W + iw) * C,
                a0 = (kh * KW + kw) * CM;
              if (M === 1) {
                for (let ch = 0; ch < C; ch++) acc[a0 + ch] += xs[x0 + ch] * dys[d0 + ch];
                continue;
              }
              for (let ch = 0; ch < C; ch++) {
                const xv = xs[x0 + ch];
                for (let m = 0; m < M; m++) acc[a0 + ch * M + m] += xv * dys[d0 + ch * M + m];
              }
            }
          }
        }
    const out = c.alloc(filterShape);
    c.f32(out).set(acc);
    return out;
  };
  return { kernelName: "DepthwiseConv2dNativeBackpropFilter", backendName, kernelFunc };
}
