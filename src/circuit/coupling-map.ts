// Coupling maps: which physical qubit pairs a device can act on with a two-qubit gate (undirected).
// Generators for lines and for IBM-style heavy-hex lattices, and all-pairs hop distances for routing.
//
// Heavy-hex (Chamberland et al., "Topological and subsystem codes on low-degree graphs with flag
// qubits", PRX 10, 011022, 2020): rows of qubits coupled in a chain, consecutive rows joined through
// one "bridge" qubit every 4 columns, offset by 2 columns between successive gaps, so every qubit has
// degree ≤ 3. IBM's 127-qubit Eagle is 7 rows of 15 columns with the first row's last and the last
// row's first qubit removed; its numbering (row, then the bridges below it) is reproduced exactly.

export interface CouplingMap {
  readonly name: string;
  readonly nQubits: number;
  /** Undirected pairs [a, b] with a < b, each listed once. */
  readonly edges: readonly (readonly [number, number])[];
}

/** Qubits 0 — 1 — … — (n−1). */
export function lineCoupling(nQubits: number): CouplingMap {
  checkCount(nQubits, "a line");
  const edges: [number, number][] = [];
  for (let q = 0; q + 1 < nQubits; q++) edges.push([q, q + 1]);
  return { name: `line-${nQubits}`, nQubits, edges };
}

/**
 * An Eagle-style heavy-hex lattice: `rows` chains of `columns` qubits (columns ≡ 3 mod 4), bridges
 * every 4 columns between consecutive rows (at columns 0, 4, … below even rows, 2, 6, … below odd
 * rows), with the first row's last and the last row's first qubit removed. heavyHexCoupling(7, 15)
 * is the 127-qubit Eagle; heavyHexCoupling(3, 7) has 23 qubits and two rows of hexagons.
 */
export function heavyHexCoupling(rows: number, columns: number): CouplingMap {
  if (!Number.isInteger(rows) || rows < 2) throw new RangeError(`heavy-hex rows must be an integer ≥ 2, got ${rows}`);
  if (!Number.isInteger(columns) || columns < 3 || columns % 4 !== 3) {
    throw new RangeError(`heavy-hex columns must be an integer ≥ 3 with columns mod 4 = 3 (e.g. 7, 11, 15), got ${columns}`);
  }
  const edges: [number, number][] = [];
  const rowIds: Map<number, number>[] = [];
  /** bridges[row] = [column, bridge qubit] pairs between `row` and `row + 1`. */
  const bridges: [number, number][][] = [];
  let next = 0;
  for (let row = 0; row < rows; row++) {
    // The end rows drop the corner qubit that no bridge reaches (the last column below an even gap,
    // the first column above an odd one).
    const lastGapIsOdd = (rows - 2) % 2 === 1;
    const first = row === rows - 1 && lastGapIsOdd ? 1 : 0;
    const last = row === 0 || (row === rows - 1 && !lastGapIsOdd) ? columns - 2 : columns - 1;
    const ids = new Map<number, number>();
    for (let column = first; column <= last; column++) {
      ids.set(column, next);
      if (column > first) edges.push([next - 1, next]);
      next++;
    }
    rowIds.push(ids);
    if (row === rows - 1) break;
    // Bridges between this row and the next, numbered right after this row (as on Eagle).
    const gap: [number, number][] = [];
    for (let column = row % 2 === 0 ? 0 : 2; column < columns; column += 4) {
      edges.push([ids.get(column) as number, next]);
      gap.push([column, next]);
      next++;
    }
    bridges.push(gap);
  }
  bridges.forEach((gap, row) => {
    for (const [column, bridge] of gap) {
      const below = rowIds[row + 1]?.get(column);
      if (below === undefined) throw new Error("internal: heavy-hex bridge without a qubit below it");
      edges.push([bridge, below]);
    }
  });
  edges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  return { name: `heavy-hex-${rows}x${columns}`, nQubits: next, edges };
}

/** IBM's 127-qubit Eagle heavy-hex layout (ibm_washington, ibm_kyiv, …). */
export function eagle127Coupling(): CouplingMap {
  return { ...heavyHexCoupling(7, 15), name: "eagle-127" };
}

/** IBM's 27-qubit Falcon layout (ibmq_montreal, ibm_cairo, …): two heavy hexagons and six spurs. */
export function falcon27Coupling(): CouplingMap {
  const edges: [number, number][] = [
    [0, 1], [1, 2], [1, 4], [2, 3], [3, 5], [4, 7], [5, 8], [6, 7], [7, 10], [8, 9], [8, 11], [10, 12], [11, 14], [12, 13],
    [12, 15], [13, 14], [14, 16], [15, 18], [16, 19], [17, 18], [18, 21], [19, 20], [19, 22], [21, 23], [22, 25], [23, 24],
    [24, 25], [25, 26],
  ];
  return { name: "falcon-27", nQubits: 27, edges };
}

/** Neighbour lists of every physical qubit. */
export function couplingNeighbours(map: CouplingMap): number[][] {
  const neighbours: number[][] = Array.from({ length: map.nQubits }, () => []);
  for (const [a, b] of map.edges) {
    if (!Number.isInteger(a) || !Number.isInteger(b) || a < 0 || b < 0 || a >= map.nQubits || b >= map.nQubits || a === b) {
      throw new RangeError(`coupling edge [${a}, ${b}] must join two different qubits in 0..${map.nQubits - 1}`);
    }
    neighbours[a]?.push(b);
    neighbours[b]?.push(a);
  }
  return neighbours;
}

/** Hop distances between all pairs (breadth-first search from every qubit); -1 where unreachable. */
export function couplingDistances(map: CouplingMap): Int32Array {
  const n = map.nQubits;
  const neighbours = couplingNeighbours(map);
  const distance = new Int32Array(n * n).fill(-1);
  const queue = new Int32Array(n);
  for (let source = 0; source < n; source++) {
    const row = source * n;
    distance[row + source] = 0;
    let head = 0;
    let tail = 0;
    queue[tail++] = source;
    while (head < tail) {
      const q = queue[head++] as number;
      for (const next of neighbours[q] as number[]) {
        if (distance[row + next] !== -1) continue;
        distance[row + next] = (distance[row + q] as number) + 1;
        queue[tail++] = next;
      }
    }
  }
  return distance;
}

function checkCount(n: number, what: string): void {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`${what} needs a whole number of qubits ≥ 1, got ${n}`);
}
