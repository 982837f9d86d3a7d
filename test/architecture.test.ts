// The layout of docs/ARCHITECTURE.md (issue 14), checked mechanically: every import of src/ and types/
// is parsed (TypeScript's parser: static imports and re-exports, dynamic import(), import("…") types)
// and each file given a role by its path. Then:
// 1. the checker, src/index.ts with all it imports (type-only imports are erased), loads no
//    @tensorflow module, no node: module, nothing of the runtime, explain or export;
// 2. no checker file imports the runtime, explain or export, not even for a type: models and rules
//    do not know TensorFlow.js (src/model does not import src/runtime);
// 3. a family's rule files (x.types.ts, x.ts) import no @tensorflow module, not even for a type, and no
//    builder's values (builders import rules, not the other way);
// 4. configs are read without casts: no `as any` in src/ (but the backend kernels); in the converters (src/runtime/convert,
//    *.tfjs.ts) and explainers (*.explain.ts, src/explain/kinds) no assertion of the config or its
//    arguments (`layer`, `config`, `layer.args`) to another type, and `as never` / `as unknown as`
//    only where listed below, with the reason (the number may go down, not up).
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import ts from "typescript";

const root = path.join(import.meta.dirname, "..");

function filesUnder(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const file = `${dir}/${entry.name}`;
    return entry.isDirectory() ? filesUnder(file) : /\.m?ts$/.test(entry.name) ? [file] : [];
  });
}
const files = [...filesUnder("src"), ...filesUnder("types")];
const sources = new Map(
  files.map((file) => [
    file,
    ts.createSourceFile(file, readFileSync(path.join(root, file), "utf8"), ts.ScriptTarget.Latest, true),
  ]),
);

interface Import {
  readonly from: string;
  /** A file of the repository (`src/model/walk.ts`) or a package (`@tensorflow/tfjs-core`, `node:fs`). */
  readonly to: string;
  readonly typeOnly: boolean;
  readonly line: number;
}

/** A generated table is a `.d.ts` imported as `.ts`. */
const resolved = (file: string): string =>
  sources.has(file) || !sources.has(file.replace(/\.ts$/, ".d.ts")) ? file : file.replace(/\.ts$/, ".d.ts");

function importsOf(file: string): Import[] {
  const source = sources.get(file)!;
  const found: Import[] = [];
  const add = (node: ts.Node, specifier: string, typeOnly: boolean) =>
    found.push({
      from: file,
      to: specifier.startsWith(".") ? resolved(path.posix.join(path.posix.dirname(file), specifier)) : specifier,
      typeOnly,
      line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1,
    });
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const named = clause?.namedBindings;
      const typeOnly =
        clause !== undefined &&
        (clause.isTypeOnly ||
          (clause.name === undefined &&
            named !== undefined &&
            ts.isNamedImports(named) &&
            named.elements.length > 0 &&
            named.elements.every((e) => e.isTypeOnly)));
      add(node, node.moduleSpecifier.text, typeOnly);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      const named = node.exportClause;
      const typeOnly =
        node.isTypeOnly ||
        (named !== undefined &&
          ts.isNamedExports(named) &&
          named.elements.length > 0 &&
          named.elements.every((e) => e.isTypeOnly));
      add(node, node.moduleSpecifier.text, typeOnly);
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] !== undefined &&
      ts.isStringLiteral(node.arguments[0])
    ) {
      add(node, node.arguments[0].text, false);
    } else if (
      ts.isImportTypeNode(node) &&
      ts.isLiteralTypeNode(node.argument) &&
      ts.isStringLiteral(node.argument.literal)
    ) {
      add(node, node.argument.literal.text, true);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}
const imports = files.flatMap(importsOf);

type Role = "tfjs" | "node" | "package" | "runtime" | "explain" | "export" | "plugin" | "checker";
/** A file's role by its path (docs/ARCHITECTURE.md, "The layout" and "A family folder"). */
function roleOf(file: string): Role {
  if (file.startsWith("@tensorflow/")) return "tfjs";
  if (file.startsWith("node:") || file === "#platform") return "node";
  if (!file.startsWith("src/") && !file.startsWith("types/")) return "package";
  if (file.startsWith("src/runtime/") || file === "src/tfjs.ts" || /\.tfjs(-layer)?\.ts$/.test(file)) return "runtime";
  if (file.startsWith("src/explain/") || file === "src/cli.ts" || file.endsWith(".explain.ts")) return "explain";
  if (file.startsWith("src/export/") || file === "src/pytorch.ts" || file === "src/onnx.ts") return "export";
  if (file.startsWith("src/ts-plugin/")) return "plugin";
  return "checker";
}
const isBuilder = (file: string) =>
  /^src\/families\/[a-z-]+\/[a-z-]+\.(nn|layers)\.ts$/.test(file) || file === "src/families/custom/define-layer.ts";
const isRule = (file: string) => /^src\/families\/[a-z-]+\/[a-z-]+(\.types)?\.ts$/.test(file) && !isBuilder(file);
const show = (i: Import) => `${i.from}:${i.line} imports ${i.to}${i.typeOnly ? " (type only)" : ""}`;

test("the imports resolve to files of the repository (the parse sees them all)", () => {
  const known = new Set(files);
  const local = imports.filter((i) => i.to.startsWith("src/") || i.to.startsWith("types/"));
  assert.ok(local.length > 1000, `${local.length} imports between files`);
  assert.deepEqual(local.filter((i) => !known.has(i.to)).map(show), []);
});

