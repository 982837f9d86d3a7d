// Sum and Mean for wasm over a block of axes that is not innermost (the bias
// gradient of a conv sums over batch, height and width; batch norm and global
// average pooling take means over them). The wasm kernels first transpose the
// reduced axes innermost: ~20 ms (Sum) to ~80 ms (Mean) for one MNIST-sized
// activation. Viewed as [outer, reduced, inner], a JS loop takes a few ms.
// Other reductions (innermost axes, int32) use the original kernel.
import { util, type KernelConfig, type KernelFunc, type TensorInfo } from "@tensorflow/tfjs-core";
import { Ctx } from "./util.ts";

export function reduceConfig(kernelName: "Sum" | "Mean", backendName: string, original: KernelConfig): KernelConfig {
  const kernelFunc: KernelFunc = (args) => {
    const { inputs, backend, attrs } = args;
    const { x } = inputs as { x: TensorInfo };
    const { axis, keepDims } = attrs as { axis: number | number[]; keepDims: boolean };
    const axes = util.parseAxisParam(axis, x.shape).sort((a, b) => a - b);
    const first = axes[0],
      last = axes[axes.length - 1];
    const block = axes.length > 0 && last - first + 1 === axes.length;
    const inner = util.sizeFromShape(x.shape.slice(last + 1));
    if (x.dtype !== "float32" || !block || inner === 1) return original.kernelFunc(args);
    const c = new Ctx(backend, backendName);
    const outer = util.sizeFromShape(x.shape.slice(0, first)),
      reduced = util.sizeFromShape(x.shape.slice(first, last + 1));
    const shape = keepDims
      ? x.shape.map((d, i) => (i >= first && i <= last ? 1 : d))
      : x.shape.filter((_, i) => i < first || i > last);
    const out = c.alloc(shape);
    const xs = c.f32(x),
      o = c.f32(out);
    const acc = new Float64Array(inner);
    const scale = kernelName === "Mean" ? 1 / reduced : 1;
    for (let a = 0, i = 0; a < outer; a++) {
      acc.fill(0);
      for (let r = 0; r < reduced; r++) for (let j = 0; j < inner; j++, i++) acc[j] += xs[i];
      for (let j = 0; j < inner; j++) o[a * inner + j] = acc[j] * scale;
    }
    return out;
  };
  return { kernelName, backendName, kernelFunc, setupFunc: original.setupFunc, disposeFunc: original.disposeFunc };
}
