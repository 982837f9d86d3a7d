// Conv2DBackpropInput (also the forward pass of conv2dTranspose). wasm: its
// own kernel is a naive loop (~12× slower than a forward conv). The input
// gradient of a conv is itself a conv: correlate dy, padded so every tap
// lands, with the filter rotated 180° and its channel axes swapped; XNNPACK's
// Conv2D runs it. With stride s, the dx pixels of each of the s×s phases
// (row ≡ rh, column ≡ rw mod s) see only the filter taps ≡ rh + top, rw + left:
// one small conv per phase, interleaved back in JS; no multiplications by
// inserted zeros. cpu: dcols = dy·Wᵀ, then col2im scatters them back.
import { backend_util, type KernelConfig, type KernelFunc, type TensorInfo } from "@tensorflow/tfjs-core";
import { col2im } from "./im2col.ts";
import { Ctx } from "./util.ts";

type Info = backend_util.Conv2DInfo;

export function conv2DBackpropInputConfig(backendName: string): KernelConfig {
  const kernelFunc: KernelFunc = ({ inputs, backend, attrs }) => {
    const c = new Ctx(backend, backendName);
    let { dy, filter } = inputs as { dy: TensorInfo; filter: TensorInfo };
    const { strides, pad, dataFormat, dimRoundingMode, inputShape, dilations } = attrs as any;
    const channelsFirst = dataFormat === "NCHW";
    const xShape = channelsFirst ? [inputShape[0], inputShape[2], inputShape[3], inputShape[1]] : inputShape;
    if (channelsFirst) dy = c.transpose(dy, [0, 2, 3, 1]);
    const info = backend_util.computeConv2DInfo(
      xShape,
      filter.shape as [number, number, number, number],
      strides,
      dilations ?? 1,
      pad,
      dimRoundingMode,
      false,
      "channelsLast",
    );
    const dx = backendName === "wasm" ? viaConv(c, dy, filter, info) : viaCol2im(c, dy, filter, info);
    if (!channelsFirst) return dx;
    const out = c.transpose(dx, [0, 3, 1, 2]);
    c.free(dy, dx);
    return out;
  };
  return { kernelName: "Conv2DBackpropInput", backendName, kernelFunc };
}

function viaConv(c: Ctx, dy: TensorInfo, filter: TensorInfo, info: Info): TensorInfo {
  if ((info.strideHeight > 1 || info.strideWidth > 1) && info.dilationHeight === 1 && info.dilationWidth === 1) {
    return viaPhases(c, dy, filter, info);
  }
  const { inHeight: H, inWidth: W, outHeight: OH, outWidth: OW, strideHeight: sh, strideWidth: sw } = info;
  const kh = info.effectiveFilterHeight,
    kw = info.effectiveFilterWidth;
  // Padding of the (stride-dilated) dy that makes the correlation cover dx exactly.
  const top = kh - 1 - info.padInfo.top,
    left = kw - 1 - info.padInfo.left;
  const bottom = H - 1 + kh - top - ((OH - 1) * sh + 1);
  const right = W - 1 + kw - left - ((OW - 1) * sw + 1);
  const flipped = flipFilter(c, filter);
  let input = dy,
    convPad: number[][] = [
      [0, 0],
      [top, bottom],
      [left, right],
      [0, 0],
    ];
  if (sh > 1 || sw > 1 || Math.min(top, bottom, left, right) < 0) {
    input = dilateAndPad(c, dy, sh, sw, top, bottom, left, right);
    convPad = [
      [0, 0],
      [0, 0],
      [0, 0],
      [0, 0],
    ];
  }
  const dx = c.run("Conv2D", { x: input, filter: flipped }, {
    strides: [1, 1],
    pad: convPad,
    dataFormat: "NHWC",
    dilations: [info.dilationHeight, info.dilationWidth],
    dimRoundingMode: undefined,
  } as any);
  c.free(flipped);
  if (input !== dy) c.free(input);
  return dx;
}

/** Taps of one phase along one axis: dx[r + s·t] = Σ_j dy[t + j − pad] · w[taps[j]]. */
function phase(r: number, s: number, K: number, pad: number, inSize: number, outSize: number) {
  const k0 = (r + pad) % s;
  const taps: number[] = [];
  for (let k = k0; k < K; k += s) taps.unshift(k); // reversed: a correlation
  const count = r < inSize ? Math.ceil((inSize - r) / s) : 0; // dx rows in this phase
  const before = taps.length - 1 - (r + pad - k0) / s; // padding of dy (negative: skip rows)
  const after = count - outSize - before + taps.length - 1;
  return { taps, count, before, after };
}

