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


# ---- Transformer modules: values (eval mode, dropout off) ----------------------------------------
def seq(batch, n, e):
    return torch.randn(batch, n, e)


def bool_mask(*shape, p=0.3, keep_first=True):
    m = torch.rand(*shape) < p
    if keep_first:
        m[..., 0] = False  # every query attends to something: no NaN rows
    return m


def encoder_layer(e, h, f, activation, norm_first, eps=1e-5):
    return nn.TransformerEncoderLayer(e, h, dim_feedforward=f, dropout=0.0, activation=activation,
                                      layer_norm_eps=eps, batch_first=True, norm_first=norm_first)


def decoder_layer(e, h, f, activation, norm_first, eps=1e-5):
    return nn.TransformerDecoderLayer(e, h, dim_feedforward=f, dropout=0.0, activation=activation,
                                      layer_norm_eps=eps, batch_first=True, norm_first=norm_first)


def module_case(name, kind, module, args, names, spec):
    module = randomize(module).eval()
    with torch.no_grad():
        out = module(*[a for a in args if not isinstance(a, tuple)], **{k: v for a in args if isinstance(a, tuple) for k, v in [a]})
    values[name] = {
        "build": dict(spec, kind=kind, names=names),
        "state": state_of(module),
        "inputs": [lst((a[1] if isinstance(a, tuple) else a).float()) for a in args],
        "outputs": [lst(out)],
    }


B = 2
for i, (activation, norm_first, masks) in enumerate([("relu", False, False), ("gelu", True, True), ("relu", False, True)]):
    e, h, f, s = 8, 2, 12, 5
    m = encoder_layer(e, h, f, activation, norm_first)
    args = [seq(B, s, e)]
    names = ["src"]
    if masks:
        args += [("src_mask", bool_mask(s, s)), ("src_key_padding_mask", torch.tensor([[False] * (s - 1) + [True], [False] * s]))]
        names += ["srcMask", "srcKeyPaddingMask"]
    module_case(f"encoderLayer {activation}{' normFirst' if norm_first else ''}{' masks' if masks else ''}",
                "transformerEncoderLayer", m, args, names,
                {"dModel": e, "nhead": h, "dimFeedforward": f, "activation": activation, "normFirst": norm_first})

e, h, f, s = 8, 4, 16, 6
enc = nn.TransformerEncoder(encoder_layer(e, h, f, "relu", False), 2, norm=nn.LayerNorm(e, eps=1e-4), enable_nested_tensor=False)
module_case("encoder with norm and a 3d mask", "transformerEncoder", enc,
            [seq(B, s, e), ("mask", bool_mask(B * h, s, s))], ["src", "srcMask"],
            {"dModel": e, "nhead": h, "dimFeedforward": f, "activation": "relu", "normFirst": False, "numLayers": 2, "normEps": 1e-4})

for i, (activation, norm_first) in enumerate([("relu", False), ("gelu", True)]):
    e, h, f, t, s = 8, 2, 10, 4, 6
    m = decoder_layer(e, h, f, activation, norm_first)
    tgt_mask = torch.triu(torch.ones(t, t, dtype=torch.bool), diagonal=1)
    module_case(f"decoderLayer {activation}{' normFirst' if norm_first else ''} masks", "transformerDecoderLayer", m,
                [seq(B, t, e), seq(B, s, e), ("tgt_mask", tgt_mask), ("memory_mask", bool_mask(t, s)),
                 ("tgt_key_padding_mask", torch.tensor([[False] * t, [False] * (t - 1) + [True]])),
                 ("memory_key_padding_mask", torch.tensor([[False] * (s - 2) + [True, True], [False] * s]))],
                ["tgt", "memory", "tgtMask", "memoryMask", "tgtKeyPaddingMask", "memoryKeyPaddingMask"],
                {"dModel": e, "nhead": h, "dimFeedforward": f, "activation": activation, "normFirst": norm_first})

e, h, f, t, s = 8, 2, 10, 3, 5
dec = nn.TransformerDecoder(decoder_layer(e, h, f, "relu", False), 3, norm=nn.LayerNorm(e))
module_case("decoder with norm", "transformerDecoder", dec, [seq(B, t, e), seq(B, s, e)], ["tgt", "memory"],
            {"dModel": e, "nhead": h, "dimFeedforward": f, "activation": "relu", "normFirst": False, "numLayers": 3, "normEps": 1e-5})

e, h, f, t, s = 8, 2, 12, 4, 5
tr = nn.Transformer(d_model=e, nhead=h, num_encoder_layers=2, num_decoder_layers=1, dim_feedforward=f, dropout=0.0, batch_first=True)
module_case("transformer", "transformer", tr,
            [seq(B, s, e), seq(B, t, e), ("tgt_mask", torch.triu(torch.ones(t, t, dtype=torch.bool), diagonal=1)),
             ("src_key_padding_mask", torch.tensor([[False] * s, [False] * (s - 1) + [True]])),
             # PyTorch's eval-mode encoder (nested tensors) zeroes padded positions of the memory: masked here too
             ("memory_key_padding_mask", torch.tensor([[False] * s, [False] * (s - 1) + [True]]))],
            ["src", "tgt", "tgtMask", "srcKeyPaddingMask", "memoryKeyPaddingMask"],
            {"dModel": e, "nhead": h, "dimFeedforward": f, "activation": "relu", "normFirst": False,
             "numEncoderLayers": 2, "numDecoderLayers": 1})


