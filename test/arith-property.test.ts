// Property test of the type-level arithmetic (types/arith): random operand pairs of 1 to 15 digits
// for every operation, written as exact-type assertions into generated files under .tmp/ and
// compiled by TypeScript 5.9 (two processes, half the files each) and TypeScript 7. The expected
// types come from BigInt: numbers, or the exact Invalid message (division by zero, below zero, a
// result past Number.MAX_SAFE_INTEGER). The seed is fixed by default; ARITH_SEED=<n> picks another,
// ARITH_PAIRS=<n> the number of pairs per operation (default 2000). A failure names the pairs and
// the seed to rerun them.
import { execFile } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { test } from "node:test";
import { promisify } from "node:util";

const run = promisify(execFile);
const root = resolve(import.meta.dirname, "..");
const seed = Number(process.env.ARITH_SEED ?? 20240601);
const pairs = Number(process.env.ARITH_PAIRS ?? 2000);
const MAX = BigInt(Number.MAX_SAFE_INTEGER);

/** mulberry32: a small seeded generator. */
function generator(start: number) {
  let state = start >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = generator(seed);
const below = (n: number) => Math.floor(random() * n);
/** A random number of exactly `digits` digits (0 allowed for one digit). */
function number(digits: number): bigint {
  let text = digits === 1 ? String(below(10)) : String(1 + below(9));
  for (let i = 1; i < digits; i++) text += String(below(10));
  return BigInt(text);
}
/** Operand lengths: mostly uniform in 1–15, with some runs of nines and powers of ten. */
function operand(digits = 1 + below(15)): bigint {
  const kind = below(20);
  if (kind === 0) return 10n ** BigInt(digits - 1); // 1000…
  if (kind === 1) return 10n ** BigInt(digits) - 1n; // 999…
  return number(digits);
}

type Case = { op: string; a: bigint; b: bigint; expected: string };
const invalid = (op: string, a: bigint, b: bigint, text: string) => `Invalid<"${op}<${a}, ${b}>: ${text}">`;
const past = (op: string, a: bigint, b: bigint, r: bigint) =>
  invalid(op, a, b, `the result ${r} is past Number.MAX_SAFE_INTEGER`);
const compare = (a: bigint, b: bigint) => (a < b ? '"lt"' : a > b ? '"gt"' : '"eq"');

/** Pairs and expected results for one operation. */
const operations: Record<string, () => Case[]> = {
  Add: () =>
    cases(
      "Add",
      () => [operand(), operand()],
      (a, b) => (a + b <= MAX ? `${a + b}` : past("Add", a, b, a + b)),
    ),
  Sub: () =>
    cases(
      "Sub",
      () => {
        const a = operand(),
          b = below(3) === 0 ? operand() : operand(1 + below(String(a).length));
        return [a, b];
      },
      (a, b) => (a >= b ? `${a - b}` : invalid("Sub", a, b, "the result would be below zero")),
    ),
  Mul: () =>
    cases(
      "Mul",
      () => {
        // lengths that mostly keep the product exact, some past it
        const da = 1 + below(15),
          db = below(10) === 0 ? 1 + below(15) : 1 + below(Math.max(1, 17 - da));
        return [operand(da), operand(db)];
      },
      (a, b) => (a * b <= MAX ? `${a * b}` : past("Mul", a, b, a * b)),
    ),
  FloorDiv: () =>
    cases("FloorDiv", divisorPair, (a, b) => (b === 0n ? invalid("FloorDiv", a, b, "division by zero") : `${a / b}`)),
  CeilDiv: () =>
    cases("CeilDiv", divisorPair, (a, b) =>
      b === 0n ? invalid("CeilDiv", a, b, "division by zero") : `${(a + b - 1n) / b}`,
    ),
  Mod: () => cases("Mod", divisorPair, (a, b) => (b === 0n ? invalid("Mod", a, b, "division by zero") : `${a % b}`)),
  Compare: () => cases("Compare", closePair, (a, b) => compare(a, b)),
  Max: () => cases("Max", closePair, (a, b) => `${a > b ? a : b}`),
  Min: () => cases("Min", closePair, (a, b) => `${a < b ? a : b}`),
};
function divisorPair(): [bigint, bigint] {
  const a = operand();
  const digits = String(a).length;
  return [a, below(50) === 0 ? 0n : operand(1 + below(digits))];
}
/** Compare's pairs: often the same length, sometimes sharing a prefix or equal. */
function closePair(): [bigint, bigint] {
  const a = operand();
  const kind = below(4);
  if (kind === 0) return [a, a];
  if (kind === 1) {
    const text = String(a);
    const cut = below(text.length);
    return [a, BigInt(text.slice(0, cut) + String(number(text.length - cut)).padStart(text.length - cut, "0"))];
  }
  return [a, operand(kind === 2 ? String(a).length : undefined)];
}
function cases(op: string, pair: () => [bigint, bigint], expect: (a: bigint, b: bigint) => string): Case[] {
  return Array.from({ length: pairs }, () => {
    const [a, b] = pair();
    return { op, a, b, expected: expect(a, b) };
  });
}

const dir = join(root, ".tmp", "arith-property");
const files: { path: string; cases: Case[] }[] = [];
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
const perFile = 500;
for (const [op, make] of Object.entries(operations)) {
  const all = make();
  for (let start = 0; start < all.length; start += perFile) {
    const chunk = all.slice(start, start + perFile);
    const path = join(dir, `${op}-${start / perFile}.ts`);
    writeFileSync(
      path,
      [
        `import { expectType, type TypeEqual } from "ts-expect";`,
        `import type { ${op}, Invalid } from "shapecheck";`,
        ...chunk.map((c) => `expectType<TypeEqual<${op}<${c.a}, ${c.b}>, ${c.expected}>>(true);`),
      ].join("\n") + "\n",
    );
    files.push({ path, cases: chunk });
  }
}
const compilerOptions = {
  target: "ES2022",
  module: "NodeNext",
  moduleResolution: "NodeNext",
  strict: true,
  noEmit: true,
  skipLibCheck: true,
  allowImportingTsExtensions: true,
  types: [],
};
const names = files.map((f) => f.path.slice(dir.length + 1));
const projects = {
  all: names,
  even: names.filter((_, i) => i % 2 === 0),
  odd: names.filter((_, i) => i % 2 === 1),
};
for (const [name, include] of Object.entries(projects)) {
  writeFileSync(join(dir, `tsconfig.${name}.json`), JSON.stringify({ compilerOptions, files: include }, null, 2));
}

/** Compiles the generated files of one project; returns the failing cases. */
async function failures(tsc: string, project: keyof typeof projects): Promise<string[]> {
  let output = "";
  try {
    await run(process.execPath, [tsc, "-p", join(dir, `tsconfig.${project}.json`), "--pretty", "false"], {
      cwd: root,
      maxBuffer: 1 << 28,
    });
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string };
    output = `${e.stdout ?? ""}${e.stderr ?? ""}`;
    if (!/error TS\d+/.test(output)) throw error;
  }
  const found: string[] = [];
  for (const line of output.split("\n")) {
    const hit = line.match(/([^\\/]+\.ts)\((\d+),\d+\): error (TS\d+: .*)$/);
    if (!hit) {
      if (/error TS/.test(line)) found.push(line);
      continue;
    }
    const file = files.find((f) => f.path.endsWith(`/${hit[1]}`));
    const c = file?.cases[Number(hit[2]) - 3];
    found.push(c ? `${c.op}<${c.a}, ${c.b}> should be ${c.expected} — ${hit[3].slice(0, 300)}` : line);
  }
  return found;
}

