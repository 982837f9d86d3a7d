// Writes a sequential of N layers whose every layer has a different output shape: 3×3 convs on a
// 224 × 224 input that add one channel each, a 2×2 max pool every 40 layers, then flatten and
// linear. Used by the scale test and by bench/types. Usage: node scripts/gen-long-model.mjs N [file]
import { writeFileSync } from "node:fs";

export function longModel(layers, from = "shapecheck") {
  const lines = [];
  let channels = 3;
  let size = 224;
  for (let i = 0; lines.length < layers - 2; i++) {
    if (i % 40 === 39 && size >= 4) {
      lines.push("nn.maxPool2d(2)");
      size = Math.floor(size / 2);
    } else {
      lines.push(`nn.conv2d(${channels}, ${channels + 1}, 3, 1, 1)`);
      channels += 1;
    }
  }
  const features = channels * size * size;
  lines.push("nn.flatten()", `nn.linear(${features}, 10)`);
  return {
    source: `import { input, nn, sequential, type OutputShape } from "${from}";

export const net = sequential(
  input([3, 224, 224]),
  ${lines.join(",\n  ")},
);
export const output: [number, 10] = null! as OutputShape<typeof net>;
`,
    features,
  };
}

if (process.argv[1] === new URL(import.meta.url).pathname) {
  const count = Number(process.argv[2] ?? 300);
  const file = process.argv[3] ?? `.tmp/long-${count}.ts`;
  writeFileSync(file, longModel(count, process.argv[4] ?? "shapecheck").source);
  console.log(`wrote ${file}`);
}
