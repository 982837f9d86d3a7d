// nn.unfold / nn.fold with PyTorch's dilation, padding and stride positionally (issue 13): each value checked as the
// option of its name; given twice, an argument after the options object refused. Each line gets the message of its
// ShapeError at run time.
import { nn } from "shapecheck";

nn.unfold(3, 0); // error: "unfold(3, { dilation: 0 }): dilation must be a positive integer, not 0"
nn.unfold(3, 1, -1); // error: "unfold(3, { padding: -1 }): padding must be a non-negative integer, not -1"
nn.unfold(3, 1, 1, { padding: 1 }); // error: "unfold(3, { padding: 1 }): padding is given twice, as an argument and as an option"
nn.unfold(3, { padding: 1 }, 2); // error: "unfold(3, { padding: 1 }): the options object must be the last argument"
nn.fold(16, 3, 0); // error: "fold(16, 3, { dilation: 0 }): dilation must be a positive integer, not 0"
nn.fold(16, 3, 1, 1, { padding: 1 }); // error: "fold(16, 3, { padding: 1 }): padding is given twice, as an argument and as an option"
nn.fold(16, 3, 1, 1, [2, 2, 2]); // error: "fold(16, 3, { padding: 1, stride: [2, 2, 2] }): stride must be a number or a tuple of 2, not a tuple of 3"
