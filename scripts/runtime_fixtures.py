#!/usr/bin/env python3
"""PyTorch numbers for shapecheck's runtime: the same network with the same weights must compute
the same function in TensorFlow.js (test/runtime-pytorch.test.ts).

For each case: a small PyTorch module, its state_dict (seeded random weights, or hand-set), an
input, PyTorch's output in eval mode, and for some cases the NLL loss of given targets and the
weights after one SGD step (train mode, no dropout in those nets). Writes

    test/fixtures/runtime-torch.json   { "<case>": { "state": {...}, "input": [...], "output": [...], ... } }

The TypeScript side builds the twin of each case by name. Not run by CI; rerun by hand after
changing it: /usr/bin/python3 scripts/runtime_fixtures.py
"""
import json
import os

import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
torch.set_default_dtype(torch.float32)


class Residual(nn.Module):
    """shapecheck's nn.residual: x + layers(x) (or + projection(x)); keys layers.i / projection.i."""

    def __init__(self, *layers, projection=()):
        super().__init__()
        self.layers = nn.Sequential(*layers)
        self.projection = nn.Sequential(*projection)

    def forward(self, x):
        return self.layers(x) + (self.projection(x) if len(self.projection) else x)


class Concat(nn.Module):
    """shapecheck's nn.concat(dim, *branches); keys branches.b.i."""

    def __init__(self, dim, *branches):
        super().__init__()
        self.dim = dim
        self.branches = nn.ModuleList([nn.Sequential(*b) for b in branches])

    def forward(self, x):
        return torch.cat([b(x) for b in self.branches], self.dim)


def rounded(t):
    # Weights and inputs rounded to 1/64: exactly representable, so both sides start from the same numbers.
    return torch.round(t * 64) / 64


def values(t):
    return t.detach().tolist()


def patterned(shape, seed, scale):
    """Deterministic weights both sides compute exactly: ((i·7919 + seed) mod 129 − 64) / 64 · scale
    over the tensor in C order (scale a power of two). Used for big networks, whose weights would
    make the fixture large."""
    n = 1
    for d in shape:
        n *= d
    i = torch.arange(n, dtype=torch.int64)
    return (((i * 7919 + seed) % 129 - 64).to(torch.float64) / 64 * scale).to(torch.float32).reshape(shape)


def power_of_two_below(x):
    p = 1.0
    while p * 2 <= x:
        p *= 2
    return p


