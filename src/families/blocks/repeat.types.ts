// nn.repeat's shape rule: a block applied n times, one copy after the other. Twin: repeat.nn.ts.
import type { Shape } from "../../../types/shape/dims.ts";
import type { UnknownShape } from "../../../types/model/layer.ts";
import type { Walk } from "../../../types/model/walk.ts";

/** The message of a layer inside one copy: `repeat(3, 2 layers), copy 2, layer 0: …`. */
export type writeRepeatMessage<
  Block extends string,
  Copy extends number,
  Index extends number,
  Message extends string,
> = `${Block}, copy ${Copy}, layer ${Index}: ${Message}`;

/** One copy of the block on a shape: its output, the message of the layer that does not fit, or `UnknownShape`. */
type RunCopy<Block extends string, Copy extends number, Input extends Shape, Layers extends readonly unknown[]> =
  Walk<Input, Layers> extends infer Result
    ? Result extends { readonly unknownFrom: number }
      ? UnknownShape
      : Result extends { readonly output: infer Output }
        ? Output
        : Result extends { readonly index: infer Index extends number; readonly message: infer Message extends string }
          ? writeRepeatMessage<Block, Copy, Index, Message>
          : never
    : never;

/**
 * The block applied `N` times. A copy whose output equals its input (the usual case: ResNet's blocks
 * after the first of a stage) gives the same output to every later copy, so the walk stops there: the
 * compiler checks the block once per distinct shape, not `N` times. With `N` unknown (`number`), a block
 * that changes the shape makes the output unknown (checked when built).
 *
 * @example
 * type Out = RepeatRule<"repeat(3, 1 layers)", 3, [ReLU], [number, 8]>; //=> [number, 8]
 */
export type RepeatRule<
  Block extends string,
  N extends number,
  Layers extends readonly unknown[],
  Input,
  Copies extends unknown[] = [0],
> = Input extends Shape
  ? RunCopy<Block, Copies["length"], Input, Layers> extends infer Output
    ? Output extends Shape
      ? Copies["length"] extends N
        ? Output
        : [Output, Input] extends [Input, Output]
          ? Output
          : number extends N
            ? UnknownShape
            : RepeatRule<Block, N, Layers, Output, [...Copies, 0]>
      : Output
    : never
  : never;
