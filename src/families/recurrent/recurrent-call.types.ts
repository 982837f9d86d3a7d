// The recurrent layers called on symbolic tensors with their states (issue 17), as PyTorch's forward
// (batch first): `lstm.call(input, [hx, cx]?)` → `[output, [h_n, c_n]]`, `gru.call(input, hx?)` and
// `rnn.call(input, hx?)` → `[output, h_n]`, `lstmCell.call(input, [hx, cx]?)` → `[h', c']`,
// `gruCell.call(input, hx?)` and `rnnCell.call(input, hx?)` → `h'`. Shapes:
//   sequence layers: input [batch, seq, inputSize], output [batch, seq, directions·(projSize or hiddenSize)],
//     hx, h_n [numLayers·directions, batch, projSize or hiddenSize], cx, c_n [numLayers·directions, batch, hiddenSize]
//   cells: input [batch, inputSize], hx, cx, h', c' [batch, hiddenSize]
// Each argument is checked on its own (types/model/call.ts); after a mistake every output is unknown.
// Twin: src/families/recurrent/recurrent-call.ts.
import type { Mul } from "../../../types/arith/index.ts";
import type { ArgProblem, FirstArgProblem, IsUnknownArg, KnownOf } from "../../../types/model/call.ts";
import type { Shape } from "../../../types/shape/dims.ts";
import type { Symbolic } from "../../model/symbolic.ts";

type Dim0<S> = S extends readonly [infer D, ...unknown[]] ? D : unknown;
type Dim1<S> = S extends readonly [unknown, infer D, ...unknown[]] ? D : unknown;
type ShapeIn<T> = T extends Symbolic<infer S> ? S : never;
/** A symbolic tensor of shape S (S is a shape whenever the rule's sizes are: the check only satisfies `Symbolic`'s constraint). */
type Sym<S> = S extends Shape ? Symbolic<S> : Symbolic<Shape>;
/** A problem of an earlier argument hides this one's (one mistake, one error). */
export type After<Earlier, Problem> = Earlier extends string ? false : Problem;
/** An LSTM's state given to a call: `[hx, cx]`, or `undefined` (zeros). */
export type StatePair = readonly [Symbolic<Shape>, Symbolic<Shape>] | undefined;

/** The first dimension of a sequence layer's states: numLayers·directions (unknown when `bidirectional` is a `boolean`). */
export type StateRows<NumLayers, Bidirectional> = boolean extends Bidirectional
  ? number
  : Bidirectional extends true
    ? Mul<NumLayers, 2>
    : NumLayers;

export type SequenceInputProblem<Layer extends string, InputSize, X> = ArgProblem<
  Layer,
  "input",
  X,
  "[batch, seq, inputSize]",
  [["batch", unknown, "", "same"], ["seq", unknown, "", "same"], ["last dimension", InputSize, "inputSize", "size"]]
>;
/** hx or cx of a sequence layer: [numLayers·directions, batch, Size]; `never`: not given. */
export type SequenceStateProblem<
  Layer extends string,
  Arg extends string,
  Rows,
  Size,
  SizeName extends string,
  X,
  S,
> = [S] extends [never]
  ? false
  : ArgProblem<
      Layer,
      Arg,
      S,
      `[numLayers·directions, batch, ${SizeName}]`,
      [
        ["first dimension", Rows, "numLayers·directions", "size"],
        ["batch", Dim0<X>, "input's batch", "same"],
        ["last dimension", Size, SizeName, "size"],
      ]
    >;
/** An LSTM's `[hx, cx]`: hx [rows, batch, projSize or hiddenSize], cx [rows, batch, hiddenSize]. */
export type LSTMStateProblem<Layer extends string, Rows, HiddenSize, ProjSize, X, State> = State extends readonly [
  infer HX,
  infer CX,
]
  ? FirstArgProblem<
      [
        ProjSize extends 0
          ? SequenceStateProblem<Layer, "hx", Rows, HiddenSize, "hiddenSize", X, ShapeIn<HX>>
          : SequenceStateProblem<Layer, "hx", Rows, ProjSize, "projSize", X, ShapeIn<HX>>,
        SequenceStateProblem<Layer, "cx", Rows, HiddenSize, "hiddenSize", X, ShapeIn<CX>>,
      ]
    >
  : false;

