#!/usr/bin/env python3
"""PyTorch numbers for graph models (test/runtime-graph.test.ts): a functional network with a skip
connection (add), a concatenation (cat), a shared layer, and a matmul, as the PyTorch twin of

    x = input([2, 5, 5])
    a = x.pipe(nn.conv2d(2, 4, 3, 1, 1), nn.relu())                   # pipe 0
    b = a.pipe(nn.conv2d(4, 4, 3, 1, 1))                               # pipe 1
    s = ops.add(a, b)
    c = ops.cat([s, x.pipe(nn.conv2d(2, 3, 1))], 1)                    # pipe 2
    y = c.pipe(nn.flatten(), nn.linear(175, 6), nn.logSoftmax(1))      # pipe 3
    t = s.pipe(nn.flatten(2), nn.linear(25, 4))                        # pipe 4: [n, 4, 4]
    m = ops.matmul(t.pipe(shared), t.pipe(nn.linear(4, 4), shared))   # pipes 5, 6; shared = nn.linear(4, 4)
    graph({ inputs: [x], outputs: [y, s, m] })

Pipe i's layers are `pipes[i]` (an nn.Sequential), so the state_dict keys are shapecheck's `i.j.weight`.
Writes test/fixtures/runtime-torch-graph.json. Rerun by hand: /usr/bin/python3 test/pytorch/graph_fixtures.py
"""
import json
import os

import torch
import torch.nn as nn

torch.manual_seed(1)


def rounded(t):
    return torch.round(t * 64) / 64


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        shared = nn.Linear(4, 4)
        self.pipes = nn.ModuleList([
            nn.Sequential(nn.Conv2d(2, 4, 3, 1, 1), nn.ReLU()),
            nn.Sequential(nn.Conv2d(4, 4, 3, 1, 1)),
            nn.Sequential(nn.Conv2d(2, 3, 1)),
            nn.Sequential(nn.Flatten(), nn.Linear(175, 6), nn.LogSoftmax(1)),
            nn.Sequential(nn.Flatten(2), nn.Linear(25, 4)),   # t: [n, 4, 4]
            nn.Sequential(shared),                          # t · shared
            nn.Sequential(nn.Linear(4, 4), shared),         # (t · W) · shared, shared again
        ])

    def forward(self, x):
        p = self.pipes
        a = p[0](x)
        s = a + p[1](a)
        y = p[3](torch.cat([s, p[2](x)], 1))
        t = p[4](s)
        m = torch.matmul(p[5](t), p[6](t))
        return y, s, m


def main():
    net = Net()
    with torch.no_grad():
        for p in net.parameters():
            p.copy_(rounded(p * 2 if p.dim() > 1 else p))
    net.eval()
    x = rounded(torch.randn(3, 2, 5, 5))
    with torch.no_grad():
        outputs = net(x)
    fixture = {
        # state_dict lists the shared layer under both of its names (5.0 and 6.1)
        "state": {k.removeprefix("pipes."): v.tolist() for k, v in net.state_dict().items()},
        "input": x.tolist(),
        "outputs": [o.tolist() for o in outputs],
    }
    path = os.path.join(os.path.dirname(__file__), "..", "fixtures", "runtime-torch-graph.json")
    with open(path, "w") as f:
        json.dump(fixture, f)
    print(f"wrote {path}: {list(fixture['state'])}")


if __name__ == "__main__":
    main()
