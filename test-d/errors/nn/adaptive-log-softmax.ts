// nn.adaptiveLogSoftmaxWithLoss: its cutoffs (PyTorch 1.13: non-empty, positive integers, increasing, each below
// nClasses), the error on the cutoffs argument; called on input and target, the error on the argument at fault.
// Each line gets the message of its ShapeError at run time.
import { input, nn } from "shapecheck";

// prettier-ignore
nn.adaptiveLogSoftmaxWithLoss(16, 100, []); // error: "adaptiveLogSoftmaxWithLoss(16, 100, []): cutoffs must not be empty"
// prettier-ignore
nn.adaptiveLogSoftmaxWithLoss(16, 100, [10, 10]); // error: "adaptiveLogSoftmaxWithLoss(16, 100, [10, 10]): cutoffs[1] (10) must be greater than the cutoff before it (10)"
// prettier-ignore
nn.adaptiveLogSoftmaxWithLoss(16, 100, [50, 10]); // error: "adaptiveLogSoftmaxWithLoss(16, 100, [50, 10]): cutoffs[1] (10) must be greater than the cutoff before it (50)"
// prettier-ignore
nn.adaptiveLogSoftmaxWithLoss(16, 100, [10, 100]); // error: "adaptiveLogSoftmaxWithLoss(16, 100, [10, 100]): cutoffs[1] (100) must be less than nClasses (100)"
// prettier-ignore
nn.adaptiveLogSoftmaxWithLoss(16, 100, [0, 10]); // error: "adaptiveLogSoftmaxWithLoss(16, 100, [0, 10]): cutoffs[0] must be a positive integer, not 0"
// prettier-ignore
nn.adaptiveLogSoftmaxWithLoss(16, 100, [10, 20.5]); // error: "adaptiveLogSoftmaxWithLoss(16, 100, [10, 20.5]): cutoffs[1] must be a positive integer, not 20.5"
// prettier-ignore
nn.adaptiveLogSoftmaxWithLoss(0, 100, [10]); // error: "adaptiveLogSoftmaxWithLoss(0, 100, [10]): inFeatures must be a positive integer, not 0"
// prettier-ignore
nn.adaptiveLogSoftmaxWithLoss(16, 100, [10], { headbias: true }); // error: "adaptiveLogSoftmaxWithLoss(16, 100, [10]): headbias is not an option of nn.adaptiveLogSoftmaxWithLoss; did you mean `headBias`?"
// prettier-ignore
nn.adaptiveLogSoftmaxWithLoss(16, 100, [10]).call(input([12]), input([])); // error: "adaptiveLogSoftmaxWithLoss(16, 100, [10]): input [number, 12]: its last dimension 12 must equal inFeatures 16"
// prettier-ignore
nn.adaptiveLogSoftmaxWithLoss(16, 100, [10]).call(input([5, 16]), input([])); // error: "adaptiveLogSoftmaxWithLoss(16, 100, [10]): input must be [batch, inFeatures] (got [number, 5, 16])"
// prettier-ignore
nn.adaptiveLogSoftmaxWithLoss(16, 100, [10]).call(input([16]), input([3])); // error: "adaptiveLogSoftmaxWithLoss(16, 100, [10]): target must be [batch] (got [number, 3])"
// prettier-ignore
nn.adaptiveLogSoftmaxWithLoss(16, 100, [10]).call(input([16], { batch: 8 }), input([], { batch: 4 })); // error: "adaptiveLogSoftmaxWithLoss(16, 100, [10]): target [4]: its batch 4 must equal input's batch 8"
