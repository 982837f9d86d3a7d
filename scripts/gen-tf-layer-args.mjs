// Writes types/shape/tf-layer-args.d.ts (a declaration file: skipLibCheck skips it, as the other generated types): the argument types of the tfjs-layers builders that the `layers`
// vocabulary's option types derive from (`typeof tfl.layers.dense`), copied from tfjs-layers' declarations
// with their documentation. The checker (`shapecheck`) imports these instead of @tensorflow/tfjs-layers, so
// that importing the package reads no TensorFlow.js declaration file (issue 15: tfjs-layers' types pulled
// in ~350 of them). The few classes and tfjs-core types they mention are declared by hand below (`leaves`),
// structurally: tfjs's objects (initializers, constraints, regularizers, tensors) are assignable to them.
// test-d/layers/tf-layer-args.test-d.ts checks that tfjs's argument types are assignable to these and have
// the same keys. Run: npm run gen (after a tfjs-layers update or a new `layers` builder). `--out <dir>` writes
// <dir>/types/shape/tf-layer-args.d.ts instead (test/generated.test.ts compares it with the committed file).
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import ts from "typescript";

const root = join(import.meta.dirname, "..");

// the builders the families' `.layers.ts` files name (`typeof tfl.layers.dense`)
const families = join(root, "src/families");
const builders = [
  ...new Set(
    readdirSync(families, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .flatMap((dir) =>
        readdirSync(join(families, dir.name))
          .filter((name) => name.endsWith(".layers.ts"))
          .flatMap((name) => [
            ...readFileSync(join(families, dir.name, name), "utf8").matchAll(/\btfl\.layers\.(\w+)/g),
          ]),
      )
      .map((match) => match[1]),
  ),
].sort();

// The types tfjs-layers' arguments mention that are not declared in tfjs-layers' own argument files
// (tfjs-core's, and classes): declared structurally, with what the arguments need of them.
const leaves = `/** tfjs-core's \`DataType\`. */
export type DataType = "float32" | "int32" | "bool" | "complex64" | "string";

/** A tfjs-core tensor, as arguments take it (\`weights\`): any \`tf.Tensor\` is one. */
export interface Tensor {
  readonly shape: number[];
  readonly dtype: DataType;
  readonly rank: number;
  dispose(): void;
}

/** What tfjs-layers' serializable objects have (initializers, constraints, regularizers, layers). */
interface Serializable {
  getClassName(): string;
  getConfig(): object;
}

/** A tfjs-layers initializer object (\`tf.initializers.heNormal({})\`). */
export interface Initializer extends Serializable {
  apply(shape: Shape, dtype?: DataType): Tensor;
}

/** A tfjs-layers constraint object (\`tf.constraints.maxNorm({})\`). */
export interface Constraint extends Serializable {
  apply(w: Tensor): Tensor;
}

/** A tfjs-layers regularizer object (\`tf.regularizers.l2()\`). */
export interface Regularizer extends Serializable {
  apply(x: Tensor): Tensor;
}

/** A tfjs-layers layer (the wrappers' \`layer\`; the \`layers\` vocabulary takes its own layers there instead). */
export interface Layer extends Serializable {
  readonly name: string;
}

/** A tfjs-layers recurrent layer (Bidirectional's \`layer\`). */
export interface RNN extends Layer {
  readonly cell: RNNCell;
}

/** A tfjs-layers recurrent cell (RNN's \`cell\`, StackedRNNCells' \`cells\`). */
export interface RNNCell extends Layer {
  stateSize: number | number[];
}
`;
const declaredByHand = new Set([
  "DataType",
  "Tensor",
  "Initializer",
  "Constraint",
  "Regularizer",
  "Layer",
  "RNN",
  "RNNCell",
]);

// A program that sees `typeof tfl.layers`, to walk from each builder's parameter to the declarations it uses.
const probe = join(root, ".tmp-gen-tf-layer-args.ts");
writeFileSync(probe, 'import type * as tfl from "@tensorflow/tfjs-layers";\nexport type L = typeof tfl.layers;\n');
let program;
try {
  program = ts.createProgram([probe], {
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    target: ts.ScriptTarget.ES2022,
    strict: true,
    noEmit: true,
    types: [],
  });
} finally {
  rmSync(probe, { force: true });
}
const checker = program.getTypeChecker();
const layersType = checker.getTypeFromTypeNode(program.getSourceFile(probe).statements[1].type);

const copied = new Map(); // name → declaration, in the order found
const unknownLeaves = new Set();
function visit(node) {
  if (ts.isTypeReferenceNode(node) || ts.isExpressionWithTypeArguments(node)) {
    let symbol = checker.getSymbolAtLocation(ts.isTypeReferenceNode(node) ? node.typeName : node.expression);
    if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
    const declaration = symbol?.declarations?.[0];
    const name = symbol?.getName();
    if (declaration && !declaredByHand.has(name)) {
      const fromLayers = declaration.getSourceFile().fileName.includes("@tensorflow/tfjs-layers/");
      if (fromLayers && (ts.isInterfaceDeclaration(declaration) || ts.isTypeAliasDeclaration(declaration))) {
        if (!copied.has(name)) {
          copied.set(name, declaration);
          ts.forEachChild(declaration, visit);
        } else if (copied.get(name) !== declaration && textOf(copied.get(name)) !== textOf(declaration))
          throw new Error(`two different tfjs-layers declarations named ${name}`);
      } else if (!declaration.getSourceFile().fileName.includes("/typescript/lib/")) unknownLeaves.add(name);
    }
  }
  ts.forEachChild(node, visit);
}

const signatures = builders.map((builder) => {
  let symbol = layersType.getProperty(builder);
  if (!symbol) throw new Error(`tfjs-layers has no layers.${builder}`);
  if (symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
  const declarations = symbol.declarations.filter(ts.isFunctionDeclaration);
  if (declarations.length !== 1) throw new Error(`layers.${builder}: ${declarations.length} signatures`);
  const parameter = declarations[0].parameters[0];
  visit(parameter.type);
  return `  ${builder}(${parameter.getText()}): unknown;`;
});
if (unknownLeaves.size > 0) throw new Error(`declare these by hand: ${[...unknownLeaves].join(", ")}`);

// a declaration's text with its documentation comment, as an exported declaration of this module; a type
// written with a value's type (`typeof INTERPOLATION_KEYS[number]`) is written out (the value is not copied)
function hasTypeQuery(node) {
  return ts.isTypeQueryNode(node) || (ts.forEachChild(node, hasTypeQuery) ?? false);
}
function textOf(declaration) {
  if (ts.isTypeAliasDeclaration(declaration) && hasTypeQuery(declaration.type)) {
    const type = checker.getTypeAtLocation(declaration.name);
    const written = checker.typeToString(
      type,
      undefined,
      ts.TypeFormatFlags.NoTruncation | ts.TypeFormatFlags.InTypeAlias,
    );
    return `export type ${declaration.name.getText()} = ${written};`;
  }
  const source = declaration.getSourceFile();
  const docs = (ts.getLeadingCommentRanges(source.text, declaration.pos) ?? [])
    .filter((range) => source.text.startsWith("/**", range.pos))
    .map((range) => source.text.slice(range.pos, range.end))
    .slice(-1);
  const body = declaration.getText().replace(/^export\s+(declare\s+)?/, "");
  return [...docs, `export ${body}`].join("\n");
}

const version = JSON.parse(
  readFileSync(join(root, "node_modules/@tensorflow/tfjs-layers/package.json"), "utf8"),
).version;
const text = `// Generated by scripts/gen-tf-layer-args.mjs from @tensorflow/tfjs-layers ${version}; do not edit.
// The argument types of tfjs-layers' builders that the \`layers\` vocabulary uses (\`typeof tfl.layers.dense\`),
// so that the checker's declarations import no TensorFlow.js declaration file. Tested against tfjs-layers'
// own types: test-d/layers/tf-layer-args.test-d.ts.

${leaves}
/** tfjs-layers' \`tf.layers\` builders that the \`layers\` vocabulary mirrors: their argument types. */
export declare const layers: {
${signatures.join("\n")}
};

${[...copied.values()].map(textOf).join("\n\n")}
`;
const outArg = process.argv.indexOf("--out");
const out = join(outArg > 0 ? process.argv[outArg + 1] : root, "types/shape/tf-layer-args.d.ts");
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, text);
console.log(`wrote ${out}: ${builders.length} builders, ${copied.size} declarations from tfjs-layers ${version}`);
