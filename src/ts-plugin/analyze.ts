// Finds the models of a file and the shape after each layer, without running the user's code:
//  - a chain's input shape comes from the checker's types: `"~shapes"` of a `sequential(...)` call,
//    `"~shape"` of the tensor a `.pipe(...)` is called on; an ops/einops call's shape is its type's
//    `"~shape"`;
//  - each layer is rebuilt by shapecheck's own builder (bundled into the plugin) from the literal
//    values of its arguments (read from the syntax, or from the checker's literal types for a name
//    such as `const channels = 64`), and the layer's runtime shape rule, the twin of its type-level
//    rule, gives the shape after it;
//  - a layer of a `sequential(...)` it cannot rebuild (a helper's layers: `basicBlock(64, 128, 2)`,
//    `...vggFeatures(cfgs.D)`) takes its shape from the model's `"~trace"` type, the compiler's own
//    trace; in `.pipe(...)` (no trace type) such a layer ends the chain's hints.
import type * as TS from "typescript";
import type { RuntimeShape } from "../index.ts";
import { builderFor, type Builder, type BuiltLayer } from "./builders.ts";
import { phantomShape, phantomTrace } from "./shapes.ts";

type Ts = typeof TS;

export type { BuiltLayer };

/** A layer call rebuilt: which builder, with which argument values. */
export interface LayerCall {
  readonly call: TS.CallExpression;
  readonly namespace: string;
  readonly name: string;
  readonly args: readonly unknown[];
  readonly layer: BuiltLayer;
}

/** One layer of a chain: its input, and its output or the message of the rule that rejected it. */
export interface Step {
  /** The layer argument as written (the hint goes after it). */
  readonly node: TS.Expression;
  /** Set when the argument is a builder call (`nn.conv2d(…)`): hover and fixes need it. */
  readonly layerCall?: LayerCall;
  /** For a layer the plugin did not rebuild (its shapes are the checker's): how many layers the argument is (a spread tuple: its length). */
  readonly fromTrace?: number;
  readonly input: RuntimeShape;
  readonly output: RuntimeShape | null;
  /** The ShapeError's message, for the layer that does not fit. */
  readonly error?: string;
  /** For the layer that does not fit: the layers after it in its chain (undefined where not rebuilt), for a fix-all. */
  readonly after?: readonly (LayerCall | undefined)[];
}

/** A shape after an ops/einops call (read from its type). */
export interface OpShape {
  readonly node: TS.Expression;
  readonly shape: RuntimeShape;
}

export interface Analysis {
  readonly steps: readonly Step[];
  readonly ops: readonly OpShape[];
}

const UNKNOWN = Symbol("unknown");

/** Analyses one file (cached by the source file and checker: a new program after each edit gives new ones). */
export class Analyzer {
  private cache = new WeakMap<TS.SourceFile, { checker: TS.TypeChecker; analysis: Analysis }>();

  constructor(private readonly ts: Ts) {}

  analyze(program: TS.Program, file: TS.SourceFile): Analysis {
    const checker = program.getTypeChecker();
    const cached = this.cache.get(file);
    if (cached && cached.checker === checker) return cached.analysis;
    const analysis = new FileAnalysis(this.ts, checker).run(file);
    this.cache.set(file, { checker, analysis });
    return analysis;
  }
}

class FileAnalysis {
  private readonly steps: Step[] = [];
  private readonly ops: OpShape[] = [];

  constructor(
    private readonly ts: Ts,
    private readonly checker: TS.TypeChecker,
  ) {}

  run(file: TS.SourceFile): Analysis {
    const visit = (node: TS.Node): void => {
      if (this.ts.isCallExpression(node)) this.call(node);
      this.ts.forEachChild(node, visit);
    };
    visit(file);
    return { steps: this.steps, ops: this.ops };
  }

  /** `sequential(input, ...layers)`, `x.pipe(...layers)`, `ops.x(...)`, `einops.x(...)`. */
  private call(node: TS.CallExpression): void {
    const { ts, checker } = this;
    const callee = node.expression;
    const name = ts.isIdentifier(callee) ? callee : ts.isPropertyAccessExpression(callee) ? callee.name : undefined;
    if (name === undefined) return;
    if (ts.isIdentifier(callee) && node.arguments.length > 1 && this.namespaceOf(callee) === "sequential") {
      // also `import { sequential as seq }`
      const type = checker.getTypeAtLocation(node);
      const input = phantomShape(checker, type, "input");
      if (!input) return;
      const first = this.steps.length;
      const output = this.chain(node.arguments.slice(1), input, () => phantomTrace(ts, checker, type));
      // A safety net: the runtime rules must end where the compiler did, else no hints for this model.
      const expected = phantomShape(checker, type, "output");
      if (output && expected && JSON.stringify(output) !== JSON.stringify(expected)) this.steps.splice(first);
    } else if (name.text === "pipe" && ts.isPropertyAccessExpression(callee)) {
      const input = phantomShape(checker, checker.getTypeAtLocation(callee.expression), "tensor");
      if (input) this.chain(node.arguments, input);
    } else if (
      ts.isPropertyAccessExpression(callee) &&
      ["ops", "einops"].includes(this.namespaceOf(callee.expression) ?? "")
    ) {
      const shape = phantomShape(checker, checker.getTypeAtLocation(node), "tensor");
      if (shape) this.ops.push({ node, shape });
    }
  }

