// Type-checking cost of the arithmetic (types/arith/), under TypeScript 5.9 and TypeScript 7: each
// operation on 2-, 6- and 15-digit operands, plus the budget cases of issue 2 (every operation on
// 6-digit operands under 1,000 instantiations, Mul on two 8-digit operands under 5,000).
//
// A case is a file that imports the arithmetic and evaluates one type; its cost is what
// `tsc --extendedDiagnostics` reports above an empty file that imports the same thing (the whole
// program: the arithmetic's own declarations are in both). Instantiation counts are exact; check
// times are medians over runs (the machine is shared: read them with the load average).
// TypeScript 7 checks files on several checkers at once, each with its own caches: the checker that
// gets the case file resolves the arithmetic's declarations again (another checker did for the
// empty file), so a first use counts more there than with one checker (`--checkers 1`), which
// counts exactly what TypeScript 5.9 counts. Both figures are shown, and "again": what a second use
// of the operation (other operands) in the same file adds, with TypeScript 7's default checkers.
//
//   node --import tsx bench/arith.ts [--runs N] [--only REGEX] [--compiler 5.9|7]
//   (also run by `npm run bench:types`, which passes its options on)
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import ts from "typescript";

const root = resolve(import.meta.dirname, "..");
const dir = join(root, ".tmp/bench-arith");

type CompilerName = "TypeScript 5.9" | "TypeScript 7";
const compilers: Record<CompilerName, string> = {
  "TypeScript 5.9": join(root, "node_modules/typescript/bin/tsc"),
  "TypeScript 7": join(root, "node_modules/typescript-7/bin/tsc"),
};
/** The project's options, without @types/node (nothing here needs it): a tsconfig.json per case file. */
const compilerOptions = {
  target: "es2022",
  lib: ["es2022"],
  module: "nodenext",
  moduleResolution: "nodenext",
  strict: true,
  noEmit: true,
  skipLibCheck: true,
  allowImportingTsExtensions: true,
  verbatimModuleSyntax: true,
  types: [],
};
const names = ["Add", "Sub", "Mul", "FloorDiv", "CeilDiv", "Mod", "Compare", "Max", "Min", "Product"] as const;
const header = `import type { ${names.join(", ")} } from "../../types/arith/index.ts";\n`;

/** One case: a type expression, the budget it must stay under (if any), and a second use for "again". */
interface Case {
  readonly operation: string;
  readonly operands: string;
  readonly type: string;
  readonly again: string;
  readonly budget?: number;
}

const sizes = {
  "2 digits": ["64", "12", "75", "13"],
  "6 digits": ["987654", "123456", "876543", "234567"],
  "15 digits": ["987654321098765", "123456789012345", "876543210987654", "234567890123456"],
} as const;

function cases(): Case[] {
  const list: Case[] = [];
  for (const [size, [a, b, c, d]] of Object.entries(sizes)) {
    for (const name of names) {
      if (name === "Product") continue;
      list.push({
        operation: name,
        operands: size,
        type: `${name}<${a}, ${b}>`,
        again: `${name}<${c}, ${d}>`,
        budget: size === "6 digits" ? 1000 : undefined,
      });
    }
  }
  list.push({
    operation: "Product",
    operands: "[64, 12, 12]",
    type: "Product<[64, 12, 12]>",
    again: "Product<[32, 13, 13]>",
  });
  list.push({
    operation: "Product",
    operands: "[224, 224, 64]",
    type: "Product<[224, 224, 64]>",
    again: "Product<[112, 112, 128]>",
  });
  list.push({
    operation: "Product",
    operands: "two of 6 digits",
    type: "Product<[987654, 123456]>",
    again: "Product<[876543, 234567]>",
  });
  list.push({
    operation: "Mul",
    operands: "8 digits × 8",
    type: "Mul<98765432, 12345678>",
    again: "Mul<87654321, 23456789>",
    budget: 5000,
  });
  list.push({
    operation: "Product",
    operands: "20 dimensions",
    type: "Product<[2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 2, 2, 2, 2, 2, 2, 2, 2]>",
    again: "Product<[3, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 2, 2, 2, 2, 2, 2, 2, 2]>",
  });
  list.push({
    operation: "Add × 100",
    operands: "a recursive type",
    type: "AddTimes<0, 7, Hundred>",
    again: "AddTimes<5, 9, Hundred>",
  });
  return list;
}
const helpers = `type AddTimes<Sum, Step, Count extends unknown[]> = Count extends [unknown, ...infer Rest] ? AddTimes<Add<Sum, Step>, Step, Rest> : Sum;
type Ten = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
type Hundred = [...Ten, ...Ten, ...Ten, ...Ten, ...Ten, ...Ten, ...Ten, ...Ten, ...Ten, ...Ten];
`;

