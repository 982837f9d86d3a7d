// ResizeNearestNeighborGrad for wasm (its own is a naive loop, ~200 ms for an
// upSampling2d ×2 of one MNIST-sized batch): add each dy pixel onto the source
// pixel the forward resize copied it from (same index rule as the forward).
import type { KernelConfig, KernelFunc, TensorInfo } from "@tensorflow/tfjs-core";
import { Ctx } from "./util.ts";

/** The source index of each output row/column, as ResizeNearestNeighbor computes it. */
function sources(oldSize: number, newSize: number, alignCorners: boolean, halfPixelCenters: boolean): Int32Array {
  const ratio =
    (alignCorners && newSize > 1 ? oldSize - 1 : oldSize) / (alignCorners && newSize > 1 ? newSize - 1 : newSize);
  return Int32Array.from({ length: newSize }, (_, r) => {
    const frac = halfPixelCenters ? ratio * (r + 0.5) : ratio * r;
    const nearest = Math.min(oldSize - 1, alignCorners ? Math.round(frac) : Math.floor(frac));
    return halfPixelCenters ? Math.max(0, nearest) : nearest;
  });
}

export function resizeNearestGradConfig(backendName: string): KernelConfig {
  const kernelFunc: KernelFunc = ({ inputs, backend, attrs }) => {
    const c = new Ctx(backend, backendName);
    const { images, dy } = inputs as { images: TensorInfo; dy: TensorInfo };
    const { alignCorners, halfPixelCenters } = attrs as { alignCorners: boolean; halfPixelCenters: boolean };
    const [N, H, W, C] = images.shape,
      [, OH, OW] = dy.shape;
    const rows = sources(H, OH, alignCorners, halfPixelCenters),
      cols = sources(W, OW, alignCorners, halfPixelCenters);
    const dx = c.alloc(images.shape);
    const dys = c.f32(dy),
      dxs = c.f32(dx);
    dxs.fill(0);
    for (let n = 0, d = 0; n < N; n++)
      for (let r = 0; r < OH; r++)
        for (let q = 0; q < OW; q++) {
          const x0 = ((n * H + rows[r]) * W + cols[q]) * C;
          for (let ch = 0; ch < C; ch++) dxs[x0 + ch] += dys[d++];
        }
    return dx;
  };
  return { kernelName: "ResizeNearestNeighborGrad", backendName, kernelFunc };
}
