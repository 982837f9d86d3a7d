// nn.transformerEncoderLayer, nn.transformerEncoder, nn.transformerDecoderLayer, nn.transformerDecoder
// and nn.transformer: PyTorch 1.13's modules, batch first. The encoders keep [batch, S, dModel] in
// `pipe`; every module has `call(...)` with PyTorch's forward arguments in camelCase (the decoders take
// the memory as a second tensor, src/model/call.ts), each argument checked on its own.
import type { Layer, ShapeRule } from "../../../types/model/layer.ts";
import type {
  Arg,
  Checked,
  FirstSizeProblem,
  GivenTwiceProblem,
  IsOptions,
  TrailingOptionsProblem,
  UnknownKeyProblem,
  writeAfterOptionsMessage,
} from "../../../types/shape/args.ts";
import type { FirstProblem } from "../../../types/shape/problems.ts";
import type { ArgProblems } from "../../../types/shape/plain.ts";
import type { Mod } from "../../../types/arith/index.ts";
import type { Shape } from "../../../types/shape/dims.ts";
import { fail } from "../../errors.ts";
import { callLayer, type CallableLayer } from "../../model/call.ts";
import type { RuntimeLayer } from "../../model/layer.ts";
import type { Symbolic } from "../../model/symbolic.ts";
import { checkKnownKeys, checkOptionTypes, checkSizes } from "../../shape/args.ts";
import { optionTypes, readOptions } from "../activation/torch-options.ts";
import type { RuntimeShape } from "../../shape/dims.ts";
import type { KindConfig } from "../layer-config.ts";
import type { LayerNormConfig } from "../normalization/layer-norm.nn.ts";
import {
  moduleCallShapes,
  roles,
  transformerRule,
  writeNeedsMemoryMessage,
  writeNeedsSourceAndTargetMessage,
  writeNheadMessage,
  type TransformerSettings,
} from "./transformer.ts";
import type {
  DecoderCallOptions,
  DecoderMasksProblem,
  DecoderOut,
  EncoderCallOptions,
  EncoderMasksProblem,
  SequenceOut,
  SequenceProblem,
  TransformerCallOptions,
  TransformerRule,
  writeNeedsMemoryMessage as NeedsMemoryMessage,
  writeNeedsSourceAndTargetMessage as NeedsSourceAndTargetMessage,
  writeNheadMessage as NheadMessage,
} from "./transformer.types.ts";

// ---- Options ---------------------------------------------------------------------------------------

/** PyTorch's keyword arguments of TransformerEncoderLayer / TransformerDecoderLayer in camelCase. */
export interface TransformerLayerOptions {
  /** Default 2048: the feedforward network's hidden size. */
  readonly dimFeedforward?: number;
  /** Default 0.1. */
  readonly dropout?: number;
  /** Default "relu". */
  readonly activation?: "relu" | "gelu";
  /** Default 1e-5. */
  readonly layerNormEps?: number;
  /** true, the only layout here: [batch, seq, dModel] (PyTorch's default is false). */
  readonly batchFirst?: true;
  /** Default false: LayerNorm after each residual (true: before each sublayer). */
  readonly normFirst?: boolean;
}
const layerKeys = [
  "dimFeedforward",
  "dropout",
  "activation",
  "layerNormEps",
  "batchFirst",
  "normFirst",
] as const satisfies readonly (keyof TransformerLayerOptions)[];
interface LayerOptionTypes {
  dimFeedforward: number;
  dropout: number;
  activation: "relu" | "gelu";
  layerNormEps: number;
  batchFirst: true;
  normFirst: boolean;
}
interface LayerExpected {
  dimFeedforward: "a number";
  dropout: "a number";
  activation: "'relu' or 'gelu'";
  layerNormEps: "a number";
  batchFirst: "true: [batch, seq, features] is the only layout here";
  normFirst: "true or false";
}
type FeedforwardOf<O> = O extends { readonly dimFeedforward: infer F } ? F : 2048;
type LayerOptionsProblem<W extends string, Of extends string, O> = FirstProblem<
  [
    TrailingOptionsProblem<W, Of, O, keyof TransformerLayerOptions, LayerOptionTypes, LayerExpected>,
    FirstSizeProblem<W, ["dimFeedforward"], [FeedforwardOf<O>]>,
  ]
