// SampleSet: the one result type of every solver. Distinct samples with energies and occurrences,
// read back in the user's terms (objective, feasibility, violated constraints, decoded values),
// the lowest-energy sample and the best feasible one kept apart, timing split into encode / solve /
// decode, and a manifest. Energies are recomputed here from the QUBO, never taken from a solver,
// so `energy = E(x)` holds for every sample whatever the solver did.
import { quboEnergy } from "../compile/qubo.js";
import { bitsToString, stringToBits } from "./bitstring.js";
import type { JsonObject, JsonValue } from "./json.js";
import type { Manifest } from "./manifest.js";
import { type SolvableModel, objectiveOfEnergy } from "./problem.js";
import type { ReadBuffer } from "./read-buffer.js";

export interface Sample {
  /** One 0/1 byte per QUBO variable. */
  readonly x: Uint8Array;
  /** `x` as text, variable n−1 on the left (the project's bit order). */
  readonly bits: string;
  /** E(x) = xᵀQx + offset, the minimised quantity. */
  readonly energy: number;
  /** How many reads returned this sample. */
  readonly occurrences: number;
  /** The objective in the problem's own sense. */
  readonly objective: number;
  readonly feasible: boolean;
  /** Violated constraints by name → violation amount; empty when feasible. */
  readonly violations: Readonly<Record<string, number>>;
  /** Decoded variables by name; absent for a bare QUBO (see `SampleSet.valuesOf`). */
  readonly values?: Readonly<Record<string, JsonValue>>;
  /** Index of the first read that returned this sample (absent in a set rebuilt from JSON). */
  readonly firstRead?: number;
  /** When that read was pushed, in ms from the start of the solve (absent without a clock). */
  readonly firstFoundMs?: number;
  /** Objective evaluations the solver had spent when it first held this sample (absent when it does not count them). */
  readonly firstEvaluations?: number;
}

export interface Timing {
  /** Validating and hashing the input and the solver's own encoding (adjacency, Ising form, LP text). */
  readonly encodeMs: number;
  readonly solveMs: number;
  /** Aggregating reads, recomputing energies and decoding. */
  readonly decodeMs: number;
  /**
   * When the read holding the best sample (best feasible, else lowest energy) was pushed, in ms from
   * the start of the solve: a time to solution at read granularity, ≤ solveMs.
   */
  readonly bestFoundMs?: number | null;
}

export interface SolverChoice {
  readonly mode: string;
  readonly solver: string;
}

/** How a time limit was shared between a failed attempt and its fallback, in ms. */
export interface FallbackTime {
  /** The request's `timeLimitMs`, which bounds attempt and fallback together. */
  readonly requestedMs: number;
  /** Spent before the fallback started (admit check and attempt), whole ms rounded up. */
  readonly spentMs: number;
  /** The fallback's `timeLimitMs` (also its manifest's): requestedMs − spentMs, or a floor when that is less. */
  readonly givenMs: number;
}

/** Present when a run did not use what was asked for, and why. */
export interface Fallback {
  readonly requested: SolverChoice;
  readonly used: SolverChoice;
  readonly reason: string;
  /** Present when the request had a time limit. */
  readonly time?: FallbackTime;
}

export interface SampleSetMeta {
  readonly timing: Timing;
  readonly manifest: Manifest;
  readonly info: JsonObject;
  readonly fallback?: Fallback | null;
}

export interface SampleSetJson {
  readonly variables: readonly string[];
  readonly sense: "min" | "max";
  readonly samples: readonly {
    readonly bits: string;
    readonly energy: number;
    readonly occurrences: number;
    readonly objective: number;
    readonly feasible: boolean;
    readonly violations: Readonly<Record<string, number>>;
    readonly values?: Readonly<Record<string, JsonValue>>;
  }[];
  readonly timing: Timing;
  readonly manifest: Manifest;
  readonly info: JsonObject;
  readonly fallback: Fallback | null;
}

export class SampleSet {
  /** Distinct samples, lowest energy first (ties in bitstring order). */
  readonly samples: readonly Sample[];
  readonly timing: Timing;
  readonly manifest: Manifest;
  /** Solver-specific facts about the run (e.g. `stoppedBy`, `optimal`), plain JSON. */
  readonly info: JsonObject;
  readonly fallback: Fallback | null;

  private constructor(
    readonly variables: readonly string[],
    readonly sense: "min" | "max",
    samples: readonly Sample[],
    meta: SampleSetMeta,
  ) {
    this.samples = [...samples].sort(compareByEnergy);
    this.timing = meta.timing;
    this.manifest = meta.manifest;
    this.info = meta.info;
    this.fallback = meta.fallback ?? null;
  }