function viaPhases(c: Ctx, dy: TensorInfo, filter: TensorInfo, info: Info): TensorInfo {
  const { batchSize: N, inHeight: H, inWidth: W, inChannels: Ci, outHeight: OH, outWidth: OW, outChannels: Co } = info;
  const { strideHeight: sh, strideWidth: sw } = info;
  const dx = c.alloc([N, H, W, Ci]);
  c.f32(dx).fill(0);
  for (let rh = 0; rh < sh; rh++)
    for (let rw = 0; rw < sw; rw++) {
      const ph = phase(rh, sh, info.filterHeight, info.padInfo.top, H, OH);
      const pw = phase(rw, sw, info.filterWidth, info.padInfo.left, W, OW);
      if (ph.count === 0 || pw.count === 0 || ph.taps.length === 0 || pw.taps.length === 0) continue;
      // Sub-filter [taps_h, taps_w, Co, Ci] of the phase.
      const sub = c.alloc([ph.taps.length, pw.taps.length, Co, Ci]);
      const w = c.f32(filter),
        f = c.f32(sub);
      ph.taps.forEach((kh, i) =>
        pw.taps.forEach((kw, j) => {
          const src = (kh * info.filterWidth + kw) * Ci * Co,
            dst = (i * pw.taps.length + j) * Co * Ci;
          for (let a = 0; a < Ci; a++) for (let b = 0; b < Co; b++) f[dst + b * Ci + a] = w[src + a * Co + b];
        }),
      );
      // Negative padding = skip that many output rows/columns afterwards.
      const pad = [
        [0, 0],
        [Math.max(0, ph.before), Math.max(0, ph.after)],
        [Math.max(0, pw.before), Math.max(0, pw.after)],
        [0, 0],
      ];
      const part = c.run("Conv2D", { x: dy, filter: sub }, {
        strides: [1, 1],
        pad,
        dataFormat: "NHWC",
        dilations: [1, 1],
      } as any);
      const [, PH, PW] = part.shape,
        skipH = Math.max(0, -ph.before),
        skipW = Math.max(0, -pw.before);
      const p = c.f32(part),
        d = c.f32(dx);
      for (let n = 0; n < N; n++)
        for (let t = 0; t < ph.count; t++)
          for (let u = 0; u < pw.count; u++) {
            const src = ((n * PH + t + skipH) * PW + u + skipW) * Ci,
              dst = ((n * H + rh + sh * t) * W + rw + sw * u) * Ci;
            for (let a = 0; a < Ci; a++) d[dst + a] = p[src + a];
          }
      c.free(sub, part);
    }
  return dx;
}

/** [KH,KW,Cin,Cout] → [KH,KW,Cout,Cin], rotated 180° in space. */
function flipFilter(c: Ctx, filter: TensorInfo): TensorInfo {
  const [KH, KW, Ci, Co] = filter.shape;
  const out = c.alloc([KH, KW, Co, Ci]);
  const w = c.f32(filter),
    o = c.f32(out);
  for (let h = 0; h < KH; h++)
    for (let v = 0; v < KW; v++) {
      const src = ((KH - 1 - h) * KW + (KW - 1 - v)) * Ci * Co,
        dst = (h * KW + v) * Co * Ci;
      for (let i = 0; i < Ci; i++) for (let j = 0; j < Co; j++) o[dst + j * Ci + i] = w[src + i * Co + j];
    }
  return out;
}

/** Inserts s−1 zero rows/columns between pixels, then pads (negative = crops). */
export function dilateAndPad(
  c: Ctx,
  x: TensorInfo,
  sh: number,
  sw: number,
  top: number,
  bottom: number,
  left: number,
  right: number,
): TensorInfo {
  const [N, H, W, C] = x.shape;
  const OH = (H - 1) * sh + 1 + top + bottom,
    OW = (W - 1) * sw + 1 + left + right;
  const out = c.alloc([N, OH, OW, C]);
  const src = c.f32(x),
    dst = c.f32(out);
  dst.fill(0);
  for (let n = 0; n < N; n++)
    for (let h = 0; h < H; h++) {
      const oh = h * sh + top;
      if (oh < 0 || oh >= OH) continue;
      for (let w = 0; w < W; w++) {
        const ow = w * sw + left;
        if (ow < 0 || ow >= OW) continue;
        const s = ((n * H + h) * W + w) * C;
        dst.set(src.subarray(s, s + C), ((n * OH + oh) * OW + ow) * C);
      }
    }
  return out;
}

function viaCol2im(c: Ctx, dy: TensorInfo, filter: TensorInfo, info: Info): TensorInfo {
  const { batchSize, outHeight, outWidth, outChannels, filterHeight, filterWidth, inChannels } = info;
  const pixels = batchSize * outHeight * outWidth;
  const dy2 = c.reshape(dy, [pixels, outChannels]);
  const w2 = c.reshape(filter, [filterHeight * filterWidth * inChannels, outChannels]);
  const cols = c.matMul(dy2, w2, false, true);
  const dx = c.alloc([batchSize, info.inHeight, info.inWidth, inChannels]);
  col2im(c.f32(cols), c.f32(dx), info);
  c.free(dy2, w2, cols);
  return dx;
}
