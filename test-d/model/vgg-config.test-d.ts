// A VGG configuration given as a const tuple builds a checked model (examples/vgg-config.ts, issue 17).
import { expectType, type TypeEqual } from "ts-expect";
import { input, nn, sequential, type OutputShape, type ShapeTrace } from "../../src/index.ts";
import { cfgs, vgg11Bn, vgg16, vggFeatures } from "../../examples/vgg-config.ts";

expectType<TypeEqual<OutputShape<typeof vgg16>, [number, 1000]>>(true);
expectType<TypeEqual<OutputShape<typeof vgg11Bn>, [number, 1000]>>(true);
// VGG-16: 13 convolutions and relus, 5 poolings, then adaptive pooling and flatten: 25088.
expectType<TypeEqual<ShapeTrace<typeof vgg16>[32], [number, 25088]>>(true);
expectType<TypeEqual<ShapeTrace<typeof vgg16>[30], [number, 512, 7, 7]>>(true);

// Any configuration: VGG-19 with batch norm; a small one on 1 channel.
const vgg19Bn = sequential(input([3, 224, 224]), ...vggFeatures(cfgs.E, { batchNorm: true }), nn.flatten());
expectType<TypeEqual<OutputShape<typeof vgg19Bn>, [number, 25088]>>(true);
const small = sequential(input([1, 28, 28]), ...vggFeatures([32, "M", 64, "M"], { inChannels: 1 }), nn.flatten());
expectType<TypeEqual<OutputShape<typeof small>, [number, 3136]>>(true);
