// rudy graph files (Rinaldi's generator; the Gset max-cut benchmarks of Helmberg & Rendl, 2000):
//
//   n m          node and edge counts
//   u v w        m edge lines, nodes 1-based, undirected; `u v` alone means weight 1
//
// Node k of the file is `x[k−1]` in the graph and in its max-cut QUBO.
import type { WeightedGraph } from "./graph.js";
import { MAX_FILE_VARIABLES } from "./qubo-problem.js";
import { TextFields } from "./text-fields.js";

export interface RudyReadOptions {
  readonly file?: string;
}

export function parseRudy(text: string, options: RudyReadOptions = {}): WeightedGraph {
  const fields = new TextFields(text, options.file);
  const header = fields.nextLine();
  if (!header) throw fields.error("end", "missing-header", "empty file: expected the header 'n m' (nodes, edges)");
  fields.expectFieldCount(header, ["n", "m"], "header");
  const nNodes = fields.integer(header.tokens[0], "n", 0, MAX_FILE_VARIABLES);
  const nEdges = fields.integer(header.tokens[1], "m", 0);
  // Grown as lines arrive, so a corrupt edge count cannot trigger a huge allocation.
  const from: number[] = [];
  const to: number[] = [];
  const weight: number[] = [];
  for (let line = fields.nextLine(); line; line = fields.nextLine()) {
    if (weight.length === nEdges) throw fields.error(line, "count-mismatch", `more edge lines than the header's m = ${nEdges}`);
    if (line.tokens.length !== 2) fields.expectFieldCount(line, ["u", "v", "w"], "edge");
    from.push(fields.integer(line.tokens[0], "u", 1, nNodes) - 1);
    to.push(fields.integer(line.tokens[1], "v", 1, nNodes) - 1);
    weight.push(line.tokens.length === 3 ? fields.real(line.tokens[2], "w") : 1);
  }
  if (weight.length < nEdges) {
    throw fields.error(header.tokens[1], "count-mismatch", `header declares m = ${nEdges} edges but the file has ${weight.length}`);
  }
  return { nNodes, from: Int32Array.from(from), to: Int32Array.from(to), weight: Float64Array.from(weight) };
}
