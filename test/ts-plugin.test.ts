// shapecheck/ts-plugin through tsserver's protocol (TypeScript 5.9), loaded the way tsserver loads a
// user's plugin (test/ts-plugin-server.ts): inlay hints, hover text and code fixes, on the examples
// and on a file with each kind of error; applying the offered fixes makes the file compile.
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { buildPlugin, makeProject, OpenFile, root, TsServer } from "./ts-plugin-server.ts";

let dir: string;
let server: TsServer;

before(() => {
  buildPlugin();
  dir = makeProject("ts-plugin-test");
  server = new TsServer(dir);
});
after(() => server?.close());

/** The layer call (or other call) that ends just before `at`: `nn.conv2d(1, 32, 3, 1)`. */
function callBefore(text: string, at: number): string {
  let i = at - 1;
  if (text[i] === ")") {
    for (let depth = 0; i >= 0; i--) {
      if (text[i] === ")") depth++;
      else if (text[i] === "(" && --depth === 0) break;
    }
  }
  let start = i;
  while (start > 0 && /[\w.$]/.test(text[start - 1]!)) start--;
  return text.slice(start, at);
}

/** The hints of a file as `call → shape`, the call being the argument the hint follows. */
async function hintsAfter(file: OpenFile): Promise<string[]> {
  return (await file.hints())
    .filter((hint) => hint.text.startsWith("→"))
    .map((hint) => `${callBefore(file.text, hint.at)} ${hint.text}`);
}

