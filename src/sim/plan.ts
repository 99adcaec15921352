// A simulation plan: a circuit checked once and fused once; binding parameter values only
// recomputes the small fused matrices, never the structure, so a variational loop rebinds cheaply.
import { evaluateAngle } from "../circuit/angles.js";
import { GATES, type Circuit, type ConditionedOp } from "../circuit/ir.js";
import { fuseOps, type FusedStep, type GateOp } from "./fusion.js";
import { embedMatrix, gateMatrix, identityMatrix, multiplyMatrices } from "./gate-matrix.js";
import { gatePass, matrixPass } from "./gate-pass.js";
import { MAX_FUSED_QUBITS, type Pass } from "./pass.js";

export interface PlanOptions {
  /** Largest fused block in qubits (0 = no fusion, 1 = single-qubit runs only; default 2). */
  readonly maxFusedQubits?: number;
}

export interface Plan {
  readonly circuit: Circuit;
  readonly steps: readonly FusedStep[];
}

export type BoundStep =
  | { readonly kind: "pass"; readonly pass: Pass }
  | { readonly kind: "measure"; readonly qubit: number; readonly clbit: number }
  | { readonly kind: "reset"; readonly qubit: number }
  | {
      readonly kind: "if";
      readonly clbits: readonly number[];
      readonly value: number;
      /** Undefined for a gate that is the identity at these angles. */
      readonly step: Exclude<BoundStep, { kind: "if" }> | undefined;
    };

export const DEFAULT_FUSED_QUBITS = 2;

/** Checks `circuit` (qubit indices, arity, parameter indices) and fuses its gates. */
export function compilePlan(circuit: Circuit, options: PlanOptions = {}): Plan {
  const maxFusedQubits = options.maxFusedQubits ?? DEFAULT_FUSED_QUBITS;
  if (!Number.isInteger(maxFusedQubits) || maxFusedQubits < 0 || maxFusedQubits > MAX_FUSED_QUBITS) {
    throw new RangeError(`maxFusedQubits must be an integer in 0..${MAX_FUSED_QUBITS}, got ${maxFusedQubits}`);
  }
  validateCircuit(circuit);
  return { circuit, steps: fuseOps(circuit.ops, circuit.nQubits, maxFusedQubits) };
}

/** The plan's passes for parameter values `values` (one per circuit parameter). */
export function bindPlan(plan: Plan, values: ArrayLike<number>): BoundStep[] {
  const { circuit } = plan;
  if (values.length !== circuit.parameters.length) {
    throw new RangeError(`parameter values must have ${circuit.parameters.length} entries (one per circuit parameter), got ${values.length}`);
  }
  const bound: BoundStep[] = [];
  for (const step of plan.steps) {
    switch (step.kind) {
      case "measure":
        bound.push({ kind: "measure", qubit: step.qubit, clbit: step.clbit });
        break;
      case "reset":
        bound.push({ kind: "reset", qubit: step.qubit });
        break;
      case "block": {
        const pass = blockPass(circuit, step.qubits, step.opIndices, values);
        if (pass) bound.push({ kind: "pass", pass });
        break;
      }
      case "if":
        bound.push({ kind: "if", clbits: step.clbits, value: step.value, step: bindConditioned(step.op, values) });
        break;
      default: {
        const unreachable: never = step;
        throw new Error(`internal: unexpected step ${JSON.stringify(unreachable)}`);
      }
    }
  }
  return bound;
}

function bindConditioned(op: ConditionedOp, values: ArrayLike<number>): Exclude<BoundStep, { kind: "if" }> | undefined {
  const bound = bindOp(op, values);
  if (bound.kind !== "gate") return bound;
  return bound.pass && { kind: "pass", pass: bound.pass };
}

/** A gate, measurement or reset with its angles bound; a gate's pass is undefined when it is the identity at these angles. */
export type BoundOp =
  | { readonly kind: "gate"; readonly pass: Pass | undefined; readonly qubits: readonly number[] }
  | { readonly kind: "measure"; readonly qubit: number; readonly clbit: number }
  | { readonly kind: "reset"; readonly qubit: number };

/** One op bound on its own (no fusion): the form conditioned ops and noisy trajectories run. */
export function bindOp(op: ConditionedOp, values: ArrayLike<number>): BoundOp {
  switch (op.kind) {
    case "gate":
      return { kind: "gate", pass: gatePass(op.name, op.qubits, evaluateGateAngles(op, values)), qubits: op.qubits };
    case "measure":
      return { kind: "measure", qubit: op.qubit, clbit: op.clbit };
    case "reset":
      return { kind: "reset", qubit: op.qubit };
    default: {
      const unreachable: never = op;
      throw new Error(`internal: unexpected conditioned op ${JSON.stringify(unreachable)}`);
    }
  }
}

