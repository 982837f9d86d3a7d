#!/usr/bin/env python3
"""PyTorch shape fixtures for shapecheck's `nn` vocabulary.

Draws random layer configurations (seeded, so every run writes the same file), runs each one
through PyTorch's real module on a real zero tensor, as in a training step (module in training
mode, autograd on, input requiring grad), and records what PyTorch does with it:

    test/fixtures/pytorch-shapes.json

    { "conv2d": [
        { "args": { "inChannels": 3, ... }, "input": [2, 3, 17, 9], "output": [2, 8, 17, 9] },
        { "args": { ... }, "input": [...], "error": "<first line of PyTorch's exception>" },
        ... ],
      "maxPool2d": [ ... ], ... }

`args` uses the camelCase names of SPEC.md ("nn") and keeps every value as PyTorch received it
(an int stays an int, a tuple becomes an array, None becomes null); an argument left out of
`args` was not passed, so PyTorch used its default. Each family has >= 500 configurations that
PyTorch accepts and about 75 that it rejects (except `embedding`, whose input shape PyTorch never
rejects). A few records carry an extra marker:
  - "training": true   (batchNorm*) the module ran in training mode; every other batchNorm record
                       ran in eval mode. Training mode also rejects a batch with one value per
                       channel ("Expected more than 1 value per channel when training ...").
  - "noGradOutput": [...]   (maxPool1d) PyTorch's CPU fast path for an input that does not require
                       grad returns this (empty) tensor, while the recorded error is what an input
                       that requires grad (every training step) gets, like maxPool2d.
  - "noneInOutputSize": true   (adaptive pools) the outputSize tuple holds None (= keep that dim).

Not run by CI; rerun by hand after changing it. Needs a Python with PyTorch; on Debian/Ubuntu:

    apt-get install python3-torch
    /usr/bin/python3 scripts/pytorch_fixtures.py           # from the repository root

Options: --seed N (default 20240601), --valid N per family (default 500), --invalid N per family
(default 75), --out PATH, --only FAMILY... Takes about 10 seconds on one core. The script also checks every result
against the closed-form shape rules written below (`ref_*`) and prints any disagreement.
"""

import argparse
import json
import math
import os
import random
import sys
import time
import warnings

try:
    import torch
    import torch.nn as nn
except ImportError:
    sys.exit("pytorch_fixtures.py needs PyTorch: apt-get install python3-torch, then run it with "
             "/usr/bin/python3 (or pip install torch into this Python)")

warnings.simplefilter("ignore")
torch.set_num_threads(1)

# --------------------------------------------------------------------------------------------
# helpers


def tup(rng, nd, lo, hi, p_tuple=0.4):
    """An int, or (with probability p_tuple) a list of nd ints, which PyTorch receives as a tuple."""
    if rng.random() < p_tuple:
        return [rng.randint(lo, hi) for _ in range(nd)]
    return rng.randint(lo, hi)


def expand(v, nd):
    return list(v) if isinstance(v, (list, tuple)) else [v] * nd


def py(v):
    """JSON value -> what PyTorch receives (lists become tuples)."""
    return tuple(v) if isinstance(v, list) else v


def pick(rng, weighted):
    total = sum(w for _, w in weighted)
    r = rng.random() * total
    for item, w in weighted:
        r -= w
        if r < 0:
            return item
    return weighted[-1][0]


def maybe(rng, args, key, value, default, p_keep_default=0.5):
    """Put an argument into args; one equal to PyTorch's default is sometimes left out."""
    if value == default and rng.random() > p_keep_default:
        return
    args[key] = value


def first_line(e):
    s = str(e).strip()
    if not s:
        return type(e).__name__
    lines = s.splitlines()
    line = lines[0].strip()
    # e.g. "unflatten got an unexpected error:\nonly one dimension can be inferred"
    if line.endswith(":") and len(lines) > 1:
        line = line + " " + lines[1].strip()
    return line


def divisors(n):
    return [d for d in range(1, n + 1) if n % d == 0]


# --------------------------------------------------------------------------------------------
# closed-form rules (PyTorch 1.13), used only to cross-check the recorded results


