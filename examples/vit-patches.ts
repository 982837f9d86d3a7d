// A ViT patch embedding with einops: 32×32 images cut into 8×8 patches (16 of them), each patch's
// 8·8·3 = 192 values projected to 64, and a summary token (the patches' mean, projected) put in
// front of them, as ViT's class token; `einops.reduce` pools the tokens.
import { einops, graph, input, nn, ops } from "shapecheck";

const images = input([3, 32, 32]);
const patches = einops.rearrange(images, "b c (h p1) (w p2) -> b (h w) (p1 p2 c)", { p1: 8, p2: 8 }); // [number, 16, 192]
const embedded = patches.pipe(nn.linear(192, 64)); // [number, 16, 64]
const summary = einops.reduce(embedded, "b n d -> b 1 d", "mean"); // [number, 1, 64]: a class token from the patches
export const tokens = ops.cat([summary.pipe(nn.linear(64, 64)), embedded], 1); // [number, 17, 64]
export const pooled = einops.reduce(tokens, "b n d -> b d", "max"); // [number, 64]

export const vitPatches = graph({ inputs: [images], outputs: [tokens, pooled] });
