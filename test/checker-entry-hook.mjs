// A module resolve hook for test/checker-entry-child.ts: appends every specifier resolved in the
// process, and the URL it resolved to, to the file `data.log` (one `specifier\turl` per line).
import { appendFileSync } from "node:fs";

let log;

export function initialize(data) {
  log = data.log;
}

export async function resolve(specifier, context, nextResolve) {
  const resolved = await nextResolve(specifier, context);
  appendFileSync(log, `${specifier}\t${resolved.url}\n`);
  return resolved;
}