def ref_conv(args, inp, nd):
    k = expand(args["kernelSize"], nd)
    s = expand(args.get("stride", 1), nd)
    d = expand(args.get("dilation", 1), nd)
    pad = args.get("padding", 0)
    g = args.get("groups", 1)
    if len(inp) != nd + 2 or inp[1] != args["inChannels"]:
        return None
    if any(len(x) != nd for x in (k, s, d)) or min(k + s + d) < 1:
        return None
    if pad == "same" and max(s) > 1:
        return None
    if pad not in ("same", "valid") and (len(expand(pad, nd)) != nd or min(expand(pad, nd)) < 0):
        return None
    out = [inp[0], args["outChannels"]]
    for i in range(nd):
        L = inp[2 + i]
        if pad == "same":
            out.append(L)
            continue
        p = 0 if pad == "valid" else expand(pad, nd)[i]
        if L + 2 * p < d[i] * (k[i] - 1) + 1:
            return None
        out.append((L + 2 * p - d[i] * (k[i] - 1) - 1) // s[i] + 1)
    return out if args["inChannels"] % g == 0 and args["outChannels"] % g == 0 else None


def ref_conv_transpose(args, inp, nd):
    k = expand(args["kernelSize"], nd)
    s = expand(args.get("stride", 1), nd)
    p = expand(args.get("padding", 0), nd)
    op = expand(args.get("outputPadding", 0), nd)
    d = expand(args.get("dilation", 1), nd)
    g = args.get("groups", 1)
    if len(inp) != nd + 2 or inp[1] != args["inChannels"]:
        return None
    if args["inChannels"] % g or args["outChannels"] % g:
        return None
    out = [inp[0], args["outChannels"]]
    for i in range(nd):
        if not (op[i] < s[i] or op[i] < d[i]):
            return None
        o = (inp[2 + i] - 1) * s[i] - 2 * p[i] + d[i] * (k[i] - 1) + op[i] + 1
        if o < 1:
            return None
        out.append(o)
    return out


def pool_len(L, k, s, p, d, ceil):
    """aten/src/ATen/native/Pool.h pooling_output_shape"""
    num = L + 2 * p - d * (k - 1) - 1 + (s - 1 if ceil else 0)
    out = num // s + 1  # floor division, like div_rtn
    if ceil and (out - 1) * s >= L + p:  # last window must start inside input or left padding
        out -= 1
    return out


def ref_pool(args, inp, nd):
    k = expand(args["kernelSize"], nd)
    s = expand(args["kernelSize"] if args.get("stride") is None else args["stride"], nd)
    p = expand(args.get("padding", 0), nd)
    d = expand(args.get("dilation", 1), nd)
    if len(inp) != nd + 2 or min(s) < 1:
        return None
    out = list(inp[:2])
    for i in range(nd):
        if p[i] * 2 > k[i]:
            return None
        o = pool_len(inp[2 + i], k[i], s[i], p[i], d[i], args.get("ceilMode", False))
        if o < 1:
            return None
        out.append(o)
    return out


def ref_adaptive(args, inp, nd):
    o = args["outputSize"]
    o = expand(o, nd)
    if len(inp) != nd + 2 or len(o) != nd or any(x is not None and x < 0 for x in o):
        return None
    return list(inp[:2]) + [inp[2 + i] if o[i] is None else o[i] for i in range(nd)]


def norm_dim(d, r):
    return d + r if d < 0 else d


def ref_flatten(args, inp):
    r = len(inp)
    a, b = norm_dim(args.get("startDim", 1), r), norm_dim(args.get("endDim", -1), r)
    if not (0 <= a < r and 0 <= b < r) or a > b:
        return None
    return inp[:a] + [math.prod(inp[a:b + 1])] + inp[b + 1:]


def ref_unflatten(args, inp):
    r = len(inp)
    d = norm_dim(args["dim"], r)
    sizes = list(args["sizes"])
    if not 0 <= d < r or sizes.count(-1) > 1:
        return None
    known = math.prod(x for x in sizes if x != -1)
    if -1 in sizes:
        if known == 0 or inp[d] % known:
            return None
        sizes[sizes.index(-1)] = inp[d] // known
    elif known != inp[d]:
        return None
    return inp[:d] + sizes + inp[d + 1:]


# --------------------------------------------------------------------------------------------
# generators: gen(rng, invalid) -> (args, input_shape[, extra record fields])


def gen_conv(nd):
    maxL = {1: 40, 2: 24, 3: 9}[nd]
    maxK = {1: 7, 2: 5, 3: 3}[nd]
    maxC = {1: 16, 2: 12, 3: 6}[nd]

    def gen(rng, invalid):
        kind = pick(rng, [("small", 5), ("channels", 3), ("groups", 3), ("sameStride", 2), ("rank", 1), ("misc", 0.6)]) if invalid else None
        g = pick(rng, [(1, 6), (2, 2), (3, 1), (4, 1)])
        inC = g * rng.randint(1, max(1, maxC // g))
        outC = g * rng.randint(1, max(1, maxC // g))
        k = tup(rng, nd, 1, maxK)
        d = tup(rng, nd, 1, 3, 0.3) if rng.random() < 0.25 else 1
        pmode = pick(rng, [("int", 4), ("tuple", 2), ("same", 2), ("valid", 1)])
        if kind == "sameStride":
            pmode = "same"
        if pmode == "int":
            pad = rng.randint(0, 3)
        elif pmode == "tuple":
            pad = [rng.randint(0, 3) for _ in range(nd)]
        else:
            pad = pmode
        if pad == "same" and kind != "sameStride":
            s = 1 if rng.random() < 0.7 else [1] * nd
        elif kind == "sameStride":
            s = [rng.randint(1, 3) for _ in range(nd)] if rng.random() < 0.4 else rng.randint(2, 3)
            if isinstance(s, list) and max(s) == 1:
                s[rng.randrange(nd)] = 2
        else:
            s = tup(rng, nd, 1, 3, 0.35)
        groups = g
        if kind == "groups":
            # a groups value that does not divide one of the channel counts
            while True:
                groups = rng.randint(2, 6)
                inC, outC = rng.randint(1, maxC), rng.randint(1, maxC)
                if inC % groups or outC % groups:
                    break
        args = {"inChannels": inC, "outChannels": outC, "kernelSize": k}
        maybe(rng, args, "stride", s, 1)
        maybe(rng, args, "padding", pad, 0)
        maybe(rng, args, "dilation", d, 1)
        maybe(rng, args, "groups", groups, 1)
        if rng.random() < 0.4:
            args["bias"] = rng.random() < 0.5
        ks, ds = expand(k, nd), expand(d, nd)
        ps = [0] * nd if pad in ("same", "valid") else expand(pad, nd)
        spatial = []
        for i in range(nd):
            need = max(1, ds[i] * (ks[i] - 1) + 1 - 2 * ps[i])
            spatial.append(rng.randint(need, max(need, maxL)) if rng.random() < 0.7 else rng.randint(need, need + 3))
        if kind == "small":
            cand = [i for i in range(nd) if ds[i] * (ks[i] - 1) + 1 - 2 * ps[i] >= 2]
            if not cand:
                return None
            i = rng.choice(cand)
            spatial[i] = rng.randint(1, ds[i] * (ks[i] - 1) - 2 * ps[i])
        if kind == "misc":
            what = rng.choice(["zeroStride", "negPad", "tupleLen"])
            if what == "zeroStride":
                args["stride"] = 0
            elif what == "negPad":
                args["padding"] = -1
            else:  # conv1d accepts a 2-tuple kernel when built and fails on the input
                args["kernelSize"] = [rng.randint(1, 2)] * (nd + 1)
        n = rng.randint(1, 3)
        c = inC
        if kind == "channels":
            c = rng.choice([x for x in range(1, maxC + 2) if x != inC])
        shape = [n, c] + spatial
        if kind == "rank":
            shape = [1] + shape if rng.random() < 0.6 else shape[2:]
            if len(shape) == nd + 1:  # unbatched [C, ...spatial] is valid in PyTorch; drop one more
                shape = shape[1:]
        return args, shape
    return gen


def gen_conv_transpose(nd):
    maxL = {1: 20, 2: 12}[nd]

    def gen(rng, invalid):
        kind = pick(rng, [("outputPadding", 4), ("tooSmall", 3), ("channels", 2), ("groups", 2)]) if invalid else None
        g = pick(rng, [(1, 6), (2, 2), (3, 1), (4, 1)])
        inC = g * rng.randint(1, max(1, 12 // g))
        outC = g * rng.randint(1, max(1, 12 // g))
        k = tup(rng, nd, 1, 5)
        s = tup(rng, nd, 1, 3, 0.35)
        d = tup(rng, nd, 1, 3, 0.3) if rng.random() < 0.3 else 1
        p = tup(rng, nd, 0, 3, 0.3) if rng.random() < 0.6 else 0
        ss, ds = expand(s, nd), expand(d, nd)
        if rng.random() < 0.5 or kind == "outputPadding":
            op = [rng.randint(0, max(ss[i], ds[i]) - 1) for i in range(nd)]
            if kind == "outputPadding":
                i = rng.randrange(nd)
                op[i] = rng.randint(max(ss[i], ds[i]), max(ss[i], ds[i]) + 1)
            if rng.random() < 0.5 and len(set(op)) == 1:
                op = op[0]
        else:
            op = 0
        groups = g
        if kind == "groups":
            while True:
                groups = rng.randint(2, 6)
                inC, outC = rng.randint(1, 12), rng.randint(1, 12)
                if inC % groups or outC % groups:
                    break
        args = {"inChannels": inC, "outChannels": outC, "kernelSize": k}
        maybe(rng, args, "stride", s, 1)
        maybe(rng, args, "padding", p, 0)
        maybe(rng, args, "outputPadding", op, 0)
        maybe(rng, args, "dilation", d, 1)
        maybe(rng, args, "groups", groups, 1)
        if rng.random() < 0.3:
            args["bias"] = rng.random() < 0.5
        ks, ps, ops = expand(k, nd), expand(p, nd), expand(op, nd)
        spatial = []
        for i in range(nd):
            # (L-1)s - 2p + d(k-1) + op + 1 >= 1
            base = -2 * ps[i] + ds[i] * (ks[i] - 1) + ops[i]
            need = 1
            while (need - 1) * ss[i] + base < 0:
                need += 1
            spatial.append(rng.randint(need, max(need, maxL)))
        if kind == "tooSmall":
            cand = [i for i in range(nd) if -2 * ps[i] + ds[i] * (ks[i] - 1) + ops[i] < 0]
            if not cand:
                return None
            i = rng.choice(cand)
            base = -2 * ps[i] + ds[i] * (ks[i] - 1) + ops[i]
            bad = [L for L in range(1, maxL) if (L - 1) * ss[i] + base < 0]
            spatial[i] = rng.choice(bad)
        c = inC
        if kind == "channels":
            c = rng.choice([x for x in range(1, 14) if x != inC])
        return args, [rng.randint(1, 3), c] + spatial
    return gen


def gen_pool(nd, is_max):
    maxL = {1: 40, 2: 24}[nd]

    def gen(rng, invalid):
        kind = pick(rng, [("padding", 3), ("tooSmall", 3), ("rank", 1), ("zeroStride", 0.5)]) if invalid else None
        k = tup(rng, nd, 1, 6, 0.35)
        ks = expand(k, nd)
        stride_mode = pick(rng, [("omit", 3), ("explicit", 7)])
        s = tup(rng, nd, 1, 5, 0.3) if stride_mode == "explicit" else None
        if kind == "zeroStride":
            s = 0
        ss = expand(s if s is not None else k, nd)
        if kind == "padding":
            cand = [i for i in range(nd)]
            i = rng.choice(cand)
            p = [rng.randint(0, ks[j] // 2) for j in range(nd)]
            p[i] = rng.randint(ks[i] // 2 + 1, ks[i] // 2 + 2)
            if nd == 1 or (rng.random() < 0.4 and len(set(p)) == 1):
                p = p[0] if nd == 1 or len(set(p)) == 1 else p
        elif rng.random() < 0.5:
            p = [rng.randint(0, ks[j] // 2) for j in range(nd)]
            p = p[0] if len(set(p)) == 1 and rng.random() < 0.7 else p
        else:
            p = 0
        ps = expand(p, nd)
        d = 1
        if is_max and rng.random() < 0.3:
            d = tup(rng, nd, 1, 3, 0.3)
        ds = expand(d, nd)
        ceil = rng.random() < 0.5
        args = {"kernelSize": k}
        if s is not None:
            args["stride"] = s
        maybe(rng, args, "padding", p, 0)
        if is_max:
            maybe(rng, args, "dilation", d, 1)
        maybe(rng, args, "ceilMode", ceil, False)
        spatial = []
        for i in range(nd):
            eff = ds[i] * (ks[i] - 1) + 1
            lo = max(1, eff - 2 * ps[i])
            cands = list(range(lo, max(lo, maxL) + 1))
            if ceil and ss[i] > 0 and rng.random() < 0.8:
                # the interesting ceil-mode cases: the extra window would start in the right padding
                edge = [L for L in cands if pool_len(L, ks[i], ss[i], ps[i], ds[i], True)
                        != (L + 2 * ps[i] - eff + ss[i] - 1) // ss[i] + 1]
                if edge:
                    cands = edge
                elif rng.random() < 0.7:
                    inexact = [L for L in cands if (L + 2 * ps[i] - eff) % ss[i]]
                    cands = inexact or cands
            spatial.append(rng.choice(cands if rng.random() < 0.8 else cands[:4]))
        if kind == "tooSmall":
            cand = [i for i in range(nd) if ds[i] * (ks[i] - 1) + 1 - 2 * ps[i] >= 2]
            if not cand:
                return None
            i = rng.choice(cand)
            spatial[i] = rng.randint(1, ds[i] * (ks[i] - 1) - 2 * ps[i])
        shape = [rng.randint(1, 3), rng.randint(1, 16)] + spatial
        if kind == "rank":
            shape = [1] + shape if rng.random() < 0.5 else shape[2:]
            if len(shape) == nd + 1:
                shape = shape[1:]
        return args, shape
    return gen


def gen_adaptive(nd):
    def gen(rng, invalid):
        kind = pick(rng, [("negative", 3), ("tupleLen", 2), ("rank", 3)]) if invalid else None
        spatial = [rng.randint(1, 30 if nd == 1 else 20) for _ in range(nd)]
        shape = [rng.randint(1, 3), rng.randint(1, 16)] + spatial
        extra = {}

        def one():
            r = rng.random()
            if r < 0.02:
                return 0
            if r < 0.15:
                return rng.randint(spatial[0] + 1, spatial[0] + 8)  # larger than the input
            return rng.randint(1, 10)
        if nd == 1:
            o = one() if rng.random() < 0.8 else [one()]
        else:
            r = rng.random()
            if r < 0.45:
                o = one()
            else:
                o = [one(), one()]
                if rng.random() < 0.25:
                    o[rng.randrange(2)] = None
                    if rng.random() < 0.15:
                        o = [None, None]
                    extra["noneInOutputSize"] = True
        if kind == "negative":
            if isinstance(o, list):
                o[rng.randrange(len(o))] = -rng.randint(1, 3)
                extra.pop("noneInOutputSize", None)
                if None in o:
                    extra["noneInOutputSize"] = True
            else:
                o = -rng.randint(1, 3)
        elif kind == "tupleLen":
            o = [rng.randint(1, 5) for _ in range(nd + 1)]
            extra.pop("noneInOutputSize", None)
        elif kind == "rank":
            shape = [1] + shape if rng.random() < 0.6 else shape[2:]
            if len(shape) == nd + 1:
                shape = shape[1:]
        return {"outputSize": o}, shape, extra
    return gen


def rand_shape(rng, r, lo=1, hi=6):
    return [rng.randint(lo, hi) for _ in range(r)]


def gen_flatten(rng, invalid):
    r = rng.randint(1, 5)
    shape = rand_shape(rng, r)
    args = {}
    if invalid:
        if rng.random() < 0.6 and r >= 2:
            a = rng.randint(1, r - 1)
            b = rng.randint(0, a - 1)
        else:  # out of range
            a, b = rng.choice([(r, -1), (rng.randint(0, r - 1), r), (-r - 1, -1), (0, -r - 1), (r + 1, r + 2)])
            if r == 1 and rng.random() < 0.5:
                a, b = 1, -1  # nn.Flatten() on a 1-D input
        a = a - r if rng.random() < 0.4 and 0 <= a < r else a
        b = b - r if rng.random() < 0.4 and 0 <= b < r else b
        args = {"startDim": a, "endDim": b}
        if a == 1 and b == -1 and rng.random() < 0.5:
            args = {}
        return args, shape
    if r == 1:
        a = 0
        b = rng.choice([0, -1])
    else:
        a = rng.randint(0, r - 1)
        b = rng.randint(a, r - 1)
    a = a - r if rng.random() < 0.3 else a
    b = b - r if rng.random() < 0.4 else b
    maybe(rng, args, "startDim", a, 1)
    if b != -1 or rng.random() < 0.5:
        args["endDim"] = b
    if args.get("endDim", -1) == -1 and "startDim" not in args and a != 1:
        args["startDim"] = a
    return args, shape


def gen_unflatten(rng, invalid):
    r = rng.randint(1, 4)
    shape = rand_shape(rng, r, 1, 5)
    d = rng.randrange(r)
    shape[d] = rng.choice([1, 2, 3, 4, 6, 8, 9, 12, 16, 18, 24, 36])
    n = shape[d]
    parts = rng.randint(1, 3)
    sizes = []
    rem = n
    for _ in range(parts - 1):
        f = rng.choice(divisors(rem))
        sizes.append(f)
        rem //= f
    sizes.append(rem)
    rng.shuffle(sizes)
    if rng.random() < 0.5:
        sizes[rng.randrange(len(sizes))] = -1
    kind = pick(rng, [("product", 5), ("twoInferred", 2), ("dim", 2)]) if invalid else None
    if kind == "product":
        j = rng.randrange(len(sizes))
        if sizes[j] == -1:
            others = math.prod(x for x in sizes if x != -1)
            # a known size that the dimension is not divisible by
            bad = [x for x in range(2, 8) if n % (others * x)]
            if not bad:
                return None
            sizes.append(rng.choice(bad))
        else:
            sizes[j] += rng.choice([1, 2])
    elif kind == "twoInferred":
        sizes = [-1, -1] + ([rng.randint(1, 3)] if rng.random() < 0.4 else [])
        rng.shuffle(sizes)
    elif kind == "dim":
        d = rng.choice([r, r + 1, -r - 1])
        return {"dim": d, "sizes": sizes}, shape
    if rng.random() < 0.4:
        d = d - r
    return {"dim": d, "sizes": sizes}, shape


def gen_linear(rng, invalid):
    i, o = rng.randint(1, 32), rng.randint(1, 32)
    args = {"inFeatures": i, "outFeatures": o}
    if rng.random() < 0.3:
        args["bias"] = rng.random() < 0.5
    r = pick(rng, [(1, 1), (2, 6), (3, 2), (4, 1)])
    shape = rand_shape(rng, r - 1, 1, 5) + [i]
    if invalid:
        shape[-1] = rng.choice([x for x in range(1, 34) if x != i])
    return args, shape


def gen_embedding(rng, invalid):
    args = {"numEmbeddings": rng.randint(1, 50), "embeddingDim": rng.randint(1, 16)}
    r = pick(rng, [(1, 1), (2, 8), (3, 1)])
    return args, rand_shape(rng, r, 1, 12)


def gen_batchnorm(nd):
    def gen(rng, invalid):
        c = rng.randint(1, 16)
        args = {"numFeatures": c}
        if nd == 1:
            shape = [rng.randint(1, 4), c] + ([rng.randint(1, 20)] if rng.random() < 0.5 else [])
        else:
            shape = [rng.randint(1, 3), c, rng.randint(1, 12), rng.randint(1, 12)]
        extra = {}
        if invalid:
            kind = pick(rng, [("channels", 5), ("rank", 3), ("training", 1)])
            if kind == "channels":
                shape[1] = rng.choice([x for x in range(1, 18) if x != c])
            elif kind == "rank":
                if nd == 1:
                    shape = rng.choice([[c], [rng.randint(1, 3), c, 3, 4], [2, c, 2, 2, 2]])
                else:
                    shape = rng.choice([[rng.randint(1, 3), c], [rng.randint(1, 3), c, 5], [c, 4, 4], [1, c, 2, 3, 3]])
            else:
                shape = [1, c] + [1] * (len(shape) - 2)
                if nd == 1 and len(shape) == 2 and rng.random() < 0.5:
                    shape.append(1)
                extra["training"] = True
        return args, shape, extra
    return gen


def gen_layernorm(rng, invalid):
    r = rng.randint(1, 4)
    shape = rand_shape(rng, r, 1, 8)
    t = rng.randint(1, r)
    trailing = shape[r - t:]
    ns = trailing[0] if t == 1 and rng.random() < 0.5 else list(trailing)
    if invalid:
        kind = pick(rng, [("mismatch", 6), ("tooLong", 2), ("empty", 0.5)])
        if kind == "mismatch":
            ns = expand(ns, 1) if not isinstance(ns, list) else ns
            j = rng.randrange(len(ns))
            ns[j] = rng.choice([x for x in range(1, 10) if x != ns[j]])
            if len(ns) == 1 and rng.random() < 0.5:
                ns = ns[0]
        elif kind == "tooLong":
            ns = [rng.randint(1, 4)] + shape
        else:
            ns = []
    return {"normalizedShape": ns}, shape


def gen_rnn(rng, invalid):
    i, h = rng.randint(1, 16), rng.randint(1, 16)
    args = {"inputSize": i, "hiddenSize": h}
    maybe(rng, args, "numLayers", rng.choice([1, 1, 2, 3]), 1)
    maybe(rng, args, "bidirectional", rng.random() < 0.5, False)
    shape = [rng.randint(1, 3), rng.randint(1, 12), i]
    if invalid:
        kind = pick(rng, [("features", 6), ("rank", 2)])
        if kind == "features":
            shape[-1] = rng.choice([x for x in range(1, 18) if x != i])
        else:
            shape = rng.choice([[i], [2, 3, 4, i]])
    return args, shape


def gen_mha(rng, invalid):
    heads = rng.randint(1, 8)
    e = heads * rng.randint(1, max(1, 32 // heads))
    args = {"embedDim": e, "numHeads": heads}
    shape = [rng.randint(1, 3), rng.randint(1, 12), e]
    if invalid:
        kind = pick(rng, [("heads", 5), ("embed", 3), ("rank", 1)])
        if kind == "heads":
            e = rng.randint(2, 32)
            bad = [h for h in range(2, 9) if e % h]
            if not bad:
                return None
            args = {"embedDim": e, "numHeads": rng.choice(bad)}
            shape[-1] = e
        elif kind == "embed":
            shape[-1] = rng.choice([x for x in range(1, 34) if x != e])
        else:
            shape = rng.choice([[e], [2, 2, 3, e]])
    return args, shape


def gen_softmax(rng, invalid):
    r = rng.randint(1, 4)
    shape = rand_shape(rng, r, 1, 8)
    d = rng.randint(-r, r - 1)
    if invalid:
        d = rng.choice([r, r + 1, -r - 1, -r - 2])
    return {"dim": d}, shape


# --------------------------------------------------------------------------------------------
# builders: args (as recorded) -> PyTorch module and forward


def conv_module(cls, args):
    kw = {}
    for key, name in [("stride", "stride"), ("padding", "padding"), ("dilation", "dilation"),
                      ("groups", "groups"), ("bias", "bias"), ("outputPadding", "output_padding")]:
        if key in args:
            kw[name] = py(args[key])
    return cls(args["inChannels"], args["outChannels"], py(args["kernelSize"]), **kw)


def pool_module(cls, args):
    kw = {}
    for key, name in [("stride", "stride"), ("padding", "padding"), ("dilation", "dilation"),
                      ("ceilMode", "ceil_mode")]:
        if key in args:
            kw[name] = py(args[key])
    return cls(py(args["kernelSize"]), **kw)


def rnn_module(cls, args):
    kw = {"batch_first": True}
    if "numLayers" in args:
        kw["num_layers"] = args["numLayers"]
    if "bidirectional" in args:
        kw["bidirectional"] = args["bidirectional"]
    return cls(args["inputSize"], args["hiddenSize"], **kw)


def flatten_module(args):
    kw = {}
    if "startDim" in args:
        kw["start_dim"] = args["startDim"]
    if "endDim" in args:
        kw["end_dim"] = args["endDim"]
    return nn.Flatten(**kw)


def linear_module(args):
    kw = {"bias": args["bias"]} if "bias" in args else {}
    return nn.Linear(args["inFeatures"], args["outFeatures"], **kw)


def first(x):
    return x[0] if isinstance(x, tuple) else x


FAMILIES = {
    # name: (generator, build(args) -> module, forward(module, input) -> tensor, reference rule)
    "conv1d": (gen_conv(1), lambda a: conv_module(nn.Conv1d, a), None, lambda a, i: ref_conv(a, i, 1)),
    "conv2d": (gen_conv(2), lambda a: conv_module(nn.Conv2d, a), None, lambda a, i: ref_conv(a, i, 2)),
    "conv3d": (gen_conv(3), lambda a: conv_module(nn.Conv3d, a), None, lambda a, i: ref_conv(a, i, 3)),
    "convTranspose1d": (gen_conv_transpose(1), lambda a: conv_module(nn.ConvTranspose1d, a), None,
                        lambda a, i: ref_conv_transpose(a, i, 1)),
    "convTranspose2d": (gen_conv_transpose(2), lambda a: conv_module(nn.ConvTranspose2d, a), None,
                        lambda a, i: ref_conv_transpose(a, i, 2)),
    "maxPool1d": (gen_pool(1, True), lambda a: pool_module(nn.MaxPool1d, a), None, lambda a, i: ref_pool(a, i, 1)),
    "maxPool2d": (gen_pool(2, True), lambda a: pool_module(nn.MaxPool2d, a), None, lambda a, i: ref_pool(a, i, 2)),
    "avgPool1d": (gen_pool(1, False), lambda a: pool_module(nn.AvgPool1d, a), None, lambda a, i: ref_pool(a, i, 1)),
    "avgPool2d": (gen_pool(2, False), lambda a: pool_module(nn.AvgPool2d, a), None, lambda a, i: ref_pool(a, i, 2)),
    "adaptiveAvgPool1d": (gen_adaptive(1), lambda a: nn.AdaptiveAvgPool1d(py(a["outputSize"])), None,
                          lambda a, i: ref_adaptive(a, i, 1)),
    "adaptiveAvgPool2d": (gen_adaptive(2), lambda a: nn.AdaptiveAvgPool2d(py(a["outputSize"])), None,
                          lambda a, i: ref_adaptive(a, i, 2)),
    "adaptiveMaxPool2d": (gen_adaptive(2), lambda a: nn.AdaptiveMaxPool2d(py(a["outputSize"])), None,
                          lambda a, i: ref_adaptive(a, i, 2)),
    "flatten": (gen_flatten, flatten_module, None, ref_flatten),
    "unflatten": (gen_unflatten, lambda a: nn.Unflatten(a["dim"], tuple(a["sizes"])), None, ref_unflatten),
    "linear": (gen_linear, linear_module, None,
               lambda a, i: i[:-1] + [a["outFeatures"]] if i[-1] == a["inFeatures"] else None),
    "embedding": (gen_embedding, lambda a: nn.Embedding(a["numEmbeddings"], a["embeddingDim"]), None,
                  lambda a, i: i + [a["embeddingDim"]]),
    "batchNorm1d": (gen_batchnorm(1), lambda a: nn.BatchNorm1d(a["numFeatures"]), None,
                    lambda a, i: i if len(i) in (2, 3) and i[1] == a["numFeatures"] else None),
    "batchNorm2d": (gen_batchnorm(2), lambda a: nn.BatchNorm2d(a["numFeatures"]), None,
                    lambda a, i: i if len(i) == 4 and i[1] == a["numFeatures"] else None),
    "layerNorm": (gen_layernorm, lambda a: nn.LayerNorm(py(a["normalizedShape"])), None,
                  lambda a, i: i if expand(a["normalizedShape"], 1) and i[len(i) - len(expand(a["normalizedShape"], 1)):] == expand(a["normalizedShape"], 1) else None),
    "lstm": (gen_rnn, lambda a: rnn_module(nn.LSTM, a), lambda m, x: m(x)[0],
             lambda a, i: [i[0], i[1], a["hiddenSize"] * (2 if a.get("bidirectional") else 1)]
             if len(i) == 3 and i[2] == a["inputSize"] else None),
    "gru": (gen_rnn, lambda a: rnn_module(nn.GRU, a), lambda m, x: m(x)[0],
            lambda a, i: [i[0], i[1], a["hiddenSize"] * (2 if a.get("bidirectional") else 1)]
            if len(i) == 3 and i[2] == a["inputSize"] else None),
    "multiheadAttention": (gen_mha, lambda a: nn.MultiheadAttention(a["embedDim"], a["numHeads"], batch_first=True),
                           lambda m, x: m(x, x, x)[0],
                           lambda a, i: i if len(i) == 3 and i[2] == a["embedDim"] and a["embedDim"] % a["numHeads"] == 0 else None),
    "softmax": (gen_softmax, lambda a: nn.Softmax(a["dim"]), None,
                lambda a, i: i if -len(i) <= a["dim"] < len(i) else None),
    "logSoftmax": (gen_softmax, lambda a: nn.LogSoftmax(a["dim"]), None,
                   lambda a, i: i if -len(i) <= a["dim"] < len(i) else None),
}


def run_one(family, args, shape, extra):
    """Build the module and run it as in a training step: the module in its default training mode
    (batchNorm: eval mode unless the record says "training"), autograd on, a float input that
    requires grad (an activation), an int64 input of zeros for embedding."""
    _, build, fwd, _ = FAMILIES[family]
    fwd = fwd or (lambda m, x: m(x))

    def attempt(requires_grad):
        try:
            m = build(args)
            if family.startswith("batchNorm") and not extra.get("training"):
                m.eval()
            if family == "embedding":
                x = torch.zeros(shape, dtype=torch.long)
            else:
                x = torch.zeros(shape, requires_grad=requires_grad)
            with torch.set_grad_enabled(requires_grad):
                return {"output": list(fwd(m, x).shape)}
        except Exception as e:  # PyTorch rejected it: that is the fixture
            return {"error": first_line(e)}

    res = attempt(True)
    if family == "maxPool1d":
        # max_pool1d has a CPU fast path, taken only when no grad is needed, that returns an
        # empty tensor where every other path raises "Output size is too small"
        res_nograd = attempt(False)
        if res_nograd != res and "output" in res_nograd:
            return dict(res, noGradOutput=res_nograd["output"])
    return res


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seed", type=int, default=20240601)
    ap.add_argument("--valid", type=int, default=500)
    ap.add_argument("--invalid", type=int, default=75)
    ap.add_argument("--out", default=os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                                   "..", "test", "fixtures", "pytorch-shapes.json"))
    ap.add_argument("--only", nargs="*", help="families to run (default: all)")
    opts = ap.parse_args()
    torch.manual_seed(opts.seed)

    t0 = time.time()
    result = {}
    mismatches = 0
    for family, (gen, _, _, ref) in FAMILIES.items():
        if opts.only and family not in opts.only:
            continue
        rng = random.Random(f"{opts.seed}:{family}")
        want_invalid = 0 if family == "embedding" else opts.invalid
        valid, invalid, seen = [], [], set()
        ceil_edges = 0
        tries = 0
        while (len(valid) < opts.valid or len(invalid) < want_invalid) and tries < 200000:
            tries += 1
            # ask for an invalid configuration a quarter of the time while invalid ones are short
            ask_invalid = len(invalid) < want_invalid and (len(valid) >= opts.valid or rng.random() < 0.25)
            g = gen(rng, ask_invalid)
            if g is None:
                continue
            args, shape = g[0], g[1]
            extra = g[2] if len(g) > 2 else {}
            key = json.dumps([args, shape, extra], sort_keys=True)
            if key in seen:
                continue
            seen.add(key)
            res = run_one(family, args, shape, extra)
            rec = {"args": args, "input": shape}
            rec.update({k: v for k, v in extra.items() if k != "training"})
            if extra.get("training"):
                rec["training"] = True
            rec.update(res)
            if "output" in res:
                if len(valid) >= opts.valid:
                    continue
                valid.append(rec)
                if family in ("maxPool1d", "maxPool2d", "avgPool1d", "avgPool2d") and args.get("ceilMode"):
                    nd = len(shape) - 2
                    k, p = expand(args["kernelSize"], nd), expand(args.get("padding", 0), nd)
                    s, d = expand(args.get("stride") or args["kernelSize"], nd), expand(args.get("dilation", 1), nd)
                    if any(pool_len(shape[2 + i], k[i], s[i], p[i], d[i], True)
                           != (shape[2 + i] + 2 * p[i] - d[i] * (k[i] - 1) - 1 + s[i] - 1) // s[i] + 1
                           for i in range(nd)):
                        ceil_edges += 1
            else:
                if len(invalid) >= want_invalid:
                    continue
                invalid.append(rec)
            try:
                expected = None if rec.get("training") else ref(args, shape)
            except (ZeroDivisionError, IndexError, TypeError):
                expected = None
            got = res.get("output")
            if not rec.get("training") and expected != got:
                mismatches += 1
                print(f"  rule disagrees with PyTorch: {family} {json.dumps(rec)} (rule: {expected})", file=sys.stderr)
        result[family] = valid + invalid
        note = f", ceil-mode last-window cases {ceil_edges}" if ceil_edges else ""
        print(f"{family:20s} valid {len(valid):4d}  invalid {len(invalid):3d}  (draws {tries}){note}")

    out = os.path.normpath(opts.out)
    os.makedirs(os.path.dirname(out), exist_ok=True)
    with open(out, "w") as f:
        f.write("{\n")
        fams = list(result)
        for fi, family in enumerate(fams):
            f.write(f"  {json.dumps(family)}: [\n")
            recs = result[family]
            for ri, rec in enumerate(recs):
                f.write("    " + json.dumps(rec, separators=(",", ":")) + ("," if ri < len(recs) - 1 else "") + "\n")
            f.write("  ]" + ("," if fi < len(fams) - 1 else "") + "\n")
        f.write("}\n")
    print(f"wrote {out} ({os.path.getsize(out)} bytes) in {time.time() - t0:.1f} s; "
          f"{mismatches} disagreements between the closed-form rules and PyTorch")


if __name__ == "__main__":
    main()
