// nn.bilinear called on two tensors: input1 checked first (its last dimension), then input2 (its rank, its
// leading dimensions against input1's, its last dimension); the error on the argument at fault. Bad sizes and
// options are errors on the builder's arguments. Each line gets the message of its ShapeError at run time.
import { input, nn } from "shapecheck";

// prettier-ignore
nn.bilinear(4, 5, 3).call(input([7, 6]), input([7, 5])); // error: "bilinear(4, 5, 3): input1's last dimension 6 must equal in1Features 4"
// prettier-ignore
nn.bilinear(4, 5, 3).call(input([7, 4]), input([7, 6])); // error: "bilinear(4, 5, 3): input2's last dimension 6 must equal in2Features 5"
// prettier-ignore
nn.bilinear(4, 5, 3).call(input([7, 4]), input([5])); // error: "bilinear(4, 5, 3): input2 [number, 5] must have as many dimensions as input1 [number, 7, 4]"
// prettier-ignore
nn.bilinear(4, 5, 3).call(input([7, 4]), input([6, 5])); // error: "bilinear(4, 5, 3): input2's dimension 1 (6) must equal input1's (7)"
// prettier-ignore
nn.bilinear(4, 5, 3).call(input([4], { batch: 2 }), input([5], { batch: 3 })); // error: "bilinear(4, 5, 3): input2's dimension 0 (3) must equal input1's (2)"
// prettier-ignore
nn.bilinear(4, 5, 3).call(input([7, 4]), input(["seq", 5])); // error: "bilinear(4, 5, 3): input2's dimension 1 (seq) must equal input1's (7)"
// prettier-ignore
nn.bilinear(0, 5, 3); // error: "bilinear(0, 5, 3): in1Features must be a positive integer, not 0"
// prettier-ignore
nn.bilinear(4, 5, 2.5); // error: "bilinear(4, 5, 2.5): outFeatures must be a positive integer, not 2.5"
// prettier-ignore
nn.bilinear(4, 5, 3, { bias: 1 }); // error: "bilinear(4, 5, 3): bias must be true or false"
// prettier-ignore
nn.bilinear(4, 5, 3, { biass: false }); // error: "bilinear(4, 5, 3): biass is not an option of nn.bilinear; did you mean `bias`?"
