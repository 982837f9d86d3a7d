#!/usr/bin/env python3
"""PyTorch 1.13 fixtures for torch.nn's recurrent section (issue 16): RNN, RNNCell, LSTMCell, GRUCell, and the
states of RNN, LSTM, GRU and the cells (issue 17). Writes test/fixtures/pytorch-nn-recurrent.json in the format
of scripts/nn_extra_fixtures.py, plus "calls" (a layer called with an initial state or none: `input` and `state`
shapes, PyTorch's output shapes `outputs`, flattened: [out, h_n(, c_n)] or [h'(, c')], or its refusal) and
"stateValues" (PyTorch's outputs and final states on given inputs, initial states and weights):

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


def seq_config(kind):
    """An nn.rnn / nn.lstm / nn.gru call and its PyTorch module."""
    i, h = rng.randint(1, 6), rng.randint(2, 6)
    layers = rng.choice([1, 1, 2, 3])
    bidirectional = rng.random() < 0.4
    proj = rng.choice([0, 0, 0, rng.randint(1, h - 1)]) if kind == "lstm" else 0
    options = [(k, v) for k, v in [("bidirectional", bidirectional), ("projSize", proj)] if v]
    if kind == "rnn" and rng.random() < 0.4:
        options.append(("nonlinearity", "relu"))
    call = f"nn.{kind}({i}, {h}" + (f", {layers}" if layers > 1 else "") + (f", {obj(options)}" if options else "") + ")"
    extra = {"proj_size": proj} if kind == "lstm" else {}
    if kind == "rnn":
        extra["nonlinearity"] = dict(options).get("nonlinearity", "tanh")
    module = {"rnn": nn.RNN, "lstm": nn.LSTM, "gru": nn.GRU}[kind]
    make = lambda: module(i, h, layers, batch_first=True, bidirectional=bidirectional, **extra)
    return call, make, i, h, layers * (2 if bidirectional else 1), proj or h


def maybe_wrong(shape):
    """The shape, or (a quarter of the time) one dimension changed or one dropped."""
    if rng.random() < 0.75:
        return shape
    shape = list(shape)
    if rng.random() < 0.2:
        return shape[1:]
    k = rng.randrange(len(shape))
    shape[k] = rng.choice([d for d in range(1, 8) if d != shape[k]])
    return shape


def seq_call_record(kind):
    call, make, i, h, rows, out = seq_config(kind)
    batch, steps = rng.randint(1, 4), rng.randint(1, 4)
    x = maybe_wrong([batch, steps, i]) if rng.random() < 0.5 else [batch, steps, i]
    state = None
    if rng.random() < 0.7:
        state = [maybe_wrong([rows, batch, out])] + ([maybe_wrong([rows, batch, h])] if kind == "lstm" else [])
    return call, make, x, state


def cell_call_record(kind):
    module = {"rnnCell": nn.RNNCell, "lstmCell": nn.LSTMCell, "gruCell": nn.GRUCell}[kind]
    i, h = rng.randint(1, 7), rng.randint(1, 7)
    relu = kind == "rnnCell" and rng.random() < 0.4
    call = f"nn.{kind}({i}, {h}" + (', { nonlinearity: "relu" }' if relu else "") + ")"
    make = lambda: module(i, h, **({"nonlinearity": "relu"} if relu else {}))
    batch = rng.randint(1, 4)
    x = maybe_wrong([batch, i]) if rng.random() < 0.5 else [batch, i]
    state = None
    if rng.random() < 0.7:
        state = [maybe_wrong([batch, h])] + ([maybe_wrong([batch, h])] if kind == "lstmCell" else [])
    return call, make, x, state


def run_call(make, x, state):
    try:
        module = make()
        module.train()
        args = [torch.zeros(*x)]
        if state is not None:
            tensors = [torch.zeros(*s) for s in state]
            args.append(tuple(tensors) if len(tensors) == 2 else tensors[0])
        y = module(*args)
        flat = []
        for part in (y if isinstance(y, tuple) else (y,)):
            flat.extend(part if isinstance(part, tuple) else (part,))
        return {"outputs": [list(t.shape) for t in flat]}
    except Exception as error:  # PyTorch's refusal
        text = str(error).strip().split("\n")[0] or type(error).__name__
        return {"error": text}


def unbatched(x, cell):
    return len(x) == (1 if cell else 2)


def call_records(config, count, cell):
    records, valid, invalid, tries = [], 0, 0, 0
    while (valid < count or invalid < count // 4) and tries < count * 20:
        tries += 1
        call, make, x, state = config()
        if unbatched(x, cell):
            continue  # PyTorch's unbatched input: refused here by design
        result = run_call(make, x, state)
        if "outputs" in result and valid >= count:
            continue
        if "error" in result and invalid >= count // 4:
            continue
        valid += "outputs" in result
        invalid += "error" in result
        records.append({"call": call, "input": x, "state": state, **result})
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


def state_values():
    """Converted models with their states: inputs x (and h0, c0), outputs y, h_n (and c_n), as PyTorch's."""
    cases = {}
    specs = [
        ("lstm", "nn.lstm(3, 4)", nn.LSTM(3, 4, batch_first=True), True),
        ("lstm_initial", "nn.lstm(3, 4, 2, { bidirectional: true })", nn.LSTM(3, 4, 2, batch_first=True, bidirectional=True), True),
        ("lstm_no_initial", "nn.lstm(3, 4, 2)", nn.LSTM(3, 4, 2, batch_first=True), False),
        ("lstm_proj", "nn.lstm(3, 5, 2, { projSize: 2, bidirectional: true })",
         nn.LSTM(3, 5, 2, batch_first=True, bidirectional=True, proj_size=2), True),
        ("gru_initial", "nn.gru(3, 4, 2, { bidirectional: true })", nn.GRU(3, 4, 2, batch_first=True, bidirectional=True), True),
        ("gru_no_initial", "nn.gru(3, 4)", nn.GRU(3, 4, batch_first=True), False),
        ("rnn_initial", 'nn.rnn(3, 4, 2, { nonlinearity: "relu" })', nn.RNN(3, 4, 2, nonlinearity="relu", batch_first=True), True),
        ("rnn_no_initial_bidirectional", "nn.rnn(3, 4, { bidirectional: true, bias: false })",
         nn.RNN(3, 4, bias=False, batch_first=True, bidirectional=True), False),
        ("rnn_cell", "nn.rnnCell(3, 4)", nn.RNNCell(3, 4), True),
        ("rnn_cell_no_state", 'nn.rnnCell(3, 4, { nonlinearity: "relu" })', nn.RNNCell(3, 4, nonlinearity="relu"), False),
        ("lstm_cell", "nn.lstmCell(3, 4)", nn.LSTMCell(3, 4), True),
        ("lstm_cell_no_state", "nn.lstmCell(3, 4, false)", nn.LSTMCell(3, 4, False), False),
        ("gru_cell", "nn.gruCell(3, 4)", nn.GRUCell(3, 4), True),
        ("gru_cell_no_state", "nn.gruCell(3, 4)", nn.GRUCell(3, 4), False),
    ]
    for name, call, module, initial in specs:
        with torch.no_grad():
            for p in module.parameters():
                p.copy_(rounded(torch.randn_like(p) * 0.5))
        module.eval()
        cell = isinstance(module, nn.RNNCellBase)
        batch = 2
        x = rounded(torch.randn(batch, 3) if cell else torch.randn(batch, 5, 3))
        states = []
        if initial:
            if cell:
                states = [rounded(torch.randn(batch, 4)) for _ in range(2 if isinstance(module, nn.LSTMCell) else 1)]
            else:
                rows = module.num_layers * (2 if module.bidirectional else 1)
                out = module.proj_size or module.hidden_size
                states = [rounded(torch.randn(rows, batch, out))]
                if isinstance(module, nn.LSTM):
                    states.append(rounded(torch.randn(rows, batch, module.hidden_size)))
        args = [x] + ([tuple(states) if len(states) == 2 else states[0]] if states else [])
        y = module(*args)
        flat = []
        for part in (y if isinstance(y, tuple) else (y,)):
            flat.extend(part if isinstance(part, tuple) else (part,))
        cases[name] = {"layer": call, "state": {k: v.tolist() for k, v in module.state_dict().items()},
                       "inputs": [x.tolist()] + [t.tolist() for t in states],
                       "outputs": [t.detach().tolist() for t in flat]}
    return cases


