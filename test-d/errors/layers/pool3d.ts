// layers.maxPooling3d / averagePooling3d (issue 16): tfjs's pooling rule on three spatial dimensions.
// Runtime twin: scripts/tfjs-agreement-layers.ts (same texts).
import { input, layers, sequential } from "shapecheck";

export const pair = layers.maxPooling3d({ poolSize: [2, 2] }); // error: maxPooling3d({ poolSize: [2, 2] }): poolSize must be a number or a tuple of 3, not a tuple of 2
export const rank = sequential(
  input([8, 8, 3]),
  layers.averagePooling3d(), // error: averagePooling3d(): expects an input [batch, depth, height, width, channels] (rank 5), got rank 4
);
export const small = sequential(
  input([4, 8, 8, 3]),
  layers.maxPooling3d({ poolSize: 5 }), // error: maxPooling3d({ poolSize: 5 }): the kernel (extent 5) is larger than the padded input (4)
);
