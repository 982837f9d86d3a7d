// `shapecheck/pytorch`: a checked model as PyTorch source (toPyTorch) and the script that trains it
// with DistributedDataParallel under torchrun (trainScript). No TensorFlow.js here: the weights go to
// and from PyTorch as safetensors with the runtime's saveSafetensors / loadSafetensors
// (src/runtime/safetensors.ts).
export { toPyTorch, type ToPyTorchOptions } from "./export/pytorch/module.ts";
export { trainScript, type TrainScriptOptions } from "./export/pytorch/train.ts";
export { ExportError } from "./export/errors.ts";