/** The batch of the outputs: the input's, or the state's when only that one is known. */
type BatchOf<X, State> = [State] extends [never] ? Dim0<X> : KnownOf<Dim0<X>, Dim1<State>>;
type RowsOf<Rows, State> = [State] extends [never] ? Rows : KnownOf<Rows, Dim0<State>>;

/** `[output, h_n]` of gru / rnn, or unknown shapes after a mistake. */
export type HiddenCallResult<Problem, X, H, Features, Rows, HiddenSize> = Problem extends string
  ? [Symbolic<Shape>, Symbolic<Shape>]
  : IsUnknownArg<X> extends true
    ? [Symbolic<Shape>, Symbolic<Shape>]
    : [Sym<[BatchOf<X, H>, Dim1<X>, Features]>, Sym<[RowsOf<Rows, H>, BatchOf<X, H>, HiddenSize]>];
/** `[output, [h_n, c_n]]` of lstm, or unknown shapes after a mistake. */
export type LSTMCallResult<Problem, X, State, Features, Rows, HiddenSize, ProjSize> = Problem extends string
  ? [Symbolic<Shape>, [Symbolic<Shape>, Symbolic<Shape>]]
  : IsUnknownArg<X> extends true
    ? [Symbolic<Shape>, [Symbolic<Shape>, Symbolic<Shape>]]
    : State extends readonly [infer HX, unknown]
      ? LSTMOutputs<BatchOf<X, ShapeIn<HX>>, Dim1<X>, Features, RowsOf<Rows, ShapeIn<HX>>, HiddenSize, ProjSize>
      : LSTMOutputs<Dim0<X>, Dim1<X>, Features, Rows, HiddenSize, ProjSize>;
type LSTMOutputs<Batch, Seq, Features, Rows, HiddenSize, ProjSize> = [
  Sym<[Batch, Seq, Features]>,
  [Sym<[Rows, Batch, ProjSize extends 0 ? HiddenSize : ProjSize]>, Sym<[Rows, Batch, HiddenSize]>],
];

// ---- cells

export type CellInputProblem<Layer extends string, InputSize, X> = ArgProblem<
  Layer,
  "input",
  X,
  "[batch, inputSize]",
  [["batch", unknown, "", "same"], ["last dimension", InputSize, "inputSize", "size"]]
>;
/** hx or cx of a cell: [batch, hiddenSize]; `never`: not given. */
export type CellStateProblem<Layer extends string, Arg extends string, HiddenSize, X, S> = [S] extends [never]
  ? false
  : ArgProblem<
      Layer,
      Arg,
      S,
      "[batch, hiddenSize]",
      [["batch", Dim0<X>, "input's batch", "same"], ["last dimension", HiddenSize, "hiddenSize", "size"]]
    >;
export type LSTMCellStateProblem<Layer extends string, HiddenSize, X, State> = State extends readonly [
  infer HX,
  infer CX,
]
  ? FirstArgProblem<
      [
        CellStateProblem<Layer, "hx", HiddenSize, X, ShapeIn<HX>>,
        CellStateProblem<Layer, "cx", HiddenSize, X, ShapeIn<CX>>,
      ]
    >
  : false;
/** h' of rnnCell / gruCell: [batch, hiddenSize]. */
export type CellCallResult<Problem, X, H, HiddenSize> = Problem extends string
  ? Symbolic<Shape>
  : IsUnknownArg<X> extends true
    ? Symbolic<Shape>
    : Sym<[[H] extends [never] ? Dim0<X> : KnownOf<Dim0<X>, Dim0<H>>, HiddenSize]>;
/** `[h', c']` of lstmCell. */
export type LSTMCellCallResult<Problem, X, State, HiddenSize> = Problem extends string
  ? [Symbolic<Shape>, Symbolic<Shape>]
  : IsUnknownArg<X> extends true
    ? [Symbolic<Shape>, Symbolic<Shape>]
    : (State extends readonly [infer HX, unknown] ? KnownOf<Dim0<X>, Dim0<ShapeIn<HX>>> : Dim0<X>) extends infer B
      ? [Sym<[B, HiddenSize]>, Sym<[B, HiddenSize]>]
      : never;
