// The ops examples' shapes, exactly (examples/transformer-block.ts, squeeze-excitation.ts, lstm-classifier.ts, vit-patches.ts).
import { expectType, type TypeEqual } from "ts-expect";
import type { Graph, Symbolic } from "shapecheck";
import { encoded, scores, transformerBlock, weights } from "../../examples/transformer-block.ts";
import { excited, squeezeExcitation } from "../../examples/squeeze-excitation.ts";
import { logits, lstmClassifier } from "../../examples/lstm-classifier.ts";
import { pooled, tokens, vitPatches } from "../../examples/vit-patches.ts";

expectType<TypeEqual<typeof scores, Symbolic<["batch", 4, "seq", "seq"]>>>(true);
expectType<TypeEqual<typeof weights, Symbolic<["batch", 4, "seq", "seq"]>>>(true);
expectType<TypeEqual<typeof encoded, Symbolic<["batch", "seq", 64]>>>(true);
expectType<TypeEqual<typeof transformerBlock, Graph<[["batch", "seq", 64]], [["batch", "seq", 64]]>>>(true);
expectType<TypeEqual<typeof excited, Symbolic<[number, 64, "h", "w"]>>>(true);
expectType<TypeEqual<typeof squeezeExcitation, Graph<[[number, 64, "h", "w"]], [[number, 64, "h", "w"]]>>>(true);
expectType<TypeEqual<typeof logits, Symbolic<["batch", 5]>>>(true);
expectType<TypeEqual<typeof lstmClassifier, Graph<[["batch", "seq"]], [["batch", 5]]>>>(true);
expectType<TypeEqual<typeof tokens, Symbolic<[number, 17, 64]>>>(true);
expectType<TypeEqual<typeof pooled, Symbolic<[number, 64]>>>(true);
expectType<TypeEqual<typeof vitPatches, Graph<[[number, 3, 32, 32]], [[number, 17, 64], [number, 64]]>>>(true);