CASES = {
    # name: (module, input shape)
    "conv2d_padding": (nn.Sequential(nn.Conv2d(2, 3, 3, 1, 1)), [2, 2, 5, 5]),
    "conv2d_stride_asymmetric": (nn.Sequential(nn.Conv2d(2, 4, (3, 2), stride=(2, 1), padding=(1, 2))), [2, 2, 7, 6]),
    "conv2d_dilation": (nn.Sequential(nn.Conv2d(2, 3, 3, padding=2, dilation=2)), [1, 2, 7, 7]),
    "conv2d_same_even": (nn.Sequential(nn.Conv2d(2, 3, 4, padding="same")), [1, 2, 6, 5]),
    "conv2d_depthwise": (nn.Sequential(nn.Conv2d(3, 6, 3, padding=1, groups=3)), [2, 3, 5, 5]),
    "conv2d_no_bias": (nn.Sequential(nn.Conv2d(2, 3, 2, bias=False)), [1, 2, 4, 4]),
    "conv1d": (nn.Sequential(nn.Conv1d(3, 4, 3, stride=2, padding=1)), [2, 3, 9]),
    "conv3d": (nn.Sequential(nn.Conv3d(2, 3, 2, padding=1)), [1, 2, 3, 4, 4]),
    "max_pool_padding": (nn.Sequential(nn.MaxPool2d(3, 2, 1)), [2, 2, 6, 6]),
    "max_pool_ceil": (nn.Sequential(nn.MaxPool2d(3, 2, ceil_mode=True)), [1, 2, 6, 6]),
    "avg_pool_padding": (nn.Sequential(nn.AvgPool2d(3, 2, 1)), [1, 2, 6, 5]),
    "max_pool1d": (nn.Sequential(nn.MaxPool1d(2)), [2, 3, 7]),
    "avg_pool1d_padding": (nn.Sequential(nn.AvgPool1d(3, 1, 1)), [2, 3, 5]),
    "flatten_order": (nn.Sequential(nn.Conv2d(1, 2, 3), nn.Flatten(), nn.Linear(18, 4)), [2, 1, 5, 5]),
    "flatten_through_dropout": (nn.Sequential(nn.Conv2d(3, 2, 3), nn.Flatten(), nn.Dropout(0.5), nn.ReLU(), nn.Linear(8, 3)), [2, 3, 4, 4]),
    "flatten_middle": (nn.Sequential(nn.Conv2d(2, 3, 1), nn.Flatten(2), nn.Softmax(-1)), [2, 2, 3, 4]),
    "softmax_channels": (nn.Sequential(nn.Conv1d(2, 3, 1), nn.Softmax(1)), [2, 2, 4]),
    "log_softmax_channels": (nn.Sequential(nn.Conv2d(2, 3, 1), nn.LogSoftmax(1)), [1, 2, 3, 3]),
    "linear_on_length": (nn.Sequential(nn.Conv1d(2, 3, 3), nn.Linear(4, 5)), [2, 2, 6]),
    "activations": (nn.Sequential(nn.Linear(4, 6), nn.LeakyReLU(0.2), nn.Linear(6, 6), nn.GELU(), nn.Linear(6, 6), nn.Sigmoid(), nn.Linear(6, 4), nn.Tanh()), [3, 4]),
    "residual": (nn.Sequential(nn.Conv2d(2, 4, 1), Residual(nn.Conv2d(4, 4, 3, 1, 1), nn.ReLU(), nn.Conv2d(4, 4, 3, 1, 1)), nn.ReLU()), [1, 2, 4, 4]),
    "residual_projection": (nn.Sequential(Residual(nn.Conv2d(2, 4, 3, 2, 1), projection=[nn.Conv2d(2, 4, 1, 2)])), [1, 2, 5, 5]),
    "concat_channels": (nn.Sequential(Concat(1, [nn.Conv2d(2, 3, 1)], [nn.Conv2d(2, 2, 3, 1, 1), nn.ReLU()]), nn.Flatten()), [1, 2, 3, 3]),
    "spec_mnist": (nn.Sequential(
        nn.Conv2d(1, 32, 3, 1), nn.ReLU(), nn.Conv2d(32, 64, 3, 1), nn.ReLU(), nn.MaxPool2d(2), nn.Dropout(0.25),
        nn.Flatten(), nn.Linear(9216, 128), nn.ReLU(), nn.Dropout(0.5), nn.Linear(128, 10), nn.LogSoftmax(1)), [3, 1, 28, 28]),
    "batch_norm2d": (nn.Sequential(nn.Conv2d(2, 3, 1), nn.BatchNorm2d(3), nn.ReLU()), [2, 2, 3, 3]),
    "batch_norm1d": (nn.Sequential(nn.Linear(4, 3), nn.BatchNorm1d(3)), [5, 4]),
    "batch_norm1d_sequence": (nn.Sequential(nn.Conv1d(2, 3, 1), nn.BatchNorm1d(3, affine=False)), [2, 2, 4]),
    "layer_norm": (nn.Sequential(nn.Conv1d(3, 4, 1), nn.LayerNorm([4, 5])), [2, 3, 5]),
    "embedding": (nn.Sequential(nn.Embedding(7, 3), nn.Flatten()), [2, 4]),
    "lstm": (nn.Sequential(nn.LSTM(3, 4, batch_first=True)), [2, 5, 3]),
    "lstm_stacked_bidirectional": (nn.Sequential(nn.LSTM(3, 4, num_layers=2, bidirectional=True, batch_first=True)), [2, 5, 3]),
    "conv_transpose2d": (nn.Sequential(nn.ConvTranspose2d(2, 3, 3, stride=2, padding=1, output_padding=1)), [1, 2, 4, 4]),
    "conv_transpose2d_small_kernel": (nn.Sequential(nn.ConvTranspose2d(2, 3, 2, stride=3)), [1, 2, 3, 3]),
    "conv_transpose1d": (nn.Sequential(nn.ConvTranspose1d(2, 3, 4, stride=2, padding=1)), [2, 2, 5]),
    "adaptive_avg_pool2d": (nn.Sequential(nn.AdaptiveAvgPool2d((2, 3))), [2, 2, 4, 6]),
    "adaptive_max_pool2d_global": (nn.Sequential(nn.Conv2d(2, 3, 1), nn.AdaptiveMaxPool2d(1), nn.Flatten()), [2, 2, 5, 4]),
    "adaptive_avg_pool1d": (nn.Sequential(nn.AdaptiveAvgPool1d(2)), [2, 3, 6]),
    "unflatten": (nn.Sequential(nn.Linear(4, 12), nn.Unflatten(1, (3, 4)), nn.Conv1d(3, 2, 2)), [2, 4]),
    # Trained one SGD step on NLL loss (no dropout, so train and eval modes agree).
    "sgd_step": (nn.Sequential(nn.Conv2d(1, 4, 3), nn.ReLU(), nn.MaxPool2d(2), nn.Flatten(), nn.Linear(36, 5), nn.LogSoftmax(1)), [6, 1, 8, 8]),
}
STEP = {"sgd_step": 0.1}  # learning rate of the one SGD step
PATTERNED = {"spec_mnist"}  # weights by `patterned`, not stored


