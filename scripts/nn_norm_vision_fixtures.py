#!/usr/bin/env python3
"""PyTorch 1.13 fixtures for the normalization, vision and misc `nn` modules of issue 16 (batchNorm3d,
syncBatchNorm, lazyBatchNorm1d/2d/3d, instanceNorm1d/2d/3d, lazyInstanceNorm1d/2d/3d, upsample,
upsamplingNearest2d, upsamplingBilinear2d, rrelu, embeddingBag). Writes test/fixtures/pytorch-nn-norm-vision.json
in the format of scripts/nn_extra_fixtures.py:

    { "shapes": { "<family>": [ { "call": "nn.instanceNorm2d(3)", "input": [2, 3, 4, 4], "output": [2, 3, 4, 4] },
                               { "call": ..., "input": [...], "error": "<PyTorch's first line>" },
                               { ..., "output": [...], "type": [2, 3, null] } ] },   # null: `number` in the type
      "values": { "<case>": { "model": "sequential(...)", "state": {...}, "input": [...], "output": [...] } } }

Each shape record ran PyTorch's real module in training mode (SyncBatchNorm: its checks, then the batch norm it
runs on one process; 1.13 refuses CPU tensors before that). Batches are ≥ 2: PyTorch's batch norm refuses a
single value per channel when training, which shapecheck does not check (the batch is unknown to it).
`type` (upsample): the dimensions the type leaves `number` (⌊d × f⌋ for a decimal f, not a binary fraction, whose
exact product is an integer: the double product may fall below it). Seeded; not run by CI. Rerun by hand:
    /usr/bin/python3 scripts/nn_norm_vision_fixtures.py
"""
import json
import os
import random
import warnings
from fractions import Fraction

import torch
import torch.nn as nn
import torch.nn.functional as F

warnings.simplefilter("ignore")
torch.set_num_threads(1)
torch.manual_seed(0)
rng = random.Random(20261206)


def js(v):
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, str):
        return json.dumps(v)
    if isinstance(v, (list, tuple)):
        return "[" + ", ".join(js(x) for x in v) + "]"
    return json.dumps(v)


def options(pairs):
    given = [(k, v) for k, v in pairs if v is not None]
    return "{ %s }" % ", ".join(f"{k}: {js(v)}" for k, v in given) if given else None


def run(make, shape, long=False):
    try:
        module = make()
        module.train()
        x = torch.zeros(*shape, dtype=torch.long) if long else torch.zeros(*shape, requires_grad=True) * 1
        y = module(x)
        return {"output": list(y.shape)}
    except Exception as error:  # PyTorch's refusal
        text = str(error).strip().split("\n")[0] or type(error).__name__
        return {"error": text}


