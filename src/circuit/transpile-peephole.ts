// A peephole pass over a gate list: cancels adjacent self-inverse pairs (x x, h h, cx cx, …), merges
// runs of rz on a qubit into one rz (dropping whole turns, which are a global phase) and drops id.
// "Adjacent" means nothing else touches any of the gate's qubits in between; measure, reset and
// barrier block both rules, as does a classically conditioned op. One left-to-right pass with a stack per qubit also catches cascades
// (h x x h → nothing), because cancelling a pair exposes the gates before it.
import { opQubits, type Circuit, type GateName, type Op } from "./ir.js";
import { add, isWholeTurn } from "./transpile-angles.js";

const SELF_INVERSE = new Set<GateName>(["x", "y", "z", "h", "cx", "cy", "cz", "ch", "swap", "ccx", "cswap"]);
/** Gates whose matrix does not change when their qubits are listed in another order. */
const SYMMETRIC = new Set<GateName>(["cz", "swap"]);

export interface PeepholeStats {
  readonly nCancelledPairs: number;
  readonly nMergedRotations: number;
}

export function peepholeOptimize(circuit: Circuit): { readonly circuit: Circuit; readonly stats: PeepholeStats } {
  const out: (Op | undefined)[] = [];
  const stacks: number[][] = Array.from({ length: circuit.nQubits }, () => []);
  let nCancelledPairs = 0;
  let nMergedRotations = 0;
  const qubitsOf = opQubits;
  const remove = (index: number) => {
    for (const q of qubitsOf(out[index] as Op)) stacks[q]?.pop();
    out[index] = undefined;
  };
  for (const op of circuit.ops) {
    if (op.kind === "gate" && op.name === "id") continue;
    if (op.kind === "gate") {
      const top = commonTop(op.qubits, stacks);
      const previous = top === undefined ? undefined : out[top];
      if (top !== undefined && previous?.kind === "gate" && previous.name === op.name) {
        if (op.name === "rz") {
          const merged = add(previous.angles[0]!, op.angles[0]!);
          nMergedRotations++;
          if (isWholeTurn(merged)) remove(top);
          else out[top] = { ...previous, angles: [merged] };
          continue;
        }
        if (SELF_INVERSE.has(op.name) && sameWires(previous.qubits, op.qubits, SYMMETRIC.has(op.name))) {
          remove(top);
          nCancelledPairs++;
          continue;
        }
      }
    }
    const index = out.length;
    out.push(op);
    for (const q of qubitsOf(op)) stacks[q]?.push(index);
  }
  const ops = out.filter((op): op is Op => op !== undefined);
  return { circuit: { ...circuit, ops }, stats: { nCancelledPairs, nMergedRotations } };
}

/** The op index on top of every one of `qubits`' stacks, if it is the same op (and spans exactly them). */
function commonTop(qubits: readonly number[], stacks: readonly number[][]): number | undefined {
  let top: number | undefined;
  for (const q of qubits) {
    const stack = stacks[q];
    const last = stack?.[stack.length - 1];
    if (last === undefined || (top !== undefined && last !== top)) return undefined;
    top = last;
  }
  return top;
}

function sameWires(a: readonly number[], b: readonly number[], symmetric: boolean): boolean {
  if (a.length !== b.length) return false;
  if (symmetric) return a.every((q) => b.includes(q));
  return a.every((q, k) => q === b[k]);
}
