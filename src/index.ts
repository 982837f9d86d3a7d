export type { Add, Sub, Mul, FloorDiv, CeilDiv, Mod, Compare, Max, Min, Product, Invalid } from "../types/arith/index.ts";
