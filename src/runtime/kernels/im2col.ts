// im2col for NHWC data: one row per output pixel, holding the input patch
// that the filter sees there ([kh][kw][c], zeros where it hangs over the
// padding). Conv gradients then become plain matrix products.
import type { backend_util } from "@tensorflow/tfjs-core";

type Info = backend_util.Conv2DInfo;

/** cols[(n·OH + oh)·OW + ow][(kh·KW + kw)·C + c] = x[n][oh·sh + kh·dh − top][ow·sw + kw·dw − left][c] */
export function im2col(x: Float32Array, cols: Float32Array, info: Info): void {
  const { batchSize: N, inHeight: H, inWidth: W, inChannels: C, outHeight: OH, outWidth: OW } = info;
  const { filterHeight: KH, filterWidth: KW, strideHeight: sh, strideWidth: sw } = info;
  const { dilationHeight: dh, dilationWidth: dw } = info;
  const { top, left } = info.padInfo;
  let o = 0;
  for (let n = 0; n < N; n++) {
    for (let oh = 0; oh < OH; oh++) {
      for (let ow = 0; ow < OW; ow++) {
        for (let kh = 0; kh < KH; kh++) {
          const ih = oh * sh + kh * dh - top;
          const rowOk = ih >= 0 && ih < H;
          for (let kw = 0; kw < KW; kw++) {
            const iw = ow * sw + kw * dw - left;
            if (!rowOk || iw < 0 || iw >= W) {
              cols.fill(0, o, o + C);
              o += C;
              continue;
            }
            let s = ((n * H + ih) * W + iw) * C;
            const end = o + C;
            while (o < end) cols[o++] = x[s++];
          }
        }
      }
    }
  }
}

/** The adjoint of im2col: dx = Σ of each column entry back onto the input pixel it came from. */
export function col2im(cols: Float32Array, dx: Float32Array, info: Info): void {
  const { batchSize: N, inHeight: H, inWidth: W, inChannels: C, outHeight: OH, outWidth: OW } = info;
  const { filterHeight: KH, filterWidth: KW, strideHeight: sh, strideWidth: sw } = info;
  const { dilationHeight: dh, dilationWidth: dw } = info;
  const { top, left } = info.padInfo;
  dx.fill(0);
  let o = 0;
  for (let n = 0; n < N; n++) {
    for (let oh = 0; oh < OH; oh++) {
      for (let ow = 0; ow < OW; ow++) {
        for (let kh = 0; kh < KH; kh++) {
          const ih = oh * sh + kh * dh - top;
          const rowOk = ih >= 0 && ih < H;
          for (let kw = 0; kw < KW; kw++) {
            const iw = ow * sw + kw * dw - left;
            if (!rowOk || iw < 0 || iw >= W) {
              o += C;
              continue;
            }
            let s = ((n * H + ih) * W + iw) * C;
            const end = o + C;
            while (o < end) dx[s++] += cols[o++];
          }
        }
      }
    }
  }
}
