#!/usr/bin/env python3
"""PyTorch fixtures for shapecheck's `ops` (src/ops/): random cases of each operation, run by PyTorch.

Writes test/fixtures/ops-torch.json:

    { "cases": [ { "op": "transpose", "args": [1, 2], "inputs": [[2, 3, 4]],
                   "x": [[...flattened input values...]], "output": [2, 4, 3], "y": [...] },
                 { "op": "select", "args": [2, 7], "inputs": [[2, 3, 4]], "error": "<PyTorch's first line>" },
                 { "op": "split", ..., "outputs": [[2, 1, 4], [2, 2, 4]], "ys": [[...], [...]] }, ... ] }

`args` are the arguments after the tensors, as shapecheck's ops take them (torch's order; reductions:
[dim or dims or null, keepdim]; binary ops: [a, b] where a number is a scalar operand and null a
tensor). Seeded: every run writes the same file. test/ops-agreement.test.ts checks shapecheck's
runtime rule, its refusals and the TensorFlow.js values (within 1e-4) against these, and
test/pytorch/ops-type-assertions.ts writes the type-level assertions from them.

    apt-get install python3-torch
    /usr/bin/python3 scripts/ops_fixtures.py [--seed N] [--per-op N]
"""
import argparse
import json
import random

import torch

UNARY = {"relu": torch.relu, "sigmoid": torch.sigmoid, "tanh": torch.tanh, "exp": torch.exp, "log": torch.log,
         "sqrt": torch.sqrt, "rsqrt": torch.rsqrt, "abs": torch.abs, "neg": torch.neg, "sin": torch.sin, "cos": torch.cos,
         "reciprocal": torch.reciprocal, "square": torch.square,
         "gelu": torch.nn.functional.gelu, "silu": torch.nn.functional.silu}
POSITIVE = {"log", "sqrt", "rsqrt", "reciprocal"}
BINARY = {"add": torch.add, "sub": torch.sub, "mul": torch.mul, "div": torch.div, "pow": torch.pow,
          "maximum": torch.maximum, "minimum": torch.minimum}
REDUCE = ["sum", "mean", "amax", "amin", "argmax", "logsumexp", "std", "var"]


def shape(r, lo=1, hi=4, rank=None):
    rank = r.randint(1, 4) if rank is None else rank
    return [r.randint(lo, hi) for _ in range(rank)]


def dim_arg(r, rank, spread=1):
    return r.randint(-rank - spread, rank - 1 + spread)


