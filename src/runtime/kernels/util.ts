// Helpers shared by the kernels: run another kernel of the same backend by
// name, free intermediate results, and read/write float32 data in place.
import { getKernel, util, type DataId, type KernelBackend, type NamedAttrMap, type TensorInfo } from "@tensorflow/tfjs-core";

// The parts of the wasm and cpu backends the kernels use (not in the public typings).
type WasmLike = KernelBackend & {
  makeOutput(shape: number[], dtype: string): TensorInfo;
  typedArrayFromHeap(t: TensorInfo): Float32Array;
};
type CpuLike = KernelBackend & {
  makeTensorInfo(shape: number[], dtype: string, values?: Float32Array): TensorInfo;
  data: { get(id: DataId): { values: Float32Array } };
};

export class Ctx {
  constructor(readonly backend: KernelBackend, readonly backendName: string) {}

  /** Runs the kernel `name` of this backend (ours if we replaced it). */
  run(name: string, inputs: Record<string, TensorInfo> | TensorInfo[], attrs: NamedAttrMap = {}): TensorInfo {
    const kernel = getKernel(name, this.backendName);
    if (kernel == null) throw new Error(`shapecheck: kernel ${name} missing on backend ${this.backendName}`);
    return kernel.kernelFunc({ inputs: inputs as any, backend: this.backend, attrs }) as TensorInfo;
  }

  reshape(x: TensorInfo, shape: number[]): TensorInfo {
    return this.run("Reshape", { x }, { shape });
  }

  transpose(x: TensorInfo, perm: number[]): TensorInfo {
    return this.run("Transpose", { x }, { perm });
  }

  /** a·b for 2-D a [m,k] and b [k,n] (batch dims of 1 hit the wasm XNNPACK path). */
  matMul(a: TensorInfo, b: TensorInfo, transposeA = false, transposeB = false): TensorInfo {
    return this.run("BatchMatMul", { a, b }, { transposeA, transposeB });
  }

  free(...ts: TensorInfo[]): void {
    for (const t of ts) this.backend.disposeData(t.dataId);
  }

  /** A new float32 tensor; its contents are garbage until written. */
  alloc(shape: number[]): TensorInfo {
    if (this.backendName === "wasm") return (this.backend as WasmLike).makeOutput(shape, "float32");
    return (this.backend as CpuLike).makeTensorInfo(shape, "float32", new Float32Array(util.sizeFromShape(shape)));
  }

  /** A live view of a float32 tensor's data. On wasm take it after the last
   * alloc: growing the heap detaches older views. */
  f32(t: TensorInfo): Float32Array {
    if (this.backendName === "wasm") return (this.backend as WasmLike).typedArrayFromHeap(t);
    return (this.backend as CpuLike).data.get(t.dataId).values;
  }
}

export type Pads = { top: number; bottom: number; left: number; right: number };
