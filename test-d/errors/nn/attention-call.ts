// multiheadAttention called on query, key and value: each argument checked on its own, the error on that argument.
// Each line gets the message of its ShapeError at run time (test/nn-errors.test.ts evaluates every line).
import { input, nn } from "shapecheck";

// prettier-ignore
nn.multiheadAttention(8, 2).call(input([3, 6]), input([5, 8]), input([5, 8])); // error: "multiheadAttention(8, 2): query [number, 3, 6]: its last dimension 6 must equal embedDim 8"
// prettier-ignore
nn.multiheadAttention(8, 2).call(input([3, 8]), input([5, 4]), input([5, 8])); // error: "multiheadAttention(8, 2): key [number, 5, 4]: its last dimension 4 must equal kdim 8"
// prettier-ignore
nn.multiheadAttention(8, 2, { kdim: 4, vdim: 6 }).call(input([3, 8]), input([5, 4]), input([5, 8])); // error: "multiheadAttention(8, 2): value [number, 5, 8]: its last dimension 8 must equal vdim 6"
// prettier-ignore
nn.multiheadAttention(8, 2).call(input([3, 8]), input([5, 8]), input([6, 8])); // error: "multiheadAttention(8, 2): value [number, 6, 8]: its S 6 must equal key's S 5"
// prettier-ignore
nn.multiheadAttention(8, 2).call(input([3, 8], { batch: 4 }), input([5, 8], { batch: 2 }), input([5, 8], { batch: 2 })); // error: "multiheadAttention(8, 2): key [2, 5, 8]: its batch 2 must equal query's batch 4"
// prettier-ignore
nn.multiheadAttention(8, 2).call(input([3, 8]), input([5, 8]), input([5, 8]), { keyPaddingMask: input([3]) }); // error: "multiheadAttention(8, 2): keyPaddingMask [number, 3]: its S 3 must equal key's S 5"
// prettier-ignore
nn.multiheadAttention(8, 2).call(input([3, 8]), input([5, 8]), input([5, 8]), { attnMask: input([3], { batch: 3 }) }); // error: "multiheadAttention(8, 2): attnMask [3, 3]: its S 3 must equal key's S 5"
// prettier-ignore
nn.multiheadAttention(8, 2).call(input([3, 8], { batch: 4 }), input([5, 8], { batch: 4 }), input([5, 8], { batch: 4 }), { attnMask: input([3, 5], { batch: 4 }) }); // error: "multiheadAttention(8, 2): attnMask [4, 3, 5]: its first dimension 4 must equal batch·numHeads 8"
// prettier-ignore
nn.multiheadAttention(8, 2).call(input([3, 8]), input([5, 8]), input([5, 8]), { attnMask: input([], { batch: 5 }) }); // error: "multiheadAttention(8, 2): attnMask must be [L, S] or [batch·numHeads, L, S] (got [5])"
// prettier-ignore
nn.multiheadAttention(8, 2).call(input([8]), input([5, 8]), input([5, 8])); // error: "multiheadAttention(8, 2): query must be [batch, L, embedDim] (got [number, 8])"
// prettier-ignore
nn.multiheadAttention(8, 2, { kdim: 0 }); // error: "multiheadAttention(8, 2): kdim must be a positive integer, not 0"
// prettier-ignore
input([3, 8]).pipe(nn.multiheadAttention(8, 2, { vdim: 4 })); // error: "multiheadAttention(8, 2): kdim and vdim differ from embedDim: call it on query, key and value (mha.call(q, k, v)) (input [number, 3, 8])"

// One mistake, one error: the outputs of a call that does not fit are of unknown shape.
// prettier-ignore
export const unknown = nn.multiheadAttention(8, 2).call(input([3, 8]), input([5, 4]), input([5, 8]))[1]; // error: "multiheadAttention(8, 2): key [number, 5, 4]: its last dimension 4 must equal kdim 8"
unknown.pipe(nn.linear(99, 2));
// prettier-ignore
nn.multiheadAttention(8, 2).call(input([3, 8]), input([5, 8]), input([5, 8]), { keyPaddingMsk: input([5]) }); // error: "multiheadAttention(8, 2): keyPaddingMsk is not an option of call"