test("the checker (src/index.ts and what it imports) loads no @tensorflow or node: module, nothing of the runtime, explain or export", () => {
  const reached = new Set<string>();
  const pending = ["src/index.ts"];
  const outside: string[] = [];
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (reached.has(file)) continue;
    reached.add(file);
    for (const i of imports.filter((i) => i.from === file && !i.typeOnly)) {
      const role = roleOf(i.to);
      if (role === "checker") pending.push(i.to);
      else if (role !== "package") outside.push(show(i));
    }
  }
  assert.ok(reached.size > 100, `the checker is ${reached.size} files`);
  assert.deepEqual(outside, []);
});

test("no checker file imports the runtime, explain or export, not even for a type (src/model does not import src/runtime)", () => {
  const backwards = imports.filter(
    (i) => roleOf(i.from) === "checker" && ["runtime", "explain", "export", "plugin"].includes(roleOf(i.to)),
  );
  assert.deepEqual(backwards.map(show), []);
  const modelToRuntime = imports.filter((i) => i.from.startsWith("src/model/") && roleOf(i.to) === "runtime");
  assert.deepEqual(modelToRuntime.map(show), []);
  // Only the layers vocabulary's builders name tfjs's types (its option types are tfjs-layers'), type-only.
  const tfjs = imports.filter(
    (i) => roleOf(i.from) === "checker" && roleOf(i.to) === "tfjs" && !(isBuilder(i.from) && i.typeOnly),
  );
  assert.deepEqual(tfjs.map(show), []);
});

test("a family's rule files import no @tensorflow module and no builder's values", () => {
  const rules = files.filter(isRule);
  assert.ok(rules.length > 80, `${rules.length} rule files`);
  const wrong = imports.filter(
    (i) =>
      isRule(i.from) &&
      (["tfjs", "node", "runtime", "explain", "export", "plugin"].includes(roleOf(i.to)) ||
        (isBuilder(i.to) && !i.typeOnly)),
  );
  assert.deepEqual(wrong.map(show), []);
});

/** Where `as never` / `as unknown as` are still needed in converters and explainers, how many, and why. */
const allowedCasts: Readonly<Record<string, readonly [count: number, why: string]>> = {
  "src/runtime/convert/tfjs-layers.ts": [2, "tfjs's layer factories looked up by the kind's name"],
  "src/families/conv/tf-conv.tfjs.ts": [2, "a factory by name; a kernel's attrs in a gradient function"],
  "src/families/preprocessing/tf-preprocessing.tfjs.ts": [8, "subclasses of tfjs's classes and registerClass"],
  "src/families/recurrent/tf-recurrent.tfjs.ts": [
    12,
    "the layers vocabulary's arguments passed to tfjs's factories as written (checked by the builder); Tensor.prototype",
  ],
};

test("converters and explainers read configs without casts; `as never` and `as unknown as` only where listed", () => {
  const scope = files.filter(
    (file) =>
      file.startsWith("src/runtime/convert/") ||
      file.startsWith("src/explain/kinds/") ||
      /^src\/(families\/[a-z-]+|ops)\/[a-z-]+\.(tfjs|explain)\.ts$/.test(file),
  );
  assert.ok(scope.length > 80, `${scope.length} converter and explainer files`);
  const anyCasts: string[] = [];
  const configCasts: string[] = [];
  const escapes = new Map<string, string[]>();
  for (const [file, source] of sources) {
    const visit = (node: ts.Node): void => {
      if (ts.isAsExpression(node) || ts.isTypeAssertionExpression(node)) {
        const where = `${file}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}: ${node.getText().replace(/\s+/g, " ").slice(0, 100)}`;
        // (src/runtime/kernels/ implements tfjs's backend kernels on tfjs's untyped attrs)
        if (node.type.kind === ts.SyntaxKind.AnyKeyword && !file.startsWith("src/runtime/kernels/"))
          anyCasts.push(where);
        if (scope.includes(file)) {
          if (/^(layer|config)(\.args)?$/.test(node.expression.getText())) configCasts.push(where);
          const inner = ts.isParenthesizedExpression(node.expression) ? node.expression.expression : node.expression;
          const escape =
            node.type.kind === ts.SyntaxKind.NeverKeyword ||
            (ts.isAsExpression(inner) && inner.type.kind === ts.SyntaxKind.UnknownKeyword);
          if (escape) escapes.set(file, [...(escapes.get(file) ?? []), where]);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  assert.deepEqual(anyCasts, [], "`as any` in src/");
  assert.deepEqual(configCasts, [], "a converter or explainer casts its config");
  const counted = Object.fromEntries(
    [...new Set([...escapes.keys(), ...Object.keys(allowedCasts)])].map((file) => [
      file,
      escapes.get(file)?.length ?? 0,
    ]),
  );
  const allowed = Object.fromEntries(Object.keys(counted).map((file) => [file, allowedCasts[file]?.[0] ?? 0]));
  // More: a new cast (type the config or tfjs's arguments instead); fewer: lower the number above.
  assert.deepEqual(
    counted,
    allowed,
    `\`as never\` / \`as unknown as\` casts:\n${[...escapes.values()].flat().join("\n")}`,
  );
});
