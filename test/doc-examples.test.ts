// Every `@example` of a doc comment under src/ and types/ compiles under both compilers, and the
// types its comments state hold. Each example becomes a module of .tmp/doc-examples/, its lines inside
// an async function (so `await` works), after imports of the names it uses: the package's public
// names from "shapecheck" (and "shapecheck/tfjs", "shapecheck/explain"), else the exports of its own file. Names the
// examples take as given (`model`, `images`, …) are declared once, in `given` below (`givenIn` for one file).
//
// What the comments assert, checked exactly:
//   type S = Rule<…>;        //=> T          (also on the next line): S is T
//   const v = expr;          // T            v's type is T; a shape [number, 10] is the shape of a
//   expr;                    // T              symbolic tensor, tensor or model, and Symbolic<S> or
//                                              Tensor<S> match any such of shape S
//   builder(…);              // [n, 9216] → [n, 128]    the layer maps that input shape to that output
//   type L = Layer<…>;       // [n, 9216] → [n, 128]    (n the batch, other letters named dimensions)
//   …;                       // error: text  the line must fail to compile with that text
// Any other comment (`// ShapeError: …`, a value) is prose; one that starts like a type (`[`, `Name<`,
// `//=>`) but is none of these fails the test, so that no stated type goes unchecked.
import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { test } from "node:test";
import ts from "typescript";
import { check, compilers, root, writeProject, type Block, type Line } from "./compile-blocks.ts";

const dir = join(root, ".tmp/doc-examples");

/** The names examples take as given (an MNIST model and its data): declared in the module of an example that uses them (its own declarations shadow them). */
const given: Record<string, string> = {
  tf: `typeof import("@tensorflow/tfjs-core") & typeof import("@tensorflow/tfjs-layers")`, // as @tensorflow/tfjs
  pixels: "Float32Array",
  images: `import("shapecheck/tfjs").Tensor<[number, 1, 28, 28]>`,
  labels: `import("shapecheck/tfjs").Tensor<[number]>`,
  net: `import("shapecheck").Sequential<[number, 1, 28, 28], [number, 10]>`,
  model: `import("shapecheck/tfjs").TrainableModel<[number, 1, 28, 28], [number, 10], [number], "accuracy">`,
};
/** What a file's examples take as given instead (by file, relative to the root). */
const givenIn: Record<string, Record<string, string>> = {
  "src/runtime/graph-model.ts": {
    model: `import("../../src/runtime/graph-model.ts").GraphModel<[[number, 1, 28, 28], [number, 10, 64]], [[number, 1, 28, 28], [number, 10]]>`,
    queries: `import("shapecheck/tfjs").Tensor<[number, 10, 64]>`,
  },
};

/** The types the assertions use (a module of the generated project). */
const assertions = `import type { Shape } from "shapecheck";
import type { OutputOf } from "../../src/model/sequential.ts";
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type ShapeOf<V> = V extends { readonly "~shape": infer S } ? S : V extends { readonly "~shapes": readonly [unknown, infer Output] } ? Output : never;
type Matches<V, Stated> = Equal<V, Stated> extends true ? true
  : Stated extends readonly unknown[] ? Equal<ShapeOf<V>, Stated>
  : Stated extends { readonly "~shape": unknown } ? (V extends Stated ? Equal<ShapeOf<V>, ShapeOf<Stated>> : false)
  : false;
/** true when V is what a comment states, else both, for the message. */
export type Is<V, Stated> = Matches<V, Stated> extends true ? true : { stated: Stated; got: V };
/** Asserts a type (an error "does not satisfy the constraint 'true'" shows what was stated and got). */
export type Ok<T extends true> = T;
/** The output shape of a layer on an input. */
export type Through<Input extends Shape, L> = OutputOf<Input, [L]>;
`;

const filesUnder = (path: string): string[] =>
  statSync(path).isDirectory()
    ? readdirSync(path).flatMap((name) => filesUnder(join(path, name)))
    : path.endsWith(".ts")
      ? [path]
      : [];