>;
/** An argument after the options object (left out: `{}`). */
type AfterOptions<W extends string, X> = {} extends X ? false : writeAfterOptionsMessage<W>;
/**
 * The problems of an encoder or decoder layer's arguments after nhead, PyTorch's order: dimFeedforward and dropout
 * positionally (`nn.transformerEncoderLayer(512, 8, 2048, 0.1)`), then an options object (its keys not given twice).
 */
type LayerArgsProblems<W extends string, Of extends string, Third, Fourth, Options> =
  IsOptions<Third> extends true
    ? [LayerOptionsProblem<W, Of, Third>, AfterOptions<W, Fourth>, AfterOptions<W, Options>]
    : [
        FirstSizeProblem<W, ["dimFeedforward"], [Third]>,
        IsOptions<Fourth> extends true
          ? FirstProblem<[LayerOptionsProblem<W, Of, Fourth>, GivenTwiceProblem<W, Fourth, "dimFeedforward">]>
          : false,
        IsOptions<Fourth> extends true
          ? AfterOptions<W, Options>
          : FirstProblem<
              [LayerOptionsProblem<W, Of, Options>, GivenTwiceProblem<W, Options, "dimFeedforward" | "dropout">]
            >,
      ];
/** Twin of `LayerArgsProblems`: the options of an encoder or decoder layer, its positional arguments among them. */
type NheadProblem<W extends string, DModel, Nhead> = FirstProblem<
  [
    FirstSizeProblem<W, ["nhead"], [Nhead]>,
    number extends DModel | Nhead
      ? false
      : FirstSizeProblem<W, ["dModel"], [DModel]> extends string
        ? false
        : Mod<DModel, Nhead> extends 0
          ? false
          : NheadMessage<W, DModel, Nhead>,
  ]
>;

/**
 * The settings of a layer from its arguments, PyTorch's defaults filled in (the options' keys are checked by the
 * caller: nn.transformer's options hold its own sizes too).
 */
function settingsOf(layer: string, dModel: number, nhead: number, given: TransformerLayerOptions): TransformerSettings {
  checkSizes(layer, { dModel, nhead });
  if (dModel % nhead !== 0) fail(writeNheadMessage(layer, dModel, nhead));
  checkOptionTypes(layer, given, optionTypes);
  const settings: TransformerSettings = {
    dModel,
    nhead,
    dimFeedforward: given.dimFeedforward ?? 2048,
    dropout: given.dropout ?? 0.1,
    activation: given.activation ?? "relu",
    layerNormEps: given.layerNormEps ?? 1e-5,
    normFirst: given.normFirst ?? false,
  };
  checkSizes(layer, { dimFeedforward: settings.dimFeedforward });
  return settings;
}

/**
 * The runtime object of a module (`config`: its own properties): its rule in `pipe` (the encoders'; the decoders
 * and the transformer need more tensors) and its call in the functional API (its first output).
 */
function moduleOf(
  role: keyof typeof roles,
  kind: string,
  layer: string,
  dModel: number,
  nhead: number,
  config: object,
): never {
  const { tensors, masks } = roles[role];
  const maskKeys = masks.map(([name]) => name); // an unknown key is an error, not an input left out
  const runtime: CallableLayer & { call(...args: unknown[]): unknown } = {
    kind,
    written: layer,
    ...config,
    outputShape: (input: RuntimeShape) => {
      if (role === "encoder") return transformerRule(layer, dModel, input);
      fail(role === "decoder" ? writeNeedsMemoryMessage(layer) : writeNeedsSourceAndTargetMessage(layer));
    },
    callShapes: (inputs) => moduleCallShapes(layer, dModel, nhead, roles[role], inputs),
    call: (...args: unknown[]) => {
      const given = args[tensors.length] ?? {};
      checkKnownKeys(layer, "call", given, maskKeys);
      const named = Object.fromEntries(tensors.map((name, i) => [name, args[i]]));
      return callLayer(runtime, { ...named, ...given })[0];
    },
  };
  return runtime as never;
}