describe("inlay hints", () => {
  test("after each layer of examples/mnist.ts, the shape the compiler computes", async () => {
    const file = await OpenFile.open(
      server,
      join(dir, "mnist.ts"),
      readFileSync(join(root, "examples/mnist.ts"), "utf8"),
    );
    assert.deepEqual(await hintsAfter(file), [
      "nn.conv2d(1, 32, 3, 1) → [n, 32, 26, 26]",
      "nn.relu() → [n, 32, 26, 26]",
      "nn.conv2d(32, 64, 3, 1) → [n, 64, 24, 24]",
      "nn.relu() → [n, 64, 24, 24]",
      "nn.maxPool2d(2) → [n, 64, 12, 12]",
      "nn.dropout(0.25) → [n, 64, 12, 12]",
      "nn.flatten() → [n, 9216]",
      "nn.linear(9216, 128) → [n, 128]",
      "nn.relu() → [n, 128]",
      "nn.dropout(0.5) → [n, 128]",
      "nn.linear(128, 10) → [n, 10]",
      "nn.logSoftmax(1) → [n, 10]",
    ]);
  });

  test("on every example: no error, and hints", async () => {
    const examples = readdirSync(join(root, "examples")).filter((name) => name.endsWith(".ts") && name !== "demo.ts");
    for (const name of examples) {
      const file = await OpenFile.open(
        server,
        join(dir, `example-${name}`),
        readFileSync(join(root, "examples", name), "utf8"),
      );
      assert.deepEqual(
        (await file.diagnostics()).map((d) => d.text),
        [],
        name,
      );
      const hints = await file.hints();
      assert.ok(hints.length > 0, `${name}: no hints`);
    }
  });

  test("after a helper's layers (torchvision's makeLayer, VGG's make_layers): the compiler's trace", async () => {
    const resnet = await OpenFile.open(
      server,
      join(dir, "resnet18-helpers.ts"),
      readFileSync(join(root, "examples/resnet18.ts"), "utf8"),
    );
    const hints = await hintsAfter(resnet);
    for (const expected of [
      "...basicBlock(64, 64) → [n, 64, 56, 56]",
      "...makeLayer(64, 128, 2) → [n, 128, 28, 28]",
      "...makeLayer(128, 256, 2) → [n, 256, 14, 14]",
      "...makeLayer(256, 512, 2) → [n, 512, 7, 7]",
      "nn.adaptiveAvgPool2d(1) → [n, 512, 1, 1]",
      "nn.flatten() → [n, 512]",
      "nn.linear(512, 1000) → [n, 1000]",
    ])
      assert.ok(hints.includes(expected), `${expected}\n${hints.join("\n")}`);
    const text = readFileSync(join(root, "examples/vgg-config.ts"), "utf8");
    const vgg = await OpenFile.open(server, join(dir, "vgg-helpers.ts"), text);
    const vggHints = await hintsAfter(vgg);
    assert.ok(vggHints.includes("...vggFeatures(cfgs.D) → [n, 512, 7, 7]"), vggHints.join("\n"));
    assert.ok(vggHints.includes("...vggClassifier(1000) → [n, 1000]"), vggHints.join("\n"));
    // Hover on a helper's layers: the shapes, and how many layers they are.
    const info = await vgg.quickInfo(text.indexOf("...vggFeatures(cfgs.D)") + 5);
    assert.match(
      info!.documentation,
      /shapecheck: \.\.\.vggFeatures\(cfgs\.D\) \(31 layers\)\ninput  \[n, 3, 224, 224\]\noutput \[n, 512, 7, 7\]/,
    );
  });

  test("inside nested blocks (residual), the first layer of ResNet-18 and its blocks", async () => {
    const file = await OpenFile.open(
      server,
      join(dir, "resnet18-written-out.ts"),
      readFileSync(join(root, "examples/resnet18-written-out.ts"), "utf8"),
    );
    const hints = await hintsAfter(file);
    assert.ok(hints.includes("nn.maxPool2d(3, 2, 1) → [n, 64, 56, 56]"), hints.join("\n"));
    // Inside the first stage-2 block: the strided conv halves 56 to 28.
    assert.ok(
      hints.includes("nn.conv2d(64, 128, 3, { stride: 2, padding: 1, bias: false }) → [n, 128, 28, 28]"),
      hints.join("\n"),
    );
    // The block's own hint: its output, after the residual(...) call.
    assert.ok(
      hints.some((hint) => hint.startsWith("nn.residual(") && hint.endsWith("→ [n, 512, 7, 7]")),
      hints.join("\n"),
    );
    assert.ok(hints.at(-1)!.endsWith("→ [n, 1000]"), hints.at(-1));
  });

  test("named dimensions by name; .pipe(...) and ops calls; renamed imports", async () => {
    const file = await OpenFile.open(
      server,
      join(dir, "functional.ts"),
      [
        `import { input, nn, ops, sequential } from "shapecheck";`,
        `export const tokens = sequential(input(["seq", 512]), nn.linear(512, 64), nn.relu());`,
        `const x = input([3, 32, 32]);`,
        `const y = x.pipe(nn.conv2d(3, 8, 3), nn.relu());`,
        `export const z = ops.flatten(y, 1);`,
        ``,
      ].join("\n"),
    );
    assert.deepEqual(
      (await file.diagnostics()).map((d) => d.text),
      [],
    );
    assert.deepEqual(await hintsAfter(file), [
      "nn.linear(512, 64) → [n, seq, 64]",
      "nn.relu() → [n, seq, 64]",
      "nn.conv2d(3, 8, 3) → [n, 8, 30, 30]",
      "nn.relu() → [n, 8, 30, 30]",
      "ops.flatten(y, 1) → [n, 7200]",
    ]);
    const renamed = await OpenFile.open(
      server,
      join(dir, "renamed.ts"),
      `import { input, nn as torch, sequential as chain } from "shapecheck";\nexport const chained = chain(input([4]), torch.linear(4, 2));\n`,
    );
    assert.deepEqual(await hintsAfter(renamed), ["torch.linear(4, 2) → [n, 2]"]);
  });

  test("inside concat's branches, and TensorFlow.js's `layers` (examples/keras-mnist.ts)", async () => {
    const file = await OpenFile.open(
      server,
      join(dir, "concat.ts"),
      [
        `import { input, nn, sequential } from "shapecheck";`,
        `export const net = sequential(input([3, 32, 32]), nn.concat(1, [nn.conv2d(3, 8, 1)], [nn.conv2d(3, 4, 3, 1, 1), nn.relu()]));`,
        ``,
      ].join("\n"),
    );
    assert.deepEqual(await hintsAfter(file), [
      "nn.conv2d(3, 8, 1) → [n, 8, 32, 32]",
      "nn.conv2d(3, 4, 3, 1, 1) → [n, 4, 32, 32]",
      "nn.relu() → [n, 4, 32, 32]",
      "nn.concat(1, [nn.conv2d(3, 8, 1)], [nn.conv2d(3, 4, 3, 1, 1), nn.relu()]) → [n, 12, 32, 32]",
    ]);
    const keras = await OpenFile.open(
      server,
      join(dir, "keras-mnist.ts"),
      readFileSync(join(root, "examples/keras-mnist.ts"), "utf8"),
    );
    const hints = await hintsAfter(keras);
    assert.ok(
      hints.includes(`layers.conv2d({ filters: 32, kernelSize: 3, activation: "relu" }) → [n, 26, 26, 32]`),
      hints.join("\n"),
    );
    assert.ok(hints.includes(`layers.dense({ units: 10, activation: "softmax" }) → [n, 10]`), hints.join("\n"));
  });

  test('turned off by the plugin\'s setting (`"inlayHints": false`, or a configurePlugin request)', async () => {
    const offDir = makeProject("ts-plugin-test-off", { inlayHints: false });
    const off = new TsServer(offDir);
    try {
      const file = await OpenFile.open(
        off,
        join(offDir, "mnist.ts"),
        readFileSync(join(root, "examples/mnist.ts"), "utf8"),
      );
      assert.deepEqual(await file.hints(), []);
      await off.request("configurePlugin", { pluginName: "shapecheck/ts-plugin", configuration: { inlayHints: true } });
      assert.equal((await file.hints()).length, 12);
    } finally {
      off.close();
    }
  });
});