interface Run {
  readonly instantiations: number;
  readonly check: number;
}

/** Checks one case file (its tsconfig) with `tsc --extendedDiagnostics`. */
function check(compiler: CompilerName, file: string, extra: readonly string[] = []): Run {
  const project = file.replace(/\.ts$/, ".json");
  const result = spawnSync(
    process.execPath,
    [compilers[compiler], "-p", project, "--extendedDiagnostics", "--pretty", "false", ...extra],
    { cwd: root, encoding: "utf8", maxBuffer: 1 << 26 },
  );
  const out = result.stdout ?? "";
  const field = (name: string): number => {
    const match = out.match(new RegExp(`^${name}:\\s+([\\d.]+)`, "m"));
    if (!match) throw new Error(`${compiler} printed no "${name}":\n${out.slice(0, 2000)}${result.stderr ?? ""}`);
    return Number(match[1]);
  };
  const errors = out.split("\n").filter((line) => line.includes("error TS"));
  if (errors.length > 0) throw new Error(`${compiler}: ${file}:\n${errors.join("\n")}`);
  return { instantiations: field("Instantiations"), check: field("Check time") };
}

/** The type a case computes, as TypeScript 5.9 prints it (both compilers agree: the type tests say so). */
function shown(file: string): string {
  const program = ts.createProgram([file], {
    strict: true,
    noEmit: true,
    module: ts.ModuleKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    lib: ["lib.es2022.d.ts"],
    allowImportingTsExtensions: true,
    skipLibCheck: true,
    types: [],
  });
  const alias = program
    .getSourceFile(file)!
    .statements.filter(ts.isTypeAliasDeclaration)
    .find((s) => s.name.text === "R0")!;
  const checker = program.getTypeChecker();
  return checker.typeToString(checker.getTypeAtLocation(alias.name), undefined, ts.TypeFormatFlags.NoTruncation);
}

const source = (types: readonly string[]) =>
  `${header}${helpers}${types.map((type, i) => `export type R${i} = ${type};\n`).join("")}`;

const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;

interface Options {
  runs?: number;
  only?: RegExp;
  compilers: CompilerName[];
}

function parseOptions(argv: readonly string[]): Options {
  const options: Options = { compilers: Object.keys(compilers) as CompilerName[] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--runs") options.runs = Number(argv[++i]);
    else if (arg === "--only") options.only = new RegExp(argv[++i]!, "i");
    else if (arg === "--compiler") {
      const version = argv[++i];
      options.compilers = options.compilers.filter((name) => name.endsWith(` ${version}`));
    } else if (arg === "--help") {
      console.log("node --import tsx bench/arith.ts [--runs N] [--only REGEX] [--compiler 5.9|7]");
      process.exit(0);
    }
    // other options belong to other sections of bench/types.ts
  }
  return options;
}

const progress = (text: string) => process.stderr.write(`\r\x1b[K${text}`);