/** transformerEncoderLayer's and transformerDecoderLayer's arguments (`args`: the builder's), checked. */
function layerOf(role: "encoder" | "decoder", kind: string, args: ArrayLike<unknown>): never {
  const [dModel, nhead] = Array.from(args) as [number, number, ...unknown[]];
  const layer = `${kind}(${dModel}, ${nhead})`;
  // dimFeedforward and dropout positionally, then an options object (their types checked by settingsOf)
  const given: TransformerLayerOptions = readOptions(
    layer,
    kind,
    args,
    ["dModel", "nhead"],
    ["dimFeedforward", "dropout"],
    layerKeys,
    {},
  );
  const settings = settingsOf(layer, dModel, nhead, given);
  return moduleOf(role, kind, layer, dModel, nhead, settings);
}

/** transformerEncoder's and transformerDecoder's arguments, checked: `numLayers` copies of `inner`, then `norm`. */
function stackOf(role: "encoder" | "decoder", kind: string, args: ArrayLike<unknown>): never {
  const [inner, numLayers, options] = args as [
    TransformerEncoderLayerConfig | TransformerDecoderLayerConfig,
    number,
    unknown?,
  ];
  const layer = `${kind}(${inner.written}, ${numLayers})`;
  checkSizes(layer, { numLayers });
  const norm = normOf(layer, kind, inner.dModel, options);
  return moduleOf(role, kind, layer, inner.dModel, inner.nhead, { layer: inner, numLayers, norm });
}

/** The rule in `pipe` of the encoder layer and encoder. */
export interface TransformerShapeRule<W extends string, DModel> extends ShapeRule {
  readonly "~output": TransformerRule<W, DModel, this["~input"]>;
}
/** The rule in `pipe` of the decoders: a message (they need the memory too). */
export interface NeedsMemoryRule<W extends string> extends ShapeRule {
  readonly "~output": NeedsMemoryMessage<W>;
}
/** The rule in `pipe` of the transformer: a message (it needs the source and the target). */
export interface NeedsSourceAndTargetRule<W extends string> extends ShapeRule {
  readonly "~output": NeedsSourceAndTargetMessage<W>;
}

// ---- Encoder layer ---------------------------------------------------------------------------------

type WrittenEncoderLayer<D, H> = `transformerEncoderLayer(${D & number}, ${H & number})`;

/**
 * `nn.transformerEncoderLayer(dModel, nhead)`: [batch, S, dModel] → the same shape, in `pipe` or
 * `call(src, { srcMask, srcKeyPaddingMask })`.
 *
 * @example
 * type T = TransformerEncoderLayer<512, 8>; // [n, 10, 512] → [n, 10, 512]
 */
export interface TransformerEncoderLayer<DModel, Nhead> extends Layer, RuntimeLayer {
  readonly kind: "transformerEncoderLayer";
  readonly dModel: DModel;
  readonly nhead: Nhead;
  readonly "~rule": TransformerShapeRule<WrittenEncoderLayer<DModel, Nhead>, DModel>;
  /** PyTorch's `layer(src, src_mask=…, src_key_padding_mask=…)`. */
  call<S extends Shape, const O extends object = {}>(
    src: Checked<Symbolic<S>, SequenceProblem<WrittenEncoderLayer<DModel, Nhead>, "src", DModel, S>>,
    options?: Checked<
      O,
      UnknownKeyProblem<WrittenEncoderLayer<DModel, Nhead>, "call", O, keyof EncoderCallOptions> extends infer P extends
        string
        ? P
        : SequenceProblem<WrittenEncoderLayer<DModel, Nhead>, "src", DModel, S> extends string
          ? false
          : EncoderMasksProblem<WrittenEncoderLayer<DModel, Nhead>, Nhead, S, O>
    >,
  ): Symbolic<
    SequenceOut<
      DModel,
      S,
      FirstProblem<
        [
          SequenceProblem<WrittenEncoderLayer<DModel, Nhead>, "src", DModel, S>,
          EncoderMasksProblem<WrittenEncoderLayer<DModel, Nhead>, Nhead, S, O>,
        ]
      >
    >
  >;
}

/** The config of transformerEncoderLayer (its runtime object). */
export interface TransformerEncoderLayerConfig extends KindConfig<"transformerEncoderLayer">, TransformerSettings {
  readonly callShapes: CallableLayer["callShapes"];
}

