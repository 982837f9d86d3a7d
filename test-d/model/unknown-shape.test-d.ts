// Layers spread from an array that is not a tuple (a list built in a loop, VGG's make_layers(cfg)):
// the compiler checks the layers before the array and cannot know the shapes from there on, so the
// model's shape is `Shape` (unknown rank) and the model checks those layers when it is built.
// A tuple spread (`as const`) is still checked layer by layer. Issue 13, item 1.
import { expectType, type TypeEqual } from "ts-expect";
import {
  graph,
  input,
  nn,
  sequential,
  type AnyLayer,
  type Layer,
  type Linear,
  type Model,
  type OutputShape,
  type Shape,
  type ShapeTrace,
  type Symbolic,
} from "shapecheck";

const blocks: AnyLayer[] = [];
for (let i = 0; i < 3; i++) blocks.push(nn.conv2d(8, 8, 3, 1, 1), nn.relu());

// The output is unknown, not the input shape.
const looped = sequential(input([3, 32, 32]), nn.conv2d(3, 8, 3, 1, 1), ...blocks, nn.flatten(), nn.linear(8192, 10));
expectType<TypeEqual<OutputShape<typeof looped>, Shape>>(true);
expectType<TypeEqual<ShapeTrace<typeof looped>, [[number, 8, 32, 32], ...Shape[]]>>(true);

// An array first: unknown from the start; `Layer[]` (what a make_layers helper returns) likewise.
const makeLayers = (cfg: readonly (number | "M")[]): Layer[] =>
  cfg.map((c) => (c === "M" ? nn.maxPool2d(2) : nn.relu()));
const vgg = sequential(input([3, 32, 32]), ...makeLayers([64, "M"]), nn.flatten(), nn.linear(512, 10));
expectType<TypeEqual<OutputShape<typeof vgg>, Shape>>(true);
expectType<TypeEqual<ShapeTrace<typeof vgg>, Shape[]>>(true);

// A tuple spread is checked: its output is known.
const tuple = [nn.conv2d(8, 8, 3, 1, 1), nn.relu()] as const;
const checked = sequential(
  input([3, 32, 32]),
  nn.conv2d(3, 8, 3, 1, 1),
  ...tuple,
  ...tuple,
  nn.flatten(),
  nn.linear(8192, 10),
);
expectType<TypeEqual<OutputShape<typeof checked>, [number, 10]>>(true);

// A residual block over an array: its layers are checked when built; the sum has the input's shape, so what follows is checked.
const res = sequential(input([8, 16, 16]), nn.residual(...blocks), nn.flatten(), nn.linear(2048, 10));
expectType<TypeEqual<OutputShape<typeof res>, [number, 10]>>(true);
const projected = sequential(
  input([8, 16, 16]),
  nn.residual({ projection: [nn.conv2d(8, 16, 1)] }, ...blocks),
  nn.flatten(),
);
expectType<TypeEqual<OutputShape<typeof projected>, [number, 4096]>>(true);

// A concat with a branch that is an array: unknown from there.
const joined = sequential(input([8, 16, 16]), nn.concat(1, blocks, [nn.relu()]), nn.flatten(), nn.linear(1, 10));
expectType<TypeEqual<OutputShape<typeof joined>, Shape>>(true);
expectType<TypeEqual<ShapeTrace<typeof joined>, [...Shape[]]>>(true);

// pipe and graph: the same.
const x = input([3, 32, 32]);
const y = x.pipe(nn.conv2d(3, 8, 3, 1, 1), ...blocks, nn.flatten());
expectType<TypeEqual<typeof y, Symbolic<Shape>>>(true);
const g = graph({ inputs: [x], outputs: [y] });
expectType<TypeEqual<OutputShape<typeof g>, Shape>>(true);

// Issue 13, item 6: OutputShape of a graph is its output's shape (a tuple of them for several outputs), not `never`.
const a = input([3, 8, 8]);
const b = a.pipe(nn.flatten(), nn.linear(192, 10));
const one = graph({ inputs: [a], outputs: [b] });
expectType<TypeEqual<OutputShape<typeof one>, [number, 10]>>(true);
const two = graph({ inputs: [a], outputs: [b, a] });
expectType<TypeEqual<OutputShape<typeof two>, [[number, 10], [number, 3, 8, 8]]>>(true);
expectType<
  TypeEqual<
    ShapeTrace<typeof one>,
    "ShapeTrace: a graph has no single chain of layers; OutputShape gives its output shapes"
  >
>(true);

// A symbolic tensor of unknown shape: the layers piped after it are checked when built (no compile error, no shape).
const after = y.pipe(nn.adaptiveAvgPool2d(1), nn.flatten(), nn.linear(10, 3));
expectType<TypeEqual<typeof after, Symbolic<Shape>>>(true);

// A model declared as a type alone over an array of layers: `Shape` too.
expectType<TypeEqual<OutputShape<Model<[192], [Linear<192, 10>, ...AnyLayer[]]>>, Shape>>(true);
expectType<TypeEqual<ShapeTrace<Model<[192], [Linear<192, 10>, ...AnyLayer[]]>>, [[number, 10], ...Shape[]]>>(true);
