// Models as layers: an input that does not fit the model's is one error, on the model's argument.
import { graph, input, named, nn, sequential } from "shapecheck";

const netD = named("netD", sequential(input([3, 32, 32]), nn.conv2d(3, 8, 4, 2, 1), nn.flatten(), nn.linear(2048, 1)));

// prettier-ignore
export const afterWrongSize = sequential(input([3, 28, 28]), nn.relu(), netD); // error: "netD (sequential): expects input [number, 3, 32, 32] (input [number, 3, 28, 28])"

const unnamed = sequential(input([4]), nn.linear(4, 2));
export const wrongRank = input([2, 4]).pipe(unnamed); // error: "sequential(1 layers): expects input [number, 4] (input [number, 2, 4])"

const open = sequential(input([null]), nn.linear(4, 2));
// prettier-ignore
export const unknownSizeChecked = input([5]).pipe(open); // error: "sequential(1 layers), layer 0: linear(4, 2): inFeatures must equal the last input dimension 5 (input [number, 5])"

const x = input([8]);
const block = named("block", graph({ inputs: [x], outputs: [x.pipe(nn.linear(8, 3))] }));
export const graphWrongSize = input([7]).pipe(block); // error: "block (graph): expects input [number, 8] (input [number, 7])"

const a = input([8]);
const b = input([8]);
const twoInputs = graph({ inputs: [a, b], outputs: [a] });
// prettier-ignore
export const graphOfTwoInputs = input([8]).pipe(twoInputs); // error: "graph: a model used as a layer has one input and one output (this one has 2 and 1) (input [number, 8])"

// prettier-ignore
export const insideNested = sequential(input([4]), nn.sequential(nn.linear(4, 3), netD)); // error: "sequential(2 layers), layer 1: netD (sequential): expects input [number, 3, 32, 32] (input [number, 3])"

export const usedAfterItself = sequential(input([3, 32, 32], { batch: "b" }), netD, netD); // error: "netD (sequential): expects input [number, 3, 32, 32] (input [b, 1])"

const convBlock = sequential(input([8, 16, 16]), nn.conv2d(8, 8, 3, 1, 1));
// prettier-ignore
export const residualOfWrongInput = sequential(input([4, 16, 16]), nn.residual(convBlock)); // error: "residual(1 layers), layer 0: sequential(1 layers): expects input [number, 8, 16, 16] (input [number, 4, 16, 16])"
