// Twin of types/shape/tf-options.ts: how messages write a tfjs layer, and checks of its argument object.
import { fail, ShapeError } from "../errors.ts";
import type { RuntimeShape } from "./dims.ts";
import { checkSizes, checkTupleLength, suggestOption, writeOptionTypeMessage, writeUnknownKeyMessage } from "./args.ts";

/** An option value as messages write it: `3`, `[3, 2]`, `[[1, 2], [0, 3]]`, `'same'`, `true`. */
export const writtenValue = (value: unknown): string =>
  Array.isArray(value)
    ? `[${value.map(writtenValue).join(", ")}]`
    : typeof value === "string"
      ? `'${value}'`
      : typeof value === "number" || typeof value === "boolean" || value === null || value === undefined
        ? String(value)
        : "…";

/** How messages write a tfjs layer: `conv2d({ filters: 32, kernelSize: 3 })`, the given options among `keys`. */
export function writtenLayer(name: string, args: object | undefined, keys: readonly string[]): string {
  const options = keys.flatMap((key) => {
    const value = (args as Record<string, unknown> | undefined)?.[key];
    return value === undefined ? [] : [`${key}: ${writtenValue(value)}`];
  });
  return `${name}(${options.length === 0 ? "" : `{ ${options.join(", ")} }`})`;
}

export const writeUnknownOptionMessage = (layer: string, key: string, name: string, known: readonly string[]): string =>
  writeUnknownKeyMessage(layer, key, `TensorFlow.js's ${name}`, suggestOption(key, known));

/** Throws for the first property of `args` that is not in `known`. */
export function checkKnownOptions(
  layer: string,
  name: string,
  args: object | undefined,
  known: ReadonlySet<string>,
  required: readonly string[] = [],
): void {
  for (const key of Object.keys(args ?? {})) {
    if (!known.has(key)) throw new ShapeError(writeUnknownOptionMessage(layer, key, name, [...known]));
  }
  // The compiler refuses a missing required option itself ("Property … is missing"); from JavaScript or `any`,
  // tfjs would build the layer with an undefined size, so it is refused here.
  for (const key of required) {
    if ((args as Record<string, unknown> | undefined)?.[key] === undefined)
      throw new ShapeError(writeMissingOptionMessage(layer, key, name));
  }
}

/** How messages write the layer (`writtenLayer`), once its options are checked (`checkKnownOptions`). */
export function checkedWrittenLayer(
  name: string,
  args: object | undefined,
  known: ReadonlySet<string>,
  shown: readonly string[],
  required: readonly string[] = [],
): string {
  const written = writtenLayer(name, args, shown);
  checkKnownOptions(written, name, args, known, required);
  return written;
}

/** A required option of a TensorFlow.js layer that was not given (at run time; the compiler says it in its words). */
export const writeMissingOptionMessage = (layer: string, key: string, name: string): string =>
  `${layer}: ${key} is required by TensorFlow.js's ${name}`;

/** Checks a size option when it is given: positive (or non-negative) integers, a tuple of `rank` when `rank` is given. */
export function checkSizeOption(
  layer: string,
  args: object | undefined,
  key: string,
  rank?: number,
  minimum: 0 | 1 = 1,
): void {
  const value = (args as Record<string, unknown> | undefined)?.[key];
  if (value === undefined) return;
  checkSizes(layer, { [key]: value }, minimum);
  if (rank !== undefined) checkTupleLength(layer, key, value, rank);
}

/** The keys an argument type requires (tfjs's `{ units: number; … }`), as a union. */
type RequiredKeys<Args> = { [K in keyof Args]-?: {} extends Pick<Args, K> ? never : K }[keyof Args] & string;

/**
 * The required option names of an argument type, for `checkKnownOptions`. The compiler checks that the list names
 * exactly the options `Args` requires, so the run-time check cannot drift from the type.
 */
export const requiredOptions =
  <Args>() =>
  <const Names extends readonly RequiredKeys<Args>[]>(
    ...names: Names &
      ([Exclude<RequiredKeys<Args>, Names[number]>] extends [never]
        ? unknown
        : { readonly missing: Exclude<RequiredKeys<Args>, Names[number]> })
  ): readonly string[] =>
    names;

/** The value of an option, or its default. */
export const optionOf = <Value>(args: object | undefined, key: string, fallback: Value): Value =>
  ((args as Record<string, unknown> | undefined)?.[key] ?? fallback) as Value;

/** The words of a space-separated list, as a union: `Words<"units inputDim">` is `"units" | "inputDim"`. */
type Words<List extends string> = List extends `${infer Word} ${infer Rest}`
  ? Word | Words<Rest>
  : List extends ""
    ? never
    : List;

/** An axis option (`axis`, `sharedAxes`): a number or an array of numbers, else a ShapeError in words. */
export function axesOption(layer: string, args: object | undefined, key: string, fallback: number | readonly number[]) {
  const value = optionOf<unknown>(args, key, fallback);
  if (typeof value === "number" || (Array.isArray(value) && value.every((axis) => typeof axis === "number")))
    return value as number | readonly number[];
  return fail(writeOptionTypeMessage(layer, key, "a number or an array of numbers"));
}

/**
 * The option names of a tfjs argument type, as a set for `checkKnownOptions`: tfjs's `LayerArgs` (every layer takes
 * them), `shown` (the options messages show, as `writtenLayer` takes them) and `others`, separated by spaces. The
 * compiler checks that they name every option of `Args` and nothing else, so the runtime check cannot drift from the
 * type.
 */
