// `layers`: TensorFlow.js's vocabulary (`tf.layers`), channels last by default, tfjs-layers' semantics.
export { conv1d, conv2d, type Conv1D, type Conv2D, type ConvArgs } from "../families/conv/tf-conv.layers.ts";
export {
  maxPooling1d,
  averagePooling1d,
  maxPooling2d,
  averagePooling2d,
  globalAveragePooling1d,
  globalMaxPooling1d,
  globalAveragePooling2d,
  globalMaxPooling2d,
  type MaxPooling1D,
  type AveragePooling1D,
  type MaxPooling2D,
  type AveragePooling2D,
  type GlobalAveragePooling1D,
  type GlobalMaxPooling1D,
  type GlobalAveragePooling2D,
  type GlobalMaxPooling2D,
  type Pooling1DArgs,
  type Pooling2DArgs,
  type GlobalPooling1DArgs,
  type GlobalPooling2DArgs,
} from "../families/pool/tf-pool.layers.ts";
export {
  dense,
  flatten,
  reshape,
  permute,
  dropout,
  activation,
  type Dense,
  type Flatten,
  type Reshape,
  type Permute,
  type Dropout,
  type Activation,
  type DenseArgs,
  type FlattenArgs,
  type ReshapeArgs,
  type PermuteArgs,
  type DropoutArgs,
  type ActivationArgs,
  type ActivationIdentifier,
} from "./core.ts";
export { embedding, type Embedding, type EmbeddingArgs } from "../families/embedding/tf-embedding.layers.ts";
export {
  batchNormalization,
  type BatchNormalization,
  type BatchNormalizationArgs,
} from "../families/normalization/tf-normalization.layers.ts";
export {
  zeroPadding2d,
  upSampling2d,
  type ZeroPadding2D,
  type UpSampling2D,
  type ZeroPadding2DArgs,
  type UpSampling2DArgs,
} from "../families/padding/tf-padding.layers.ts";
