// A size given as a union (`1 as 1 | 2`: the compiler does not know which) is an error on the
// argument, wherever the size goes: positional, in an options object, or as a tuple. Only the
// compiler sees unions (a value at run time is one of them), so these lines have no run-time twin.
import { nn } from "shapecheck";

nn.conv2d(3, 8, 3, 1, 1 as 1 | 2); // error: padding must be a non-negative integer, not a union
nn.conv2d(3, 8, 3, 1 as 1 | 2, 1); // error: stride must be a positive integer, not a union
nn.conv1d(3, 8, 3, 1 as 1 | 2); // error: stride must be a positive integer, not a union
nn.conv2d(3, 8, 3, { padding: 1 as 0 | 1 }); // error: padding must be a non-negative integer, not a union
nn.conv2d(3, 8, 3, { groups: 1 as 1 | 2 }); // error: groups must be a positive integer, not a union
nn.conv2d(3, 8, 3, { padding: "same" as "same" | "valid" }); // error: padding must be a non-negative integer, not a union
nn.conv2d(3 as 3 | 4, 8, 3); // error: inChannels must be a positive integer, not a union
nn.conv2d(3, 8, [3, 3] as [3, 3] | [5, 5]); // error: kernelSize must be a positive integer, not a union
nn.maxPool2d(3, 2, 1 as 0 | 1); // error: padding must be a non-negative integer, not a union
nn.adaptiveMaxPool2d(1 as 1 | 2); // error: outputSize must be a non-negative integer, not a union
nn.adaptiveAvgPool2d([1, 1] as [1, 1] | [2, 2]); // error: outputSize must be a non-negative integer, not a union
nn.batchNorm2d(4 as 4 | 8); // error: numFeatures must be a positive integer, not a union
nn.convTranspose2d(16, 8, 3, 2 as 1 | 2); // error: stride must be a positive integer, not a union
nn.convTranspose2d(16, 8, 3, { groups: 1 as 1 | 2 }); // error: groups must be a positive integer, not a union
nn.layerNorm(4 as 4 | 8); // error: normalizedShape must be a positive integer, not a union
nn.unflatten(1, [2 as 2 | 4, 2]); // error: each size must be a positive integer or -1, not a union
