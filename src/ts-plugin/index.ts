// shapecheck/ts-plugin: a TypeScript language-service plugin (tsserver, TypeScript 5.x) that shows
// the shape after each layer as an inlay hint, explains a layer on hover, and fixes a layer whose
// first size does not fit its input. Enabled in tsconfig.json:
//   "compilerOptions": { "plugins": [{ "name": "shapecheck/ts-plugin" }] }
// with `"inlayHints": false` in that entry to turn the hints off. Built to dist/ts-plugin/index.cjs
// (`npm run build:plugin`): tsserver loads plugins with `require`.
import type * as TS from "typescript";
import { explainKind } from "../explain/index.ts";
import { Analyzer, stepAt, type Analysis, type Step } from "./analyze.ts";
import { fixesFor, fixId, type Fix } from "./fixes.ts";
import { hintShape } from "./shapes.ts";

type Ts = typeof TS;

/** The plugin's settings: the entry of tsconfig.json's `plugins`, or a `configurePlugin` request. */
interface Config {
  /** Inlay hints on (the default) or off. */
  inlayHints?: boolean;
}

/** The diagnostics a shape error is reported with (the layer argument is not assignable to the message). */
const errorCodes = [2345, 2322, 2769];

function init(modules: { typescript: Ts }): TS.server.PluginModule {
  const ts = modules.typescript;
  let config: Config = {};

  function create(info: TS.server.PluginCreateInfo): TS.LanguageService {
    config = { ...config, ...(info.config as Config) };
    const service = info.languageService;
    const analyzer = new Analyzer(ts);
    // Every method of the service, then ours on top (the usual decorator of a tsserver plugin).
    const proxy: TS.LanguageService = Object.create(null);
    for (const key of Object.keys(service) as (keyof TS.LanguageService)[]) {
      const method = service[key];
      (proxy as unknown as Record<string, unknown>)[key] =
        typeof method === "function" ? (...args: unknown[]) => (method as Function).apply(service, args) : method;
    }

    /** The file's analysis, or undefined when it is not in the program. */
    const analysisOf = (fileName: string): { analysis: Analysis; file: TS.SourceFile } | undefined => {
      const program = service.getProgram();
      const file = program?.getSourceFile(fileName);
      return program && file ? { analysis: analyzer.analyze(program, file), file } : undefined;
    };
    /** The service's answer with ours added; on any failure of ours, the service's answer alone (and a line in tsserver's log). */
    const withOurs = <T>(original: T, add: (original: T) => T): T => {
      try {
        return add(original);
      } catch (error) {
        info.project.projectService.logger.info(
          `shapecheck/ts-plugin: ${error instanceof Error ? error.stack : error}`,
        );
        return original;
      }
    };

    proxy.provideInlayHints = (fileName, span, preferences) =>
      withOurs(service.provideInlayHints(fileName, span, preferences), (hints) => {
        if (config.inlayHints === false) return hints;
        const found = analysisOf(fileName);
        if (!found) return hints;
        const inSpan = (position: number) => position >= span.start && position <= span.start + span.length;
        const ours: TS.InlayHint[] = [];
        const add = (position: number, text: string) => {
          if (inSpan(position)) ours.push({ text, position, kind: ts.InlayHintKind.Type, whitespaceBefore: true });
        };
        for (const step of found.analysis.steps)
          if (step.output) add(step.node.getEnd(), `→ ${hintShape(step.output)}`);
        for (const op of found.analysis.ops) add(op.node.getEnd(), `→ ${hintShape(op.shape)}`);
        return [...hints, ...ours].sort((a, b) => a.position - b.position);
      });

    proxy.getQuickInfoAtPosition = (fileName, position, ...rest) =>
      withOurs(service.getQuickInfoAtPosition(fileName, position, ...rest), (quickInfo) => {
        const found = analysisOf(fileName);
        const step = found && stepAt(found.analysis, position);
        if (!step || !quickInfo) return quickInfo;
        // A fenced block: editors render documentation as Markdown, and the arithmetic keeps its lines.
        const text = `${quickInfo.documentation?.length ? "\n\n" : ""}\`\`\`text\n${hoverText(step, found.analysis)}\n\`\`\``;
        return { ...quickInfo, documentation: [...(quickInfo.documentation ?? []), { kind: "text", text }] };
      });

    proxy.getSupportedCodeFixes = (fileName) => [
      ...new Set([...service.getSupportedCodeFixes(fileName), ...errorCodes.map(String)]),
    ];

    proxy.getCodeFixesAtPosition = (fileName, start, end, codes, formatOptions, preferences) =>
      withOurs(service.getCodeFixesAtPosition(fileName, start, end, codes, formatOptions, preferences), (original) => {
        const fixes = [...original];
        if (!codes.some((code) => errorCodes.includes(code))) return fixes;
        const found = analysisOf(fileName);
        if (!found) return fixes;
        for (const step of found.analysis.steps) {
          if (step.error === undefined || step.node.getEnd() < start || step.node.getStart() > end) continue;
          for (const fix of fixesFor(step)) {
            fixes.push({
              fixName: "shapecheck",
              description: fix.description,
              changes: [edit(fileName, [fix])],
              ...(fix.description.startsWith("Set ")
                ? { fixId, fixAllDescription: "Fix all shapecheck layer sizes in the file" }
                : {}),
            });
          }
        }
        return fixes;
      });

    proxy.getCombinedCodeFix = (scope, id, formatOptions, preferences) => {
      if (id !== fixId) return service.getCombinedCodeFix(scope, id, formatOptions, preferences);
      return withOurs<TS.CombinedCodeActions>({ changes: [] }, (none) => {
        const found = analysisOf(scope.fileName);
        const fixes = found ? fixAll(found.analysis) : [];
        return fixes.length > 0 ? { changes: [edit(scope.fileName, fixes)] } : none;
      });
    };

    return proxy;
  }

  return {
    create,
    onConfigurationChanged(next: Config) {
      config = { ...config, ...next };
    },
  };
}

