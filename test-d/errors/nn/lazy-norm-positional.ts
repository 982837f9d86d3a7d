// The lazy batch and instance norms with PyTorch's eps and momentum positionally (issue 13): given twice, an argument
// after the options object refused. Each line gets the message of its ShapeError at run time.
import { nn } from "shapecheck";

nn.lazyBatchNorm2d(1e-3, { eps: 1e-3 }); // error: "lazyBatchNorm2d(): eps is given twice, as an argument and as an option"
nn.lazyBatchNorm1d({ eps: 1e-3 }, 0.1); // error: "lazyBatchNorm1d(): the options object must be the last argument"
nn.lazyInstanceNorm2d(1e-3, 0.1, { momentum: 0.1 }); // error: "lazyInstanceNorm2d(): momentum is given twice, as an argument and as an option"
nn.lazyInstanceNorm3d(1e-3, 0.1, { afine: false }); // error: "lazyInstanceNorm3d(): afine is not an option of nn.lazyInstanceNorm3d"
