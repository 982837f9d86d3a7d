import type { Shape } from "../shape/dims.ts";
import type { Apply, Layer, OriginsAfter, StepMessage, UnknownShape } from "./layer.ts";
import type { Successor } from "./successor.ts";

/** The message for an argument of `sequential` that is not a layer (a builder passed uncalled: `nn.relu`). */
export type writeNotALayerMessage = "not a layer: a layer is what a builder returns, as in nn.relu()";

/**
 * Applies the layers in order: `{ output }`, or `{ index, message }` for the first layer that does
 * not fit. Where the compiler cannot know the shape from some layer on (`{ output: Shape; unknownFrom }`):
 * layers spread from an array that is not a tuple (`...blocks` of `AnyLayer[]`: the walk checks the
 * layers before it, and none after), or a block whose own layers are such an array; the model is then
 * checked when it is built; on an input whose shape is unknown (`Shape`: `.pipe` after such an array),
 * every layer is checked when built.
 *
 * It runs on shapes alone, one tail-recursive step per layer; where a layer does not fit, the walk is redone keeping where every dimension comes from, which the message shows
 * (`(input [number, 64·12·12 = 9216])`): tracking that on every step would cost a quarter of the walk.
 */
export type Walk<Input extends Shape, Layers extends readonly unknown[]> = number extends Input["length"]
  ? Unknown<0> // an input whose shape is unknown (`Shape`, after an array): nothing to check
  : Shapes<Input, Layers, Input>;

// The next index is read from the table's index signature (`Next`): `Successor[Index & keyof Successor]`
// would intersect with a union of 1,024 keys at every step, and `Index extends keyof Successor` makes
// every new checker create those 1,024 number literal types once (~2,000 types, as many as the rest of a model).
//
// Rules give a shape or a message (a string). The step tests for `object`, which the compiler answers
// from the type's kind alone: relating each new tuple to `Shape` instead made it build the tuple's
// members (Array's forty methods), a fifth of the walk. An object that is not a shape (an arithmetic
// `Invalid`) is caught once, at the end, and the walk with origins looks for its layer.
type Shapes<
  S,
  Layers extends readonly unknown[],
  Input extends Shape,
  Index extends number = 0,
> = Index extends Layers["length"]
  ? number extends Layers["length"]
    ? OpenWalk<Input, Layers>
    : [S] extends [Shape]
      ? { readonly output: S }
      : WalkWithOrigins<Layers, Input, [], -1>
  : Layers[Index] extends infer L extends Layer
    ? Apply<L, S> extends object
      ? Shapes<Apply<L, S>, Layers, Input, Next<Index>>
      : Apply<L, S> extends UnknownShape
        ? Unknown<Index>
        : WalkWithOrigins<Layers, Input, [], Index>
    : { readonly index: Index; readonly message: writeNotALayerMessage };

/** The result of a walk whose shape is unknown from layer `From` on (the layers there are checked when the model is built). */
type Unknown<From extends number> = { readonly output: Shape; readonly unknownFrom: From };

/**
 * Layers that are not a tuple (`[Conv2d, ...AnyLayer[], Flatten]`: an array spread among them): the
 * layers before the array are walked; from the array on, the shape is unknown.
 */
type OpenWalk<Input extends Shape, Layers extends readonly unknown[]> = unknown[] extends Layers
  ? Unknown<0> // no layer known (the compiler asks with `unknown[]` while it infers a `.pipe` call): as Prefix's `[]` gives
  : Prefix<Layers> extends infer Known extends readonly unknown[]
    ? Shapes<Input, Known, Input> extends infer Result
      ? Result extends { readonly unknownFrom: number } | { readonly message: unknown }
        ? Result
        : Unknown<Known["length"]>
      : never
    : never;

/** The layers before the first element whose position is not fixed. */
export type Prefix<Layers extends readonly unknown[], Known extends unknown[] = []> = Layers extends readonly [
  infer First,
  ...infer Rest,
]
  ? Prefix<Rest, [...Known, First]>
  : Known;

/**
 * The walk again, carrying each dimension's origin, up to the layer `Failing` (found by Shapes), whose
 * message it writes. The shapes before it are the ones Shapes computed (the compiler has them cached).
 * `Failing` -1: a layer gave an object that is not a shape; every output is checked to find it.
 */
type WalkWithOrigins<
  Layers extends readonly unknown[],
  S,
  Origins extends readonly string[],
  Failing extends number,
  Index extends number = 0,