  /**
   * Aggregates raw reads: duplicates merge (occurrences add), energies come from the QUBO, and each
   * distinct sample is decoded once. `decodeMs` in `meta.timing` is replaced by the time spent here.
   */
  static fromReads(model: SolvableModel, reads: ReadBuffer, meta: SampleSetMeta, now: () => number): SampleSet {
    const started = now();
    const qubo = model.qubo;
    if (reads.nVariables !== qubo.linear.length) {
      throw new Error(`internal: reads have ${reads.nVariables} variables, the QUBO ${qubo.linear.length}`);
    }
    // The buffer already merged identical reads: one row per distinct assignment.
    const samples: Sample[] = [];
    for (let row = 0; row < reads.distinct; row++) {
      const x = reads.row(row).slice();
      const bits = bitsToString(x);
      const occurrences = reads.occurrences(row);
      const firstRead = reads.firstRead(row);
      const energy = quboEnergy(qubo, x);
      const firstFoundMs = reads.timeOf(row);
      const firstEvaluations = reads.evaluationsOf(row);
      const order = {
        firstRead,
        ...(firstFoundMs === null ? {} : { firstFoundMs }),
        ...(firstEvaluations === null ? {} : { firstEvaluations }),
      };
      if (model.decode) {
        const decoded = model.decode(x);
        checkDecoded(decoded);
        samples.push({ x, bits, energy, occurrences, ...decoded, ...order });
      } else {
        samples.push({ x, bits, energy, occurrences, objective: objectiveOfEnergy(model.sense, energy), feasible: true, violations: {}, ...order });
      }
    }
    const set = new SampleSet(qubo.variables, model.sense ?? "min", samples, meta);
    const best = set.bestFeasible ?? set.bestEnergy;
    const timing = { ...meta.timing, bestFoundMs: best?.firstFoundMs ?? null, decodeMs: now() - started };
    // Reads and evaluations until the best: deterministic for a seeded run, unlike the time.
    const info = {
      ...meta.info,
      ...(best?.firstRead === undefined ? {} : { readsToBest: best.firstRead + 1 }),
      ...(best?.firstEvaluations === undefined ? {} : { evaluationsToBest: best.firstEvaluations }),
    };
    return new SampleSet(qubo.variables, model.sense ?? "min", set.samples, { ...meta, timing, info });
  }

  /** Rebuilds a SampleSet from `toJSON()` output (or its parsed text), checking its shape. */
  static fromJSON(json: SampleSetJson): SampleSet {
    if (json === null || typeof json !== "object" || !Array.isArray(json.variables) || !Array.isArray(json.samples)) {
      throw new TypeError("a SampleSet JSON needs variables and samples arrays");
    }
    if (json.sense !== "min" && json.sense !== "max") throw new RangeError(`sense must be 'min' or 'max', got ${String(json.sense)}`);
    const n = json.variables.length;
    const samples = json.samples.map((s, k): Sample => {
      if (typeof s.energy !== "number" || typeof s.objective !== "number" || typeof s.feasible !== "boolean") {
        throw new TypeError(`sample ${k} needs a numeric energy and objective and a boolean feasible`);
      }
      if (!Number.isSafeInteger(s.occurrences) || s.occurrences < 1) {
        throw new RangeError(`sample ${k} occurrences must be a positive integer, got ${s.occurrences}`);
      }
      const sample: Sample = {
        x: stringToBits(s.bits, n),
        bits: s.bits,
        energy: s.energy,
        occurrences: s.occurrences,
        objective: s.objective,
        feasible: s.feasible,
        violations: { ...s.violations },
      };
      return s.values === undefined ? sample : { ...sample, values: s.values };
    });
    return new SampleSet([...json.variables], json.sense, samples, json);
  }

  /** The lowest-energy sample, feasible or not; undefined only for an empty set. */
  get bestEnergy(): Sample | undefined {
    return this.samples[0];
  }

  /** The feasible sample with the best objective in the problem's sense (ties: lower energy); never an infeasible one. */
  get bestFeasible(): Sample | undefined {
    let best: Sample | undefined;
    for (const sample of this.samples) {
      if (!sample.feasible) continue;
      if (best === undefined || this.betterObjective(sample, best)) best = sample;
    }
    return best;
  }

  /** Total reads behind the set (Σ occurrences). */
  get nReads(): number {
    let total = 0;
    for (const sample of this.samples) total += sample.occurrences;
    return total;
  }