def main():
    fixtures = {}
    for name, (module, shape) in CASES.items():
        init = {}
        with torch.no_grad():
            for index, (key, p) in enumerate(module.state_dict().items()):
                if not p.dtype.is_floating_point:
                    continue
                if name in PATTERNED:
                    fan_in = p.numel() // p.shape[0] if p.dim() > 1 else 1
                    scale = 1 / power_of_two_below(fan_in ** 0.5) if p.dim() > 1 else 1 / 16
                    init[key] = {"seed": index, "scale": scale}
                    p.copy_(patterned(list(p.shape), index, scale))
                else:
                    p.copy_(rounded(p * 2 if p.dim() > 1 else p))
        with torch.no_grad():
            for m in module.modules():
                if isinstance(m, nn.modules.batchnorm._BatchNorm):
                    m.running_mean.copy_(rounded(torch.randn(m.num_features)))
                    m.running_var.copy_(rounded(torch.rand(m.num_features)) + 0.5)
                    if m.affine:
                        m.weight.copy_(rounded(torch.randn(m.num_features)))
                if isinstance(m, nn.LayerNorm):
                    m.weight.copy_(rounded(torch.randn(m.weight.shape)))
                    m.bias.copy_(rounded(torch.randn(m.bias.shape)))
        x = rounded(torch.randn(*shape))
        if name == "embedding":
            x = torch.randint(0, 7, shape)
        if name == "max_pool_padding":
            x = -x.abs() - 1  # every value below zero: padding must be −∞, not 0
        module.eval()
        with torch.no_grad():
            y = module(x)
            if isinstance(y, tuple):  # LSTM: (output, (h, c))
                y = y[0]
        case = {
            "state": {k: values(v) for k, v in module.state_dict().items()} if name not in PATTERNED else {},
            "patterned": {k: {**v, "shape": list(module.state_dict()[k].shape)} for k, v in init.items()},
            "input": values(x),
            "output": values(y),
        }
        if name in ("spec_mnist", "sgd_step"):
            target = torch.randint(0, y.shape[1], (shape[0],))
            case["target"] = values(target)
            case["nll"] = F.nll_loss(y, target).item()
        if name in STEP:
            module.train()
            optimizer = torch.optim.SGD(module.parameters(), lr=STEP[name])
            optimizer.zero_grad()
            loss = F.nll_loss(module(x), torch.tensor(case["target"]))
            loss.backward()
            optimizer.step()
            case["learningRate"] = STEP[name]
            case["stateAfterStep"] = {k: values(v) for k, v in module.state_dict().items()}
        fixtures[name] = case
    out = os.path.join(os.path.dirname(__file__), "..", "test", "fixtures", "runtime-torch.json")
    with open(out, "w") as f:
        json.dump(fixtures, f, separators=(",", ":"))
    print(f"wrote {len(fixtures)} cases to {os.path.relpath(out)} ({os.path.getsize(out) // 1024} KB)")


if __name__ == "__main__":
    main()