/**
 * PyTorch's `nn.TransformerEncoderLayer(d_model, nhead, dim_feedforward=2048, dropout=0.1,
 * activation="relu", layer_norm_eps=1e-5, batch_first=True, norm_first=False)`: self-attention and a
 * feedforward network, each with a residual and a LayerNorm. `nhead` must divide `dModel`.
 *
 * @example
 * nn.transformerEncoderLayer(512, 8, { dimFeedforward: 1024 }); // [n, 10, 512] → [n, 10, 512]
 */
export const transformerEncoderLayer: <
  const DModel extends number,
  const Nhead extends number,
  const Third extends number | object = {},
  const Fourth extends number | object = {},
  const Options extends object = {},
  Problems extends ArgProblems = LayerArgsProblems<
    WrittenEncoderLayer<DModel, Nhead>,
    "nn.transformerEncoderLayer",
    Third,
    Fourth,
    Options
  >,
>(
  dModel: Arg<DModel, FirstSizeProblem<WrittenEncoderLayer<DModel, Nhead>, ["dModel"], [DModel]>>,
  nhead: Arg<Nhead, NheadProblem<WrittenEncoderLayer<DModel, Nhead>, DModel, Nhead>>,
  dimFeedforward?: Checked<Third, Problems[0]>,
  dropout?: Checked<Fourth, Problems[1]>,
  options?: Checked<Options, Problems[2]>,
) => Mod<DModel, Nhead> extends 0 // else an error on the arguments (or unknown sizes): none on the calls
  ? TransformerEncoderLayer<DModel, Nhead>
  : TransformerEncoderLayer<number, number> = (...args: unknown[]): never =>
  layerOf("encoder", "transformerEncoderLayer", args);

// ---- Encoder -----------------------------------------------------------------------------------------

type WrittenEncoder<D, H, N> =
  `transformerEncoder(transformerEncoderLayer(${D & number}, ${H & number}), ${N & number})`;

/** The problem of a stack's `norm` option: a layerNorm(dModel). */
type NormProblem<W extends string, DModel, O> = O extends { readonly norm: infer Norm }
  ? Norm extends { readonly kind: "layerNorm"; readonly normalizedShape: infer N }
    ? N extends DModel | readonly [DModel]
      ? false
      : writeNormMessage<W, DModel>
    : writeNormMessage<W, DModel>
  : false;
/** The message when a stack's norm is not a layerNorm over dModel. */
export type writeNormMessage<W extends string, DModel> = `${W}: norm must be nn.layerNorm(${DModel & number})`;
export const writeNormMessage = (layer: string, dModel: number): string =>
  `${layer}: norm must be nn.layerNorm(${dModel})`;

/** A stack's options: `norm` (PyTorch's final LayerNorm, default none), `enableNestedTensor` (no effect here). */
export interface StackOptions {
  readonly norm?: Layer & RuntimeLayer;
  readonly enableNestedTensor?: boolean;
}
type StackOptionsProblem<W extends string, Of extends string, DModel, O> = FirstProblem<
  [
    TrailingOptionsProblem<
      W,
      Of,
      O,
      keyof StackOptions,
      { enableNestedTensor: boolean },
      { enableNestedTensor: "true or false" }
    >,
    NormProblem<W, DModel, O>,
  ]
>;
function normOf(layer: string, kind: string, dModel: number, options: unknown): LayerNormConfig | null {
  readOptions(layer, kind, [options], [], [], ["norm", "enableNestedTensor"]);
  const norm = (options as StackOptions | undefined)?.norm as LayerNormConfig | undefined;
  if (norm === undefined) return null;
  const shape = norm.normalizedShape;
  if (
    norm.kind !== "layerNorm" ||
    !(shape === dModel || (Array.isArray(shape) && shape.length === 1 && shape[0] === dModel))
  )
    fail(writeNormMessage(layer, dModel));
  return norm;
}

/**
 * `nn.transformerEncoder(encoderLayer, numLayers)`: numLayers copies of the layer, [batch, S, dModel] → the same
 * shape, in `pipe` or `call(src, { srcMask, srcKeyPaddingMask })` (PyTorch's `mask` is `srcMask` here).
 *
 * @example
 * type T = TransformerEncoder<512, 8>; // [n, 10, 512] → [n, 10, 512]
 */
