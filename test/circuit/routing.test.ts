import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  couplingDistances,
  couplingNeighbours,
  eagle127Coupling,
  falcon27Coupling,
  heavyHexCoupling,
  lineCoupling,
  routeCircuit,
  type CouplingMap,
  type RoutedCircuit,
} from "../../src/circuit/index.js";
import { GATES, type Circuit, type GateName, type Op } from "../../src/circuit/ir.js";
import { distanceUpToPhase, randomState, runDense, type Complex } from "./transpile-reference.js";

const ROUTABLE = (Object.keys(GATES) as GateName[]).filter((name) => GATES[name].nQubits <= 3);

function arbitraryCircuit(nQubits: number, maxOps: number): fc.Arbitrary<Circuit> {
  const gate = fc
    .constantFrom(...ROUTABLE.filter((name) => GATES[name].nQubits <= nQubits))
    .chain((name) =>
      fc.tuple(
        fc.constant(name),
        fc.shuffledSubarray([...Array(nQubits).keys()], { minLength: GATES[name].nQubits, maxLength: GATES[name].nQubits }),
        fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: GATES[name].nAngles, maxLength: GATES[name].nAngles }),
      ),
    )
    .map(([name, qubits, angles]): Op => ({ kind: "gate", name, qubits, angles: angles.map((value) => ({ kind: "const", value })) }));
  const barrier = fc.uniqueArray(fc.integer({ min: 0, max: nQubits - 1 }), { minLength: 1, maxLength: nQubits }).map((qubits): Op => ({ kind: "barrier", qubits }));
  return fc.array(fc.oneof({ arbitrary: gate, weight: 8 }, { arbitrary: barrier, weight: 1 }), { maxLength: maxOps }).map((ops) => ({ name: "random", nQubits, nClbits: 0, parameters: [], ops }));
}

function expectOnlyCoupledPairs(routed: RoutedCircuit, map: CouplingMap): void {
  const distance = couplingDistances(map);
  for (const op of routed.circuit.ops) {
    if (op.kind !== "gate") continue;
    expect(op.qubits.length).toBeLessThanOrEqual(2);
    if (op.qubits.length === 2) expect(distance[op.qubits[0]! * map.nQubits + op.qubits[1]!]).toBe(1);
  }
}

/** Places a logical state on the physical qubits given by `layout` (other qubits in |0⟩). */
function embed(state: readonly Complex[], nLogical: number, layout: readonly number[], nPhysical: number): Complex[] {
  const out = Array.from({ length: 2 ** nPhysical }, () => ({ re: 0, im: 0 }));
  state.forEach((amplitude, x) => {
    let index = 0;
    for (let l = 0; l < nLogical; l++) if ((x >> l) & 1) index |= 1 << layout[l]!;
    out[index] = amplitude;
  });
  return out;
}

function expectEquivalentAfterRouting(circuit: Circuit, routed: RoutedCircuit, map: CouplingMap, seed: number): void {
  const input = randomState(circuit.nQubits, seed);
  const expected = embed(runDense(circuit, input), circuit.nQubits, routed.finalLayout, map.nQubits);
  const actual = runDense(routed.circuit, embed(input, circuit.nQubits, routed.initialLayout, map.nQubits));
  expect(distanceUpToPhase(actual, expected)).toBeLessThan(1e-10);
}

/** The full unitary check: every basis input (spare physical qubits in |0⟩), one common phase. */
function expectSameUnitaryAfterRouting(circuit: Circuit, routed: RoutedCircuit, map: CouplingMap): void {
  const dim = 2 ** circuit.nQubits;
  const expected: Complex[] = [];
  const actual: Complex[] = [];
  for (let j = 0; j < dim; j++) {
    const basis = Array.from({ length: dim }, (_, i) => ({ re: i === j ? 1 : 0, im: 0 }));
    expected.push(...embed(runDense(circuit, basis), circuit.nQubits, routed.finalLayout, map.nQubits));
    actual.push(...runDense(routed.circuit, embed(basis, circuit.nQubits, routed.initialLayout, map.nQubits)));
  }
  expect(distanceUpToPhase(actual, expected)).toBeLessThan(1e-10);
}

/** Replays the layout through the swaps: per logical qubit, the gates must be the original ones in order. */
function expectSameGatesPerQubit(circuit: Circuit, routed: RoutedCircuit): void {
  const physicalToLogical = new Map(routed.initialLayout.map((p, l) => [p, l]));
  const perQubit = (ops: { name: string; qubits: number[] }[]) => {
    const lists: string[][] = Array.from({ length: circuit.nQubits }, () => []);
    ops.forEach((op) => op.qubits.forEach((q) => lists[q]!.push(`${op.name}:${op.qubits.join(",")}`)));
    return lists;
  };
  const replayed: { name: string; qubits: number[] }[] = [];
  for (const op of routed.circuit.ops) {
    if (op.kind !== "gate") continue;
    if (op.name === "swap" && op.qubits.length === 2) {
      const [a, b] = op.qubits as [number, number];
      const la = physicalToLogical.get(a);
      const lb = physicalToLogical.get(b);
      physicalToLogical.delete(a);
      physicalToLogical.delete(b);
      if (la !== undefined) physicalToLogical.set(b, la);
      if (lb !== undefined) physicalToLogical.set(a, lb);
      continue;
    }
    replayed.push({ name: op.name, qubits: op.qubits.map((p) => physicalToLogical.get(p)!) });
  }
  const original = circuit.ops.flatMap((op) => (op.kind === "gate" && op.name !== "swap" ? [{ name: op.name, qubits: [...op.qubits] }] : []));
  expect(perQubit(replayed)).toEqual(perQubit(original));
  expect(routed.finalLayout).toEqual(routed.initialLayout.map((_, l) => [...physicalToLogical.entries()].find(([, v]) => v === l)![0]));
}

