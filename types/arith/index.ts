export type { Add } from "./add.ts";
export type { Compare } from "./compare.ts";
export type { CeilDiv, FloorDiv, Mod } from "./divide.ts";
export type { Invalid } from "./invalid.ts";
export type { Max, Min } from "./max-min.ts";
export type { Mul } from "./mul.ts";
export type { Product } from "./product.ts";
export type { Sub } from "./sub.ts";