def shape_records(config, count):
    records, valid, invalid = [], 0, 0
    tries = 0
    while (valid < count or invalid < count // 4) and tries < count * 20:
        tries += 1
        call, make, shape, *rest = config()
        extra = rest[0] if rest else {}
        result = run(make, shape, extra.get("long", False))
        if "output" in result and valid >= count:
            continue
        if "error" in result and invalid >= count // 4:
            continue
        valid += "output" in result
        invalid += "error" in result
        record = {"call": call, "input": shape, **result}
        if "output" in result and extra.get("type"):
            record["type"] = extra["type"](result["output"])
        records.append(record)
    return records


class OneProcessSyncBatchNorm(nn.SyncBatchNorm):
    """SyncBatchNorm's forward on one process without its GPU check: its input checks, then F.batch_norm."""

    def forward(self, x):
        self._check_input_dim(x)
        self._check_non_zero_input_channels(x)
        if self.training and self.track_running_stats:
            self.num_batches_tracked.add_(1)
        factor = 0.0 if self.momentum is None else self.momentum
        if self.training and self.track_running_stats and self.momentum is None:
            factor = 1.0 / self.num_batches_tracked.item()
        return F.batch_norm(x, self.running_mean, self.running_var, self.weight, self.bias,
                            self.training or self.running_mean is None, factor, self.eps)


def norm_options(default_affine, default_track, momentum_none=True):
    eps = rng.choice([None, None, 1e-3])
    momentum = rng.choice([None, None, 0.2] + ([None] if not momentum_none else ["none"]))
    affine = rng.choice([None, True, False])
    track = rng.choice([None, True, False])
    pairs = [("eps", eps), ("momentum", None if momentum == "none" else momentum), ("affine", affine),
             ("trackRunningStats", track)]
    text = options(pairs)
    if momentum == "none":
        text = (text[:-2] + ", momentum: null }") if text else "{ momentum: null }"
    kw = dict(eps=1e-5 if eps is None else eps,
              momentum=None if momentum == "none" else (0.1 if momentum is None else momentum),
              affine=default_affine if affine is None else affine,
              track_running_stats=default_track if track is None else track)
    return text, kw


def batch_norm_record():
    kind = rng.choice(["batchNorm3d", "syncBatchNorm", "lazyBatchNorm1d", "lazyBatchNorm2d", "lazyBatchNorm3d"])
    c = rng.randint(1, 5)
    opts, kw = norm_options(True, True, momentum_none=False)
    rank = rng.choice([1, 2, 3, 4, 5, 5, 5, 6]) if kind != "syncBatchNorm" else rng.choice([1, 2, 3, 4, 5, 6])
    if kind == "lazyBatchNorm1d":
        rank = rng.choice([1, 2, 3, 3, 4])
    if kind == "lazyBatchNorm2d":
        rank = rng.choice([2, 3, 4, 4, 4, 5])
    shape = [rng.randint(2, 3)] + [rng.randint(1, 4) for _ in range(rank - 1)]
    if rank >= 2 and rng.random() < 0.7:
        shape[1] = c
    lazy = kind.startswith("lazy")
    call = f"nn.{kind}(" + ("" if lazy else str(c)) + (("" if lazy else ", ") + opts if opts else "") + ")"
    module = {"batchNorm3d": lambda: nn.BatchNorm3d(c, **kw), "syncBatchNorm": lambda: OneProcessSyncBatchNorm(c, **kw),
              "lazyBatchNorm1d": lambda: nn.LazyBatchNorm1d(**kw), "lazyBatchNorm2d": lambda: nn.LazyBatchNorm2d(**kw),
              "lazyBatchNorm3d": lambda: nn.LazyBatchNorm3d(**kw)}[kind]
    return call, module, shape


def instance_norm_record():
    k = rng.choice([1, 2, 3])
    lazy = rng.random() < 0.35
    kind = f"{'lazyInstanceNorm' if lazy else 'instanceNorm'}{k}d"
    c = rng.randint(1, 5)
    opts, kw = norm_options(lazy, lazy)
    rank = rng.choice([k, k + 1, k + 1, k + 2, k + 2, k + 2, k + 3])
    shape = [rng.randint(1, 3)] + [rng.randint(1, 4) for _ in range(rank - 1)]
    if rank >= 2 and rng.random() < 0.6:
        shape[rank - k - 1] = c  # the channels where PyTorch reads them
    if rank >= 2 and lazy and rank == k + 1 and rng.random() < 0.4:
        shape[0] = shape[1]
    call = f"nn.{kind}(" + ("" if lazy else str(c)) + (("" if lazy else ", ") + opts if opts else "") + ")"
    cls = getattr(nn, f"{'LazyInstanceNorm' if lazy else 'InstanceNorm'}{k}d")
    return call, (lambda: cls(**kw) if lazy else cls(c, **kw)), shape


def decimal_factor():
    return rng.choice([0.5, 1.5, 2.5, 0.75, 1.25, 0.3, 1.1, 0.7, 3.3, 0.25, 0.29, 1.7, 0.2, 0.6, 1.2, 0.4])


def upsample_type(shape, factors):
    """The output the type gives: null where ⌊d × f⌋ is left `number` (a decimal f that is not a binary fraction,
    whose exact product d × f is an integer: the double product may fall just below it)."""
    def one(d, f):
        exact = Fraction(str(f)) * d
        denominator = Fraction(str(f)).denominator
        binary = denominator & (denominator - 1) == 0
        return None if not binary and exact.denominator == 1 else int(exact)
    spatial = shape[2:]
    return lambda output: output[:2] + [one(d, f) for d, f in zip(spatial, factors)]


def upsample_record():
    kind = rng.choice(["upsample", "upsample", "upsample", "upsamplingNearest2d", "upsamplingBilinear2d"])
    mode = {"upsamplingNearest2d": "nearest", "upsamplingBilinear2d": "bilinear"}.get(kind) or rng.choice(
        ["nearest", "nearest", "linear", "bilinear", "bicubic", "trilinear"])
    natural = {"nearest": rng.choice([3, 4, 5]), "linear": 3, "bilinear": 4, "bicubic": 4, "trilinear": 5}[mode]
    rank = natural if rng.random() < 0.8 else rng.choice([2, 3, 4, 5, 6])
    shape = [rng.randint(1, 2)] + [rng.randint(1, 5) for _ in range(rank - 1)]
    spatial = max(rank - 2, 0)
    count = spatial if rng.random() < 0.9 else rng.choice([1, 2, 3])
    by_size = rng.random() < 0.4
    if by_size:
        one = rng.random() < 0.4
        value = rng.randint(1, 9) if one else [rng.randint(1, 9) for _ in range(count)]
        size, factor = value, None
    else:
        one = rng.random() < 0.5
        pick = lambda: rng.choice([2, 3, 1, decimal_factor(), decimal_factor()])
        value = pick() if one else [pick() for _ in range(count)]
        size, factor = None, value
    align = None
    if kind == "upsample" and mode != "nearest" and rng.random() < 0.5:
        align = rng.choice([True, False])
    if kind == "upsample" and mode == "nearest" and rng.random() < 0.05:
        align = False  # PyTorch refuses align_corners with nearest
    pairs = [("size", size), ("scaleFactor", factor)]
    if kind == "upsample":
        pairs += [("mode", None if mode == "nearest" and rng.random() < 0.5 else mode), ("alignCorners", align)]
    call = f"nn.{kind}({options(pairs)})"
    tup = lambda v: tuple(v) if isinstance(v, list) else v
    if kind == "upsample":
        make = lambda: nn.Upsample(size=tup(size), scale_factor=tup(factor), mode=mode, align_corners=align)
    elif kind == "upsamplingNearest2d":
        make = lambda: nn.UpsamplingNearest2d(size=tup(size), scale_factor=tup(factor))
    else:
        make = lambda: nn.UpsamplingBilinear2d(size=tup(size), scale_factor=tup(factor))
    extra = {}
    if factor is not None:
        factors = factor if isinstance(factor, list) else [factor] * spatial
        extra["type"] = upsample_type(shape, factors)
    return call, make, shape, extra


def rrelu_record():
    lower = rng.choice([None, None, 0.1, 0.2, 0.3, 0.05])
    upper = rng.choice([None, None, 0.3, 0.5, 0.1, 0.25])
    inplace = rng.choice([None, None, False, True])
    style = rng.random()
    if style < 0.5 and (lower is not None or upper is None):
        parts = [js(v) for v in [lower, upper] if v is not None]
        if upper is not None and lower is None:
            parts = []
        call = f"nn.rrelu({', '.join(parts)})" if parts else None
        if call is None or (upper is not None and lower is None):
            call = "nn.rrelu(%s)" % (options([("lower", lower), ("upper", upper), ("inplace", inplace)]) or "")
        elif inplace is not None and len(parts) == 2:
            call = f"nn.rrelu({', '.join(parts)}, {js(inplace)})"
    else:
        call = "nn.rrelu(%s)" % (options([("lower", lower), ("upper", upper), ("inplace", inplace)]) or "")
    rank = rng.randint(1, 5)
    shape = [rng.randint(1, 3)] + [rng.randint(1, 4) for _ in range(rank - 1)]
    lo = 1 / 8 if lower is None else lower
    hi = 1 / 3 if upper is None else upper
    return call, (lambda: nn.RReLU(lo, hi, inplace=bool(inplace))), shape


def embedding_bag_record():
    num, dim = rng.randint(1, 20), rng.randint(1, 6)
    mode = rng.choice([None, "sum", "mean", "max"])
    pad = rng.choice([None, None, None, 0, rng.randint(-25, 25)])
    opts = options([("mode", mode), ("paddingIdx", pad)])
    call = f"nn.embeddingBag({num}, {dim}" + (f", {opts}" if opts else "") + ")"
    rank = rng.choice([1, 2, 2, 2, 2, 3])
    shape = [rng.randint(1, 3)] + [rng.randint(1, 5) for _ in range(rank - 1)]
    kw = dict(mode=mode or "mean", padding_idx=pad)

    def make():
        try:
            return nn.EmbeddingBag(num, dim, **kw)
        except AssertionError as error:  # PyTorch asserts padding_idx's range in the constructor
            raise ValueError(str(error))
    return call, make, shape, {"long": True}


def rounded(t):
    return torch.round(t * 64) / 64


def value_case(model_call, module, shape, ints=None):
    with torch.no_grad():
        for p in module.parameters():
            p.copy_(rounded(torch.randn_like(p) * 0.5))
        for name, b in module.named_buffers():
            if name.endswith("running_mean"):
                b.copy_(rounded(torch.randn_like(b) * 0.5))
            elif name.endswith("running_var"):
                b.copy_(rounded(torch.rand_like(b) + 0.5))
            elif name.endswith("num_batches_tracked"):
                b.fill_(3)
    module.eval()
    x = torch.randint(0, ints, shape) if ints else rounded(torch.randn(*shape) * 2)
    y = module(x)
    return {"model": model_call, "state": {k: v.tolist() for k, v in module.state_dict().items()},
            "params": sum(p.numel() for p in module.parameters()),
            "input": x.tolist(), "output": y.detach().tolist()}


def inp(shape):
    return f"input({json.dumps(shape[1:])}, {{ batch: {shape[0]} }})"


def materialized(module, shape):
    """A lazy module after its first call (PyTorch then makes it the eager class)."""
    with torch.no_grad():
        module(torch.randn(*shape))
    return module


def values():
    cases = {}
    specs = [
        ("batch_norm3d", "nn.batchNorm3d(3)", nn.BatchNorm3d(3), [2, 3, 2, 3, 4]),
        ("batch_norm3d_no_affine", "nn.batchNorm3d(2, { affine: false })", nn.BatchNorm3d(2, affine=False), [2, 2, 3, 2, 2]),
        # SyncBatchNorm refuses CPU tensors in 1.13: on one process it is a batch norm with the same state_dict
        ("sync_batch_norm", "nn.syncBatchNorm(3)", nn.BatchNorm2d(3), [2, 3, 4, 4]),
        ("sync_batch_norm_5d", "nn.syncBatchNorm(2)", nn.BatchNorm3d(2), [2, 2, 2, 3, 3]),
        ("lazy_batch_norm1d", "nn.lazyBatchNorm1d()", materialized(nn.LazyBatchNorm1d(), [4, 5]), [4, 5]),
        ("lazy_batch_norm2d", "nn.lazyBatchNorm2d()", materialized(nn.LazyBatchNorm2d(), [2, 3, 4, 4]), [2, 3, 4, 4]),
        ("lazy_batch_norm3d", "nn.lazyBatchNorm3d({ eps: 0.001 })", materialized(nn.LazyBatchNorm3d(eps=1e-3), [2, 2, 2, 2, 3]), [2, 2, 2, 2, 3]),
        ("instance_norm1d", "nn.instanceNorm1d(3)", nn.InstanceNorm1d(3), [2, 3, 6]),
        ("instance_norm2d_affine", "nn.instanceNorm2d(3, { affine: true })", nn.InstanceNorm2d(3, affine=True), [2, 3, 4, 5]),
        ("instance_norm2d_tracked", "nn.instanceNorm2d(3, { affine: true, trackRunningStats: true })",
         nn.InstanceNorm2d(3, affine=True, track_running_stats=True), [2, 3, 4, 4]),
        ("instance_norm3d", "nn.instanceNorm3d(2, { affine: true, eps: 0.001 })", nn.InstanceNorm3d(2, affine=True, eps=1e-3), [2, 2, 2, 3, 3]),
        ("instance_norm2d_unbatched", "nn.instanceNorm2d(3, { affine: true })", nn.InstanceNorm2d(3, affine=True), [3, 4, 5]),
        ("instance_norm1d_other_channels", "nn.instanceNorm1d(7)", nn.InstanceNorm1d(7), [2, 3, 5]),
        ("lazy_instance_norm2d", "nn.lazyInstanceNorm2d()", materialized(nn.LazyInstanceNorm2d(), [2, 3, 4, 4]), [2, 3, 4, 4]),
        ("lazy_instance_norm1d_untracked", "nn.lazyInstanceNorm1d({ trackRunningStats: false })",
         materialized(nn.LazyInstanceNorm1d(track_running_stats=False), [2, 4, 5]), [2, 4, 5]),
        ("upsample_nearest2d", "nn.upsample({ scaleFactor: 2 })", nn.Upsample(scale_factor=2), [2, 3, 3, 4]),
        ("upsample_nearest1d_fraction", "nn.upsample({ scaleFactor: 1.7 })", nn.Upsample(scale_factor=1.7), [2, 3, 5]),
        ("upsample_nearest3d_size", "nn.upsample({ size: [3, 5, 4] })", nn.Upsample(size=(3, 5, 4)), [1, 2, 2, 3, 3]),
        ("upsample_nearest_down", "nn.upsample({ scaleFactor: [0.5, 0.75] })", nn.Upsample(scale_factor=(0.5, 0.75)), [2, 2, 5, 6]),
        ("upsample_linear", "nn.upsample({ scaleFactor: 2.5, mode: \"linear\" })", nn.Upsample(scale_factor=2.5, mode="linear"), [2, 3, 4]),
        ("upsample_linear_align", "nn.upsample({ size: 7, mode: \"linear\", alignCorners: true })",
         nn.Upsample(size=7, mode="linear", align_corners=True), [2, 3, 4]),
        ("upsample_bilinear", "nn.upsample({ scaleFactor: 2, mode: \"bilinear\" })", nn.Upsample(scale_factor=2, mode="bilinear"), [2, 3, 3, 4]),
        ("upsample_bilinear_size", "nn.upsample({ size: [5, 7], mode: \"bilinear\" })", nn.Upsample(size=(5, 7), mode="bilinear"), [2, 2, 3, 4]),
        ("upsample_bilinear_down", "nn.upsample({ scaleFactor: 0.6, mode: \"bilinear\" })", nn.Upsample(scale_factor=0.6, mode="bilinear"), [2, 2, 6, 7]),
        ("upsample_bicubic", "nn.upsample({ scaleFactor: 1.5, mode: \"bicubic\" })", nn.Upsample(scale_factor=1.5, mode="bicubic"), [2, 2, 4, 5]),
        ("upsample_bicubic_align", "nn.upsample({ size: [6, 3], mode: \"bicubic\", alignCorners: true })",
         nn.Upsample(size=(6, 3), mode="bicubic", align_corners=True), [2, 2, 4, 5]),
        ("upsample_trilinear", "nn.upsample({ scaleFactor: [2, 1.5, 1], mode: \"trilinear\" })",
         nn.Upsample(scale_factor=(2, 1.5, 1), mode="trilinear"), [1, 2, 2, 3, 3]),
        ("upsample_trilinear_align", "nn.upsample({ size: 4, mode: \"trilinear\", alignCorners: true })",
         nn.Upsample(size=4, mode="trilinear", align_corners=True), [1, 2, 2, 3, 3]),
        ("upsampling_nearest2d", "nn.upsamplingNearest2d({ size: [5, 9] })", nn.UpsamplingNearest2d(size=(5, 9)), [2, 2, 3, 4]),
        ("upsampling_bilinear2d", "nn.upsamplingBilinear2d({ scaleFactor: 2 })", nn.UpsamplingBilinear2d(scale_factor=2), [2, 2, 3, 4]),
        ("rrelu_eval", "nn.rrelu(0.1, 0.3)", nn.RReLU(0.1, 0.3), [2, 3, 4]),
        ("rrelu_default_eval", "nn.rrelu()", nn.RReLU(), [2, 6]),
    ]
    for name, call, module, shape in specs:
        cases[name] = value_case(f"sequential({inp(shape)}, {call})", nn.Sequential(module), shape)
    for name, call, module, shape in [
        ("embedding_bag_mean", "nn.embeddingBag(10, 4)", nn.EmbeddingBag(10, 4), [3, 5]),
        ("embedding_bag_sum", "nn.embeddingBag(10, 4, { mode: \"sum\" })", nn.EmbeddingBag(10, 4, mode="sum"), [3, 5]),
        ("embedding_bag_max", "nn.embeddingBag(10, 4, { mode: \"max\" })", nn.EmbeddingBag(10, 4, mode="max"), [3, 5]),
        ("embedding_bag_padding", "nn.embeddingBag(4, 3, { paddingIdx: 1 })", nn.EmbeddingBag(4, 3, padding_idx=1), [4, 3]),
        ("embedding_bag_max_padding", "nn.embeddingBag(3, 3, { mode: \"max\", paddingIdx: -1 })",
         nn.EmbeddingBag(3, 3, mode="max", padding_idx=-1), [4, 2]),
    ]:
        cases[name] = value_case(f"sequential({inp(shape)}, {call})", nn.Sequential(module), shape, ints=module.num_embeddings)
    # after a conv (channels-last inside the converted model)
    for name, call, module in [
        ("batch_norm_sync_after_conv", "nn.syncBatchNorm(4)", nn.BatchNorm2d(4)),
        ("instance_norm_after_conv", "nn.instanceNorm2d(4, { affine: true, trackRunningStats: true })",
         nn.InstanceNorm2d(4, affine=True, track_running_stats=True)),
        ("upsample_after_conv", "nn.upsample({ scaleFactor: 2, mode: \"bilinear\", alignCorners: true })",
         nn.Upsample(scale_factor=2, mode="bilinear", align_corners=True)),
        ("rrelu_after_conv", "nn.rrelu(0.2, 0.4)", nn.RReLU(0.2, 0.4)),
    ]:
        shape = [2, 3, 5, 5]
        cases[name] = value_case(f"sequential({inp(shape)}, nn.conv2d(3, 4, 3), {call}, nn.conv2d(4, 2, 1))",
                                 nn.Sequential(nn.Conv2d(3, 4, 3), module, nn.Conv2d(4, 2, 1)), shape)
    return cases


def interpolate_values():
    """ops.interpolate (F.interpolate, the same sampling as nn.upsample) on 1 to 3 spatial dimensions."""
    cases = {}
    for name, shape, options, kw in [
        ("nearest_1d_fraction", [2, 3, 5], {"scaleFactor": 1.7}, dict(scale_factor=1.7)),
        ("nearest_2d", [2, 3, 3, 4], {"scaleFactor": 2}, dict(scale_factor=2)),
        ("nearest_2d_size", [2, 2, 5, 4], {"size": [3, 7]}, dict(size=(3, 7))),
        ("nearest_3d", [1, 2, 2, 3, 3], {"scaleFactor": [1.5, 2, 0.7]}, dict(scale_factor=(1.5, 2, 0.7))),
        ("bilinear", [2, 2, 3, 4], {"scaleFactor": 1.5, "mode": "bilinear"}, dict(scale_factor=1.5, mode="bilinear", align_corners=False)),
        ("bilinear_size", [2, 2, 4, 4], {"size": [7, 3], "mode": "bilinear"}, dict(size=(7, 3), mode="bilinear", align_corners=False)),
    ]:
        x = rounded(torch.randn(*shape) * 2)
        y = F.interpolate(x, **kw)
        cases[name] = {"input": x.tolist(), "options": options, "output": y.tolist()}
    return cases


def training_values():
    """One forward pass in training mode: the output (batch or instance statistics) and the running statistics after."""
    cases = {}
    for name, call, module, shape in [
        ("batch_norm3d", "nn.batchNorm3d(3)", nn.BatchNorm3d(3), [2, 3, 2, 3, 2]),
        ("batch_norm3d_cumulative", "nn.batchNorm3d(2, { momentum: null })", nn.BatchNorm3d(2, momentum=None), [3, 2, 2, 2, 2]),
        ("sync_batch_norm", "nn.syncBatchNorm(3, { momentum: 0.3 })", nn.BatchNorm2d(3, momentum=0.3), [4, 3, 2, 3]),
        ("instance_norm2d_tracked", "nn.instanceNorm2d(3, { affine: true, trackRunningStats: true, momentum: 0.2 })",
         nn.InstanceNorm2d(3, affine=True, track_running_stats=True, momentum=0.2), [2, 3, 3, 4]),
        ("instance_norm1d_unbatched_tracked", "nn.instanceNorm1d(4, { trackRunningStats: true })",
         nn.InstanceNorm1d(4, track_running_stats=True), [4, 6]),
        ("instance_norm3d", "nn.instanceNorm3d(2, { affine: true })", nn.InstanceNorm3d(2, affine=True), [2, 2, 2, 2, 3]),
    ]:
        seq = nn.Sequential(module)
        before = value_case(f"sequential({inp(shape)}, {call})", seq, shape)  # random weights and statistics
        seq.train()
        x = rounded(torch.randn(*shape) * 2)
        with torch.no_grad():
            y = seq(x)
        cases[name] = {"model": before["model"], "state": before["state"], "input": x.tolist(), "output": y.tolist(),
                       "after": {k: v.tolist() for k, v in seq.state_dict().items()}}
    return cases


def main():
    shapes = {
        "batchNorm": shape_records(batch_norm_record, 250),
        "instanceNorm": shape_records(instance_norm_record, 300),
        "upsample": shape_records(upsample_record, 400),
        "rrelu": shape_records(rrelu_record, 200),
        "embeddingBag": shape_records(embedding_bag_record, 200),
    }
    out = {"shapes": shapes, "values": values(), "interpolate": interpolate_values(), "training": training_values()}
    path = os.path.join(os.path.dirname(__file__), "..", "test", "fixtures", "pytorch-nn-norm-vision.json")
    with open(path, "w") as f:
        json.dump(out, f, separators=(",", ":"))
    for family, records in shapes.items():
        print(family, sum("output" in r for r in records), "valid", sum("error" in r for r in records), "invalid")
    print(len(out["values"]), "value cases")


if __name__ == "__main__":
    main()
