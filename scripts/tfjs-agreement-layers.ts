// The `layers` factories added for issue 16 (aliases, shape-keeping layers, 3D pooling, cropping2D, repeatVector) against TensorFlow.js, with the machinery of scripts/tfjs-agreement.ts:
// for each random configuration (seeded), tfjs's own layer applied to zeros (batch 1) — and its computeOutputShape,
// which must give the same shape — the runtime twin, and the type level under TypeScript 5.9 and 7 (generated
// files under .tmp/tfjs-agreement-layers/). Used by test/layers-agreement.test.ts;
//   node --import tsx scripts/tfjs-agreement-layers.ts [cases per family = 200] [seed]
import * as tf from "@tensorflow/tfjs-core";
import * as tfl from "@tensorflow/tfjs-layers";
import { join } from "node:path";
import { defined, dims, root, size, type Generator, type Random } from "./tfjs-agreement.ts";

export const layersOutDir = join(root, ".tmp/tfjs-agreement-layers");

/** tfjs's layer `name` applied to x; its computeOutputShape must agree with the shape it produces. */
export const tfApplied = (name: string, options: object | undefined) => (x: tf.Tensor) => {
  const factory = (tfl.layers as unknown as Record<string, (args?: object) => tfl.layers.Layer>)[name]!;
  const layer = factory(options === undefined ? undefined : structuredClone(options));
  const y = layer.apply(x) as tf.Tensor;
  const computed = layer.computeOutputShape([null, ...x.shape.slice(1)]) as (number | null)[];
  const produced = [null, ...y.shape.slice(1)];
  if (JSON.stringify(computed) !== JSON.stringify(produced))
    throw new Error(`computeOutputShape ${JSON.stringify(computed)} differs from apply's ${JSON.stringify(produced)}`);
  return y;
};

/** A case of a layer that takes one argument object (or none). */
const layerCase = (example: number[], builder: string, options: object | undefined, stricter?: string) => ({
  example,
  vocabulary: "layers" as const,
  builder,
  args: options === undefined ? [] : [options],
  tfjs: tfApplied(builder, options),
  ...(stricter === undefined ? {} : { stricter }),
});

const number = (r: Random) => Math.round((r.next() * 4 - 1) * 100) / 100;

const activations: Generator = (r) => {
  const example = dims(r, r.int(0, 3), 8);
  const builder = r.pick(["reLU", "leakyReLU", "elu", "thresholdedReLU"]);
  const options =
    builder === "reLU"
      ? defined({ maxValue: r.chance(0.5) ? undefined : r.chance(0.1) ? -r.int(1, 3) : r.pick([0, 1, 6, 0.5]) })
      : builder === "elu"
        ? defined({ alpha: r.chance(0.6) ? undefined : r.pick([1, 1, 0.5, 2]) })
        : builder === "leakyReLU"
          ? defined({ alpha: r.chance(0.5) ? undefined : number(r) })
          : defined({ theta: r.chance(0.5) ? undefined : number(r) });
  return layerCase(example, builder, r.chance(0.2) && Object.keys(options).length === 0 ? undefined : options);
};

const axisIn = (r: Random, rank: number) => r.int(-rank - 1, rank);

const prelu: Generator = (r) => {
  const example = dims(r, r.int(0, 3), 6);
  const rank = example.length + 1;
  const sharedAxes = r.chance(0.3)
    ? undefined
    : r.chance(0.4)
      ? axisIn(r, rank)
      : Array.from({ length: r.int(1, Math.max(1, rank - 1)) }, () =>
          r.chance(0.85) ? r.int(1, rank - 1) : axisIn(r, rank),
        );
  const axes = sharedAxes === undefined ? [] : typeof sharedAxes === "number" ? [sharedAxes] : sharedAxes;
  const outside = axes.some((a) => !(a >= 1 && a < rank));
  return layerCase(
    example,
    "prelu",
    defined({ sharedAxes }),
    outside
      ? "prelu sharedAxes outside 1 … rank − 1: tfjs ignores 0 and negatives, and may take a larger one"
      : undefined,
  );
};

const softmax: Generator = (r) => {
  const example = dims(r, r.int(0, 3), 6);
  const rank = example.length + 1;
  const axis = r.chance(0.3)
    ? undefined
    : r.chance(0.6)
      ? r.chance(0.5)
        ? r.pick([-1, rank - 1])
        : axisIn(r, rank)
      : Array.from({ length: r.int(0, 3) }, () => (r.chance(0.85) ? r.int(-rank, rank - 1) : axisIn(r, rank)));
  return layerCase(example, "softmax", defined({ axis }));
};

const dropouts: Generator = (r) => {
  const builder = r.pick(["spatialDropout1d", "gaussianDropout", "alphaDropout", "gaussianNoise"]);
  const example = dims(r, builder === "spatialDropout1d" ? (r.chance(0.8) ? 2 : r.int(0, 3)) : r.int(0, 3), 8);
  if (builder === "gaussianNoise") return layerCase(example, builder, { stddev: Math.abs(number(r)) });
  const outside = r.chance(0.06);
  const rate = outside ? r.pick([1.5, 2, -0.5]) : r.pick([0, 1, Math.round(r.next() * 100) / 100]);
  return layerCase(example, builder, { rate }, outside ? `${builder} rate outside [0, 1]: tfjs takes it` : undefined);
};

const maskingRescaling: Generator = (r) => {
  const example = dims(r, r.int(0, 3), 8);
  return r.chance(0.5)
    ? layerCase(
        example,
        "masking",
        r.chance(0.3) ? undefined : defined({ maskValue: r.chance(0.3) ? undefined : number(r) }),
      )
    : layerCase(example, "rescaling", defined({ scale: number(r), offset: r.chance(0.5) ? undefined : number(r) }));
};

