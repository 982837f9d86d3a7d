// Writes types/arith/tables.d.ts: the digit tables that the decimal arithmetic looks up.
// A declaration file, so that projects with skipLibCheck do not check its thousands of entries.
// Run: node scripts/gen-digit-tables.mjs
//
// Every table is an interface with a string index signature, so that a generic key
// (`${Carry}${X}${Y}` with string parameters) may index it without an `& keyof Table`
// intersection, which made every declaration check relate the key to a union of
// hundreds of literals. Valid keys are always built from digits, so the signature's
// `string` is never what a lookup returns.
import { writeFileSync } from "node:fs";

const digits = [...Array(10).keys()];

const interfaceOf = (name, doc, rows, valueType = "string") =>
  `/** ${doc} */\nexport interface ${name} {\n  [key: string]: ${valueType};\n${rows
    .map(([key, value]) => `  "${key}": ${value};`)
    .join("\n")}\n}\n`;
const text = (value) => `"${value}"`;

const out = [];

// a + b + carry: one table for the digit, one for the carry, keyed `${carry}${a}${b}`
const addDigit = [],
  addCarry = [];
for (const c of [0, 1])
  for (const a of digits)
    for (const b of digits) {
      const s = a + b + c;
      addDigit.push([`${c}${a}${b}`, text(s % 10)]);
      addCarry.push([`${c}${a}${b}`, text(s > 9 ? 1 : 0)]);
    }
out.push(interfaceOf("AddDigit", "`${carry}${a}${b}` → the digit of a + b + carry.", addDigit));
out.push(interfaceOf("AddCarry", "`${carry}${a}${b}` → the carry (0 or 1) of a + b + carry.", addCarry));

// a − b − borrow, keyed `${borrow}${a}${b}`
const subDigit = [],
  subBorrow = [];
for (const c of [0, 1])
  for (const a of digits)
    for (const b of digits) {
      const s = a - b - c;
      subDigit.push([`${c}${a}${b}`, text((s + 10) % 10)]);
      subBorrow.push([`${c}${a}${b}`, text(s < 0 ? 1 : 0)]);
    }
out.push(interfaceOf("SubDigit", "`${borrow}${a}${b}` → the digit of a − b − borrow.", subDigit));
out.push(interfaceOf("SubBorrow", "`${borrow}${a}${b}` → the borrow (0 or 1) of a − b − borrow.", subBorrow));

// digit comparison, keyed `${a}${b}`
const cmp = [];
for (const a of digits) for (const b of digits) cmp.push([`${a}${b}`, text(a < b ? "lt" : a > b ? "gt" : "eq")]);
out.push(interfaceOf("DigitCompare", "`${a}${b}` → how digit a compares with digit b.", cmp));

// carry + y + x × d, the step of long multiplication, as `${digit}:${carry}` (carry 0–9).
// Looked up as MulSum[`${carry}${y}`][x][d]: the first level depends on carry + y only (0–18),
// so 19 × 10 objects of 10 entries serve the 10,000 combinations.
const mulLevels = [];
const mulFirst = [];
for (const c of digits) for (const y of digits) mulFirst.push([`${c}${y}`, `MulSum${c + y}`]);
mulLevels.push(
  interfaceOf(
    "MulSum",
    "`${carry}${y}` → the table of carry + y + x × d, keyed by x then d; values `${digit}:${carry}`.",
    mulFirst,
    "MulSumByX",
  ),
);
mulLevels.push(`/** x → the table of t + x × d by d. */
export interface MulSumByX {
  [x: string]: MulSumByD;
}

/** d → \`\${digit}:\${carry}\`. */
export interface MulSumByD {
  [d: string]: string;
}
`);
for (let t = 0; t <= 18; t++) {
  mulLevels.push(`interface MulSum${t} extends MulSumByX {
${digits.map((x) => `  "${x}": MulSum${t}x${x};`).join("\n")}
}
`);
  for (const x of digits) {
    mulLevels.push(`interface MulSum${t}x${x} extends MulSumByD {
  ${digits
    .map((d) => {
      const v = t + x * d;
      return `"${d}": "${v % 10}:${Math.floor(v / 10)}";`;
    })
    .join(" ")}
}
`);
  }
}
out.push(mulLevels.join("\n"));

