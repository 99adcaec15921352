// The imported gates mean what qelib1.inc says: expansions of gates the IR lacks are exact, and each
// QASMBench circuit equals its own `_transpiled` version (rz/sx/x/cx, written by another compiler)
// up to a global phase — which pins down our reading of rz, u1, u2, u3 and the controlled gates.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Circuit } from "../../src/circuit/ir.js";
import { importQasm } from "../../src/io/index.js";
import { denseUnitary, distanceUpToPhase, flatten, randomState, runDense, type Complex } from "../circuit/transpile-reference.js";

const HEADER = 'OPENQASM 2.0;\ninclude "qelib1.inc";\n';

function imported(text: string): Circuit {
  const result = importQasm(text);
  expect(result.diagnostics).toEqual([]);
  return result.circuit!;
}

/** The matrix of "if all controls are 1, apply u to the last qubit" with the first qubit as control 0. */
function multiControlled(nControls: number, u: Complex[][]): Complex[] {
  const n = nControls + 1;
  const dim = 2 ** n;
  const columns: Complex[][] = [];
  for (let j = 0; j < dim; j++) {
    const column = Array.from({ length: dim }, () => ({ re: 0, im: 0 }));
    const controlsOn = Array.from({ length: nControls }, (_, c) => (j >> c) & 1).every(Boolean);
    const targetBit = (j >> nControls) & 1;
    if (!controlsOn) column[j] = { re: 1, im: 0 };
    else for (let t = 0; t < 2; t++) column[(j & ~(1 << nControls)) | (t << nControls)] = u[t]![targetBit]!;
    columns.push(column);
  }
  return flatten(columns);
}

const X = [[{ re: 0, im: 0 }, { re: 1, im: 0 }], [{ re: 1, im: 0 }, { re: 0, im: 0 }]];
const SX = [[{ re: 0.5, im: 0.5 }, { re: 0.5, im: -0.5 }], [{ re: 0.5, im: -0.5 }, { re: 0.5, im: 0.5 }]];

describe("qelib1 gates without an IR counterpart", () => {
  it.each([
    ["c3x", 3, X],
    ["c3sqrtx", 3, SX],
    ["c4x", 4, X],
    ["csx", 1, SX],
  ] as const)("%s is exactly the multi-controlled gate", (name, nControls, u) => {
    const wires = Array.from({ length: nControls + 1 }, (_, q) => `q[${q}]`).join(",");
    const circuit = imported(`${HEADER}qreg q[${nControls + 1}];\n${name} ${wires};\n`);
    expect(distanceUpToPhase(flatten(denseUnitary(circuit)), multiControlled(nControls, u))).toBeLessThan(1e-10);
  });

  it.each([["rccx", 2], ["rc3x", 3]] as const)("%s is the controlled-X up to relative phases", (name, nControls) => {
    const wires = Array.from({ length: nControls + 1 }, (_, q) => `q[${q}]`).join(",");
    const actual = flatten(denseUnitary(imported(`${HEADER}qreg q[${nControls + 1}];\n${name} ${wires};\n`)));
    const expected = multiControlled(nControls, X);
    actual.forEach((z, k) => expect(Math.hypot(z.re, z.im)).toBeCloseTo(Math.hypot(expected[k]!.re, expected[k]!.im), 10));
  });
});

const CORPUS = "../shared/data/qasm/small";
const available = existsSync(CORPUS);
if (!available) console.warn(`skipping plain-vs-transpiled checks: ${CORPUS} (QASMBench small) is absent`);

/** Benchmarks small enough for the dense reference, whose gates all come before any measurement. */
const pairs = available
  ? readdirSync(CORPUS, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => ({ name: entry.name, plain: join(CORPUS, entry.name, `${entry.name}.qasm`), transpiled: join(CORPUS, entry.name, `${entry.name}_transpiled.qasm`) }))
      .filter(({ plain, transpiled }) => existsSync(plain) && existsSync(transpiled))
  : [];

function unitaryPart(circuit: Circuit): Circuit | undefined {
  const firstNonUnitary = circuit.ops.findIndex((op) => op.kind === "measure" || op.kind === "reset");
  const ops = firstNonUnitary === -1 ? circuit.ops : circuit.ops.slice(0, firstNonUnitary);
  const rest = firstNonUnitary === -1 ? [] : circuit.ops.slice(firstNonUnitary);
  if (rest.some((op) => op.kind === "gate")) return undefined;
  return { ...circuit, ops };
}

describe.skipIf(!available)("QASMBench circuits against their transpiled versions", () => {
  it("finds pairs to compare", () => expect(pairs.length).toBeGreaterThan(20));

  const compared: string[] = [];
  it.each(pairs)("$name: the plain and transpiled files agree up to a global phase", ({ name, plain, transpiled }) => {
    if (statSync(plain).size > 1_000_000) return; // hhl_n10: 10 qubits and ~190k gates, beyond the dense reference
    const a = importQasm(readFileSync(plain, "utf8")).circuit;
    const b = importQasm(readFileSync(transpiled, "utf8")).circuit;
    // Skipped: the listed malformed files, and circuits too big for the naive dense reference.
    if (!a || !b || a.nQubits > 8 || a.ops.length + b.ops.length > 4000) return;
    expect(b.nQubits).toBe(a.nQubits);
    const ua = unitaryPart(a);
    const ub = unitaryPart(b);
    if (!ua || !ub) return; // gates after a measurement: not a single unitary
    const input = randomState(a.nQubits, 7);
    // The transpiled files print angles with 8 significant digits, hence the tolerance.
    expect(distanceUpToPhase(runDense(ua, input), runDense(ub, input))).toBeLessThan(1e-6);
    compared.push(name);
  });

  it("compared most of the corpus", () => expect(compared.length).toBeGreaterThanOrEqual(25));
});