const layerNormalization: Generator = (r) => {
  const example = dims(r, r.chance(0.85) ? r.int(1, 3) : r.pick([0, 4]), 6);
  const rank = example.length + 1;
  const axis = r.chance(0.3)
    ? undefined
    : r.chance(0.5)
      ? r.chance(0.8)
        ? r.int(-rank + 1, rank - 1) || -1
        : axisIn(r, rank)
      : Array.from({ length: r.int(1, 3) }, () =>
          r.chance(0.85) ? r.pick([-1, ...Array.from({ length: rank - 1 }, (_, i) => i + 1)]) : axisIn(r, rank),
        );
  const axes = axis === undefined ? [-1] : typeof axis === "number" ? [axis] : axis;
  const batch = axes.some((a) => a === 0 || a === -rank);
  return layerCase(
    example,
    "layerNormalization",
    defined({ axis }),
    batch ? "layerNormalization over the batch: tfjs sizes gamma and beta from it (unknown in a model)" : undefined,
  );
};

const aliases: Generator = (r) => {
  const builder = r.pick([
    "avgPool1d",
    "avgPooling1d",
    "maxPool1d",
    "avgPool2d",
    "avgPooling2d",
    "maxPool2d",
    "globalMaxPool1d",
    "globalMaxPool2d",
  ]);
  const rank = builder.endsWith("1d") ? 1 : 2;
  const example = dims(r, r.chance(0.05) ? rank : rank + 1, 16);
  // tfjs's global pooling constructors read args.dataFormat: called with no argument they throw (shapecheck's take
  // none and pass {}), so tfjs gets {} here as in scripts/tfjs-agreement.ts.
  const options = builder.startsWith("global")
    ? {}
    : defined({
        poolSize: r.chance(0.3) ? undefined : size(r, 1, 5, rank),
        strides: r.chance(0.5) ? undefined : size(r, 1, 3, rank),
        padding: r.pick([undefined, "valid", "same"]),
      });
  return layerCase(example, builder, options);
};

const pool3d: Generator = (r) => {
  const builder = r.pick(["maxPooling3d", "averagePooling3d", "avgPool3d", "avgPooling3d"]);
  const channelsFirst = r.chance(0.3);
  const spatial = [r.int(1, 10), r.int(1, 10), r.int(1, 10)];
  const channels = r.int(1, 3);
  const example = r.chance(0.04) ? spatial : channelsFirst ? [channels, ...spatial] : [...spatial, channels];
  // tfjs's 3D pooling factories read their argument object: called with none they throw (shapecheck's pass {}).
  const options = defined({
    poolSize: r.chance(0.2) ? undefined : size(r, 1, 4, 3),
    strides: r.chance(0.4) ? undefined : size(r, 1, 3, 3),
    padding: r.pick([undefined, "valid", "same"]),
    dataFormat: channelsFirst ? "channelsFirst" : r.chance(0.1) ? "channelsLast" : undefined,
  });
  return layerCase(example, builder, options);
};

const cropping: Generator = (r) => {
  const channelsFirst = r.chance(0.3);
  const spatial = [r.int(1, 12), r.int(1, 12)];
  const channels = r.int(1, 3);
  const example = r.chance(0.04) ? spatial : channelsFirst ? [channels, ...spatial] : [...spatial, channels];
  const side = () => (r.chance(0.05) ? r.pick([-1, 1.5]) : r.int(0, 5));
  const cropping = r.pick([
    side(),
    [side(), side()],
    [
      [side(), side()],
      [side(), side()],
    ],
  ]);
  const fractional = JSON.stringify(cropping).includes(".");
  return layerCase(
    example,
    "cropping2D",
    defined({ cropping, dataFormat: channelsFirst ? "channelsFirst" : r.chance(0.1) ? "channelsLast" : undefined }),
    fractional ? "cropping2D with a fractional cropping: tfjs slices with it" : undefined,
  );
};

const repeatVector: Generator = (r) => {
  const example = dims(r, r.chance(0.85) ? 1 : r.pick([0, 2]), 12);
  const n = r.chance(0.06) ? r.pick([0, -1, 1.5]) : r.int(1, 6);
  return layerCase(example, "repeatVector", { n });
};

/** The families of the new factories, as scripts/tfjs-agreement.ts draws them. */
export const layersFamilies: Record<string, Generator> = {
  "layers.activations": activations,
  "layers.prelu": prelu,
  "layers.softmax": softmax,
  "layers.dropouts": dropouts,
  "layers.maskingRescaling": maskingRescaling,
  "layers.layerNormalization": layerNormalization,
  "layers.aliases": aliases,
  "layers.pooling3d": pool3d,
  "layers.cropping2D": cropping,
  "layers.repeatVector": repeatVector,
};

if (process.argv[1]?.endsWith("tfjs-agreement-layers.ts")) {
  await import("@tensorflow/tfjs-backend-cpu");
  await tf.setBackend("cpu");
  const { compare, formatReport } = await import("./tfjs-agreement.ts");
  const report = await compare(
    Number(process.argv[2] ?? 200),
    process.argv[3] === undefined ? undefined : Number(process.argv[3]),
    layersFamilies,
    layersOutDir,
  );
  console.log(formatReport(report));
  for (const d of report.disagreements.slice(0, 30)) console.log(JSON.stringify(d));
  for (const d of report.stray.slice(0, 10)) console.log("stray:", JSON.stringify(d));
}
