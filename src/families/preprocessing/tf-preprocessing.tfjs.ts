// Conversion of the preprocessing layers: tfjs's own layers with the arguments as given, as subclasses that fix
// two things of tfjs 4.22 in a model. computeOutputShape is wrong on a batch for Resizing ([height, width, W]) and
// RandomWidth ([undefined, -1, W]), and for CategoryEncoding's 'int' mode (numTokens written over the last
// dimension), and CenterCrop's writes into its input's shape (the model's input then has the crop's size); it
// would give the layers after them wrong shapes: here it is the runtime twin's
// (tf-preprocessing.ts). And Resizing, RandomWidth and CenterCrop's upsizing resize `inputs` as given, which a
// model passes as an array of one tensor (tfjs then reads it as a tensor of rank 1): here call gets the tensor.
// Registered as `shapecheck>Resizing`, …; the call, config and values are tfjs's own.
import * as tf from "@tensorflow/tfjs-core";
import * as tfl from "@tensorflow/tfjs-layers";
import type { Converter } from "../../runtime/convert/context.ts";
import { tfjsArgs } from "../../runtime/convert/tfjs-layers.ts";
import { tfCategoryEncodingRule, tfRandomWidthRule, tfResizeRule, type OutputMode } from "./tf-preprocessing.ts";
import type {
  TfCategoryEncodingConfig,
  TfCenterCropConfig,
  TfRandomWidthConfig,
  TfResizingConfig,
} from "./tf-preprocessing.layers.ts";

type Shape = (number | null)[];
type LayerClass = new (args: object) => tfl.layers.Layer;
const classOf = (layer: tfl.layers.Layer): LayerClass => layer.constructor as LayerClass;
const oneShape = (shape: Shape | Shape[]): Shape => (Array.isArray(shape[0]) ? (shape[0] as Shape) : (shape as Shape));
const oneTensor = (inputs: tf.Tensor | tf.Tensor[]): tf.Tensor => (Array.isArray(inputs) ? inputs[0]! : inputs);
type Kwargs = Record<string, unknown>;
const tfjsShape = (shape: readonly (number | null | string)[]): Shape =>
  shape.map((d) => (typeof d === "number" && d >= 0 ? d : null));

/** tfjs's Resizing with the output shape its call gives. */
export class FixedResizing extends classOf(tfl.layers.resizing({ height: 1, width: 1 })) {
  static className = "shapecheck>Resizing";
  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: Kwargs): tf.Tensor | tf.Tensor[] {
    return super.call(oneTensor(inputs), kwargs);
  }
  override computeOutputShape(inputShape: Shape | Shape[]): Shape {
    const self = this as unknown as { height: number; width: number };
    return tfjsShape(tfResizeRule("resizing", self.height, self.width, oneShape(inputShape)));
  }
}
tf.serialization.registerClass(FixedResizing as unknown as tf.serialization.SerializableConstructor<tfl.layers.Layer>);

/** tfjs's RandomWidth with the output shape its call gives (the width unknown). */
export class FixedRandomWidth extends classOf(tfl.layers.randomWidth({ factor: 0.1 })) {
  static className = "shapecheck>RandomWidth";
  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: Kwargs): tf.Tensor | tf.Tensor[] {
    return super.call(oneTensor(inputs), kwargs);
  }
  override computeOutputShape(inputShape: Shape | Shape[]): Shape {
    const self = this as unknown as { widthLower: number };
    return tfjsShape(tfRandomWidthRule("randomWidth", self.widthLower, oneShape(inputShape)));
  }
}
tf.serialization.registerClass(
  FixedRandomWidth as unknown as tf.serialization.SerializableConstructor<tfl.layers.Layer>,
);

/** tfjs's CategoryEncoding with the output shape its call gives ('int' keeps the input's). */
export class FixedCategoryEncoding extends classOf(tfl.layers.categoryEncoding({ numTokens: 1 })) {
  static className = "shapecheck>CategoryEncoding";
  override computeOutputShape(inputShape: Shape | Shape[]): Shape {
    const self = this as unknown as { numTokens: number; outputMode: OutputMode };
    return tfjsShape(tfCategoryEncodingRule("categoryEncoding", self.numTokens, self.outputMode, oneShape(inputShape)));
  }
}
tf.serialization.registerClass(
  FixedCategoryEncoding as unknown as tf.serialization.SerializableConstructor<tfl.layers.Layer>,
);

/** tfjs's CenterCrop, its call given the tensor, its computeOutputShape without writing into its input's shape. */
export class FixedCenterCrop extends classOf(tfl.layers.centerCrop({ height: 1, width: 1 })) {
  static className = "shapecheck>CenterCrop";
  override computeOutputShape(inputShape: Shape | Shape[]): Shape {
    const self = this as unknown as { height: number; width: number };
    return tfjsShape(tfResizeRule("centerCrop", self.height, self.width, oneShape(inputShape)));
  }
  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: Kwargs): tf.Tensor | tf.Tensor[] {
    return super.call(oneTensor(inputs), kwargs);
  }
}
tf.serialization.registerClass(
  FixedCenterCrop as unknown as tf.serialization.SerializableConstructor<tfl.layers.Layer>,
);

const fixed = <Config extends TfResizingConfig | TfRandomWidthConfig | TfCategoryEncodingConfig | TfCenterCropConfig>(
  Class: LayerClass,
): Converter<Config> => ({
  layout: () => "first",
  convert(layer, ctx) {
    const y = new Class({ ...tfjsArgs(layer), name: ctx.name() }).apply(ctx.x) as tfl.SymbolicTensor;
    return { y, layout: "first", params: [] };
  },
});

export const tfResizing: Converter<TfResizingConfig> = fixed(FixedResizing);
export const tfRandomWidth: Converter<TfRandomWidthConfig> = fixed(FixedRandomWidth);
export const tfCategoryEncoding: Converter<TfCategoryEncodingConfig> = fixed(FixedCategoryEncoding);
export const tfCenterCrop: Converter<TfCenterCropConfig> = fixed(FixedCenterCrop);