/** Evaluates a gate's angles, refusing non-finite results (e.g. log of a negative parameter). */
export function evaluateGateAngles(op: GateOp, values: ArrayLike<number>): number[] {
  return op.angles.map((angle) => {
    const value = evaluateAngle(angle, values);
    if (!Number.isFinite(value)) {
      throw new RangeError(`angle of gate ${op.name} on qubits [${op.qubits.join(", ")}] must be finite, got ${value}`);
    }
    return value;
  });
}

function blockPass(circuit: Circuit, qubits: readonly number[], opIndices: readonly number[], values: ArrayLike<number>): Pass | undefined {
  if (opIndices.length === 1) {
    const op = circuit.ops[opIndices[0] as number] as GateOp;
    return gatePass(op.name, op.qubits, evaluateGateAngles(op, values));
  }
  // U = G_m ⋯ G_2 G_1 in the block's basis.
  let product = identityMatrix(1 << qubits.length);
  for (const index of opIndices) {
    const op = circuit.ops[index] as GateOp;
    const gate = embedMatrix(gateMatrix(op.name, evaluateGateAngles(op, values)), op.qubits, qubits);
    product = multiplyMatrices(gate, product);
  }
  return matrixPass(product, qubits);
}

/** Throws RangeError/TypeError when `circuit` breaks the IR's invariants. */
export function validateCircuit(circuit: Circuit): void {
  const { nQubits, nClbits } = circuit;
  if (!Number.isInteger(nQubits) || nQubits < 1) throw new RangeError(`circuit nQubits must be a positive integer, got ${nQubits}`);
  const checkQubit = (q: number, where: string): void => {
    if (!Number.isInteger(q) || q < 0 || q >= nQubits) {
      throw new RangeError(`${where}: qubit index must be an integer in 0..${nQubits - 1}, got ${q}`);
    }
  };
  const checkClbit = (c: number, where: string): void => {
    if (!Number.isInteger(c) || c < 0 || c >= nClbits) {
      throw new RangeError(`${where}: clbit index must be an integer in 0..${nClbits - 1}, got ${c}`);
    }
  };
  const checkOp = (op: Circuit["ops"][number], where: string): void => {
    switch (op.kind) {
      case "gate": {
        const spec = GATES[op.name];
        if (spec === undefined) throw new TypeError(`${where}: unknown gate '${String(op.name)}'`);
        if (op.qubits.length !== spec.nQubits) throw new RangeError(`${where}: gate needs ${spec.nQubits} qubits, got ${op.qubits.length}`);
        if (op.angles.length !== spec.nAngles) throw new RangeError(`${where}: gate needs ${spec.nAngles} angles, got ${op.angles.length}`);
        op.qubits.forEach((q) => checkQubit(q, where));
        if (new Set(op.qubits).size !== op.qubits.length) throw new RangeError(`${where}: qubits must be distinct, got [${op.qubits.join(", ")}]`);
        break;
      }
      case "measure":
        checkQubit(op.qubit, where);
        checkClbit(op.clbit, where);
        break;
      case "reset":
        checkQubit(op.qubit, where);
        break;
      case "barrier":
        op.qubits.forEach((q) => checkQubit(q, where));
        break;
      case "if": {
        if (!Array.isArray(op.clbits) || op.clbits.length === 0) throw new RangeError(`${where}: a condition needs at least one clbit`);
        op.clbits.forEach((c) => checkClbit(c, where));
        if (new Set(op.clbits).size !== op.clbits.length) throw new RangeError(`${where}: condition clbits must be distinct, got [${op.clbits.join(", ")}]`);
        if (!Number.isSafeInteger(op.value) || op.value < 0 || op.value >= 2 ** op.clbits.length) {
          throw new RangeError(`${where}: condition value must be an integer in 0..${2 ** op.clbits.length - 1} (${op.clbits.length} clbits), got ${op.value}`);
        }
        const inner = op.op as Circuit["ops"][number];
        if (inner.kind !== "gate" && inner.kind !== "measure" && inner.kind !== "reset") throw new TypeError(`${where}: a condition may guard a gate, measure or reset, got ${inner.kind}`);
        checkOp(inner, `${where} → ${inner.kind === "gate" ? inner.name : inner.kind}`);
        break;
      }
      default: {
        const unreachable: never = op;
        throw new TypeError(`${where}: unknown op ${JSON.stringify(unreachable)}`);
      }
    }
  };
  circuit.ops.forEach((op, index) => checkOp(op, `op ${index} (${op.kind === "gate" ? op.name : op.kind})`));
}
