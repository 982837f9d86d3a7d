// Writes the generated type-level files of the TensorFlow.js agreement under .tmp/tfjs-agreement/ and prints the
// comparison (the same one test/tfjs-agreement.test.ts asserts).
//   node --import tsx scripts/gen-tfjs-agreement.ts [cases per family = 500] [seed]
import "@tensorflow/tfjs-backend-cpu";
import * as tf from "@tensorflow/tfjs-core";
import { compare, formatReport } from "./tfjs-agreement.ts";

await tf.setBackend("cpu");
const report = await compare(
  Number(process.argv[2] ?? 500),
  process.argv[3] === undefined ? undefined : Number(process.argv[3]),
);
console.log(formatReport(report));
for (const d of report.disagreements.slice(0, 30)) console.log(JSON.stringify(d));
for (const d of report.stray.slice(0, 10)) console.log("stray:", JSON.stringify(d));
