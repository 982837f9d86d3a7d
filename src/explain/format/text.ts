// --format text: a table per model for the terminal, like the comments a PyTorch user writes by hand.
import type { ExplainedFile, ExplainedModel } from "../explanation.ts";
import {
  arithmeticLines,
  errorLines,
  flatRows,
  fromText,
  modelHeading,
  paramsText,
  shapeText,
  totalLabel,
  totalText,
} from "./cells.ts";

type Align = "left" | "right";
const width = (text: string): number => [...text].length;
const pad = (text: string, size: number, align: Align): string =>
  align === "right" ? " ".repeat(size - width(text)) + text : text + " ".repeat(size - width(text));

/** Lays out rows of cells (a cell may have several lines) in columns two spaces apart. */
export function layout(
  header: readonly string[],
  rows: readonly (readonly (string | readonly string[])[])[],
  aligns: readonly Align[],
): string[] {
  const lines = (cell: string | readonly string[]): readonly string[] => (typeof cell === "string" ? [cell] : cell);
  const widths = header.map((title, column) =>
    Math.max(width(title), ...rows.map((row) => Math.max(0, ...lines(row[column] ?? "").map(width)))),
  );
  const render = (cells: readonly string[]) =>
    cells
      .map((cell, column) => pad(cell, widths[column]!, aligns[column]!))
      .join("  ")
      .trimEnd();
  return [
    render(header),
    ...rows.flatMap((row) => {
      const height = Math.max(...row.map((cell) => lines(cell).length));
      return Array.from({ length: height }, (_, line) => render(row.map((cell) => lines(cell)[line] ?? "")));
    }),
  ];
}

export function textModel(model: ExplainedModel): string {
  const graph = model.kind === "graph";
  const header = ["#", "layer", ...(graph ? ["from"] : []), "output shape", "arithmetic", "params"];
  const aligns: Align[] = ["right", "left", ...(graph ? ["left" as const] : []), "left", "left", "right"];
  const rows: (string | readonly string[])[][] = [];
  model.inputs.forEach((input) =>
    rows.push([
      "",
      model.inputs.length === 1 ? "input" : `input ${input.id}`,
      ...(graph ? [""] : []),
      shapeText(input.shape),
      "",
      "",
    ]),
  );
  for (const { row, depth } of flatRows(model.layers)) {
    const output = row.output === null ? "✗ does not fit" : shapeText(row.output);
    rows.push([
      row.index,
      "  ".repeat(depth) + row.layer,
      ...(graph ? [fromText(model, row)] : []),
      output,
      arithmeticLines(row),
      paramsText(row),
    ]);
  }
  rows.push(["", totalLabel(model), ...(graph ? [""] : []), "", "", totalText(model)]);
  const error = errorLines(model);
  return [
    modelHeading(model),
    "",
    ...layout(header, rows, aligns),
    ...(error.length === 0 ? [] : ["", error[0]!, `  ${error[1]}`]),
  ].join("\n");
}

/** The file's name, then each model's table. */
export const text = (explained: ExplainedFile): string =>
  `${explained.file}\n\n${explained.models.map(textModel).join("\n\n")}\n`;
