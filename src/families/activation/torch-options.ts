// How the nn builders (activations, norms, recurrent cells, attention, transformers) read PyTorch's optional
// arguments: one table of what each keyword must be, `readParams` (every optional argument positionally, the layer
// written with their values) and `readOptions` (some positionally, then an options object of more keys).
import {
  checkArguments,
  checkOptionTypes,
  expected,
  isOptions,
  positionalOptions,
  splitOptions,
} from "../../shape/args.ts";

type Types = Record<string, readonly [string, (value: unknown) => boolean]>;
const each = (names: readonly string[], type: Types[string]): Types =>
  Object.fromEntries(names.map((name) => [name, type]));

/** `nonlinearity` of rnn and rnnCell. */
export const nonlinearityType = [
  "'tanh' or 'relu'",
  (value: unknown) => value === "tanh" || value === "relu",
] as const satisfies Types[string];

/**
 * What each keyword argument of the nn builders must be (a name means the same in every builder that takes it;
 * only the keys a builder knows reach its check). Not here: batchNorm's momentum (null too), rnn/lstm/gru's dropout
 * (a probability, their own message).
 */
export const optionTypes: Types = {
  inplace: expected.inplace,
  batchFirst: expected.batchFirst,
  nonlinearity: nonlinearityType,
  activation: ["'relu' or 'gelu'", (value: unknown) => value === "relu" || value === "gelu"],
  ...each(
    [
      // activations
      "alpha",
      "beta",
      "threshold",
      "minVal",
      "maxVal",
      "lambd",
      "value",
      "numParameters",
      "init",
      "lower",
      "upper",
      "p",
      // norms
      "k",
      "eps",
      "momentum",
      // attention, transformers, adaptiveLogSoftmaxWithLoss
      "dropout",
      "kdim",
      "vdim",
      "dModel",
      "nhead",
      "numEncoderLayers",
      "numDecoderLayers",
      "dimFeedforward",
      "layerNormEps",
      "divValue",
    ],
    expected.number,
  ),
  ...each(
    [
      "affine",
      "trackRunningStats",
      "elementwiseAffine",
      "bias",
      "normFirst",
      "enableNestedTensor",
      "headBias",
      "needWeights",
      "averageAttnWeights",
    ],
    expected.boolean,
  ),
};

/**
 * PyTorch-style parameters `names` (positional, then a last options object): their values, with
 * `defaults`, and the layer's name (`written`, or `elu()`, or every value once a parameter but inplace is given).
 * Throws as the type-level ParamsProblems.
 */
export function readParams(
  kind: string,
  names: readonly string[],
  args: readonly unknown[],
  defaults: Record<string, unknown>,
  written?: string,
  /** The builder's required arguments before `args` (for the message on too many arguments). */
  required: readonly string[] = [],
): { layer: string; values: Record<string, unknown> } {
  const at = args.findIndex(isOptions);
  const options = (at === -1 ? {} : args[at]) as Record<string, unknown>;
  // the parameters given positionally (before the options object), by name
  const positional = Object.fromEntries(names.map((name, i) => [name, i < at || at === -1 ? args[i] : undefined]));
  const values = Object.fromEntries(
    names.map((name) => [
      name,
      positional[name] !== undefined ? positional[name] : options[name] !== undefined ? options[name] : defaults[name],
    ]),
  );
  const given = names.some((name) => name !== "inplace" && (positional[name] !== undefined || name in options));
  const shown = names.filter((name) => name !== "inplace").map((name) => String(values[name]));
  const layer = written ?? (given ? `${kind}(${shown.join(", ")})` : `${kind}()`);
  // more arguments than the builder takes: refused, not dropped
  checkArguments(layer, [...required, ...args], [...required, ...names]);
  splitOptions(layer, `nn.${kind}`, names, args, names);
  checkOptionTypes(layer, positional, optionTypes);
  checkOptionTypes(layer, options, optionTypes);
  return { layer, values };
}

/**
 * A builder's arguments (`args`, its `required` ones first): PyTorch's optional arguments `names` positionally, then
 * an options object of `known` keys, as one options object. Throws for an argument too many, then as `splitOptions`,
 * then for a value of the wrong type (`types`: `{}` when the builder checks them later).
 */
export function readOptions(
  layer: string,
  kind: string,
  args: ArrayLike<unknown>,
  required: readonly string[],
  names: readonly string[],
  known: readonly string[],
  types: Types = optionTypes,
): Record<string, unknown> {
  checkArguments(layer, args, [...required, ...names, "options"]);
  const given = positionalOptions(layer, `nn.${kind}`, names, Array.from(args).slice(required.length), known);
  checkOptionTypes(layer, given, types);
  return given;
}
