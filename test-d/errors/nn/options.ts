// Options objects (issue 13, items 2, 3 and 6): an unknown key is an error on the argument that names it, with
// "did you mean" for PyTorch's snake_case, a near miss or the other vocabulary's name; positional arguments up to
// PyTorch's order, then the options object; a required argument written as an option; softmax without its dim.
// Each line gets the message of its ShapeError at run time (test/nn-errors.test.ts evaluates every line).
import { nn } from "shapecheck";

nn.maxPool2d(3, { stride: 2, padding: 1, ceil_mode: true }); // error: "maxPool2d(3, 2, 1): ceil_mode is not an option of nn.maxPool2d; did you mean `ceilMode`?"
nn.convTranspose2d(16, 8, 3, { stride: 2, padding: 1, output_padding: 1 }); // error: "convTranspose2d(16, 8, 3, 2, 1): output_padding is not an option of nn.convTranspose2d; did you mean `outputPadding`?"
nn.conv2d(3, 16, 3, { padding: 1, strides: 2 }); // error: "conv2d(3, 16, 3, 1, 1): strides is not an option of nn.conv2d; did you mean `stride`?"
nn.conv2d(64, 64, 3, { group: 32 }); // error: "conv2d(64, 64, 3): group is not an option of nn.conv2d; did you mean `groups`?"
nn.conv2d(3, 16, 3, { dilationRate: 2 }); // error: "conv2d(3, 16, 3): dilationRate is not an option of nn.conv2d; did you mean `dilation`?"
nn.conv2d(3, 16, 3, { useBias: false }); // error: "conv2d(3, 16, 3): useBias is not an option of nn.conv2d; did you mean `bias`?"
nn.conv2d(3, 16, 3, { activation: "relu" }); // error: "conv2d(3, 16, 3): activation is not an option of nn.conv2d"
nn.conv2d(3, 16, 3, 1, 1, { padding_mode: "zeros" }); // error: "conv2d(3, 16, 3, 1, 1): padding_mode is not an option of nn.conv2d; did you mean `paddingMode`?"
nn.conv2d(3, 16, 3, 1, 1, { paddingMode: "reflect" }); // error: "conv2d(3, 16, 3, 1, 1): paddingMode must be 'zeros' (the only mode here)"
nn.conv2d(3, 16, 3, { bias: "no" }); // error: "conv2d(3, 16, 3): bias must be true or false"
nn.conv1d(3, 16, 3, 2, { dilation: 2, group: 1 }); // error: "conv1d(3, 16, 3, { stride: 2, dilation: 2 }): group is not an option of nn.conv1d; did you mean `groups`?"
nn.avgPool2d(3, { dilation: 2 }); // error: "avgPool2d(3, { dilation: 2 }): dilation is not an option of nn.avgPool2d"
nn.maxPool2d(2, { ceilMode: 1 }); // error: "maxPool2d(2, { ceilMode: 1 }): ceilMode must be true or false"
nn.maxPool1d(3, 2, { return_indices: true }); // error: "maxPool1d(3, 2): return_indices is not an option of nn.maxPool1d"
nn.batchNorm2d(64, { track_running_stats: false }); // error: "batchNorm2d(64): track_running_stats is not an option of nn.batchNorm2d; did you mean `trackRunningStats`?"
nn.batchNorm1d(64, { epsilon: 0.001 }); // error: "batchNorm1d(64): epsilon is not an option of nn.batchNorm1d; did you mean `eps`?"
nn.batchNorm2d(64, { affine: 1 }); // error: "batchNorm2d(64): affine must be true or false"
nn.layerNorm(16, { elementwise_affine: false }); // error: "layerNorm(16): elementwise_affine is not an option of nn.layerNorm; did you mean `elementwiseAffine`?"
nn.embedding(100, 8, { padding_idx: 0 }); // error: "embedding(100, 8): padding_idx is not an option of nn.embedding; did you mean `paddingIdx`?"
nn.lstm(10, 20, { batch_first: true }); // error: "lstm(10, 20): batch_first is not an option of nn.lstm; did you mean `batchFirst`?"
nn.lstm(10, 20, { num_layers: 2 }); // error: "lstm(10, 20): num_layers is not an option of nn.lstm; did you mean `numLayers`?"
nn.gru(10, 20, { projSize: 4 }); // error: "gru(10, 20, { projSize: 4 }): projSize is not an option of nn.gru"
nn.lstm(10, 20, { bidirectional: 1 }); // error: "lstm(10, 20, { bidirectional: 1 }): bidirectional must be true or false"
nn.multiheadAttention(16, 4, { batch_first: true }); // error: "multiheadAttention(16, 4): batch_first is not an option of nn.multiheadAttention; did you mean `batchFirst`?"
nn.relu({ in_place: true }); // error: "relu(): in_place is not an option of nn.relu; did you mean `inplace`?"
nn.leakyRelu({ negative_slope: 0.2 }); // error: "leakyRelu(): negative_slope is not an option of nn.leakyRelu; did you mean `negativeSlope`?"
nn.gelu({ approximate: "tanh" }); // error: "gelu(): approximate is not an option of nn.gelu"
nn.dropout({ rate: 0.5 }); // error: "dropout(0.5): rate is not an option of nn.dropout; did you mean `p`?"
nn.linear(10, 5, { use_bias: true }); // error: "linear(10, 5): use_bias is not an option of nn.linear; did you mean `bias`?"