function edit(fileName: string, fixes: readonly Fix[]): TS.FileTextChanges {
  return {
    fileName,
    textChanges: fixes.map((fix) => ({
      span: { start: fix.start, length: fix.end - fix.start },
      newText: fix.newText,
    })),
  };
}

/**
 * Every "Set …" fix of the file: the first failing layer of each chain, then, walking on with the
 * fixed layer's output, each later layer of that chain that would fail, as long as each has a fix.
 */
function fixAll(analysis: Analysis): Fix[] {
  const fixes: Fix[] = [];
  const setFix = (step: Step) => fixesFor(step).find((fix) => fix.description.startsWith("Set "));
  for (const step of analysis.steps) {
    const first = step.error === undefined ? undefined : setFix(step);
    if (!first) continue;
    fixes.push(first);
    let shape = first.layer.outputShape(step.input);
    for (const layerCall of step.after ?? []) {
      if (!layerCall) break;
      try {
        shape = layerCall.layer.outputShape(shape);
      } catch (error) {
        const fix = setFix({ node: layerCall.call, layerCall, input: shape, output: null, error: String(error) });
        if (!fix) break;
        fixes.push(fix);
        shape = fix.layer.outputShape(shape);
      }
    }
  }
  return fixes;
}

/** The hover text of a layer: input and output shapes, the arithmetic (as `shapecheck explain` writes it), the parameter count. */
function hoverText(step: Step, analysis: Analysis): string {
  if (step.layerCall === undefined) {
    // A helper's layers: the shapes are the checker's; the arithmetic of each layer is in `shapecheck explain`.
    const layers = step.fromTrace === 1 ? "" : ` (${step.fromTrace} layers)`;
    return [
      `shapecheck: ${step.node.getText().replace(/\s+/g, " ")}${layers}`,
      `input  ${hintShape(step.input)}`,
      `output ${hintShape(step.output!)}`,
      "(built by a helper: each layer's arithmetic is in `shapecheck explain`)",
    ].join("\n");
  }
  const layer = step.layerCall.layer;
  const lines = [`shapecheck: ${layer.written}`, `input  ${hintShape(step.input)}`];
  if (step.output === null) {
    lines.push(`does not fit: ${step.error}`);
    return lines.join("\n");
  }
  lines.push(`output ${hintShape(step.output)}`);
  const { arithmetic, params } = explainKind(layer, step.input, step.output);
  for (const line of arithmetic ?? []) lines.push(line);
  const count = params ?? blockParams(step, analysis);
  lines.push(`params ${count === null ? "unknown" : count.toLocaleString("en-US")}`);
  return lines.join("\n");
}

/** A block's parameter count (residual, concat): the sum of the layers inside it, when each is known. */
function blockParams(block: Step, analysis: Analysis): number | null {
  const call = block.layerCall!.call;
  const inside = analysis.steps.filter(
    (step) => step !== block && step.node.pos >= call.pos && step.node.end <= call.end,
  );
  if (inside.length === 0) return null;
  let total = 0;
  for (const step of inside) {
    if (step.output === null) return null;
    const { params } = explainKind(step.layerCall!.layer, step.input, step.output);
    const isBlock = analysis.steps.some(
      (other) => other !== step && other.node.pos >= step.node.pos && other.node.end <= step.node.end,
    );
    if (params === null && !isBlock) return null;
    total += params ?? 0; // a nested block's count is the sum of its own layers, counted here one by one
  }
  return total;
}

export default init;
