// --format json: the explanation as data (shapes with `null` where unknown, as at run time).
import type { ExplainedFile } from "../explanation.ts";

export const json = (explained: ExplainedFile): string => `${JSON.stringify(explained, null, 2)}\n`;
