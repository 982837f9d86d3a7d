#!/usr/bin/env python3
"""PyTorch numbers for the layers toTfjs builds from tf ops (GRU, self-attention, grouped and
dilated convolutions and transposed convolutions, dilated max pooling, average pooling past the
padded input, adaptive pooling to sizes that do not divide the input, batch norm with batch
statistics or a cumulative average, embedding with padding_idx or max_norm, LSTM with proj_size):
test/runtime-pytorch-converted.test.ts checks that the
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


class LSTM(nn.LSTM):
    """shapecheck's nn.lstm: batch first, the output sequence only (state_dict keys unchanged)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, batch_first=True, **kwargs)

    def forward(self, x):
        return super().forward(x)[0]


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
    "conv_transpose2d_grouped": (nn.Sequential(nn.ConvTranspose2d(4, 6, 3, groups=2)), [2, 4, 4, 4]),
    "conv_transpose2d_dilated": (nn.Sequential(nn.ConvTranspose2d(2, 3, 3, dilation=2)), [1, 2, 5, 4]),
    "conv_transpose2d_grouped_dilated_stride": (nn.Sequential(nn.ConvTranspose2d(
        4, 6, (3, 2), stride=(2, 3), padding=(1, 2), output_padding=(1, 1), dilation=(2, 3), groups=2)), [2, 4, 4, 3]),
    "conv_transpose2d_depthwise_stride": (nn.Sequential(nn.ConvTranspose2d(3, 3, 3, stride=2, padding=1, groups=3, bias=False)), [1, 3, 4, 5]),
    # padding (5) above dilation·(kernel − 1) (4): the zero-spread input is cropped, not padded
    "conv_transpose1d_grouped_dilated": (nn.Sequential(nn.ConvTranspose1d(6, 4, 3, stride=3, padding=5, output_padding=1, dilation=2, groups=2)), [2, 6, 7]),
    "max_pool_dilation_padding": (nn.Sequential(nn.MaxPool2d(3, stride=2, padding=1, dilation=2)), [2, 2, 9, 9]),
    "max_pool_dilation_ceil": (nn.Sequential(nn.MaxPool2d(2, stride=2, dilation=2, ceil_mode=True)), [1, 2, 7, 8]),
    "max_pool1d_dilation": (nn.Sequential(nn.MaxPool1d(3, stride=1, padding=1, dilation=3)), [2, 3, 10]),
    "avg_pool2d_ceil_overhang": (nn.Sequential(nn.AvgPool2d(3, stride=2, padding=1, ceil_mode=True)), [2, 2, 6, 6]),
    "avg_pool2d_ceil_no_padding": (nn.Sequential(nn.AvgPool2d(3, stride=2, ceil_mode=True)), [1, 2, 6, 6]),
    "avg_pool2d_ceil_rectangular": (nn.Sequential(nn.AvgPool2d((2, 3), stride=(2, 2), padding=(1, 0), ceil_mode=True)), [1, 2, 5, 6]),
    "avg_pool1d_ceil_overhang": (nn.Sequential(nn.AvgPool1d(2, stride=2, ceil_mode=True)), [2, 3, 7]),
    "adaptive_avg_pool2d_uneven": (nn.Sequential(nn.AdaptiveAvgPool2d((3, 2))), [2, 2, 7, 5]),
    "adaptive_avg_pool1d_uneven": (nn.Sequential(nn.AdaptiveAvgPool1d(3)), [2, 3, 7]),
    "adaptive_max_pool2d_uneven": (nn.Sequential(nn.AdaptiveMaxPool2d((4, 3))), [1, 2, 6, 5]),
    "batch_norm2d_batch_stats": (nn.Sequential(nn.BatchNorm2d(3, track_running_stats=False)), [4, 3, 4, 4]),
    "batch_norm1d_batch_stats_no_affine": (nn.Sequential(nn.BatchNorm1d(4, track_running_stats=False, affine=False)), [5, 4]),
    "batch_norm1d_cumulative": (nn.Sequential(nn.BatchNorm1d(3, momentum=None)), [4, 3, 5]),
    "embedding_padding_idx": (nn.Sequential(nn.Embedding(10, 4, padding_idx=2)), [2, 5]),
    "embedding_max_norm": (nn.Sequential(nn.Embedding(10, 4, max_norm=1.5)), [2, 5]),
    "lstm_proj": (nn.Sequential(LSTM(3, 5, proj_size=2)), [2, 4, 3]),
    "lstm_proj_stacked_bidirectional": (nn.Sequential(LSTM(3, 4, proj_size=3, num_layers=2, bidirectional=True)), [2, 5, 3]),
    "lstm_proj_no_bias": (nn.Sequential(LSTM(3, 4, proj_size=2, bias=False)), [2, 3, 3]),
    # Trained one SGD step on NLL loss (no dropout, so train and eval modes agree): the gradients too.
    "sgd_step_conv": (nn.Sequential(
        nn.Conv2d(2, 4, 3, stride=2, dilation=2, padding=2, groups=2), nn.ReLU(), nn.MaxPool2d(2, stride=1, dilation=2),
        nn.Flatten(), nn.Linear(16, 3), nn.LogSoftmax(1)), [3, 2, 8, 8]),
    "sgd_step_gru": (nn.Sequential(GRU(3, 4, bidirectional=True), nn.Flatten(), nn.Linear(24, 3), nn.LogSoftmax(1)), [3, 3, 3]),
    "sgd_step_attention": (nn.Sequential(SelfAttention(4, 2), nn.Flatten(), nn.Linear(12, 3), nn.LogSoftmax(1)), [3, 3, 4]),
    # A plain dilated conv (tfjs's own conv gradient refuses dilations).
    "sgd_step_dilated": (nn.Sequential(nn.Conv2d(1, 2, 3, padding=2, dilation=2), nn.ReLU(), nn.Flatten(), nn.Linear(72, 3), nn.LogSoftmax(1)), [3, 1, 6, 6]),
    "sgd_step_pools": (nn.Sequential(
        nn.Conv2d(2, 3, 3, padding=1), nn.AvgPool2d(3, stride=2, padding=1, ceil_mode=True), nn.AdaptiveMaxPool2d(3),
        nn.Flatten(), nn.Linear(27, 3), nn.LogSoftmax(1)), [3, 2, 6, 6]),
    "sgd_step_adaptive_avg": (nn.Sequential(nn.Conv1d(2, 3, 2), nn.AdaptiveAvgPool1d(3), nn.Flatten(), nn.Linear(9, 3), nn.LogSoftmax(1)), [3, 2, 8]),
    "sgd_step_batch_norm": (nn.Sequential(
        nn.Linear(4, 5), nn.BatchNorm1d(5, track_running_stats=False), nn.ReLU(), nn.Linear(5, 3), nn.LogSoftmax(1)), [6, 4]),
    "sgd_step_batch_norm_cumulative": (nn.Sequential(
        nn.Conv1d(2, 3, 2), nn.BatchNorm1d(3, momentum=None), nn.Flatten(), nn.Linear(12, 3), nn.LogSoftmax(1)), [4, 2, 5]),
    "sgd_step_embedding": (nn.Sequential(nn.Embedding(10, 4, padding_idx=2), nn.Flatten(), nn.Linear(20, 3), nn.LogSoftmax(1)), [3, 5]),
    "sgd_step_embedding_max_norm": (nn.Sequential(nn.Embedding(10, 4, max_norm=1.5), nn.Flatten(), nn.Linear(20, 3), nn.LogSoftmax(1)), [3, 5]),
    "sgd_step_conv_transpose": (nn.Sequential(
        nn.ConvTranspose2d(4, 4, 3, stride=2, padding=1, dilation=2, groups=2), nn.ReLU(), nn.Flatten(), nn.Linear(196, 3), nn.LogSoftmax(1)), [3, 4, 3, 3]),
    "sgd_step_conv_transpose1d": (nn.Sequential(
        nn.ConvTranspose1d(2, 4, 2, stride=2, dilation=3, groups=2), nn.Flatten(), nn.Linear(40, 3), nn.LogSoftmax(1)), [3, 2, 4]),
    "sgd_step_lstm_proj": (nn.Sequential(LSTM(3, 4, proj_size=2, bidirectional=True), nn.Flatten(), nn.Linear(12, 3), nn.LogSoftmax(1)), [3, 3, 3]),
}
STEP = {name: 0.1 for name in CASES if name.startswith("sgd_step_")}  # learning rate of the one SGD step
NEGATIVE = {"max_pool_dilation_padding", "max_pool_dilation_ceil", "max_pool1d_dilation"}  # padding must be −∞, not 0
VOCABULARY = {"embedding_padding_idx": 10, "embedding_max_norm": 10, "sgd_step_embedding": 10, "sgd_step_embedding_max_norm": 10}  # integer inputs


