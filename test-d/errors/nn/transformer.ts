// The Transformer modules: their arguments as PyTorch refuses them, and each argument of a call on its own.
// Each line gets the message of its ShapeError at run time (test/nn-errors.test.ts evaluates every line).
import { input, nn } from "shapecheck";

nn.transformerEncoderLayer(512, 6); // error: "transformerEncoderLayer(512, 6): dModel 512 must be divisible by nhead 6"
nn.transformerDecoderLayer(0, 8); // error: "transformerDecoderLayer(0, 8): dModel must be a positive integer, not 0"
// prettier-ignore
nn.transformerEncoderLayer(64, 4, { activation: "tanh" }); // error: "transformerEncoderLayer(64, 4): activation must be 'relu' or 'gelu'"
// prettier-ignore
nn.transformerEncoderLayer(64, 4, { dimFeedforward: 0 }); // error: "transformerEncoderLayer(64, 4): dimFeedforward must be a positive integer, not 0"
// prettier-ignore
nn.transformer({ dModel: 64, nhead: 5 }); // error: "transformer(64, 5): dModel 64 must be divisible by nhead 5"
// prettier-ignore
nn.transformerEncoder(nn.transformerEncoderLayer(64, 4), 2, { norm: nn.layerNorm(32) }); // error: "transformerEncoder(transformerEncoderLayer(64, 4), 2): norm must be nn.layerNorm(64)"
// prettier-ignore
input([10, 32]).pipe(nn.transformerEncoderLayer(64, 4)); // error: "transformerEncoderLayer(64, 4): dModel must equal the last input dimension 32 (input [number, 10, 32])"
// prettier-ignore
input([10, 64]).pipe(nn.transformerDecoderLayer(64, 4)); // error: "transformerDecoderLayer(64, 4): needs the encoder's memory: call it as layer.call(tgt, memory) (input [number, 10, 64])"
// prettier-ignore
nn.transformerEncoder(nn.transformerEncoderLayer(64, 4), 2).call(input([10, 64]), { srcKeyPaddingMask: input([9]) }); // error: "transformerEncoder(transformerEncoderLayer(64, 4), 2): srcKeyPaddingMask [number, 9]: its seq 9 must equal src's seq 10"
// prettier-ignore
nn.transformerDecoder(nn.transformerDecoderLayer(64, 4), 2).call(input([7, 64], { batch: 2 }), input([10, 32], { batch: 2 })); // error: "transformerDecoder(transformerDecoderLayer(64, 4), 2): memory [2, 10, 32]: its last dimension 32 must equal dModel 64"
// prettier-ignore
nn.transformerDecoderLayer(64, 4).call(input([7, 64], { batch: 2 }), input([10, 64], { batch: 3 })); // error: "transformerDecoderLayer(64, 4): memory [3, 10, 64]: its batch 3 must equal tgt's batch 2"
// prettier-ignore
nn.transformerDecoderLayer(64, 4).call(input([7, 64]), input([10, 64]), { memoryMask: input([7], { batch: 7 }) }); // error: "transformerDecoderLayer(64, 4): memoryMask [7, 7]: its S 7 must equal memory's seq 10"
// prettier-ignore
nn.transformer({ dModel: 64, nhead: 4 }).call(input([10, 64]), input([7, 64]), { tgtMask: input([8], { batch: 7 }) }); // error: "transformer(64, 4): tgtMask [7, 8]: its S 8 must equal tgt's seq 7"
// prettier-ignore
nn.transformer({ dModel: 64, nhead: 4 }).call(input([10, 64], { batch: 2 }), input([7, 64], { batch: 3 })); // error: "transformer(64, 4): tgt [3, 7, 64]: its batch 3 must equal src's batch 2"
// prettier-ignore
nn.transformerEncoderLayer(64, 4).call(input([10, 64]), { srcMsk: input([10], { batch: 10 }) }); // error: "transformerEncoderLayer(64, 4): srcMsk is not an option of call"
// prettier-ignore
nn.transformerDecoderLayer(64, 4).call(input([7, 64]), input([10, 64]), { memoryPaddingMask: input([10]) }); // error: "transformerDecoderLayer(64, 4): memoryPaddingMask is not an option of call"
// prettier-ignore
nn.transformer({ dModel: 64, nhead: 4 }).call(input([10, 64]), input([7, 64]), { mask: input([10], { batch: 10 }) }); // error: "transformer(64, 4): mask is not an option of call"
