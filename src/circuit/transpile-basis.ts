// Translation of every IR gate into the IBM basis {rz, sx, x, cx}, exact up to a global phase.
//
// One-qubit gates go through U(θ,φ,λ) ≅ Rz(φ+π)·SX·Rz(θ+π)·SX·Rz(λ) (time order: rz(λ), sx, rz(θ+π),
// sx, rz(φ+π); McKay et al., "Efficient Z gates for quantum computing", PRA 96, 022330, 2017), with
// shorter forms for diagonal gates (rz only), h (rz·sx·rz) and y (rz·x). Multi-qubit gates use the
// qelib1.inc definitions (ccx: the 6-CNOT Toffoli of Nielsen & Chuang, Fig. 4.9). Symbolic angles
// stay symbolic. measure, reset and barrier pass through unchanged; a classically conditioned gate
// becomes its basis gates under the same condition (gates write no clbits, so the condition reads
// the same for each; the dropped global phase is per classical branch, so unobservable).
import type { AngleExpr, Circuit, GateName, GateOp, Op } from "./ir.js";
import { add, addConstant, constant, isConstant, scale } from "./transpile-angles.js";

export const BASIS_GATES = ["rz", "sx", "x", "cx"] as const satisfies readonly GateName[];

const PI = Math.PI;

/** The circuit with every gate rewritten into rz, sx, x and cx (global phase not tracked). */
export function translateToBasis(circuit: Circuit): Circuit {
  const ops: Op[] = [];
  for (const op of circuit.ops) {
    if (op.kind === "gate") {
      emitInBasis(op.name, op.qubits, op.angles, ops);
    } else if (op.kind === "if" && op.op.kind === "gate") {
      const gates: Op[] = [];
      emitInBasis(op.op.name, op.op.qubits, op.op.angles, gates);
      for (const gate of gates) ops.push({ kind: "if", clbits: op.clbits, value: op.value, op: gate as GateOp });
    } else {
      ops.push(op);
    }
  }
  return { ...circuit, ops };
}

type Emit = (name: GateName, qubits: readonly number[], angles?: readonly AngleExpr[]) => void;