// TypeScript 5.9 checks on one thread: two processes; TypeScript 7 checks files in parallel itself.
const compilers = {
  "TypeScript 5.9": { tsc: join(root, "node_modules/typescript/bin/tsc"), projects: ["even", "odd"] as const },
  "TypeScript 7": { tsc: join(root, "node_modules/typescript-7/bin/tsc"), projects: ["all"] as const },
};
for (const [name, { tsc, projects }] of Object.entries(compilers)) {
  test(
    `arithmetic agrees with BigInt on ${pairs} random pairs per operation under ${name} (seed ${seed})`,
    { timeout: 600_000 },
    async () => {
      const started = performance.now();
      const found = (await Promise.all(projects.map((project) => failures(tsc, project)))).flat();
      console.log(
        `${name}: ${Object.keys(operations).length * pairs} assertions in ${((performance.now() - started) / 1000).toFixed(1)} s`,
      );
      if (found.length > 0) {
        throw new Error(`${found.length} failures (rerun with ARITH_SEED=${seed}):\n${found.slice(0, 30).join("\n")}`);
      }
    },
  );
}

// The budgets of issue 2, in instantiations above an empty file that imports the arithmetic (the
// whole program checked, as `tsc` does; TypeScript 5.9's API, which counts what TypeScript 7 with
// one checker counts): every operation on 6-digit operands under 1,000, Mul on 8-digit operands
// under 5,000. `npm run bench:types` prints the figures.
test("arithmetic stays within its instantiation budgets (TypeScript 5.9)", async () => {
  const { default: ts } = await import("typescript");
  const budgetDir = join(root, ".tmp", "arith-budgets");
  mkdirSync(budgetDir, { recursive: true });
  const options: import("typescript").CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    lib: ["lib.es2022.d.ts"],
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    allowImportingTsExtensions: true,
    types: [],
  };
  const host = ts.createCompilerHost(options);
  const cached = new Map<string, import("typescript").SourceFile | undefined>();
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, language) => {
    if (name.startsWith(budgetDir)) return getSourceFile(name, language);
    if (!cached.has(name)) cached.set(name, getSourceFile(name, language));
    return cached.get(name);
  };
  const header = `import type { Add, Sub, Mul, FloorDiv, CeilDiv, Mod, Compare, Max, Min } from "../../types/arith/index.ts";\n`;
  const count = (name: string, body: string) => {
    const file = join(budgetDir, `${name}.ts`);
    writeFileSync(file, header + body);
    const program = ts.createProgram([file], options, host);
    const errors = program.getSemanticDiagnostics();
    if (errors.length > 0) throw new Error(ts.flattenDiagnosticMessageText(errors[0]!.messageText, "\n"));
    return program.getInstantiationCount();
  };
  const empty = count("empty", "export {};\n");
  const cases: [string, number][] = [
    ...["Add", "Sub", "Mul", "FloorDiv", "CeilDiv", "Mod", "Compare", "Max", "Min"].map((op): [string, number] => [
      `${op}<987654, 123456>`,
      1000,
    ]),
    ["Mul<98765432, 12345678>", 5000],
  ];
  const over = cases.flatMap(([type, budget], i) => {
    const used = count(`case-${i}`, `export type R = ${type};\n`) - empty;
    return used < budget ? [] : [`${type}: ${used} instantiations, budget ${budget}`];
  });
  if (over.length > 0) throw new Error(`over budget:\n${over.join("\n")}`);
});
