// `nn`: PyTorch's vocabulary, channels-first, PyTorch's semantics.
export { conv1d, conv2d, conv3d } from "./conv.ts";
export { maxPool1d, maxPool2d, avgPool1d, avgPool2d } from "./pool.ts";
export { flatten } from "./flatten.ts";
export { linear, lazyLinear } from "./linear.ts";
export { relu, leakyRelu, gelu, sigmoid, tanh, identity, dropout, dropout2d, softmax, logSoftmax } from "./activation.ts";
export { residual, concat } from "./blocks.ts";
export { convTranspose1d, convTranspose2d } from "./conv-transpose.ts";
export { adaptiveAvgPool1d, adaptiveAvgPool2d, adaptiveMaxPool2d } from "./adaptive-pool.ts";
export { unflatten } from "./unflatten.ts";
export { batchNorm1d, batchNorm2d } from "./batch-norm.ts";
export { layerNorm } from "./layer-norm.ts";
export { embedding } from "./embedding.ts";
export { lstm, gru } from "./rnn.ts";
export { multiheadAttention } from "./attention.ts";
