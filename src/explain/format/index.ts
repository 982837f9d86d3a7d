// The output formats of `shapecheck explain --format`.
import type { ExplainedFile } from "../explanation.ts";
import { dot } from "./dot.ts";
import { json } from "./json.ts";
import { markdown } from "./markdown.ts";
import { mermaid } from "./mermaid.ts";
import { text } from "./text.ts";

export const formats = { text, markdown, json, mermaid, dot } as const;
export type Format = keyof typeof formats;

export const isFormat = (name: string): name is Format => Object.hasOwn(formats, name);

/** The file's models in a format. */
export const render = (explained: ExplainedFile, format: Format = "text"): string => formats[format](explained);
