// Compile-time messages of the nn modules of issue 16 (nested sequential, activations, shuffle, padding),
// on the offending argument or layer; the same text is the runtime's ShapeError.
import { input, nn, sequential } from "shapecheck";

// prettier-ignore
sequential(input([4]), nn.linear(4, 8), nn.sequential(nn.relu(), nn.linear(7, 2))); // error: "sequential(2 layers), layer 1: linear(7, 2): inFeatures must equal the last input dimension 8 (input [number, 8])"
nn.elu({ alpah: 1 }); // error: "elu(): alpah is not an option of nn.elu"
nn.elu({ alpha: 1 }, true); // error: "elu(1): the options object must be the last argument"
nn.elu(0.5, { alpha: 2 }); // error: "elu(0.5): alpha is given twice, as an argument and as an option"
nn.hardtanh(2, 1); // error: "hardtanh(2, 1): maxVal must be greater than minVal"
nn.hardtanh({ minVal: 0.5, maxVal: -0.25 }); // error: "hardtanh(0.5, -0.25): maxVal must be greater than minVal"
nn.softshrink(-0.5); // error: "softshrink(-0.5): lambd must be at least 0"
nn.celu(0); // error: "celu(0): alpha cannot be 0"
nn.relu6({ inplace: "yes" }); // error: "relu6(): inplace must be true or false (it changes nothing here)"
sequential(input([3, 8]), nn.prelu(4)); // error: "prelu(4): numParameters 4 must be 1 or the number of channels (dimension 1 of the input; 1 for an input of rank 1), 3 (input [number, 3, 8])"
sequential(input([3, 7]), nn.glu()); // error: "glu(-1): the halved dimension 2 must have an even size, got 7 (input [number, 3, 7])"
sequential(input([3]), nn.softmax2d()); // error: "softmax2d(): expects an input of rank 3 or 4 ([channels, height, width] or [batch, channels, height, width]), got rank 2 (input [number, 3])"
sequential(input([6, 4, 4]), nn.pixelShuffle(2)); // error: "pixelShuffle(2): the channels (dimension -3) must be divisible by upscaleFactor² = 4, got 6 (input [number, 6, 4, 4])"
sequential(input([3, 5, 4]), nn.pixelUnshuffle(2)); // error: "pixelUnshuffle(2): the height (dimension -2) must be divisible by downscaleFactor 2, got 5 (input [number, 3, 5, 4])"
sequential(input([6, 4]), nn.channelShuffle(4)); // error: "channelShuffle(4): the channels (dimension 1) must be divisible by groups 4, got 6 (input [number, 6, 4])"
nn.pixelShuffle(0); // error: "pixelShuffle(0): upscaleFactor must be a positive integer, not 0"
sequential(input([3, 4, 4]), nn.reflectionPad2d(4)); // error: "reflectionPad2d(4): padding 4 of dimension 2 must be less than its size 4 (input [number, 3, 4, 4])"
sequential(input([4]), nn.replicationPad2d(1)); // error: "replicationPad2d(1): expects an input of rank 3 or 4, got rank 2 (input [number, 4])"
nn.zeroPad2d([1, 2]); // error: "zeroPad2d([1, 2]): padding must be a number or a tuple of 4, not a tuple of 2"
nn.constantPad1d(-1, 0); // error: "constantPad1d(-1, 0): padding must be a non-negative integer, not -1"
nn.alphaDropout(1.5); // error: "alphaDropout(1.5): p must be a probability between 0 and 1"
sequential(input([3, 4, 4]), nn.dropout1d(0.2)); // error: "dropout1d(0.2): expects an input of rank 2 or 3, got rank 4 (input [number, 3, 4, 4])"
nn.dropout3d({ p: 0.2, inplce: true }); // error: "dropout3d(0.2): inplce is not an option of nn.dropout3d"
