// bilinear: → outFeatures; PyTorch's parameters weight out·in1·in2 + bias out (none with bias: false).
import { count, type Explainer } from "../../explain/kinds/support.ts";
import type { BilinearConfig } from "./bilinear.nn.ts";

export const bilinear: Explainer<BilinearConfig> = (layer) => {
  const [in1, in2, out] = [count(layer.in1Features), count(layer.in2Features), count(layer.outFeatures)];
  return { arithmetic: [`→ ${out}`], params: out * in1 * in2 + (layer.bias ? out : 0) };
};