/** Runs the arithmetic benchmark and prints its table (Markdown). */
export async function main(argv: readonly string[] = process.argv.slice(2)): Promise<void> {
  const options = parseOptions(argv);
  const list = cases().filter((c) => !options.only || options.only.test(`${c.operation} ${c.operands}`));
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const load = readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");
  console.log(`## Type-checking cost of the arithmetic (load average ${load})\n`);

  const write = (name: string, types: readonly string[]) => {
    const file = join(dir, `${name}.ts`);
    writeFileSync(file, source(types));
    writeFileSync(join(dir, `${name}.json`), JSON.stringify({ compilerOptions, files: [`${name}.ts`] }));
    return file;
  };
  const empty = write("empty", []);
  const files = list.map((c, i) => ({
    alone: write(`case-${i}`, [c.type]),
    warm: write(`warm-${i}`, [c.again]),
    again: write(`again-${i}`, [c.again, c.type]),
  }));
  interface Measured {
    first: number;
    single: number;
    again: number;
    check: number;
  }
  const results = new Map<CompilerName, Measured[]>();
  for (const compiler of options.compilers) {
    const runs = options.runs ?? (compiler === "TypeScript 7" ? 5 : 3);
    const base: Run[] = [];
    const checks: number[][] = list.map(() => []);
    const first: number[] = [];
    for (let run = 0; run < runs; run++) {
      // round robin, so that the empty file sees the same load
      progress(`${compiler}: run ${run + 1}/${runs}`);
      base.push(check(compiler, empty));
      files.forEach(({ alone }, i) => {
        const measured = check(compiler, alone);
        if (run === 0) first.push(measured.instantiations - base[0]!.instantiations);
        checks[i]!.push(measured.check);
      });
    }
    const baseCheck = median(base.map((r) => r.check));
    const one = ["--checkers", "1"];
    const singleBase = compiler === "TypeScript 7" ? check(compiler, empty, one).instantiations : 0;
    results.set(
      compiler,
      files.map(({ alone, warm, again }, i) => {
        progress(`${compiler}: again ${i + 1}/${files.length}`);
        return {
          first: first[i]!,
          single: compiler === "TypeScript 7" ? check(compiler, alone, one).instantiations - singleBase : first[i]!,
          again: check(compiler, again).instantiations - check(compiler, warm).instantiations,
          check: median(checks[i]!) - baseCheck,
        };
      }),
    );
  }
  progress("");

  const count = (n: number) => n.toLocaleString("en-US");
  const time = (s: number) => (s < 0.0005 ? "< 1 ms" : `${(s * 1000).toFixed(0)} ms`);
  const has7 = options.compilers.includes("TypeScript 7");
  const head = [
    "operation",
    "operands",
    ...options.compilers.map((name) => (name === "TypeScript 7" ? "TypeScript 7 (one checker)" : name)),
    ...(has7 ? ["TypeScript 7, first use / again"] : []),
    ...options.compilers.map((name) => `${name} check`),
    "result",
  ];
  const rows = list.map((c, i) => [
    `\`${c.type.replace(/<.*/, "")}\``,
    c.operands,
    ...options.compilers.map((name) => {
      const n = results.get(name)![i]!.single;
      return `${count(n)}${c.budget !== undefined && n >= c.budget ? " **over**" : ""}`;
    }),
    ...(has7
      ? [`${count(results.get("TypeScript 7")![i]!.first)} / ${count(results.get("TypeScript 7")![i]!.again)}`]
      : []),
    ...options.compilers.map((name) => time(results.get(name)![i]!.check)),
    shorten(shown(files[i]!.alone)),
  ]);
  console.log([head, head.map(() => "---"), ...rows].map((cells) => `| ${cells.join(" | ")} |`).join("\n"));
  console.log(
    `\nOperands: ${Object.entries(sizes)
      .map(([size, [a, b]]) => `${size} ${a} and ${b}`)
      .join("; ")}.`,
  );
  console.log(
    'Instantiations above the empty file; TypeScript 7 with one checker counts what 5.9 counts. "first use / again": ' +
      "TypeScript 7 with its default checkers, for the case alone and for a second use in the same file. " +
      "Check time: median over runs, above the empty file.\n",
  );

  console.log("### Budgets (issue 2)\n");
  for (const compiler of options.compilers) {
    const budgeted = list
      .map((c, i) => ({ c, r: results.get(compiler)![i]! }))
      .filter(({ c }) => c.budget !== undefined);
    const over = budgeted.filter(({ c, r }) => r.single >= c.budget!);
    const worst = budgeted.filter(({ c }) => c.budget === 1000).reduce((m, { r }) => Math.max(m, r.single), 0);
    const mul8 = budgeted.find(({ c }) => c.budget === 5000)?.r.single;
    console.log(
      `- ${compiler === "TypeScript 7" ? "TypeScript 7 (one checker)" : compiler}: every operation on 6-digit operands under 1,000 (most: ${count(worst)}), ` +
        `Mul on 8-digit operands under 5,000 (${mul8 === undefined ? "not run" : count(mul8)}): ${over.length === 0 ? "met" : `**not met** (${over.map(({ c }) => `${c.operation} ${c.operands}`).join(", ")})`}`,
    );
    if (compiler === "TypeScript 7") {
      const worstFirst = budgeted.filter(({ c }) => c.budget === 1000).reduce((m, { r }) => Math.max(m, r.first), 0);
      const worstAgain = budgeted.filter(({ c }) => c.budget === 1000).reduce((m, { r }) => Math.max(m, r.again), 0);
      console.log(
        `- TypeScript 7, default checkers: 6-digit operands, first use in a program at most ${count(worstFirst)}, each further use at most ${count(worstAgain)}`,
      );
    }
  }
  console.log("");
}

const shorten = (text: string) => (text.length > 60 ? `${text.slice(0, 57)}…` : text).replace(/\|/g, "\\|");

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
