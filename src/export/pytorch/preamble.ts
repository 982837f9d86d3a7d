// The Python written before the model classes: imports, the few modules torch.nn lacks in the form
// shapecheck's layers take (batch-first recurrent layers that return the output sequence alone,
// self-attention, the residual and concat blocks), and safetensors I/O that works without the
// `safetensors` package (Debian's torch has none).

const helpers: Readonly<Record<string, string>> = {
  LSTM: `
class LSTM(nn.LSTM):
    """shapecheck's nn.lstm: batch first, returns the output sequence only (state_dict keys as nn.LSTM's)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, batch_first=True, **kwargs)

    def forward(self, x):
        return super().forward(x)[0]
`,
  GRU: `
class GRU(nn.GRU):
    """shapecheck's nn.gru: batch first, returns the output sequence only (state_dict keys as nn.GRU's)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, batch_first=True, **kwargs)

    def forward(self, x):
        return super().forward(x)[0]
`,
  RNN: `
class RNN(nn.RNN):
    """shapecheck's nn.rnn: batch first, returns the output sequence only (state_dict keys as nn.RNN's)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, batch_first=True, **kwargs)

    def forward(self, x):
        return super().forward(x)[0]
`,
  LSTMCell: `
class LSTMCell(nn.LSTMCell):
    """shapecheck's nn.lstmCell in a chain: h' from a zero state (called with a state, nn.LSTMCell.forward)."""

    def forward(self, x):
        return super().forward(x)[0]
`,
  GRUCell: `
GRUCell = nn.GRUCell  # a chain's gruCell: h' from a zero state, as nn.GRUCell
`,
  RNNCell: `
RNNCell = nn.RNNCell  # a chain's rnnCell: h' from a zero state, as nn.RNNCell
`,
  EmbeddingBag: `
class EmbeddingBag(nn.EmbeddingBag):
    """nn.EmbeddingBag on [bags, n] indices of any dtype (shapecheck's inputs are float tensors)."""

    def forward(self, x):
        return super().forward(x.long())
`,
  ChannelShuffle: `
class ChannelShuffle(nn.Module):
    """nn.ChannelShuffle written out (PyTorch 1.13's has no backward: the model could not train)."""

    def __init__(self, groups):
        super().__init__()
        self.groups = groups

    def forward(self, x):
        n, c = x.shape[0], x.shape[1]
        return x.reshape(n, self.groups, c // self.groups, *x.shape[2:]).transpose(1, 2).reshape(x.shape)
`,
  SelfAttention: `
class SelfAttention(nn.MultiheadAttention):
    """shapecheck's nn.multiheadAttention: batch first, query = key = value = x, returns the output only."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, batch_first=True, **kwargs)

    def forward(self, x):
        # Without biases PyTorch 1.13's inference fast path fails: a view of x as key and value avoids it.
        kv = x if self.in_proj_bias is not None else x.view_as(x)
        return super().forward(x, kv, kv, need_weights=False)[0]
`,
  Embedding: `
class Embedding(nn.Embedding):
    """nn.Embedding that takes indices of any dtype (shapecheck's inputs are float tensors)."""

    def forward(self, x):
        return super().forward(x.long())
`,
  Einops: `
try:  # einops' own functions when installed
    from einops import rearrange, reduce, repeat
except ImportError:  # else the same patterns in plain torch (names, (groups), 1, ...)
    def _groups(side):
        groups, group = [], None
        for token in side.replace("(", " ( ").replace(")", " ) ").split():
            if token == "(":
                group = []
            elif token == ")":
                groups.append(group)
                group = None
            elif group is not None:
                group.append(token)
            else:
                groups.append([token])
        return groups

    def _einops(kind, x, pattern, reduction=None, **axes):
        left, right = (_groups(side) for side in pattern.split("->"))
        rest = x.dim() - len(left) + 1  # the dims "..." stands for
        expand = lambda groups: [[f"...{i}" for i in range(rest)] if g == ["..."] else g for g in groups]
        left, right = expand(left), expand(right)
        lengths, names, dim = dict(axes), [], 0
        for g, group in enumerate(left):
            group = [f"1.{g}.{i}" if n == "1" else n for i, n in enumerate(group)]
            lengths.update({n: 1 for n in group if n.startswith("1.")})
            lengths.update({n: int(n) for n in group if n.isdigit()})  # (h 2): a literal length
            if group and group[0].startswith("...") and len(group) == rest:
                for n in group:
                    lengths[n] = x.shape[dim]
                    dim += 1
                names += group
                continue
            known = 1
            for n in group:
                known *= lengths.get(n, 1)
            for n in group:
                if n not in lengths:
                    lengths[n] = x.shape[dim] // known
            names += group
            dim += 1
        x = x.reshape([lengths[n] for n in names])
        flat = [n for group in right for n in group]
        gone = [i for i, n in enumerate(names) if n not in flat]
        if kind == "reduce" and gone:
            op = {"sum": torch.sum, "mean": torch.mean, "max": torch.amax, "min": torch.amin}.get(reduction)
            if op is not None:
                x = op(x, dim=tuple(gone))
            else:  # prod
                for i in reversed(gone):
                    x = x.prod(dim=i)
        names = [n for n in names if n in flat]
        x = x.permute([names.index(n) for n in flat if n in names])
        for position, n in enumerate(flat):
            if n not in names:  # a new axis ("1", or repeat's)
                x = x.unsqueeze(position)
        x = x.expand([1 if n == "1" else lengths[n] for n in flat])
        sizes = []
        for group in right:
            size = 1
            for n in group:
                size *= 1 if n == "1" else lengths[n]
            sizes.append(size)
        return x.reshape(sizes)

    def rearrange(x, pattern, **axes):
        return _einops("rearrange", x, pattern, **axes)

    def reduce(x, pattern, reduction, **axes):
        return _einops("reduce", x, pattern, reduction, **axes)

    def repeat(x, pattern, **axes):
        return _einops("repeat", x, pattern, **axes)
`,
  AdaptiveLogSoftmaxWithLoss: `
class AdaptiveLogSoftmaxWithLoss(nn.AdaptiveLogSoftmaxWithLoss):
    """nn.AdaptiveLogSoftmaxWithLoss whose target may be of any dtype (shapecheck's inputs are float tensors)."""

    def forward(self, input, target):
        return super().forward(input, target.long())
`,
  Reuse: `
class Reuse(nn.Module):
    """A model applied again (a shapecheck model used as a layer twice): the same module, called, not registered
    again, so its weights are shared and state_dict lists them once, at its first use (as shapecheck's stateDict())."""

    def __init__(self, module):
        super().__init__()
        self.__dict__["target"] = module  # a plain attribute, not a submodule

    def forward(self, *args):
        return self.__dict__["target"](*args)
`,
  Residual: `
class Residual(nn.Module):
    """shapecheck's nn.residual: layers(x) + x, or layers(x) + projection(x) when a projection is given."""

    def __init__(self, layers, projection=None):
        super().__init__()
        self.layers = layers
        self.projection = projection if projection is not None else nn.Sequential()

    def forward(self, x):
        return self.layers(x) + (self.projection(x) if len(self.projection) > 0 else x)
`,
  Concat: `
class Concat(nn.Module):
    """shapecheck's nn.concat: every branch on the same input, the outputs joined along dim."""

    def __init__(self, dim, *branches):
        super().__init__()
        self.dim = dim
        self.branches = nn.ModuleList(branches)

    def forward(self, x):
        return torch.cat([branch(x) for branch in self.branches], dim=self.dim)
`,
};

