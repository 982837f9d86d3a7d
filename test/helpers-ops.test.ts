// Tensor operations in helpers generic over their sizes (issues 17 and 18): the helpers of
// test-d/model/helpers-ops.test-d.ts run, and a wrong helper call throws the message the same operation gets at
// compile time when it is written with literal sizes (the compiler cannot report it on the helper call: see
// docs/reusable.md).
import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { test } from "node:test";
import ts from "typescript";
import { einops, input, nn, ops, ShapeError, type Shape, type Symbolic } from "../src/index.ts";
import { flags, root } from "../bench/types-models.ts";

type X = Symbolic<["batch", "seq", 64]>;
const heads = <H extends number>(t: X, h: H) => ops.transpose(ops.view(t, ["batch", "seq", h, -1]), 1, 2);
const split = <H extends number>(t: X, h: H) => einops.rearrange(t, "b s (h d) -> b h s d", { h });
const rows = <H extends number>(t: X, h: H) => ops.reshape(t, [-1, h]);
const padded = <P extends number>(t: X, p: P) => ops.pad(t, [p, p]);
const moved = <D extends number>(t: X, d: D) => ops.permute(t, [0, d, 1]);
const squeezed = <D extends number>(t: Symbolic<["batch", 1, 64]>, d: D) => ops.squeeze(t, d);

test("ops in generic helpers run with the shapes the type tests pin", () => {
  const x = ops.relu(input(["seq", 64], { batch: "batch" }));
  const x1 = ops.unsqueeze(ops.mean(x, 1), 1);
  const shapes = [heads(x, 8), split(x, 4), rows(x, 16), padded(x, 2), moved(x, 2), squeezed(x1, 1)].map(
    (t) => t.shape,
  );
  assert.deepEqual(shapes, [
    ["batch", 8, "seq", 8],
    ["batch", 4, "seq", 16],
    [null, 16], // -1 with names: unknown, as the type's number
    ["batch", "seq", 68],
    ["batch", 64, "seq"],
    ["batch", 64],
  ]);
});

test("helpers generic over a whole shape run, and a misfit throws the operation's message", () => {
  const attention = <S extends Shape, T extends Shape>(q: Symbolic<S>, kT: Symbolic<T>) => ops.matmul(q, kT);
  const regrouped = <S extends Shape>(t: Symbolic<S>) => ops.view(t, ["batch", "seq", 4, -1]);
  const lastStep = <S extends Shape>(t: Symbolic<S>) => ops.select(t, 1, -1);
  const x = ops.relu(input(["seq", 64], { batch: "batch" }));
  const xT = ops.transpose(x, 1, 2);
  assert.deepEqual(
    [attention(x, xT), regrouped(x), lastStep(x)].map((t) => t.shape),
    [
      ["batch", "seq", "seq"],
      ["batch", "seq", 4, 16],
      ["batch", 64],
    ],
  );
  // the message of the same call written with literal shapes (refused at compile time: hence the cast)
  const written = (() => {
    try {
      ops.matmul(x, x as never);
    } catch (error) {
      return (error as Error).message;
    }
  })();
  assert.match(written!, /^matmul: \[batch, seq, 64\] × \[batch, seq, 64\]/);
  assert.throws(
    () => attention(x, x),
    (error: unknown) => error instanceof ShapeError && error.message === written,
  );
});

test("layers piped in a helper generic over the shape: walked where it is called, a misfit throws the layer's message", () => {
  const block = <S extends Shape>(t: Symbolic<S>) => t.pipe(nn.linear(64, 128), nn.relu());
  const x = ops.relu(input(["seq", 64], { batch: "batch" }));
  assert.deepEqual(block(x).shape, ["batch", "seq", 128]);
  const narrow = ops.relu(input(["seq", 32], { batch: "batch" }));
  assert.throws(
    () => block(narrow),
    (error: unknown) =>
      error instanceof ShapeError &&
      error.message.startsWith("linear(64, 128): inFeatures must equal the last input dimension 32"),
  );
});

