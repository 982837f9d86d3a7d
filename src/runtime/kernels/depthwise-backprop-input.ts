// DepthwiseConv2dNativeBackpropInput, missing on wasm. As for conv2d, the
// input gradient is a correlation of the stride-dilated, padded dy with the
// 180°-rotated filter — here a depthwise one over the C·M channels of dy
// (multiplier 1), followed by a sum over the M outputs of each input channel.
import { backend_util, type KernelConfig, type KernelFunc, type TensorInfo } from "@tensorflow/tfjs-core";
import { Ctx } from "./util.ts";
import { dilateAndPad } from "./conv2d-backprop-input.ts";

export function depthwiseBackpropInputConfig(backendName: string): KernelConfig {
  const kernelFunc: KernelFunc = ({ inputs, backend, attrs }) => {
    const c = new Ctx(backend, backendName);
    const { dy, filter } = inputs as { dy: TensorInfo; filter: TensorInfo };
    const { strides, dilations, pad, dimRoundingMode, inputShape } = attrs as any;
    const info = backend_util.computeConv2DInfo(
      inputShape,
      filter.shape as [number, number, number, number],
      strides,
      dilations ?? 1,
      pad,
      dimRoundingMode,
      true,
    );
    const { inHeight: H, inWidth: W, outHeight: OH, outWidth: OW, strideHeight: sh, strideWidth: sw } = info;
    const kh = info.effectiveFilterHeight,
      kw = info.effectiveFilterWidth;
    const top = kh - 1 - info.padInfo.top,
      left = kw - 1 - info.padInfo.left;
    const bottom = H - 1 + kh - top - ((OH - 1) * sh + 1);
    const right = W - 1 + kw - left - ((OW - 1) * sw + 1);
    const [KH, KW, C, M] = filter.shape;
    // flipped[kh][kw][c·M + m][0] = filter[KH−1−kh][KW−1−kw][c][m]
    const flipped = c.alloc([KH, KW, C * M, 1]);
    const w = c.f32(filter),
      f = c.f32(flipped);
    for (let h = 0; h < KH; h++)
      for (let v = 0; v < KW; v++)
        f.set(
          w.subarray(((KH - 1 - h) * KW + (KW - 1 - v)) * C * M, ((KH - 1 - h) * KW + (KW - 1 - v) + 1) * C * M),
          (h * KW + v) * C * M,
        );
    const padded = dilateAndPad(c, dy, sh, sw, top, bottom, left, right);
    const y = c.run("DepthwiseConv2dNative", { x: padded, filter: flipped }, {
      strides: [1, 1],
      pad: "valid",
      dilations: [info.dilationHeight, info.dilationWidth],
      dimRoundingMode: undefined,
    } as any);
    c.free(padded, flipped);
    if (M === 1) return y;
    const y5 = c.reshape(y, [info.batchSize, H, W, C, M]);
    const dx = c.run("Sum", { x: y5 }, { axis: [4], keepDims: false });
    c.free(y, y5);
    return dx;
  };
  return { kernelName: "DepthwiseConv2dNativeBackpropInput", backendName, kernelFunc };
}
