// toOnnx of `ops` on random configurations: reshapes (reshape, view, flatten, unflatten, squeeze, unsqueeze,
// transpose, permute, expand, tile, select, narrow, stack), reductions (sum, mean, amax, amin, logsumexp, var, std,
// argmax), einsum and einops. Each case is a graph on an input whose batch (and sometimes a named dimension) is
// unknown; the .onnx file runs in ONNX Runtime (onnxruntime-web) on sizes other than any the model knows, and its
// output equals shapecheck's prediction within 1e-4. A configuration shapecheck itself refuses (a ShapeError) is
// not exported; an ExportError must be one of the documented refusals.
import assert from "node:assert/strict";
import { before, describe, test } from "node:test";
import * as tf from "@tensorflow/tfjs-core";
import * as ort from "onnxruntime-web";
import { einops, graph, input, ops } from "../src/index.ts";
import { ShapeError } from "../src/errors.ts";
import { build, ready } from "../src/tfjs.ts";
import { ExportError, toOnnx } from "../src/onnx.ts";

const o: any = ops; // called with runtime values here; their types are tested elsewhere
const e: any = einops;
const tolerance = 1e-4;
const count = 240;
ort.env.logLevel = "error";

let state = 20261206;
const random = (): number => {
  state = (state * 1103515245 + 12345) % 2147483648;
  return state / 2147483648;
};
const int = (lo: number, hi: number): number => lo + Math.floor(random() * (hi - lo + 1));
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
const shuffled = <T>(xs: readonly T[]): T[] => {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = int(0, i);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
};
/** Two factors of n (n = a·b). */
const factors = (n: number): [number, number] => {
  const divisors = Array.from({ length: n }, (_, i) => i + 1).filter((d) => n % d === 0);
  const a = pick(divisors);
  return [a, n / a];
};

/** A random case: its input (sizes without the batch; maybe a named dimension) and the op on it. */
interface Case {
  readonly family: string;
  readonly text: string;
  readonly shapes: (number | string)[][];
  readonly op: (xs: any[]) => unknown;
}

function reshapeCase(): Case {
  const rank = int(1, 3);
  const dims: (number | string)[] = Array.from({ length: rank }, () => int(1, 4));
  if (random() < 0.3) dims[0] = "h";
  const all = [null, ...dims];
  const r = all.length;
  const known = dims.filter((d): d is number => typeof d === "number");
  const variant = int(0, 12);
  const dim = () => int(-r, r - 1);
  switch (variant) {
    case 0: {
      // leading unknown dims kept, the rest refactored (one -1 sometimes)
      const lead = typeof dims[0] === "string" ? 2 : 1;
      const rest = known.reduce((a, b) => a * b, 1);
      const [a, b] = factors(rest);
      const sizes = random() < 0.5 ? [a, b] : random() < 0.5 ? [-1, b] : [a, -1];
      const fn = pick(["reshape", "view"]);
      return {
        family: "reshape",
        text: `${fn}([${lead} kept, ${sizes}])`,
        shapes: [dims],
        op: ([x]) => o[fn](x, [...Array.from({ length: lead }, (_, i) => x.size(i)), ...sizes]),
      };
    }
    case 1: {
      const start = int(0, r - 1),
        end = int(start, r - 1);
      return {
        family: "reshape",
        text: `flatten(${start}, ${end})`,
        shapes: [dims],
        op: ([x]) => o.flatten(x, start, end),
      };
    }
    case 2: {
      const d = int(1, r - 1);
      const size = all[d];
      const [a, b] = factors(typeof size === "number" ? size : 4);
      const sizes = typeof size === "number" ? (random() < 0.3 ? [a, -1] : [a, b]) : [-1, 1];
      return {
        family: "reshape",
        text: `unflatten(${d}, [${sizes}])`,
        shapes: [dims],
        op: ([x]) => o.unflatten(x, d, sizes),
      };
    }
    case 3: {
      const d = int(1, r - 1);
      return { family: "reshape", text: `squeeze(${d})`, shapes: [dims], op: ([x]) => o.squeeze(x, d) };
    }
    case 4: {
      const d = int(-(r + 1), r);
      return { family: "reshape", text: `unsqueeze(${d})`, shapes: [dims], op: ([x]) => o.unsqueeze(x, d) };
    }
    case 5: {
      const [a, b] = [dim(), dim()];
      return { family: "reshape", text: `transpose(${a}, ${b})`, shapes: [dims], op: ([x]) => o.transpose(x, a, b) };
    }
    case 6: {
      const perm = shuffled(Array.from({ length: r }, (_, i) => i));
      return { family: "reshape", text: `permute([${perm}])`, shapes: [dims], op: ([x]) => o.permute(x, perm) };
    }
    case 7: {
      const k = int(1, 3);
      const lead = random() < 0.4 ? [int(1, 3)] : [];
      const sizes = [...lead, -1, k, ...dims.map(() => -1)];
      return {
        family: "reshape",
        text: `expand(unsqueeze(1), [${sizes}])`,
        shapes: [dims],
        op: ([x]) => o.expand(o.unsqueeze(x, 1), sizes),
      };
    }
    case 8: {
      const reps = Array.from({ length: int(1, r + 1) }, () => int(1, 3));
      return { family: "reshape", text: `tile([${reps}])`, shapes: [dims], op: ([x]) => o.tile(x, reps) };
    }
    case 9: {
      const d = int(1, r - 1);
      const size = typeof all[d] === "number" ? (all[d] as number) : 1;
      const index = int(-size, size - 1);
      return { family: "reshape", text: `select(${d}, ${index})`, shapes: [dims], op: ([x]) => o.select(x, d, index) };
    }
    case 10: {
      const d = int(1, r - 1);
      const size = typeof all[d] === "number" ? (all[d] as number) : 1;
      const start = int(-size, size - 1);
      const from = start < 0 ? start + size : start;
      const length = int(0, size - from);
      return {
        family: "reshape",
        text: `narrow(${d}, ${start}, ${length})`,
        shapes: [dims],
        op: ([x]) => o.narrow(x, d, start, length),
      };
    }
    case 11: {
      const d = int(-(r + 1), r);
      return { family: "reshape", text: `stack(${d})`, shapes: [dims], op: ([x]) => o.stack([x, o.neg(x)], d) };
    }
    default: {
      const fn = pick(["sum", "mean", "amax", "amin"]);
      return { family: "reshape", text: `cat then ${fn}`, shapes: [dims], op: ([x]) => o[fn](o.cat([x, x], -1), -1) };
    }
  }
}

