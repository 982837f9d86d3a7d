// --format dot: a Graphviz digraph with the shape on every edge (`dot -Tsvg model.dot > model.svg`).
import type { ExplainedFile } from "../explanation.ts";
import { diagramOf, type DiagramGroup, type DiagramNode } from "./diagram.ts";

/** A Graphviz string: backslashes and quotes escaped, lines joined by `\n`. */
const quoted = (lines: readonly string[]): string =>
  `"${lines.map((line) => line.replaceAll("\\", "\\\\").replaceAll('"', '\\"')).join("\\n")}"`;

function node(one: DiagramNode): string {
  const attributes = [`label=${quoted(one.lines)}`];
  if (one.role === "input" || one.role === "output") attributes.push("shape=oval");
  if (one.role === "join") attributes.push("shape=circle");
  if (one.error)
    attributes.push('color="#cc0000"', 'fontcolor="#990000"', 'style="rounded,filled"', 'fillcolor="#ffdddd"');
  return `${one.id} [${attributes.join(", ")}];`;
}

function group(one: DiagramGroup, indent: string): string[] {
  return [
    ...one.nodes.map((member) => `${indent}${node(member)}`),
    ...one.groups.flatMap((inner) => [
      `${indent}subgraph cluster_${inner.id} {`,
      `${indent}  label=${quoted([inner.label])};`,
      ...group(inner, `${indent}  `),
      `${indent}}`,
    ]),
  ];
}

export function dot(explained: ExplainedFile): string {
  const { root, edges } = diagramOf(explained.models);
  const name = explained.models.length === 1 ? explained.models[0]!.name : explained.file;
  return (
    [
      `digraph ${quoted([name])} {`,
      "  rankdir=TB;",
      '  graph [fontname="Helvetica"];',
      '  node [shape=box, style=rounded, fontname="Helvetica"];',
      '  edge [fontname="Helvetica", fontsize=10];',
      ...group(root, "  "),
      ...edges.map((edge) => `  ${edge.from} -> ${edge.to} [label=${quoted([edge.label])}];`),
      "}",
    ].join("\n") + "\n"
  );
}
