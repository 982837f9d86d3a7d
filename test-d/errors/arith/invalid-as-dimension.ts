import type { FloorDiv, Mul, Sub } from "shapecheck";

// A function that takes a dimension refuses every Invalid, with its message in the error.
declare function dimension<const Size extends number>(size: Size): Size;
declare const quotient: FloorDiv<28, 0>;
dimension(quotient); // error: Argument of type 'Invalid<"FloorDiv<28, 0>: division by zero">' is not assignable to parameter of type 'number'.

// A product past Number.MAX_SAFE_INTEGER is not a rounded number either.
export const flat: number = null! as Mul<94906267, 94906267>; // error: Type 'Invalid<"Mul<94906267, 94906267>: the result 9007199515875289 is past Number.MAX_SAFE_INTEGER">' is not assignable to type 'number'.

// Nor can it sit in a shape.
export const sizes: readonly number[] = [3, null! as Sub<1, 2>]; // error: Type 'Invalid<"Sub<1, 2>: the result would be below zero">' is not assignable to type 'number'.
