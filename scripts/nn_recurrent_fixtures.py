#!/usr/bin/env python3
"""PyTorch 1.13 fixtures for torch.nn's recurrent section (issue 16): RNN, RNNCell, LSTMCell, GRUCell.
Writes test/fixtures/pytorch-nn-recurrent.json in the format of scripts/nn_extra_fixtures.py:

    { "shapes": { "<family>": [ { "call": "nn.rnn(3, 4, { bidirectional: true })", "input": [2, 5, 3],
                                  "output": [2, 5, 8] } | { ..., "error": "<PyTorch's first line>" } ] },
      "values": { "<case>": { "model": "sequential(input([5, 3], { batch: 2 }), nn.rnn(3, 4))", "state": {...},
                              "input": [...], "output": [...] } } }

`call` is the shapecheck builder call of the same module, run on a zero tensor in training mode. Not
generated (shapecheck refuses them where PyTorch accepts, by design): unbatched inputs (RNN's rank 2,
a cell's rank 1), sizes of 0, an empty sequence or batch. Seeded; not run by CI. Rerun by hand:
    /usr/bin/python3 scripts/nn_recurrent_fixtures.py
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
rng = random.Random(20261216)


def js(v):
    if isinstance(v, bool):
        return "true" if v else "false"
    return json.dumps(v)


def obj(pairs):
    return "{ %s }" % ", ".join(f"{k}: {js(v)}" for k, v in pairs)


def rnn_record():
    i, h = rng.randint(1, 8), rng.choice([rng.randint(1, 8)] * 12 + [0])
    layers = rng.choice([None, 1, 2, 3, 0]) if rng.random() < 0.95 else None
    bidirectional = rng.choice([None, True, False])
    bias = rng.choice([None, True, False])
    dropout = rng.choice([None] * 6 + [0, 0.3, 1, -0.5, 1.5])
    nonlinearity = rng.choice([None, None, "tanh", "relu", "relu"] + (["sigmoid"] if rng.random() < 0.2 else []))
    options = [(k, v) for k, v in [("bidirectional", bidirectional), ("bias", bias), ("dropout", dropout),
                                   ("nonlinearity", nonlinearity)] if v is not None]
    positional = layers is not None and rng.random() < 0.5
    if layers is not None and not positional:
        options.insert(0, ("numLayers", layers))
    parts = [str(i), str(h)] + ([str(layers)] if positional else []) + ([obj(options)] if options else [])
    call = f"nn.rnn({', '.join(parts)})"
    make = lambda: nn.RNN(i, h, num_layers=1 if layers is None else layers,
                          nonlinearity="tanh" if nonlinearity is None else nonlinearity,
                          bias=True if bias is None else bias, batch_first=True,
                          dropout=0 if dropout is None else dropout, bidirectional=bool(bidirectional))
    rank = rng.choice([3] * 8 + [1, 4])
    shape = [rng.randint(1, 4) for _ in range(rank)]
    shape[-1] = i if rng.random() < 0.85 else rng.randint(1, 8)
    return call, make, shape


def cell_record(kind):
    module = {"rnnCell": nn.RNNCell, "lstmCell": nn.LSTMCell, "gruCell": nn.GRUCell}[kind]
    i, h = rng.randint(1, 9), rng.randint(1, 9)
    bias = rng.choice([None, None, True, False])
    nonlinearity = None
    if kind == "rnnCell":
        nonlinearity = rng.choice([None, None, "tanh", "relu", "relu"] + (["sigmoid"] if rng.random() < 0.25 else []))
    given = [(k, v) for k, v in [("bias", bias), ("nonlinearity", nonlinearity)] if v is not None]
    style = rng.random()
    if not given:
        tail = []
    elif style < 0.4 and bias is not None:
        tail = [js(v) for _, v in given]  # PyTorch's order: bias, nonlinearity
    elif style < 0.6 and bias is not None and nonlinearity is not None:
        tail = [js(bias), obj([("nonlinearity", nonlinearity)])]
    else:
        tail = [obj(given)]
    call = f"nn.{kind}({', '.join([str(i), str(h)] + tail)})"
    extra = {} if kind != "rnnCell" else {"nonlinearity": "tanh" if nonlinearity is None else nonlinearity}
    make = lambda: module(i, h, bias=True if bias is None else bias, **extra)
    rank = rng.choice([2] * 8 + [3, 4])
    shape = [rng.randint(1, 4) for _ in range(rank)]
    shape[-1] = i if rng.random() < 0.85 else rng.randint(1, 9)
    return call, make, shape


def run(make, shape):
    try:
        module = make()
        module.train()
        y = module(torch.zeros(*shape))
        if isinstance(y, tuple):  # RNN: (output, h_n); LSTMCell: (h', c')
            y = y[0]
        return {"output": list(y.shape)}
    except Exception as error:  # PyTorch's refusal
        text = str(error).strip().split("\n")[0] or type(error).__name__
        return {"error": text}


def shape_records(config, count):
    records, valid, invalid, tries = [], 0, 0, 0
    while (valid < count or invalid < count // 4) and tries < count * 20:
        tries += 1
        call, make, shape = config()
        result = run(make, shape)
        if "output" in result and valid >= count:
            continue
        if "error" in result and invalid >= count // 4:
            continue
        valid += "output" in result
        invalid += "error" in result
        records.append({"call": call, "input": shape, **result})
    return records


def rounded(t):
    return torch.round(t * 64) / 64


def value_case(model_call, module, shape):
    with torch.no_grad():
        for p in module.parameters():
            p.copy_(rounded(torch.randn_like(p) * 0.5))
    module.eval()
    x = rounded(torch.randn(*shape))
    y = module(x)
    return {"model": model_call, "state": {k: v.tolist() for k, v in module.state_dict().items()},
            "input": x.tolist(), "output": y.detach().tolist()}


def inp(shape):
    return f"input({json.dumps(shape[1:])}, {{ batch: {shape[0]} }})"


class First(nn.Module):
    """The first of a module's outputs (RNN's output sequence, LSTMCell's h')."""

    def __init__(self, module):
        super().__init__()
        self.module = module

    def forward(self, x):
        y = self.module(x)
        return y[0] if isinstance(y, tuple) else y


def values():
    cases = {}
    seq = [
        ("rnn_tanh", "nn.rnn(4, 5)", nn.RNN(4, 5, batch_first=True), [3, 6, 4]),
        ("rnn_relu", 'nn.rnn(4, 5, { nonlinearity: "relu" })', nn.RNN(4, 5, nonlinearity="relu", batch_first=True), [3, 6, 4]),
        ("rnn_bidirectional_2_layers", "nn.rnn(3, 4, 2, { bidirectional: true })",
         nn.RNN(3, 4, 2, batch_first=True, bidirectional=True), [2, 5, 3]),
        ("rnn_no_bias_3_layers", 'nn.rnn(3, 4, { numLayers: 3, bias: false, nonlinearity: "relu", dropout: 0.2 })',
         nn.RNN(3, 4, 3, nonlinearity="relu", bias=False, batch_first=True, dropout=0.2), [2, 5, 3]),
        ("rnn_cell", "nn.rnnCell(6, 5)", nn.RNNCell(6, 5), [4, 6]),
        ("rnn_cell_relu_no_bias", 'nn.rnnCell(6, 5, false, "relu")', nn.RNNCell(6, 5, False, "relu"), [4, 6]),
        ("lstm_cell", "nn.lstmCell(6, 5)", nn.LSTMCell(6, 5), [4, 6]),
        ("lstm_cell_no_bias", "nn.lstmCell(6, 5, { bias: false })", nn.LSTMCell(6, 5, bias=False), [4, 6]),
        ("gru_cell", "nn.gruCell(6, 5)", nn.GRUCell(6, 5), [4, 6]),
        ("gru_cell_no_bias", "nn.gruCell(6, 5, false)", nn.GRUCell(6, 5, False), [4, 6]),
    ]
    for name, call, module, shape in seq:
        cases[name] = value_case(f"sequential({inp(shape)}, {call})", nn.Sequential(First(module)), shape)
        # PyTorch's keys without the wrapper: 0.module.weight_ih_l0 → 0.weight_ih_l0
        cases[name]["state"] = {k.replace("0.module.", "0."): v for k, v in cases[name]["state"].items()}
    chain = nn.Sequential(nn.Linear(7, 6), First(nn.LSTMCell(6, 5)), First(nn.GRUCell(5, 4)),
                          First(nn.RNNCell(4, 3, nonlinearity="relu")), nn.Linear(3, 2))
    case = value_case(f"sequential({inp([4, 7])}, nn.linear(7, 6), nn.lstmCell(6, 5), nn.gruCell(5, 4), "
                      'nn.rnnCell(4, 3, { nonlinearity: "relu" }), nn.linear(3, 2))', chain, [4, 7])
    case["state"] = {k.replace(".module.", "."): v for k, v in case["state"].items()}
    cases["cells_chain"] = case
    return cases


def main():
    shapes = {
        "rnn": shape_records(rnn_record, 300),
        "rnnCell": shape_records(lambda: cell_record("rnnCell"), 250),
        "lstmCell": shape_records(lambda: cell_record("lstmCell"), 250),
        "gruCell": shape_records(lambda: cell_record("gruCell"), 250),
    }
    out = {"shapes": shapes, "values": values()}
    path = os.path.join(os.path.dirname(__file__), "..", "test", "fixtures", "pytorch-nn-recurrent.json")
    with open(path, "w") as f:
        json.dump(out, f, separators=(",", ":"))
    for family, records in shapes.items():
        print(family, sum("output" in r for r in records), "valid", sum("error" in r for r in records), "invalid")
    print(len(out["values"]), "value cases")


if __name__ == "__main__":
    main()