export interface TransformerEncoder<DModel, Nhead, NumLayers = number> extends Layer, RuntimeLayer {
  readonly kind: "transformerEncoder";
  readonly dModel: DModel;
  readonly nhead: Nhead;
  readonly numLayers: NumLayers;
  readonly "~rule": TransformerShapeRule<WrittenEncoder<DModel, Nhead, NumLayers>, DModel>;
  /** PyTorch's `encoder(src, mask=…, src_key_padding_mask=…)`. */
  call<S extends Shape, const O extends object = {}>(
    src: Checked<Symbolic<S>, SequenceProblem<WrittenEncoder<DModel, Nhead, NumLayers>, "src", DModel, S>>,
    options?: Checked<
      O,
      UnknownKeyProblem<
        WrittenEncoder<DModel, Nhead, NumLayers>,
        "call",
        O,
        keyof EncoderCallOptions
      > extends infer P extends string
        ? P
        : SequenceProblem<WrittenEncoder<DModel, Nhead, NumLayers>, "src", DModel, S> extends string
          ? false
          : EncoderMasksProblem<WrittenEncoder<DModel, Nhead, NumLayers>, Nhead, S, O>
    >,
  ): Symbolic<
    SequenceOut<
      DModel,
      S,
      FirstProblem<
        [
          SequenceProblem<WrittenEncoder<DModel, Nhead, NumLayers>, "src", DModel, S>,
          EncoderMasksProblem<WrittenEncoder<DModel, Nhead, NumLayers>, Nhead, S, O>,
        ]
      >
    >
  >;
}

/** The config of transformerEncoder. */
export interface TransformerEncoderConfig extends KindConfig<"transformerEncoder"> {
  readonly layer: TransformerEncoderLayerConfig;
  readonly numLayers: number;
  readonly norm: LayerNormConfig | null;
  readonly callShapes: CallableLayer["callShapes"];
}

/**
 * PyTorch's `nn.TransformerEncoder(encoder_layer, num_layers, norm=None)`: the layer repeated (copies with their
 * own weights), then `norm` when given (an `nn.layerNorm(dModel)`).
 *
 * @example
 * nn.transformerEncoder(nn.transformerEncoderLayer(512, 8), 6); // [n, 10, 512] → [n, 10, 512]
 */
export const transformerEncoder: <
  // the layer as a whole, its sizes read from it (inferring them through its interface would cost ~4,000
  // instantiations: its call method's signature)
  Of extends { readonly kind: "transformerEncoderLayer"; readonly dModel: number; readonly nhead: number },
  const NumLayers extends number,
  const Options extends object = {},
>(
  encoderLayer: Of,
  numLayers: Arg<
    NumLayers,
    FirstSizeProblem<WrittenEncoder<Of["dModel"], Of["nhead"], NumLayers>, ["numLayers"], [NumLayers]>
  >,
  options?: Checked<
    Options,
    StackOptionsProblem<
      WrittenEncoder<Of["dModel"], Of["nhead"], NumLayers>,
      "nn.transformerEncoder",
      Of["dModel"],
      Options
    >
  >,
) => TransformerEncoder<Of["dModel"], Of["nhead"], NumLayers> = (...args: unknown[]): never =>
  stackOf("encoder", "transformerEncoder", args);

// ---- Decoder layer and decoder -------------------------------------------------------------------------

type WrittenDecoderLayer<D, H> = `transformerDecoderLayer(${D & number}, ${H & number})`;
type WrittenDecoder<D, H, N> =
  `transformerDecoder(transformerDecoderLayer(${D & number}, ${H & number}), ${N & number})`;

