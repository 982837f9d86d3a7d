// A model built from a VGG configuration is checked layer by layer: the wrong layer after it is reported.
import { input, nn, sequential } from "shapecheck";
import { vggFeatures } from "../../../examples/vgg-config.ts";

export const wrongFlatten = sequential(
  input([3, 32, 32]),
  ...vggFeatures([64, "M", 128, "M"]),
  nn.flatten(),
  nn.linear(4096, 10), // error: linear(4096, 10): inFeatures must equal the last input dimension 8192
);

export const wrongChannels = sequential(
  input([1, 28, 28]),
  ...vggFeatures([32, "M"]), // error: conv2d(3, 32, 3, 1, 1): inChannels must equal the input's channel dimension 1
);
