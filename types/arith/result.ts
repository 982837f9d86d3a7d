import type { CompareSameLength } from "./compare-digits.ts";
import type { Length16, MaxSafe, ToNumber } from "./digits.ts";
import type { Invalid } from "./invalid.ts";
import type { Written } from "./operand.ts";

/**
 * A computed digit string (no leading zeros) as a number, or an `Invalid` when it is past
 * Number.MAX_SAFE_INTEGER (the message shows the exact digits).
 */
export type Result<Operation extends string, A, B, Digits extends string> =
  Length16<Digits> extends "short"
    ? ToNumber<Digits>
    : Length16<Digits> extends "16"
      ? CompareSameLength<Digits, MaxSafe> extends "gt"
        ? Invalid<`${Written<Operation, A, B>}: the result ${Digits} is past Number.MAX_SAFE_INTEGER`>
        : ToNumber<Digits>
      : Invalid<`${Written<Operation, A, B>}: the result ${Digits} is past Number.MAX_SAFE_INTEGER`>;
