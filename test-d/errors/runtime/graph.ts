// A graph model's predict checks each typed tensor against its input, as a sequential's does.
import { graph, input, nn, ops } from "shapecheck";
import { build, type Tensor } from "shapecheck/tfjs";

const image = input([1, 16, 16]);
const mask = image.pipe(nn.conv2d(1, 2, 3, 1, 1));
const tokens = input([5, 8]);
const summed = ops.add(tokens.pipe(nn.linear(8, 8)), tokens);
declare const images: Tensor<[number, 1, 16, 16]>;
declare const sequences: Tensor<[number, 5, 8]>;

const single = build(graph({ inputs: [image], outputs: [mask] }));
single.predict(sequences); // error: '"predict: expected a tensor of shape [number, 1, 16, 16], got [number, 5, 8]"'

const multi = build(graph({ inputs: [image, tokens], outputs: [mask, summed] }));
multi.predict([sequences, images]); // error: "predict (input 0): expected a tensor of shape [number, 1, 16, 16], got [number, 5, 8]"
multi.predict([images]); // error: Argument of type '[Tensor<[number, 1, 16, 16]>]' is not assignable to parameter of type 'readonly [TensorData, TensorData]'.
const trainable = build(graph({ inputs: [image, tokens], outputs: [mask, summed] })).compile({
  loss: "meanSquaredError",
});
void trainable.fit([images, sequences], [images, sequences]); // error: "fit (y 0): expected a tensor of shape [number, 2, 16, 16], got [number, 1, 16, 16]"
