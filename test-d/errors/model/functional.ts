// The functional API: pipe checks each layer like sequential; ops check their operands.
import { einops, input, nn, ops } from "shapecheck";

const x = input([3, 64, 64]);
const down = x.pipe(nn.conv2d(3, 16, 3, 1, 1), nn.relu());
const deeper = down.pipe(nn.maxPool2d(2), nn.conv2d(16, 32, 3, 1, 1));

export const wrongPipe = x.pipe(nn.conv2d(3, 16, 3), nn.conv2d(8, 16, 3)); // error: "conv2d(8, 16, 3): inChannels must equal the input's channel dimension 16 (input [number, 16, 62, 62])"
export const uncalledInPipe = x.pipe(nn.conv2d(3, 16, 3), nn.relu); // error: "not a layer: a layer is what a builder returns, as in nn.relu()"
export const wrongAdd = ops.add(down, deeper); // error: "add: [number, 16, 64, 64] and [number, 32, 32, 32] do not broadcast: dimension -1 is 64 in the first and 32 in the second (sizes must be equal, or one of them 1)"
export const wrongCat = ops.cat([down, deeper], 1); // error: "cat(…, 1): [number, 16, 64, 64] and [number, 32, 32, 32] can only be joined along dimension 1 if every other dimension is equal: dimension 2 is 64 and 32"
const q = input(["seq", 64], { batch: "batch" });
const k = input([32, "seq"], { batch: "batch" });
export const wrongMatmul = ops.matmul(q, k); // error: "matmul: [batch, seq, 64] × [batch, 32, seq]: the first's last dimension 64 must equal the second's next-to-last dimension 32"

// Issue 13, item 4: named dimensions are distinct (two names, or a name and a number).
const heads = input([8, "seq", 64], { batch: "batch" });
export const missingTranspose = ops.matmul(heads, heads); // error: "matmul: [batch, 8, seq, 64] × [batch, 8, seq, 64]: the first's last dimension 64 must equal the second's next-to-last dimension seq"
const src = input(["src", 64], { batch: "batch" });
const tgt = input(["tgt", 64], { batch: "batch" });
export const srcPlusTgt = ops.add(src, tgt); // error: "add: [batch, src, 64] and [batch, tgt, 64] do not broadcast: dimension -2 is src in the first and tgt in the second (sizes must be equal, or one of them 1)"
export const catSrcTgt = ops.cat([src, tgt], 2); // error: dimension 1 is src and tgt"
const named = input(["seq", 64], { batch: "batch" });
const sized = input([10, 64], { batch: "batch" });
export const nameAndNumber = ops.sub(named, sized); // error: dimension -2 is seq in the first and 10 in the second
export const bmmNames = ops.bmm(src, tgt); // error: "bmm: [batch, src, 64] × [batch, tgt, 64]: the first's last dimension 64 must equal the second's next-to-last dimension tgt"
export const bmmAttention = ops.bmm(src, ops.transpose(tgt, 1, 2));
// the same name is equal; an unknown (number) is checked when the model is built
export const sameName = ops.add(src, src);
export const unknownSeq = ops.add(input([null, 64]), input([10, 64]));

// Issue 13, item 5: one mistake, one error: the failed op's result is accepted by later lines.
const wrong = ops.cat([down, deeper], 1); // error: can only be joined along dimension 1
export const later = ops.add(wrong.pipe(nn.conv2d(48, 16, 3, 1, 1), nn.relu()), down);
export const evenLater = ops.softmax(ops.mean(ops.transpose(later, 1, 2), -1), -1).pipe(nn.linear(64, 10));
const badAdd = ops.add(src, tgt); // error: do not broadcast
export const afterAdd = ops.matmul(badAdd, ops.transpose(badAdd, -2, -1));
const badPipe = x.pipe(nn.conv2d(4, 16, 3)); // error: inChannels must equal the input's channel dimension 3
export const afterPipe = ops.cat([badPipe, down], 1).pipe(nn.relu());

