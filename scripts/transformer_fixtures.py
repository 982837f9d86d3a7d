#!/usr/bin/env python3
"""PyTorch 1.13 fixtures for cross-attention (nn.multiheadAttention called on query, key, value) and
the Transformer modules. Writes test/fixtures/pytorch-transformer.json:

    { "values": { "<case>": { "build": {...}, "state": {key: nested list}, "inputs": [...], "outputs": [...] } },
      "shapes": { "<family>": [ { "config": {...}, "shapes": {...}, "outputs": [[...], ...] | "error": "..." } ] } }

Values: eval mode (dropout off), seeded random weights; state keys as shapecheck's graph gives them
(the call is the graph's pipe 0: `0.0.<PyTorch's key>`). Masks are PyTorch's boolean masks, written
as 0/1 numbers. Rerun by hand: /usr/bin/python3 scripts/transformer_fixtures.py
"""
import json
import os
import random
import sys
import warnings

import torch
import torch.nn as nn

warnings.simplefilter("ignore")
torch.set_num_threads(1)
torch.manual_seed(0)
rng = random.Random(20261206)
OUT = os.path.join(os.path.dirname(__file__), "..", "test", "fixtures", "pytorch-transformer.json")


def lst(t):
    return t.detach().double().numpy().round(7).tolist()


def state_of(module, prefix="0.0."):
    return {prefix + k: lst(v) for k, v in module.state_dict().items()}


def randomize(module):
    with torch.no_grad():
        for p in module.parameters():
            p.uniform_(-0.5, 0.5)
    return module


values = {}

# ---- multiheadAttention called on query, key, value -----------------------------------------------
def mha_case(name, e, h, l, s, kdim=None, vdim=None, bias=True, padding=False, attn=None, average=True, batch=2):
    m = randomize(nn.MultiheadAttention(e, h, bias=bias, batch_first=True, kdim=kdim, vdim=vdim)).eval()
    q = torch.randn(batch, l, e)
    k = torch.randn(batch, s, kdim or e)
    v = torch.randn(batch, s, vdim or e)
    kpm = None
    am = None
    inputs = [lst(q), lst(k), lst(v)]
    if padding:
        kpm = torch.zeros(batch, s, dtype=torch.bool)
        kpm[:, -1] = True
        kpm[0, 1] = True
        inputs.append(lst(kpm.float()))
    if attn == "2d":
        am = torch.triu(torch.ones(l, s, dtype=torch.bool), diagonal=1)
        inputs.append(lst(am.float()))
    elif attn == "3d":
        am = torch.rand(batch * h, l, s) < 0.3
        am[:, :, 0] = False
        inputs.append(lst(am.float()))
    with torch.no_grad():
        out, w = m(q, k, v, key_padding_mask=kpm, attn_mask=am, average_attn_weights=average)
    values[name] = {
        "build": {"kind": "mha", "e": e, "h": h, "l": l, "s": s, "kdim": kdim, "vdim": vdim, "bias": bias,
                  "padding": padding, "attn": attn, "average": average},
        "state": state_of(m),
        "inputs": inputs,
        "outputs": [lst(out), lst(w)],
    }


mha_case("mha cross", 8, 2, 3, 5)
mha_case("mha kdim vdim", 8, 4, 4, 6, kdim=5, vdim=3)
mha_case("mha masks", 8, 2, 4, 4, padding=True, attn="2d")
mha_case("mha 3d mask per head", 6, 3, 3, 5, attn="3d", average=False)
mha_case("mha no bias", 4, 1, 2, 3, bias=False, padding=True)

if __name__ == "__main__":
    only = sys.argv[1:]
    json.dump({"values": values}, open(OUT, "w"))
    print(f"wrote {OUT}: {len(values)} value cases")
