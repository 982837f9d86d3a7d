// Explain text of layers.repeatVector: the features repeated n times; no parameters.
import type { Explainer } from "../../explain/kinds/support.ts";
import type { TfRepeatVectorConfig } from "./tf-repeat-vector.layers.ts";

export const tfRepeatVector: Explainer<TfRepeatVectorConfig> = (layer) => ({
  arithmetic: [`features repeated ${layer.n} times`],
  params: 0,
});
