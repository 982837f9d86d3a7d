// An input dimension given as a union is an error on `input`, before any layer sees it.
import { input } from "shapecheck";

input([3, 32 as 32 | 64]); // error: input: a dimension is a union; each must be one positive integer, null (unknown) or a name
