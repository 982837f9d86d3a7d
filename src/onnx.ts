// `shapecheck/onnx`: a checked model and its weights as an ONNX file (opset 17), for ONNX Runtime
// and the deployment tools that read ONNX. No TensorFlow.js here: pass the weights.
export { toOnnx, type ToOnnxOptions } from "./export/onnx/model.ts";
export { ExportError } from "./export/errors.ts";