test("a wrong helper call throws the operation's message", () => {
  const x = ops.relu(input(["seq", 64], { batch: "batch" }));
  assert.throws(
    () => heads(x, 5),
    (error: unknown) =>
      error instanceof ShapeError &&
      error.message ===
        "view(…, [batch, seq, 5, -1]): the input [batch, seq, 64] has 64 elements, not divisible by 5, the product of the sizes other than -1",
  );
});

// A file of its own, checked alone as an editor or `tsc` with skipLibCheck checks a user's file: whether the
// compiler accepts a generic tensor in an elementwise operation depends on what it computed before, so a
// regression here went unseen where the library's own files are checked first (the project, test-d).
const alone = `import { expectType, type TypeEqual } from "ts-expect";
import { input, nn, ops, type Shape, type Symbolic } from "../../src/index.ts";
const doubled = <S extends Shape>(t: Symbolic<S>) => ops.add(t, t);
const scaledBy = <S extends Shape, N extends number>(t: Symbolic<S>, n: N) => ops.mul(t, n);
const gated = <S extends Shape, G extends Shape>(t: Symbolic<S>, g: Symbolic<G>) => ops.mul(t, g);
const attention = <S extends Shape, T extends Shape>(q: Symbolic<S>, kT: Symbolic<T>) => ops.matmul(q, kT);
const probabilities = <S extends Shape>(t: Symbolic<S>) => ops.softmax(t, -1);
const regrouped = <S extends Shape>(t: Symbolic<S>) => ops.view(t, ["batch", "seq", 4, -1]);
const weights = <S extends Shape, T extends Shape>(q: Symbolic<S>, k: Symbolic<T>) =>
  ops.softmax(ops.div(ops.matmul(q, ops.transpose(k, -2, -1)), 8), -1);
const block = <S extends Shape>(t: Symbolic<S>) => t.pipe(nn.linear(64, 128), nn.relu());
expectType<TypeEqual<ReturnType<typeof weights<["batch", "seq", 64], ["batch", "seq", 64]>>, Symbolic<["batch", "seq", "seq"]>>>(true);
expectType<TypeEqual<ReturnType<typeof block<["batch", "seq", 64]>>, Symbolic<["batch", "seq", 128]>>>(true);
expectType<TypeEqual<ReturnType<typeof attention<["batch", "seq", 8], ["batch", 8, "seq"]>>, Symbolic<["batch", "seq", "seq"]>>>(true);
expectType<TypeEqual<ReturnType<typeof probabilities<["batch", "seq", 64]>>, Symbolic<["batch", "seq", 64]>>>(true);
expectType<TypeEqual<ReturnType<typeof regrouped<["batch", "seq", 64]>>, Symbolic<["batch", "seq", 4, 16]>>>(true);
expectType<TypeEqual<ReturnType<typeof doubled<["batch", "seq", 64]>>, Symbolic<["batch", "seq", 64]>>>(true);
expectType<TypeEqual<ReturnType<typeof scaledBy<["batch", "seq", 64], 2>>, Symbolic<["batch", "seq", 64]>>>(true);
expectType<TypeEqual<ReturnType<typeof gated<["batch", "seq", 8], ["batch", 1, 8]>>, Symbolic<["batch", "seq", 8]>>>(true);
export const y = doubled(input(["seq", 64], { batch: "batch" }));
`;

test("TypeScript 5.9: operations on a tensor generic in a helper (its sizes or its whole shape) compile in a file checked alone", () => {
  const file = join(root, ".tmp/helpers-ops-alone/alone.ts");
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, alone);
  const program = ts.createProgram([file], ts.parseCommandLine(flags).options);
  const problems = program
    .getSemanticDiagnostics(program.getSourceFile(file))
    .map((d) => ts.flattenDiagnosticMessageText(d.messageText, " "));
  assert.deepEqual(problems, []);
});
