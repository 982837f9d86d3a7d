// Cast for wasm: a cast to the same dtype shares the buffer instead of
// copying it (the relu gradient casts a float32 step to float32: ~3 ms per
// MNIST step). Other casts use the original kernel.
import type { KernelConfig, KernelFunc, TensorInfo } from "@tensorflow/tfjs-core";

export function castConfig(backendName: string, original: KernelConfig): KernelConfig {
  const kernelFunc: KernelFunc = (args) => {
    const { x } = args.inputs as { x: TensorInfo };
    if ((args.attrs as { dtype: string }).dtype !== x.dtype) return original.kernelFunc(args);
    (args.backend as { incRef(dataId: object): void }).incRef(x.dataId);
    return { dataId: x.dataId, shape: x.shape, dtype: x.dtype };
  };
  return { kernelName: "Cast", backendName, kernelFunc, setupFunc: original.setupFunc };
}
