/**
 * What an arithmetic or shape computation gives instead of a number when its input is wrong.
 * It is not a `number`, so it can never pass silently for a dimension; its `message` says why.
 *
 * Note: every arithmetic type passes an `Invalid` operand on unchanged, so a chain of operations
 * reports its first mistake. Messages read "Operation<A, B>: what is wrong".
 *
 * @example
 * type R = Sub<3, 5>;
 * //=> Invalid<"Sub<3, 5>: the result would be below zero">
 */
export interface Invalid<Message extends string> {
  readonly message: Message;
}
