// `shapecheck/tfjs`: the TensorFlow.js runtime of a checked model. The checker (`shapecheck`) builds
// models as plain data; the functions here turn one into a TensorFlow.js model that predicts, trains,
// saves and loads: `build(net)`, `toTfjs(net)`, `load(net, where)`, after `await ready()` has picked a
// backend. Importing this entry registers shapecheck's custom layers with tfjs's serialization (so
// `tf.loadLayersModel` reads models that use them) and, in Node, a `file://` IO handler.
import { registerFileSystemRouter } from "./runtime/io.ts";

export { build, toTfjs, load, type Net, type Built } from "./runtime/net.ts";
export { ready, type BackendName, type ReadyOptions } from "./runtime/backend.ts";
export { tensor, type Tensor, type TensorData, type TensorArg, writeTensorShapeMessage } from "./runtime/tensor.ts";
export type {
  TypedModel,
  TrainableModel,
  CompileOptions,
  FitOptions,
  FitHistory,
  Evaluation,
  PredictOptions,
  OptimizerName,
  MetricName,
} from "./runtime/model.ts";
export type { GraphModel, TrainableGraphModel, GraphFitOptions, GraphTyped } from "./runtime/graph-model.ts";
export type { LossName, TfjsLoss, TorchLoss, TargetShape } from "./runtime/losses.ts";
export type { StateDict, StateDictInput } from "./runtime/weights.ts";
export type { Verbosity } from "./runtime/progress.ts";
export { fileSystem } from "./runtime/io.ts";
export { DataError, ModelFileError } from "./runtime/errors.ts";
export { NotConvertibleError } from "./runtime/convert/index.ts";
export {
  encodeSafetensors,
  decodeSafetensors,
  safetensorsOf,
  loadSafetensorsBytes,
  saveSafetensors,
  loadSafetensors,
  type SafeTensor,
  type SafeDType,
  type HasStateDict,
} from "./runtime/safetensors.ts";

registerFileSystemRouter();
