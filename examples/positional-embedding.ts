// A learned positional embedding as a custom layer (defineLayer): a parameter [seq, dim], added to
// the input [batch, seq, dim]. The compiler checks it with the rule below (a wrong sequence length or
// size is the message written here, on that layer), the runtime with its twin (the same text), and
// the parameter is trained, saved and loaded like a built-in layer's (test/define-layer.test.ts).
import { defineLayer, dimFits, input, nn, sequential, type DimFits, type ShapeRule } from "shapecheck";

/** The shape rule, as a type: [batch, Seq, Dim] is kept; another sequence length or size is a message. */
export interface PositionalEmbeddingRule<Seq extends number, Dim extends number> extends ShapeRule {
  readonly "~output": this["~input"] extends [unknown, infer S, infer D]
    ? DimFits<S, Seq> extends false
      ? `positionalEmbedding(${Seq}, ${Dim}): the sequence length must be ${Seq}`
      : DimFits<D, Dim> extends false
        ? `positionalEmbedding(${Seq}, ${Dim}): the last dimension must be ${Dim}, the embedding's size`
        : this["~input"]
    : `positionalEmbedding(${Seq}, ${Dim}): expects an input [batch, sequence, features]`;
}

/** The definition: the rule's runtime twin, the parameter, the forward computation. */
export const PositionalEmbedding = defineLayer({
  name: "positionalEmbedding",
  outputShape: ({ seq, dim }: { seq: number; dim: number }, input) => {
    if (input.length !== 3) return `positionalEmbedding(${seq}, ${dim}): expects an input [batch, sequence, features]`;
    if (!dimFits(input[1], seq)) return `positionalEmbedding(${seq}, ${dim}): the sequence length must be ${seq}`;
    if (!dimFits(input[2], dim))
      return `positionalEmbedding(${seq}, ${dim}): the last dimension must be ${dim}, the embedding's size`;
    return input;
  },
  params: ({ seq, dim }) => ({ weight: { shape: [seq, dim], init: { normal: 0.02 } } }),
  forward: (x, { weight }, tf) => tf.add(x, weight), // [batch, seq, dim] + [seq, dim]
});

/** The builder: `positionalEmbedding(16, 64)`. */
export const positionalEmbedding = <const Seq extends number, const Dim extends number>(seq: Seq, dim: Dim) =>
  PositionalEmbedding.layer<PositionalEmbeddingRule<Seq, Dim>>({ seq, dim });

/** A token tagger: 16 token ids → embeddings + positions → 5 scores per token. */
export const tagger = sequential(
  input([16]),
  nn.embedding(1000, 64),
  positionalEmbedding(16, 64),
  nn.layerNorm(64),
  nn.linear(64, 5),
); // output [number, 16, 5]
