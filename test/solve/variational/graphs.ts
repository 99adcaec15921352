// Graphs and problems for the variational tests.
import { type MaxCutProblem, maxCutQubo } from "../../../src/io/graph.js";
import { createRng } from "../../../src/util/rng.js";

export function graphProblem(nNodes: number, edges: readonly (readonly [number, number])[], weights?: readonly number[]): MaxCutProblem {
  return maxCutQubo({
    nNodes,
    from: Int32Array.from(edges, (e) => e[0]),
    to: Int32Array.from(edges, (e) => e[1]),
    weight: Float64Array.from(edges, (_, k) => weights?.[k] ?? 1),
  });
}

export function ringEdges(n: number): [number, number][] {
  return Array.from({ length: n }, (_, i) => [i, (i + 1) % n] as [number, number]);
}

/** A random 3-regular simple graph on n nodes (n even) by seeded pairing with rejection. */
export function random3Regular(n: number, seed: number): [number, number][] {
  const rng = createRng(`3-regular/${n}/${seed}`);
  for (let attempt = 0; attempt < 1000; attempt++) {
    const stubs = Array.from({ length: 3 * n }, (_, k) => Math.floor(k / 3));
    for (let k = stubs.length - 1; k > 0; k--) {
      const j = rng.int(k + 1);
      [stubs[k], stubs[j]] = [stubs[j]!, stubs[k]!];
    }
    const edges: [number, number][] = [];
    const seen = new Set<number>();
    let ok = true;
    for (let k = 0; k < stubs.length; k += 2) {
      const [a, b] = [Math.min(stubs[k]!, stubs[k + 1]!), Math.max(stubs[k]!, stubs[k + 1]!)];
      if (a === b || seen.has(a * n + b)) {
        ok = false;
        break;
      }
      seen.add(a * n + b);
      edges.push([a, b]);
    }
    if (ok) return edges;
  }
  throw new Error(`internal: no simple 3-regular graph on ${n} nodes found`);
}