function reductionCase(): Case {
  const rank = int(1, 3);
  const dims: (number | string)[] = Array.from({ length: rank }, () => int(1, 4));
  if (random() < 0.3) dims[rank - 1] = "h";
  const r = rank + 1;
  const fn = pick(["sum", "mean", "amax", "amin", "logsumexp", "var", "std", "argmax"]);
  const axes = shuffled(Array.from({ length: r }, (_, i) => i)).slice(0, int(1, r));
  const dim =
    fn === "argmax"
      ? random() < 0.2
        ? undefined
        : int(-r, r - 1)
      : random() < 0.15
        ? undefined
        : random() < 0.4
          ? axes[0]! - (random() < 0.5 ? r : 0)
          : axes;
  const keepdim = random() < 0.5;
  const correction = fn === "var" || fn === "std" ? int(0, 1) : undefined;
  const options = { keepdim, ...(correction === undefined ? {} : { correction }) };
  return {
    family: "reduction",
    text: `${fn}(${JSON.stringify(dim)}, ${JSON.stringify(options)})`,
    shapes: [dims],
    op: ([x]) => o[fn](x, dim, options),
  };
}

function einsumCase(): Case {
  const [i, j, k] = [int(1, 4), int(1, 4), int(1, 4)];
  const templates: [string, number[][]][] = [
    [
      "bij,bjk->bik",
      [
        [i, j],
        [j, k],
      ],
    ],
    [
      "bij,bkj->bik",
      [
        [i, j],
        [k, j],
      ],
    ],
    [
      "bij,bik->bjk",
      [
        [i, j],
        [i, k],
      ],
    ],
    [
      "bij,bij->bi",
      [
        [i, j],
        [i, j],
      ],
    ],
    [
      "bij,bij->b",
      [
        [i, j],
        [i, j],
      ],
    ],
    ["bij->bji", [[i, j]]],
    ["bij->bj", [[i, j]]],
    ["bij->", [[i, j]]],
    ["bii->bi", [[i, i]]],
    ["bii->b", [[i, i]]],
    [
      "...ij,...jk->...ik",
      [
        [i, j],
        [j, k],
      ],
    ],
    ["...ij->...j", [[i, j, k]]],
    [
      "bij,bjk",
      [
        [i, j],
        [j, k],
      ],
    ],
    ["bijk,bk->bij", [[i, j, k], [k]]],
  ];
  const [equation, shapes] = pick(templates);
  return { family: "einsum", text: `einsum("${equation}")`, shapes, op: (xs) => o.einsum(equation, ...xs) };
}

