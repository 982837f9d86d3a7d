#!/usr/bin/env python3
"""PyTorch 1.13 fixtures for the convolution and pooling modules of issue 16 (convTranspose3d, lazyConv*,
maxPool3d/avgPool3d and the average pooling options, lpPool1d/2d, adaptiveMaxPool1d, adaptiveAvg/MaxPool3d).
Writes test/fixtures/pytorch-nn-conv-pool.json in the format of scripts/nn_extra_fixtures.py:

    { "shapes": { "<family>": [ { "call": "nn.maxPool3d(2)", "input": [2, 3, 4, 4, 4], "output": [...] }, ... ] },
      "values": { "<case>": { "model": "sequential(input(...), ...)", "state": {...}, "input": [...], "output": [...] } } }

Every record ran PyTorch's real module on a zero tensor (training mode, autograd on). Seeded; not run by CI:
    /usr/bin/python3 scripts/nn_conv_pool_fixtures.py
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
rng = random.Random(20261207)


def js(v):
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, tuple):
        v = list(v)
    return json.dumps(v)


def size(lo, hi, n):
    """One size for every dimension, or a tuple of n."""
    return rng.randint(lo, hi) if rng.random() < 0.5 else tuple(rng.randint(lo, hi) for _ in range(n))


def per(v, n):
    return list(v) if isinstance(v, tuple) else [v] * n


def call(name, positional, options):
    """`nn.name(a, b, { k: v })`: positional values, then the options that are given."""
    parts = [js(v) for v in positional]
    given = [(k, v) for k, v in options if v is not None]
    if given:
        parts.append("{ %s }" % ", ".join(f"{k}: {js(v)}" for k, v in given))
    return f"nn.{name}({', '.join(parts)})"


def run(make, shape):
    try:
        module = make()
        module.train()
        leaf = torch.zeros(*shape, requires_grad=True)
        y = module(leaf * 1)
        if isinstance(y, tuple):
            y = y[0]
        return {"output": list(y.shape)}
    except Exception as error:  # PyTorch's refusal
        text = str(error).strip().split("\n")[0] or type(error).__name__
        return {"error": text}


def shape_records(config, count):
    records, valid, invalid, tries = [], 0, 0, 0
    while (valid < count or invalid < count // 4) and tries < count * 20:
        tries += 1
        c, make, shape = config()
        result = run(make, shape)
        if "output" in result and valid >= count:
            continue
        if "error" in result and invalid >= count // 4:
            continue
        valid += "output" in result
        invalid += "error" in result
        records.append({"call": c, "input": shape, **result})
    return records


def spatial_input(rank, channels, lo=1, hi=9):
    """[batch, channels, ...spatial]; now and then of a rank PyTorch refuses (not the unbatched rank it accepts)."""
    shape = [rng.randint(1, 2), channels] + [rng.randint(lo, hi) for _ in range(rank)]
    if rng.random() < 0.04:  # PyTorch 1.13's adaptive 3d pooling takes a rank-3 input: ranks 1 and 2 here
        shape = shape[:2] if rank > 1 else shape[:1]
    elif rng.random() < 0.03:
        shape = shape + [2]
    return shape


def conv_transpose3d_record():
    groups = rng.choice([1, 1, 1, 2, 3])
    cin = groups * rng.randint(1, 3)
    cout = groups * rng.randint(1, 3)
    if rng.random() < 0.05:
        cout += 1  # groups that do not divide
    kernel = size(1, 4, 3)
    stride = size(1, 3, 3) if rng.random() < 0.6 else 1
    padding = size(0, 2, 3) if rng.random() < 0.5 else 0
    dilation = size(1, 2, 3) if rng.random() < 0.3 else 1
    s, d = per(stride, 3), per(dilation, 3)
    output_padding = 0
    if rng.random() < 0.35:
        output_padding = tuple(rng.randint(0, max(s[i], d[i]) - 1 + (rng.random() < 0.1)) for i in range(3))
    channels = cin if rng.random() < 0.9 else cin + 1
    shape = spatial_input(3, channels, 1, 6)
    style = rng.random()
    if groups == 1 and dilation == 1 and style < 0.5:
        positional = [cin, cout, kernel] + ([stride] if (stride, padding, output_padding) != (1, 0, 0) else [])
        if padding != 0 or output_padding != 0:
            positional.append(padding)
        if output_padding != 0:
            positional.append(output_padding)
        c = call("convTranspose3d", positional, [])
    else:
        c = call("convTranspose3d", [cin, cout, kernel], [
            ("stride", None if stride == 1 else stride), ("padding", None if padding == 0 else padding),
            ("outputPadding", None if output_padding == 0 else output_padding),
            ("dilation", None if dilation == 1 else dilation), ("groups", None if groups == 1 else groups)])
    make = lambda: nn.ConvTranspose3d(cin, cout, kernel, stride, padding, output_padding, groups, True, dilation)
    return c, make, shape


def lazy_conv_record():
    """lazyConv1d/2d/3d and lazyConvTranspose1d/2d/3d: inChannels from the input, groups dividing it or not."""
    rank, transposed = rng.choice([1, 2, 3]), rng.random() < 0.5
    groups = rng.choice([1, 1, 1, 2, 3])
    cout = groups * rng.randint(1, 3) + (1 if rng.random() < 0.04 else 0)
    channels = groups * rng.randint(1, 3) + (1 if groups > 1 and rng.random() < 0.2 else 0)
    kernel = size(1, 4, rank)
    stride = size(1, 3, rank) if rng.random() < 0.5 else 1
    padding = size(0, 2, rank) if rng.random() < 0.5 else 0
    dilation = size(1, 2, rank) if rng.random() < 0.25 else 1
    shape = spatial_input(rank, channels, 1, 9 if rank < 3 else 6)
    if transposed:
        s, d = per(stride, rank), per(dilation, rank)
        output_padding = 0
        if rng.random() < 0.3:
            output_padding = tuple(rng.randint(0, max(s[i], d[i]) - 1) for i in range(rank))
        name = f"lazyConvTranspose{rank}d"
        c = call(name, [cout, kernel], [
            ("stride", None if stride == 1 else stride), ("padding", None if padding == 0 else padding),
            ("outputPadding", None if output_padding == 0 else output_padding),
            ("dilation", None if dilation == 1 else dilation), ("groups", None if groups == 1 else groups)])
        module = {1: nn.LazyConvTranspose1d, 2: nn.LazyConvTranspose2d, 3: nn.LazyConvTranspose3d}[rank]
        make = lambda: module(cout, kernel, stride, padding, output_padding, groups, True, dilation)
    else:
        name = f"lazyConv{rank}d"
        if groups == 1 and dilation == 1 and rng.random() < 0.5:
            positional = [cout, kernel] + ([stride] if (stride, padding) != (1, 0) else []) + ([padding] if padding != 0 else [])
            c = call(name, positional, [])
        else:
            c = call(name, [cout, kernel], [
                ("stride", None if stride == 1 else stride), ("padding", None if padding == 0 else padding),
                ("dilation", None if dilation == 1 else dilation), ("groups", None if groups == 1 else groups)])
        module = {1: nn.LazyConv1d, 2: nn.LazyConv2d, 3: nn.LazyConv3d}[rank]
        make = lambda: module(cout, kernel, stride, padding, dilation, groups)
    return c, make, shape


def unfold_record():
    kernel = size(1, 4, 2)
    dilation = size(1, 2, 2) if rng.random() < 0.3 else 1
    padding = size(0, 2, 2) if rng.random() < 0.4 else 0
    stride = size(1, 3, 2) if rng.random() < 0.5 else 1
    shape = spatial_input(2, rng.randint(1, 3), 1, 9)
    if len(shape) == 3:  # PyTorch takes [C, H, W] as unbatched: another rank it refuses
        shape = shape + [2, 2]
    c = call("unfold", [kernel], [("dilation", None if dilation == 1 else dilation),
                                  ("padding", None if padding == 0 else padding),
                                  ("stride", None if stride == 1 else stride)])
    return c, (lambda: nn.Unfold(kernel, dilation, padding, stride)), shape


def fold_record():
    kernel = size(1, 3, 2)
    dilation = size(1, 2, 2) if rng.random() < 0.3 else 1
    padding = size(0, 2, 2) if rng.random() < 0.4 else 0
    stride = size(1, 3, 2) if rng.random() < 0.5 else 1
    out = size(1, 8, 2)
    o, k, d, p, st = per(out, 2), per(kernel, 2), per(dilation, 2), per(padding, 2), per(stride, 2)
    blocks = [(o[i] + 2 * p[i] - d[i] * (k[i] - 1) - 1) // st[i] + 1 for i in range(2)]
    channels = rng.randint(1, 3) * k[0] * k[1] + (1 if rng.random() < 0.08 else 0)
    length = max(blocks[0], 0) * max(blocks[1], 0) + (rng.choice([-1, 1]) if rng.random() < 0.08 else 0)
    shape = [rng.randint(1, 2), channels, max(length, 1)]
    if rng.random() < 0.04:
        shape = rng.choice([shape + [2], shape[:1]])  # ranks PyTorch refuses (not its unbatched rank 2)
    c = call("fold", [out, kernel], [("dilation", None if dilation == 1 else dilation),
                                     ("padding", None if padding == 0 else padding),
                                     ("stride", None if stride == 1 else stride)])
    return c, (lambda: nn.Fold(out, kernel, dilation, padding, stride)), shape


POOLS = {("max", 1): nn.MaxPool1d, ("max", 2): nn.MaxPool2d, ("max", 3): nn.MaxPool3d,
         ("avg", 1): nn.AvgPool1d, ("avg", 2): nn.AvgPool2d, ("avg", 3): nn.AvgPool3d}


def pool_record():
    kind, rank = rng.choice(["max", "avg"]), rng.choice([1, 2, 3, 3])
    name = f"{kind}Pool{rank}d"
    kernel = size(1, 4, rank)
    k = per(kernel, rank)
    stride = size(1, 3, rank) if rng.random() < 0.5 else None
    padding = 0
    if rng.random() < 0.5:
        padding = tuple(rng.randint(0, ki // 2 + (rng.random() < 0.08)) for ki in k) if rng.random() < 0.5 \
            else rng.randint(0, min(k) // 2 + (rng.random() < 0.08))
    ceil = rng.random() < 0.3
    dilation = size(1, 2, rank) if kind == "max" and rng.random() < 0.3 else 1
    include = (rng.random() < 0.6) if kind == "avg" and rng.random() < 0.4 else None
    divisor = rng.choice([1, 2, 3, 5, 0]) if kind == "avg" and rank > 1 and rng.random() < 0.25 else None
    hi = 9 if rank < 3 else 7
    shape = spatial_input(rank, rng.randint(1, 3), 1, hi)
    if rng.random() < 0.6 and ceil is False and dilation == 1 and include is None and divisor is None:
        positional = [kernel] + ([stride if stride is not None else kernel] if (stride is not None or padding) else [])
        if padding:
            positional.append(padding)
        c = call(name, positional, [])
    else:
        c = call(name, [kernel], [("stride", stride), ("padding", padding or None),
                                  ("dilation", None if dilation == 1 else dilation), ("ceilMode", ceil or None),
                                  ("countIncludePad", include), ("divisorOverride", divisor)])
    module = POOLS[(kind, rank)]
    if kind == "max":
        make = lambda: module(kernel, stride, padding, dilation, False, ceil)
    elif rank == 1:
        make = lambda: module(kernel, stride, padding, ceil, True if include is None else include)
    else:
        make = lambda: module(kernel, stride, padding, ceil, True if include is None else include, divisor)
    return c, make, shape


def lp_pool_record():
    rank = rng.choice([1, 2])
    norm = rng.choice([1, 2, 2, 3, 1.5, 4])
    kernel = size(1, 4, rank)
    stride = size(1, 3, rank) if rng.random() < 0.5 else None
    ceil = rng.random() < 0.3
    shape = spatial_input(rank, rng.randint(1, 3), 1, 9)
    name = f"lpPool{rank}d"
    if not ceil and rng.random() < 0.6:
        c = call(name, [norm, kernel] + ([stride] if stride is not None else []), [])
    else:
        c = call(name, [norm, kernel], [("stride", stride), ("ceilMode", ceil or None)])
    module = nn.LPPool1d if rank == 1 else nn.LPPool2d
    return c, (lambda: module(norm, kernel, stride, ceil)), shape


def adaptive_record():
    kind = rng.choice(["adaptiveMaxPool1d", "adaptiveAvgPool3d", "adaptiveMaxPool3d"])
    rank = 1 if kind.endswith("1d") else 3
    if rank == 1:
        out = rng.randint(1, 6) if rng.random() < 0.95 else rng.choice([0, [3]])
    else:
        out = rng.randint(1, 4) if rng.random() < 0.4 else [None if rng.random() < 0.2 else rng.randint(1, 4)
                                                             for _ in range(3)]
    shape = spatial_input(rank, rng.randint(1, 3), 1, 8)
    module = {"adaptiveMaxPool1d": nn.AdaptiveMaxPool1d, "adaptiveAvgPool3d": nn.AdaptiveAvgPool3d,
              "adaptiveMaxPool3d": nn.AdaptiveMaxPool3d}[kind]
    torch_out = tuple(out) if isinstance(out, list) else out
    return f"nn.{kind}({js(out)})", (lambda: module(torch_out)), shape


def rounded(t):
    return torch.round(t * 64) / 64


def value_case(model_call, module, shape, positive=False):
    with torch.no_grad():
        module(torch.zeros(*shape))  # lazy modules take their sizes from a first input
        for p in module.parameters():
            p.copy_(rounded(torch.randn_like(p) * 0.5))
    module.eval()
    x = rounded(torch.randn(*shape) * 2)
    if positive:
        x = x.abs() + 0.25
    y = module(x)
    return {"model": model_call, "state": {k: v.tolist() for k, v in module.state_dict().items()},
            "input": x.tolist(), "output": y.detach().tolist()}


def inp(shape):
    return f"input({json.dumps(shape[1:])}, {{ batch: {shape[0]} }})"


def values():
    cases = {}
    specs = [
        ("conv_transpose3d", "nn.convTranspose3d(3, 2, 2)", nn.ConvTranspose3d(3, 2, 2), [2, 3, 3, 4, 3]),
        ("conv_transpose3d_strided", "nn.convTranspose3d(2, 3, [3, 2, 3], 2, 1, [1, 0, 1])",
         nn.ConvTranspose3d(2, 3, (3, 2, 3), 2, 1, (1, 0, 1)), [2, 2, 3, 3, 4]),
        ("conv_transpose3d_groups_dilation", "nn.convTranspose3d(4, 2, 2, { stride: [1, 2, 1], dilation: 2, groups: 2, bias: false })",
         nn.ConvTranspose3d(4, 2, 2, (1, 2, 1), dilation=2, groups=2, bias=False), [1, 4, 3, 2, 3]),
        ("max_pool3d", "nn.maxPool3d(2)", nn.MaxPool3d(2), [2, 3, 4, 5, 4]),
        ("max_pool3d_options", "nn.maxPool3d([3, 2, 2], { stride: 2, padding: 1, dilation: [1, 2, 1], ceilMode: true })",
         nn.MaxPool3d((3, 2, 2), 2, 1, (1, 2, 1), ceil_mode=True), [2, 2, 5, 6, 5]),
        ("avg_pool3d", "nn.avgPool3d(2, 1)", nn.AvgPool3d(2, 1), [2, 3, 3, 4, 3]),
        ("avg_pool3d_pad_ceil", "nn.avgPool3d(3, { stride: 2, padding: 1, ceilMode: true })",
         nn.AvgPool3d(3, 2, 1, ceil_mode=True), [2, 2, 6, 5, 4]),
        ("avg_pool3d_exclude_pad", "nn.avgPool3d(3, { stride: 2, padding: 1, countIncludePad: false })",
         nn.AvgPool3d(3, 2, 1, count_include_pad=False), [2, 2, 5, 5, 4]),
        ("avg_pool3d_divisor", "nn.avgPool3d(2, { divisorOverride: 3 })", nn.AvgPool3d(2, divisor_override=3), [2, 2, 4, 4, 4]),
        ("avg_pool2d_exclude_pad_ceil", "nn.avgPool2d(3, { stride: 2, padding: 1, ceilMode: true, countIncludePad: false })",
         nn.AvgPool2d(3, 2, 1, ceil_mode=True, count_include_pad=False), [2, 3, 6, 7]),
        ("avg_pool2d_divisor_pad", "nn.avgPool2d(2, { padding: 1, divisorOverride: 5 })",
         nn.AvgPool2d(2, padding=1, divisor_override=5), [2, 3, 5, 4]),
        ("avg_pool1d_exclude_pad", "nn.avgPool1d(4, { stride: 3, padding: 2, countIncludePad: false })",
         nn.AvgPool1d(4, 3, 2, count_include_pad=False), [2, 3, 9]),
        ("lp_pool1d", "nn.lpPool1d(2, 3)", nn.LPPool1d(2, 3), [2, 3, 10]),
        ("lp_pool1d_ceil", "nn.lpPool1d(1, 3, { stride: 2, ceilMode: true })", nn.LPPool1d(1, 3, 2, True), [2, 3, 8]),
        ("lp_pool2d", "nn.lpPool2d(2, [2, 3], 2)", nn.LPPool2d(2, (2, 3), 2), [2, 3, 6, 7]),
        ("lp_pool2d_ceil", "nn.lpPool2d(3, 2, { stride: [2, 3], ceilMode: true })", nn.LPPool2d(3, 2, (2, 3), True), [2, 2, 5, 7]),
        ("adaptive_max_pool1d", "nn.adaptiveMaxPool1d(3)", nn.AdaptiveMaxPool1d(3), [2, 3, 7]),
        ("adaptive_max_pool1d_divides", "nn.adaptiveMaxPool1d(4)", nn.AdaptiveMaxPool1d(4), [2, 3, 8]),
        ("adaptive_avg_pool3d", "nn.adaptiveAvgPool3d([2, null, 3])", nn.AdaptiveAvgPool3d((2, None, 3)), [2, 2, 5, 3, 7]),
        ("adaptive_avg_pool3d_divides", "nn.adaptiveAvgPool3d(2)", nn.AdaptiveAvgPool3d(2), [2, 2, 4, 6, 2]),
        ("adaptive_max_pool3d", "nn.adaptiveMaxPool3d([1, 3, 2])", nn.AdaptiveMaxPool3d((1, 3, 2)), [2, 3, 4, 5, 5]),
    ]
    for name, c, module, shape in specs:
        positive = name.startswith("lp_pool") and "(3" in c
        cases[name] = value_case(f"sequential({inp(shape)}, {c})", nn.Sequential(module), shape, positive)
    for name, c, module, shape in [
        ("lazy_conv1d", "nn.lazyConv1d(4, 3, 2, 1)", nn.LazyConv1d(4, 3, 2, 1), [2, 3, 9]),
        ("lazy_conv2d_groups", "nn.lazyConv2d(6, 3, { padding: 1, groups: 2 })", nn.LazyConv2d(6, 3, padding=1, groups=2), [2, 4, 5, 5]),
        ("lazy_conv3d", "nn.lazyConv3d(2, [2, 3, 2])", nn.LazyConv3d(2, (2, 3, 2)), [2, 3, 3, 4, 3]),
        ("lazy_conv_transpose1d", "nn.lazyConvTranspose1d(3, 3, 2)", nn.LazyConvTranspose1d(3, 3, 2), [2, 2, 5]),
        ("lazy_conv_transpose2d", "nn.lazyConvTranspose2d(2, 3, 2, 1, 1)", nn.LazyConvTranspose2d(2, 3, 2, 1, 1), [2, 3, 4, 4]),
        ("lazy_conv_transpose3d_groups", "nn.lazyConvTranspose3d(4, 2, { stride: 2, groups: 2 })", nn.LazyConvTranspose3d(4, 2, 2, groups=2), [1, 2, 2, 3, 2]),
    ]:
        cases[name] = value_case(f"sequential({inp(shape)}, {c})", nn.Sequential(module), shape)
    for name, c, module, shape in [
        ("unfold", "nn.unfold(2)", nn.Unfold(2), [2, 3, 4, 5]),
        ("unfold_options", "nn.unfold([3, 2], { dilation: [1, 2], padding: 1, stride: [2, 3] })",
         nn.Unfold((3, 2), (1, 2), 1, (2, 3)), [2, 2, 7, 8]),
    ]:
        cases[name] = value_case(f"sequential({inp(shape)}, {c})", nn.Sequential(module), shape)
    for name, c, module, shape in [
        ("fold", "nn.fold([4, 5], 2, { padding: 1, stride: 2 })", nn.Fold((4, 5), 2, padding=1, stride=2), [2, 12, 9]),
        ("fold_overlapping", "nn.fold(5, [3, 2], { dilation: [1, 2] })", nn.Fold(5, (3, 2), (1, 2)), [2, 12, 9]),
    ]:
        cases[name] = value_case(f"sequential({inp(shape)}, {c})", nn.Sequential(module), shape)
    cases["unfold_fold"] = value_case(
        f"sequential({inp([2, 2, 6, 6])}, nn.unfold(3, {{ padding: 1, stride: 2 }}), nn.fold(6, 3, {{ padding: 1, stride: 2 }}))",
        nn.Sequential(nn.Unfold(3, padding=1, stride=2), nn.Fold(6, 3, padding=1, stride=2)), [2, 2, 6, 6])
    cases["conv_unfold_linear"] = value_case(
        f"sequential({inp([2, 3, 6, 6])}, nn.conv2d(3, 4, 3), nn.unfold(2, {{ stride: 2 }}), nn.linear(4, 3))",
        nn.Sequential(nn.Conv2d(3, 4, 3), nn.Unfold(2, stride=2), nn.Linear(4, 3)), [2, 3, 6, 6])
    cases["conv3d_pool3d_head"] = value_case(
        f"sequential({inp([2, 2, 6, 6, 6])}, nn.conv3d(2, 4, 3, 1, 1), nn.maxPool3d(2), nn.convTranspose3d(4, 2, 2, 2), "
        "nn.avgPool3d(2, { padding: 1, countIncludePad: false }), nn.adaptiveAvgPool3d(1), nn.flatten(), nn.linear(2, 3))",
        nn.Sequential(nn.Conv3d(2, 4, 3, 1, 1), nn.MaxPool3d(2), nn.ConvTranspose3d(4, 2, 2, 2),
                      nn.AvgPool3d(2, padding=1, count_include_pad=False), nn.AdaptiveAvgPool3d(1), nn.Flatten(),
                      nn.Linear(2, 3)), [2, 2, 6, 6, 6])
    cases["conv1d_lp_adaptive"] = value_case(
        f"sequential({inp([2, 3, 12])}, nn.conv1d(3, 4, 3), nn.relu(), nn.lpPool1d(2, 2), nn.adaptiveMaxPool1d(3))",
        nn.Sequential(nn.Conv1d(3, 4, 3), nn.ReLU(), nn.LPPool1d(2, 2), nn.AdaptiveMaxPool1d(3)), [2, 3, 12])
    return cases


def main():
    shapes = {
        "convTranspose3d": shape_records(conv_transpose3d_record, 250),
        "pool": shape_records(pool_record, 400),
        "lpPool": shape_records(lp_pool_record, 250),
        "adaptivePool": shape_records(adaptive_record, 250),
        "lazyConv": shape_records(lazy_conv_record, 300),
        "unfold": shape_records(unfold_record, 250),
        "fold": shape_records(fold_record, 250),
    }
    out = {"shapes": shapes, "values": values()}
    path = os.path.join(os.path.dirname(__file__), "..", "test", "fixtures", "pytorch-nn-conv-pool.json")
    with open(path, "w") as f:
        json.dump(out, f, separators=(",", ":"))
    for family, records in shapes.items():
        print(family, sum("output" in r for r in records), "valid", sum("error" in r for r in records), "invalid")
    print(len(out["values"]), "value cases")


if __name__ == "__main__":
    main()