def case(r, op):
    """One random call: (inputs shapes, args, a function of the torch tensors)."""
    b = r.randint(1, 3)
    if op in ("reshape", "view"):
        s = [b] + shape(r)
        n = 1
        for d in s[1:]:
            n *= d
        choices = [[b, -1], [b, n], [-1], [b, n + r.randint(1, 3)], [-1, -1], [b, r.choice([2, 3]), -1], [b, 1, -1, 1], [n * b]]
        sizes = r.choice(choices)
        return [s], [sizes], lambda x: x.reshape(sizes) if op == "reshape" else x.view(sizes)
    if op == "flatten":
        s = [b] + shape(r)
        st, en = dim_arg(r, len(s)), dim_arg(r, len(s))
        return [s], [st, en], lambda x: torch.flatten(x, st, en)
    if op == "unflatten":
        s = [b] + shape(r, 1, 6)
        d = dim_arg(r, len(s))
        size = s[d] if -len(s) <= d < len(s) else 6
        sizes = r.choice([[-1, 1], [1, size], [size, 1], [2, -1], [3, -1], [2, 3], [-1, -1]])
        return [s], [d, sizes], lambda x: torch.unflatten(x, d, sizes)
    if op == "permute":
        s = [b] + shape(r)
        dims = list(range(len(s)))
        r.shuffle(dims)
        dims = [d - len(s) if r.random() < 0.3 else d for d in dims]
        if r.random() < 0.2:
            dims = dims[:-1] if len(dims) > 1 else dims + [0]
        if r.random() < 0.1 and len(dims) > 1:
            dims[0] = dims[1]
        return [s], [dims], lambda x: x.permute(dims)
    if op == "transpose":
        s = [b] + shape(r)
        d0, d1 = dim_arg(r, len(s)), dim_arg(r, len(s))
        return [s], [d0, d1], lambda x: torch.transpose(x, d0, d1)
    if op == "squeeze":
        s = [b] + shape(r, 1, 3)
        if r.random() < 0.3:
            return [[1] + s[1:]], [], lambda x: torch.squeeze(x)
        d = dim_arg(r, len(s))
        return [s], [d], lambda x: torch.squeeze(x, d)
    if op == "unsqueeze":
        s = [b] + shape(r)
        d = dim_arg(r, len(s) + 1)
        return [s], [d], lambda x: torch.unsqueeze(x, d)
    if op == "expand":
        s = [b] + [r.choice([1, 1, 2, 3]) for _ in range(r.randint(0, 3))]
        sizes = [r.choice([-1, d, 4, 1]) if d == 1 else r.choice([-1, d, d, d + 1]) for d in s]
        sizes = [r.randint(1, 3) for _ in range(r.randint(0, 1))] + sizes
        if r.random() < 0.1:
            sizes = sizes[1:]
        return [s], [sizes], lambda x: x.expand(sizes)
    if op == "select":
        s = [b] + shape(r)
        d = dim_arg(r, len(s), 0)
        i = r.randint(-s[d] - 1, s[d])
        return [s], [d, i], lambda x: torch.select(x, d, i)
    if op == "narrow":
        s = [b] + shape(r, 1, 6)
        d = dim_arg(r, len(s), 0)
        start = r.randint(-s[d], s[d] - 1)
        length = r.randint(0, s[d] + 1)
        return [s], [d, start, length], lambda x: torch.narrow(x, d, start, length)
    if op == "split":
        s = [b] + shape(r, 1, 7)
        d = dim_arg(r, len(s), 0)
        if r.random() < 0.5:
            k = r.randint(1, 4)
            return [s], [k, d], lambda x: list(torch.split(x, k, d))
        parts = [r.randint(0, 3) for _ in range(r.randint(1, 3))]
        if r.random() < 0.6:
            parts.append(max(0, s[d] - sum(parts)))
        return [s], [parts, d], lambda x: list(torch.split(x, parts, d))
    if op == "chunk":
        s = [b] + shape(r, 1, 7)
        d = dim_arg(r, len(s), 0)
        k = r.randint(1, 4)
        return [s], [k, d], lambda x: list(torch.chunk(x, k, d))
    if op in ("cat", "stack"):
        s = [b] + shape(r)
        n = r.randint(1, 3)
        shapes = [list(s) for _ in range(n)]
        d = dim_arg(r, len(s) + (1 if op == "stack" else 0), 0)
        if op == "cat":
            axis = d % len(s)
            for t in shapes:
                t[axis] = r.randint(1, 3)
        if r.random() < 0.25 and n > 1:
            shapes[-1][r.randrange(len(s))] += 1
        f = torch.cat if op == "cat" else torch.stack
        return shapes, [d], lambda *xs: f(list(xs), d)
    if op in BINARY:
        a = [b] + shape(r)
        bb = list(a)
        for i in range(len(bb)):
            if r.random() < 0.3:
                bb[i] = 1
        bb = bb[r.randint(0, len(bb) - 1):]
        if r.random() < 0.5:
            a, bb = bb, a
        if r.random() < 0.15:
            bb[-1] += 1
        if r.random() < 0.2:
            k = round(r.uniform(0.5, 2.5), 2)
            return [a], [None, k], lambda x: BINARY[op](x, k)
        return [a, bb], [None, None], lambda x, y: BINARY[op](x, y)
    if op in UNARY:
        s = [b] + shape(r)
        return [s], [], UNARY[op]
    if op in REDUCE:
        s = [b] + shape(r)
        keep = r.random() < 0.4
        roll = r.random()
        if roll < 0.2 or op == "argmax":
            dims = None if roll < 0.2 and op == "argmax" else dim_arg(r, len(s))
        elif roll < 0.6:
            dims = dim_arg(r, len(s))
        else:
            dims = [dim_arg(r, len(s), 0) for _ in range(r.randint(1, 2))]
        if op == "argmax":
            return [s], [dims, keep], lambda x: torch.argmax(x, dims, keepdim=keep)
        f = {"sum": torch.sum, "mean": torch.mean, "amax": torch.amax, "amin": torch.amin, "logsumexp": torch.logsumexp,
             "std": torch.std, "var": torch.var}[op]
        if dims is None:
            if op in ("amax", "amin", "logsumexp"):
                dims = list(range(len(s)))
                return [s], [dims, keep], lambda x: f(x, dims, keepdim=keep)
            return [s], [None, keep], lambda x: f(x) if not keep else f(x, list(range(len(s))), keepdim=True)
        return [s], [dims, keep], lambda x: f(x, dims, keepdim=keep)
    if op in ("softmax", "logSoftmax"):
        s = [b] + shape(r)
        d = dim_arg(r, len(s))
        f = torch.softmax if op == "softmax" else torch.log_softmax
        return [s], [d], lambda x: f(x, d)
    if op == "matmul":
        n, k, m = r.randint(1, 4), r.randint(1, 4), r.randint(1, 4)
        batch_a = [r.choice([1, 2, 3]) for _ in range(r.randint(0, 2))]
        batch_b = [r.choice([1, d]) for d in batch_a][r.randint(0, len(batch_a)):] if r.random() < 0.7 else [r.choice([1, 2, 3]) for _ in range(r.randint(0, 2))]
        a = [b] + batch_a + [n, k] if r.random() < 0.8 else [k]
        bb = batch_b + [k if r.random() < 0.85 else k + 1, m] if r.random() < 0.8 else [k]
        if r.random() < 0.5:
            a, bb = [b] + bb[-2:] if len(bb) >= 2 else [b] + bb, a if len(a) > 1 else [b, k] + a
        return [a, bb], [], torch.matmul
    if op == "bmm":
        n, k, m = r.randint(1, 4), r.randint(1, 4), r.randint(1, 4)
        a, bb = [b, n, k], [b if r.random() < 0.85 else b + 1, k if r.random() < 0.85 else k + 1, m]
        return [a, bb], [], torch.bmm
    if op == "einsum":
        h, q, kk, d = r.randint(1, 3), r.randint(1, 4), r.randint(1, 4), r.randint(1, 4)
        eqs = [
            ("bhqd,bhkd->bhqk", [[b, h, q, d], [b, h, kk, d]]),
            ("bhqk,bhkd->bhqd", [[b, h, q, kk], [b, h, kk, d]]),
            ("bij,bjk->bik", [[b, q, d], [b, d, kk]]),
            ("bij,bjk", [[b, q, d], [b, d, kk]]),
            ("bi,bi->b", [[b, d], [b, d]]),
            ("bij->bji", [[b, q, d]]),
            ("bii->bi", [[b, d, d]]),
            ("b...d,b...d->b...", [[b, h, q, d], [b, h, q, d]]),
            ("...ij,...jk->...ik", [[b, q, d], [b, d, kk]]),
            ("bi,bj->bij", [[b, q], [b, d]]),
            ("bij->b", [[b, q, d]]),
            ("bhqd,bhkd->bhqk", [[b, h, q, d], [b, h, kk, d + 1]]),
            ("bij,bjk->bik", [[b, q, d], [b, d]]),
            ("bij,bjk->bil", [[b, q, d], [b, d, kk]]),
        ]
        eq, shapes = r.choice(eqs)
        return shapes, [eq], lambda *xs: torch.einsum(eq, *xs)
    if op == "tile":
        s = [b] + shape(r, 1, 3, r.randint(1, 3))
        reps = [r.randint(0, 3) for _ in range(r.randint(1, len(s) + 1))]
        if r.random() < 0.1:
            reps[0] = -1
        return [s], [reps], lambda x: torch.tile(x, reps)
    if op == "pad":
        s = [b] + shape(r, 1, 4)
        n = 2 * r.randint(1, len(s)) if r.random() < 0.85 else r.choice([1, 3, 2 * len(s) + 2])
        padding = [r.randint(0, 2) for _ in range(n)]
        return [s], [padding], lambda x: torch.nn.functional.pad(x, padding)
    if op == "interpolate":
        s = [b, r.randint(1, 3), r.randint(1, 5), r.randint(1, 5)]
        mode = r.choice(["nearest", "bilinear"])
        roll = r.random()
        if roll < 0.4:
            size = [r.randint(1, 7), r.randint(1, 7)]
            o = {"size": size, "mode": mode}
            kw = {"size": size}
        elif roll < 0.85:
            k = r.choice([1, 2, 3])
            o = {"scaleFactor": k, "mode": mode}
            kw = {"scale_factor": k}
        else:
            size = [r.randint(1, 7)] * 3
            o = {"size": size, "mode": mode}
            kw = {"size": size}
        extra = {"align_corners": False} if mode == "bilinear" else {}
        return [s], [o], lambda x: torch.nn.functional.interpolate(x, mode=mode, **kw, **extra)
    raise ValueError(op)


