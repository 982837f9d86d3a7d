// flatten and unflatten: the merged dimension is the product of the ones it replaces.
import { dimIndex } from "../../shape/dim-index.ts";
import { dim, known, product, Unreadable, type Explainer } from "../../explain/kinds/support.ts";

/** `64 × 12 × 12 = 9216` for the dimensions startDim…endDim (nothing when only one is "merged"). */
export const flatten: Explainer = (layer, input, output) => {
  const start = dimIndex(integer(layer.startDim, 1), input.length);
  const end = dimIndex(integer(layer.endDim, -1), input.length);
  if (start === false || end === false) throw new Unreadable("flatten dims");
  const merged = input.slice(start, end + 1);
  return { arithmetic: merged.length < 2 ? [] : [`${merged.map(dim).join(" × ")} = ${dim(output[start])}`], params: 0 };
};

/** `9216 = 64 × 12 × 12`, and `−1 = 6 / 2 = 3` for an inferred size. */
export const unflatten: Explainer = (layer, input, output) => {
  const axis = dimIndex(integer(layer.dim, 0), input.length);
  const sizes = layer["sizes"];
  if (axis === false || !Array.isArray(sizes)) throw new Unreadable("unflatten");
  const produced = output.slice(axis, axis + sizes.length);
  const line = `${dim(input[axis])} = ${produced.map(dim).join(" × ")}`;
  const inferred = sizes.indexOf(-1);
  const value = known(input[axis]);
  const others = product(sizes.filter((one: number) => one !== -1));
  return {
    arithmetic: [
      inferred === -1 || value === null ? line : `${line} (−1 = ${value} / ${others} = ${dim(produced[inferred])})`,
    ],
    params: 0,
  };
};

function integer(value: unknown, fallback: number): number {
  const one = value ?? fallback;
  if (typeof one !== "number" || !Number.isInteger(one)) throw new Unreadable("dim");
  return one;
}