/** A decoder's call: (tgt, memory, masks) → [batch, T, dModel]; `W` its written form. */
interface DecoderCall<W extends string, DModel, Nhead> {
  /** PyTorch's `decoder(tgt, memory, tgt_mask=…, memory_mask=…, tgt_key_padding_mask=…, memory_key_padding_mask=…)`. */
  call<T extends Shape, M extends Shape, const O extends object = {}>(
    tgt: Checked<Symbolic<T>, SequenceProblem<W, "tgt", DModel, T>>,
    memory: Checked<
      Symbolic<M>,
      SequenceProblem<W, "tgt", DModel, T> extends string
        ? false
        : SequenceProblem<
            W,
            "memory",
            DModel,
            M,
            T extends readonly [infer B, ...unknown[]] ? B : unknown,
            "tgt's batch"
          >
    >,
    options?: Checked<
      O,
      UnknownKeyProblem<W, "call", O, keyof DecoderCallOptions> extends infer P extends string
        ? P
        : FirstProblem<
              [
                SequenceProblem<W, "tgt", DModel, T>,
                SequenceProblem<
                  W,
                  "memory",
                  DModel,
                  M,
                  T extends readonly [infer B, ...unknown[]] ? B : unknown,
                  "tgt's batch"
                >,
              ]
            > extends string
          ? false
          : DecoderMasksProblem<W, Nhead, T, M, O>
    >,
  ): Symbolic<
    DecoderOut<
      DModel,
      T,
      M,
      FirstProblem<
        [
          SequenceProblem<W, "tgt", DModel, T>,
          SequenceProblem<
            W,
            "memory",
            DModel,
            M,
            T extends readonly [infer B, ...unknown[]] ? B : unknown,
            "tgt's batch"
          >,
          DecoderMasksProblem<W, Nhead, T, M, O>,
        ]
      >
    >
  >;
}

/**
 * `nn.transformerDecoderLayer(dModel, nhead)`, called on the target and the encoder's memory:
 * `layer.call(tgt, memory, { tgtMask, memoryMask, tgtKeyPaddingMask, memoryKeyPaddingMask })` → tgt's shape.
 */
export interface TransformerDecoderLayer<DModel, Nhead>
  extends Layer, RuntimeLayer, DecoderCall<WrittenDecoderLayer<DModel, Nhead>, DModel, Nhead> {
  readonly kind: "transformerDecoderLayer";
  readonly dModel: DModel;
  readonly nhead: Nhead;
  readonly "~rule": NeedsMemoryRule<WrittenDecoderLayer<DModel, Nhead>>;
}
export interface TransformerDecoderLayerConfig extends KindConfig<"transformerDecoderLayer">, TransformerSettings {
  readonly callShapes: CallableLayer["callShapes"];
}

/**
 * PyTorch's `nn.TransformerDecoderLayer(d_model, nhead, dim_feedforward=2048, dropout=0.1, activation="relu",
 * layer_norm_eps=1e-5, batch_first=True, norm_first=False)`: self-attention, cross-attention on the memory and a
 * feedforward network. Call it on (tgt, memory).
 *
 * @example
 * const decoderLayer = nn.transformerDecoderLayer(64, 4, { dimFeedforward: 128 });
 * const tgt = input([7, 64]), memory = input([10, 64]);
 * decoderLayer.call(tgt, memory); // Symbolic<[number, 7, 64]>
 */
export const transformerDecoderLayer: <
  const DModel extends number,
  const Nhead extends number,
  const Third extends number | object = {},
  const Fourth extends number | object = {},
  const Options extends object = {},
  Problems extends ArgProblems = LayerArgsProblems<
    WrittenDecoderLayer<DModel, Nhead>,
    "nn.transformerDecoderLayer",
    Third,
    Fourth,
    Options
  >,
>(
  dModel: Arg<DModel, FirstSizeProblem<WrittenDecoderLayer<DModel, Nhead>, ["dModel"], [DModel]>>,
  nhead: Arg<Nhead, NheadProblem<WrittenDecoderLayer<DModel, Nhead>, DModel, Nhead>>,
  dimFeedforward?: Checked<Third, Problems[0]>,
  dropout?: Checked<Fourth, Problems[1]>,
  options?: Checked<Options, Problems[2]>,
) => Mod<DModel, Nhead> extends 0 // else an error on the arguments (or unknown sizes): none on the calls
  ? TransformerDecoderLayer<DModel, Nhead>
  : TransformerDecoderLayer<number, number> = (...args: unknown[]): never =>
  layerOf("decoder", "transformerDecoderLayer", args);

/** `nn.transformerDecoder(decoderLayer, numLayers)`, called on (tgt, memory). */
export interface TransformerDecoder<DModel, Nhead, NumLayers = number>
  extends Layer, RuntimeLayer, DecoderCall<WrittenDecoder<DModel, Nhead, NumLayers>, DModel, Nhead> {
  readonly kind: "transformerDecoder";
  readonly dModel: DModel;
  readonly nhead: Nhead;
  readonly numLayers: NumLayers;
  readonly "~rule": NeedsMemoryRule<WrittenDecoder<DModel, Nhead, NumLayers>>;
}
export interface TransformerDecoderConfig extends KindConfig<"transformerDecoder"> {
  readonly layer: TransformerDecoderLayerConfig;
  readonly numLayers: number;
  readonly norm: LayerNormConfig | null;
  readonly callShapes: CallableLayer["callShapes"];
}