const safetensorsIO = `
_DTYPES = {"F32": torch.float32, "F64": torch.float64, "I32": torch.int32, "I64": torch.int64, "U8": torch.uint8, "BOOL": torch.bool}


def load_safetensors(path):
    """A safetensors file as a dict of tensors (the safetensors package when installed, else its format read here)."""
    try:
        from safetensors.torch import load_file
        return load_file(path)
    except ImportError:
        pass
    with open(path, "rb") as file:
        data = file.read()
    length = int.from_bytes(data[:8], "little")
    header = json.loads(data[8:8 + length])
    header.pop("__metadata__", None)
    tensors = {}
    for key, entry in header.items():
        begin, end = entry["data_offsets"]
        raw = bytearray(data[8 + length + begin:8 + length + end])
        tensors[key] = torch.frombuffer(raw, dtype=_DTYPES[entry["dtype"]]).reshape(entry["shape"]).clone() if raw else torch.zeros(entry["shape"], dtype=_DTYPES[entry["dtype"]])
    return tensors


def save_safetensors(tensors, path):
    """Writes a dict of tensors as safetensors (the safetensors package when installed, else the format written here)."""
    # clone(): a shared layer's weights are one tensor under several keys, which safetensors refuses to alias.
    tensors = {key: value.detach().cpu().contiguous().clone() for key, value in tensors.items()}
    try:
        from safetensors.torch import save_file
        return save_file(tensors, path, metadata={"format": "pt"})
    except ImportError:
        pass
    names = {dtype: name for name, dtype in _DTYPES.items()}
    header, chunks, offset = {"__metadata__": {"format": "pt"}}, [], 0
    for key in sorted(tensors):
        raw = tensors[key].numpy().tobytes() if tensors[key].dtype != torch.bool else tensors[key].to(torch.uint8).numpy().tobytes()
        header[key] = {"dtype": names[tensors[key].dtype], "shape": list(tensors[key].shape), "data_offsets": [offset, offset + len(raw)]}
        chunks.append(raw)
        offset += len(raw)
    text = json.dumps(header).encode()
    text += b" " * (-len(text) % 8)
    with open(path, "wb") as file:
        file.write(len(text).to_bytes(8, "little") + text + b"".join(chunks))
`;

/** The preamble: imports, the helper classes used, safetensors I/O. */
export function preamble(used: ReadonlySet<string>): string {
  const classes = Object.keys(helpers)
    .filter((name) => used.has(name))
    .map((name) => helpers[name]!)
    .join("\n");
  return `import json

import torch
import torch.nn as nn
${safetensorsIO}${classes === "" ? "" : `\n${classes}`}`;
}
