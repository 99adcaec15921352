// Seeded decision instances for benchmarks and tests, shaped like what follows a scoring model:
// values are noisy predictions correlated with cost (better items cost more), the budget binds at
// about a third of the total cost, quotas bind in every category, and conflicts pair random items.
// Assignment scores are item quality × slot weight plus item–slot affinity, so greedy is good but
// not optimal.
import type { Rng } from "../util/rng.js";
import type { AssignmentInstance } from "./assignment-decision.js";
import type { DecisionInstance } from "./decision-stage.js";

export interface RandomSubsetOptions {
  readonly nItems: number;
  /** Default 3. */
  readonly nCategories?: number;
  /** Conflicting pairs; default nItems / 4. */
  readonly nConflicts?: number;
  readonly rng: Rng;
}

const round2 = (value: number): number => Math.round(value * 100) / 100;

export function randomSubsetDecision(options: RandomSubsetOptions): DecisionInstance {
  const { nItems, rng } = options;
  const nCategories = options.nCategories ?? 3;
  const nConflicts = options.nConflicts ?? Math.floor(nItems / 4);
  if (!Number.isInteger(nItems) || nItems < 2) throw new RangeError(`nItems must be an integer ≥ 2, got ${nItems}`);
  if (!Number.isInteger(nCategories) || nCategories < 1 || nCategories > nItems) throw new RangeError(`nCategories must be an integer in 1..${nItems}, got ${nCategories}`);
  if (!Number.isInteger(nConflicts) || nConflicts < 0) throw new RangeError(`nConflicts must be a non-negative integer, got ${nConflicts}`);
  const cost = Array.from({ length: nItems }, () => 1 + Math.floor(rng.next() * 9));
  const value = cost.map((c) => round2(c * (0.6 + 0.8 * rng.next()) + 2 * rng.next()));
  const category = Array.from({ length: nItems }, (_, i) => (i < nCategories ? i : Math.floor(rng.next() * nCategories)));
  const perCategory = new Array<number>(nCategories).fill(0);
  for (const c of category) perCategory[c]++;
  const quota = perCategory.map((count) => Math.max(1, Math.round(count / 3)));
  const budget = Math.round(cost.reduce((a, b) => a + b, 0) / 3);
  const seen = new Set<string>();
  const conflicts: [number, number][] = [];
  for (let attempt = 0; conflicts.length < nConflicts && attempt < 20 * (nConflicts + 1); attempt++) {
    const a = Math.floor(rng.next() * nItems);
    const b = Math.floor(rng.next() * nItems);
    const key = `${Math.min(a, b)},${Math.max(a, b)}`;
    if (a === b || seen.has(key)) continue;
    seen.add(key);
    conflicts.push([Math.min(a, b), Math.max(a, b)]);
  }
  return { value, cost, budget, category, quota, conflicts };
}

export interface RandomAssignmentOptions {
  readonly nItems: number;
  readonly nSlots: number;
  readonly rng: Rng;
}

export function randomAssignmentDecision(options: RandomAssignmentOptions): AssignmentInstance {
  const { nItems, nSlots, rng } = options;
  if (!Number.isInteger(nSlots) || nSlots < 1) throw new RangeError(`nSlots must be a positive integer, got ${nSlots}`);
  if (!Number.isInteger(nItems) || nItems < nSlots) throw new RangeError(`nItems must be an integer ≥ nSlots (${nSlots}), got ${nItems}`);
  const quality = Array.from({ length: nItems }, () => rng.next());
  const weight = Array.from({ length: nSlots }, (_, s) => 1 - s / (2 * nSlots));
  const score = quality.map((q) => weight.map((w) => round2(10 * q * w + 4 * rng.next())));
  return { score };
}