/**
 * PyTorch's `nn.TransformerDecoder(decoder_layer, num_layers, norm=None)`: the layer repeated, then `norm` when
 * given. Call it on (tgt, memory).
 *
 * @example
 * const decoder = nn.transformerDecoder(nn.transformerDecoderLayer(64, 4), 2);
 * decoder.call(input([7, 64]), input([10, 64])); // Symbolic<[number, 7, 64]>
 */
export const transformerDecoder: <
  // the layer as a whole, its sizes read from it (inferring them through its interface would cost ~4,000
  // instantiations: its call method's signature)
  Of extends { readonly kind: "transformerDecoderLayer"; readonly dModel: number; readonly nhead: number },
  const NumLayers extends number,
  const Options extends object = {},
>(
  decoderLayer: Of,
  numLayers: Arg<
    NumLayers,
    FirstSizeProblem<WrittenDecoder<Of["dModel"], Of["nhead"], NumLayers>, ["numLayers"], [NumLayers]>
  >,
  options?: Checked<
    Options,
    StackOptionsProblem<
      WrittenDecoder<Of["dModel"], Of["nhead"], NumLayers>,
      "nn.transformerDecoder",
      Of["dModel"],
      Options
    >
  >,
) => TransformerDecoder<Of["dModel"], Of["nhead"], NumLayers> = (...args: unknown[]): never =>
  stackOf("decoder", "transformerDecoder", args);

// ---- Transformer ---------------------------------------------------------------------------------------

/** PyTorch's arguments of nn.Transformer in camelCase (custom encoder/decoder not supported). */
export interface TransformerOptions extends TransformerLayerOptions {
  /** Default 512. */
  readonly dModel?: number;
  /** Default 8. */
  readonly nhead?: number;
  /** Default 6. */
  readonly numEncoderLayers?: number;
  /** Default 6. */
  readonly numDecoderLayers?: number;
}
/** nn.transformer's own options (all numbers), then its layers'. */
const transformerKeys = [...layerKeys, "dModel", "nhead", "numEncoderLayers", "numDecoderLayers"] as const;
type DModelOf<O> = O extends { readonly dModel: infer D } ? D : 512;
type NheadOf<O> = O extends { readonly nhead: infer H } ? H : 8;
type WrittenTransformer<D, H> = `transformer(${D & number}, ${H & number})`;
interface TransformerOptionTypes extends LayerOptionTypes {
  dModel: number;
  nhead: number;
  numEncoderLayers: number;
  numDecoderLayers: number;
}
interface TransformerExpected extends LayerExpected {
  dModel: "a number";
  nhead: "a number";
  numEncoderLayers: "a number";
  numDecoderLayers: "a number";
}
type TransformerOptionsProblem<O> = FirstProblem<
  [
    TrailingOptionsProblem<
      WrittenTransformer<DModelOf<O>, NheadOf<O>>,
      "nn.transformer",
      O,
      keyof TransformerOptions,
      TransformerOptionTypes,
      TransformerExpected
    >,
    FirstSizeProblem<
      WrittenTransformer<DModelOf<O>, NheadOf<O>>,
      ["dModel", "nhead", "numEncoderLayers", "numDecoderLayers", "dimFeedforward"],
      [
        DModelOf<O>,
        NheadOf<O>,
        O extends { readonly numEncoderLayers: infer N } ? N : 6,
        O extends { readonly numDecoderLayers: infer N } ? N : 6,
        FeedforwardOf<O>,
      ]
    >,
    NheadProblem<WrittenTransformer<DModelOf<O>, NheadOf<O>>, DModelOf<O>, NheadOf<O>>,
  ]
>;

/**
 * `nn.transformer(options)`: called on (src, tgt) → [batch, T, dModel]:
 * `transformer.call(src, tgt, { srcMask, tgtMask, memoryMask, srcKeyPaddingMask, tgtKeyPaddingMask,
 * memoryKeyPaddingMask })`.
 */
