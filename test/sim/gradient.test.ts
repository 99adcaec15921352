import { afterAll, describe, expect, it } from "vitest";
import { angleCall, circuit, type Angle } from "../../src/circuit/builder.js";
import { GATES, type GateName } from "../../src/circuit/ir.js";
import { adjointGradient } from "../../src/sim/gradient-adjoint.js";
import { parameterShiftGradient } from "../../src/sim/gradient-shift.js";
import { pauliSum, type Observable } from "../../src/sim/observable.js";
import { shutdownPool } from "../../src/sim/threads/pool.js";
import { createRng, type Rng } from "../../src/util/rng.js";
import { randomQubits } from "./random-circuit.js";

afterAll(() => shutdownPool());

const PARAMETRIC = (Object.keys(GATES) as GateName[]).filter((name) => GATES[name].nAngles > 0);
const FIXED: GateName[] = ["h", "cx", "s", "sx", "cz", "swap", "ccx", "y"];

/** A random circuit whose angles are expressions over 4 shared parameters (each used several times). */
function randomParameterised(rng: Rng, n: number, nGates: number) {
  const b = circuit(n, { name: "random-parameterised" });
  const theta = b.parameters("theta", 4);
  const pick = (): Angle => theta[rng.int(4)]!;
  const angle = (): Angle | number => {
    switch (rng.int(5)) {
      case 0: return pick();
      case 1: return pick().times(1 + rng.nextDouble());
      case 2: return pick().plus(pick()).minus(0.3);
      case 3: return angleCall("sin", pick()).times(2);
      default: return rng.nextDouble() * 3;
    }
  };
  for (let g = 0; g < nGates; g++) {
    const names = rng.nextDouble() < 0.6 ? PARAMETRIC : FIXED;
    const name = names[rng.int(names.length)]!;
    if (GATES[name].nQubits > n) continue;
    b.gate(name, randomQubits(rng, n, GATES[name].nQubits), Array.from({ length: GATES[name].nAngles }, angle));
  }
  return b.build();
}

function randomObservable(rng: Rng, n: number): Observable {
  const letters = ["X", "Y", "Z", "I"];
  const terms: [number, string][] = [];
  for (let t = 0; t < 4; t++) {
    const text = Array.from({ length: n }, (_, q) => `${letters[rng.int(4)]}${q}`).join(" ");
    terms.push([rng.normal(), text]);
  }
  return pauliSum(terms);
}

describe("adjoint differentiation", () => {
  it("equals parameter-shift gradients to 1e-9 on random parameterised circuits (every parametric gate)", () => {
    const rng = createRng("adjoint");
    for (let trial = 0; trial < 12; trial++) {
      const n = 2 + rng.int(4);
      const c = randomParameterised(rng, n, 25);
      const observable = randomObservable(rng, n);
      const values = Array.from({ length: 4 }, () => (rng.nextDouble() - 0.5) * 6);
      const adjoint = adjointGradient(c, observable, values, { threads: 1 });
      const shift = parameterShiftGradient(c, observable, values);
      expect(adjoint.value).toBeCloseTo(shift.value, 12);
      for (let k = 0; k < 4; k++) expect(Math.abs(adjoint.gradient[k]! - shift.gradient[k]!)).toBeLessThan(1e-9);
    }
  });

  it("matches central finite differences, so both are the true gradient", () => {
    const rng = createRng("finite-difference");
    const c = randomParameterised(rng, 3, 20);
    const observable = randomObservable(rng, 3);
    const values = [0.3, -1.1, 2.0, 0.7];
    const { gradient } = adjointGradient(c, observable, values, { threads: 1 });
    for (let k = 0; k < 4; k++) {
      const h = 1e-5;
      const up = [...values];
      const down = [...values];
      up[k]! += h;
      down[k]! -= h;
      const numeric = (adjointGradient(c, observable, up).value - adjointGradient(c, observable, down).value) / (2 * h);
      expect(gradient[k]!).toBeCloseTo(numeric, 6);
    }
  });

  it("differentiates diagonal (QUBO-style) observables", () => {
    const b = circuit(2);
    const [g, t] = b.parameters("p", 2);
    b.h(0).h(1).rzz(g!, 0, 1).rx(t!.times(2), 0).rx(t!.times(2), 1);
    const c = b.build();
    const observable: Observable = { kind: "diagonal", values: Float64Array.from([0, 1, 1, -2]) };
    const adjoint = adjointGradient(c, observable, [0.4, 0.9]);
    const shift = parameterShiftGradient(c, observable, [0.4, 0.9]);
    expect(Math.abs(adjoint.gradient[0]! - shift.gradient[0]!)).toBeLessThan(1e-9);
    expect(Math.abs(adjoint.gradient[1]! - shift.gradient[1]!)).toBeLessThan(1e-9);
  });

  it("refuses circuits with measurement", () => {
    const c = circuit(1).h(0).measure(0).build();
    expect(() => adjointGradient(c, pauliSum([[1, "Z0"]]))).toThrow(/unitary circuit/);
  });
});