interface Export {
  readonly name: string;
  readonly value: boolean;
}
/** A module's exports (syntax only): names, and whether each has a value. */
function exportsOf(file: string): Export[] {
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest);
  const found: Export[] = [];
  for (const node of source.statements) {
    const exported =
      ts.canHaveModifiers(node) && ts.getModifiers(node)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
    if (ts.isExportDeclaration(node)) {
      const clause = node.exportClause;
      if (clause && ts.isNamespaceExport(clause)) found.push({ name: clause.name.text, value: !node.isTypeOnly });
      else if (clause)
        for (const e of clause.elements) found.push({ name: e.name.text, value: !node.isTypeOnly && !e.isTypeOnly });
    } else if (exported && (ts.isTypeAliasDeclaration(node) || ts.isInterfaceDeclaration(node)))
      found.push({ name: node.name.text, value: false });
    else if (exported && (ts.isFunctionDeclaration(node) || ts.isClassDeclaration(node)) && node.name)
      found.push({ name: node.name.text, value: true });
    else if (exported && ts.isVariableStatement(node)) {
      for (const d of node.declarationList.declarations)
        if (ts.isIdentifier(d.name)) found.push({ name: d.name.text, value: true });
    }
  }
  return found;
}

interface Example {
  /** The file, relative to the root. */
  readonly file: string;
  /** The example's lines, each with its line number in the file. */
  readonly lines: readonly { readonly text: string; readonly at: number }[];
}
/** Every `@example` of a doc comment: the lines after the tag, up to the next tag or the comment's end. */
function examplesOf(file: string): Example[] {
  const lines = readFileSync(file, "utf8").split("\n");
  const examples: Example[] = [];
  let inDoc = false;
  let current: { text: string; at: number }[] | undefined;
  const close = () => {
    while (current && current.length && current.at(-1)!.text.trim() === "") current.pop();
    if (current) examples.push({ file: relative(root, file), lines: current });
    current = undefined;
  };
  lines.forEach((raw, i) => {
    if (!inDoc) {
      inDoc = /^\s*\/\*\*/.test(raw) && !raw.includes("*/");
      return;
    }
    const ends = raw.includes("*/");
    const text = raw
      .replace(/\*\/.*$/, "")
      .replace(/^\s*\* ?/, "")
      .replace(/^\s*$/, "");
    if (/^@\w/.test(text)) {
      close();
      if (/^@example\b/.test(text)) current = [];
    } else if (current && !(ends && text === "")) current.push({ text: text.replace(/^```\w*$/, ""), at: i + 1 }); // a fence is markdown, not code
    if (ends) {
      close();
      inDoc = false;
    }
  });
  return examples;
}

const publicNames = [
  ...exportsOf(join(root, "src/index.ts")).map((e) => ({ ...e, from: "shapecheck" })),
  ...exportsOf(join(root, "src/tfjs.ts")).map((e) => ({ ...e, from: "shapecheck/tfjs" })),
  ...exportsOf(join(root, "src/explain/index.ts")).map((e) => ({ ...e, from: "shapecheck/explain" })),
];

/** The imports an example needs: each name it uses, public if it is, else from its own file. */
function importsFor(example: Example, words: Set<string>): string[] {
  const own = exportsOf(join(root, example.file)).map((e) => ({ ...e, from: `../../${example.file}` }));
  const byModule = new Map<string, { values: string[]; types: string[] }>();
  for (const word of words) {
    const e = publicNames.find((p) => p.name === word) ?? own.find((o) => o.name === word);
    if (!e) continue;
    const entry = byModule.get(e.from) ?? { values: [], types: [] };
    (e.value ? entry.values : entry.types).push(word);
    byModule.set(e.from, entry);
  }
  return [...byModule].flatMap(([from, { values, types }]) => [
    ...(values.length ? [`import { ${values.join(", ")} } from "${from}";`] : []),
    ...(types.length ? [`import type { ${types.join(", ")} } from "${from}";`] : []),
  ]);
}

/** The type a comment states at its start (balanced brackets), or undefined when it is prose. */
function statedType(comment: string): string | undefined {
  if (!/^(\[|[A-Z]\w*<)/.test(comment)) return undefined;
  let depth = 0;
  for (let i = 0; i < comment.length; i++) {
    const c = comment[i]!;
    if ("[<({".includes(c)) depth++;
    else if ("]>)}".includes(c) && comment[i - 1] !== "=") depth--;
    if (depth === 0 && (c === "]" || c === ">")) {
      const rest = comment.slice(i + 1).trim();
      return rest === "" || /^[,;]/.test(rest) ? comment.slice(0, i + 1) : undefined;
    }
  }
  return undefined;
}

/** A shape as a comment writes it (`[n, 64, h, w]`) as a type: `n` the batch (number), other letters named dimensions. */
const shapeType = (written: string): string =>
  written.replace(/\b([a-z]\w*)\b/g, (name) => (name === "n" ? "number" : name === "number" ? name : `"${name}"`));

let asserted = 0;
/** Comments that look like a stated type but match none of the forms above (so nothing would check them). */
const unread: string[] = [];
/** The generated module of an example: imports, the given names, the example, the assertions of its comments. */
function blockOf(example: Example, index: number): Block {
  const words = new Set(example.lines.flatMap(({ text }) => text.match(/[A-Za-z_$][\w$]*/g) ?? []));
  const declared = Object.entries({ ...given, ...givenIn[example.file] }).filter(([name]) => words.has(name));
  const head = [
    ...importsFor(example, words),
    `import type { Is, Ok, Through } from "./_assertions.ts";`,
    ...declared.map(([name, type]) => `declare const ${name}: ${type};`),
    "export {};",
    "async function example() {",
  ]
    .join("\n")
    .split("\n")
    .map((code): Line => ({ code }));
  const body: Line[] = [];
  const checks: Line[] = [];
  let lastType: string | undefined;
  example.lines.forEach(({ text, at }, l) => {
    const origin = `${example.file}:${at}`;
    let code = text;
    const state = (what: string, comment: string) => {
      asserted++;
      checks.push({
        code: `type _Check${l} = Ok<${what}>;`,
        origin: `${origin} (the type its comment states: ${comment.trim()})`,
      });
    };
    const split = text.match(/^(.*?;)\s*\/\/(=>)?\s*(.*)$/) ?? text.match(/^()\s*\/\/(=>)\s*(.*)$/);
    const declaration = text.match(/^(?:export )?(const|let|type) (\w+)\b/);
    if (declaration?.[1] === "type") lastType = declaration[2];
    if (split && !/^error: /.test(split[3]!)) {
      const [, statement, arrow, comment] = split as unknown as [string, string, string | undefined, string];
      const transition = comment.match(/^(\[[^\]]*\])\s*→\s*(\[[^\]]*\])/);
      const previous = example.lines
        .slice(0, l)
        .map((line) => line.text.replace(/\/\/.*$/, "").trim())
        .filter(Boolean)
        .at(-1);
      const starts = previous === undefined || /[;{}]$/.test(previous); // the line is a whole statement
      const expression =
        starts && statement !== "" && !declaration && !/^(await|return|import|if|for)\b/.test(statement);
      const name = expression ? `_value${l}` : declaration?.[2];
      if (expression) code = `const ${name} = ${text}`;
      const layer = name && (declaration?.[1] === "type" ? name : `typeof ${name}`);
      if (arrow && lastType) state(`Is<${lastType}, ${comment}>`, `=> ${comment}`);
      else if (transition && layer)
        state(`Is<Through<${shapeType(transition[1]!)}, ${layer}>, ${shapeType(transition[2]!)}>`, comment);
      else if (!arrow && name && declaration?.[1] !== "type" && statedType(comment))
        state(`Is<${layer}, ${statedType(comment)}>`, comment);
      else if (arrow || /^(\[|[A-Z]\w*<)/.test(comment))
        unread.push(`${origin}: a comment that looks like a type but is not one this test reads: ${text.trim()}`);
    }
    body.push({ code, origin });
  });
  return {
    name: `example-${String(index).padStart(2, "0")}.ts`,
    lines: [...head, ...body, ...checks, { code: "}" }, { code: "void example;" }],
  };
}

const examples = ["src", "types"]
  .flatMap((top) => filesUnder(join(root, top)))
  .sort()
  .flatMap(examplesOf);
const blocks = examples.map(blockOf);
writeProject(dir, blocks, { "_assertions.ts": assertions });

test("doc comments have examples, and the extractor finds them", () => {
  assert.ok(examples.length >= 90, `only ${examples.length} examples found`);
  assert.ok(
    examples.every((e) => e.lines.length > 0),
    "an empty @example",
  );
  assert.equal(unread.join("\n"), "");
});
// Both compilers run at once (each is one program of every example); each test waits for its own.
for (const [name, tsc] of Object.entries(compilers)) {
  const problems = check(tsc, dir, blocks);
  problems.catch(() => {}); // reported by its test
  test(`${name}: the ${examples.length} @example blocks of src/ and types/ compile, and the ${asserted} types their comments state hold`, async () => {
    assert.equal((await problems).join("\n"), "");
  });
}