// Options that change nothing here are accepted; the layouts and modes that are not supported are errors.
nn.lstm(10, 20, { batchFirst: false }); // error: "lstm(10, 20): batchFirst must be true: [batch, seq, features] is the only layout here"
nn.gru(10, 20, 2, { batchFirst: false }); // error: "gru(10, 20, { numLayers: 2 }): batchFirst must be true: [batch, seq, features] is the only layout here"
nn.multiheadAttention(16, 4, { batchFirst: false }); // error: "multiheadAttention(16, 4): batchFirst must be true: [batch, seq, features] is the only layout here"
nn.relu({ inplace: 1 }); // error: "relu(): inplace must be true or false (it changes nothing here)"
nn.linear(10, 5, { bias: 1 }); // error: "linear(10, 5): bias must be true or false"
nn.linear(10, 5, "no"); // error: "linear(10, 5): bias must be true or false"

// PyTorch's call styles: positionals up to PyTorch's order, then one options object, last.
nn.conv2d(3, 16, { kernelSize: 3 }); // error: "conv2d(3, 16, { … }): kernelSize is a required argument, not an option (PyTorch's order: inChannels, outChannels, kernelSize, stride, padding)"
nn.convTranspose2d(16, 8, { kernelSize: 4, stride: 2 }); // error: "convTranspose2d(16, 8, { … }): kernelSize is a required argument, not an option (PyTorch's order: inChannels, outChannels, kernelSize, stride, padding, outputPadding)"
nn.maxPool2d({ kernelSize: 2 }); // error: "maxPool2d({ … }): kernelSize is a required argument, not an option (PyTorch's order: kernelSize, stride, padding)"
nn.conv2d(3, 16, 3, 2, 1, { stride: 2 }); // error: "conv2d(3, 16, 3, 2, 1): stride is given twice, as an argument and as an option"
nn.conv2d(3, 16, 3, { stride: 2 }, 1); // error: "conv2d(3, 16, 3, 2): the options object must be the last argument"
nn.convTranspose2d(16, 8, 3, 2, 1, 1, { padding: 1 }); // error: "convTranspose2d(16, 8, 3, 2, 1, 1): padding is given twice, as an argument and as an option"
nn.convTranspose2d(16, 8, 3, 2, 1, { outputPadding: 2 }); // error: "convTranspose2d(16, 8, 3, 2, 1, 2): outputPadding (2) must be smaller than either stride (2) or dilation (1)"
nn.maxPool2d(3, 2, 1, { padding: 1 }); // error: "maxPool2d(3, 2, 1): padding is given twice, as an argument and as an option"
nn.lstm(10, 20, 2, { numLayers: 2 }); // error: "lstm(10, 20, { numLayers: 2 }): numLayers is given twice, as an argument and as an option"
nn.dropout(0.5, { p: 0.2 }); // error: "dropout(0.5): p is given twice, as an argument and as an option"
nn.dropout({ p: 1.5 }); // error: "dropout(1.5): p must be a probability between 0 and 1"

// softmax without its dim: one error, on the call.
nn.softmax(); // error: "softmax(): softmax needs dim, the dimension to normalize: nn.softmax(1) on [batch, classes] (PyTorch's implicit dim is deprecated)"
nn.logSoftmax(); // error: "logSoftmax(): logSoftmax needs dim, the dimension to normalize: nn.logSoftmax(1) on [batch, classes] (PyTorch's implicit dim is deprecated)"
