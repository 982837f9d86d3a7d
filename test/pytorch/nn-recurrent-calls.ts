// test/fixtures/pytorch-nn-recurrent.json's "calls" (scripts/nn_recurrent_fixtures.py, PyTorch 1.13): a recurrent
// layer or cell called with an initial state or none, as shapecheck writes it
// (`nn.lstm(6, 5).call(input([3, 6], { batch: 2 }), [hx, cx])`), and PyTorch's output shapes or refusal.
import { input, nn, ShapeError } from "../../src/index.ts";

export interface CallRecord {
  readonly call: string;
  readonly input: number[];
  /** The shapes of hx (and cx), or null: no state given. */
  readonly state: number[][] | null;
  /** PyTorch's outputs, flattened: [out, h_n(, c_n)] or [h'(, c')]. */
  readonly outputs?: number[][];
  readonly error?: string;
}

/** `input([3, 6], { batch: 2 })` for a tensor of shape [2, 3, 6]. */
const tensor = (shape: readonly number[]): string =>
  `input(${JSON.stringify(shape.slice(1)).replaceAll(",", ", ")}, { batch: ${shape[0]} })`;

/** The call as shapecheck writes it: states as PyTorch gives them (a pair for LSTMs, else one tensor). */
export function callText(record: CallRecord): string {
  const state = record.state;
  const args = [tensor(record.input)];
  if (state) args.push(state.length === 2 ? `[${state.map(tensor).join(", ")}]` : tensor(state[0]!));
  return `${record.call}.call(${args.join(", ")})`;
}

/** The outputs' shapes, flattened, or the ShapeError the call throws. */
export function callOutcome(text: string): unknown[][] | ShapeError {
  try {
    const result = new Function("nn", "input", `return ${text};`)(nn, input) as unknown;
    const flat = [result].flat(2) as { shape: unknown[] }[];
    return flat.map((t) => [...t.shape]);
  } catch (error) {
    if (error instanceof ShapeError) return error;
    throw new Error(`${text}: ${String(error)}`);
  }
}
