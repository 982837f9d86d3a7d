import type { Compare } from "./compare.ts";

/**
 * The larger of A and B (`number` if either is unknown; a bad operand gives its `Invalid`).
 *
 * @example
 * type R = Max<3, 12>;
 * //=> 12
 */
export type Max<A, B> = Compare<A, B> extends infer Order
  ? Order extends "lt" ? B : Order extends "gt" | "eq" ? A : [Order] extends [string] ? number : Order
  : never;

/**
 * The smaller of A and B (`number` if either is unknown; a bad operand gives its `Invalid`).
 *
 * @example
 * type R = Min<3, 12>;
 * //=> 3
 */
export type Min<A, B> = Compare<A, B> extends infer Order
  ? Order extends "gt" ? B : Order extends "lt" | "eq" ? A : [Order] extends [string] ? number : Order
  : never;
