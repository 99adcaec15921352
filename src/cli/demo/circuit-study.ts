// The demo's circuit study: a GHZ circuit from the language corpus, lowered to the circuit IR and
// sampled with seeded shots on the statevector simulator.
import type { Circuit } from "../../circuit/ir.js";
import { lowerCircuit } from "../../circuit/lower-circuit.js";
import { check } from "../../lang/check.js";
import { sampleCircuit } from "../../sim/sample-circuit.js";
import { DemoError } from "./knapsack-study.js";

export const GHZ_SOURCE = `// GHZ state on n qubits: (|0…0⟩ + |1…1⟩)/√2.
circuit ghz(n: int) {
  qubit q[n]
  h q[0]
  for i in 0..n-2 { cx q[i], q[i+1] }
  measure q
}
`;

export interface CircuitStudy {
  readonly circuit: Circuit;
  readonly shots: number;
  readonly counts: Readonly<Record<string, number>>;
}

export function runGhzStudy(nQubits: number, shots: number, seed: number): CircuitStudy {
  const checked = check(GHZ_SOURCE, { file: "ghz.qp" });
  const lowered = lowerCircuit(checked, "ghz", { sizes: { n: nQubits } });
  if (!lowered.circuit) throw new DemoError("the demo's GHZ circuit did not lower", [...checked.diagnostics, ...lowered.diagnostics]);
  const { counts } = sampleCircuit(lowered.circuit, shots, { seed });
  return { circuit: lowered.circuit, shots, counts };
}
