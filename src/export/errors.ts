// The one error of the exports: a layer or op that has no form in the target (PyTorch, ONNX).
/** A layer or op that cannot be exported; the message names it and says why. */
export class ExportError extends Error {
  override name = "ExportError";
}

export const writeNoFormMessage = (target: string, what: string, why: string): string =>
  `${target}: ${what} has no ${target === "toOnnx" ? "ONNX" : "PyTorch"} form: ${why}`;