export interface Transformer<DModel, Nhead> extends Layer, RuntimeLayer {
  readonly kind: "transformer";
  readonly dModel: DModel;
  readonly nhead: Nhead;
  readonly "~rule": NeedsSourceAndTargetRule<WrittenTransformer<DModel, Nhead>>;
  /** PyTorch's `transformer(src, tgt, src_mask=…, tgt_mask=…, memory_mask=…, …_key_padding_mask=…)`. */
  call<S extends Shape, T extends Shape, const O extends object = {}>(
    src: Checked<Symbolic<S>, SequenceProblem<WrittenTransformer<DModel, Nhead>, "src", DModel, S>>,
    tgt: Checked<
      Symbolic<T>,
      SequenceProblem<WrittenTransformer<DModel, Nhead>, "src", DModel, S> extends string
        ? false
        : SequenceProblem<
            WrittenTransformer<DModel, Nhead>,
            "tgt",
            DModel,
            T,
            S extends readonly [infer B, ...unknown[]] ? B : unknown,
            "src's batch"
          >
    >,
    options?: Checked<
      O,
      UnknownKeyProblem<
        WrittenTransformer<DModel, Nhead>,
        "call",
        O,
        keyof TransformerCallOptions
      > extends infer P extends string
        ? P
        : TransformerMasksProblem<WrittenTransformer<DModel, Nhead>, DModel, Nhead, S, T, O, true>
    >,
  ): Symbolic<
    DecoderOut<DModel, T, S, TransformerMasksProblem<WrittenTransformer<DModel, Nhead>, DModel, Nhead, S, T, O, false>>
  >;
}
/** The problem of a transformer call's masks (`OnlyMasks`: `false` when src or tgt has one, reported there). */
type TransformerMasksProblem<W extends string, DModel, Nhead, S, T, O, OnlyMasks> =
  FirstProblem<
    [
      SequenceProblem<W, "src", DModel, S>,
      SequenceProblem<W, "tgt", DModel, T, S extends readonly [infer B, ...unknown[]] ? B : unknown, "src's batch">,
    ]
  > extends infer P extends string
    ? OnlyMasks extends true
      ? false
      : P
    : FirstProblem<[EncoderMasksProblem<W, Nhead, S, O>, DecoderMasksProblem<W, Nhead, T, S, O>]>;

export interface TransformerConfig extends KindConfig<"transformer">, TransformerSettings {
  readonly numEncoderLayers: number;
  readonly numDecoderLayers: number;
  readonly callShapes: CallableLayer["callShapes"];
}

/**
 * PyTorch's `nn.Transformer(d_model=512, nhead=8, num_encoder_layers=6, num_decoder_layers=6,
 * dim_feedforward=2048, dropout=0.1, activation="relu", layer_norm_eps=1e-5, batch_first=True,
 * norm_first=False)`, its arguments as one options object: an encoder and a decoder, each ending in
 * a LayerNorm. Call it on (src, tgt).
 *
 * @example
 * const model = nn.transformer({ dModel: 64, nhead: 4, numEncoderLayers: 2, numDecoderLayers: 2 });
 * model.call(input([10, 64]), input([7, 64])); // Symbolic<[number, 7, 64]>
 */
export function transformer<const Options extends object = {}>(
  options?: Checked<Options, TransformerOptionsProblem<Options>>,
): Mod<DModelOf<Options>, NheadOf<Options>> extends 0 // else an error on the options: none on the calls
  ? Transformer<DModelOf<Options>, NheadOf<Options>>
  : Transformer<number, number> {
  const given = (options ?? {}) as TransformerOptions;
  const dModel = given.dModel ?? 512;
  const nhead = given.nhead ?? 8;
  const layer = `transformer(${dModel}, ${nhead})`;
  readOptions(layer, "transformer", arguments, [], [], transformerKeys);
  const numEncoderLayers = given.numEncoderLayers ?? 6;
  const numDecoderLayers = given.numDecoderLayers ?? 6;
  checkSizes(layer, {
    dModel,
    nhead,
    numEncoderLayers,
    numDecoderLayers,
    dimFeedforward: given.dimFeedforward ?? 2048,
  });
  const settings = settingsOf(layer, dModel, nhead, given);
  return moduleOf("transformer", "transformer", layer, dModel, nhead, {
    ...settings,
    numEncoderLayers,
    numDecoderLayers,
  });
}