OPS = (["reshape", "view", "flatten", "unflatten", "permute", "transpose", "squeeze", "unsqueeze", "expand", "select", "narrow",
        "split", "chunk", "cat", "stack"] + list(BINARY) + list(UNARY) + REDUCE + ["softmax", "logSoftmax", "matmul", "bmm", "einsum", "tile", "pad", "interpolate"])


def values(t):
    """Flattened values; NaN (std of one value) as null, infinities as +-1e38."""
    out = []
    for v in t.detach().reshape(-1).tolist():
        v = float(v)
        out.append(None if v != v else max(-1e38, min(1e38, round(v, 7))))
    return out


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seed", type=int, default=20261206)
    parser.add_argument("--per-op", type=int, default=30)
    parser.add_argument("--out", default="test/fixtures/ops-torch.json")
    options = parser.parse_args()
    r = random.Random(options.seed)
    torch.manual_seed(options.seed)
    cases = []
    for op in OPS:
        per_op = options.per_op if op not in UNARY else 4
        seen = set()
        tries = 0
        while len([c for c in cases if c["op"] == op]) < per_op and tries < per_op * 20:
            tries += 1
            shapes, args, f = case(r, op)
            key = json.dumps([shapes, args])
            if key in seen:
                continue
            seen.add(key)
            xs = [torch.randn(s) for s in shapes]
            if op in POSITIVE or op == "pow":
                xs = [x.abs() + 0.5 for x in xs]
            if op == "pow" and len(xs) == 2:
                xs[1] = xs[1] - 0.5
            record = {"op": op, "args": args, "inputs": shapes}
            try:
                y = f(*xs)
            except Exception as error:  # PyTorch refuses: shapecheck must refuse too
                record["error"] = str(error).split("\n")[0]
                cases.append(record)
                continue
            record["x"] = [values(x) for x in xs]
            if isinstance(y, list):
                record["outputs"] = [list(t.shape) for t in y]
                record["ys"] = [values(t) for t in y]
            else:
                record["output"] = list(y.shape)
                record["y"] = values(y)
            cases.append(record)
    with open(options.out, "w") as out:
        json.dump({"cases": cases}, out, separators=(",", ":"))
    print(f"{len(cases)} cases ({sum('error' in c for c in cases)} refused by PyTorch) -> {options.out}")


if __name__ == "__main__":
    main()
