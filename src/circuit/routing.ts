// SWAP routing: rewrites a circuit so that every two-qubit gate acts on a coupled pair of physical
// qubits, inserting `swap` gates that move logical qubits around the coupling map.
//
// The heuristic is SABRE's (Li, Ding & Xie, "Tackling the qubit mapping problem for NISQ-era quantum
// devices", ASPLOS 2019): execute every gate of the front layer that is already executable; when none
// is, apply the swap (on an edge touching a blocked gate) that minimises
//   H = max(decay(a), decay(b)) · ( Σ_front D[π(g)] / |F| + W · Σ_extended D[π(g)] / |E| ),
// where D is the hop distance, the extended set holds the next two-qubit gates (lookahead) and the
// decay discourages moving the same qubits over and over. Ties go to the first candidate edge, so
// the result is deterministic. If many swaps pass without progress, the first blocked gate is routed
// along a shortest path, which bounds the work and guarantees termination.
import type { Circuit, ConditionedOp, Op } from "./ir.js";
import { couplingDistances, couplingNeighbours, type CouplingMap } from "./coupling-map.js";
import { translateToBasis } from "./transpile-basis.js";

export interface RoutingOptions {
  /**
   * initialLayout[l] = physical qubit of logical qubit l. When omitted, routing starts from l ↦ l
   * and, unless `layoutSearch` is false, also tries SABRE's reverse-traversal layout and keeps
   * whichever needs fewer swaps.
   */
  readonly initialLayout?: readonly number[];
  readonly layoutSearch?: boolean;
  /** How many upcoming two-qubit gates the lookahead scores (default 20). */
  readonly lookahead?: number;
  /** Weight W of the lookahead term (default 0.5). */
  readonly lookaheadWeight?: number;
}

export interface RoutedCircuit {
  /** The routed circuit on the coupling map's physical qubits, with `swap` gates inserted. */
  readonly circuit: Circuit;
  readonly initialLayout: readonly number[];
  /** finalLayout[l] = physical qubit that holds logical qubit l at the end. */
  readonly finalLayout: readonly number[];
  readonly nSwaps: number;
}

const DECAY_STEP = 0.001;
const DECAY_RESET_INTERVAL = 5;

export function routeCircuit(circuit: Circuit, map: CouplingMap, options: RoutingOptions = {}): RoutedCircuit {
  if (options.initialLayout !== undefined) return routeFrom(circuit, map, options.initialLayout, options);
  const trivial = routeFrom(circuit, map, Array.from({ length: circuit.nQubits }, (_, l) => l), options);
  if (options.layoutSearch === false || trivial.nSwaps === 0) return trivial;
  // Reverse traversal (SABRE §4.3): route the circuit, then its reverse starting where the forward
  // pass ended, and again; where the last reverse pass ends is a layout that suits the circuit's
  // beginning. Only the gates matter for the layout.
  const forward: Circuit = { ...circuit, ops: circuit.ops.filter((op) => op.kind === "gate") };
  const backward: Circuit = { ...forward, ops: [...forward.ops].reverse() };
  let layout = routeFrom(backward, map, trivial.finalLayout, options).finalLayout;
  layout = routeFrom(forward, map, layout, options).finalLayout;
  layout = routeFrom(backward, map, layout, options).finalLayout;
  const searched = routeFrom(circuit, map, layout, options);
  return searched.nSwaps < trivial.nSwaps ? searched : trivial;
}