# ---- Shapes: random configurations, refusals included ---------------------------------------------
def ts_input(shape):
    return f"input({json.dumps(list(shape[1:]))}, {{ batch: {shape[0]} }})".replace(",", ", ").replace(",  ", ", ")


def ts_options(d):
    items = [f"{k}: {v}" for k, v in d.items()]
    return "{ " + ", ".join(items) + " }" if items else None


def outcome(fn):
    try:
        with torch.no_grad():
            return fn(), None
    except Exception as error:  # PyTorch's refusal: its first line
        return None, (str(error).strip().split("\n")[0] or type(error).__name__)[:200]


def maybe(p):
    return rng.random() < p


def wrong(n):
    return n + rng.choice([-1, 1, 2]) if n > 1 else n + 1


def mask_shape(batch, heads, l, s):
    """A random attention mask shape: [L, S], [batch·heads, L, S], or a wrong one."""
    r = rng.random()
    shape = [l, s] if r < 0.5 else [batch * heads, l, s]
    if maybe(0.25):
        i = rng.randrange(len(shape))
        shape[i] = wrong(shape[i])
    return shape


def padding_shape(batch, s):
    shape = [batch, s]
    if maybe(0.2):
        i = rng.randrange(2)
        shape[i] = wrong(shape[i])
    return shape


def mask_input(shape):
    """A mask symbolic input: [d0, ...] with d0 as its batch (a [L, S] mask is input([S], { batch: L }))."""
    return ts_input(shape)


shapes = {"multiheadAttention.call": [], "transformerEncoderLayer": [], "transformerEncoder": [],
          "transformerDecoderLayer": [], "transformerDecoder": [], "transformer": []}


def record(family, expr, fn, ts_outputs):
    out, error = outcome(fn)
    if error is None:
        shapes[family].append({"call": expr, "outputs": ts_outputs(out)})
    else:
        shapes[family].append({"call": expr, "error": error})


def shape_of(t):
    return None if t is None else list(t.shape)


def mha_shapes(n):
    for _ in range(n):
        h = rng.randint(1, 4)
        e = h * rng.randint(1, 4) if maybe(0.9) else rng.randint(2, 12)
        kdim = e if maybe(0.6) else rng.randint(1, 10)
        vdim = e if maybe(0.6) else rng.randint(1, 10)
        b, l, s = rng.randint(1, 3), rng.randint(1, 5), rng.randint(1, 5)
        q = [b, l, e if maybe(0.9) else wrong(e)]
        k = [b if maybe(0.93) else wrong(b), s, kdim if maybe(0.9) else wrong(kdim)]
        v = [k[0], s if maybe(0.9) else wrong(s), vdim if maybe(0.9) else wrong(vdim)]
        opts, py = {}, {}
        if maybe(0.35):
            shp = padding_shape(b, s)
            opts["keyPaddingMask"] = mask_input(shp)
            py["key_padding_mask"] = torch.zeros(*shp, dtype=torch.bool)
        if maybe(0.35):
            shp = mask_shape(b, h, l, s)
            opts["attnMask"] = mask_input(shp)
            py["attn_mask"] = torch.zeros(*shp, dtype=torch.bool)
        if maybe(0.2):
            opts["needWeights"] = "false"
            py["need_weights"] = False
        if maybe(0.2):
            opts["averageAttnWeights"] = "false"
            py["average_attn_weights"] = False
        ctor = {}
        if kdim != e:
            ctor["kdim"] = kdim
        if vdim != e:
            ctor["vdim"] = vdim
        args = ", ".join(x for x in [str(e), str(h), ts_options(ctor)] if x)
        call_args = ", ".join(x for x in [ts_input(q), ts_input(k), ts_input(v), ts_options(opts)] if x)
        expr = f"nn.multiheadAttention({args}).call({call_args})"

        def run():
            m = nn.MultiheadAttention(e, h, batch_first=True, kdim=kdim, vdim=vdim).train()
            return m(torch.zeros(*q), torch.zeros(*k), torch.zeros(*v), **py)
        record("multiheadAttention.call", expr, run, lambda out: [shape_of(out[0]), shape_of(out[1])])


def layer_config():
    h = rng.randint(1, 4)
    e = h * rng.randint(1, 4) if maybe(0.9) else rng.randint(2, 12)
    f = rng.randint(1, 16)
    return e, h, f


def layer_ctor(name, e, h, f):
    return f"nn.{name}({e}, {h}, {{ dimFeedforward: {f}, dropout: 0 }})"


