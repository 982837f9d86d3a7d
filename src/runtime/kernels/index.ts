// Registers our gradient kernels for a backend: the ones it lacks and the ones
// it has but runs slowly. Replaced kernels are kept (tests compare against them).
import { getKernel, registerKernel, unregisterKernel, type KernelConfig } from "@tensorflow/tfjs-core";
import { avgPoolGradConfig } from "./avg-pool-grad.ts";
import { matMulConfig } from "./batch-matmul.ts";
import { castConfig } from "./cast.ts";
import { conv2DBackpropFilterConfig } from "./conv2d-backprop-filter.ts";
import { conv2DBackpropInputConfig } from "./conv2d-backprop-input.ts";
import { depthwiseBackpropFilterConfig } from "./depthwise-backprop-filter.ts";
import { depthwiseBackpropInputConfig } from "./depthwise-backprop-input.ts";
import { identityConfig } from "./identity.ts";
import { maxPoolGradConfig } from "./max-pool-grad.ts";
import { reduceConfig } from "./reduce.ts";
import { resizeNearestGradConfig } from "./resize-nearest-grad.ts";
import { unsortedSegmentSumConfig } from "./unsorted-segment-sum.ts";

type Factory = (backendName: string, original: KernelConfig | undefined) => KernelConfig;

const KERNELS: Record<string, Array<[string, Factory]>> = {
  wasm: [
    ["Conv2DBackpropFilter", conv2DBackpropFilterConfig], // missing
    ["Conv2DBackpropInput", conv2DBackpropInputConfig], // a naive loop
    ["DepthwiseConv2dNativeBackpropFilter", depthwiseBackpropFilterConfig], // missing
    ["DepthwiseConv2dNativeBackpropInput", depthwiseBackpropInputConfig], // missing
    ["UnsortedSegmentSum", unsortedSegmentSumConfig], // missing (gradient of gather, embedding)
    ["BatchMatMul", (b, original) => matMulConfig("BatchMatMul", b, original!)], // transposes hit a naive loop
    ["_FusedMatMul", (b, original) => matMulConfig("_FusedMatMul", b, original!)],
    ["MaxPoolGrad", maxPoolGradConfig], // a naive loop
    ["AvgPoolGrad", avgPoolGradConfig], // a naive loop
    ["ResizeNearestNeighborGrad", resizeNearestGradConfig], // a naive loop (upSampling2d)
    ["Sum", (b, original) => reduceConfig("Sum", b, original!)], // transposes first unless reducing innermost axes
    ["Mean", (b, original) => reduceConfig("Mean", b, original!)], // idem
    ["Identity", (b, original) => identityConfig(b, original!)], // copies
    ["Cast", (b, original) => castConfig(b, original!)], // copies, also to the same dtype
  ],
  cpu: [
    ["Conv2DBackpropFilter", conv2DBackpropFilterConfig], // a naive loop
    ["Conv2DBackpropInput", conv2DBackpropInputConfig], // a naive loop
  ],
};

const replaced = new Map<string, KernelConfig>();
const ours = new Set<string>();

/** Registers our kernels for `backendName` (none for "tensorflow"); returns their names. Idempotent. */
export function registerKernels(backendName: string): string[] {
  const names: string[] = [];
  for (const [name, factory] of KERNELS[backendName] ?? []) {
    const key = `${name}/${backendName}`;
    names.push(name);
    if (ours.has(key)) continue;
    const original = getKernel(name, backendName);
    if (original) {
      replaced.set(key, original);
      unregisterKernel(name, backendName);
    }
    registerKernel(factory(backendName, original));
    ours.add(key);
  }
  return names;
}

/** The kernel that ours replaced, if any (the backend's own implementation). */
export function originalKernel(name: string, backendName: string): KernelConfig | undefined {
  return replaced.get(`${name}/${backendName}`);
}
