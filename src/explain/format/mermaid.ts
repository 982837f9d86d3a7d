// --format mermaid: a Mermaid flowchart with the shape on every edge (GitHub renders ```mermaid blocks).
import type { ExplainedFile } from "../explanation.ts";
import { diagramOf, type DiagramGroup, type DiagramNode } from "./diagram.ts";

/** Text in a Mermaid string: `#`, quotes and angle brackets as entity codes. */
const escape = (text: string): string =>
  text.replaceAll("#", "#35;").replaceAll('"', "#quot;").replaceAll("<", "#lt;").replaceAll(">", "#gt;");
const quoted = (text: string): string => `"${escape(text)}"`;

function node(one: DiagramNode): string {
  const label = `"${one.lines.map(escape).join("<br/>")}"`;
  return one.role === "input" || one.role === "output"
    ? `${one.id}([${label}])`
    : one.role === "join"
      ? `${one.id}((${label}))`
      : `${one.id}[${label}]`;
}

function group(one: DiagramGroup, indent: string): string[] {
  return [
    ...one.nodes.map((member) => `${indent}${node(member)}`),
    ...one.groups.flatMap((inner) => [
      `${indent}subgraph ${inner.id} [${quoted(inner.label)}]`,
      ...group(inner, `${indent}  `),
      `${indent}end`,
    ]),
  ];
}

export function mermaid(explained: ExplainedFile): string {
  const { root, edges } = diagramOf(explained.models);
  const failed = (one: DiagramGroup): string[] => [
    ...one.nodes.filter((member) => member.error).map((member) => member.id),
    ...one.groups.flatMap(failed),
  ];
  const errors = failed(root);
  return (
    [
      "flowchart TD",
      ...group(root, "  "),
      ...edges.map((edge) => `  ${edge.from} -->|${quoted(edge.label)}| ${edge.to}`),
      ...(errors.length === 0
        ? []
        : ["  classDef error fill:#fdd,stroke:#c00,color:#900", `  class ${errors.join(",")} error`]),
    ].join("\n") + "\n"
  );
}
