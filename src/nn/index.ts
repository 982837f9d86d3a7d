// `nn`: PyTorch's vocabulary, channels-first, PyTorch's semantics.
export { conv1d, conv2d, conv3d } from "./conv.ts";
export { maxPool1d, maxPool2d, avgPool1d, avgPool2d } from "./pool.ts";
export { flatten } from "./flatten.ts";
export { linear, lazyLinear } from "./linear.ts";
export { relu, leakyRelu, gelu, sigmoid, tanh, identity, dropout, dropout2d, softmax, logSoftmax } from "./activation.ts";
export { residual, concat } from "./blocks.ts";