def main():
    fixtures = {}
    for name, (module, shape) in CASES.items():
        with torch.no_grad():
            for key, p in module.state_dict().items():
                if key.endswith("num_batches_tracked"):
                    p.fill_(3)  # so that the cumulative average's factor is 1/4, not 1
                elif key.endswith("running_var"):
                    p.copy_(rounded(0.5 + torch.rand(p.shape)))
                else:
                    p.copy_(rounded(p * 2 if p.dim() > 1 else p + 0.25 * torch.randn(p.shape)))
            for m in module.modules():
                if isinstance(m, nn.Embedding) and m.padding_idx is not None:
                    m.weight[m.padding_idx] = 1  # not zero, so that a zero gradient is what keeps it
        if name in VOCABULARY:
            x = torch.randint(0, VOCABULARY[name], shape)
            x[0, 0] = 2  # the padding index, and a row used twice
            x[-1, -1] = 2
        else:
            x = rounded(torch.randn(*shape))
        if name in NEGATIVE:
            x = -x.abs() - 1
        # Before the forward pass: max_norm renormalizes the table in place.
        case = {"state": {k: values(v) for k, v in module.state_dict().items()}, "patterned": {}, "input": values(x)}
        module.eval()
        # With gradients on: PyTorch 1.13's no-grad fast path of MultiheadAttention fails without biases.
        y = module(x).detach()
        case["output"] = values(y)
        if name in STEP:
            with torch.no_grad():  # back to the stored weights (max_norm changed them)
                for key, p in module.state_dict().items():
                    p.copy_(torch.tensor(case["state"][key]))
            target = torch.randint(0, y.shape[1], (shape[0],))
            case["target"] = values(target)
            module.train()
            optimizer = torch.optim.SGD(module.parameters(), lr=STEP[name])
            optimizer.zero_grad()
            loss = F.nll_loss(module(x), target)  # in training mode (batch norm: batch statistics)
            case["nll"] = loss.item()
            loss.backward()
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
