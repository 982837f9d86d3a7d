// nn.bilinear and nn.adaptiveLogSoftmaxWithLoss with PyTorch's optional arguments positionally (issue 13): each value
// checked as the option of its name; given twice, an argument after the options object refused. Each line gets the
// message of its ShapeError at run time.
import { nn } from "shapecheck";

nn.bilinear(3, 4, 5, 1); // error: "bilinear(3, 4, 5): bias must be true or false"
nn.bilinear(3, 4, 5, false, { bias: false }); // error: "bilinear(3, 4, 5): bias is given twice, as an argument and as an option"
nn.adaptiveLogSoftmaxWithLoss(8, 10, [4], "2"); // error: "adaptiveLogSoftmaxWithLoss(8, 10, [4]): divValue must be a number"
nn.adaptiveLogSoftmaxWithLoss(8, 10, [4], 2, 1); // error: "adaptiveLogSoftmaxWithLoss(8, 10, [4]): headBias must be true or false"
nn.adaptiveLogSoftmaxWithLoss(8, 10, [4], 2, { divValue: 2 }); // error: "adaptiveLogSoftmaxWithLoss(8, 10, [4]): divValue is given twice, as an argument and as an option"
nn.adaptiveLogSoftmaxWithLoss(8, 10, [4], { headBias: true }, true); // error: "adaptiveLogSoftmaxWithLoss(8, 10, [4]): the options object must be the last argument"
nn.upsample(null, 2, "nearest", true); // error: "upsample(scaleFactor 2, 'nearest'): alignCorners can only be set with the interpolating modes linear, bilinear, bicubic and trilinear"
nn.upsample(4, 2); // error: "upsample(size 4): give either size or scaleFactor (one of them)"
nn.upsample(null, null, "bilinear"); // error: "upsample('bilinear'): give either size or scaleFactor (one of them)"
nn.upsample(null, 2, "area"); // error: "upsample(scaleFactor 2, 'area'): mode must be 'nearest', 'linear', 'bilinear', 'bicubic' or 'trilinear'"
nn.upsample(null, 2, { scaleFactor: 2 }); // error: "upsample(scaleFactor 2): scaleFactor is given twice, as an argument and as an option"
nn.upsamplingBilinear2d(null, 2, { mode: "nearest" }); // error: "upsamplingBilinear2d(scaleFactor 2, 'nearest'): mode is not an option of nn.upsamplingBilinear2d"
nn.embeddingBag(100, 8, 2); // error: "embeddingBag(100, 8): maxNorm must be null: shapecheck's embeddingBag does not renormalize rows (PyTorch's max_norm)"
nn.embeddingBag(100, 8, null, 2, true); // error: "embeddingBag(100, 8): scaleGradByFreq must be false: shapecheck's embeddingBag does not scale gradients by frequency"
nn.embeddingBag(100, 8, null, 2, false, "median"); // error: "embeddingBag(100, 8): mode must be 'sum', 'mean' or 'max'"
nn.embeddingBag(100, 8, null, 2, false, "sum", { paddingIdx: 100 }); // error: "embeddingBag(100, 8): paddingIdx (100) must be an index of the table, from -100 to 99"
nn.embeddingBag(100, 8, null, 2, false, "sum", { mode: "max" }); // error: "embeddingBag(100, 8): mode is given twice, as an argument and as an option"
