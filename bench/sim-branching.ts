// Sampling circuits with mid-circuit measurements and classically conditioned gates: one branch per
// measurement outcome (shots split binomially, the default for noiseless circuits) against one
// trajectory per shot, on the QASMBench "small" files with `if` and on a wider synthetic circuit.
// Both paths run in the same process, alternating, so the ratio is measured under the same load.
// Run: npx tsx bench/sim-branching.ts   (reads ../shared/data/qasm/small; median of 5 runs, 1 thread)
import { existsSync, readFileSync } from "node:fs";
import { loadavg } from "node:os";
import type { Circuit } from "../src/circuit/ir.js";
import { importQasm } from "../src/io/qasm.js";
import { sampleCircuit } from "../src/sim/sample-circuit.js";

const CORPUS = "../shared/data/qasm/small";
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
/** CPU ms of this process (user + system) for one call, steadier than wall time on a shared machine. */
function cpuMs(run: () => unknown): number {
  const start = process.cpuUsage();
  run();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

function totalVariation(a: Record<string, number>, b: Record<string, number>, shots: number): number {
  let sum = 0;
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) sum += Math.abs((a[key] ?? 0) - (b[key] ?? 0));
  return sum / (2 * shots);
}

const circuits: [string, Circuit][] = [];
for (const name of ["inverseqft_n4", "ipea_n2", "qec_sm_n5", "shor_n5"]) {
  const path = `${CORPUS}/${name}/${name}.qasm`;
  if (!existsSync(path)) continue;
  circuits.push([name, importQasm(readFileSync(path, "utf8"), { file: `${name}.qasm` }).circuit!]);
}
// 16 qubits: a layer of rotations and a CX chain, then three rounds of measuring and resetting an
// ancilla with a correction conditioned on the register.
const wide = ['OPENQASM 2.0;\ninclude "qelib1.inc";\nqreg q[16];\ncreg c[3];\ncreg out[2];'];
for (let q = 0; q < 16; q++) wide.push(`ry(${(0.1 + 0.17 * q).toFixed(2)}) q[${q}];`);
for (let q = 0; q < 15; q++) wide.push(`cx q[${q}], q[${q + 1}];`);
for (let round = 0; round < 3; round++) wide.push(`measure q[0] -> c[${round}];\nif(c==${round + 1}) x q[${round + 5}];\nreset q[0];\nh q[0];\ncx q[0], q[${round + 1}];`);
wide.push("measure q[8] -> out[0];\nmeasure q[15] -> out[1];");
circuits.push(["synthetic 16-qubit, 3 rounds", importQasm(wide.join("\n")).circuit!]);

console.log(`load average at start ${loadavg().map((x) => x.toFixed(2)).join(" ")}`);
for (const shots of [1000, 10000]) {
  for (const [name, circuit] of circuits) {
    const perShotMs: number[] = [];
    const branchingMs: number[] = [];
    let branches = 0;
    let tv = 0;
    for (let run = 0; run < 5; run++) {
      let perShot: ReturnType<typeof sampleCircuit> | undefined;
      let branched: ReturnType<typeof sampleCircuit> | undefined;
      perShotMs.push(cpuMs(() => (perShot = sampleCircuit(circuit, shots, { seed: run, threads: 1, trajectories: shots }))));
      branchingMs.push(cpuMs(() => (branched = sampleCircuit(circuit, shots, { seed: run, threads: 1 }))));
      branches = branched!.trajectories;
      tv = Math.max(tv, totalVariation(perShot!.counts, branched!.counts, shots));
    }
    const a = median(perShotMs);
    const b = median(branchingMs);
    console.log(`${name}, ${circuit.nQubits} qubits, ${shots} shots: per shot ${a.toFixed(1)} CPU ms, branching ${b.toFixed(1)} CPU ms (${branches} branches) → ${(a / b).toFixed(1)}×; largest TV distance between the two ${tv.toFixed(3)}`);
  }
}
console.log(`load average at end ${loadavg().map((x) => x.toFixed(2)).join(" ")}`);
