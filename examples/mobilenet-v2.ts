// MobileNetV2 (torchvision.models.mobilenet_v2) on 224 × 224 images, written with torchvision's helpers:
// _make_divisible (channel counts rounded to multiples of 8), Conv2dNormActivation (conv, batch norm, relu6),
// InvertedResidual (1×1 expand, 3×3 depthwise with groups = hidden, 1×1 linear projection; added to its input
// when the stride is 1 and the channels stay) and the inverted residual setting table [t, c, n, s]: a stage is
// one InvertedResidual(input, c, s, t), then n − 1 that keep the shape (`nn.repeat`, checked once).
// 1280 features before the classifier; 3,504,872 parameters, as torchvision's.
import { input, nn, sequential, ShapeError, type Mul, type Sub } from "shapecheck";

/** torchvision's _make_divisible: `v` rounded to the nearest multiple of `divisor`, never 10% below `v`. */
export function makeDivisible(v: number, divisor = 8, minValue = divisor): number {
  const rounded = Math.max(minValue, Math.floor((v + divisor / 2) / divisor) * divisor);
  return rounded < 0.9 * v ? rounded + divisor : rounded;
}

/**
 * A channel count with width_mult 1.0: `_make_divisible(c, 8)`, which is `c` for every count of the table (all
 * multiples of 8), so the type keeps the literal; a count it would change is refused rather than mistyped.
 */
export function divisible<C extends number>(c: C): C {
  if (makeDivisible(c) !== c) throw new ShapeError(`_make_divisible(${c}, 8) is ${makeDivisible(c)}, not ${c}`);
  return c;
}

/** Conv2dNormActivation's padding, (k − 1) / 2: the kernels of MobileNetV2 are 1 and 3. */
type PaddingOf<K extends number> = K extends 3 ? 1 : K extends 1 ? 0 : number;

/**
 * Conv2dNormActivation(inp, oup, kernel, stride, groups) with relu6: conv (padding (k − 1) / 2, no bias), batch norm,
 * relu6. The conv's options hold generic sizes (`stride`, `groups`, and the padding typed `PaddingOf<K>`): their
 * checks wait until the helper is called with literals, where the layer is `Conv2d<32, 32, 3, 1, 1, 1, 32>` and a
 * sequential checks its input against it as for one written out.
 */
export const convBNReLU = <
  I extends number,
  O extends number,
  K extends number,
  S extends number,
  G extends number = 1,
>(
  inPlanes: I,
  outPlanes: O,
  kernelSize: K,
  stride: S,
  groups?: G,
) =>
  [
    nn.conv2d(inPlanes, outPlanes, kernelSize, {
      stride,
      padding: ((kernelSize - 1) / 2) as PaddingOf<K>,
      groups: (groups ?? 1) as G,
      bias: false,
    }),
    nn.batchNorm2d(outPlanes),
    nn.relu6(),
  ] as const;

/** InvertedResidual's last three layers: 3×3 depthwise (groups = hidden) with relu6, 1×1 projection and its batch norm (linear). */
export const depthwiseAndProject = <H extends number, O extends number, S extends number>(
  hidden: H,
  oup: O,
  stride: S,
) =>
  [
    ...convBNReLU(hidden, hidden, 3, stride, hidden),
    nn.conv2d(hidden, oup, 1, { bias: false }),
    nn.batchNorm2d(oup),
  ] as const;

/** The hidden width of an InvertedResidual, inp × t (`& number`: the compiler cannot tell Mul of two sizes is a number). */
type Hidden<I extends number, T extends number> = Mul<I, T> & number;

/** InvertedResidual's layers (hidden = inp × t): a 1×1 expansion with relu6 (none when t = 1), then depthwise and projection. */
type InvertedResidualLayers<I extends number, O extends number, S extends number, T extends number> = T extends 1
  ? ReturnType<typeof depthwiseAndProject<I, O, S>>
  : readonly [
      ...ReturnType<typeof convBNReLU<I, Hidden<I, T>, 1, 1>>,
      ...ReturnType<typeof depthwiseAndProject<Hidden<I, T>, O, S>>,
    ];

