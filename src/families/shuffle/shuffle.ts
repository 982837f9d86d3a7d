// Twin of src/families/shuffle/shuffle.types.ts: pixelShuffle, pixelUnshuffle and channelShuffle.
import { fail } from "../../ops/fail.ts";
import { writeInputRankMessage, type RuntimeDim, type RuntimeShape } from "../../shape/dims.ts";

export const writeNotDivisibleMessage = (layer: string, what: string, by: string, size: number): string =>
  `${layer}: ${what} must be divisible by ${by}, got ${size}`;

const times = (d: RuntimeDim, r: number): RuntimeDim => (typeof d === "number" ? d * r : null);
function dividedBy(d: RuntimeDim, r: number, message: () => string): RuntimeDim {
  if (typeof d !== "number") return null;
  if (d % r !== 0) fail(message());
  return d / r;
}
/** The last three dimensions (channels, height, width for the pixel shuffles), after the rank check. */
function lastThree(layer: string, input: RuntimeShape): [RuntimeDim, RuntimeDim, RuntimeDim] {
  if (input.length < 3) fail(writeInputRankMessage(layer, "3 or more ([batch, channels, ...])", input.length));
  return input.slice(-3) as [RuntimeDim, RuntimeDim, RuntimeDim];
}

export function pixelShuffleRule(layer: string, r: number, input: RuntimeShape): RuntimeShape {
  const [c, h, w] = lastThree(layer, input);
  const out = dividedBy(c, r * r, () =>
    writeNotDivisibleMessage(layer, "the channels (dimension -3)", `upscaleFactor² = ${r * r}`, c as number),
  );
  return [...input.slice(0, -3), out, times(h, r), times(w, r)];
}

export function pixelUnshuffleRule(layer: string, r: number, input: RuntimeShape): RuntimeShape {
  const [c, h, w] = lastThree(layer, input);
  const [outH, outW] = [h, w].map((d, i) =>
    dividedBy(d, r, () =>
      writeNotDivisibleMessage(
        layer,
        ["the height (dimension -2)", "the width (dimension -1)"][i]!,
        `downscaleFactor ${r}`,
        d as number,
      ),
    ),
  );
  return [...input.slice(0, -3), times(c, r * r), outH!, outW!];
}

export function channelShuffleRule(layer: string, g: number, input: RuntimeShape): RuntimeShape {
  lastThree(layer, input);
  dividedBy(input[1]!, g, () =>
    writeNotDivisibleMessage(layer, "the channels (dimension 1)", `groups ${g}`, input[1] as number),
  );
  return input;
}