// short division by one digit d (2–9): DivideBy[d][`${r}${a}`] = `${q}|${r'}` for 10r + a = qd + r'
const divRows = [];
for (let d = 2; d <= 9; d++) {
  const rows = [];
  for (let r = 0; r < d; r++)
    for (const a of digits) {
      const n = 10 * r + a;
      rows.push([`${r}${a}`, text(`${Math.floor(n / d)}|${n % d}`)]);
    }
  divRows.push(interfaceOf(`DivideBy${d}`, `\`\${r}\${a}\` → \`\${q}|\${r'}\` of (10r + a) ÷ ${d}.`, rows));
}
out.push(`/** d → its short-division table (d from 2 to 9). */
export interface DivideBy {
  [d: string]: DivideByDigit;
${[2, 3, 4, 5, 6, 7, 8, 9].map((d) => `  "${d}": DivideBy${d};`).join("\n")}
}

/** \`\${r}\${a}\` → \`\${q}|\${r'}\`. */
export interface DivideByDigit {
  [key: string]: string;
}
`);
out.push(
  ...divRows.map((t) =>
    t.replace(/^export interface (DivideBy\d) \{\n  \[key: string\]: string;/m, "interface $1 extends DivideByDigit {"),
  ),
);

// Long division keeps the remainder as its nines' complement (9 − each digit), so that one pass
// of MulSum computes comp(R) + B × q = comp(R − B × q), overflowing exactly when B × q > R.
// The quotient digit's bounds from the first digits: R = r·10^k + …, B = b·10^k + …, R < 10B:
// ⌊r / (b + 1)⌋ ≤ ⌊R / B⌋ ≤ min(9, ⌊r / b⌋); the table is keyed by r's complemented digits.
const bounds = [];
for (let r = 0; r < 100; r++)
  for (let b = 1; b <= 9; b++) {
    bounds.push([
      `${String(99 - r).padStart(2, "0")}${b}`,
      text(`${Math.floor(r / (b + 1))}${Math.min(9, Math.floor(r / b))}`),
    ]);
  }
out.push(
  interfaceOf(
    "QuotientBounds",
    "`${9 − r1}${9 − r2}${b}` → `${lowest}${highest}` quotient digit for a remainder starting r1 r2 and a divisor starting b.",
    bounds,
  ),
);

// with two digits b of the divisor and three r of the remainder, the quotient digit is at most
// ⌊r / b⌋ and at least ⌊r / (b + 1)⌋: b × q ≤ r ⟺ comp(r) ≤ 999 − b × q
const times = [],
  next = [];
for (let b = 10; b <= 100; b++)
  for (const q of digits) times.push([`${b}${q}`, text(String(999 - b * q).padStart(3, "0"))]);
for (let b = 10; b <= 99; b++) next.push([`${b}`, text(b + 1)]);
out.push(interfaceOf("PrefixTimes", "`${b}${q}` (b from 10 to 100) → 999 − b × q, three digits.", times));
out.push(interfaceOf("PrefixNext", "b (10 to 99) → b + 1.", next));

// two-digit divisors that are a product of two digits: divide by one, then by the other
const factors = [];
for (let b = 10; b <= 99; b++) {
  for (let x = 9; x >= 2; x--)
    if (b % x === 0 && b / x >= 2 && b / x <= 9) {
      factors.push([`${b}`, text(`${x}${b / x}`)]);
      break;
    }
}
out.push(
  interfaceOf(
    "DigitFactors",
    "b (10 to 99, a product of two digits from 2 to 9) → `${x}${y}` with x × y = b.",
    factors,
  ).replace("  [key: string]: string;\n", ""),
);

// nines' complement of a digit
out.push(
  interfaceOf(
    "Nine",
    "d → 9 − d.",
    digits.map((d) => [`${d}`, text(9 - d)]),
  ),
);

// binary search between two digits: `${lo}${hi}` → `${mid}${mid − 1}`, mid = ⌈(lo + hi) / 2⌉
const halves = [];
for (const lo of digits)
  for (const hi of digits)
    if (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      halves.push([`${lo}${hi}`, text(`${mid}${mid - 1}`)]);
    }
out.push(interfaceOf("Halves", "`${lo}${hi}` (lo < hi) → `${mid}${mid − 1}` with mid = ⌈(lo + hi) / 2⌉.", halves));

// products of two factors from 2 to 64 (heads × head size, 4 × 16), looked up instead of computed by
// the digit machinery, whose first use costs ~600 instantiations
const factors64 = [...Array(63).keys()].map((i) => i + 2);
out.push(`/** a (2 to 64) → the table of a × b by b (2 to 64). */
export interface SmallProduct {
${factors64.map((a) => `  "${a}": SmallProduct${a};`).join("\n")}
}
${factors64.map((a) => `interface SmallProduct${a} {\n${factors64.map((b) => `  "${b}": ${a * b};`).join("\n")}\n}`).join("\n")}
`);

writeFileSync(
  new URL("../types/arith/tables.d.ts", import.meta.url),
  `// Generated by scripts/gen-digit-tables.mjs; do not edit.
// Each table maps a key of digits to the result the arithmetic reads, one entry per digit step.

${out.join("\n")}`,
);
