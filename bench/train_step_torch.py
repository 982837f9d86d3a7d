"""PyTorch twin of bench/train-step.ts: the SPEC MNIST network, batch 64.

Prints one JSON line: the wall-clock and CPU ms of each training step (Adam,
NLL loss on log-softmax) and of each prediction (eval mode, no grad), after warm-up.
Usage: python3 bench/train_step_torch.py [--steps 20] [--warmup 5] [--batch 64] [--threads N]
"""
import argparse
import json
import time

import torch
import torch.nn as nn
import torch.nn.functional as F


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 32, 3, 1)
        self.conv2 = nn.Conv2d(32, 64, 3, 1)
        self.dropout1 = nn.Dropout(0.25)
        self.dropout2 = nn.Dropout(0.5)
        self.fc1 = nn.Linear(9216, 128)
        self.fc2 = nn.Linear(128, 10)

    def forward(self, x):
        x = F.relu(self.conv1(x))
        x = F.relu(self.conv2(x))
        x = F.max_pool2d(x, 2)
        x = self.dropout1(x)
        x = torch.flatten(x, 1)
        x = F.relu(self.fc1(x))
        x = self.dropout2(x)
        return F.log_softmax(self.fc2(x), dim=1)


def times_ms(fn, steps, warmup):
    """Wall-clock and CPU (all threads of the process) ms of each call after warm-up."""
    for _ in range(warmup):
        fn()
    wall, cpu = [], []
    for _ in range(steps):
        t, c = time.perf_counter(), time.process_time()
        fn()
        cpu.append((time.process_time() - c) * 1000)
        wall.append((time.perf_counter() - t) * 1000)
    return wall, cpu


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--steps", type=int, default=20)
    parser.add_argument("--warmup", type=int, default=5)
    parser.add_argument("--batch", type=int, default=64)
    parser.add_argument("--threads", type=int, default=0, help="0: PyTorch's default")
    args = parser.parse_args()
    if args.threads > 0:
        torch.set_num_threads(args.threads)
    torch.manual_seed(0)
    model = Net()
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    x = torch.randn(args.batch, 1, 28, 28)
    y = torch.randint(0, 10, (args.batch,))

    def train_step():
        model.train()
        optimizer.zero_grad()
        loss = F.nll_loss(model(x), y)
        loss.backward()
        optimizer.step()
        loss.item()

    def predict():
        model.eval()
        with torch.no_grad():
            model(x).numpy()

    train, train_cpu = times_ms(train_step, args.steps, args.warmup)
    pred, pred_cpu = times_ms(predict, args.steps, args.warmup)
    print(json.dumps({
        "torch": torch.__version__,
        "threads": torch.get_num_threads(),
        "train_ms": train,
        "predict_ms": pred,
        "train_cpu_ms": train_cpu,
        "predict_cpu_ms": pred_cpu,
    }))


if __name__ == "__main__":
    main()