def encoder_shapes(family, n):
    for _ in range(n):
        e, h, f = layer_config()
        b, s = rng.randint(1, 3), rng.randint(1, 5)
        src = [b, s, e if maybe(0.85) else wrong(e)]
        opts, py = {}, {}
        mask_key = "src_mask" if family == "transformerEncoderLayer" else "mask"
        if maybe(0.35):
            shp = mask_shape(b, h, s, s)
            opts["srcMask"] = mask_input(shp)
            py[mask_key] = torch.zeros(*shp, dtype=torch.bool)
        if maybe(0.35):
            shp = padding_shape(b, s)
            opts["srcKeyPaddingMask"] = mask_input(shp)
            py["src_key_padding_mask"] = torch.zeros(*shp, dtype=torch.bool)
        layers = rng.randint(1, 3)
        ctor = layer_ctor("transformerEncoderLayer", e, h, f)
        if family == "transformerEncoder":
            ctor = f"nn.transformerEncoder({ctor}, {layers})"
        expr = f"{ctor}.call({', '.join(x for x in [ts_input(src), ts_options(opts)] if x)})"

        def run():
            layer = nn.TransformerEncoderLayer(e, h, dim_feedforward=f, dropout=0.0, batch_first=True)
            m = layer if family == "transformerEncoderLayer" else nn.TransformerEncoder(layer, layers, enable_nested_tensor=False)
            return m.train()(torch.zeros(*src), **py)
        record(family, expr, run, lambda out: [shape_of(out)])


def decoder_shapes(family, n):
    for _ in range(n):
        e, h, f = layer_config()
        b, t, s = rng.randint(1, 3), rng.randint(1, 5), rng.randint(1, 5)
        first = "src" if family == "transformer" else "tgt"
        x1 = [b, (s if family == "transformer" else t), e if maybe(0.88) else wrong(e)]  # src or tgt
        x2 = [b if maybe(0.93) else wrong(b), (t if family == "transformer" else s), e if maybe(0.88) else wrong(e)]
        tgt, mem = (x2, x1) if family == "transformer" else (x1, x2)
        opts, py = {}, {}
        if family == "transformer":
            if maybe(0.25):
                shp = mask_shape(b, h, s, s)
                opts["srcMask"] = mask_input(shp)
                py["src_mask"] = torch.zeros(*shp, dtype=torch.bool)
            if maybe(0.25):
                shp = padding_shape(b, s)
                opts["srcKeyPaddingMask"] = mask_input(shp)
                py["src_key_padding_mask"] = torch.zeros(*shp, dtype=torch.bool)
        if maybe(0.3):
            shp = mask_shape(b, h, t, t)
            opts["tgtMask"] = mask_input(shp)
            py["tgt_mask"] = torch.zeros(*shp, dtype=torch.bool)
        if maybe(0.25):
            shp = mask_shape(b, h, t, s)
            opts["memoryMask"] = mask_input(shp)
            py["memory_mask"] = torch.zeros(*shp, dtype=torch.bool)
        if maybe(0.25):
            shp = padding_shape(b, t)
            opts["tgtKeyPaddingMask"] = mask_input(shp)
            py["tgt_key_padding_mask"] = torch.zeros(*shp, dtype=torch.bool)
        if maybe(0.25):
            shp = padding_shape(b, s)
            opts["memoryKeyPaddingMask"] = mask_input(shp)
            py["memory_key_padding_mask"] = torch.zeros(*shp, dtype=torch.bool)
        layers = rng.randint(1, 2)
        if family == "transformer":
            ctor = (f"nn.transformer({{ dModel: {e}, nhead: {h}, numEncoderLayers: {layers}, numDecoderLayers: {layers}, "
                    f"dimFeedforward: {f}, dropout: 0 }})")
        else:
            ctor = layer_ctor("transformerDecoderLayer", e, h, f)
            if family == "transformerDecoder":
                ctor = f"nn.transformerDecoder({ctor}, {layers})"
        first_arg, second_arg = (x1, x2)
        expr = f"{ctor}.call({', '.join(x for x in [ts_input(first_arg), ts_input(second_arg), ts_options(opts)] if x)})"

        def run():
            if family == "transformer":
                m = nn.Transformer(d_model=e, nhead=h, num_encoder_layers=layers, num_decoder_layers=layers,
                                   dim_feedforward=f, dropout=0.0, batch_first=True)
                return m.train()(torch.zeros(*x1), torch.zeros(*x2), **py)
            layer = nn.TransformerDecoderLayer(e, h, dim_feedforward=f, dropout=0.0, batch_first=True)
            m = layer if family == "transformerDecoderLayer" else nn.TransformerDecoder(layer, layers)
            return m.train()(torch.zeros(*x1), torch.zeros(*x2), **py)
        record(family, expr, run, lambda out: [shape_of(out)])


mha_shapes(320)
encoder_shapes("transformerEncoderLayer", 300)
encoder_shapes("transformerEncoder", 300)
decoder_shapes("transformerDecoderLayer", 320)
decoder_shapes("transformerDecoder", 320)
decoder_shapes("transformer", 320)

if __name__ == "__main__":
    json.dump({"values": values, "shapes": shapes}, open(OUT, "w"))
    counts = {k: (sum(1 for r in v if "outputs" in r), sum(1 for r in v if "error" in r)) for k, v in shapes.items()}
    print(f"wrote {OUT}: {len(values)} value cases; shapes (accepted, refused): {counts}")