function emitInBasis(name: GateName, qubits: readonly number[], angles: readonly AngleExpr[], out: Op[]): void {
  const emit: Emit = (gate, wires, gateAngles = []) => emitInBasis(gate, wires, gateAngles, out);
  const [a = 0, b = 0, c = 0] = qubits;
  const [theta = constant(0), phi = constant(0), lambda = constant(0), gamma = constant(0)] = angles;
  const rz = (qubit: number, angle: AngleExpr) => {
    if (!isConstant(angle, 0)) out.push({ kind: "gate", name: "rz", qubits: [qubit], angles: [angle] });
  };
  const k = (value: number) => constant(value);
  switch (name) {
    case "rz":
      rz(a, theta);
      return;
    case "sx":
    case "x":
    case "cx":
      out.push({ kind: "gate", name, qubits: [...qubits], angles: [] });
      return;
    case "id":
      return;
    case "z":
      return rz(a, k(PI));
    case "s":
      return rz(a, k(PI / 2));
    case "sdg":
      return rz(a, k(-PI / 2));
    case "t":
      return rz(a, k(PI / 4));
    case "tdg":
      return rz(a, k(-PI / 4));
    case "p":
      return rz(a, theta);
    case "y":
      rz(a, k(PI));
      emit("x", [a]);
      return;
    case "h":
      rz(a, k(PI / 2));
      emit("sx", [a]);
      rz(a, k(PI / 2));
      return;
    case "sxdg":
      rz(a, k(PI));
      emit("sx", [a]);
      rz(a, k(PI));
      return;
    case "rx":
      return emit("u", [a], [theta, k(-PI / 2), k(PI / 2)]);
    case "ry":
      return emit("u", [a], [theta, k(0), k(0)]);
    case "u":
      rz(a, lambda);
      emit("sx", [a]);
      rz(a, addConstant(theta, PI));
      emit("sx", [a]);
      rz(a, addConstant(phi, PI));
      return;
    case "cz":
      emit("h", [b]);
      emit("cx", [a, b]);
      emit("h", [b]);
      return;
    case "cy":
      emit("sdg", [b]);
      emit("cx", [a, b]);
      emit("s", [b]);
      return;
    case "ch":
      for (const [gate, wires] of [["h", [b]], ["sdg", [b]], ["cx", [a, b]], ["h", [b]], ["t", [b]], ["cx", [a, b]], ["t", [b]], ["h", [b]], ["s", [b]], ["x", [b]], ["s", [a]]] as const) {
        emit(gate, wires);
      }
      return;
    case "swap":
      emit("cx", [a, b]);
      emit("cx", [b, a]);
      emit("cx", [a, b]);
      return;
    case "crz":
      rz(b, scale(theta, 0.5));
      emit("cx", [a, b]);
      rz(b, scale(theta, -0.5));
      emit("cx", [a, b]);
      return;
    case "cp":
      rz(a, scale(theta, 0.5));
      emit("cx", [a, b]);
      rz(b, scale(theta, -0.5));
      emit("cx", [a, b]);
      rz(b, scale(theta, 0.5));
      return;
    case "crx":
      emit("s", [b]);
      emit("cx", [a, b]);
      emit("ry", [b], [scale(theta, -0.5)]);
      emit("cx", [a, b]);
      emit("u", [b], [scale(theta, 0.5), k(-PI / 2), k(0)]);
      return;
    case "cry":
      emit("ry", [b], [scale(theta, 0.5)]);
      emit("cx", [a, b]);
      emit("ry", [b], [scale(theta, -0.5)]);
      emit("cx", [a, b]);
      return;
    case "cu": {
      // controlled(e^{iγ}·U(θ,φ,λ)): the phase e^{iγ} on the control's |1⟩ is a p(γ) on the control.
      rz(a, add(gamma, scale(add(lambda, phi), 0.5)));
      rz(b, scale(add(lambda, scale(phi, -1)), 0.5));
      emit("cx", [a, b]);
      emit("u", [b], [scale(theta, -0.5), k(0), scale(add(phi, lambda), -0.5)]);
      emit("cx", [a, b]);
      emit("u", [b], [scale(theta, 0.5), phi, k(0)]);
      return;
    }
    case "rzz":
      emit("cx", [a, b]);
      rz(b, theta);
      emit("cx", [a, b]);
      return;
    case "rxx":
      emit("h", [a]);
      emit("h", [b]);
      emit("rzz", [a, b], [theta]);
      emit("h", [a]);
      emit("h", [b]);
      return;
    case "ryy":
      emit("rx", [a], [k(PI / 2)]);
      emit("rx", [b], [k(PI / 2)]);
      emit("rzz", [a, b], [theta]);
      emit("rx", [a], [k(-PI / 2)]);
      emit("rx", [b], [k(-PI / 2)]);
      return;
    case "ccx":
      emit("h", [c]);
      emit("cx", [b, c]);
      emit("tdg", [c]);
      emit("cx", [a, c]);
      emit("t", [c]);
      emit("cx", [b, c]);
      emit("tdg", [c]);
      emit("cx", [a, c]);
      emit("t", [b]);
      emit("t", [c]);
      emit("h", [c]);
      emit("cx", [a, b]);
      emit("t", [a]);
      emit("tdg", [b]);
      emit("cx", [a, b]);
      return;
    case "cswap":
      emit("cx", [c, b]);
      emit("ccx", [a, b, c]);
      emit("cx", [c, b]);
      return;
    default:
      assertNever(name);
  }
}

function assertNever(value: never): never {
  throw new Error(`internal: no basis translation for gate ${JSON.stringify(value)}`);
}
