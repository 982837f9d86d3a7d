// layers.dense: the last dimension becomes units; tfjs's kernel in·units + bias units.
import { count, known, type Explainer } from "../../explain/kinds/support.ts";
import type { TfDenseConfig } from "./tf-dense.layers.ts";

export const tfDense: Explainer<TfDenseConfig> = (layer, input) => {
  const units = count(layer.units);
  const features = known(input.at(-1));
  return {
    arithmetic: [`→ ${units}`],
    params: features === null ? null : features * units + (layer.args.useBias !== false ? units : 0),
  };
};
