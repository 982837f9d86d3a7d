// Layers without parameters that keep the shape: activations, dropout, identity, softmax.
import type { Explainer } from "../../explain/kinds/support.ts";

export const keepsShape: Explainer = () => ({ arithmetic: [], params: 0 });
