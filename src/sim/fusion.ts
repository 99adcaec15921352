// Gate fusion: groups a circuit's gates into blocks acting on at most `maxQubits` qubits, so that
// each block costs one pass over the state instead of one pass per gate.
//
// Greedy, in circuit order (after qsim's fuser, rewritten): a gate joins the latest block that
// touches its qubits when the union stays within `maxQubits`; blocks of its other qubits merge in
// too when nothing later touches them (their gates then commute with everything in between, as the
// qubit sets are disjoint). A layer of single-qubit gates therefore fuses per qubit, and 1-qubit
// gates fold into the neighbouring 2-qubit gates. Measurement, reset and classically conditioned
// operations close every block.
import type { ConditionedOp, GateOp, Op } from "../circuit/ir.js";

export type { GateOp };

export interface FusedBlock {
  readonly kind: "block";
  /** The block's qubits; the fused matrix's local bit j is qubits[j]. */
  readonly qubits: number[];
  /** Indices into the circuit's ops, in application order. */
  readonly opIndices: number[];
}

export type FusedStep =
  | FusedBlock
  | { readonly kind: "measure"; readonly qubit: number; readonly clbit: number; readonly opIndex: number }
  | { readonly kind: "reset"; readonly qubit: number; readonly opIndex: number }
  | { readonly kind: "if"; readonly clbits: readonly number[]; readonly value: number; readonly op: ConditionedOp; readonly opIndex: number };

/**
 * Fuses `ops` into blocks of at most `maxQubits` qubits; 1 fuses runs of single-qubit gates only,
 * 0 disables fusion (one block per gate).
 */
export function fuseOps(ops: readonly Op[], nQubits: number, maxQubits: number): FusedStep[] {
  if (maxQubits === 0) {
    return ops.flatMap((op, opIndex): FusedStep[] => {
      switch (op.kind) {
        case "gate":
          return [{ kind: "block", qubits: [...op.qubits], opIndices: [opIndex] }];
        case "measure":
          return [{ kind: "measure", qubit: op.qubit, clbit: op.clbit, opIndex }];
        case "reset":
          return [{ kind: "reset", qubit: op.qubit, opIndex }];
        case "barrier":
          return [];
        case "if":
          return [{ kind: "if", clbits: op.clbits, value: op.value, op: op.op, opIndex }];
        default: {
          const unreachable: never = op;
          throw new Error(`internal: unexpected op ${JSON.stringify(unreachable)}`);
        }
      }
    });
  }
  const steps: (FusedStep | undefined)[] = [];
  // lastStep[q]: index in `steps` of the latest block touching qubit q (−1: none since the last fence).
  const lastStep = new Int32Array(nQubits).fill(-1);
  const isOpen = (stepIndex: number): boolean => {
    const step = steps[stepIndex];
    if (step === undefined || step.kind !== "block") return false;
    return step.qubits.every((q) => lastStep[q] === stepIndex);
  };
  for (let opIndex = 0; opIndex < ops.length; opIndex++) {
    const op = ops[opIndex] as Op;
    switch (op.kind) {
      case "barrier":
        break;
      case "measure":
      case "reset":
        steps.push(op.kind === "measure" ? { kind: "measure", qubit: op.qubit, clbit: op.clbit, opIndex } : { kind: "reset", qubit: op.qubit, opIndex });
        lastStep.fill(-1);
        break;
      case "if":
        // Whether it applies is known only during the run: nothing fuses across it.
        steps.push({ kind: "if", clbits: op.clbits, value: op.value, op: op.op, opIndex });
        lastStep.fill(-1);
        break;
      case "gate": {
        const touching = [...new Set(op.qubits.map((q) => lastStep[q] as number).filter((s) => s >= 0))].sort((a, b) => a - b);
        const target = touching[touching.length - 1];
        let merged = false;
        if (target !== undefined) {
          const others = touching.slice(0, -1);
          const union = new Set<number>(op.qubits);
          for (const s of touching) for (const q of (steps[s] as FusedBlock).qubits) union.add(q);
          if (union.size <= maxQubits && others.every(isOpen)) {
            const block = steps[target] as FusedBlock;
            const opIndices: number[] = [];
            const mergedQubits = new Map<number, readonly number[]>();
            for (const s of others) {
              const other = steps[s] as FusedBlock;
              mergedQubits.set(s, other.qubits);
              opIndices.push(...other.opIndices);
              for (const q of other.qubits) if (!block.qubits.includes(q)) block.qubits.push(q);
              steps[s] = undefined;
            }
            block.opIndices.unshift(...opIndices);
            block.opIndices.push(opIndex);
            for (const q of op.qubits) if (!block.qubits.includes(q)) block.qubits.push(q);
            // Only the gate's and the merged blocks' qubits move here: other qubits of the target
            // may already have later blocks.
            for (const q of op.qubits) lastStep[q] = target;
            for (const s of others) for (const q of (mergedQubits.get(s) ?? [])) lastStep[q] = target;
            merged = true;
          }
        }
        if (!merged) {
          steps.push({ kind: "block", qubits: [...op.qubits], opIndices: [opIndex] });
          for (const q of op.qubits) lastStep[q] = steps.length - 1;
        }
        break;
      }
      default: {
        const unreachable: never = op;
        throw new Error(`internal: unexpected op ${JSON.stringify(unreachable)}`);
      }
    }
  }
  return steps.filter((s): s is FusedStep => s !== undefined);
}
