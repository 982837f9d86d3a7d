// layers.repeatVector (issue 16): [batch, features] → [batch, n, features].
// Runtime twin: scripts/tfjs-agreement-layers.ts (same texts).
import { input, layers, sequential } from "shapecheck";

export const zero = layers.repeatVector({ n: 0 }); // error: repeatVector({ n: 0 }): n must be a positive integer, not 0
export const rank = sequential(
  input([4, 8]),
  layers.repeatVector({ n: 3 }), // error: repeatVector({ n: 3 }): expects an input [batch, features] (rank 2), got rank 3
);
