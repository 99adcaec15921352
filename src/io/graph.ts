// Weighted undirected graphs as read from rudy/Gset files, and the max-cut QUBO over them.
//
// A cut is a 0/1 side per node; its weight is Σ_{(u,v)} w_uv·(x_u + x_v − 2·x_u·x_v) (an edge counts
// when its ends differ). Max-cut maximises it, so the QUBO minimises −cut:
//   linear_u −= w, linear_v −= w, coupling_uv += 2w   for each edge (u, v, w).
// A self-loop (u = u) is never cut and contributes nothing; parallel edges add up.
import { QuboBuilder } from "./qubo-builder.js";
import { type QuboProblem, indexedNames } from "./qubo-problem.js";

export interface WeightedGraph {
  readonly nNodes: number;
  /** Edge k joins nodes `from[k]` and `to[k]` (0-based) with weight `weight[k]`. */
  readonly from: Int32Array;
  readonly to: Int32Array;
  readonly weight: Float64Array;
}

export interface MaxCutProblem extends QuboProblem {
  readonly sense: "max";
  readonly graph: WeightedGraph;
}

function checkGraph(graph: WeightedGraph): void {
  const { nNodes, from, to, weight } = graph;
  if (!Number.isSafeInteger(nNodes) || nNodes < 0) throw new RangeError(`nNodes must be a non-negative integer, got ${nNodes}`);
  if (from.length !== weight.length || to.length !== weight.length) {
    throw new RangeError(`graph from, to and weight must have equal lengths, got ${from.length}, ${to.length}, ${weight.length}`);
  }
  for (let k = 0; k < weight.length; k++) {
    if (!(from[k] >= 0 && from[k] < nNodes && to[k] >= 0 && to[k] < nNodes)) {
      throw new RangeError(`edge ${k} must join nodes in [0, ${nNodes}), got (${from[k]}, ${to[k]})`);
    }
    if (!Number.isFinite(weight[k])) throw new RangeError(`edge ${k} weight must be finite, got ${weight[k]}`);
  }
}

/** The max-cut QUBO of `graph`: minimising its energy maximises the cut; `objective = −energy = cut`. */
export function maxCutQubo(graph: WeightedGraph, format: QuboProblem["format"] = "rudy", file = "<graph>"): MaxCutProblem {
  checkGraph(graph);
  const builder = new QuboBuilder(graph.nNodes);
  for (let k = 0; k < graph.weight.length; k++) {
    const u = graph.from[k];
    const v = graph.to[k];
    const w = graph.weight[k];
    if (u === v) continue;
    builder.linear[u] -= w;
    builder.linear[v] -= w;
    builder.addPair(u, v, 2 * w);
  }
  const built = builder.build(indexedNames(graph.nNodes), 0, "add");
  if (!("qubo" in built)) throw new Error("internal: repeated edges must add up");
  return { qubo: built.qubo, sense: "max", format, file, graph };
}

/** Total weight of the edges whose ends are on different sides of `sides` (0/1 per node). */
export function cutWeight(graph: WeightedGraph, sides: ArrayLike<number>): number {
  if (sides.length !== graph.nNodes) {
    throw new RangeError(`cut assignment has ${sides.length} entries but the graph has ${graph.nNodes} nodes`);
  }
  let cut = 0;
  for (let k = 0; k < graph.weight.length; k++) {
    if (Boolean(sides[graph.from[k]]) !== Boolean(sides[graph.to[k]])) cut += graph.weight[k];
  }
  return cut;
}
