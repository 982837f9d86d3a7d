// `layers`: TensorFlow.js's vocabulary (`tf.layers`), channels last by default, tfjs-layers' semantics.
export {
  conv1d,
  conv2d,
  conv3d,
  type Conv1D,
  type Conv2D,
  type Conv3D,
  type ConvArgs,
} from "../families/conv/tf-conv.layers.ts";
export {
  conv2dTranspose,
  conv3dTranspose,
  type Conv2DTranspose,
  type Conv3DTranspose,
} from "../families/conv/tf-conv-transpose.layers.ts";
export {
  depthwiseConv2d,
  separableConv2d,
  type DepthwiseConv2D,
  type SeparableConv2D,
  type DepthwiseConvArgs,
  type SeparableConvArgs,
} from "../families/conv/tf-depthwise-conv.layers.ts";
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
export { dense, type Dense, type DenseArgs } from "../families/linear/tf-dense.layers.ts";
export { flatten, type Flatten, type FlattenArgs } from "../families/reshape/tf-flatten.layers.ts";
export {
  reshape,
  permute,
  type Reshape,
  type Permute,
  type ReshapeArgs,
  type PermuteArgs,
} from "../families/reshape/tf-reshape.layers.ts";
export {
  dropout,
  activation,
  type Dropout,
  type Activation,
  type DropoutArgs,
  type ActivationArgs,
  type ActivationIdentifier,
} from "../families/activation/tf-dropout-activation.layers.ts";
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
// tfjs's aliases: the same builders under their other names (messages name the layer as tfjs's main name).
export {
  averagePooling1d as avgPool1d,
  averagePooling1d as avgPooling1d,
  averagePooling2d as avgPool2d,
  averagePooling2d as avgPooling2d,
  maxPooling1d as maxPool1d,
  maxPooling2d as maxPool2d,
  globalMaxPooling1d as globalMaxPool1d,
  globalMaxPooling2d as globalMaxPool2d,
} from "../families/pool/tf-pool.layers.ts";
export {
  reLU,
  leakyReLU,
  elu,
  prelu,
  softmax,
  thresholdedReLU,
  type ReLU,
  type LeakyReLU,
  type ELU,
  type PReLU,
  type Softmax,
  type ThresholdedReLU,
  type ReLUArgs,
  type LeakyReLUArgs,
  type ELUArgs,
  type PReLUArgs,
  type SoftmaxArgs,
  type ThresholdedReLUArgs,
} from "../families/activation/tf-activation.layers.ts";
export {
  spatialDropout1d,
  gaussianNoise,
  gaussianDropout,
  alphaDropout,
  type SpatialDropout1D,
  type GaussianNoise,
  type GaussianDropout,
  type AlphaDropout,
  type SpatialDropout1DArgs,
  type GaussianNoiseArgs,
  type GaussianDropoutArgs,
  type AlphaDropoutArgs,
} from "../families/noise/tf-noise.layers.ts";
export { masking, type Masking, type MaskingArgs } from "../families/masking/tf-masking.layers.ts";
export { rescaling, type Rescaling, type RescalingArgs } from "../families/preprocessing/tf-rescaling.layers.ts";
export {
  layerNormalization,
  type LayerNormalization,
  type LayerNormalizationArgs,
} from "../families/normalization/tf-layer-norm.layers.ts";
export {
  maxPooling3d,
  averagePooling3d,
  averagePooling3d as avgPool3d,
  averagePooling3d as avgPooling3d,
  type MaxPooling3D,
  type AveragePooling3D,
  type Pooling3DArgs,
} from "../families/pool/tf-pool3d.layers.ts";
export { cropping2D, type Cropping2D, type Cropping2DArgs } from "../families/padding/tf-cropping.layers.ts";
export { repeatVector, type RepeatVector, type RepeatVectorArgs } from "../families/reshape/tf-repeat-vector.layers.ts";
export {
  add,
  average,
  concatenate,
  dot,
  maximum,
  minimum,
  multiply,
  type Add,
  type Average,
  type Concatenate,
  type Dot,
  type Maximum,
  type Minimum,
  type Multiply,
  type MergeArgs,
  type ConcatenateArgs,
  type DotArgs,
} from "../families/merge/tf-merge.layers.ts";
export {
  simpleRNN,
  lstm,
  gru,
  rnn,
  simpleRNNCell,
  lstmCell,
  gruCell,
  stackedRNNCells,
  convLstm2d,
  convLstm2dCell,
  type SimpleRNN,
  type LSTM,
  type GRU,
  type RNN,
  type SimpleRNNCell,
  type LSTMCell,
  type GRUCell,
  type StackedRNNCells,
  type ConvLSTM2D,
  type ConvLSTM2DCell,
  type SimpleRNNArgs,
  type LSTMArgs,
  type GRUArgs,
  type RNNArgs,
  type SimpleRNNCellArgs,
  type LSTMCellArgs,
  type GRUCellArgs,
  type StackedRNNCellsArgs,
  type ConvLSTM2DArgs,
  type ConvLSTM2DCellArgs,
} from "../families/recurrent/tf-recurrent.layers.ts";
export {
  timeDistributed,
  bidirectional,
  type TimeDistributed,
  type Bidirectional,
  type TimeDistributedArgs,
  type BidirectionalArgs,
} from "../families/recurrent/tf-wrappers.layers.ts";
export {
  resizing,
  centerCrop,
  randomWidth,
  categoryEncoding,
  type Resizing,
  type CenterCrop,
  type RandomWidth,
  type CategoryEncoding,
  type ResizingArgs,
  type CenterCropArgs,
  type RandomWidthArgs,
  type CategoryEncodingArgs,
} from "../families/preprocessing/tf-preprocessing.layers.ts";