function einopsCase(): Case {
  const [c, p, q, h, w] = [int(1, 3), int(1, 3), int(1, 2), int(1, 3), int(1, 3)];
  const named = random() < 0.3;
  const shape = [c, h * p, named ? "w" : w * q];
  const reduction = pick(["sum", "mean", "max", "min", "prod"]);
  const templates: [string, (x: any) => unknown][] = [
    [`rearrange b c (h p) w -> b (h w) (p c)`, (x) => e.rearrange(x, "b c (h p) w -> b (h w) (p c)", { p })],
    [`rearrange b c h w -> b h w c`, (x) => e.rearrange(x, "b c h w -> b h w c")],
    [`rearrange b c h w -> (b h) w c`, (x) => e.rearrange(x, "b c h w -> (b h) w c")],
    [`rearrange b c h w -> b (c h w)`, (x) => e.rearrange(x, "b c h w -> b (c h w)")],
    [`rearrange b c ... -> b ... c 1`, (x) => e.rearrange(x, "b c ... -> b ... c 1")],
    [`rearrange b c (h p) w -> b p c h w`, (x) => e.rearrange(x, "b c (h p) w -> b p c h w", { h })],
    [`reduce b c (h p) w -> b c h w ${reduction}`, (x) => e.reduce(x, "b c (h p) w -> b c h w", reduction, { p })],
    [`reduce b c h w -> b c ${reduction}`, (x) => e.reduce(x, "b c h w -> b c", reduction)],
    [`reduce b c h w -> c w ${reduction}`, (x) => e.reduce(x, "b c h w -> c w", reduction)],
    [`reduce b c h w -> b () h w ${reduction}`, (x) => e.reduce(x, "b c h w -> b () h w", reduction)],
    [`repeat b c h w -> b c h w r`, (x) => e.repeat(x, "b c h w -> b c h w r", { r: q + 1 })],
    [`repeat b c h w -> b (c r) h w`, (x) => e.repeat(x, "b c h w -> b (c r) h w", { r: p })],
    [`repeat b c h w -> r b h (w c)`, (x) => e.repeat(x, "b c h w -> r b h (w c)", { r: q })],
  ];
  const [text, op] = pick(templates);
  return { family: "einops", text: `${text} on [b, ${shape}]`, shapes: [shape], op: ([x]) => op(x) };
}

const makers = [reshapeCase, reductionCase, einsumCase, einopsCase];
const cases = Array.from({ length: count }, (_, i) => makers[i % makers.length]!());

function inputOf(shape: number[], seed: number): tf.Tensor {
  let s = seed * 7919 + 17;
  const n = shape.reduce((a, b) => a * b, 1);
  return tf.tensor(
    Float32Array.from({ length: n }, () => {
      s = (s * 1103515245 + 12345) % 2147483648;
      return (s / 2147483648) * 2 - 1;
    }),
    shape,
  );
}

describe(`toOnnx of ops on ${count} random configurations (ONNX Runtime against shapecheck)`, () => {
  before(async () => {
    await ready();
  });
  const tally: Record<string, { exported: number; shapeError: number; exportError: number; worst: number }> = {};
  for (const [index, c] of cases.entries()) {
    test(`${index}: ${c.family} ${c.text} on ${c.shapes.map((s) => `[b, ${s}]`).join(", ")}`, async () => {
      const counts = (tally[c.family] ??= { exported: 0, shapeError: 0, exportError: 0, worst: 0 });
      let net: any;
      try {
        const xs = c.shapes.map((s) => input(s as never));
        net = graph({ inputs: xs, outputs: [c.op(xs) as never] } as never);
      } catch (error) {
        if (!(error instanceof ShapeError)) throw error;
        counts.shapeError++;
        return;
      }
      const model = build(net);
      let bytes: Uint8Array;
      try {
        bytes = toOnnx(net, { weights: model.stateDict() });
      } catch (error) {
        assert.ok(error instanceof ExportError, String(error));
        assert.match(error.message, /more than one (size|of its sizes) is unknown|known only when the model runs/);
        counts.exportError++;
        return;
      }
      // a batch of 3 and a named size of 2: sizes no part of the file was written with
      const xs = (net.inputShapes as (number | null | string)[][]).map((shape, i) =>
        inputOf(
          shape.map((d) => (typeof d === "number" ? d : d === null ? 3 : 2)),
          index * 5 + i,
        ),
      );
      const want = model.predict((xs.length === 1 ? xs[0] : xs) as never) as tf.Tensor;
      const session = await ort.InferenceSession.create(bytes);
      const feeds = Object.fromEntries(
        xs.map((t, i) => [
          xs.length === 1 ? "input" : `input${i}`,
          new ort.Tensor("float32", t.dataSync() as Float32Array, t.shape),
        ]),
      );
      const got = (await session.run(feeds))["output"]!;
      assert.deepEqual([...got.dims], want.shape, "shape");
      const [a, b] = [want.dataSync(), got.data as Float32Array];
      let worst = 0;
      for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i]! - b[i]!));
      assert.ok(worst <= tolerance, `max |difference| ${worst}`);
      counts.exported++;
      counts.worst = Math.max(counts.worst, worst);
      await session.release();
      model.dispose();
    });
  }
  test("tally", () => {
    console.log(JSON.stringify(tally));
    const exported = Object.values(tally).reduce((n, t) => n + t.exported, 0);
    assert.ok(exported >= count * 0.6, `only ${exported} of ${count} exported`);
  });
});
