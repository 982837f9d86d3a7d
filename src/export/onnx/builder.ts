// An ONNX graph being written: nodes, initializers (weights) and fresh value names, then the
// ModelProto (onnx.proto's field numbers below). IR version 8, opset 17.
import { encode, type Message } from "./protobuf.ts";

export const opset = 17;
const FLOAT = 1;
const INT64 = 7;

export type Attribute = number | readonly number[] | { float: number } | string | { strings: readonly string[] };

/** A tensor given to toOnnx: a tf.Tensor (anything with dataSync()), or `{ shape, data }` (decodeSafetensors' tensors). */
export type WeightLike =
  | { readonly shape: readonly number[]; dataSync(): ArrayLike<number> }
  | { readonly shape: readonly number[]; readonly data: ArrayLike<number> | BigInt64Array };

export class OnnxGraph {
  readonly nodes: Message[] = [];
  readonly initializers: Message[] = [];
  private count = 0;

  /** A new value name, readable: `3.conv2d_0`. */
  fresh(hint: string): string {
    return `${hint}_${this.count++}`;
  }

  /** Adds a node; returns its (first) output's name. */
  node(op: string, inputs: readonly string[], attributes: Readonly<Record<string, Attribute>> = {}, hint = op): string {
    return this.nodeOutputs(op, inputs, 1, attributes, hint)[0]!;
  }

  /** Adds a node with `count` outputs (LSTM's Y, Y_h, Y_c); an input "" is an optional input left out. */
  nodeOutputs(
    op: string,
    inputs: readonly string[],
    count: number,
    attributes: Readonly<Record<string, Attribute>> = {},
    hint = op,
  ): string[] {
    const outputs = Array.from({ length: count }, (_, i) =>
      i === 0 ? this.fresh(hint) : this.fresh(`${hint}_out${i}`),
    );
    const fields: [number, Message[number][1]][] = [
      ...inputs.map((i) => [1, i] as [number, string]),
      ...outputs.map((o) => [2, o] as [number, string]),
      [3, outputs[0]!],
      [4, op],
    ];
    for (const [name, value] of Object.entries(attributes)) fields.push([5, attribute(name, value)]);
    this.nodes.push(fields);
    return outputs;
  }

  private readonly named = new Set<string>();

  /** A float32 initializer (a name given twice is the same weight, written once: a model used as a layer twice). */
  floats(name: string, shape: readonly number[], data: ArrayLike<number>): string {
    if (this.named.has(name)) return name;
    this.named.add(name);
    const raw = new Uint8Array(Float32Array.from(data).buffer);
    this.initializers.push([...shape.map((d) => [1, d] as [number, number]), [2, FLOAT], [8, name], [9, raw]]);
    return name;
  }

  /** An int64 initializer (shapes, axes), 1-d; `scalar`: of shape [] (one value, Gather's index that drops the axis). */
  ints(name: string, values: readonly number[], scalar = false): string {
    const raw = new Uint8Array(BigInt64Array.from(values, (v) => BigInt(v)).buffer);
    this.initializers.push([...(scalar ? [] : [[1, values.length] as const]), [2, INT64], [8, name], [9, raw]]);
    return name;
  }

  /** A scalar float constant. */
  scalar(value: number): string {
    return this.floats(this.fresh("const"), [], [value]);
  }

  /** The ModelProto's bytes. */
  model(inputs: readonly ValueInfo[], outputs: readonly ValueInfo[], name: string): Uint8Array {
    const graph: Message = [
      ...this.nodes.map((n) => [1, n] as const),
      [2, name],
      ...this.initializers.map((t) => [5, t] as const),
      ...inputs.map((v) => [11, valueInfo(v)] as const),
      ...outputs.map((v) => [12, valueInfo(v)] as const),
    ];
    return encode([
      [1, 8],
      [2, "shapecheck"],
      [3, "0.1.0"],
      [7, graph],
      [
        8,
        [
          [1, ""],
          [2, opset],
        ],
      ],
    ]);
  }
}

/** A graph input or output: its name and dims (numbers, or names: ONNX symbolic dims). */
export interface ValueInfo {
  readonly name: string;
  readonly dims: readonly (number | string)[];
}

const valueInfo = (v: ValueInfo): Message => [
  [1, v.name],
  [
    2,
    [
      [
        1,
        [
          [1, FLOAT],
          [2, v.dims.map((d) => [1, typeof d === "number" ? [[1, d]] : [[2, d]]] as const)],
        ],
      ],
    ],
  ],
];

function attribute(name: string, value: Attribute): Message {
  if (typeof value === "string")
    return [
      [1, name],
      [4, value],
      [20, 3],
    ];
  if (typeof value === "number")
    return [
      [1, name],
      [3, value],
      [20, 2],
    ];
  if ("strings" in value) return [[1, name], ...value.strings.map((v) => [9, v] as const), [20, 8]];
  if ("float" in value)
    return [
      [1, name],
      [2, value],
      [20, 1],
    ];
  return [[1, name], ...(value as readonly number[]).map((v) => [8, v] as const), [20, 7]];
}

/** A weight's values as numbers (tf.Tensor or plain data). */
export function valuesOf(weight: WeightLike): ArrayLike<number> {
  if ("dataSync" in weight) return weight.dataSync();
  const data = weight.data;
  return data instanceof BigInt64Array ? Array.from(data, Number) : data;
}