  /**
   * Walks layers from an input shape; a layer's block (residual, concat) walks its own chains.
   * Returns the output shape, or null where the walk stopped (a layer it cannot rebuild, or one that does not fit).
   */
  private chain(
    args: readonly TS.Expression[],
    input: RuntimeShape,
    compilerTrace?: () => RuntimeShape[] | null,
  ): RuntimeShape | null {
    let shape = input;
    let index = 0; // how many layers of the model come before `node` (a spread tuple counts its length)
    let trace: RuntimeShape[] | null | undefined;
    for (const node of args) {
      const layerCall = this.ts.isSpreadElement(node) ? undefined : this.layerCall(node);
      if (layerCall === undefined) {
        // A helper's layers, whose arguments are not literals here: the compiler's trace has their shapes.
        const count = this.layerCount(node);
        trace ??= compilerTrace?.() ?? null;
        const output = count === undefined ? undefined : trace?.[index + count - 1];
        if (count === undefined || output === undefined) return null;
        this.steps.push({ node, input: shape, output, fromTrace: count });
        shape = output;
        index += count;
        continue;
      }
      index += 1;
      let output: RuntimeShape;
      try {
        output = layerCall.layer.outputShape(shape);
      } catch (error) {
        const after = args
          .slice(args.indexOf(node) + 1)
          .map((next) => (this.ts.isSpreadElement(next) ? undefined : this.layerCall(next)));
        this.steps.push({
          node,
          layerCall,
          input: shape,
          output: null,
          error: error instanceof Error ? error.message : String(error),
          after,
        });
        // A block that does not fit: walk inside it, so the inner layer that does not fit has its own step (and fix).
        for (const inner of this.innerChains(layerCall.call)) this.chain(inner, shape);
        return null;
      }
      this.steps.push({ node, layerCall, input: shape, output });
      for (const inner of this.innerChains(layerCall.call)) this.chain(inner, shape);
      shape = output;
    }
    return shape;
  }

  /** How many layers of a model an argument is: 1, or a spread tuple's length (undefined for an array that is not a tuple). */
  private layerCount(node: TS.Expression): number | undefined {
    const { ts, checker } = this;
    if (!ts.isSpreadElement(node)) return 1;
    const type = checker.getTypeAtLocation(node.expression);
    if (!checker.isTupleType(type)) return undefined;
    const target = (type as TS.TupleTypeReference).target;
    return target.hasRestElement ? undefined : target.fixedLength;
  }

  /** The chains inside a block: its layer arguments, each array of layers (concat's branches), a projection. */
  private innerChains(call: TS.CallExpression): TS.Expression[][] {
    const { ts } = this;
    const isLayerCall = (node: TS.Expression) => ts.isCallExpression(node) && this.builderOf(node) !== undefined;
    const chains: TS.Expression[][] = [];
    const direct = call.arguments.filter(isLayerCall);
    if (direct.length > 0) chains.push(direct);
    const arrays = (node: TS.Expression): void => {
      if (ts.isArrayLiteralExpression(node) && node.elements.some(isLayerCall)) chains.push([...node.elements]);
      if (ts.isObjectLiteralExpression(node)) {
        for (const property of node.properties) if (ts.isPropertyAssignment(property)) arrays(property.initializer);
      }
    };
    call.arguments.forEach(arrays);
    return chains;
  }

  /** The name shapecheck exports what an identifier names under (`nn`, `layers`, `ops`, `einops`, `sequential`), through imports and renames. */
  private namespaceOf(node: TS.Expression): string | undefined {
    if (!this.ts.isIdentifier(node)) return undefined;
    // `import { nn as torch } from "shapecheck"`: the import's alias → the entry's `export * as nn` (an alias named nn) → the module.
    let symbol = this.checker.getSymbolAtLocation(node);
    let name = symbol?.name;
    while (symbol && symbol.flags & this.ts.SymbolFlags.Alias) {
      const next = this.checker.getImmediateAliasedSymbol(symbol);
      if (!next || !(next.flags & this.ts.SymbolFlags.Alias)) break;
      name = next.name;
      symbol = next;
    }
    return name;
  }

