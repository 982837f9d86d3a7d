// `npm run bench:types`: the type-checking benchmarks, section by section, each printing Markdown.
//   arithmetic  bench/arith.ts: the operations of types/arith on 2-, 6- and 15-digit operands
//   models      bench/types-models.ts: the example models and long sequentials
//   editor      bench/tsserver.ts: hover and completion latency in TypeScript 5.9's tsserver
//
//   npm run bench:types [-- --section arithmetic|models|editor]… [options of the sections]
// Without --section, every section runs, in this order. The remaining options go to each section
// that runs (--runs N, --only REGEX and --compiler 5.9|7 mean the same in both).
const sections: Record<string, () => Promise<{ main(argv: readonly string[]): Promise<void> }>> = {
  arithmetic: () => import("./arith.ts"),
  models: () => import("./types-models.ts"),
  editor: () => import("./tsserver.ts"),
};

const argv = process.argv.slice(2);
const chosen: string[] = [];
const rest: string[] = [];
for (let i = 0; i < argv.length; i++) {
  if (argv[i] === "--section") chosen.push(argv[++i]!);
  else rest.push(argv[i]!);
}
for (const name of chosen)
  if (!(name in sections)) throw new Error(`no section "${name}" (sections: ${Object.keys(sections).join(", ")})`);
for (const name of chosen.length > 0 ? chosen : Object.keys(sections)) {
  const section = await sections[name]!();
  await section.main(rest);
}
