#!/usr/bin/env python3
"""PyTorch numbers for the layers toTfjs builds from tf ops (GRU, self-attention, grouped and
dilated convolutions, dilated max pooling): test/runtime-pytorch-converted.test.ts checks that the
same network with the same weights computes the same function, and the same SGD step.

Writes test/fixtures/runtime-torch-converted.json in the format of scripts/runtime_fixtures.py:
    { "<case>": { "state": {...}, "patterned": {}, "input": [...], "output": [...],
                  "target"?, "nll"?, "learningRate"?, "stateAfterStep"? } }
Not run by CI; rerun by hand after changing it: /usr/bin/python3 test/pytorch/converted_fixtures.py
"""
import json
import os

import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
torch.set_default_dtype(torch.float32)


class GRU(nn.GRU):
    """shapecheck's nn.gru: batch first, the output sequence only (state_dict keys unchanged)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, batch_first=True, **kwargs)

    def forward(self, x):
        return super().forward(x)[0]


class SelfAttention(nn.MultiheadAttention):
    """shapecheck's nn.multiheadAttention: batch first, query = key = value = x, the output only."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, batch_first=True, **kwargs)

    def forward(self, x):
        return super().forward(x, x, x, need_weights=False)[0]


def rounded(t):
    # Weights and inputs rounded to 1/64: exactly representable, so both sides start from the same numbers.
    return torch.round(t * 64) / 64


def values(t):
    return t.detach().tolist()


CASES = {
    # name: (module, input shape)
    "gru": (nn.Sequential(GRU(3, 4)), [2, 5, 3]),
    "gru_stacked_bidirectional": (nn.Sequential(GRU(3, 4, num_layers=2, bidirectional=True)), [2, 5, 3]),
    "gru_no_bias": (nn.Sequential(GRU(3, 4, bias=False)), [2, 4, 3]),
    "multihead_attention": (nn.Sequential(SelfAttention(8, 2)), [2, 5, 8]),
    "multihead_attention_no_bias": (nn.Sequential(SelfAttention(8, 4, bias=False)), [2, 3, 8]),
    "conv2d_grouped": (nn.Sequential(nn.Conv2d(4, 6, 3, padding=1, groups=2)), [2, 4, 5, 5]),
    "conv1d_grouped": (nn.Sequential(nn.Conv1d(6, 9, 3, stride=2, groups=3)), [2, 6, 9]),
    "conv3d_grouped": (nn.Sequential(nn.Conv3d(4, 4, 2, padding=1, groups=2)), [1, 4, 3, 4, 4]),
    "conv2d_dilation_stride": (nn.Sequential(nn.Conv2d(2, 3, 3, stride=2, dilation=2, padding=1)), [1, 2, 9, 9]),
    "conv2d_dilation_stride_coprime": (nn.Sequential(nn.Conv2d(2, 3, 3, stride=(2, 3), dilation=(3, 2), padding=(2, 1))), [1, 2, 11, 10]),
    "conv1d_dilation_stride": (nn.Sequential(nn.Conv1d(3, 4, 3, stride=3, dilation=2)), [2, 3, 12]),
    "conv3d_dilation": (nn.Sequential(nn.Conv3d(2, 2, 2, dilation=2, stride=(1, 2, 1))), [1, 2, 4, 5, 5]),
    "conv2d_grouped_dilated_same": (nn.Sequential(nn.Conv2d(4, 4, 3, padding="same", dilation=2, groups=2)), [1, 4, 6, 7]),
    "conv1d_depthwise_dilated": (nn.Sequential(nn.Conv1d(3, 6, 3, dilation=2, groups=3, padding=2)), [2, 3, 8]),
    "conv2d_depthwise_dilated_stride": (nn.Sequential(nn.Conv2d(3, 3, 3, stride=2, dilation=3, groups=3, padding=1)), [1, 3, 10, 9]),
    "max_pool_dilation_padding": (nn.Sequential(nn.MaxPool2d(3, stride=2, padding=1, dilation=2)), [2, 2, 9, 9]),
    "max_pool_dilation_ceil": (nn.Sequential(nn.MaxPool2d(2, stride=2, dilation=2, ceil_mode=True)), [1, 2, 7, 8]),
    "max_pool1d_dilation": (nn.Sequential(nn.MaxPool1d(3, stride=1, padding=1, dilation=3)), [2, 3, 10]),
    # Trained one SGD step on NLL loss (no dropout, so train and eval modes agree): the gradients too.
    "sgd_step_conv": (nn.Sequential(
        nn.Conv2d(2, 4, 3, stride=2, dilation=2, padding=2, groups=2), nn.ReLU(), nn.MaxPool2d(2, stride=1, dilation=2),
        nn.Flatten(), nn.Linear(16, 3), nn.LogSoftmax(1)), [3, 2, 8, 8]),
    "sgd_step_gru": (nn.Sequential(GRU(3, 4, bidirectional=True), nn.Flatten(), nn.Linear(24, 3), nn.LogSoftmax(1)), [3, 3, 3]),
    "sgd_step_attention": (nn.Sequential(SelfAttention(4, 2), nn.Flatten(), nn.Linear(12, 3), nn.LogSoftmax(1)), [3, 3, 4]),
    # A plain dilated conv (tfjs's own conv gradient refuses dilations).
    "sgd_step_dilated": (nn.Sequential(nn.Conv2d(1, 2, 3, padding=2, dilation=2), nn.ReLU(), nn.Flatten(), nn.Linear(72, 3), nn.LogSoftmax(1)), [3, 1, 6, 6]),
}
STEP = {"sgd_step_conv": 0.1, "sgd_step_gru": 0.1, "sgd_step_attention": 0.1, "sgd_step_dilated": 0.1}  # learning rate of the one SGD step
NEGATIVE = {"max_pool_dilation_padding", "max_pool_dilation_ceil", "max_pool1d_dilation"}  # padding must be −∞, not 0


def main():
    fixtures = {}
    for name, (module, shape) in CASES.items():
        with torch.no_grad():
            for p in module.state_dict().values():
                p.copy_(rounded(p * 2 if p.dim() > 1 else p + 0.25 * torch.randn(p.shape)))
        x = rounded(torch.randn(*shape))
        if name in NEGATIVE:
            x = -x.abs() - 1
        module.eval()
        # With gradients on: PyTorch 1.13's no-grad fast path of MultiheadAttention fails without biases.
        y = module(x).detach()
        case = {"state": {k: values(v) for k, v in module.state_dict().items()}, "patterned": {}, "input": values(x), "output": values(y)}
        if name in STEP:
            target = torch.randint(0, y.shape[1], (shape[0],))
            case["target"] = values(target)
            case["nll"] = F.nll_loss(y, target).item()
            module.train()
            optimizer = torch.optim.SGD(module.parameters(), lr=STEP[name])
            optimizer.zero_grad()
            F.nll_loss(module(x), target).backward()
            optimizer.step()
            case["learningRate"] = STEP[name]
            case["stateAfterStep"] = {k: values(v) for k, v in module.state_dict().items()}
        fixtures[name] = case
    out = os.path.join(os.path.dirname(__file__), "..", "fixtures", "runtime-torch-converted.json")
    with open(out, "w") as f:
        json.dump(fixtures, f, separators=(",", ":"))
    print(f"wrote {len(fixtures)} cases to {os.path.relpath(out)} ({os.path.getsize(out) // 1024} KB)")


if __name__ == "__main__":
    main()
