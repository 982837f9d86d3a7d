// The `layers` convolutions added for issue 16 (conv3d, conv2dTranspose, conv3dTranspose, depthwiseConv2d,
// separableConv2d) against TensorFlow.js, with the machinery of scripts/tfjs-agreement.ts: for each random
// configuration (seeded), tfjs's own layer applied to zeros (batch 1) — its computeOutputShape must give the same
// shape — the runtime twin, and the type level under TypeScript 5.9 and 7 (generated files under
// .tmp/tfjs-agreement-conv/). Used by test/layers-conv.test.ts;
//   node --import tsx scripts/tfjs-agreement-conv.ts [cases per family = 200] [seed]
import * as tf from "@tensorflow/tfjs-core";
import { join } from "node:path";
import { defined, root, size, type Generator, type Random } from "./tfjs-agreement.ts";
import { tfApplied } from "./tfjs-agreement-layers.ts";

export const convOutDir = join(root, ".tmp/tfjs-agreement-conv");

const layerCase = (example: number[], builder: string, options: object, stricter?: string) => ({
  example,
  vocabulary: "layers" as const,
  builder,
  args: [options],
  tfjs: tfApplied(builder, options),
  ...(stricter === undefined ? {} : { stricter }),
});

/** An input of `rank` spatial dimensions (sizes low … high), channels first or last; now and then of the wrong rank. */
function image(r: Random, rank: number, channelsFirst: boolean, high: number): number[] {
  const spatial = Array.from({ length: rank }, () => r.int(1, high));
  const channels = r.int(1, 3);
  if (r.chance(0.04)) return r.chance(0.5) ? spatial : [...spatial, channels, 1];
  return channelsFirst ? [channels, ...spatial] : [...spatial, channels];
}
const aboveOne = (value: unknown) => (Array.isArray(value) ? value : [value]).some((v) => (v as number) > 1);
const padding = (r: Random) => (r.chance(0.03) ? "causal" : r.pick([undefined, "valid", "same"]));
const format = (r: Random, first: boolean) => (first ? "channelsFirst" : r.chance(0.1) ? "channelsLast" : undefined);

const conv3d: Generator = (r) => {
  const first = r.chance(0.3);
  const options = defined({
    filters: r.int(1, 3),
    kernelSize: size(r, 1, 4, 3),
    strides: r.chance(0.4) ? undefined : size(r, 1, 3, 3),
    padding: padding(r),
    dilationRate: r.chance(0.75) ? undefined : size(r, 1, 2, 3),
    dataFormat: format(r, first),
  });
  return layerCase(image(r, 3, first, 8), "conv3d", options);
};

const convTranspose: Generator = (r) => {
  const rank = r.pick([2, 3]);
  const first = r.chance(0.3);
  const dilationRate = r.chance(0.9) ? undefined : size(r, 1, 2, rank);
  const options = defined({
    filters: r.int(1, 3),
    kernelSize: size(r, 1, 5, rank),
    strides: r.chance(0.3) ? undefined : size(r, 1, 3, rank),
    padding: padding(r),
    dilationRate,
    dataFormat: format(r, first),
  });
  const builder = rank === 2 ? "conv2dTranspose" : "conv3dTranspose";
  return layerCase(
    image(r, rank, first, rank === 2 ? 12 : 6),
    builder,
    options,
    aboveOne(dilationRate) ? `${builder} with a dilationRate above 1: tfjs ignores it` : undefined,
  );
};

const depthwise: Generator = (r) => {
  const first = r.chance(0.3);
  const dilationRate = r.chance(0.9) ? undefined : size(r, 1, 2, 2);
  const options = defined({
    kernelSize: size(r, 1, 5, 2),
    depthMultiplier: r.chance(0.5) ? undefined : r.int(1, 3),
    strides: r.chance(0.4) ? undefined : size(r, 1, 3, 2),
    padding: padding(r),
    dilationRate,
    dataFormat: format(r, first),
  });
  return layerCase(
    image(r, 2, first, 12),
    "depthwiseConv2d",
    options,
    aboveOne(dilationRate)
      ? "depthwiseConv2d with a dilationRate above 1: tfjs ignores it"
      : options["padding"] === "causal"
        ? "depthwiseConv2d with padding 'causal': tfjs computes 'valid'"
        : undefined,
  );
};

const separable: Generator = (r) => {
  const first = r.chance(0.3);
  const options = defined({
    filters: r.int(1, 3),
    kernelSize: size(r, 1, 5, 2),
    depthMultiplier: r.chance(0.5) ? undefined : r.int(1, 3),
    strides: r.chance(0.4) ? undefined : size(r, 1, 3, 2),
    padding: padding(r),
    dilationRate: r.chance(0.75) ? undefined : size(r, 1, 3, 2),
    dataFormat: format(r, first),
  });
  return layerCase(
    image(r, 2, first, 12),
    "separableConv2d",
    options,
    first
      ? "separableConv2d with channels first: tfjs-layers 4.22's layer breaks on it (wrong shapes or bias)"
      : undefined,
  );
};

/** The families of the new convolution factories, as scripts/tfjs-agreement.ts draws them. */
export const convFamilies: Record<string, Generator> = {
  "layers.conv3d": conv3d,
  "layers.convTranspose": convTranspose,
  "layers.depthwiseConv2d": depthwise,
  "layers.separableConv2d": separable,
};

if (process.argv[1]?.endsWith("tfjs-agreement-conv.ts")) {
  await import("@tensorflow/tfjs-backend-cpu");
  await tf.setBackend("cpu");
  const { compare, formatReport } = await import("./tfjs-agreement.ts");
  const report = await compare(
    Number(process.argv[2] ?? 200),
    process.argv[3] === undefined ? undefined : Number(process.argv[3]),
    convFamilies,
    convOutDir,
  );
  console.log(formatReport(report));
  for (const d of report.disagreements.slice(0, 30)) console.log(JSON.stringify(d));
  for (const d of report.stray.slice(0, 10)) console.log("stray:", JSON.stringify(d));
}
