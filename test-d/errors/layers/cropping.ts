// layers.cropping2D (issue 16): at least one row and one column must remain.
// Runtime twin: scripts/tfjs-agreement-layers.ts (same texts).
import { input, layers, sequential } from "shapecheck";

export const negative = layers.cropping2D({ cropping: [1, -1] }); // error: cropping2D({ cropping: [1, -1] }): cropping must be a non-negative integer, not -1
export const rows = sequential(
  input([5, 6, 2]),
  layers.cropping2D({ cropping: 3 }), // error: cropping2D({ cropping: 3 }): cropping 3 + 3 leaves no rows of 5
);
// prettier-ignore
export const cols = sequential(
  input([5, 6, 2]),
  layers.cropping2D({ cropping: [[0, 0], [4, 2]] }), // error: cropping2D({ cropping: [[0, 0], [4, 2]] }): cropping 4 + 2 leaves no columns of 6
);
