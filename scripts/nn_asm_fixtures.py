#!/usr/bin/env python3
"""PyTorch 1.13 fixtures for nn.adaptiveLogSoftmaxWithLoss (issue 16), called on an input and a target.
Writes test/fixtures/pytorch-nn-asm.json:

    { "shapes": [ { "args": [in, nClasses, [cutoffs]], "options": {"divValue": 2, "headBias": true},
                    "input": [3, 8], "target": [3], "outputs": [[3], []] }  or  "error": "<PyTorch's message>", ... ],
      "values": { "<case>": { "args": ..., "options": ..., "state": {...}, "input": [...], "target": [...],
                              "outputs": [[...], loss] } } }

Each shape record built PyTorch's module (ValueError on bad cutoffs) and ran it on zeros and random
targets. Seeded; not run by CI. Rerun by hand:  /usr/bin/python3 scripts/nn_asm_fixtures.py
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


def cutoffs_for(n):
    k = rng.randint(1, min(3, n - 1))
    cutoffs = sorted(rng.sample(range(1, n), k))
    fault = rng.choice(["none"] * 14 + ["unsorted", "duplicate", "range", "zero", "empty", "fraction"])
    if fault == "unsorted" and len(cutoffs) > 1:
        cutoffs = cutoffs[::-1]
    elif fault == "duplicate":
        cutoffs = cutoffs + [cutoffs[-1]]
    elif fault == "range":
        cutoffs[-1] = n + rng.choice([0, 1])
    elif fault == "zero":
        cutoffs[0] = 0
    elif fault == "empty":
        cutoffs = []
    elif fault == "fraction":
        cutoffs[0] = cutoffs[0] + 0.5
    return cutoffs


def shape_record():
    in_f, n = rng.randint(2, 12), rng.randint(2, 20)
    cutoffs = cutoffs_for(n)
    options = {}
    if rng.random() < 0.4:
        options["divValue"] = rng.choice([1, 2, 4, 2.5])
    if rng.random() < 0.4:
        options["headBias"] = rng.random() < 0.5
    batch = rng.randint(1, 4)
    x, t = [batch, in_f], [batch]
    fault = rng.choice(["none"] * 12 + ["features", "batch", "target_rank", "input_rank"])
    if fault == "features":
        x[1] = in_f + 1
    elif fault == "batch":
        t[0] = batch + 1
    elif fault == "target_rank":
        t = [batch, 2]
    elif fault == "input_rank":
        x = [batch, 2, in_f]
    record = {"args": [in_f, n, cutoffs], "options": options, "input": x, "target": t}
    try:
        module = nn.AdaptiveLogSoftmaxWithLoss(in_f, n, cutoffs, div_value=options.get("divValue", 4.0),
                                               head_bias=options.get("headBias", False))
        target = torch.randint(0, n, t)
        out = module(torch.zeros(*x), target)
        record["outputs"] = [list(out.output.shape), list(out.loss.shape)]
    except Exception as error:  # PyTorch's refusal
        record["error"] = str(error).split("\n")[0]
    return record


def rounded(t):
    return torch.round(t * 64) / 64


def value_case(in_f, n, cutoffs, options, batch):
    module = nn.AdaptiveLogSoftmaxWithLoss(in_f, n, cutoffs, div_value=options.get("divValue", 4.0),
                                           head_bias=options.get("headBias", False))
    with torch.no_grad():
        for p in module.parameters():
            p.copy_(rounded(torch.randn_like(p) * 0.5))
    x = rounded(torch.randn(batch, in_f))
    target = torch.randint(0, n, (batch,))
    out = module(x, target)
    return {"args": [in_f, n, cutoffs], "options": options,
            "state": {k: v.tolist() for k, v in module.state_dict().items()},
            "input": x.tolist(), "target": [float(v) for v in target.tolist()],
            "outputs": [out.output.detach().tolist(), out.loss.item()]}


def main():
    shapes = [shape_record() for _ in range(500)]
    values = {
        "two_clusters": value_case(16, 20, [5, 12], {}, 12),
        "head_bias_div2": value_case(8, 10, [3], {"divValue": 2, "headBias": True}, 10),
        "three_clusters_div1": value_case(6, 30, [4, 10, 20], {"divValue": 1}, 16),
        "empty_projections": value_case(3, 8, [2, 5], {}, 8),
    }
    out = {"shapes": shapes, "values": values}
    path = os.path.join(os.path.dirname(__file__), "..", "test", "fixtures", "pytorch-nn-asm.json")
    with open(path, "w") as f:
        json.dump(out, f, separators=(",", ":"))
    print(sum("outputs" in r for r in shapes), "valid", sum("error" in r for r in shapes), "invalid")


if __name__ == "__main__":
    main()
