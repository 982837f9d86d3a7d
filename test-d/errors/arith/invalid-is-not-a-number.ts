import type { Sub } from "shapecheck";

// An Invalid never passes for a number.
export const size: number = null! as Sub<3, 5>; // error: Type 'Invalid<"Sub<3, 5>: the result would be below zero">' is not assignable to type 'number'.
