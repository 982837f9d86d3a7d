// nn.flatten: PyTorch's Flatten(start_dim=1, end_dim=-1).
import type { Layer, ShapeRule } from "../../../types/model/layer.ts";
import type { FlattenOrigins, FlattenRule } from "./flatten.types.ts";
import type { RuntimeShape } from "../../shape/dims.ts";
import { flattenOrigins, flattenRule } from "./flatten.ts";
import type { RuntimeLayer } from "../../model/layer.ts";
import type { KindConfig } from "../layer-config.ts";
import { checkArguments, checkOptionTypes, expected } from "../../shape/args.ts";

/** `nn.flatten(startDim, endDim)`: the dimensions startDim…endDim become their product. */
export interface Flatten<StartDim extends number = 1, EndDim extends number = -1> extends Layer, RuntimeLayer {
  readonly kind: "flatten";
  readonly startDim: StartDim;
  readonly endDim: EndDim;
  readonly "~rule": FlattenShapeRule<StartDim, EndDim>;
}
/** The shape rule of Flatten. */
export interface FlattenShapeRule<StartDim extends number, EndDim extends number> extends ShapeRule {
  readonly "~output": FlattenRule<WrittenFlatten<StartDim, EndDim>, StartDim, EndDim, this["~input"]>;
  readonly "~origins": FlattenOrigins<StartDim, EndDim, this["~input"]>;
}
type WrittenFlatten<StartDim extends number, EndDim extends number> = [StartDim, EndDim] extends [1, -1]
  ? "flatten()"
  : `flatten(${StartDim}, ${EndDim})`;

/** The config of flatten (its runtime object). */
export interface FlattenConfig extends KindConfig<"flatten"> {
  readonly startDim: number;
  readonly endDim: number;
}

/**
 * PyTorch's `nn.Flatten(start_dim=1, end_dim=-1)`; negative dimensions count from the end.
 *
 * @example
 * nn.flatten(); // [n, 64, 12, 12] → [n, 9216]
 */
export function flatten<const StartDim extends number = 1, const EndDim extends number = -1>(
  startDim?: StartDim,
  endDim?: EndDim,
): Flatten<StartDim, EndDim> {
  const start = startDim ?? 1;
  const end = endDim ?? -1;
  const layer = start === 1 && end === -1 ? "flatten()" : `flatten(${start}, ${end})`;
  checkArguments(layer, arguments, ["startDim", "endDim"]);
  checkOptionTypes(
    "flatten(…)",
    { startDim: start, endDim: end },
    { startDim: expected.number, endDim: expected.number },
  );
  const runtime: FlattenConfig = {
    kind: "flatten",
    written: layer,
    startDim: start,
    endDim: end,
    outputShape: (input: RuntimeShape) => flattenRule(layer, start, end, input),
    origins: (input: RuntimeShape) => flattenOrigins(start, end, input),
  };
  return runtime as never;
}
