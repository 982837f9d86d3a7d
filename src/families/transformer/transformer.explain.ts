// The Transformer modules: the shape is the target's (or source's); PyTorch's parameter count is the
// sum of its state_dict's entries (transformerParams, the conversion's list).
import type { Explainer } from "../../explain/kinds/support.ts";
import { transformerModule, transformerParams, type AnyTransformerConfig } from "./transformer.ts";

export const transformer: Explainer<AnyTransformerConfig> = (layer) => {
  const args = transformerModule(layer);
  return {
    arithmetic: [],
    params: transformerParams(args, args.structure).reduce((n, [, shape]) => n + shape.reduce((a, b) => a * b, 1), 0),
  };
};
