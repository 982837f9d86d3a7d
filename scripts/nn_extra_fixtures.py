#!/usr/bin/env python3
"""PyTorch 1.13 fixtures for the `nn` modules added by issue 16 (nested nn.sequential, the other
non-linear activations). Writes test/fixtures/pytorch-nn-extra.json:

    { "shapes": { "<family>": [ { "call": "nn.elu(0.5)", "input": [2, 3], "output": [2, 3] },
                               { "call": "...", "input": [...], "error": "<PyTorch's first line>" }, ... ] },
      "values": { "<case>": { "model": "sequential(input([4, 6]), nn.prelu(4))", "state": {...},
                              "input": [...], "output": [...] } } }

`call` is the shapecheck builder call (TypeScript text) of the same module; each record ran PyTorch's
real module on a zero tensor in training mode with autograd on. Seeded; not run by CI. Rerun by hand:
    /usr/bin/python3 scripts/nn_extra_fixtures.py
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


def js(v):
    if isinstance(v, bool):
        return "true" if v else "false"
    return json.dumps(v)


def num(lo, hi, ints=False):
    if ints:
        return rng.randint(lo, hi)
    return round(rng.uniform(lo, hi), rng.choice([1, 2]))


def params_call(name, names, values, inplace=None, keep=()):
    """A builder call: positional (PyTorch's order) or an options object, at random."""
    given = [(n, v) for n, v in zip(names, values) if v is not None]
    if inplace is not None:
        given.append(("inplace", inplace))
    if not given:
        return f"nn.{name}()"
    style = rng.random()
    if style < 0.4 and all(v is not None for v in values[: len(given)]):
        return f"nn.{name}({', '.join(js(v) for _, v in given)})"
    if style < 0.7:
        return "nn.%s({ %s })" % (name, ", ".join(f"{n}: {js(v)}" for n, v in given))
    # positional up to a point, then an options object
    k = rng.randint(0, len(given))
    positional = [v for n, v in given[:k]]
    if any(n != names[i] for i, (n, _) in enumerate(given[:k]) if i < len(names)) or k > len(names):
        k, positional = 0, []
    rest = given[k:]
    parts = [js(v) for v in positional]
    if rest:
        parts.append("{ %s }" % ", ".join(f"{n}: {js(v)}" for n, v in rest))
    return f"nn.{name}({', '.join(parts)})"


def activation_config():
    kind = rng.choice([
        "relu6", "hardswish", "hardsigmoid", "silu", "mish", "elu", "selu", "celu", "softplus", "softsign",
        "hardtanh", "logsigmoid", "tanhshrink", "softshrink", "hardshrink", "threshold", "prelu", "glu",
        "softmax2d", "softmin"])
    inplace = rng.choice([None, None, True, False])
    opt = lambda v: v if rng.random() < 0.6 else None
    if kind in ("relu6", "hardswish", "hardsigmoid", "silu", "mish", "selu"):
        module = {"relu6": nn.ReLU6, "hardswish": nn.Hardswish, "hardsigmoid": nn.Hardsigmoid, "silu": nn.SiLU,
                  "mish": nn.Mish, "selu": nn.SELU}[kind]
        return params_call(kind, [], [], inplace), (lambda: module(inplace=bool(inplace)))
    if kind in ("softsign", "logsigmoid", "tanhshrink", "softmax2d"):
        module = {"softsign": nn.Softsign, "logsigmoid": nn.LogSigmoid, "tanhshrink": nn.Tanhshrink,
                  "softmax2d": nn.Softmax2d}[kind]
        return f"nn.{kind}()", module
    if kind in ("elu", "celu"):
        alpha = opt(rng.choice([num(0.1, 3), 0, -1, 1.0 if kind == "elu" else 2]))
        module = nn.ELU if kind == "elu" else nn.CELU
        return params_call(kind, ["alpha"], [alpha], inplace), (
            lambda: module(alpha=1.0 if alpha is None else alpha, inplace=bool(inplace)))
    if kind == "softplus":
        beta, threshold = opt(num(0.5, 3)), opt(num(1, 30, ints=True))
        if threshold is not None and beta is None and rng.random() < 0.5:
            beta = 1
        return params_call(kind, ["beta", "threshold"], [beta, threshold]), (
            lambda: nn.Softplus(beta=1 if beta is None else beta, threshold=20 if threshold is None else threshold))
    if kind == "hardtanh":
        lo, hi = opt(num(-3, 1)), opt(num(-1, 3))
        return params_call(kind, ["minVal", "maxVal"], [lo, hi], inplace), (
            lambda: nn.Hardtanh(-1.0 if lo is None else lo, 1.0 if hi is None else hi, inplace=bool(inplace)))
    if kind in ("softshrink", "hardshrink"):
        lambd = opt(num(-1, 2))
        module = nn.Softshrink if kind == "softshrink" else nn.Hardshrink
        return params_call(kind, ["lambd"], [lambd]), (lambda: module(0.5 if lambd is None else lambd))
    if kind == "threshold":
        t, v = num(-1, 1), num(-5, 20)
        tail = "" if inplace is None else (f", {js(inplace)}" if rng.random() < 0.5 else f", {{ inplace: {js(inplace)} }}")
        return f"nn.threshold({js(t)}, {js(v)}{tail})", (lambda: nn.Threshold(t, v, inplace=bool(inplace)))
    if kind == "prelu":
        n = opt(rng.choice([1, rng.randint(1, 6)]))
        init = opt(num(0, 0.5))
        return params_call(kind, ["numParameters", "init"], [n, init]), (
            lambda: nn.PReLU(1 if n is None else n, 0.25 if init is None else init))
    if kind == "glu":
        dim = rng.choice([None, -1, -2, 1, 2, 3, -4, 4, -5])
        return (f"nn.glu({dim})" if dim is not None else "nn.glu()"), (lambda: nn.GLU(-1 if dim is None else dim))
    if kind == "softmin":
        dim = rng.randint(-5, 4)
        return f"nn.softmin({dim})", (lambda: nn.Softmin(dim))
    raise AssertionError(kind)


def run(make, shape):
    try:
      with warnings.catch_warnings():
        warnings.simplefilter("error")  # dropout3d's deprecated ranks: refused by shapecheck
        module = make()
        module.train()
        leaf = torch.zeros(*shape, requires_grad=True)
        y = module(leaf * 1)  # a layer's input inside a model is not a leaf (inplace is allowed on it)
        return {"output": list(y.shape)}
    except Exception as error:  # PyTorch's refusal
        text = str(error).strip().split("\n")[0] or type(error).__name__
        return {"error": text}


def shape_records(config, count):
    records, valid, invalid = [], 0, 0
    tries = 0
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


def activation_record():
    call, make = activation_config()
    rank = rng.randint(1, 5)
    shape = [rng.randint(1, 6) for _ in range(rank)]
    return call, make, shape


def sequential_record():
    """Nested sequentials of linear/relu/flatten blocks; in-features sometimes wrong."""
    features = rng.randint(1, 8)
    shape = [rng.randint(1, 4)] + [rng.randint(1, 4) for _ in range(rng.randint(0, 2))] + [features]

    def block(f, depth):
        calls, mods = [], []
        for _ in range(rng.randint(0, 3)):
            r = rng.random()
            if r < 0.45:
                i = f if rng.random() < 0.85 else rng.randint(1, 8)
                o = rng.randint(1, 8)
                calls.append(f"nn.linear({i}, {o})")
                mods.append(nn.Linear(i, o))
                f = o
            elif r < 0.7:
                calls.append("nn.relu()")
                mods.append(nn.ReLU())
            elif depth < 2:
                c, m, f = block(f, depth + 1)
                calls.append(f"nn.sequential({', '.join(c)})")
                mods.append(nn.Sequential(*m))
            else:
                calls.append("nn.silu()")
                mods.append(nn.SiLU())
        return calls, mods, f

    calls, mods, _ = block(features, 0)
    return f"nn.sequential({', '.join(calls)})", (lambda: nn.Sequential(*mods)), shape


def shuffle_record():
    kind = rng.choice(["pixelShuffle", "pixelUnshuffle", "channelShuffle"])
    r = rng.choice([1, 2, 2, 3, 4]) if kind != "channelShuffle" else rng.choice([1, 2, 3, 4, 6])
    rank = rng.choice([2, 3, 4, 4, 4, 5])
    shape = [rng.randint(1, 3)] + [rng.randint(1, 6) for _ in range(rank - 1)]
    if rank >= 3 and rng.random() < 0.75:  # mostly sizes that fit
        if kind == "pixelShuffle":
            shape[-3] = r * r * rng.randint(1, 3)
        elif kind == "pixelUnshuffle":
            shape[-2], shape[-1] = r * rng.randint(1, 3), r * rng.randint(1, 3)
        else:
            shape[1] = r * rng.randint(1, 3)
    module = {"pixelShuffle": nn.PixelShuffle, "pixelUnshuffle": nn.PixelUnshuffle, "channelShuffle": nn.ChannelShuffle}[kind]
    return f"nn.{kind}({r})", (lambda: module(r)), shape


def pad_record():
    """Padding modules; non-negative paddings (shapecheck refuses PyTorch's negative, cropping ones)."""
    family = rng.choice(["zero", "constant", "reflection", "replication"])
    n = rng.choice([1, 2, 3])
    if family == "zero":
        name = f"zeroPad{n}d"
    else:
        name = f"{family}Pad{n}d"
    if rng.random() < 0.5:
        padding = rng.randint(0, 3)
    else:
        padding = [rng.randint(0, 3) for _ in range(2 * n)]
    rank = rng.choice([n, n + 1, n + 2, n + 2, n + 2, n + 3]) if family in ("zero", "constant") else rng.choice([n, n + 1, n + 2, n + 2, n + 2, n + 3])
    rank = max(rank, 1)
    shape = [rng.randint(1, 3)] + [rng.randint(1, 5) for _ in range(rank - 1)]
    value = num(-2, 2)
    pad = padding if isinstance(padding, int) else tuple(padding)
    if family == "zero":
        # ZeroPad1d/3d are PyTorch 2.1's; PyTorch 1.13 has ConstantPadNd(padding, 0), the same module
        make = lambda: {1: nn.ConstantPad1d, 2: nn.ConstantPad2d, 3: nn.ConstantPad3d}[n](pad, 0.0)
        call = f"nn.{name}({js(padding)})"
    elif family == "constant":
        make = lambda: {1: nn.ConstantPad1d, 2: nn.ConstantPad2d, 3: nn.ConstantPad3d}[n](pad, value)
        call = f"nn.{name}({js(padding)}, {js(value)})"
    else:
        module = {("reflection", 1): nn.ReflectionPad1d, ("reflection", 2): nn.ReflectionPad2d,
                  ("reflection", 3): nn.ReflectionPad3d, ("replication", 1): nn.ReplicationPad1d,
                  ("replication", 2): nn.ReplicationPad2d, ("replication", 3): nn.ReplicationPad3d}[(family, n)]
        make = lambda: module(pad)
        call = f"nn.{name}({js(padding)})"
    return call, make, shape


def dropout_record():
    """dropout1d, dropout3d (PyTorch 1.13's deprecation warnings for other ranks are refusals), alpha dropouts."""
    kind = rng.choice(["dropout1d", "dropout3d", "alphaDropout", "featureAlphaDropout"])
    p = rng.choice([None, 0, 1, num(0, 1), num(0, 1), -0.5, 1.5])
    inplace = rng.choice([None, None, True, False])
    call = params_call(kind, ["p"], [p], inplace)
    module = {"dropout1d": nn.Dropout1d, "dropout3d": nn.Dropout3d, "alphaDropout": nn.AlphaDropout,
              "featureAlphaDropout": nn.FeatureAlphaDropout}[kind]
    rank = rng.randint(1, 6)
    shape = [rng.randint(1, 3)] + [rng.randint(1, 4) for _ in range(rank - 1)]
    return call, (lambda: module(0.5 if p is None else p, inplace=bool(inplace))), shape


def group_norm_record():
    g = rng.choice([1, 2, 3, 4])
    c = g * rng.randint(1, 3) if rng.random() < 0.85 else rng.randint(1, 8)
    eps = rng.choice([None, 1e-3])
    affine = rng.choice([None, None, True, False])
    inner = params_call("x", ["eps", "affine"], [eps, affine])[len("nn.x("):-1]
    call = f"nn.groupNorm({g}, {c}" + (f", {inner}" if inner else "") + ")"
    rank = rng.randint(1, 5)
    shape = [rng.randint(1, 3)] + [rng.randint(1, 4) for _ in range(rank - 1)]
    if rank >= 2 and rng.random() < 0.7:
        shape[1] = c
    return call, (lambda: nn.GroupNorm(g, c, 1e-5 if eps is None else eps, True if affine is None else affine)), shape


def local_response_norm_record():
    size = rng.choice([1, 2, 3, 5, 9])
    alpha, beta, k = rng.choice([None, 1e-3]), rng.choice([None, 0.5]), rng.choice([None, 2])
    inner = params_call("x", ["alpha", "beta", "k"], [alpha, beta, k])[len("nn.x("):-1]
    call = f"nn.localResponseNorm({size}" + (f", {inner}" if inner else "") + ")"
    rank = rng.randint(1, 5)
    shape = [rng.randint(1, 3)] + [rng.randint(1, 4) for _ in range(rank - 1)]
    return call, (lambda: nn.LocalResponseNorm(size, 1e-4 if alpha is None else alpha, 0.75 if beta is None else beta,
                                                 1.0 if k is None else k)), shape


def rounded(t):
    return torch.round(t * 64) / 64


def value_case(model_call, module, shape):
    with torch.no_grad():
        for p in module.parameters():
            p.copy_(rounded(torch.randn_like(p) * 0.5))
    module.eval()
    x = rounded(torch.randn(*shape) * 2)
    y = module(x)
    return {"model": model_call, "state": {k: v.tolist() for k, v in module.state_dict().items()},
            "input": x.tolist(), "output": y.detach().tolist()}


def inp(shape):
    return f"input({json.dumps(shape[1:])}, {{ batch: {shape[0]} }})"


def values():
    cases = {}
    specs = [
        ("relu6", "nn.relu6()", nn.ReLU6(), [2, 3, 4, 4]),
        ("hardswish", "nn.hardswish()", nn.Hardswish(), [2, 3, 4, 4]),
        ("hardsigmoid", "nn.hardsigmoid()", nn.Hardsigmoid(), [2, 3, 4, 4]),
        ("silu", "nn.silu()", nn.SiLU(), [2, 3, 4, 4]),
        ("mish", "nn.mish()", nn.Mish(), [2, 3, 4, 4]),
        ("elu", "nn.elu(0.7)", nn.ELU(0.7), [2, 3, 4, 4]),
        ("selu", "nn.selu()", nn.SELU(), [2, 3, 4, 4]),
        ("celu", "nn.celu(1.5)", nn.CELU(1.5), [2, 3, 4, 4]),
        ("celu_negative_alpha", "nn.celu(-0.5)", nn.CELU(-0.5), [2, 6]),
        ("softplus", "nn.softplus(2, 3)", nn.Softplus(2, 3), [2, 3, 4, 4]),
        ("softsign", "nn.softsign()", nn.Softsign(), [2, 3, 4, 4]),
        ("hardtanh", "nn.hardtanh(-0.5, 1.5)", nn.Hardtanh(-0.5, 1.5), [2, 3, 4, 4]),
        ("logsigmoid", "nn.logsigmoid()", nn.LogSigmoid(), [2, 3, 4, 4]),
        ("tanhshrink", "nn.tanhshrink()", nn.Tanhshrink(), [2, 3, 4, 4]),
        ("softshrink", "nn.softshrink(0.7)", nn.Softshrink(0.7), [2, 3, 4, 4]),
        ("hardshrink", "nn.hardshrink(0.7)", nn.Hardshrink(0.7), [2, 3, 4, 4]),
        ("threshold", "nn.threshold(0.3, -2)", nn.Threshold(0.3, -2), [2, 3, 4, 4]),
        ("prelu_one", "nn.prelu()", nn.PReLU(), [2, 3, 4, 4]),
        ("prelu_channels", "nn.prelu(3)", nn.PReLU(3), [2, 3, 4, 4]),
        ("prelu_channels_1d", "nn.prelu(5)", nn.PReLU(5), [3, 5]),
        ("glu_last", "nn.glu()", nn.GLU(), [2, 3, 6]),
        ("glu_channels", "nn.glu(1)", nn.GLU(1), [2, 4, 3, 3]),
        ("softmax2d", "nn.softmax2d()", nn.Softmax2d(), [2, 3, 4, 4]),
        ("softmin", "nn.softmin(1)", nn.Softmin(1), [2, 3, 4, 4]),
        ("softmin_last", "nn.softmin(-1)", nn.Softmin(-1), [2, 5]),
    ]
    for name, call, module, shape in specs:
        cases[name] = value_case(f"sequential({inp(shape)}, {call})", nn.Sequential(module), shape)
    # after a conv (channels-last inside the converted model): the channel axis moves
    for name, call, module in [("prelu_after_conv", "nn.prelu(4)", nn.PReLU(4)),
                               ("glu_after_conv", "nn.glu(1)", nn.GLU(1)),
                               ("softmax2d_after_conv", "nn.softmax2d()", nn.Softmax2d()),
                               ("softmin_after_conv", "nn.softmin(1)", nn.Softmin(1))]:
        shape = [2, 3, 5, 5]
        cases[name] = value_case(f"sequential({inp(shape)}, nn.conv2d(3, 4, 3), {call})",
                                 nn.Sequential(nn.Conv2d(3, 4, 3), module), shape)
    for name, call, module, shape in [
        ("pixel_shuffle", "nn.pixelShuffle(2)", nn.PixelShuffle(2), [2, 8, 3, 4]),
        ("pixel_shuffle_3", "nn.pixelShuffle(3)", nn.PixelShuffle(3), [1, 18, 2, 2]),
        ("pixel_unshuffle", "nn.pixelUnshuffle(2)", nn.PixelUnshuffle(2), [2, 3, 4, 6]),
        ("channel_shuffle", "nn.channelShuffle(3)", nn.ChannelShuffle(3), [2, 6, 3, 3]),
        ("channel_shuffle_1d", "nn.channelShuffle(2)", nn.ChannelShuffle(2), [2, 4, 5]),
    ]:
        cases[name] = value_case(f"sequential({inp(shape)}, {call})", nn.Sequential(module), shape)
    for name, call, module, shape in [
        ("zero_pad2d", "nn.zeroPad2d([1, 2, 0, 3])", nn.ZeroPad2d((1, 2, 0, 3)), [2, 3, 4, 5]),
        ("constant_pad1d", "nn.constantPad1d([2, 1], 1.5)", nn.ConstantPad1d((2, 1), 1.5), [2, 3, 4]),
        ("constant_pad3d", "nn.constantPad3d(1, -0.5)", nn.ConstantPad3d(1, -0.5), [1, 2, 2, 3, 2]),
        ("reflection_pad1d", "nn.reflectionPad1d([3, 1])", nn.ReflectionPad1d((3, 1)), [2, 2, 5]),
        ("reflection_pad2d", "nn.reflectionPad2d([1, 2, 2, 0])", nn.ReflectionPad2d((1, 2, 2, 0)), [2, 3, 4, 4]),
        ("reflection_pad3d", "nn.reflectionPad3d(1)", nn.ReflectionPad3d(1), [1, 2, 3, 3, 3]),
        ("replication_pad1d", "nn.replicationPad1d([2, 3])", nn.ReplicationPad1d((2, 3)), [2, 2, 3]),
        ("replication_pad2d", "nn.replicationPad2d([1, 0, 2, 3])", nn.ReplicationPad2d((1, 0, 2, 3)), [2, 3, 3, 4]),
        ("replication_pad3d", "nn.replicationPad3d([1, 2, 0, 1, 2, 0])", nn.ReplicationPad3d((1, 2, 0, 1, 2, 0)), [1, 2, 2, 3, 2]),
    ]:
        cases[name] = value_case(f"sequential({inp(shape)}, {call})", nn.Sequential(module), shape)
    for name, call, module, shape in [
        ("dropout1d_eval", "nn.dropout1d(0.3)", nn.Dropout1d(0.3), [2, 3, 4]),
        ("dropout3d_eval", "nn.dropout3d(0.3)", nn.Dropout3d(0.3), [2, 2, 2, 3, 2]),
        ("alpha_dropout_eval", "nn.alphaDropout(0.2)", nn.AlphaDropout(0.2), [2, 5]),
        ("feature_alpha_dropout_eval", "nn.featureAlphaDropout(0.2)", nn.FeatureAlphaDropout(0.2), [2, 3, 4, 4]),
    ]:
        cases[name] = value_case(f"sequential({inp(shape)}, {call})", nn.Sequential(module), shape)
    for name, call, module, shape in [
        ("group_norm", "nn.groupNorm(2, 4)", nn.GroupNorm(2, 4), [3, 4, 3, 3]),
        ("group_norm_1d_no_affine", "nn.groupNorm(3, 6, { affine: false })", nn.GroupNorm(3, 6, affine=False), [2, 6, 5]),
        ("group_norm_eps", "nn.groupNorm(1, 3, 0.001)", nn.GroupNorm(1, 3, 0.001), [2, 3]),
    ]:
        cases[name] = value_case(f"sequential({inp(shape)}, {call})", nn.Sequential(module), shape)
    for name, call, module, shape in [
        ("local_response_norm", "nn.localResponseNorm(3, 0.5, 0.75, 2)", nn.LocalResponseNorm(3, 0.5, 0.75, 2), [2, 5, 3, 3]),
        ("local_response_norm_even", "nn.localResponseNorm(4, { alpha: 0.3 })", nn.LocalResponseNorm(4, 0.3), [2, 6, 4]),
        ("local_response_norm_after_conv", "nn.conv2d(3, 6, 3), nn.localResponseNorm(5, 0.1, 0.75, 1)", nn.Sequential(nn.Conv2d(3, 6, 3), nn.LocalResponseNorm(5, 0.1, 0.75, 1)), [2, 3, 5, 5]),
    ]:
        cases[name] = value_case(f"sequential({inp(shape)}, {call})", module if isinstance(module, nn.Sequential) else nn.Sequential(module), shape)
    cases["group_norm_after_conv"] = value_case(
        f"sequential({inp([2, 3, 6, 6])}, nn.conv2d(3, 8, 3), nn.groupNorm(4, 8), nn.silu())",
        nn.Sequential(nn.Conv2d(3, 8, 3), nn.GroupNorm(4, 8), nn.SiLU()), [2, 3, 6, 6])
    cases["reflection_pad_conv"] = value_case(
        f"sequential({inp([2, 3, 6, 6])}, nn.reflectionPad2d(1), nn.conv2d(3, 4, 3), nn.replicationPad2d([0, 1, 1, 0]), nn.conv2d(4, 2, 2), nn.flatten(), nn.linear(72, 3))",
        nn.Sequential(nn.ReflectionPad2d(1), nn.Conv2d(3, 4, 3), nn.ReplicationPad2d((0, 1, 1, 0)), nn.Conv2d(4, 2, 2), nn.Flatten(), nn.Linear(72, 3)),
        [2, 3, 6, 6])
    cases["espcn_after_conv"] = value_case(
        f"sequential({inp([2, 3, 5, 5])}, nn.conv2d(3, 12, 3, 1, 1), nn.pixelShuffle(2), nn.conv2d(3, 4, 3), nn.channelShuffle(2), nn.pixelUnshuffle(2))",
        nn.Sequential(nn.Conv2d(3, 12, 3, 1, 1), nn.PixelShuffle(2), nn.Conv2d(3, 4, 3), nn.ChannelShuffle(2), nn.PixelUnshuffle(2)),
        [2, 3, 5, 5])
    cases["nested_sequential"] = value_case(
        f"sequential({inp([3, 6])}, nn.sequential(nn.linear(6, 5), nn.relu(), nn.sequential(nn.linear(5, 4), nn.prelu(4))), nn.linear(4, 2))",
        nn.Sequential(nn.Sequential(nn.Linear(6, 5), nn.ReLU(), nn.Sequential(nn.Linear(5, 4), nn.PReLU(4))), nn.Linear(4, 2)),
        [3, 6])
    cases["nested_sequential_conv"] = value_case(
        f"sequential({inp([2, 2, 6, 6])}, nn.sequential(nn.conv2d(2, 4, 3), nn.hardswish()), nn.sequential(nn.conv2d(4, 2, 3), nn.silu()), nn.flatten(), nn.linear(8, 3))",
        nn.Sequential(nn.Sequential(nn.Conv2d(2, 4, 3), nn.Hardswish()), nn.Sequential(nn.Conv2d(4, 2, 3), nn.SiLU()), nn.Flatten(), nn.Linear(8, 3)),
        [2, 2, 6, 6])
    return cases


def main():
    shapes = {
        "activations": shape_records(activation_record, 400),
        "sequential": shape_records(sequential_record, 250),
        "shuffle": shape_records(shuffle_record, 300),
        "padding": shape_records(pad_record, 400),
        "dropout": shape_records(dropout_record, 300),
        "groupNorm": shape_records(group_norm_record, 250),
        "localResponseNorm": shape_records(local_response_norm_record, 250),
    }
    out = {"shapes": shapes, "values": values()}
    path = os.path.join(os.path.dirname(__file__), "..", "test", "fixtures", "pytorch-nn-extra.json")
    with open(path, "w") as f:
        json.dump(out, f, separators=(",", ":"))
    for family, records in shapes.items():
        print(family, sum("output" in r for r in records), "valid", sum("error" in r for r in records), "invalid")
    print(len(out["values"]), "value cases")


if __name__ == "__main__":
    main()
