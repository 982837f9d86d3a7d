// Pooling with PyTorch's later arguments positionally (issue 13): each value is checked as the option of its name;
// given twice, an argument after the options object refused. Each line gets the message of its ShapeError at run time.
import { nn } from "shapecheck";

nn.maxPool2d(3, 2, 1, 2, true); // error: "maxPool2d(3, { stride: 2, padding: 1, dilation: 2 }): returnIndices must be false: shapecheck returns the output alone, not PyTorch's (output, indices)"
nn.maxPool2d(3, 2, 1, 0); // error: "maxPool2d(3, { stride: 2, padding: 1, dilation: 0 }): dilation must be a positive integer, not 0"
nn.maxPool2d(3, 2, 1, 2, { dilation: 2 }); // error: "maxPool2d(3, { stride: 2, padding: 1, dilation: 2 }): dilation is given twice, as an argument and as an option"
nn.maxPool1d(3, 2, 1, 1, false, "yes"); // error: "maxPool1d(3, { stride: 2, padding: 1, ceilMode: 'yes' }): ceilMode must be true or false"
nn.avgPool2d(3, 2, 0, true, false, 0); // error: "avgPool2d(3, { stride: 2, ceilMode: true }): divisorOverride must be a positive integer, not 0"
nn.avgPool2d(3, 2, 0, true, {}, 1); // error: "avgPool2d(3, { stride: 2, ceilMode: true }): the options object must be the last argument"
nn.avgPool3d(3, 2, 0, true, { ceilMode: false }); // error: "avgPool3d(3, { stride: 2, ceilMode: true }): ceilMode is given twice, as an argument and as an option"
nn.avgPool1d(3, 2, 0, false, 1); // error: "avgPool1d(3, 2): countIncludePad must be true or false"
nn.lpPool2d(2, 3, 2, "yes"); // error: "lpPool2d(2, 3, { stride: 2, ceilMode: 'yes' }): ceilMode must be true or false"
nn.lpPool2d(2, 3, 2, true, { ceilMode: true }); // error: "lpPool2d(2, 3, { stride: 2, ceilMode: true }): ceilMode is given twice, as an argument and as an option"
nn.lpPool1d(2, 3, { stride: 2 }, true); // error: "lpPool1d(2, 3, 2): the options object must be the last argument"
