// The standard gates of `include "qelib1.inc"`: every gate of the current qelib1.inc plus the
// extensions Qiskit accepts in OpenQASM 2 (p, cp, u, sx, sxdg, csx, cu). Each maps onto one IR gate
// with the same matrix where the IR has one; the rest expand by their qelib1 definitions.
//
// Matrices follow qelib1's comments and Qiskit (docs/circuits.md has the table), with one documented
// choice: qelib1 writes `gate rz(phi) a { u1(phi) a; }`, which differs from the rotation
// Rz(φ) = diag(e^{-iφ/2}, e^{iφ/2}) by the global phase e^{iφ/2}. OpenQASM 2 has no control modifier,
// so a global phase cannot be observed; we import `rz` as the rotation (as Qiskit and quantum-circuit
// do), which keeps basis-translated files ({rz, sx, x, cx}) in the same gate set. Likewise `U` is the
// u3 matrix [[cos θ/2, -e^{iλ} sin θ/2], [e^{iφ} sin θ/2, e^{i(φ+λ)} cos θ/2]] (qelib1/Qiskit), not the
// spec's Rz(φ)Ry(θ)Rz(λ), which differs by the global phase e^{-i(φ+λ)/2}.
import type { GateName } from "../circuit/ir.js";

export interface StandardGate {
  readonly nParams: number;
  readonly nQubits: number;
  /** The IR gate and its angles, when the IR has this gate. */
  readonly ir?: { readonly name: GateName; readonly angles: (params: readonly number[]) => number[] };
}

const same = (name: GateName, nParams: number, nQubits: number): StandardGate => ({
  nParams,
  nQubits,
  ir: { name, angles: (params) => [...params] },
});

/** Built into the language itself (no include needed). */
export const BUILTIN_GATES: Readonly<Record<string, StandardGate>> = {
  U: same("u", 3, 1),
  CX: same("cx", 0, 2),
};

/** Gates that `include "qelib1.inc"` brings in and that map onto one IR gate. */
export const QELIB1_GATES: Readonly<Record<string, StandardGate>> = {
  u3: same("u", 3, 1),
  u2: { nParams: 2, nQubits: 1, ir: { name: "u", angles: ([phi = 0, lambda = 0]) => [Math.PI / 2, phi, lambda] } },
  u1: same("p", 1, 1),
  u0: { nParams: 1, nQubits: 1, ir: { name: "id", angles: () => [] } },
  u: same("u", 3, 1),
  p: same("p", 1, 1),
  cx: same("cx", 0, 2),
  id: same("id", 0, 1),
  x: same("x", 0, 1),
  y: same("y", 0, 1),
  z: same("z", 0, 1),
  h: same("h", 0, 1),
  s: same("s", 0, 1),
  sdg: same("sdg", 0, 1),
  t: same("t", 0, 1),
  tdg: same("tdg", 0, 1),
  rx: same("rx", 1, 1),
  ry: same("ry", 1, 1),
  rz: same("rz", 1, 1),
  sx: same("sx", 0, 1),
  sxdg: same("sxdg", 0, 1),
  cz: same("cz", 0, 2),
  cy: same("cy", 0, 2),
  swap: same("swap", 0, 2),
  ch: same("ch", 0, 2),
  ccx: same("ccx", 0, 3),
  cswap: same("cswap", 0, 3),
  crx: same("crx", 1, 2),
  cry: same("cry", 1, 2),
  crz: same("crz", 1, 2),
  cu1: same("cp", 1, 2),
  cp: same("cp", 1, 2),
  cu3: { nParams: 3, nQubits: 2, ir: { name: "cu", angles: ([theta = 0, phi = 0, lambda = 0]) => [theta, phi, lambda, 0] } },
  cu: same("cu", 4, 2),
  rxx: same("rxx", 1, 2),
  rzz: same("rzz", 1, 2),
};

/**
 * qelib1 gates without an IR counterpart, expanded by qelib1-style definitions; each is checked
 * against its exact matrix in the tests. Two differ from the older qelib1.inc text (as shipped with
 * QASMBench), which does not match those matrices: there c3sqrtx is the 3-controlled √X†
 * (also a square root of X, but not sx) and c4x is not a 4-controlled X at all. Here c3sqrtx is the
 * 3-controlled sx, and c4x the exact construction
 * C4X = C3√X(abc→e) · C3X(abc→d) · C√X†(d→e) · C3X(abc→d) · C√X(d→e) (time order right to left).
 */
export const QELIB1_DEFINITIONS = `
gate csx a,b { h b; cu1(pi/2) a,b; h b; }
gate rccx a,b,c {
  u2(0,pi) c; u1(pi/4) c; cx b,c; u1(-pi/4) c; cx a,c; u1(pi/4) c; cx b,c; u1(-pi/4) c; u2(0,pi) c;
}
gate rc3x a,b,c,d {
  u2(0,pi) d; u1(pi/4) d; cx c,d; u1(-pi/4) d; u2(0,pi) d; cx a,d; u1(pi/4) d; cx b,d; u1(-pi/4) d;
  cx a,d; u1(pi/4) d; cx b,d; u1(-pi/4) d; u2(0,pi) d; u1(pi/4) d; cx c,d; u1(-pi/4) d; u2(0,pi) d;
}
gate c3x a,b,c,d {
  h d; cu1(-pi/4) a,d; h d; cx a,b; h d; cu1(pi/4) b,d; h d; cx a,b; h d; cu1(-pi/4) b,d; h d;
  cx b,c; h d; cu1(pi/4) c,d; h d; cx a,c; h d; cu1(-pi/4) c,d; h d; cx b,c; h d; cu1(pi/4) c,d; h d;
  cx a,c; h d; cu1(-pi/4) c,d; h d;
}
gate c3sqrtx a,b,c,d {
  h d; cu1(pi/8) a,d; h d; cx a,b; h d; cu1(-pi/8) b,d; h d; cx a,b; h d; cu1(pi/8) b,d; h d;
  cx b,c; h d; cu1(-pi/8) c,d; h d; cx a,c; h d; cu1(pi/8) c,d; h d; cx b,c; h d; cu1(-pi/8) c,d; h d;
  cx a,c; h d; cu1(pi/8) c,d; h d;
}
gate c4x a,b,c,d,e {
  h e; cu1(pi/2) d,e; h e; c3x a,b,c,d; h e; cu1(-pi/2) d,e; h e; c3x a,b,c,d; c3sqrtx a,b,c,e;
}
`;

/**
 * Gates of OpenQASM 3's `include "stdgates.inc"`: the same matrices as the qelib1 gates of the same
 * names, plus the aliases `phase` and `cphase`. `sxdg`, `rxx`, `rzz` and `ryy` are not in it
 * (`exportQasm3` declares them).
 */
export const STDGATES_GATES: Readonly<Record<string, StandardGate>> = {
  ...Object.fromEntries(
    ["p", "x", "y", "z", "h", "s", "sdg", "t", "tdg", "sx", "rx", "ry", "rz", "cx", "cy", "cz", "cp", "crx", "cry", "crz", "ch", "swap", "ccx", "cswap", "cu", "id", "u1", "u2", "u3"].map(
      (name) => [name, QELIB1_GATES[name] as StandardGate],
    ),
  ),
  CX: same("cx", 0, 2),
  phase: same("p", 1, 1),
  cphase: same("cp", 1, 2),
};
