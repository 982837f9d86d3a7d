// Conversion of a layer called on several symbolic tensors (graph node "call", src/model/call.ts):
// one converter per kind that can be called so, registered here by kind. Its inputs arrive in
// PyTorch's layout, in the order of the call's arguments (absent optional ones left out); it gives
// the tfjs tensors of the outputs it computes (the first always) and the layer's PyTorch parameters.
import type * as tfl from "@tensorflow/tfjs-layers";
import type { ConfigOf, LayerKind } from "../../families/layer-config.ts";
import type { RuntimeShape } from "../../shape/dims.ts";
import type { ParamSpec } from "./context.ts";
import { multiheadAttentionCall } from "../../families/attention/attention.tfjs.ts";
import { bilinearCall } from "../../families/linear/bilinear.tfjs.ts";
import { adaptiveLogSoftmaxWithLossCall } from "../../families/activation/adaptive-log-softmax.tfjs.ts";
import { transformerCall } from "../../families/transformer/transformer.tfjs.ts";
import { recurrentCall, recurrentCellCall } from "../../families/recurrent/recurrent-call.tfjs.ts";
import { tfRecurrentCall } from "../../families/recurrent/tf-recurrent.tfjs.ts";

/** Where a call is converted. */
export interface CallContext {
  /** The inputs (tfjs tensors, PyTorch's layout), their argument names and logical shapes. */
  readonly inputs: readonly tfl.SymbolicTensor[];
  readonly names: readonly string[];
  readonly shapes: readonly RuntimeShape[];
  /** The call's output shapes (its rule's). */
  readonly outputs: readonly RuntimeShape[];
  /** The call's plain-data options (`needWeights`, …). */
  readonly options: Readonly<Record<string, unknown>>;
  /** The layer's path in the model's state_dict: `3.0` (the graph's pipe and call 3, its layer 0). */
  readonly path: string;
  /** A tfjs layer name for this layer: `${path}.${kind}` and a suffix. */
  name(suffix?: string): string;
}

export interface CallConverter<Config> {
  call(
    layer: Config,
    ctx: CallContext,
  ): { readonly ys: readonly tfl.SymbolicTensor[]; readonly params: readonly ParamSpec[] };
}

/** The call converter of each kind that can be called on several tensors (additive: one line per kind). */
export const callConverters: { readonly [Kind in LayerKind]?: CallConverter<ConfigOf<Kind>> } = {
  multiheadAttention: multiheadAttentionCall,
  bilinear: bilinearCall,
  adaptiveLogSoftmaxWithLoss: adaptiveLogSoftmaxWithLossCall,
  transformerEncoderLayer: transformerCall,
  transformerEncoder: transformerCall,
  transformerDecoderLayer: transformerCall,
  transformerDecoder: transformerCall,
  transformer: transformerCall,
  lstm: recurrentCall,
  gru: recurrentCall,
  rnn: recurrentCall,
  rnnCell: recurrentCellCall,
  lstmCell: recurrentCellCall,
  gruCell: recurrentCellCall,
  SimpleRNN: tfRecurrentCall,
  LSTM: tfRecurrentCall,
  GRU: tfRecurrentCall,
  RNN: tfRecurrentCall,
  ConvLSTM2D: tfRecurrentCall,
};
