// A model used as a layer of another model (or in `.pipe(...)`): its shape rule. A `sequential(...)`
// or a one-input `graph(...)` is a layer by type: its `"~rule"` is one of the rules here, which the
// walker applies as any layer's. Twin: src/model/model-as-layer.ts.
import type { SequentialRule } from "../families/blocks/blocks.types.ts";
import type { ShapeRule, UnknownShape } from "../../types/model/layer.ts";
import type { Shape, ShowShape } from "../../types/shape/dims.ts";

/** How a model is named in messages: `netD (sequential)`, or `sequential(5 layers)` / `graph` when it has no name. */
export type ModelText<Name extends string, Kind extends string, Unnamed extends string> = Name extends ""
  ? Unnamed
  : `${Name} (${Kind})`;

/** The message of a model used after a layer whose output is not the model's input. */
export type writeModelInputMessage<Model extends string, In extends Shape> = `${Model}: expects input ${ShowShape<In>}`;

/** The message of a graph that has not one input and one output, used as a layer. */
export type writeModelArityMessage<
  Model extends string,
  Inputs extends number,
  Outputs extends number,
> = `${Model}: a model used as a layer has one input and one output (this one has ${Inputs} and ${Outputs})`;

/**
 * One dimension of the input fits the model's: the model's is unknown (`number`) or a name (any size:
 * so a model whose batch is unknown or named fits any batch), or the size given is unknown (checked
 * when the model is built), or both are the same size. A name given where the model wants a size does not fit.
 */
type DimFits<Want, Got> = Want extends string
  ? true
  : number extends Want
    ? true
    : Got extends string
      ? false
      : number extends Got
        ? true
        : Got extends Want
          ? true
          : false;

/** The input fits the model's input shape, dimension by dimension (same rank). */
type Fits<In, S> = In extends readonly [infer A, ...infer RestIn]
  ? S extends readonly [infer B, ...infer RestS]
    ? DimFits<A, B> extends true
      ? Fits<RestIn, RestS>
      : false
    : false
  : S extends readonly []
    ? true
    : false;

/**
 * A `sequential(...)` used as a layer: the input must fit the model's input shape; then the model's
 * layers are applied to it (the output has the input's batch and named dims; a layer that does not
 * fit where the model's input left a size unknown is `netD (sequential), layer 3: …`). Layers that
 * are not a tuple (a model declared as a type): the model's declared output.
 */
export type SequentialAsLayerRule<
  Model extends string,
  In extends Shape,
  Out,
  Layers extends readonly unknown[],
  S,
> = S extends Shape
  ? number extends S["length"] | In["length"]
    ? UnknownShape // the input's rank or the model's is unknown: checked when the model is built
    : Fits<In, S> extends true
      ? SequentialRule<Model, Layers, S> extends infer Output
        ? Output extends UnknownShape
          ? Out
          : Output
        : never
      : writeModelInputMessage<Model, In>
  : never;

/** The shape rule of a sequential model used as a layer. */
export interface SequentialAsLayer<
  Model extends string,
  In extends Shape,
  Out,
  Layers extends readonly unknown[],
> extends ShapeRule {
  readonly "~output": SequentialAsLayerRule<Model, In, Out, Layers, this["~input"]>;
}

/** A dimension of the graph's output: a name of its input is the size the input has there. */
type Renamed<D, In, S> = D extends string
  ? In extends readonly [infer A, ...infer RestIn]
    ? S extends readonly [infer B, ...infer RestS]
      ? [A] extends [D]
        ? B
        : Renamed<D, RestIn, RestS>
      : D
    : D
  : D;

/**
 * A one-input, one-output `graph(...)` used as a layer: the input must fit the graph's input shape;
 * the output is the graph's output, its named dimensions those the input has.
 */
export type GraphAsLayerRule<
  Model extends string,
  Ins extends readonly Shape[],
  Outs extends readonly Shape[],
  S,
> = S extends Shape
  ? Ins extends readonly [infer In extends Shape]
    ? Outs extends readonly [infer Out extends Shape]
      ? number extends S["length"] | In["length"]
        ? UnknownShape
        : Fits<In, S> extends true
          ? { -readonly [K in keyof Out]: Renamed<Out[K], In, S> }
          : writeModelInputMessage<Model, In>
      : writeModelArityMessage<Model, Ins["length"], Outs["length"]>
    : writeModelArityMessage<Model, Ins["length"], Outs["length"]>
  : never;

/** The shape rule of a graph used as a layer. */
export interface GraphAsLayer<
  Model extends string,
  Ins extends readonly Shape[],
  Outs extends readonly Shape[],
> extends ShapeRule {
  readonly "~output": GraphAsLayerRule<Model, Ins, Outs, this["~input"]>;
}
