#!/usr/bin/env python3
"""PyTorch 1.13 fixtures for nn.bilinear (issue 16): PyTorch's Bilinear called on two tensors.
Writes test/fixtures/pytorch-nn-bilinear.json:

    { "shapes": [ { "sizes": [in1, in2, out], "bias": true, "input1": [2, 7, 4], "input2": [2, 7, 5],
                    "output": [2, 7, 3] }  or  "error": "<PyTorch's message>" , ... ],
      "values": { "<case>": { "sizes": [...], "bias": ..., "state": {...}, "input1": [...], "input2": [...],
                              "output": [...] } } }

Each shape record ran PyTorch's real module on zero tensors. Seeded; not run by CI. Rerun by hand:
    /usr/bin/python3 scripts/nn_bilinear_fixtures.py
"""
import json
import os
import random
import warnings

import torch
import torch.nn as nn

warnings.simplefilter("ignore")
torch.set_num_threads(1)
torch.manual_seed(0)
rng = random.Random(20261206)


def shape_record():
    in1, in2, out = rng.randint(1, 6), rng.randint(1, 6), rng.randint(1, 5)
    bias = rng.random() < 0.7
    lead = [rng.randint(1, 4) for _ in range(rng.randint(1, 3))]  # the batch, then 0-2 more
    a, b = lead + [in1], lead + [in2]
    fault = rng.choice(["none"] * 5 + ["in1", "in2", "rank", "lead"])
    if fault == "in1":
        a[-1] = in1 + rng.choice([-1, 1, 2]) if in1 > 1 else in1 + 1
    elif fault == "in2":
        b[-1] = in2 + rng.choice([-1, 1, 2]) if in2 > 1 else in2 + 1
    elif fault == "rank":
        b = (b[1:] if len(b) > 2 and rng.random() < 0.5 else [rng.randint(1, 3)] + b)
    elif fault == "lead":
        i = rng.randrange(len(lead))
        b[i] = b[i] + 1
    record = {"sizes": [in1, in2, out], "bias": bias, "input1": a, "input2": b}
    module = nn.Bilinear(in1, in2, out, bias=bias)
    try:
        record["output"] = list(module(torch.zeros(*a), torch.zeros(*b)).shape)
    except Exception as error:  # PyTorch's refusal
        record["error"] = str(error).split("\n")[0]
    return record


def rounded(t):
    return torch.round(t * 64) / 64


def value_case(sizes, bias, lead):
    module = nn.Bilinear(*sizes, bias=bias)
    with torch.no_grad():
        for p in module.parameters():
            p.copy_(rounded(torch.randn_like(p) * 0.5))
    x1 = rounded(torch.randn(*lead, sizes[0]))
    x2 = rounded(torch.randn(*lead, sizes[1]))
    y = module(x1, x2)
    return {"sizes": sizes, "bias": bias, "state": {k: v.tolist() for k, v in module.state_dict().items()},
            "input1": x1.tolist(), "input2": x2.tolist(), "output": y.detach().tolist()}


def main():
    shapes = [shape_record() for _ in range(400)]
    values = {
        "batch": value_case([4, 5, 3], True, [3]),
        "no_bias": value_case([6, 2, 4], False, [2]),
        "sequence": value_case([3, 4, 5], True, [2, 6]),
        "rank4": value_case([2, 3, 2], True, [2, 3, 2]),
        "one_output": value_case([5, 5, 1], True, [4]),
    }
    out = {"shapes": shapes, "values": values}
    path = os.path.join(os.path.dirname(__file__), "..", "test", "fixtures", "pytorch-nn-bilinear.json")
    with open(path, "w") as f:
        json.dump(out, f, separators=(",", ":"))
    print(sum("output" in r for r in shapes), "valid", sum("error" in r for r in shapes), "invalid")
    print(len(values), "value cases")


if __name__ == "__main__":
    main()
