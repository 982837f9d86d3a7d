// --format markdown: a GitHub-flavoured table per model, for READMEs and design docs.
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

const cell = (text: string): string => text.replaceAll("|", "\\|");
const code = (text: string): string => (text === "" ? "" : `\`${text.replaceAll("|", "\\|")}\``);

export function markdownModel(model: ExplainedModel): string {
  const graph = model.kind === "graph";
  const line = (cells: readonly string[]) => `| ${cells.join(" | ")} |`;
  const lines = [
    `### ${cell(modelHeading(model))}`,
    "",
    line(["#", "layer", ...(graph ? ["from"] : []), "output shape", "arithmetic", "params"]),
    line(["--:", ":--", ...(graph ? [":--"] : []), ":--", ":--", "--:"]),
  ];
  model.inputs.forEach((input) =>
    lines.push(
      line([
        "",
        model.inputs.length === 1 ? "input" : `input ${input.id}`,
        ...(graph ? [""] : []),
        code(shapeText(input.shape)),
        "",
        "",
      ]),
    ),
  );
  for (const { row, depth } of flatRows(model.layers)) {
    const output = row.output === null ? "✗ does not fit" : code(shapeText(row.output));
    lines.push(
      line([
        row.index,
        `${"&nbsp;&nbsp;".repeat(depth)}${code(row.layer)}`,
        ...(graph ? [cell(fromText(model, row))] : []),
        output,
        arithmeticLines(row).map(cell).join("<br>"),
        paramsText(row),
      ]),
    );
  }
  lines.push(line(["", `**${totalLabel(model)}**`, ...(graph ? [""] : []), "", "", `**${totalText(model)}**`]));
  const error = errorLines(model);
  if (error.length > 0) lines.push("", `**${cell(error[0]!)}**`, "", "```", error[1]!, "```");
  return lines.join("\n");
}

export const markdown = (explained: ExplainedFile): string => `${explained.models.map(markdownModel).join("\n\n")}\n`;