describe("hover", () => {
  test("a layer call: input and output shapes, explain's arithmetic, the parameter count", async () => {
    const text = readFileSync(join(root, "examples/mnist.ts"), "utf8");
    const file = await OpenFile.open(server, join(dir, "mnist-hover.ts"), text);
    const at = (call: string) => text.indexOf(call, text.indexOf("sequential("));
    const conv = await file.quickInfo(at("conv2d(1, 32"));
    assert.match(
      conv!.documentation,
      /```text\nshapecheck: conv2d\(1, 32, 3\)\ninput  \[n, 1, 28, 28\]\noutput \[n, 32, 26, 26\]\nC → 32\nH, W: ⌊\(28 \+ 2·0 − 1·\(3 − 1\) − 1\) \/ 1⌋ \+ 1 = 26\nparams 320\n```/,
    );
    const flatten = await file.quickInfo(at("flatten()"));
    assert.match(flatten!.documentation, /64 × 12 × 12 = 9216\nparams 0/);
    const linear = await file.quickInfo(at("linear(9216"));
    assert.match(linear!.documentation, /→ 128\nparams 1,179,776/);
  });

  test("a block (residual): the sum of its layers' parameters", async () => {
    const text = readFileSync(join(root, "examples/resnet18-written-out.ts"), "utf8");
    const file = await OpenFile.open(server, join(dir, "resnet18-hover.ts"), text);
    const info = await file.quickInfo(text.indexOf("nn.residual(") + 3);
    // 2 convs 64·64·3·3 without bias, 2 batch norms of 64 (weight and bias): PyTorch's count of torchvision's BasicBlock.
    assert.match(info!.documentation, /input  \[n, 64, 56, 56\]\noutput \[n, 64, 56, 56\]\nparams 73,984\n/);
  });

  test("on each example, the first layer of its first model", async () => {
    for (const name of [
      "alexnet.ts",
      "lenet5.ts",
      "resnet18.ts",
      "transformer.ts",
      "unet.ts",
      "vgg16.ts",
      "keras-mnist.ts",
    ]) {
      const text = readFileSync(join(root, "examples", name), "utf8");
      const file = await OpenFile.open(server, join(dir, `hover-${name}`), text);
      const layer = text.slice(text.indexOf("input(")).search(/\b(nn|layers)\.\w+\(/) + text.indexOf("input(");
      const info = await file.quickInfo(layer + 3 + (text.startsWith("layers.", layer) ? 4 : 0));
      assert.match(
        info!.documentation,
        /```text\nshapecheck: .*\ninput  \[.*\]\noutput \[.*\]\n(.*\n)*params [\d,]+\n```/,
        `${name}: ${info?.documentation}`,
      );
    }
  });
});

/** One model per kind of error that a fix can repair, and one a fix cannot (a kernel larger than the input). */
const errors = [
  `import { input, nn, sequential } from "shapecheck";`,
  `export const a = sequential(input([1, 28, 28]), nn.conv2d(1, 32, 3), nn.flatten(), nn.linear(9000, 10));`,
  `export const b = sequential(input([3, 32, 32]), nn.conv2d(3, 16, 3), nn.conv2d(8, 32, 3), nn.relu());`,
  `export const c = sequential(input([3, 32, 32]), nn.conv2d(3, 16, 3), nn.batchNorm2d(8), nn.conv2d(8, 4, 3));`,
  `export const d = sequential(input([10, 64]), nn.multiheadAttention(32, 4), nn.linear(64, 2));`,
  `export const e = sequential(input([10, 12]), nn.lstm(8, 16), nn.linear(16, 2));`,
  `export const f = sequential(input([16]), nn.batchNorm1d(8), nn.linear(16, 2));`,
  ``,
].join("\n");

describe("code fixes", () => {
  test("each error gets its fix, with the value that makes the layer fit; none where no such edit exists", async () => {
    const file = await OpenFile.open(server, join(dir, "errors.ts"), errors);
    const diagnostics = await file.diagnostics();
    assert.equal(diagnostics.length, 6, diagnostics.map((d) => d.text).join("\n"));
    const offered: string[] = [];
    for (const diagnostic of diagnostics) {
      const answer = await server.request("getCodeFixes", {
        file: file.file,
        startLine: diagnostic.start.line,
        startOffset: diagnostic.start.offset,
        endLine: diagnostic.end.line,
        endOffset: diagnostic.end.offset,
        errorCodes: [diagnostic.code],
      });
      offered.push(
        ...(answer.body as { fixName: string; description: string }[])
          .filter((fix) => fix.fixName === "shapecheck")
          .map((fix) => `${diagnostic.start.line}: ${fix.description}`),
      );
    }
    assert.deepEqual(offered, [
      "2: Set inFeatures to 21632",
      "2: Use lazyLinear(10)",
      "3: Set inChannels to 16",
      "4: Set numFeatures to 16",
      "5: Set embedDim to 64",
      "6: Set inputSize to 12",
      "7: Set numFeatures to 16",
    ]);
  });

  test("every offered fix, applied alone, makes its layer fit (its error goes; no other appears before or elsewhere)", async () => {
    const probe = await OpenFile.open(server, join(dir, "errors-probe.ts"), errors);
    const diagnostics = await probe.diagnostics();
    let count = 0;
    for (const diagnostic of diagnostics) {
      const answer = await server.request("getCodeFixes", {
        file: probe.file,
        startLine: diagnostic.start.line,
        startOffset: diagnostic.start.offset,
        endLine: diagnostic.end.line,
        endOffset: diagnostic.end.offset,
        errorCodes: [diagnostic.code],
      });
      for (const fix of (
        answer.body as { fixName: string; description: string; changes: { fileName: string }[] }[]
      ).filter((one) => one.fixName === "shapecheck")) {
        const file = await OpenFile.open(server, join(dir, `errors-each-${count++}.ts`), errors);
        file.apply(fix.changes.map((change) => ({ ...change, fileName: file.file })) as never);
        // The fixed layer's error goes; the others stay; a layer after it may now show its own (c: the conv after the batch norm).
        const after = (await file.diagnostics()).map((d) => d.start);
        const others = diagnostics.filter((d) => d !== diagnostic).map((d) => d.start);
        const what = `${fix.description} on line ${diagnostic.start.line}`;
        assert.deepEqual(
          after.filter((at) => others.some((other) => other.line === at.line && other.offset === at.offset)),
          others,
          what,
        );
        for (const at of after.filter(
          (one) => !others.some((other) => other.line === one.line && other.offset === one.offset),
        )) {
          assert.ok(
            at.line === diagnostic.start.line && at.offset > diagnostic.start.offset,
            `${what}: a new error at ${JSON.stringify(at)}`,
          );
        }
      }
    }
    assert.equal(count, 7);
  });

  test("no fix where no single-argument edit makes the layer fit (a kernel larger than the input)", async () => {
    const file = await OpenFile.open(
      server,
      join(dir, "no-fix.ts"),
      `import { input, nn, sequential } from "shapecheck";\nexport const net = sequential(input([1, 8, 8]), nn.conv2d(1, 4, 9));\n`,
    );
    const [diagnostic] = await file.diagnostics();
    assert.ok(diagnostic);
    const answer = await server.request("getCodeFixes", {
      file: file.file,
      startLine: diagnostic.start.line,
      startOffset: diagnostic.start.offset,
      endLine: diagnostic.end.line,
      endOffset: diagnostic.end.offset,
      errorCodes: [diagnostic.code],
    });
    assert.deepEqual(
      (answer.body as { fixName: string }[]).filter((fix) => fix.fixName === "shapecheck"),
      [],
    );
  });

  test("fix-all: one edit per layer, including the layers after a fixed one; the file then compiles", async () => {
    const file = await OpenFile.open(server, join(dir, "errors-fix-all.ts"), errors);
    const answer = await server.request("getCombinedCodeFix", {
      scope: { type: "file", args: { file: file.file } },
      fixId: "shapecheck-fit",
    });
    file.apply(answer.body.changes);
    assert.deepEqual(
      (await file.diagnostics()).map((d) => d.text),
      [],
    );
    assert.match(file.text, /nn\.conv2d\(3, 16, 3\), nn\.batchNorm2d\(16\), nn\.conv2d\(16, 4, 3\)/);
  });

  test("applying every offered fix, one at a time (the first offered for each error), makes the file compile", async () => {
    const file = await OpenFile.open(server, join(dir, "errors-one-by-one.ts"), errors);
    for (let round = 0; round < 20; round++) {
      const [diagnostic] = await file.diagnostics();
      if (!diagnostic) break;
      const answer = await server.request("getCodeFixes", {
        file: file.file,
        startLine: diagnostic.start.line,
        startOffset: diagnostic.start.offset,
        endLine: diagnostic.end.line,
        endOffset: diagnostic.end.offset,
        errorCodes: [diagnostic.code],
      });
      const fix = (answer.body as { fixName: string; changes: never[] }[]).find((one) => one.fixName === "shapecheck");
      assert.ok(fix, `no fix for: ${diagnostic.text}`);
      file.apply(fix.changes);
    }
    assert.deepEqual(
      (await file.diagnostics()).map((d) => d.text),
      [],
    );
  });

  test("on the examples: the last linear's inFeatures changed, the fix offered puts it back and the file compiles", async () => {
    // resnet18.ts builds its stages with helpers: the shapes after them are the compiler's trace.
    for (const name of ["mnist.ts", "lenet5.ts", "alexnet.ts", "vgg16.ts", "resnet18-written-out.ts", "resnet18.ts"]) {
      const original = readFileSync(join(root, "examples", name), "utf8");
      const at = original.lastIndexOf("nn.linear(") + "nn.linear(".length;
      const size = original.slice(at).match(/^\d+/)![0];
      const file = await OpenFile.open(
        server,
        join(dir, `broken-${name}`),
        `${original.slice(0, at)}${Number(size) + 1}${original.slice(at + size.length)}`,
      );
      const [diagnostic] = await file.diagnostics();
      assert.ok(diagnostic, name);
      const answer = await server.request("getCodeFixes", {
        file: file.file,
        startLine: diagnostic.start.line,
        startOffset: diagnostic.start.offset,
        endLine: diagnostic.end.line,
        endOffset: diagnostic.end.offset,
        errorCodes: [diagnostic.code],
      });
      const fix = (answer.body as { description: string; changes: never[] }[]).find(
        (one) => one.description === `Set inFeatures to ${size}`,
      );
      assert.ok(fix, `${name}: ${JSON.stringify(answer.body)}`);
      file.apply(fix.changes);
      assert.equal(file.text, original, name);
      assert.deepEqual(
        (await file.diagnostics()).map((d) => d.text),
        [],
        name,
      );
    }
  });

  test("a layer inside a block: the block's error gets the inner layer's fix", async () => {
    const file = await OpenFile.open(
      server,
      join(dir, "block-error.ts"),
      `import { input, nn, sequential } from "shapecheck";\nexport const net = sequential(input([64, 8, 8]), nn.residual(nn.conv2d(64, 64, 3, 1, 1), nn.relu(), nn.conv2d(32, 64, 3, 1, 1)));\n`,
    );
    const [diagnostic] = await file.diagnostics();
    assert.ok(diagnostic);
    const answer = await server.request("getCodeFixes", {
      file: file.file,
      startLine: diagnostic.start.line,
      startOffset: diagnostic.start.offset,
      endLine: diagnostic.end.line,
      endOffset: diagnostic.end.offset,
      errorCodes: [diagnostic.code],
    });
    const fixes = (answer.body as { fixName: string; description: string; changes: never[] }[]).filter(
      (fix) => fix.fixName === "shapecheck",
    );
    assert.deepEqual(
      fixes.map((fix) => fix.description),
      ["Set inChannels to 64"],
    );
    file.apply(fixes[0]!.changes);
    assert.match(file.text, /nn\.relu\(\), nn\.conv2d\(64, 64, 3, 1, 1\)\)\)/);
    assert.deepEqual(
      (await file.diagnostics()).map((d) => d.text),
      [],
    );
  });

  test("Use lazyLinear(...) makes the model compile", async () => {
    const file = await OpenFile.open(
      server,
      join(dir, "lazy.ts"),
      `import { input, nn, sequential } from "shapecheck";\nexport const net = sequential(input([1, 28, 28]), nn.flatten(), nn.linear(700, 10));\n`,
    );
    const [diagnostic] = await file.diagnostics();
    const answer = await server.request("getCodeFixes", {
      file: file.file,
      startLine: diagnostic!.start.line,
      startOffset: diagnostic!.start.offset,
      endLine: diagnostic!.end.line,
      endOffset: diagnostic!.end.offset,
      errorCodes: [diagnostic!.code],
    });
    const lazy = (answer.body as { description: string; changes: never[] }[]).find(
      (fix) => fix.description === "Use lazyLinear(10)",
    );
    file.apply(lazy!.changes);
    assert.match(file.text, /nn\.lazyLinear\(10\)/);
    assert.deepEqual(
      (await file.diagnostics()).map((d) => d.text),
      [],
    );
  });
});
