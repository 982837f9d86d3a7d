// What every table format prints in its cells: shapes, counts, arithmetic, rows with their depth.
import { showShape, type RuntimeShape } from "../../shape/dims.ts";
import type { ExplainedLayer, ExplainedModel } from "../explanation.ts";

/** `[number, 32, 26, 26]` (`number` where unknown, as the compiler prints it). */
export const shapeText = (shape: RuntimeShape): string => showShape(shape);

/** `1,199,882`. */
export const countText = (count: number): string => count.toLocaleString("en-US");

/** A row's parameters: the count, or "—" when unknown. */
export const paramsText = (row: ExplainedLayer): string =>
  row.error !== undefined ? "" : row.params === null ? "—" : countText(row.params);

/** A row's arithmetic lines: "—" for a kind explain does not know. */
export const arithmeticLines = (row: ExplainedLayer): readonly string[] =>
  row.error !== undefined ? [] : (row.arithmetic ?? ["—"]);

/** The total: `1,199,882`, `≥ 1,000` when a count is unknown. */
export const totalText = (model: ExplainedModel): string =>
  `${model.params.complete ? "" : "≥ "}${countText(model.params.total)}`;

export const totalLabel = (model: ExplainedModel): string =>
  model.error === undefined ? "total params" : "total params (up to the error)";

/** Every row, the layers inside blocks after their block, with their depth. */
export function flatRows(layers: readonly ExplainedLayer[], depth = 0): { row: ExplainedLayer; depth: number }[] {
  return layers.flatMap((row) => [
    { row, depth },
    ...(row.branches ?? []).flatMap((branch) => flatRows(branch.layers, depth + 1)),
  ]);
}

/** How a graph row names what it reads: `input`, `in1`, `3`. */
export function fromText(model: ExplainedModel, row: ExplainedLayer): string {
  const indexes = new Map(flatRows(model.layers).map(({ row: one }) => [one.id, one.index]));
  return row.from
    .map((id) => (model.inputs.length === 1 && id === model.inputs[0]!.id ? "input" : (indexes.get(id) ?? id)))
    .join(", ");
}

/** The heading of a model: `net (sequential)`, `net (sequential, built at model.ts:5)`. */
export const modelHeading = (model: ExplainedModel): string =>
  `${model.name} (${model.kind}${model.location ? `, built at ${model.location}` : ""})`;

/** The error paragraph: which layer, then the message. */
export function errorLines(model: ExplainedModel): string[] {
  const error = model.error;
  if (error === undefined) return [];
  const row = flatRows(model.layers).find(({ row: one }) => one.id === error.id)?.row;
  return [row === undefined ? "✗ ShapeError:" : `✗ layer ${row.index}, ${row.layer}, does not fit:`, error.message];
}
