// SWAP routing quality and speed: SABRE-style routeCircuit against a naive baseline that, for each
// two-qubit gate in program order, walks its first qubit along a shortest path until the pair is
// coupled (timed in the same process, on the same circuits). Circuits: QASMBench "small" files
// (basis-translated) and QAOA-style layers on random 3-regular graphs.
// Run: npx tsx bench/routing.ts
import { existsSync, readFileSync } from "node:fs";
import { couplingDistances, couplingNeighbours, eagle127Coupling, falcon27Coupling, lineCoupling, routeCircuit, transpileToBasis, type CouplingMap } from "../src/circuit/index.js";
import type { Circuit, Op } from "../src/circuit/ir.js";
import { importQasm } from "../src/io/qasm.js";
import { createRng } from "../src/util/rng.js";

function naiveSwaps(circuit: Circuit, map: CouplingMap): number {
  const n = map.nQubits;
  const distance = couplingDistances(map);
  const neighbours = couplingNeighbours(map);
  const layout = Array.from({ length: circuit.nQubits }, (_, l) => l);
  const owner = Array.from({ length: n }, (_, p) => (p < circuit.nQubits ? p : -1));
  let swaps = 0;
  for (const op of circuit.ops) {
    if (op.kind !== "gate" || op.qubits.length !== 2) continue;
    const target = layout[op.qubits[1]!]!;
    let at = layout[op.qubits[0]!]!;
    while (distance[at * n + target]! > 1) {
      const step = neighbours[at]!.find((q) => distance[q * n + target] === distance[at * n + target]! - 1)!;
      const a = owner[at]!;
      const b = owner[step]!;
      owner[at] = b;
      owner[step] = a;
      if (a >= 0) layout[a] = step;
      if (b >= 0) layout[b] = at;
      at = step;
      swaps++;
    }
  }
  return swaps;
}

function qaoaOnRandomRegularGraph(n: number, layers: number, seed: number): Circuit {
  const rng = createRng(seed);
  // Configuration model with rejection: pair up 3 stubs per vertex until the graph is simple.
  let edges: [number, number][] = [];
  for (let attempt = 0; attempt < 1000; attempt++) {
    const stubs = Array.from({ length: 3 * n }, (_, k) => Math.floor(k / 3));
    for (let k = stubs.length - 1; k > 0; k--) {
      const j = rng.int(k + 1);
      [stubs[k], stubs[j]] = [stubs[j]!, stubs[k]!];
    }
    edges = [];
    const seen = new Set<string>();
    let simple = true;
    for (let k = 0; k < stubs.length; k += 2) {
      const a = Math.min(stubs[k]!, stubs[k + 1]!);
      const b = Math.max(stubs[k]!, stubs[k + 1]!);
      if (a === b || seen.has(`${a},${b}`)) simple = false;
      seen.add(`${a},${b}`);
      edges.push([a, b]);
    }
    if (simple) break;
  }
  const ops: Op[] = [];
  for (let q = 0; q < n; q++) ops.push({ kind: "gate", name: "h", qubits: [q], angles: [] });
  for (let layer = 0; layer < layers; layer++) {
    for (const [a, b] of edges) ops.push({ kind: "gate", name: "rzz", qubits: [a, b], angles: [{ kind: "const", value: 0.3 + layer }] });
    for (let q = 0; q < n; q++) ops.push({ kind: "gate", name: "rx", qubits: [q], angles: [{ kind: "const", value: 0.7 }] });
  }
  return { name: `qaoa-3reg-n${n}-p${layers}`, nQubits: n, nClbits: 0, parameters: [], ops };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const circuits: Circuit[] = [];
const corpus = "../shared/data/qasm/small";
for (const name of ["adder_n10", "qft_n4", "ising_n10", "qaoa_n6", "dnn_n8", "hhl_n7", "sat_n7", "qpe_n9"]) {
  const path = `${corpus}/${name}/${name}.qasm`;
  if (!existsSync(path)) continue;
  const circuit = importQasm(readFileSync(path, "utf8")).circuit;
  if (circuit) circuits.push({ ...transpileToBasis(circuit), name });
}
if (circuits.length === 0) console.log(`(${corpus} absent: QASMBench rows skipped)`);
circuits.push(transpileToBasis(qaoaOnRandomRegularGraph(20, 2, 1)), transpileToBasis(qaoaOnRandomRegularGraph(24, 2, 2)), transpileToBasis(qaoaOnRandomRegularGraph(100, 2, 3)));

console.log("| circuit | qubits | cx | map | SABRE swaps | naive swaps | SABRE / naive | routing ms (median of 5) |");
console.log("| --- | ---: | ---: | --- | ---: | ---: | ---: | ---: |");
for (const circuit of circuits) {
  const nCx = circuit.ops.filter((op) => op.kind === "gate" && op.qubits.length === 2).length;
  const maps = circuit.nQubits <= 27 ? [lineCoupling(circuit.nQubits), falcon27Coupling()] : [lineCoupling(circuit.nQubits), eagle127Coupling()];
  for (const map of maps) {
    const times: number[] = [];
    let swaps = 0;
    for (let run = 0; run < 5; run++) {
      const start = performance.now();
      swaps = routeCircuit(circuit, map).nSwaps;
      times.push(performance.now() - start);
    }
    const naive = naiveSwaps(circuit, map);
    console.log(`| ${circuit.name} | ${circuit.nQubits} | ${nCx} | ${map.name} | ${swaps} | ${naive} | ${naive > 0 ? (swaps / naive).toFixed(2) : "–"} | ${median(times).toFixed(1)} |`);
  }
}
