// defineLayer: the user's rule's message is the compile error on the layer, with the input appended;
// test/define-layer.test.ts evaluates every line and gets a ShapeError with the same text.
import { input, sequential } from "shapecheck";
import { myPixelShuffle } from "../../examples/custom-pixel-shuffle.ts";
import { positionalEmbedding } from "../../examples/positional-embedding.ts";

sequential(input([16, 32]), positionalEmbedding(16, 64)); // error: "positionalEmbedding(16, 64): the last dimension must be 64, the embedding's size (input [number, 16, 32])"
sequential(input([10, 64]), positionalEmbedding(16, 64)); // error: "positionalEmbedding(16, 64): the sequence length must be 16 (input [number, 10, 64])"
sequential(input([64]), positionalEmbedding(16, 64)); // error: "positionalEmbedding(16, 64): expects an input [batch, sequence, features] (input [number, 64])"
sequential(input([10, 8, 8]), myPixelShuffle(2)); // error: "myPixelShuffle(2): the channels must be divisible by upscaleFactor² = 4 (input [number, 10, 8, 8])"
sequential(input([12, 8]), myPixelShuffle(2)); // error: "myPixelShuffle(2): expects an input [batch, channels, height, width] (input [number, 12, 8])"
