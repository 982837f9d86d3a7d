// fit's progress: a bar per epoch in a terminal (epoch, batch, running loss and metrics, time left),
// as Keras and tfjs-node show; one line per epoch with verbose 2; nothing with verbose 0 or, for
// verbose 1, when stdout is not a terminal.
import * as tf from "@tensorflow/tfjs-core";
import * as tfl from "@tensorflow/tfjs-layers";
import { platform } from "#platform";
import type { ProgressBar, ProgressStream } from "./platform/platform.ts";

/** 0: quiet; 1: a progress bar when stdout is a terminal (default); 2: one line per epoch. */
export type Verbosity = 0 | 1 | 2;

type Logs = Record<string, number | tf.Tensor>;

const value = (v: number | tf.Tensor | undefined): number | undefined =>
  v === undefined ? undefined : typeof v === "number" ? v : (v.dataSync()[0] as number);

const seconds = (ms: number): string => {
  const s = Math.round(ms / 1000);
  return s < 60 ? `${s}s` : `${Math.floor(s / 60)}m${String(s % 60).padStart(2, "0")}s`;
};

/** `loss 0.1234 · accuracy 0.9612` from logs, with the user's metric names. */
export function formatLogs(logs: Record<string, number>, names: (key: string) => string): string {
  const training = Object.entries(logs).filter(([key]) => !key.startsWith("val_"));
  const validation = Object.entries(logs).filter(([key]) => key.startsWith("val_"));
  return [...training, ...validation]
    .filter(([key]) => key !== "batch" && key !== "size")
    .map(([key, v]) => `${names(key)} ${v.toFixed(4)}`)
    .join(" · ");
}

export interface ProgressOptions {
  verbose: Verbosity;
  /** Renames tfjs's log keys (`acc` → `accuracy`, `val_acc` → `val_accuracy`). */
  names: (key: string) => string;
  /** Default: stdout in Node, the console in a browser. */
  stream?: ProgressStream;
  /** Redraws per second at most (default 8). */
  fps?: number;
}

/** The progress callback for fit, or null when nothing is to be shown. */
export function progressCallback(options: ProgressOptions): tfl.Callback | null {
  const stream = options.stream ?? platform.stdout();
  if (options.verbose === 0 || (options.verbose === 1 && !stream.isTTY)) return null;
  return new Progress(options.verbose, options.names, stream, options.fps ?? 8);
}

class Progress extends tfl.Callback {
  private bar: ProgressBar | null = null;
  private epochStart = 0;
  private seen = 0;
  private sums: Record<string, number> = {};

  constructor(
    private readonly verbose: 1 | 2,
    private readonly names: (key: string) => string,
    private readonly stream: ProgressStream,
    private readonly fps: number,
  ) {
    super();
  }

  private get epochs(): number {
    return this.params.epochs as number;
  }

  /** Batches per epoch: tfjs gives the number of samples (after validationSplit) and the batch size. */
  private get steps(): number {
    const samples = this.params.samples as number | undefined;
    const batchSize = (this.params.batchSize as number | undefined) ?? 32;
    return samples ? Math.ceil(samples / batchSize) : ((this.params.steps as number | undefined) ?? 0);
  }

  override async onEpochBegin(epoch: number): Promise<void> {
    this.epochStart = Date.now();
    this.seen = 0;
    this.sums = {};
    if (this.verbose !== 1) return;
    const width = String(this.epochs).length;
    this.bar = platform.progressBar(this.stream, {
      format: `Epoch ${String(epoch + 1).padStart(width)}/${this.epochs} {bar} {value}/{total} | {metrics} | {time}`,
      fps: this.fps,
    });
    this.bar.start(this.steps, 0, { metrics: "", time: "" });
  }

  override async onBatchEnd(batch: number, logs?: Logs): Promise<void> {
    if (!logs) return;
    const size = value(logs.size) ?? 1;
    this.seen += size;
    for (const [key, v] of Object.entries(logs)) {
      if (key === "batch" || key === "size") continue;
      this.sums[key] = (this.sums[key] ?? 0) + (value(v) ?? 0) * size;
    }
    if (!this.bar) return;
    const running = Object.fromEntries(Object.entries(this.sums).map(([key, sum]) => [key, sum / this.seen]));
    const elapsed = Date.now() - this.epochStart;
    const left = (elapsed / (batch + 1)) * (this.steps - batch - 1);
    this.bar.update(batch + 1, { metrics: formatLogs(running, this.names), time: `${seconds(left)} left` });
  }

  override async onEpochEnd(epoch: number, logs?: Logs): Promise<void> {
    const resolved = Object.fromEntries(Object.entries(logs ?? {}).map(([key, v]) => [key, value(v) ?? 0]));
    const time = seconds(Date.now() - this.epochStart);
    if (this.bar) {
      this.bar.update(this.steps, { metrics: formatLogs(resolved, this.names), time });
      this.bar.stop();
      this.bar = null;
    } else {
      this.stream.write(`Epoch ${epoch + 1}/${this.epochs} - ${time} - ${formatLogs(resolved, this.names)}\n`);
    }
  }

  override async onTrainEnd(): Promise<void> {
    this.bar?.stop();
    this.bar = null;
  }
}
