// Blocks that hold layers of their own: residual (output must equal input, or a projection's
// output) and concat (branches on the same input, joined along a dim). Twin: src/families/blocks/blocks.nn.ts.
import type { ConcatShapes, EqualShapes } from "../../../types/shape/join.ts";
import type { Shape } from "../../../types/shape/dims.ts";
import type { UnknownShape } from "../../../types/model/layer.ts";
import type { Walk } from "../../../types/model/walk.ts";

/** The message of a layer inside a block, prefixed with where it is. */
export type writeInnerMessage<
  Block extends string,
  Index extends number,
  Message extends string,
> = `${Block}, layer ${Index}: ${Message}`;

/**
 * The output of layers on an input, or the message of the first that does not fit, prefixed with the
 * block; `UnknownShape` when the layers are an array that is not a tuple (checked when built).
 */
type Run<Block extends string, Input extends Shape, Layers extends readonly unknown[]> =
  Walk<Input, Layers> extends infer Result
    ? Result extends { readonly unknownFrom: number }
      ? UnknownShape
      : Result extends { readonly output: infer Output }
        ? Output
        : Result extends { readonly index: infer Index extends number; readonly message: infer Message extends string }
          ? writeInnerMessage<Block, Index, Message>
          : never
    : never;

/**
 * Residual: the block's output (or the projection's) must equal its input; the sum has that shape.
 * Where the block's layers (or the projection's) are an array that is not a tuple, that equality is
 * checked when the model is built, and the sum has the shape of the other side.
 */
export type ResidualRule<
  Block extends string,
  Layers extends readonly unknown[],
  Projection extends readonly unknown[],
  Input,
> = Input extends Shape
  ? Run<Block, Input, Layers> extends infer Main
    ? Main extends Shape
      ? Projection extends readonly []
        ? EqualShapes<Block, "the block's output", Main, "its input", Input>
        : Run<`${Block} projection`, Input, Projection> extends infer Shortcut
          ? Shortcut extends Shape
            ? EqualShapes<Block, "the block's output", Main, "the projection's output", Shortcut>
            : Shortcut extends UnknownShape
              ? Main
              : Shortcut
          : never
      : Main extends UnknownShape
        ? Projection extends readonly []
          ? Input
          : Run<`${Block} projection`, Input, Projection> extends infer Shortcut
            ? Shortcut extends UnknownShape
              ? Input
              : Shortcut
            : never
        : Main
    : never
  : never;

/** Every branch's output on the same input, or the first message. */
type RunBranches<
  Block extends string,
  Input extends Shape,
  Branches extends readonly unknown[],
  Outputs extends Shape[] = [],
  Index extends unknown[] = [],
> = Branches extends readonly [infer Branch extends readonly unknown[], ...infer Rest]
  ? Run<`${Block} branch ${Index["length"]}`, Input, Branch> extends infer Output
    ? Output extends Shape
      ? RunBranches<Block, Input, Rest, [...Outputs, Output], [...Index, 0]>
      : Output
    : never
  : Branches extends readonly []
    ? Outputs
    : UnknownShape;

/**
 * Concat: branches on the same input, joined along `D`; every other dimension must agree. A branch
 * that is an array of layers, not a tuple (or branches that are an array), makes the output unknown.
 */
export type ConcatRule<
  Block extends string,
  D extends number,
  Branches extends readonly unknown[],
  Input,
> = Input extends Shape
  ? RunBranches<Block, Input, Branches> extends infer Outputs
    ? Outputs extends readonly Shape[]
      ? ConcatShapes<Block, D, Outputs>
      : Outputs
    : never
  : never;

/**
 * Nested sequential (PyTorch's nn.Sequential inside a model): its layers one after the other on the
 * block's input; a layer that does not fit is reported as `sequential(n layers), layer i: …`. Layers
 * that are an array, not a tuple, make the output unknown (checked when the model is built).
 */
export type SequentialRule<Block extends string, Layers extends readonly unknown[], Input> = Input extends Shape
  ? Run<Block, Input, Layers>
  : never;
