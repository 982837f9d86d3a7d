// examples/mobilenet-v2.ts against PyTorch: the same network rebuilt in PyTorch as torchvision's
// mobilenet_v2 writes it (torchvision is not installed with Debian's python3-torch, so its code is
// re-implemented below: _make_divisible, Conv2dNormActivation, InvertedResidual, the setting table).
// Checked: the parameter count (torchvision's 3,504,872), the state_dict's shapes in order, and the
// output on one 224 × 224 image with PyTorch's weights (random batch-norm statistics), within 1e-4.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import * as tf from "@tensorflow/tfjs-core";
import { build, ready } from "../src/tfjs.ts";
import { mobilenetV2 } from "../examples/mobilenet-v2.ts";

const TORCHVISION_PARAMS = 3_504_872;

const script = String.raw`
import json, sys, torch
from torch import nn

def _make_divisible(v, divisor, min_value=None):
    if min_value is None:
        min_value = divisor
    new_v = max(min_value, int(v + divisor / 2) // divisor * divisor)
    if new_v < 0.9 * v:
        new_v += divisor
    return new_v

class Conv2dNormActivation(nn.Sequential):
    def __init__(self, inp, oup, kernel_size=3, stride=1, groups=1):
        padding = (kernel_size - 1) // 2
        super().__init__(
            nn.Conv2d(inp, oup, kernel_size, stride, padding, groups=groups, bias=False),
            nn.BatchNorm2d(oup),
            nn.ReLU6(inplace=True),
        )

class InvertedResidual(nn.Module):
    def __init__(self, inp, oup, stride, expand_ratio):
        super().__init__()
        hidden_dim = int(round(inp * expand_ratio))
        self.use_res_connect = stride == 1 and inp == oup
        layers = []
        if expand_ratio != 1:
            layers.append(Conv2dNormActivation(inp, hidden_dim, kernel_size=1))
        layers.extend([
            Conv2dNormActivation(hidden_dim, hidden_dim, stride=stride, groups=hidden_dim),
            nn.Conv2d(hidden_dim, oup, 1, 1, 0, bias=False),
            nn.BatchNorm2d(oup),
        ])
        self.conv = nn.Sequential(*layers)

    def forward(self, x):
        return x + self.conv(x) if self.use_res_connect else self.conv(x)

class MobileNetV2(nn.Module):
    def __init__(self, num_classes=1000, width_mult=1.0, round_nearest=8, dropout=0.2):
        super().__init__()
        input_channel = _make_divisible(32 * width_mult, round_nearest)
        self.last_channel = _make_divisible(1280 * max(1.0, width_mult), round_nearest)
        setting = [[1, 16, 1, 1], [6, 24, 2, 2], [6, 32, 3, 2], [6, 64, 4, 2], [6, 96, 3, 1], [6, 160, 3, 2], [6, 320, 1, 1]]
        features = [Conv2dNormActivation(3, input_channel, stride=2)]
        for t, c, n, s in setting:
            output_channel = _make_divisible(c * width_mult, round_nearest)
            for i in range(n):
                features.append(InvertedResidual(input_channel, output_channel, s if i == 0 else 1, t))
                input_channel = output_channel
        features.append(Conv2dNormActivation(input_channel, self.last_channel, kernel_size=1))
        self.features = nn.Sequential(*features)
        self.classifier = nn.Sequential(nn.Dropout(p=dropout), nn.Linear(self.last_channel, num_classes))

    def forward(self, x):
        x = nn.functional.adaptive_avg_pool2d(self.features(x), (1, 1))
        return self.classifier(torch.flatten(x, 1))

torch.manual_seed(0)
model = MobileNetV2()
with torch.no_grad():
    for m in model.modules():
        if isinstance(m, nn.BatchNorm2d):
            m.running_mean.uniform_(-0.5, 0.5)
            m.running_var.uniform_(0.5, 1.5)
            m.weight.uniform_(0.5, 1.5)
            m.bias.uniform_(-0.2, 0.2)
model.eval()
x = torch.rand(1, 3, 224, 224)
with torch.no_grad():
    y = model(x)
out = sys.argv[1]
state = [(k, v) for k, v in model.state_dict().items() if not k.endswith("num_batches_tracked")]
with open(out + "/weights.bin", "wb") as f:
    for _, v in state:
        f.write(v.float().contiguous().numpy().tobytes())
with open(out + "/input.bin", "wb") as f:
    f.write(x.numpy().tobytes())
with open(out + "/output.bin", "wb") as f:
    f.write(y.numpy().tobytes())
json.dump({
    "params": sum(p.numel() for p in model.parameters()),
    "state": [[k, list(v.shape)] for k, v in state],
}, open(out + "/meta.json", "w"))
`;

let dir = "";
let meta: { params: number; state: [string, number[]][] };
before(async () => {
  await ready();
  dir = mkdtempSync(join(tmpdir(), "mobilenet-v2-"));
  const run = spawnSync("/usr/bin/python3", ["-c", script, dir], { encoding: "utf8" });
  assert.equal(run.status, 0, run.stderr);
  meta = JSON.parse(readFileSync(join(dir, "meta.json"), "utf8"));
});
after(() => rmSync(dir, { recursive: true, force: true }));

const floats = (file: string) => {
  const bytes = readFileSync(join(dir, file));
  return new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
};

test("MobileNetV2: torchvision's 3,504,872 parameters, in PyTorch's re-implementation and in the converted model", () => {
  assert.equal(meta.params, TORCHVISION_PARAMS);
  const model = build(mobilenetV2);
  // PyTorch's parameters: the state_dict without batch norm's buffers.
  const params = Object.entries(model.stateDict())
    .filter(([key]) => !/\.(running_mean|running_var|num_batches_tracked)$/.test(key))
    .reduce((sum, [, value]) => sum + value.size, 0);
  assert.equal(params, TORCHVISION_PARAMS);
  model.dispose();
});

test("MobileNetV2: PyTorch's state_dict, in order, has the converted model's shapes; the same output on its weights", (t) => {
  const model = build(mobilenetV2);
  const ours = Object.entries(model.stateDict()).filter(([key]) => !key.endsWith("num_batches_tracked"));
  assert.deepEqual(
    ours.map(([, value]) => value.shape),
    meta.state.map(([, shape]) => shape),
  );
  // torchvision's keys (features.1.conv.0.0.weight) name its modules; ours are the sequential's indices: by order.
  const weights = floats("weights.bin");
  const state: Record<string, tf.Tensor> = {};
  let offset = 0;
  meta.state.forEach(([, shape], i) => {
    const size = shape.reduce((a, b) => a * b, 1);
    state[ours[i]![0]] = tf.tensor(weights.subarray(offset, offset + size), shape);
    offset += size;
  });
  assert.equal(offset, weights.length);
  model.loadStateDict(state, { strict: false });
  const output = model.predict(tf.tensor(floats("input.bin"), [1, 3, 224, 224]) as never) as tf.Tensor;
  const expected = floats("output.bin");
  assert.deepEqual(output.shape, [1, 1000]);
  const actual = output.dataSync();
  let worst = 0;
  for (let i = 0; i < expected.length; i++) {
    const difference = Math.abs(actual[i]! - expected[i]!);
    worst = Math.max(worst, difference);
    assert.ok(difference <= 1e-4 + 1e-4 * Math.abs(expected[i]!), `logit ${i}: ${actual[i]}, PyTorch's ${expected[i]}`);
  }
  t.diagnostic(`max |Δ| ${worst.toExponential(2)} over 1000 logits`);
  model.dispose();
});