  /** `nn.conv2d` → the bundled builder, when the callee is one of shapecheck's namespaces. */
  private builderOf(call: TS.CallExpression): { namespace: string; name: string; build: Builder } | undefined {
    const callee = call.expression;
    if (!this.ts.isPropertyAccessExpression(callee)) return undefined;
    const namespace = this.namespaceOf(callee.expression);
    const name = callee.name.text;
    const build = namespace === undefined ? undefined : builderFor(namespace, name);
    return build && { namespace: namespace!, name, build };
  }

  /** Rebuilds the layer an argument is: a builder call with literal arguments, or a `const` holding one. */
  private layerCall(node: TS.Expression, depth = 0): LayerCall | undefined {
    const { ts } = this;
    if (ts.isIdentifier(node) && depth < 3) {
      const declaration = this.checker.getSymbolAtLocation(node)?.valueDeclaration;
      if (
        declaration &&
        ts.isVariableDeclaration(declaration) &&
        declaration.initializer &&
        ts.getCombinedNodeFlags(declaration) & ts.NodeFlags.Const
      ) {
        return this.layerCall(declaration.initializer, depth + 1);
      }
      return undefined;
    }
    if (!ts.isCallExpression(node)) return undefined;
    const builder = this.builderOf(node);
    if (builder === undefined) return undefined;
    const args = node.arguments.map((arg) => this.value(arg));
    if (args.includes(UNKNOWN)) return undefined;
    try {
      return { call: node, namespace: builder.namespace, name: builder.name, args, layer: builder.build(...args) };
    } catch {
      return undefined; // the builder rejects its arguments: the compiler says why on the argument
    }
  }

  /** The literal value of an argument: from the syntax, else from its literal type; UNKNOWN otherwise. */
  private value(node: TS.Expression): unknown {
    const { ts } = this;
    if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isSatisfiesExpression(node))
      return this.value(node.expression);
    if (ts.isNumericLiteral(node)) return Number(node.text);
    if (ts.isStringLiteralLike(node)) return node.text;
    if (node.kind === ts.SyntaxKind.TrueKeyword) return true;
    if (node.kind === ts.SyntaxKind.FalseKeyword) return false;
    if (node.kind === ts.SyntaxKind.NullKeyword) return null;
    if (
      ts.isPrefixUnaryExpression(node) &&
      node.operator === ts.SyntaxKind.MinusToken &&
      ts.isNumericLiteral(node.operand)
    )
      return -Number(node.operand.text);
    if (ts.isArrayLiteralExpression(node)) {
      const values = node.elements.map((element) => this.value(element));
      return values.includes(UNKNOWN) ? UNKNOWN : values;
    }
    if (ts.isObjectLiteralExpression(node)) {
      const object: Record<string, unknown> = {};
      for (const property of node.properties) {
        if (
          !ts.isPropertyAssignment(property) ||
          !(ts.isIdentifier(property.name) || ts.isStringLiteral(property.name))
        )
          return UNKNOWN;
        const value = this.value(property.initializer);
        if (value === UNKNOWN) return UNKNOWN;
        object[property.name.text] = value;
      }
      return object;
    }
    if (ts.isCallExpression(node)) return this.layerCall(node)?.layer ?? UNKNOWN; // a layer inside a block
    return this.typeValue(this.checker.getTypeAtLocation(node));
  }

  /** A literal type's value: `64`, `"same"`, `true`, a tuple of them. */
  private typeValue(type: TS.Type): unknown {
    if (type.isNumberLiteral() || type.isStringLiteral()) return type.value;
    if (type.flags & this.ts.TypeFlags.BooleanLiteral)
      return (type as { intrinsicName?: string }).intrinsicName === "true";
    if (this.checker.isTupleType(type)) {
      const values = this.checker.getTypeArguments(type as TS.TypeReference).map((element) => this.typeValue(element));
      return values.includes(UNKNOWN) ? UNKNOWN : values;
    }
    return UNKNOWN;
  }
}

/** The innermost step whose layer call contains `position`. */
export function stepAt(analysis: Analysis, position: number): Step | undefined {
  let best: Step | undefined;
  for (const step of analysis.steps) {
    const call = step.layerCall?.call ?? step.node;
    if (
      call &&
      call.getStart() <= position &&
      position < call.getEnd() &&
      (!best || call.getStart() >= (best.layerCall?.call ?? best.node).getStart())
    )
      best = step;
  }
  return best;
}
