// Padding before a "valid" convolution or pooling: tfjs's zeroPadding2d where it fits (a standard
// layer, loadable anywhere), else shapecheck's Pad layer (any rank, −∞ for max pooling).
import * as tfl from "@tensorflow/tfjs-layers";
import { Pad } from "./pad.tfjs-layer.ts";

/** A layer padding the spatial dimensions of a channels-last tensor by [before, after] each. */
export function padLayer(pads: [number, number][], value: 0 | "-Infinity", name: string): tfl.layers.Layer {
  if (value === 0 && pads.length === 2)
    return tfl.layers.zeroPadding2d({ padding: [pads[0]!, pads[1]!], dataFormat: "channelsLast", name });
  return new Pad({ paddings: [...pads, [0, 0]], value, name });
}
