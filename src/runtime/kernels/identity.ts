// Identity for wasm without the copy. The engine clones every tensor a
// gradient will need (inputs and outputs of conv, relu, …) through this kernel,
// and the wasm one copies the data: ~10 ms per MNIST step. Tensors are
// immutable, so sharing the buffer (as the cpu backend does) is safe.
import type { KernelConfig, KernelFunc, TensorInfo } from "@tensorflow/tfjs-core";

export function identityConfig(backendName: string, original: KernelConfig): KernelConfig {
  const kernelFunc: KernelFunc = ({ inputs, backend }) => {
    const { x } = inputs as { x: TensorInfo };
    (backend as { incRef(dataId: object): void }).incRef(x.dataId);
    return { dataId: x.dataId, shape: x.shape, dtype: x.dtype };
  };
  return { kernelName: "Identity", backendName, kernelFunc, setupFunc: original.setupFunc };
}