function routeFrom(circuit: Circuit, map: CouplingMap, startLayout: readonly number[], options: RoutingOptions): RoutedCircuit {
  const nPhysical = map.nQubits;
  if (circuit.nQubits > nPhysical) {
    throw new RangeError(`the coupling map '${map.name}' has ${nPhysical} qubits, but the circuit needs ${circuit.nQubits}`);
  }
  const lookahead = options.lookahead ?? 20;
  const weight = options.lookaheadWeight ?? 0.5;
  const distance = couplingDistances(map);
  const neighbours = couplingNeighbours(map);
  const layout = checkedLayout(startLayout, circuit.nQubits, nPhysical);
  const initialLayout = [...layout];
  const physicalToLogical = new Int32Array(nPhysical).fill(-1);
  layout.forEach((p, l) => (physicalToLogical[p] = l));

  // Gates on three qubits cannot be routed pairwise; expand them into one- and two-qubit gates first.
  const ops: Op[] = [];
  for (const op of circuit.ops) {
    if ((op.kind === "gate" || op.kind === "if") && wiresOf(op).length > 2) ops.push(...translateToBasis({ ...circuit, ops: [op] }).ops);
    else ops.push(op);
  }
  const wires = ops.map(wiresOf);
  for (const [k, w] of wires.entries()) {
    if (w.some((q) => !Number.isInteger(q) || q < 0 || q >= circuit.nQubits)) {
      throw new RangeError(`op ${k} acts on qubits ${w.join(", ")}, but qubits must be in 0..${circuit.nQubits - 1}`);
    }
  }
  for (const [k, w] of wires.entries()) {
    if (w.length === 2 && distance[(layout[w[0] as number] as number) * nPhysical + (layout[w[1] as number] as number)] === -1) {
      throw new RangeError(`gate ${k} needs logical qubits ${w[0]} and ${w[1]} together, but the coupling map '${map.name}' is not connected between them`);
    }
  }

  // Dependency DAG as per-lane queues: an op is ready when it heads the queue of each of its lanes,
  // its qubits and the classical bits it writes or reads (lane nQubits + c), so that a conditioned
  // op never overtakes the measurement it depends on.
  const lanes = ops.map((op, k) => [...(wires[k] as number[]), ...clbitsOf(op).map((c) => circuit.nQubits + c)]);
  const queues: number[][] = Array.from({ length: circuit.nQubits + circuit.nClbits }, () => []);
  lanes.forEach((w, k) => w.forEach((q) => queues[q]?.push(k)));
  const heads = new Int32Array(circuit.nQubits + circuit.nClbits);
  const isReady = (k: number) => (lanes[k] as number[]).every((q) => queues[q]?.[heads[q] as number] === k);
  const twoQubitOrder = wires.flatMap((w, k) => (w.length === 2 ? [k] : []));
  const done = new Uint8Array(ops.length);
  let twoQubitCursor = 0;

  const out: Op[] = [];
  const physical = (l: number) => layout[l] as number;
  const gateDistance = (k: number) => {
    const w = wires[k] as number[];
    return distance[physical(w[0] as number) * nPhysical + physical(w[1] as number)] as number;
  };
  const emit = (k: number) => {
    const op = ops[k] as Op;
    out.push(relabel(op, physical));
    done[k] = 1;
    for (const q of lanes[k] as number[]) heads[q]++;
  };
  const exchange = (a: number, b: number) => {
    const la = physicalToLogical[a] as number;
    const lb = physicalToLogical[b] as number;
    physicalToLogical[a] = lb;
    physicalToLogical[b] = la;
    if (la >= 0) layout[la] = b;
    if (lb >= 0) layout[lb] = a;
  };
  const swap = (a: number, b: number) => {
    out.push({ kind: "gate", name: "swap", qubits: [a, b], angles: [] });
    exchange(a, b);
  };

  let front = ops.map((_, k) => k).filter(isReady);
  const decay = new Float64Array(nPhysical).fill(1);
  let nSwaps = 0;
  let swapsSinceProgress = 0;
  const patience = 3 * nPhysical + 10;

  while (front.length > 0) {
    const executable = front.filter((k) => (wires[k] as number[]).length !== 2 || gateDistance(k) === 1);
    if (executable.length > 0) {
      const next = new Set(front.filter((k) => !executable.includes(k)));
      for (const k of executable) emit(k);
      for (const k of executable) for (const q of lanes[k] as number[]) {
        const candidate = queues[q]?.[heads[q] as number];
        if (candidate !== undefined && isReady(candidate)) next.add(candidate);
      }
      front = [...next].sort((a, b) => a - b);
      decay.fill(1);
      swapsSinceProgress = 0;
      continue;
    }
    if (swapsSinceProgress >= patience) {
      // Give up on the heuristic for the first blocked gate: walk it along a shortest path.
      const [a, b] = (wires[front[0] as number] as number[]).map(physical) as [number, number];
      let at = a;
      while ((distance[at * nPhysical + b] as number) > 1) {
        const step = (neighbours[at] as number[]).find((n) => (distance[n * nPhysical + b] as number) === (distance[at * nPhysical + b] as number) - 1);
        if (step === undefined) throw new Error("internal: no shortest-path step between connected qubits");
        swap(at, step);
        nSwaps++;
        at = step;
      }
      swapsSinceProgress = 0;
      continue;
    }
    while (twoQubitCursor < twoQubitOrder.length && done[twoQubitOrder[twoQubitCursor] as number]) twoQubitCursor++;
    const extended: number[] = [];
    const inFront = new Set(front);
    for (let i = twoQubitCursor; i < twoQubitOrder.length && extended.length < lookahead; i++) {
      const k = twoQubitOrder[i] as number;
      if (!done[k] && !inFront.has(k)) extended.push(k);
    }
    const blocked = front.filter((k) => (wires[k] as number[]).length === 2);
    let best: [number, number] | undefined;
    let bestScore = Infinity;
    const seen = new Set<number>();
    for (const k of blocked) {
      for (const l of wires[k] as number[]) {
        const a = physical(l);
        for (const b of neighbours[a] as number[]) {
          const key = Math.min(a, b) * nPhysical + Math.max(a, b);
          if (seen.has(key)) continue;
          seen.add(key);
          exchange(a, b);
          let frontCost = 0;
          for (const g of blocked) frontCost += gateDistance(g);
          let extendedCost = 0;
          for (const g of extended) extendedCost += gateDistance(g);
          exchange(a, b);
          const score = Math.max(decay[a] as number, decay[b] as number) * (frontCost / blocked.length + (extended.length > 0 ? (weight * extendedCost) / extended.length : 0));
          if (score < bestScore) {
            bestScore = score;
            best = [a, b];
          }
        }
      }
    }
    if (!best) throw new Error("internal: a blocked gate has no candidate swap");
    swap(best[0], best[1]);
    nSwaps++;
    swapsSinceProgress++;
    decay[best[0]] = (decay[best[0]] as number) + DECAY_STEP;
    decay[best[1]] = (decay[best[1]] as number) + DECAY_STEP;
    if (nSwaps % DECAY_RESET_INTERVAL === 0) decay.fill(1);
  }
  if (out.length - nSwaps !== ops.length) throw new Error("internal: routing lost or duplicated operations");
  return {
    circuit: { ...circuit, nQubits: nPhysical, ops: out },
    initialLayout,
    finalLayout: [...layout],
    nSwaps,
  };
}

