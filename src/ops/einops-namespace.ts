// The public `einops` namespace (`import { einops } from "shapecheck"`).
export { rearrange, reduce, repeat, type Reduction } from "./einops.ts";