def main():
    shapes = {
        "rnn": shape_records(rnn_record, 300),
        "rnnCell": shape_records(lambda: cell_record("rnnCell"), 250),
        "lstmCell": shape_records(lambda: cell_record("lstmCell"), 250),
        "gruCell": shape_records(lambda: cell_record("gruCell"), 250),
    }
    calls = {
        **{f"{kind}.call": call_records(lambda kind=kind: seq_call_record(kind), 200, False) for kind in ("rnn", "lstm", "gru")},
        **{f"{kind}.call": call_records(lambda kind=kind: cell_call_record(kind), 200, True)
           for kind in ("rnnCell", "lstmCell", "gruCell")},
    }
    out = {"shapes": shapes, "values": values(), "calls": calls, "stateValues": state_values()}
    path = os.path.join(os.path.dirname(__file__), "..", "test", "fixtures", "pytorch-nn-recurrent.json")
    with open(path, "w") as f:
        json.dump(out, f, separators=(",", ":"))
    for family, records in shapes.items():
        print(family, sum("output" in r for r in records), "valid", sum("error" in r for r in records), "invalid")
    for family, records in calls.items():
        print(family, sum("outputs" in r for r in records), "valid", sum("error" in r for r in records), "invalid")
    print(len(out["values"]), "value cases", len(out["stateValues"]), "state value cases")


if __name__ == "__main__":
    main()
