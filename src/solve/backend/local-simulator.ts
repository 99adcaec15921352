// The Backend every run can use today: it parses the OpenQASM 3 it is sent (importQasm reads the
// subset exportQasm3 writes), so the text wire format is exercised exactly as a remote provider
// would receive it, checks the circuit against its own description (qubits, basis gates), and
// samples shots on the statevector simulator with the job's seed. Simulation is synchronous: the
// abort signal is honoured before it starts (a timed-out call has already been given up on).
import { GATES } from "../../circuit/ir.js";
import { importQasm } from "../../io/qasm-import.js";
import { MAX_QUBITS } from "../../sim/memory-guard.js";
import { sampleCircuit } from "../../sim/sample-circuit.js";
import { type Backend, type BackendDescription, BackendError, type BackendJob, type BackendResult } from "./backend.js";

export interface LocalSimulatorOptions {
  readonly name?: string;
  /** Default: the simulator's limit. */
  readonly maxQubits?: number;
  /** Gates it accepts (IR names); default every IR gate. Set e.g. ["rz", "sx", "x", "cx"] to act as a device. */
  readonly basisGates?: readonly string[];
}

export function localSimulatorBackend(options: LocalSimulatorOptions = {}): Backend {
  const maxQubits = options.maxQubits ?? MAX_QUBITS;
  if (!Number.isSafeInteger(maxQubits) || maxQubits < 1 || maxQubits > MAX_QUBITS) {
    throw new RangeError(`maxQubits must be an integer in [1, ${MAX_QUBITS}], got ${maxQubits}`);
  }
  const basisGates = options.basisGates ?? Object.keys(GATES);
  for (const gate of basisGates) if (!(gate in GATES)) throw new RangeError(`basis gate '${gate}' is not a gate the simulator knows`);
  const description: BackendDescription = { name: options.name ?? "local-simulator", maxQubits, basisGates: [...basisGates] };
  return {
    describe: () => description,
    run: (job) => runLocally(job, description),
  };
}

async function runLocally(job: BackendJob, description: BackendDescription): Promise<BackendResult> {
  await new Promise((resolve) => setImmediate(resolve)); // answer asynchronously, as a remote call would
  job.signal.throwIfAborted();
  const imported = importQasm(job.qasm, { name: "job" });
  const circuit = imported.circuit;
  if (circuit === undefined) {
    const first = imported.diagnostics.find((d) => d.severity === "error");
    const where = first ? ` at ${first.span.start.line}:${first.span.start.column}` : "";
    throw new BackendError(`${description.name} cannot read the job's OpenQASM${where}: ${first?.message ?? "unknown error"}`, false);
  }
  if (circuit.nQubits > description.maxQubits) {
    throw new BackendError(`${description.name} has ${description.maxQubits} qubits; the circuit needs ${circuit.nQubits}`, false);
  }
  const outside = new Set<string>();
  for (const op of circuit.ops) if (op.kind === "gate" && !description.basisGates.includes(op.name)) outside.add(op.name);
  if (outside.size > 0) throw new BackendError(`${description.name} does not run the gates ${[...outside].join(", ")} (basis: ${description.basisGates.join(", ")})`, false);
  if (!Number.isSafeInteger(job.shots) || job.shots < 1) throw new BackendError(`shots must be a positive integer, got ${job.shots}`, false);
  return { counts: sampleCircuit(circuit, job.shots, { seed: job.seed }).counts };
}
