// The example page: the MNIST network of the README, checked at compile time, then built, trained a
// few steps and asked to predict in the browser with TensorFlow.js. Bundled by build.mjs (esbuild).
// The page writes what it does into <pre id="log">, and its outcome into <body data-status>:
// "done", or "failed" with the error. test/consumer runs it in headless Chromium.
import { input, nn, sequential, ShapeError, type OutputShape } from "shapecheck";
import { build, ready, tensor } from "shapecheck/tfjs";

// The DOM this page uses, declared here: the repository's type check has no DOM library.
interface PageElement {
  textContent: string | null;
  dataset: Record<string, string | undefined>;
}
const page = (
  globalThis as unknown as { document: { getElementById(id: string): PageElement | null; body: PageElement } }
).document;
const log = (line: string): void => {
  const pre = page.getElementById("log");
  if (pre) pre.textContent += `${line}\n`;
};

export const net = sequential(
  input([1, 28, 28]),
  nn.conv2d(1, 32, 3, 1),
  nn.relu(),
  nn.conv2d(32, 64, 3, 1),
  nn.relu(),
  nn.maxPool2d(2),
  nn.dropout(0.25),
  nn.flatten(),
  nn.linear(9216, 128),
  nn.relu(),
  nn.dropout(0.5),
  nn.linear(128, 10),
  nn.logSoftmax(1),
);
export type Out = OutputShape<typeof net>; // [number, 10]

/** The wrong network: `nn.linear(9000, 128)` does not compile; built anyway, it throws the same text. */
function wrongNetwork(): string {
  try {
    sequential(
      input([1, 28, 28]),
      nn.conv2d(1, 32, 3, 1),
      nn.relu(),
      nn.conv2d(32, 64, 3, 1),
      nn.relu(),
      nn.maxPool2d(2),
      nn.flatten(),
      // @ts-expect-error linear(9000, 128): inFeatures must equal the last input dimension 9216
      nn.linear(9000, 128),
    );
    return "no error";
  } catch (error) {
    if (error instanceof ShapeError) return error.message;
    throw error;
  }
}

/** examples/web/digits.json: MNIST digits from the `mnist` package (gen-digits.mjs), served beside the page. */
interface Digit {
  readonly label: number;
  /** 784 hexadecimal characters, the intensity × 15 */
  readonly pixels: string;
}
interface Digits {
  readonly train: readonly Digit[];
  readonly test: readonly Digit[];
}

const pixels = (sample: readonly { pixels: string }[]): number[] =>
  sample.flatMap(({ pixels }) => [...pixels].map((hex) => parseInt(hex, 16) / 15));

async function main(): Promise<void> {
  log(`shape error: ${wrongNetwork()}`);
  log(`trace: ${net.trace.map((shape) => `[${shape.map((dim) => dim ?? "batch").join(", ")}]`).join(" → ")}`);
  const digits = (await (await fetch(new URL("./digits.json", import.meta.url))).json()) as Digits;
  const backend = await ready();
  log(`backend: ${backend}`);

  const model = build(net).compile({ optimizer: "adam", loss: "nll", metrics: ["accuracy"] });
  const images = tensor(pixels(digits.train), [null, 1, 28, 28]);
  const labels = tensor(
    digits.train.map(({ label }) => label),
    [null],
    "int32",
  );
  const steps = 8;
  const history = await model.fit(images, labels, { epochs: steps, batchSize: digits.train.length, verbose: 0 });
  log(`trained: ${steps} steps, loss ${history.history["loss"]?.map((loss) => Number(loss).toFixed(3)).join(" → ")}`);

  const logProbabilities = (await model.predict(tensor(pixels(digits.test), [null, 1, 28, 28])).array()) as number[][];
  const guesses = logProbabilities.map((row) => row.indexOf(Math.max(...row)));
  log(`predicted: ${guesses.join(" ")} (labels ${digits.test.map(({ label }) => label).join(" ")})`);
}

main().then(
  () => (page.body.dataset["status"] = "done"),
  (error: unknown) => {
    log(`error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    page.body.dataset["status"] = "failed";
  },
);