/**
 * InvertedResidual(inp, oup, stride, expand_ratio) without its shortcut: the first block of a stage, which changes
 * the shape (torchvision adds the input only when stride is 1 and inp == oup: see `invertedResidual`).
 */
export const invertedResidualLayers = <I extends number, O extends number, S extends number, T extends number>(
  inp: I,
  oup: O,
  stride: S,
  expandRatio: T,
): InvertedResidualLayers<I, O, S, T> => {
  const hidden = (inp * expandRatio) as Hidden<I, T>;
  const expand = expandRatio === 1 ? [] : convBNReLU(inp, hidden, 1, 1);
  return [...expand, ...depthwiseAndProject(hidden, oup, stride)] as unknown as InvertedResidualLayers<I, O, S, T>;
};

/** InvertedResidual(c, c, 1, t): stride 1 and inp == oup, so x + block(x) (use_res_connect). */
export const invertedResidual = <C extends number, T extends number>(channels: C, expandRatio: T) =>
  nn.residual(...invertedResidualLayers(channels, channels, 1, expandRatio));

/** n − 1 blocks after a stage's first. */
type Rest<N extends number> = Sub<N, 1> & number;

/** A stage's layers: see `stage`. */
type Stage<I extends number, T extends number, C extends number, N extends number, S extends number> = N extends 1
  ? InvertedResidualLayers<I, C, S, T>
  : readonly [
      ...InvertedResidualLayers<I, C, S, T>,
      ReturnType<typeof nn.repeat<Rest<N>, readonly [ReturnType<typeof invertedResidual<C, T>>]>>,
    ];
/**
 * One row [t, c, n, s] of the setting, after `inp` channels: InvertedResidual(inp, c, s, t), then n − 1
 * InvertedResidual(c, c, 1, t) with their shortcut. (The first block of every row of this table changes the
 * shape, so it has none; a table whose first block keeps it would need `invertedResidual` there.)
 */
export const stage = <I extends number, T extends number, C extends number, N extends number, S extends number>(
  inp: I,
  expandRatio: T,
  channels: C,
  n: N,
  stride: S,
): Stage<I, T, C, N, S> => {
  const first = invertedResidualLayers(inp, divisible(channels), stride, expandRatio);
  const rest = n === 1 ? [] : [nn.repeat(n - 1, invertedResidual(channels, expandRatio))];
  return [...first, ...rest] as unknown as Stage<I, T, C, N, S>;
};

/** torchvision's inverted_residual_setting: t (expansion), c (output channels), n (blocks), s (first block's stride). */
export const invertedResidualSetting = [
  [1, 16, 1, 1],
  [6, 24, 2, 2],
  [6, 32, 3, 2],
  [6, 64, 4, 2],
  [6, 96, 3, 1],
  [6, 160, 3, 2],
  [6, 320, 1, 1],
] as const;
const [r1, r2, r3, r4, r5, r6, r7] = invertedResidualSetting;

export const mobilenetV2 = sequential(
  input([3, 224, 224]),
  ...convBNReLU(3, divisible(32), 3, 2), // 32 channels, 112 × 112
  ...stage(32, ...r1), // 16 channels, 112 × 112
  ...stage(16, ...r2), // 24 channels, 56 × 56
  ...stage(24, ...r3), // 32 channels, 28 × 28
  ...stage(32, ...r4), // 64 channels, 14 × 14
  ...stage(64, ...r5), // 96 channels, 14 × 14
  ...stage(96, ...r6), // 160 channels, 7 × 7
  ...stage(160, ...r7), // 320 channels, 7 × 7
  ...convBNReLU(320, divisible(1280), 1, 1), // last_channel: 1280
  nn.adaptiveAvgPool2d(1),
  nn.flatten(),
  nn.dropout(0.2),
  nn.linear(1280, 1000),
);
