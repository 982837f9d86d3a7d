// Conv2DBackpropFilter: missing on wasm, a naive loop on cpu.
//   dW[kh,kw,ci,co] = Σ_{n,i,j} x[n, i·s + kh·d − top, j·s + kw·d − left, ci] · dy[n,i,j,co]
// Stride 1 on wasm: that sum is itself a convolution, run by XNNPACK (threaded):
// the input is dy as [co, OH, OW, n] (padded by the conv), the filter is x as
// [H, W, n, ci], its stride is d, and the output [co, KH, KW, ci] comes out
// rotated 180° in space. Of the ways to write dW as a conv this one packs the
// smaller operand (x) as XNNPACK weights and keeps 64+ channels per tap; it is
// ~3× faster than using x as the input and dy as the filter.
// Otherwise (strides, cpu): im2col in JS, then one matrix product on the
// backend's matMul: dW = colsᵀ · dy.
import { backend_util, type KernelConfig, type KernelFunc, type TensorInfo } from "@tensorflow/tfjs-core";
import { im2col } from "./im2col.ts";
import { Ctx } from "./util.ts";

type Info = backend_util.Conv2DInfo;

export function conv2DBackpropFilterConfig(backendName: string): KernelConfig {
  const kernelFunc: KernelFunc = ({ inputs, backend, attrs }) => {
    const c = new Ctx(backend, backendName);
    let { x, dy } = inputs as { x: TensorInfo; dy: TensorInfo };
    const { strides, pad, dataFormat, dimRoundingMode, filterShape, dilations } = attrs as any;
    const channelsFirst = dataFormat === "NCHW";
    if (channelsFirst) [x, dy] = [c.transpose(x, [0, 2, 3, 1]), c.transpose(dy, [0, 2, 3, 1])];
    const info = backend_util.computeConv2DInfo(
      x.shape as [number, number, number, number],
      filterShape,
      strides,
      dilations ?? 1,
      pad,
      dimRoundingMode,
      false,
      "channelsLast",
    );
    const pads = flippedConvPads(info);
    const dw = backendName === "wasm" && pads ? viaConv(c, x, dy, info, pads) : viaIm2col(c, x, dy, info);
    if (channelsFirst) c.free(x, dy);
    return dw;
  };
  return { kernelName: "Conv2DBackpropFilter", backendName, kernelFunc };
}

/** Padding of dy for the convolution form, or null when it does not apply. */
function flippedConvPads(info: Info): [number, number, number, number] | null {
  // With few input channels the conv has as few output channels: im2col wins.
  if (info.strideHeight !== 1 || info.strideWidth !== 1 || info.inChannels < 8) return null;
  const { inHeight: H, inWidth: W, outHeight: OH, outWidth: OW, filterHeight: KH, filterWidth: KW } = info;
  const top = (KH - 1) * info.dilationHeight - info.padInfo.top;
  const left = (KW - 1) * info.dilationWidth - info.padInfo.left;
  // Chosen so that the output is exactly KH × KW.
  const bottom = (KH - 1) * info.dilationHeight + H - OH - top;
  const right = (KW - 1) * info.dilationWidth + W - OW - left;
  return Math.min(top, bottom, left, right) < 0 ? null : [top, bottom, left, right];
}

function viaConv(c: Ctx, x: TensorInfo, dy: TensorInfo, info: Info, [top, bottom, left, right]: number[]): TensorInfo {
  const { batchSize: N, inHeight: H, inWidth: W, inChannels: Ci, outHeight: OH, outWidth: OW, outChannels: Co } = info;
  const { filterHeight: KH, filterWidth: KW } = info;
  // XNNPACK streams the packed filter once per tile of output pixels, so keep
  // it near L2-sized: convolve batch chunks of ≥ 16 images and add them up.
  const chunks = Math.max(1, Math.min(Math.floor(N / 16), Math.ceil((H * W * N * Ci * 4) / (1 << 20))));
  const acc = new Float64Array(Co * KH * KW * Ci);
  for (let g = 0; g < chunks; g++) {
    const n0 = Math.floor((g * N) / chunks),
      nb = Math.floor(((g + 1) * N) / chunks) - n0;
    const filter = c.alloc([H, W, nb, Ci]); // filter[h][w][n][ci] = x[n0 + n][h][w][ci]
    const xs = c.f32(x),
      f = c.f32(filter);
    for (let n = 0; n < nb; n++)
      for (let p = 0; p < H * W; p++) {
        let s = ((n0 + n) * H * W + p) * Ci,
          d = (p * nb + n) * Ci;
        for (let ci = 0; ci < Ci; ci++) f[d++] = xs[s++];
      }
    const input = c.alloc([Co, OH, OW, nb]); // input[co][i][j][n] = dy[n0 + n][i][j][co]
    transpose210(c.f32(dy).subarray(n0 * OH * OW * Co), c.f32(input), nb, OH * OW, Co);
    const out = c.run("Conv2D", { x: input, filter }, {
      strides: [info.dilationHeight, info.dilationWidth],
      pad: [
        [0, 0],
        [top, bottom],
        [left, right],
        [0, 0],
      ],
      dataFormat: "NHWC",
      dilations: [1, 1],
      dimRoundingMode: undefined,
    } as any);
    const o = c.f32(out);
    for (let i = 0; i < acc.length; i++) acc[i] += o[i];
    c.free(filter, input, out);
  }
  // acc[co][KH−1−kh][KW−1−kw][ci] → dW[kh][kw][ci][co]
  const dw = c.alloc([KH, KW, Ci, Co]);
  const d = c.f32(dw);
  for (let co = 0; co < Co; co++)
    for (let kh = 0; kh < KH; kh++)
      for (let kw = 0; kw < KW; kw++) {
        const src = ((co * KH + (KH - 1 - kh)) * KW + (KW - 1 - kw)) * Ci,
          dst = (kh * KW + kw) * Ci * Co + co;
        for (let ci = 0; ci < Ci; ci++) d[dst + ci * Co] = acc[src + ci];
      }
  return dw;
}

/** dst[c][b][a] = src[a][b][c], in 16×16 tiles of (a, c). */
function transpose210(src: Float32Array, dst: Float32Array, A: number, B: number, C: number): void {
  const T = 16;
  for (let b = 0; b < B; b++)
    for (let a0 = 0; a0 < A; a0 += T)
      for (let c0 = 0; c0 < C; c0 += T) {
        const a1 = Math.min(A, a0 + T),
          c1 = Math.min(C, c0 + T);
        for (let a = a0; a < a1; a++) {
          const s = (a * B + b) * C;
          for (let k = c0; k < c1; k++) dst[(k * B + b) * A + a] = src[s + k];
        }
      }
}

function viaIm2col(c: Ctx, x: TensorInfo, dy: TensorInfo, info: Info): TensorInfo {
  const { batchSize, outHeight, outWidth, filterHeight, filterWidth, inChannels, outChannels } = info;
  const pixels = batchSize * outHeight * outWidth,
    patch = filterHeight * filterWidth * inChannels;
  const cols = c.alloc([pixels, patch]);
  im2col(c.f32(x), c.f32(cols), info);
  const dy2 = c.reshape(dy, [pixels, outChannels]);
  const dw = c.matMul(cols, dy2, true, false);
  c.free(cols, dy2);
  return c.reshapeOwned(dw, [filterHeight, filterWidth, inChannels, outChannels]);
}
