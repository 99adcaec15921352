// Resource estimates before running a circuit: width, depth and gate counts as written, after
// translation to {rz, sx, x, cx}, and after SWAP routing on a line and on a heavy-hex device, plus
// the statevector simulator's memory and a predicted run time.
//
// Time model (an estimate, not a measurement): seconds ≈ passes × 2ⁿ × nsPerAmplitude × 10⁻⁹, where
// passes is the number of sweeps over the state after the simulator's gate fusion (measure and reset
// count one each) and nsPerAmplitude defaults to a constant measured for one generic single-qubit
// pass in plain JS on one thread (bench/resources-calibration.ts). Threads, cache effects and
// diagonal kernels make real runs faster or slower; treat the figure as an order of magnitude.
import { compilePlan } from "../sim/plan.js";
import { eagle127Coupling, falcon27Coupling, heavyHexCoupling, lineCoupling, type CouplingMap } from "./coupling-map.js";
import { opQubits, type Circuit } from "./ir.js";
import { routeCircuit } from "./routing.js";
import { transpileToBasis } from "./transpile.js";

/** ns per amplitude for one single-qubit pass, measured with bench/resources-calibration.ts. */
export const DEFAULT_NS_PER_AMPLITUDE = 2;

export interface CircuitStats {
  readonly nQubits: number;
  /**
   * Longest chain of gates, measurements and resets through any qubit (barriers only align); a
   * classically conditioned op also waits for the measurements of its condition bits.
   */
  readonly depth: number;
  readonly nGates: number;
  readonly nTwoQubitGates: number;
  readonly nMeasurements: number;
  /** Ops guarded by a classical condition; their gates and measurements also count above (as if applied). */
  readonly nConditional: number;
  /** Gate name → count, sorted by name. */
  readonly gateCounts: Readonly<Record<string, number>>;
}

export interface RoutedStats extends CircuitStats {
  readonly couplingMap: string;
  readonly nSwaps: number;
}

export interface SimulatorEstimate {
  readonly memoryBytes: number;
  readonly passes: number;
  readonly nsPerAmplitude: number;
  readonly predictedSeconds: number;
}

export interface ResourceEstimate {
  readonly logical: CircuitStats;
  readonly basis: CircuitStats;
  /** Absent when routing was switched off. */
  readonly line?: RoutedStats;
  readonly heavyHex?: RoutedStats;
  readonly simulator: SimulatorEstimate;
}

export interface ResourceOptions {
  /** Route on a line and on heavy-hex (default true; wide, long circuits take longer to route). */
  readonly routing?: boolean;
  /** The heavy-hex device; defaults to Falcon 27, Eagle 127, or a larger Eagle-style lattice. */
  readonly heavyHex?: CouplingMap;
  /** Overrides the calibrated time constant. */
  readonly nsPerAmplitude?: number;
}

export function estimateResources(circuit: Circuit, options: ResourceOptions = {}): ResourceEstimate {
  const nsPerAmplitude = options.nsPerAmplitude ?? DEFAULT_NS_PER_AMPLITUDE;
  if (!(nsPerAmplitude > 0) || !Number.isFinite(nsPerAmplitude)) throw new RangeError(`nsPerAmplitude must be a positive number, got ${nsPerAmplitude}`);
  const logical = circuitStats(circuit);
  const basisCircuit = transpileToBasis(circuit);
  const basis = circuitStats(basisCircuit);
  const passes = compilePlan(circuit).steps.length;
  const amplitudes = 2 ** circuit.nQubits;
  const simulator: SimulatorEstimate = {
    memoryBytes: 16 * amplitudes,
    passes,
    nsPerAmplitude,
    predictedSeconds: passes * amplitudes * nsPerAmplitude * 1e-9,
  };
  if (options.routing === false || circuit.nQubits === 0) return { logical, basis, simulator };
  const routedOn = (map: CouplingMap): RoutedStats => {
    const routed = routeCircuit(basisCircuit, map);
    // Swaps become three cx each; the peephole pass then cancels what it can.
    const stats = circuitStats(transpileToBasis(routed.circuit));
    return { ...stats, nQubits: circuit.nQubits, couplingMap: map.name, nSwaps: routed.nSwaps };
  };
  return {
    logical,
    basis,
    line: routedOn(lineCoupling(circuit.nQubits)),
    heavyHex: routedOn(options.heavyHex ?? defaultHeavyHex(circuit.nQubits)),
    simulator,
  };
}

/** Width, depth and gate counts of a circuit as it stands. */
export function circuitStats(circuit: Circuit): CircuitStats {
  const level = new Int32Array(circuit.nQubits);
  const clbitLevel = new Int32Array(circuit.nClbits);
  const counts = new Map<string, number>();
  let depth = 0;
  let nGates = 0;
  let nTwoQubitGates = 0;
  let nMeasurements = 0;
  let nConditional = 0;
  for (const outer of circuit.ops) {
    const qubits = opQubits(outer);
    let start = 0;
    for (const q of qubits) start = Math.max(start, level[q] ?? 0);
    if (outer.kind === "if") for (const c of outer.clbits) start = Math.max(start, clbitLevel[c] ?? 0);
    const end = outer.kind === "barrier" ? start : start + 1;
    for (const q of qubits) level[q] = end;
    depth = Math.max(depth, end);
    const op = outer.kind === "if" ? outer.op : outer;
    if (outer.kind === "if") nConditional++;
    if (op.kind === "gate") {
      nGates++;
      if (op.qubits.length === 2) nTwoQubitGates++;
      counts.set(op.name, (counts.get(op.name) ?? 0) + 1);
    } else if (op.kind === "measure") {
      nMeasurements++;
      clbitLevel[op.clbit] = end;
    }
  }
  const gateCounts = Object.fromEntries([...counts.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return { nQubits: circuit.nQubits, depth, nGates, nTwoQubitGates, nMeasurements, nConditional, gateCounts };
}

function defaultHeavyHex(nQubits: number): CouplingMap {
  if (nQubits <= 27) return falcon27Coupling();
  if (nQubits <= 127) return eagle127Coupling();
  // Eagle-style lattices grow by two rows of 15 (plus bridges) at a time.
  let rows = 9;
  while (heavyHexCoupling(rows, 15).nQubits < nQubits) rows += 2;
  return heavyHexCoupling(rows, 15);
}
