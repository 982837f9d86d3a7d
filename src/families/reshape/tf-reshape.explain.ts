// layers.flatten / reshape / permute: the element count is kept; the dimensions are merged, split or reordered.
import { dim, known, product, type Explainer } from "../../explain/kinds/support.ts";
import type { TfPermuteConfig } from "./tf-reshape.layers.ts";

/** `5 × 5 × 64 = 1600`: every dimension after the batch. */
export const tfFlatten: Explainer = (_layer, input, output) => ({
  arithmetic: input.length <= 2 ? [] : [`${input.slice(1).map(dim).join(" × ")} = ${dim(output[1])}`],
  params: 0,
});

/** `1600 = 40 × 40`. */
export const tfReshape: Explainer = (_layer, input, output) => {
  const before = input.slice(1);
  const elements = before.every((one) => known(one) !== null)
    ? String(product(before.map((one) => one as number)))
    : before.map(dim).join(" × ");
  return { arithmetic: [`${elements} = ${output.slice(1).map(dim).join(" × ")}`], params: 0 };
};

/** `axes 2, 1`: the order of the dimensions after the batch. */
export const tfPermute: Explainer<TfPermuteConfig> = ({ dims }) => ({
  arithmetic: [`axes in the order ${dims.join(", ")}`],
  params: 0,
});
