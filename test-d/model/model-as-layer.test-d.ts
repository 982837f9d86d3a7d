// Models as layers (src/model/model-as-layer.ts): a sequential(...) or a one-input graph(...) used as a
// layer of another model or in .pipe(...): its output on the input it gets.
import { expectType, type TypeEqual } from "ts-expect";
import {
  graph,
  input,
  named,
  nn,
  sequential,
  type OutputShape,
  type Sequential,
  type Shape,
  type Symbolic,
} from "shapecheck";
import { gan, generatorThroughD, netD, netG } from "../../examples/gan.ts";

expectType<TypeEqual<OutputShape<typeof netG>, [number, 3, 32, 32]>>(true);
expectType<TypeEqual<OutputShape<typeof generatorThroughD>, [number, 1]>>(true);
expectType<TypeEqual<OutputShape<typeof gan>, [[number, 1], [number, 1]]>>(true);

// in .pipe(...), after layers, and twice
const images = input([3, 32, 32]);
const scores = images.pipe(nn.relu(), netD);
expectType<TypeEqual<typeof scores, Symbolic<[number, 1]>>>(true);
const twice = sequential(input([16, 1, 1]), netG, netD, nn.linear(1, 1));
expectType<TypeEqual<OutputShape<typeof twice>, [number, 1]>>(true);

// a model whose batch is unknown fits any batch, and its layers run on the input's shape: the batch
// and named dimensions flow through it
const perToken = sequential(input(["seq", 4]), nn.linear(4, 8), nn.relu());
const tokens = input(["seq", 4], { batch: "b" }).pipe(perToken);
expectType<TypeEqual<typeof tokens, Symbolic<["b", "seq", 8]>>>(true);
const batchOf8 = input([3, 32, 32], { batch: 8 }).pipe(netD);
expectType<TypeEqual<typeof batchOf8, Symbolic<[8, 1]>>>(true);

// an unknown size in the model's input: the layers check the size given
const open = sequential(input([null]), nn.linear(4, 2));
const fits = input([4]).pipe(open);
expectType<TypeEqual<typeof fits, Symbolic<[number, 2]>>>(true);

// a graph with one input and one output: its output, its named dimensions the input's
const x = input(["seq", 8]);
const block = named("block", graph({ inputs: [x], outputs: [x.pipe(nn.linear(8, 3))] }));
const throughGraph = input(["seq", 8], { batch: "b" }).pipe(block);
expectType<TypeEqual<typeof throughGraph, Symbolic<[number, "seq", 3]>>>(true);
const afterGraph = input([7, 8]).pipe(block, nn.relu());
expectType<TypeEqual<typeof afterGraph, Symbolic<[number, 7, 3]>>>(true);

// nn.sequential and models together
const nested = sequential(input([3, 32, 32]), nn.sequential(nn.identity(), netD), nn.sigmoid());
expectType<TypeEqual<OutputShape<typeof nested>, [number, 1]>>(true);

// a model inside nn.residual and nn.concat
const convBlock = sequential(input([8, 16, 16]), nn.conv2d(8, 8, 3, 1, 1), nn.relu());
const withResidual = sequential(input([8, 16, 16]), nn.residual(convBlock), nn.concat(1, [convBlock], [nn.identity()]));
expectType<TypeEqual<OutputShape<typeof withResidual>, [number, 16, 16, 16]>>(true);

// a model whose shapes the compiler does not know (typed loosely): checked when the model is built
declare const loose: Sequential<Shape, Shape>;
const afterLoose = input([3]).pipe(loose);
expectType<TypeEqual<typeof afterLoose, Symbolic<Shape>>>(true);
