// flatten and unflatten: the merged dimension is the product of the ones it replaces.
import { dimIndex } from "../../shape/dim-index.ts";
import { dim, known, product, Unreadable, type Explainer } from "../../explain/kinds/support.ts";
import type { FlattenConfig } from "./flatten.nn.ts";
import type { UnflattenConfig } from "./unflatten.nn.ts";

/** `64 × 12 × 12 = 9216` for the dimensions startDim…endDim (nothing when only one is "merged"). */
export const flatten: Explainer<FlattenConfig> = (layer, input, output) => {
  const start = dimIndex(layer.startDim, input.length);
  const end = dimIndex(layer.endDim, input.length);
  if (start === false || end === false) throw new Unreadable("flatten dims");
  const merged = input.slice(start, end + 1);
  return { arithmetic: merged.length < 2 ? [] : [`${merged.map(dim).join(" × ")} = ${dim(output[start])}`], params: 0 };
};

/** `9216 = 64 × 12 × 12`, and `−1 = 6 / 2 = 3` for an inferred size. */
export const unflatten: Explainer<UnflattenConfig> = (layer, input, output) => {
  const axis = dimIndex(layer.dim, input.length);
  const sizes = layer.sizes;
  if (axis === false) throw new Unreadable("unflatten dim");
  const produced = output.slice(axis, axis + sizes.length);
  const line = `${dim(input[axis])} = ${produced.map(dim).join(" × ")}`;
  const inferred = sizes.indexOf(-1);
  const value = known(input[axis]);
  const others = product(sizes.filter((one) => one !== -1));
  return {
    arithmetic: [
      inferred === -1 || value === null ? line : `${line} (−1 = ${value} / ${others} = ${dim(produced[inferred])})`,
    ],
    params: 0,
  };
};
