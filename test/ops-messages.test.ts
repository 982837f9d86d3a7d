// The runtime twin of the compile-time messages of ops (issue 13 items 4-6): the same text, thrown as a
// ShapeError, for JavaScript callers, `any`, and dimensions unknown until the model is built.
import assert from "node:assert/strict";
import { test } from "node:test";
import { ShapeError } from "../src/errors.ts";
import { input } from "../src/model/input.ts";
import * as ops from "../src/model/ops.ts";
import * as einops from "../src/ops/einops-namespace.ts";
import { walkGraph } from "../src/model/graph-walk.ts";

const throwsWith = (f: () => unknown, message: string) =>
  assert.throws(f, (error: unknown) => error instanceof ShapeError && error.message === message);
const any = (x: unknown) => x as any; // eslint-disable-line @typescript-eslint/no-explicit-any

test("named dimensions are distinct: two names, a name and a number (issue 13 item 4)", () => {
  const heads = input([8, "seq", 64], { batch: "batch" });
  throwsWith(
    () => ops.matmul(heads, any(heads)),
    "matmul: [batch, 8, seq, 64] × [batch, 8, seq, 64]: the first's last dimension 64 must equal the second's next-to-last dimension seq",
  );
  const src = input(["src", 64], { batch: "batch" }),
    tgt = input(["tgt", 64], { batch: "batch" });
  throwsWith(
    () => ops.add(src, any(tgt)),
    "add: [batch, src, 64] and [batch, tgt, 64] do not broadcast: dimension -2 is src in the first and tgt in the second (sizes must be equal, or one of them 1)",
  );
  throwsWith(
    () => ops.sub(src, any(input([10, 64], { batch: "batch" }))),
    "sub: [batch, src, 64] and [batch, 10, 64] do not broadcast: dimension -2 is src in the first and 10 in the second (sizes must be equal, or one of them 1)",
  );
  throwsWith(
    () => ops.cat(any([src, tgt]), 2),
    "cat(…, 2): [batch, src, 64] and [batch, tgt, 64] can only be joined along dimension 2 if every other dimension is equal: dimension 1 is src and tgt",
  );
  assert.deepEqual(ops.add(src, src).shape, ["batch", "src", 64]);
});

test("an unknown dimension agrees at compile time and is checked on the shapes data has", () => {
  const a = input([null, 64]),
    b = input([10, 64]);
  const sum = ops.add(a, b);
  assert.deepEqual(sum.shape, [null, 10, 64]);
  assert.deepEqual(
    walkGraph(any([a, b]), any([sum]), [
      [2, 10, 64],
      [2, 10, 64],
    ]),
    [[2, 10, 64]],
  );
  throwsWith(
    () =>
      walkGraph(any([a, b]), any([sum]), [
        [2, 7, 64],
        [2, 10, 64],
      ]),
    "add: [2, 7, 64] and [2, 10, 64] do not broadcast: dimension -2 is 7 in the first and 10 in the second (sizes must be equal, or one of them 1)",
  );
  // a name's arithmetic is number, checked at build
  const tokens = input(["seq", 8]);
  const flat = ops.view(tokens, [tokens.size(0), -1]);
  assert.deepEqual(flat.shape, [null, null]);
  assert.deepEqual(walkGraph(any([tokens]), any([flat]), [[3, 5, 8]]), [[3, 40]]);
});

test("the runtime messages of ops equal the compiler's (test-d/errors/model/functional.ts)", () => {
  const features = input([64, 7, 7]);
  throwsWith(
    () => ops.view(features, any([features.size(0), 3000])),
    "view(…, [number, 3000]): the sizes multiply to 3000, but the input [number, 64, 7, 7] has 3136 elements",
  );
  throwsWith(
    () => ops.transpose(features, 1, any(4)),
    "transpose(…, 1, 4): dim1 4 is out of range for an input of rank 4 (expected -4 to 3)",
  );
  throwsWith(
    () => ops.squeeze(any(features), 0),
    "squeeze(…, 0): dimension 0 is number, which the compiler cannot know is 1 or not: squeeze a dimension of known size",
  );
  throwsWith(
    () => ops.select(features, 2, any(7)),
    "select(…, 2, 7): index 7 is out of range for dimension 2 of size 7",
  );
  throwsWith(
    () => ops.split(features, any([30, 30]), 1),
    "split(…, [30, 30], 1): the sizes add up to 60, not to the size 64 of dimension 1",
  );
  throwsWith(
    () => ops.chunk(features, any(2), 0),
    "chunk(…, 2, 0): dimension 0 is number: the compiler needs its size to know how many tensors there are",
  );
  throwsWith(() => ops.sum(features, any([1, -3])), "sum(…, [1, -3]): dim -3 appears more than once");
  const heads = input([8, "seq", 64], { batch: "batch" });
  throwsWith(
    () => ops.einsum(any("bhqd,bhkd->bhqk"), heads, input([8, "seq", 32], { batch: "batch" })),
    'einsum("bhqd,bhkd->bhqk"): letter d is 64 in one operand and 32 in another',
  );
  const images = input([3, 224, 224]);
  throwsWith(
    () => einops.rearrange(images, any("b c (h p1) (w p2) -> b (h w) (p1 p2 c)"), { p1: 15, p2: 16 }),
    'rearrange("b c (h p1) (w p2) -> b (h w) (p1 p2 c)"): group (h p1): dimension 224 is not divisible by 15',
  );
  throwsWith(
    () => einops.rearrange(images, any("b c h w -> b (h w)")),
    'rearrange("b c h w -> b (h w)"): axis c is only on the left (reduce removes axes)',
  );
  throwsWith(
    () => einops.repeat(input([768]), any("b d -> b n d")),
    'repeat("b d -> b n d"): axis n is only on the right: give its length (as { n: … })',
  );
  throwsWith(
    () => ops.pad(features, any([1, 1, 2])),
    "pad(…, [1, 1, 2]): the pad has 3 values; it needs pairs (before, after) for dimensions from the last, at most 4 of them",
  );
});