/** Random h/rz/cx/rzz gates on random pairs (deterministic LCG). */
function randomTwoQubitCircuit(nQubits: number, nOps: number, seed: number): Circuit {
  let state = seed >>> 0 || 1;
  const next = (bound: number) => ((state = (Math.imul(state, 1664525) + 1013904223) >>> 0) % bound);
  const ops: Op[] = [];
  for (let k = 0; k < nOps; k++) {
    const a = next(nQubits);
    const b = (a + 1 + next(nQubits - 1)) % nQubits;
    const kind = next(4);
    if (kind === 0) ops.push({ kind: "gate", name: "h", qubits: [a], angles: [] });
    else if (kind === 1) ops.push({ kind: "gate", name: "rz", qubits: [a], angles: [{ kind: "const", value: k / 10 }] });
    else if (kind === 2) ops.push({ kind: "gate", name: "cx", qubits: [a, b], angles: [] });
    else ops.push({ kind: "gate", name: "rzz", qubits: [a, b], angles: [{ kind: "const", value: k / 7 }] });
  }
  return { name: "wide", nQubits, nClbits: 0, parameters: [], ops };
}

describe("coupling maps", () => {
  it("builds lines and the IBM heavy-hex families with degree ≤ 3, connected", () => {
    for (const [map, nQubits, nEdges] of [
      [lineCoupling(5), 5, 4],
      [falcon27Coupling(), 27, 28],
      [eagle127Coupling(), 127, 144],
      [heavyHexCoupling(3, 7), 23, 24],
      [heavyHexCoupling(2, 7), 14, 14],
    ] as const) {
      expect(map.nQubits).toBe(nQubits);
      expect(map.edges.length).toBe(nEdges);
      expect(Math.max(...couplingNeighbours(map).map((n) => n.length))).toBeLessThanOrEqual(3);
      expect(couplingDistances(map).includes(-1)).toBe(false);
    }
  });

  it("numbers Eagle like the device: row 0 is 0–13, bridges 14–17, row 1 starts at 18", () => {
    const edges = eagle127Coupling().edges.map(([a, b]) => `${a}-${b}`);
    for (const edge of ["0-1", "0-14", "14-18", "4-15", "15-22", "12-17", "17-30", "112-126", "108-112", "113-114"]) expect(edges).toContain(edge);
  });

  it("rejects lattices it cannot build", () => {
    expect(() => heavyHexCoupling(1, 7)).toThrow(RangeError);
    expect(() => heavyHexCoupling(3, 8)).toThrow(RangeError);
    expect(() => lineCoupling(0)).toThrow(RangeError);
  });
});

describe("routeCircuit", () => {
  it("routes random circuits on a line: coupled pairs only, same unitary up to the final permutation", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 5 }), fc.integer({ min: 0, max: 1 }), fc.integer(), (n, extra, seed) => {
        const map = lineCoupling(n + extra);
        const circuit = fc.sample(arbitraryCircuit(n, 25), { seed, numRuns: 1 })[0]!;
        const routed = routeCircuit(circuit, map);
        expectOnlyCoupledPairs(routed, map);
        expectSameUnitaryAfterRouting(circuit, routed, map);
      }),
      { numRuns: 60 },
    );
  });

  it("routes on a small heavy-hex lattice from a scattered initial layout, equal up to the final permutation", () => {
    const map = heavyHexCoupling(2, 7);
    fc.assert(
      fc.property(arbitraryCircuit(5, 20), fc.integer(), (circuit, seed) => {
        const routed = routeCircuit(circuit, map, { initialLayout: [0, 13, 6, 9, 3] });
        expectOnlyCoupledPairs(routed, map);
        expectEquivalentAfterRouting(circuit, routed, map, seed);
      }),
      { numRuns: 12 },
    );
  });

  it("routes wide circuits on Falcon 27 and Eagle 127, keeping every qubit's gate sequence", () => {
    for (const [map, n] of [[falcon27Coupling(), 20], [eagle127Coupling(), 60]] as const) {
      const circuit = randomTwoQubitCircuit(n, 400, n);
      const routed = routeCircuit(circuit, map);
      expectOnlyCoupledPairs(routed, map);
      expectSameGatesPerQubit(circuit, routed);
      expect(routed.nSwaps).toBeGreaterThan(50);
      // The reverse-traversal layout search is kept only when it beats the trivial layout.
      expect(routed.nSwaps).toBeLessThanOrEqual(routeCircuit(circuit, map, { layoutSearch: false }).nSwaps);
      // Far fewer swaps than moving every gate's qubits from scratch along the diameter.
      expect(routed.nSwaps).toBeLessThan(400 * 10);
    }
  });

  it("needs no swaps when every gate is already on a coupled pair", () => {
    const circuit: Circuit = { name: "chain", nQubits: 4, nClbits: 0, parameters: [], ops: [0, 1, 2].map((q): Op => ({ kind: "gate", name: "cx", qubits: [q, q + 1], angles: [] })) };
    const routed = routeCircuit(circuit, lineCoupling(4));
    expect(routed.nSwaps).toBe(0);
    expect(routed.circuit.ops).toEqual(circuit.ops);
  });

  it("rejects circuits wider than the device and bad layouts", () => {
    const circuit: Circuit = { name: "wide", nQubits: 3, nClbits: 0, parameters: [], ops: [] };
    expect(() => routeCircuit(circuit, lineCoupling(2))).toThrow(RangeError);
    expect(() => routeCircuit(circuit, lineCoupling(3), { initialLayout: [0, 0, 1] })).toThrow(RangeError);
  });
});
