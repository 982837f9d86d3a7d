// Helpers shared by the kernels: run another kernel of the same backend by
// name, free intermediate results, and read/write float32 data in place.
import {
  getKernel,
  util,
  type DataId,
  type KernelBackend,
  type NamedAttrMap,
  type TensorInfo,
} from "@tensorflow/tfjs-core";

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
  readonly backend: KernelBackend;
  constructor(
    backend: object,
    readonly backendName: string,
  ) {
    this.backend = backend as KernelBackend;
  }

  /** Runs the kernel `name` of this backend (ours if we replaced it). */
  run(name: string, inputs: Record<string, TensorInfo> | TensorInfo[], attrs: NamedAttrMap = {}): TensorInfo {
    const kernel = getKernel(name, this.backendName);
    if (kernel == null) throw new Error(`shapecheck: kernel ${name} missing on backend ${this.backendName}`);
    return kernel.kernelFunc({ inputs: inputs as any, backend: this.backend, attrs }) as TensorInfo;
  }

  reshape(x: TensorInfo, shape: number[]): TensorInfo {
    return this.run("Reshape", { x }, { shape });
  }

  /** reshape that also releases its input. */
  reshapeOwned(x: TensorInfo, shape: number[]): TensorInfo {
    const out = this.reshape(x, shape);
    this.free(x);
    return out;
  }

  /** A copy of entry i of a [batch, ...] tensor, as [1, ...]. */
  entry(x: TensorInfo, i: number): TensorInfo {
    const size = util.sizeFromShape(x.shape.slice(1));
    const out = this.alloc([1, ...x.shape.slice(1)]);
    this.f32(out).set(this.f32(x).subarray(i * size, (i + 1) * size));
    return out;
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
  alloc(shape: number[], dtype: "float32" | "int32" = "float32"): TensorInfo {
    if (this.backendName === "wasm") return (this.backend as WasmLike).makeOutput(shape, dtype);
    const size = util.sizeFromShape(shape);
    return (this.backend as CpuLike).makeTensorInfo(
      shape,
      dtype,
      dtype === "int32" ? (new Int32Array(size) as any) : new Float32Array(size),
    );
  }

  /** A live view of a float32 tensor's data. On wasm take it after the last
   * alloc: growing the heap detaches older views. */
  f32(t: TensorInfo): Float32Array {
    return this.view(t) as Float32Array;
  }

  /** Same as f32, for float32 or int32 data. */
  view(t: TensorInfo): Float32Array | Int32Array {
    if (this.backendName === "wasm") return (this.backend as WasmLike).typedArrayFromHeap(t);
    return (this.backend as CpuLike).data.get(t.dataId).values;
  }
}
