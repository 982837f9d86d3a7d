// MobileNetV2's helpers used wrongly: the error is on the helper's call.
import { input, nn, sequential } from "shapecheck";
import { convBNReLU, invertedResidualSetting, stage } from "../../../examples/mobilenet-v2.ts";

const [r1, , r3] = invertedResidualSetting;

export const skippedStage = sequential(
  input([3, 224, 224]),
  ...convBNReLU(3, 32, 3, 2),
  ...stage(32, ...r1),
  // stage 2 (16 → 24 channels) left out:
  ...stage(24, ...r3), // error: "conv2d(24, 144, 1): inChannels must equal the input's channel dimension 16 (input [number, 16, 112, 112])"
  nn.flatten(),
);
