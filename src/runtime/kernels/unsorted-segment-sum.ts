// UnsortedSegmentSum, missing on wasm; it is the gradient of gather (so of
// embedding layers). out[ids[i]] += x[i]; ids outside [0, numSegments) are dropped.
import { util, type KernelConfig, type KernelFunc, type TensorInfo } from "@tensorflow/tfjs-core";
import { Ctx } from "./util.ts";

export function unsortedSegmentSumConfig(backendName: string): KernelConfig {
  const kernelFunc: KernelFunc = ({ inputs, backend, attrs }) => {
    const c = new Ctx(backend, backendName);
    const { x, segmentIds } = inputs as { x: TensorInfo; segmentIds: TensorInfo };
    const numSegments = (attrs as { numSegments: number }).numSegments;
    const inner = util.sizeFromShape(x.shape.slice(segmentIds.shape.length));
    const out = c.alloc([numSegments, ...x.shape.slice(segmentIds.shape.length)], x.dtype as "float32" | "int32");
    const xs = c.view(x),
      ids = c.view(segmentIds),
      o = c.view(out);
    o.fill(0);
    for (let i = 0; i < ids.length; i++) {
      const s = ids[i];
      if (s < 0 || s >= numSegments) continue;
      for (let j = 0, a = s * inner, b = i * inner; j < inner; j++) o[a + j] += xs[b + j];
    }
    return out;
  };
  return { kernelName: "UnsortedSegmentSum", backendName, kernelFunc };
}