// reshape / view
const features = input([64, 7, 7]);
export const badView = ops.view(features, [features.size(0), 3000]); // error: "view(…, [number, 3000]): the sizes multiply to 3000, but the input [number, 64, 7, 7] has 3136 elements"
export const badInfer = ops.reshape(features, [features.size(0), -1, 5]); // error: "reshape(…, [number, -1, 5]): the input [number, 64, 7, 7] has 3136 elements, not divisible by 5, the product of the sizes other than -1"
export const twoInferred = ops.reshape(features, [-1, -1]); // error: "reshape(…, [-1, -1]): only one size can be -1"
export const misplacedName = ops.view(input(["seq", 512], { batch: "b" }), ["seq", "b", 512]); // error: "view(…, [seq, b, 512]): the named size seq must keep the input's dimension of that name, in its place among the leading dimensions"
// permute / transpose / squeeze / unsqueeze / select / narrow / split / chunk / expand / stack
export const badPermute = ops.permute(features, [0, 1, 1, 2]); // error: "permute(…, [0, 1, 1, 2]): dims must name each of the input's 4 dimensions once"
export const shortPermute = ops.permute(features, [0, 2, 1]); // error: "permute(…, [0, 2, 1]): dims must name each of the input's 4 dimensions once"
export const badTranspose = ops.transpose(features, 1, 4); // error: "transpose(…, 1, 4): dim1 4 is out of range for an input of rank 4 (expected -4 to 3)"
export const badTranspose0 = ops.transpose(features, -5, 1); // error: "transpose(…, -5, 1): dim0 -5 is out of range for an input of rank 4 (expected -4 to 3)"
export const squeezeUnknown = ops.squeeze(features, 0); // error: "squeeze(…, 0): dimension 0 is number, which the compiler cannot know is 1 or not: squeeze a dimension of known size"
export const squeezeAll = ops.squeeze(features); // error: "squeeze(…): dimension 0 is number, which the compiler cannot know is 1 or not: squeeze a dimension of known size"
export const badUnsqueeze = ops.unsqueeze(features, 5); // error: "unsqueeze(…, 5): dim 5 is out of range for an input of rank 5 (expected -5 to 4)"
export const badSelect = ops.select(features, 2, 7); // error: "select(…, 2, 7): index 7 is out of range for dimension 2 of size 7"
export const badSelectBack = ops.select(features, 2, -8); // error: "select(…, 2, -8): index -8 is out of range for dimension 2 of size 7"
export const badNarrow = ops.narrow(features, 1, 60, 5); // error: "narrow(…, 1, 60, 5): start 60 + length 5 is out of range for dimension 1 of size 64"
export const badSplit = ops.split(features, [30, 30], 1); // error: "split(…, [30, 30], 1): the sizes add up to 60, not to the size 64 of dimension 1"
export const splitUnknown = ops.chunk(features, 2, 0); // error: "chunk(…, 2, 0): dimension 0 is number: the compiler needs its size to know how many tensors there are"
export const badExpand = ops.expand(features, [-1, 64, 8, 7]); // error: "expand(…, [-1, 64, 8, 7]): dimension 2 of size 7 cannot expand to 8 (only a dimension of size 1 expands; -1 keeps it)"
export const badStack = ops.stack([features, deeper], 0); // error: "stack(…, 0): the first tensor [number, 64, 7, 7] must equal another [number, 32, 32, 32]"
// reductions, softmax
export const badSum = ops.sum(features, [1, -3]); // error: "sum(…, [1, -3]): dim -3 appears more than once"
export const badMean = ops.mean(features, 4); // error: "mean(…, 4): dim 4 is out of range for an input of rank 4 (expected -4 to 3)"
export const badSoftmax = ops.softmax(features, 4); // error: "softmax(…, 4): dim 4 is out of range for an input of rank 4 (expected -4 to 3)"
// matmul broadcasting and 1-d operands
export const badBatch = ops.matmul(input([3, 4, 5]), input([2, 5, 6])); // error: "matmul's batch dimensions: [number, 3] and [number, 2] do not broadcast: dimension -1 is 3 in the first and 2 in the second (sizes must be equal, or one of them 1)"
export const badVector = ops.matmul(input([4, 5]), ops.select(input([6]), 0, 0)); // error: "matmul: [number, 4, 5] × [6]: the first's last dimension 5 must equal the second's only dimension 6"
// einsum
export const badEinsumLetter = ops.einsum("bhqd,bhkd->bhqk", heads, input([8, "seq", 32], { batch: "batch" })); // error: "einsum(\"bhqd,bhkd->bhqk\"): letter d is 64 in one operand and 32 in another"
export const badEinsumRank = ops.einsum("bqd,bkd->bqk", heads, heads); // error: operand 0 (bqd) names 3 dimensions, but its tensor [batch, 8, seq, 64] has 4"
export const badEinsumOutput = ops.einsum("bhqd,bhkd->bhqz", heads, heads); // error: output letter z is not in any operand"
export const badEinsumCount = ops.einsum("bhqd->bhq", heads, heads); // error: the equation has 1 operands, but 2 tensors were given"
// einops
const images = input([3, 224, 224]);
export const notDivisible = einops.rearrange(images, "b c (h p1) (w p2) -> b (h w) (p1 p2 c)", { p1: 15, p2: 16 }); // error: "rearrange(\"b c (h p1) (w p2) -> b (h w) (p1 p2 c)\"): group (h p1): dimension 224 is not divisible by 15"
export const onlyLeft = einops.rearrange(images, "b c h w -> b (h w)"); // error: axis c is only on the left (reduce removes axes)"
export const onlyRight = einops.rearrange(images, "b c h w -> b c h w t"); // error: axis t is only on the right"
export const rankMismatch = einops.rearrange(images, "b c h -> b c h"); // error: the left side has 3 dimensions, but the input [number, 3, 224, 224] has 4"
export const twoUnknown = einops.rearrange(images, "b c (h p1) w -> b c h p1 w"); // error: group (h p1): give the lengths of all its axes but one
export const repeatLength = einops.repeat(input([768]), "b d -> b n d"); // error: axis n is only on the right: give its length (as { n: … })"
export const strayLength = einops.rearrange(images, "b c h w -> b (h w) c", { z: 3 }); // error: axis z is given a length but is not in the pattern"
export const wrongLength = einops.rearrange(images, "b c h w -> b c h w", { c: 4 }); // error: axis c is given length 4 but its dimension is 3"
export const literalLeft = einops.rearrange(images, "b c (h 2) w -> b c h w"); // error: "rearrange(\"b c (h 2) w -> b c h w\"): a number other than 1 (2) on the left is only for reduce"
export const literalLeftRepeat = einops.repeat(images, "b c (h 2) w -> b c h w n", { n: 2 }); // error: a number other than 1 (2) on the left is only for reduce"
// tile, pad, interpolate
export const badTile = ops.tile(features, [2, -1]); // error: "tile(…, [2, -1]): repetitions must be integers ≥ 0"
export const oddPad = ops.pad(features, [1, 1, 2]); // error: "pad(…, [1, 1, 2]): the pad has 3 values; it needs pairs (before, after) for dimensions from the last, at most 4 of them"
export const badInterpolate = ops.interpolate(features, { size: [5, 7, 3] }); // error: "interpolate: the input has 2 spatial dimensions (after batch and channels), but 3 sizes or scale factors were given"
