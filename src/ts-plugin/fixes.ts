// Code fixes for a layer that does not fit its input: set its first size argument to the size the
// input has ("Set inFeatures to 9216"), or for linear "Use lazyLinear(128)". A fix is offered only
// when the layer rebuilt with it fits the input (its runtime shape rule, the twin of the type's,
// accepts it).
import type { RuntimeShape } from "../index.ts";
import type { BuiltLayer, Step } from "./analyze.ts";
import { builderFor } from "./builders.ts";

/** The fix-all id: "Fix all shapecheck sizes in the file". */
export const fixId = "shapecheck-fit";

/** Which argument a kind's fix sets, and from which input dimension. */
const sizeArguments: Readonly<
  Record<string, { readonly parameter: string; readonly from: (input: RuntimeShape) => unknown }>
> = {
  linear: { parameter: "inFeatures", from: (input) => input.at(-1) },
  conv1d: { parameter: "inChannels", from: (input) => input[1] },
  conv2d: { parameter: "inChannels", from: (input) => input[1] },
  conv3d: { parameter: "inChannels", from: (input) => input[1] },
  convTranspose1d: { parameter: "inChannels", from: (input) => input[1] },
  convTranspose2d: { parameter: "inChannels", from: (input) => input[1] },
  batchNorm1d: { parameter: "numFeatures", from: (input) => input[1] },
  batchNorm2d: { parameter: "numFeatures", from: (input) => input[1] },
  multiheadAttention: { parameter: "embedDim", from: (input) => input.at(-1) },
  lstm: { parameter: "inputSize", from: (input) => input.at(-1) },
  gru: { parameter: "inputSize", from: (input) => input.at(-1) },
};

/** One fix: a description and the text that replaces a span of the file. */
export interface Fix {
  readonly description: string;
  readonly start: number;
  readonly end: number;
  readonly newText: string;
  /** The layer as fixed, so a fix-all can walk on with its output. */
  readonly layer: BuiltLayer;
}

/** Rebuilds a layer with other arguments, if its builder accepts them and the result fits `input`. */
function fits(namespace: string, name: string, args: readonly unknown[], input: RuntimeShape): BuiltLayer | undefined {
  const build = builderFor(namespace, name);
  if (build === undefined) return undefined;
  try {
    const layer = build(...args);
    layer.outputShape(input);
    return layer;
  } catch {
    return undefined;
  }
}

/** The fixes for a step whose layer does not fit its input (none when no single-argument edit makes it fit). */
export function fixesFor(step: Step): Fix[] {
  const call = step.layerCall;
  if (step.error === undefined || call === undefined || call.namespace !== "nn") return [];
  const fixes: Fix[] = [];
  const size = sizeArguments[call.name];
  const first = call.call.arguments[0];
  const value = size?.from(step.input);
  if (size && first && typeof value === "number" && value !== call.args[0]) {
    const layer = fits(call.namespace, call.name, [value, ...call.args.slice(1)], step.input);
    if (layer)
      fixes.push({
        description: `Set ${size.parameter} to ${value}`,
        start: first.getStart(),
        end: first.getEnd(),
        newText: String(value),
        layer,
      });
  }
  // linear(in, out) with no options: lazyLinear(out) takes its inFeatures from the input.
  if (call.name === "linear" && call.call.arguments.length === 2) {
    const out = call.call.arguments[1]!;
    const layer = fits("nn", "lazyLinear", [call.args[1]], step.input);
    const callee = call.call.expression;
    if (layer && "name" in callee) {
      const name = callee.name as { getStart(): number; getEnd(): number };
      const text = out.getText();
      fixes.push({
        description: `Use lazyLinear(${text})`,
        start: name.getStart(),
        end: call.call.getEnd(),
        newText: `lazyLinear(${text})`,
        layer,
      });
    }
  }
  return fixes;
}