  /**
   * The earliest read that returned a sample meeting `reached` (e.g. a target objective): its count
   * of reads from the start (1-based), its time from the start of the solve and the objective
   * evaluations spent by then (null from a solver that does not count them). Null when no sample
   * meets it, or the set does not know its read order (rebuilt from JSON, merged).
   */
  firstReached(reached: (sample: Sample) => boolean): { readonly nReads: number; readonly ms: number | null; readonly evaluations: number | null } | null {
    let first: Sample | undefined;
    for (const sample of this.samples) {
      if (sample.firstRead === undefined || !reached(sample)) continue;
      if (first === undefined || sample.firstRead < first.firstRead!) first = sample;
    }
    if (first === undefined) return null;
    return { nReads: first.firstRead! + 1, ms: first.firstFoundMs ?? null, evaluations: first.firstEvaluations ?? null };
  }

  /** The k lowest-energy samples. */
  lowest(k: number): SampleSet {
    if (!Number.isSafeInteger(k) || k < 0) throw new RangeError(`lowest(k) needs a non-negative integer, got ${k}`);
    return this.withSamples(this.samples.slice(0, k));
  }

  filter(keep: (sample: Sample) => boolean): SampleSet {
    if (typeof keep !== "function") throw new TypeError("filter needs a predicate function");
    return this.withSamples(this.samples.filter((sample) => keep(sample)));
  }

  feasibleOnly(): SampleSet {
    return this.filter((sample) => sample.feasible);
  }

  /** Merges this set with another over the same problem (same input hash); occurrences add. */
  merge(other: SampleSet): SampleSet {
    if (other.manifest.inputHash !== this.manifest.inputHash) {
      throw new RangeError(`only sample sets of the same problem merge: ${this.manifest.inputHash} ≠ ${other.manifest.inputHash}`);
    }
    const byBits = new Map<string, Sample>();
    for (const sample of [...this.samples, ...other.samples]) {
      const seen = byBits.get(sample.bits);
      byBits.set(sample.bits, seen ? { ...seen, occurrences: seen.occurrences + sample.occurrences } : sample);
    }
    // Two runs' read orders do not combine into one.
    for (const [bits, { firstRead: _read, firstFoundMs: _ms, firstEvaluations: _spent, ...sample }] of byBits) byBits.set(bits, sample);
    return this.withSamples([...byBits.values()]);
  }

  /** Decoded values of a sample; for a bare QUBO, each variable name → its bit. */
  valuesOf(sample: Sample): Readonly<Record<string, JsonValue>> {
    if (sample.values) return sample.values;
    const values: Record<string, JsonValue> = {};
    this.variables.forEach((name, i) => {
      values[name] = sample.x[i];
    });
    return values;
  }

  toJSON(): SampleSetJson {
    return {
      variables: [...this.variables],
      sense: this.sense,
      samples: this.samples.map(({ bits, energy, occurrences, objective, feasible, violations, values }) =>
        values === undefined
          ? { bits, energy, occurrences, objective, feasible, violations: { ...violations } }
          : { bits, energy, occurrences, objective, feasible, violations: { ...violations }, values },
      ),
      timing: { ...this.timing },
      manifest: this.manifest,
      info: this.info,
      fallback: this.fallback,
    };
  }

  /** A copy that records a mode fallback. */
  withFallback(fallback: Fallback): SampleSet {
    return new SampleSet(this.variables, this.sense, this.samples, { ...this, fallback });
  }

  private withSamples(samples: readonly Sample[]): SampleSet {
    return new SampleSet(this.variables, this.sense, samples, this);
  }

  private betterObjective(a: Sample, b: Sample): boolean {
    if (a.objective !== b.objective) return this.sense === "max" ? a.objective > b.objective : a.objective < b.objective;
    return a.energy < b.energy;
  }
}

function compareByEnergy(a: Sample, b: Sample): number {
  if (a.energy !== b.energy) return a.energy - b.energy;
  return a.bits < b.bits ? -1 : a.bits > b.bits ? 1 : 0;
}

function checkDecoded(decoded: unknown): void {
  const d = decoded as Partial<Record<string, unknown>> | null;
  if (d === null || typeof d !== "object" || typeof d.objective !== "number" || typeof d.feasible !== "boolean") {
    throw new TypeError("decode(x) must return { values, objective: number, feasible: boolean, violations }");
  }
  if (!Number.isFinite(d.objective)) throw new RangeError(`decode(x) objective must be finite, got ${d.objective}`);
  if (d.values === null || typeof d.values !== "object" || d.violations === null || typeof d.violations !== "object") {
    throw new TypeError("decode(x) must return values and violations objects");
  }
}
