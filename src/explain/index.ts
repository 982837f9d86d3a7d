// `shapecheck explain`: where every number of a model comes from, as a table or a diagram.
export type { ExplainedBranch, ExplainedFile, ExplainedInput, ExplainedLayer, ExplainedModel } from "./explanation.ts";
export { explain, explainGraph, explainSequential } from "./explain.ts";
export { explainers, explainKind, type Explainer, type LayerConfig } from "./kinds/index.ts";
export { explainFile, ExplainError, type ExplainFileOptions } from "./load.ts";
export { formats, isFormat, render, type Format } from "./format/index.ts";
