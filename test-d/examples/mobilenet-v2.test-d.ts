// examples/mobilenet-v2.ts: torchvision's MobileNetV2 from its helpers gives PyTorch's shapes.
import { expectType, type TypeEqual } from "ts-expect";
import type { OutputShape, ShapeTrace } from "shapecheck";
import { mobilenetV2 } from "../../examples/mobilenet-v2.ts";

type Trace = ShapeTrace<typeof mobilenetV2>;
expectType<TypeEqual<OutputShape<typeof mobilenetV2>, [number, 1000]>>(true);
expectType<TypeEqual<Trace["length"], 68>>(true);
expectType<TypeEqual<Trace[2], [number, 32, 112, 112]>>(true); // the stem: Conv2dNormActivation(3, 32, stride 2)
expectType<TypeEqual<Trace[8], [number, 96, 112, 112]>>(true); // stage 2's expansion: 16 × 6 = 96 (Mul)
expectType<TypeEqual<Trace[34], [number, 64, 14, 14]>>(true); // after stage 4 (its nn.repeat of 3 blocks)
expectType<TypeEqual<Trace[60], [number, 320, 7, 7]>>(true); // features before the last 1×1 conv
expectType<TypeEqual<Trace[63], [number, 1280, 7, 7]>>(true); // last_channel
expectType<TypeEqual<Trace[65], [number, 1280]>>(true); // flatten
