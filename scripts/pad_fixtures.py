#!/usr/bin/env python3
"""PyTorch 1.13 fixtures for ops.pad (src/ops/pad.ts): random F.pad calls over the four modes, ranks 2 to 5,
pads from -6 to 6 (negative: cropping), and values other than 0 with every mode.

Writes test/fixtures/ops-pad-torch.json:

    { "cases": [ { "inputs": [[2, 3, 5]], "pad": [1, -2], "mode": "circular", "value": null,
                   "x": [...], "output": [2, 3, 4], "y": [...], "w": [...], "grad": [...] },
                 { ..., "error": "<PyTorch's first line>" },
                 { ..., "output": [2, 3, 1], "undefined": true } ] }

`grad` is d(sum(y * w))/dx (w random, one per output element), through F.pad's positive pads and slices for the
negative ones (`torchGradWrong`: F.pad's own backward differs — reflect in 3-d with crops reads memory it never
wrote); values only for inputs of at most 200
elements and outputs of at most 300. `undefined`: PyTorch accepts the call but
its values come from memory it never wrote ("circular" padding more than its size after cropping);
shapecheck refuses those. test/ops-pad.test.ts checks shapecheck against these (runtime rule, refusals,
tfjs values and gradients within 1e-4) and test/ops-pad-types.test.ts the types under TypeScript 5.9 and 7.

    /usr/bin/python3 scripts/pad_fixtures.py [--seed N] [--count N]
"""
import argparse
import json
import random

import torch
import torch.nn.functional as F

MODES = ["constant", "reflect", "replicate", "circular"]


def values(t):
    return [round(float(v), 7) for v in t.detach().reshape(-1).tolist()]


def case(r):
    mode = r.choice(MODES)
    if r.random() < 0.8 and mode != "constant":
        n = r.randint(1, 3)
        rank = n + 2 if mode == "circular" else r.choice([n + 1, n + 2])
    else:
        rank = r.randint(2, 5)
        n = r.randint(0, min(3, rank)) if mode != "constant" else r.randint(0, rank)
    shape = [r.randint(1, 2)] + [r.randint(1, 6 if rank <= 3 else 4) for _ in range(rank - 1)]
    count = 2 * n
    roll = r.random()
    if roll < 0.04:
        count += 1
    elif roll < 0.07:
        count = 2 * rank + 2
    wide = r.random() < 0.2
    lo = (-6 if wide else -2) if r.random() < 0.6 else 0
    pad = [r.randint(lo, 6 if wide else 2) for _ in range(count)]
    value = None
    if mode == "constant" and r.random() < 0.4:
        value = r.choice([0.5, -1.25, 2])
    elif mode != "constant" and r.random() < 0.06:
        value = r.choice([0, 1.5])
    return shape, pad, mode, value


def undefined_values(shape, pad, mode):
    """PyTorch's circular padding beyond what cropping left (or after cropping more than the size)."""
    if mode != "circular":
        return False
    for j in range(len(pad) // 2):
        b, a = pad[2 * j], pad[2 * j + 1]
        left = shape[len(shape) - 1 - j] - max(-b, 0) - max(-a, 0)
        if left < 0 or b > left or a > left:
            return True
    return False


def reference_grad(x, pad, mode, value, w):
    """d sum(y * w) / dx through F.pad with the positive pads only and slicing for the negative ones (PyTorch pads,
    then crops; "circular" crops, then pads): PyTorch's own backward of a crop is wrong for reflect in 3-d."""
    t = x.detach().clone().requires_grad_()
    n = len(pad) // 2
    grow = [max(p, 0) for p in pad]

    def crop(u):
        for j in range(n):
            axis = u.dim() - 1 - j
            b, a = max(-pad[2 * j], 0), max(-pad[2 * j + 1], 0)
            u = u.narrow(axis, b, u.shape[axis] - b - a)
        return u

    kw = {} if value is None else {"value": value}
    if mode == "circular":
        y = F.pad(crop(t), grow, mode=mode, **kw)
    else:
        y = crop(F.pad(t, grow, mode=mode, **kw) if any(grow) else t)
    (y * w).sum().backward()
    return t.grad


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seed", type=int, default=20261218)
    parser.add_argument("--count", type=int, default=480)
    parser.add_argument("--out", default="test/fixtures/ops-pad-torch.json")
    options = parser.parse_args()
    r = random.Random(options.seed)
    torch.manual_seed(options.seed)
    cases, seen = [], set()
    while len(cases) < options.count:
        shape, pad, mode, value = case(r)
        key = json.dumps([shape, pad, mode, value])
        if key in seen:
            continue
        seen.add(key)
        record = {"inputs": [shape], "pad": pad, "mode": mode, "value": value}
        x = torch.randn(shape, requires_grad=True)
        try:
            y = F.pad(x, pad, mode=mode) if value is None else F.pad(x, pad, mode=mode, value=value)
        except Exception as error:  # PyTorch refuses: shapecheck must refuse too
            record["error"] = str(error).split("\n")[0]
            cases.append(record)
            continue
        record["output"] = list(y.shape)
        if undefined_values(shape, pad, mode):
            record["undefined"] = True
            cases.append(record)
            continue
        if x.numel() > 200 or y.numel() > 300:  # values of the small ones only (the file stays small)
            cases.append(record)
            continue
        w = torch.randn(y.shape)
        (y * w).sum().backward()
        reference = reference_grad(x, pad, mode, value, w)
        record["x"] = values(x)
        record["y"] = values(y)
        record["w"] = values(w)
        record["grad"] = values(reference)
        if not torch.allclose(x.grad, reference, atol=1e-5):
            record["torchGradWrong"] = True  # PyTorch 1.13's own backward (reflect 3-d with crops): memory it never wrote
        cases.append(record)
    with open(options.out, "w") as out:
        json.dump({"torch": torch.__version__, "cases": cases}, out, separators=(",", ":"))
    by = {m: sum(c["mode"] == m for c in cases) for m in MODES}
    print(
        f"{len(cases)} cases {by}: {sum('error' in c for c in cases)} refused by PyTorch, "
        f"{sum('undefined' in c for c in cases)} undefined values, {sum('y' in c for c in cases)} with values ({sum('torchGradWrong' in c for c in cases)} where PyTorch's backward is wrong), {sum(any(p < 0 for p in c['pad']) for c in cases)} with negative pads -> {options.out}"
    )


if __name__ == "__main__":
    main()
