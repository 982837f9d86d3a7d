// nn.repeat(n, ...block): n copies of a block, one after the other (torchvision's
// `nn.Sequential(*[Block(...) for _ in range(n)])`), each with weights of its own.
import type { RepeatRule } from "./repeat.types.ts";
import type { Layer, ShapeRule } from "../../../types/model/layer.ts";
import type { Arg, FirstSizeProblem } from "../../../types/shape/args.ts";
import { checkSizes } from "../../shape/args.ts";
import type { RuntimeShape } from "../../shape/dims.ts";
import type { AnyLayer, RuntimeLayer } from "../../model/layer.ts";
import { walk } from "../../model/walk.ts";
import { run } from "./blocks.nn.ts";

/** `nn.repeat(n, ...layers)`: the layers applied n times, each copy with its own weights. */
export interface Repeat<N extends number, Layers extends readonly AnyLayer[]> extends Layer, RuntimeLayer {
  readonly kind: "nestedSequential";
  readonly repeat: N;
  readonly block: Layers;
  readonly "~rule": RepeatShapeRule<N, Layers>;
}
/** The shape rule of Repeat. */
export interface RepeatShapeRule<N extends number, Layers extends readonly AnyLayer[]> extends ShapeRule {
  readonly "~output": RepeatRule<`repeat(${N}, ${CountOf<Layers>} layers)`, N, Layers, this["~input"]>;
}
type CountOf<Items extends readonly unknown[]> = number extends Items["length"] ? "n" : Items["length"];

/** A deep copy of a layer's runtime object: the same settings, another object (other weights), nested layers copied too. */
export function copyLayer<L>(layer: L): L {
  if (typeof layer !== "object" || layer === null) return layer;
  const copy: Record<string, unknown> = { ...(layer as Record<string, unknown>) };
  for (const key of ["layers", "projection", "branches", "block"]) {
    const value = copy[key];
    if (Array.isArray(value))
      copy[key] = value.map((item) => (Array.isArray(item) ? item.map(copyLayer) : copyLayer(item)));
  }
  return copy as L;
}

/**
 * `n` copies of a block (one layer or several), one after the other, each with weights of its own:
 * a ResNet stage's identical blocks, a Transformer's stack of encoder layers. The compiler checks the
 * block once per distinct shape (a copy that keeps the shape gives the same to the next), so the cost
 * is about one block's. A layer that does not fit is named `repeat(3, 2 layers), copy 2, layer 0: …`.
 * Converted as PyTorch's nested `nn.Sequential` of the copies (each copy of several layers an
 * `nn.Sequential` of its own: parameters `<index>.<copy>.<layer>.weight`).
 *
 * @example
 * nn.repeat(3, nn.conv2d(64, 64, 3, 1, 1), nn.relu()); // [n, 64, 56, 56] → [n, 64, 56, 56]
 */
export function repeat<const N extends number, const Layers extends readonly AnyLayer[]>(
  n: Arg<N, FirstSizeProblem<`repeat(${N & number}, ${CountOf<Layers>} layers)`, ["n"], [N]>>,
  ...layers: Layers
): Repeat<N, Layers> {
  const block = `repeat(${n as number}, ${layers.length} layers)`;
  checkSizes(block, { n });
  const count = n as number;
  const inner = layers as readonly RuntimeLayer[];
  const copies: RuntimeLayer[] = [];
  for (let copy = 0; copy < count; copy++) {
    const layersOfCopy = inner.map(copyLayer);
    copies.push(
      layersOfCopy.length === 1
        ? layersOfCopy[0]!
        : ({
            kind: "nestedSequential",
            written: `sequential(${layersOfCopy.length} layers)`,
            layers: layersOfCopy,
            outputShape: (input: RuntimeShape) => walk(input, layersOfCopy).at(-1) ?? input,
          } as RuntimeLayer),
    );
  }
  const runtime: RuntimeLayer & Record<string, unknown> = {
    kind: "nestedSequential",
    written: block,
    repeat: count,
    block: inner,
    layers: copies,
    outputShape: (input: RuntimeShape) => {
      let shape = input;
      // twin of writeRepeatMessage: a copy's layer is named as a block's, the copy's number after the block
      for (let copy = 1; copy <= count; copy++) shape = run(`${block}, copy ${copy}`, shape, inner);
      return shape;
    },
  };
  return runtime as never;
}
