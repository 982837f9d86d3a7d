// VGG as torchvision builds it: `make_layers(cfg, batch_norm)` turns a configuration, a list of
// channel counts and "M" (max pooling), into the feature layers. Here `vggFeatures(cfg, options)`
// does the same with a const tuple, and its return type is computed from the tuple by the compiler,
// so the model built from it is checked layer by layer: VGG-16's flatten is 512 × 7 × 7 = 25088.
import {
  input,
  nn,
  sequential,
  type AnyLayer,
  type BatchNorm2d,
  type Conv2d,
  type MaxPool2d,
  type ReLU,
} from "shapecheck";

/** torchvision's configurations: "A" VGG-11, "B" VGG-13, "D" VGG-16, "E" VGG-19. */
export const cfgs = {
  A: [64, "M", 128, "M", 256, 256, "M", 512, 512, "M", 512, 512, "M"],
  B: [64, 64, "M", 128, 128, "M", 256, 256, "M", 512, 512, "M", 512, 512, "M"],
  D: [64, 64, "M", 128, 128, "M", 256, 256, 256, "M", 512, 512, 512, "M", 512, 512, 512, "M"],
  E: [64, 64, "M", 128, 128, "M", 256, 256, 256, 256, "M", 512, 512, 512, 512, "M", 512, 512, 512, 512, "M"],
} as const;

/** One entry of a configuration: a channel count (a 3×3 convolution, padding 1, then relu) or "M" (2×2 max pooling). */
export type VggEntry = number | "M";

/**
 * The layers of a configuration, as types: `[64, "M"]` on 3 channels → `[Conv2d<3, 64, 3, 1, 1>, ReLU, MaxPool2d<2, 2>]`
 * (with a BatchNorm2d after each convolution when `BatchNorm` is true).
 */
export type VggLayers<
  Cfg extends readonly VggEntry[],
  In extends number,
  BatchNorm extends boolean,
  Layers extends readonly AnyLayer[] = [],
> = Cfg extends readonly [infer Entry, ...infer Rest extends readonly VggEntry[]]
  ? Entry extends "M"
    ? VggLayers<Rest, In, BatchNorm, [...Layers, MaxPool2d<2, 2>]>
    : Entry extends number
      ? VggLayers<
          Rest,
          Entry,
          BatchNorm,
          BatchNorm extends true
            ? [...Layers, Conv2d<In, Entry, 3, 1, 1>, BatchNorm2d<Entry>, ReLU]
            : [...Layers, Conv2d<In, Entry, 3, 1, 1>, ReLU]
        >
      : Layers
  : Layers;

/**
 * torchvision's `make_layers(cfg, batch_norm)`: the feature layers of a VGG configuration given as a
 * const tuple, on `inChannels` input channels (default 3). Spread the result into `sequential`.
 */
export function vggFeatures<
  const Cfg extends readonly VggEntry[],
  In extends number = 3,
  BatchNorm extends boolean = false,
>(cfg: Cfg, options?: { readonly batchNorm?: BatchNorm; readonly inChannels?: In }): VggLayers<Cfg, In, BatchNorm> {
  const layers: AnyLayer[] = [];
  let channels: number = options?.inChannels ?? 3;
  for (const entry of cfg) {
    if (entry === "M") {
      layers.push(nn.maxPool2d(2, 2));
    } else {
      layers.push(nn.conv2d(channels, entry, 3, 1, 1));
      if (options?.batchNorm) layers.push(nn.batchNorm2d(entry));
      layers.push(nn.relu());
      channels = entry;
    }
  }
  return layers as unknown as VggLayers<Cfg, In, BatchNorm>;
}

/** torchvision's VGG classifier after the features: adaptive pooling to 7 × 7, then three linear layers. */
export const vggClassifier = <Classes extends number>(classes: Classes) =>
  [
    nn.adaptiveAvgPool2d(7),
    nn.flatten(),
    nn.linear(25088, 4096),
    nn.relu(),
    nn.dropout(0.5),
    nn.linear(4096, 4096),
    nn.relu(),
    nn.dropout(0.5),
    nn.linear(4096, classes),
  ] as const;

export const vgg16 = sequential(input([3, 224, 224]), ...vggFeatures(cfgs.D), ...vggClassifier(1000));
export const vgg11Bn = sequential(
  input([3, 224, 224]),
  ...vggFeatures(cfgs.A, { batchNorm: true }),
  ...vggClassifier(1000),
);