function wiresOf(op: Op): number[] {
  switch (op.kind) {
    case "gate":
    case "barrier":
      return [...op.qubits];
    case "measure":
    case "reset":
      return [op.qubit];
    case "if":
      return wiresOf(op.op);
    default:
      return assertNever(op);
  }
}

function clbitsOf(op: Op): number[] {
  switch (op.kind) {
    case "measure":
      return [op.clbit];
    case "if":
      return [...op.clbits, ...clbitsOf(op.op).filter((c) => !op.clbits.includes(c))];
    default:
      return [];
  }
}

function relabel(op: Op, physical: (logical: number) => number): Op {
  switch (op.kind) {
    case "gate":
      return { ...op, qubits: op.qubits.map(physical) };
    case "barrier":
      return { ...op, qubits: op.qubits.map(physical) };
    case "measure":
    case "reset":
      return { ...op, qubit: physical(op.qubit) };
    case "if":
      return { ...op, op: relabel(op.op, physical) as ConditionedOp };
    default:
      return assertNever(op);
  }
}

function checkedLayout(layout: readonly number[], nLogical: number, nPhysical: number): number[] {
  if (layout.length !== nLogical) throw new RangeError(`initialLayout must have one physical qubit per logical qubit (${nLogical}), got ${layout.length}`);
  const used = new Set<number>();
  for (const p of layout) {
    if (!Number.isInteger(p) || p < 0 || p >= nPhysical || used.has(p)) {
      throw new RangeError(`initialLayout must list distinct physical qubits in 0..${nPhysical - 1}, got ${JSON.stringify(layout)}`);
    }
    used.add(p);
  }
  return [...layout];
}

function assertNever(value: never): never {
  throw new Error(`internal: unexpected circuit op ${JSON.stringify(value)}`);
}
