// train.py: trains an emitted module with DistributedDataParallel under torchrun, one process per
// CPU share or GPU (gloo on CPU, nccl on GPUs), the data sharded with DistributedSampler, and writes
// the weights as safetensors, which loadSafetensors brings back into the TypeScript model.
import type { LayerLike, ModelLike, TensorLike } from "../model-parts.ts";

/** Options of trainScript. */
export interface TrainScriptOptions {
  /** The Python module (file name without `.py`) that toPyTorch wrote, next to train.py. */
  readonly module: string;
}

/** The last layer or op before the output: logSoftmax means NLLLoss, anything else CrossEntropyLoss (logits). */
const lossOf = (model: ModelLike): "nll" | "cross_entropy" => {
  if (model.kind === "sequential") return model.layers.at(-1)?.kind === "logSoftmax" ? "nll" : "cross_entropy";
  const node = model.outputs[0]!.node as { op: string; fn?: string; layers?: readonly LayerLike[] };
  const last = node.op === "layers" ? node.layers!.at(-1)?.kind : node.fn;
  return last === "logSoftmax" ? "nll" : "cross_entropy";
};

/** The inputs' names in data.safetensors: `x`, or `x0`, `x1`, … for a graph's several (as its forward's arguments). */
const inputsOf = (model: ModelLike): string[] =>
  model.kind === "graph" && model.inputs.length > 1 ? model.inputs.map((_: TensorLike, i) => `x${i}`) : ["x"];

/**
 * The Python source of train.py for a model whose module `toPyTorch` wrote as `<module>.py`: a sequential, or a
 * graph with one output (its inputs `x0`, `x1`, … in the data file when it has several).
 * Run it with `torchrun --standalone --nproc-per-node 2 train.py --data data.safetensors`
 * (several machines: `--nnodes 4 --node-rank i --rdzv-backend c10d --rdzv-endpoint host:29400`).
 *
 * @example
 * const script = trainScript(net, { module: "mnist" });
 */
export function trainScript(net: unknown, options: TrainScriptOptions): string {
  const model = net as ModelLike;
  if (model.kind !== "sequential" && !(model.kind === "graph" && model.outputs.length === 1))
    throw new Error(
      "trainScript: give a sequential(...) model or a graph(...) with one output (a graph's several outputs need a training loop of your own)",
    );
  return template
    .replaceAll("{{module}}", options.module)
    .replaceAll("{{loss}}", lossOf(model))
    .replaceAll("{{inputs}}", JSON.stringify(inputsOf(model)));
}

const template = `# Written by shapecheck (trainScript): trains {{module}}.MODEL with DistributedDataParallel.
#
#   one machine, 2 processes:  torchrun --standalone --nproc-per-node 2 train.py --data data.safetensors
#     (if the host name does not resolve: GLOO_SOCKET_IFNAME=lo torchrun --nnodes 1 --master_addr 127.0.0.1 \\
#      --master_port 29517 --nproc-per-node 2 train.py --data data.safetensors)
#   many machines (on each):   torchrun --nnodes 4 --node-rank $RANK --nproc-per-node 8 \\
#                                --rdzv-backend c10d --rdzv-endpoint $HOST:29400 train.py --data data.safetensors
#
# data.safetensors holds the inputs {{inputs}} (float32) and "y" (class indices, int64). The weights are written
# as safetensors (--out), under the names shapecheck's loadSafetensors expects.
import argparse
import json
import os

import torch
import torch.distributed as dist
from torch.nn.parallel import DistributedDataParallel
from torch.utils.data import DataLoader, TensorDataset
from torch.utils.data.distributed import DistributedSampler

from {{module}} import MODEL, load_safetensors, save_safetensors

INPUTS = {{inputs}}  # the model's inputs in the data file, in its forward's order


def main():
    parser = argparse.ArgumentParser(description="Train {{module}}.MODEL with DistributedDataParallel (run it with torchrun)")
    parser.add_argument("--data", required=True, help="safetensors file with the inputs (INPUTS) and y (class indices)")
    parser.add_argument("--epochs", type=int, default=1)
    parser.add_argument("--batch-size", type=int, default=32, help="per process")
    parser.add_argument("--lr", type=float, default=1e-3, help="Adam's learning rate")
    parser.add_argument("--loss", choices=["nll", "cross_entropy"], default="{{loss}}")
    parser.add_argument("--init", help="safetensors weights to start from (e.g. saveSafetensors of a shapecheck model)")
    parser.add_argument("--out", default="weights.safetensors")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()

    # torchrun sets RANK, WORLD_SIZE, LOCAL_RANK, MASTER_ADDR and MASTER_PORT.
    gpu = torch.cuda.is_available()
    dist.init_process_group("nccl" if gpu else "gloo")
    rank, world = dist.get_rank(), dist.get_world_size()
    device = torch.device(f"cuda:{int(os.environ.get('LOCAL_RANK', 0))}") if gpu else torch.device("cpu")
    if gpu:
        torch.cuda.set_device(device)
    torch.manual_seed(args.seed)  # the same initial weights everywhere (DDP also broadcasts rank 0's)

    data = load_safetensors(args.data)
    dataset = TensorDataset(*[data[name].float() for name in INPUTS], data["y"].long())
    sampler = DistributedSampler(dataset, num_replicas=world, rank=rank, shuffle=True, seed=args.seed)
    loader = DataLoader(dataset, batch_size=args.batch_size, sampler=sampler)

    module = MODEL()
    if args.init:
        module.load_state_dict(load_safetensors(args.init))
    model = DistributedDataParallel(module.to(device), device_ids=[device.index] if gpu else None)
    optimizer = torch.optim.Adam(model.parameters(), lr=args.lr)
    loss_fn = torch.nn.NLLLoss() if args.loss == "nll" else torch.nn.CrossEntropyLoss()

    def mean_loss():
        """The loss on this process's shard, averaged over every process (eval mode)."""
        model.eval()
        total = torch.zeros(2, device=device)
        with torch.no_grad():
            for *xs, y in loader:
                xs, y = [x.to(device) for x in xs], y.to(device)
                total += torch.stack([loss_fn(model(*xs), y) * len(y), torch.tensor(float(len(y)), device=device)])
        dist.all_reduce(total)
        model.train()
        return (total[0] / total[1]).item()

    before = mean_loss()
    for epoch in range(args.epochs):
        sampler.set_epoch(epoch)  # a new shuffle, split among the processes, every epoch
        seen = torch.zeros(2, device=device)
        for *xs, y in loader:
            xs, y = [x.to(device) for x in xs], y.to(device)
            optimizer.zero_grad()
            loss = loss_fn(model(*xs), y)
            loss.backward()  # DDP averages the gradients across processes here
            optimizer.step()
            seen += torch.stack([loss.detach() * len(y), torch.tensor(float(len(y)), device=device)])
        dist.all_reduce(seen)
        if rank == 0:
            print(json.dumps({"epoch": epoch + 1, "training_loss": (seen[0] / seen[1]).item()}), flush=True)
    after = mean_loss()
    if rank == 0:
        save_safetensors(module.state_dict(), args.out)
        print(json.dumps({"processes": world, "backend": dist.get_backend(), "loss_before": before, "loss_after": after, "out": args.out}), flush=True)
    dist.barrier()  # every process here before any tears down (gloo can hang otherwise: pytorch/pytorch#75097)
    dist.destroy_process_group()


if __name__ == "__main__":
    main()
`;