> = Index extends Layers["length"]
  ? { readonly output: S }
  : Layers[Index] extends infer L extends Layer
    ? Index extends Failing
      ? { readonly index: Index; readonly message: StepMessage<L, S, Origins> }
      : Apply<L, S> extends infer Out
        ? Failing extends -1
          ? Out extends Shape
            ? WalkWithOrigins<Layers, Out, OriginsAfter<L, S, Out, Origins>, Failing, Next<Index>>
            : { readonly index: Index; readonly message: StepMessage<L, S, Origins, Out> }
          : WalkWithOrigins<Layers, Out, OriginsAfter<L, S, Out, Origins>, Failing, Next<Index>>
        : never
    : { readonly index: Index; readonly message: writeNotALayerMessage };

type Next<Index extends number> = Successor[Index];

/**
 * Every layer's output shape in order (`ShapeTrace`, and `Sequential`'s `"~trace"` that the editor plugin reads),
 * up to the first layer that does not fit. Where the shapes become unknown (a layer whose output is unknown, an
 * array of layers that is not a tuple, see Walk), it ends with `...Shape[]`. The same `Apply` steps as `Shapes`,
 * so after a model was checked the compiler finds them in its cache.
 */
export type Trace<S, Layers extends readonly unknown[]> = number extends Layers["length"]
  ? [...TraceSteps<S, Prefix<Layers>>, ...Shape[]]
  : TraceSteps<S, Layers>;
type TraceSteps<
  S,
  Layers extends readonly unknown[],
  Shapes extends readonly unknown[] = [],
  Index extends number = 0,
> = Index extends Layers["length"]
  ? Shapes
  : Layers[Index] extends infer L extends Layer
    ? Apply<L, S> extends object
      ? TraceSteps<Apply<L, S>, Layers, [...Shapes, Apply<L, S>], Next<Index>>
      : Apply<L, S> extends UnknownShape
        ? [...Shapes, ...Shape[]]
        : Shapes
    : Shapes;

/**
 * The layers as a parameter list: each layer itself, except the first that does not fit, which becomes
 * its message. (While the compiler infers a builder call among the arguments, it asks for this with
 * the layers not known yet, `never`: answered without a walk.)
 */
export type CheckedLayers<Input extends Shape, Layers extends readonly unknown[]> = [Layers] extends [never]
  ? Layers
  : Walk<Input, Layers> extends { readonly index: infer Index extends number; readonly message: infer Message }
    ? { [K in keyof Layers]: K extends `${Index}` ? Message : Layers[K] }
    : Layers;

/**
 * `.pipe`'s parameter list: `CheckedLayers`, except on a tensor whose shape is a type parameter (inside a
 * function generic over its shape, `<S extends Shape>(x: Symbolic<S>) => x.pipe(nn.relu())`), where the
 * layers are accepted, and walked where the function is called with a shape (the output is that walk's).
 * (`sequential` keeps `CheckedLayers`: there an input typed `never`, as tests write `input(shape as never)`,
 * would make the access below `never`.)
 */
export type PipedLayers<Input extends Shape, Layers extends readonly unknown[]> = [Layers] extends [never]
  ? Layers
  : { known: CheckedLayers<Input, Layers>; generic: Layers }[WhenShapeParameter<Input>];
/**
 * `"generic"` for an input shape that is a type parameter, `"known"` for a tuple (the test of `Problem` in
 * src/ops/common.ts, as a key here: `.pipe`'s parameter list is itself the target). How: the compiler relates
 * the arguments to the access at the key's constraint, which it computes by putting the parameter's
 * constraint, `Shape`, in place of `Input`. An unknown `Shape` is `"generic"` too: the walk accepts every
 * layer on it (`Walk`'s `Unknown<0>`).
 */
type WhenShapeParameter<Input> = Input extends readonly unknown[]
  ? number extends Input["length"]
    ? "generic"
    : "known"
  : "generic";

/** For an F-bounded constraint `Layers extends CheckedLayersAt<…>` (models declared as types). */
export type LayerOrMessage<Input extends Shape, Layers extends readonly unknown[], K> =
  Walk<Input, Layers> extends { readonly index: infer Index extends number; readonly message: infer Message }
    ? K extends `${Index}`
      ? Message
      : Layers[K & keyof Layers]
    : Layers[K & keyof Layers];
