#!/usr/bin/env python3
"""Runs modules that toPyTorch wrote (test/export-pytorch.test.ts). For each case directory:
  model.py               the emitted module (MODEL, load_safetensors, save_safetensors)
  weights.safetensors    shapecheck's weights (saveSafetensors)
  input.safetensors      x (one input) or x0, x1, ... (a graph's inputs)
writes
  output.safetensors          y0, y1, ...: the module's outputs in eval mode with shapecheck's weights
  trained.safetensors         the state_dict after a few SGD steps in PyTorch (train mode: dropout,
                              batch statistics), saved with the module's own save_safetensors
  trained_output.safetensors  y0, ...: the trained module's outputs in eval mode
Usage: python3 run_exported.py <case dir>...
"""
import importlib.util
import os
import sys
import traceback

import torch

torch.manual_seed(0)


def outputs_of(module, inputs):
    with torch.no_grad():
        y = module(*inputs)
    return list(y) if isinstance(y, (tuple, list)) else [y]


def run(case):
    spec = importlib.util.spec_from_file_location(f"exported_{os.path.basename(case)}", os.path.join(case, "model.py"))
    source = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(source)
    module = source.MODEL()
    module.load_state_dict(source.load_safetensors(os.path.join(case, "weights.safetensors")))  # strict: every key, every shape
    given = source.load_safetensors(os.path.join(case, "input.safetensors"))
    inputs = [given["x"]] if "x" in given else [given[f"x{i}"] for i in range(len(given))]
    module.eval()
    source.save_safetensors({f"y{i}": y for i, y in enumerate(outputs_of(module, inputs))}, os.path.join(case, "output.safetensors"))

    module.train()
    parameters = list(module.parameters())
    optimizer = torch.optim.SGD(parameters, lr=0.05) if parameters else None
    for _ in range(3 if parameters else 0):
        optimizer.zero_grad()
        y = module(*inputs)
        loss = sum(out.float().pow(2).mean() for out in (y if isinstance(y, (tuple, list)) else [y]))
        loss.backward()
        optimizer.step()
    module.eval()
    source.save_safetensors(module.state_dict(), os.path.join(case, "trained.safetensors"))
    source.save_safetensors({f"y{i}": y for i, y in enumerate(outputs_of(module, inputs))}, os.path.join(case, "trained_output.safetensors"))


for case in sys.argv[1:]:
    try:
        run(case)
    except Exception:  # one case's failure is that case's (error.txt), the others still run
        with open(os.path.join(case, "error.txt"), "w") as file:
            file.write(traceback.format_exc())