export const tfOptions =
  <Args>() =>
  <const Shown extends readonly (keyof Args & string)[], const Others extends string = "">(
    shown: Shown & OptionsCheck<Args, Shown[number] | Words<Others>>,
    others?: Others,
  ): ReadonlySet<string> =>
    new Set<string>([...layerArgs.split(" "), ...shown, ...(others ? others.split(" ") : [])]);
/** `unknown` when `Names` are the options of `Args` but tfjs's `LayerArgs`; what is missing or extra otherwise. */
type OptionsCheck<Args, Names> = [Exclude<keyof Args, Names | LayerArg>] extends [never]
  ? [Exclude<Names, keyof Args>] extends [never]
    ? unknown
    : { readonly notAnOption: Exclude<Names, keyof Args> }
  : { readonly missing: Exclude<keyof Args, Names | LayerArg> };

/**
 * A builder of `layers`, as every one works: the layer as messages write it (`name` with the options among `shown`),
 * the check of its options (`known`, `required`), then `make` with the layer's own checks: its settings and its shape
 * rule `outputShape` (none: the layer keeps the shape), which the check of `inputShape` / `batchInputShape` precedes.
 * The runtime object is `{ kind, written, args, ...settings, outputShape }`.
 */
export function tfLayer<Args extends object>(
  kind: string,
  name: string,
  known: ReadonlySet<string>,
  shown: readonly string[],
  required: readonly string[] = [],
  make: (layer: string, args: Args) => TfLayerSettings = () => ({}),
): (args?: unknown) => never {
  return (given) => {
    const args = (given ?? {}) as Args; // (no argument object: no option)
    const written = checkedWrittenLayer(name, args, known, shown, required);
    const made = make(written, args);
    const outputShape = checkedInputShape(name, args, made.outputShape ?? ((input) => input));
    return { kind, written, args, ...made, outputShape } satisfies TfLayerConfig as never;
  };
}
/** What a builder's `make` gives `tfLayer`: its settings (the runtime object's other properties) and its rule. */
export interface TfLayerSettings {
  readonly outputShape?: (input: RuntimeShape) => RuntimeShape;
  readonly [setting: string]: unknown;
}
/** The runtime object `tfLayer` makes (the builders' types say more). */
export interface TfLayerConfig {
  readonly kind: string;
  readonly written: string;
  readonly args: object;
  readonly outputShape: (input: RuntimeShape) => RuntimeShape;
  readonly [setting: string]: unknown;
}

/** The options of a weight of a tfjs layer (`"kernel"`, `"bias"`, …): its initializer, regularizer and constraint. */
export const weightOptions = <Name extends string>(name: Name) =>
  `${name}Initializer ${name}Regularizer ${name}Constraint` as const;
/** The options of a tfjs layer with an activation and a bias (Dense, the convolutions), besides its kernel's. */
export const activationBiasOptions = `activation useBias ${weightOptions("bias")} activityRegularizer` as const;

/** The options every tfjs layer takes (tfjs-layers' `LayerArgs`), separated by spaces. */
export const layerArgs = "inputShape batchInputShape batchSize dtype name trainable weights inputDType";
type LayerArg = Words<typeof layerArgs>;

/** tfjs's data formats; `"channelsLast"` is the default. */
export type DataFormat = "channelsLast" | "channelsFirst";

/** The message for a value outside an option's choices (only JavaScript can pass one: the types list the choices). */
export const writeChoiceMessage = (layer: string, key: string, choices: readonly string[]): string =>
  `${layer}: ${key} must be ${choices
    .slice(0, -1)
    .map((choice) => `'${choice}'`)
    .join(", ")} or '${choices.at(-1)}'`;

/** An option restricted to `choices`, or its default; throws for another value. */
export function choiceOf<Choice extends string>(
  layer: string,
  args: object | undefined,
  key: string,
  choices: readonly Choice[],
): Choice {
  const value = optionOf<unknown>(args, key, choices[0]);
  if (!choices.includes(value as Choice)) throw new ShapeError(writeChoiceMessage(layer, key, choices));
  return value as Choice;
}

/** The `dataFormat` option ("channelsLast" by default). */
export const dataFormatOf = (layer: string, args: object | undefined): DataFormat =>
  choiceOf(layer, args, "dataFormat", ["channelsLast", "channelsFirst"]);

/** Twin of `writeInputShapeMessage`. */
export const writeInputShapeMessage = (name: string, key: string, expected: unknown): string =>
  `${name}({ ${key}: ${writtenValue(expected)} }): the layer gets another input shape (${key} is ${key === "inputShape" ? "one example's shape, without the batch" : "the shape with the batch"})`;
/** Twin of `InputShapeChecked`: the rule, preceded by the check of the layer's `inputShape` / `batchInputShape` when it has one. */
export function checkedInputShape(
  name: string,
  args: object | undefined,
  rule: (input: RuntimeShape) => RuntimeShape,
): (input: RuntimeShape) => RuntimeShape {
  const given = args as { inputShape?: unknown; batchInputShape?: unknown } | undefined;
  const [key, expected, skip] = Array.isArray(given?.inputShape)
    ? ["inputShape", given.inputShape as unknown[], 1]
    : Array.isArray(given?.batchInputShape)
      ? ["batchInputShape", given.batchInputShape as unknown[], 0]
      : ["", [], 0];
  if (key === "") return rule;
  return (input) => {
    const got = input.slice(skip);
    if (
      got.length !== expected.length ||
      got.some((dim, i) => typeof dim === "number" && typeof expected[i] === "number" && dim !== expected[i])
    ) {
      throw new ShapeError(writeInputShapeMessage(name, key, expected));
    }
    return rule(input);
  };
}
