import { describe, expect, it } from "vitest";
import { circuit } from "../../src/circuit/builder.js";
import { compilePlan } from "../../src/sim/plan.js";
import { simulate } from "../../src/sim/simulate.js";
import { maxAbsDiff } from "./dense-reference.js";

describe("compiled plans", () => {
  it("rebind parameter values without rebuilding: a plan run with new values equals a fresh run", () => {
    const b = circuit(4);
    const theta = b.parameters("theta", [2, 4]);
    for (let layer = 0; layer < 2; layer++) {
      for (let q = 0; q < 4; q++) b.ry(theta[layer]![q]!, q).rz(theta[layer]![q]!.times(0.5), q);
      for (let q = 0; q + 1 < 4; q++) b.cx(q, q + 1);
    }
    const c = b.build();
    const plan = compilePlan(c);
    for (const seed of [1, 2, 3]) {
      const values = Array.from({ length: 8 }, (_, k) => Math.sin(seed * (k + 1)));
      const viaPlan = simulate(plan, { parameters: values }).state;
      const fresh = simulate(c, { parameters: values, maxFusedQubits: 0 }).state;
      expect(maxAbsDiff(viaPlan.re, viaPlan.im, fresh.re, fresh.im)).toBeLessThan(1e-13);
    }
    expect(plan.steps.length).toBeLessThan(c.ops.length);
  });

  it("rejects malformed circuits with errors that say what must be what", () => {
    const bad = (ops: unknown[], nQubits = 2) => () => compilePlan({ name: "bad", nQubits, nClbits: 1, parameters: [], ops } as never);
    expect(bad([{ kind: "gate", name: "cx", qubits: [0, 2], angles: [] }])).toThrow(/qubit index must be an integer in 0\.\.1, got 2/);
    expect(bad([{ kind: "gate", name: "cx", qubits: [1, 1], angles: [] }])).toThrow(/distinct/);
    expect(bad([{ kind: "gate", name: "rz", qubits: [0], angles: [] }])).toThrow(/needs 1 angles/);
    expect(bad([{ kind: "gate", name: "nope", qubits: [0], angles: [] }])).toThrow(TypeError);
    expect(bad([{ kind: "measure", qubit: 0, clbit: 3 }])).toThrow(/clbit index/);
    expect(bad([], 0)).toThrow(/positive integer/);
    expect(() => compilePlan(circuit(1).h(0).build(), { maxFusedQubits: 9 })).toThrow(/0\.\.6/);
    const p = circuit(1);
    p.rz(p.parameter("a"), 0);
    expect(() => simulate(p.build(), { parameters: [] })).toThrow(/1 entries/);
    const divided = circuit(1);
    const a = divided.parameter("a");
    divided.gate("rz", [0], [a.over(0)]);
    expect(() => simulate(divided.build(), { parameters: [1] })).toThrow(/must be finite/);
  });
});
