// The few protobuf messages of onnx.proto that an ONNX file needs, written by hand (wire format:
// https://protobuf.dev/programming-guides/encoding/): varints, little-endian floats, and
// length-delimited strings/bytes/messages. A field is [number, value]; a message is a list of fields.

type Value = number | bigint | string | Uint8Array | Message | { float: number };
export type Message = readonly (readonly [field: number, value: Value])[];

class Writer {
  private chunks: number[] = [];
  varint(value: bigint): void {
    let v = BigInt.asUintN(64, value); // negative int64: two's complement, ten bytes
    while (v >= 0x80n) {
      this.chunks.push(Number((v & 0x7fn) | 0x80n));
      v >>= 7n;
    }
    this.chunks.push(Number(v));
  }
  bytes(data: Uint8Array): void {
    this.varint(BigInt(data.length));
    for (const b of data) this.chunks.push(b);
  }
  raw(data: Uint8Array): void {
    for (const b of data) this.chunks.push(b);
  }
  done(): Uint8Array {
    return Uint8Array.from(this.chunks);
  }
}

/** Encodes a message: numbers and bigints as varints, `{ float }` as fixed32, strings UTF-8, nested messages length-delimited. */
export function encode(message: Message): Uint8Array {
  const w = new Writer();
  for (const [field, value] of message) {
    if (typeof value === "number" || typeof value === "bigint") {
      w.varint(BigInt(field) << 3n);
      w.varint(BigInt(value));
    } else if (typeof value === "object" && "float" in value) {
      w.varint((BigInt(field) << 3n) | 5n);
      const f = new Uint8Array(4);
      new DataView(f.buffer).setFloat32(0, value.float, true);
      w.raw(f);
    } else {
      w.varint((BigInt(field) << 3n) | 2n);
      w.bytes(
        typeof value === "string"
          ? new TextEncoder().encode(value)
          : value instanceof Uint8Array
            ? value
            : encode(value as Message),
      );
    }
  }
  return w.done();
}
